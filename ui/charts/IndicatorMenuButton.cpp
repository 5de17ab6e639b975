#include "charts/IndicatorMenuButton.h"

#include "charts/CustomIndicatorDialog.h"
#include "charts/IndicatorOverlayBuilder.h"
#include "domain/Indicator.h"

#include <QAction>
#include <QMenu>

namespace trailguard::ui {

namespace {
// What a menu item says for a spec: "SMA 50", "Bollinger Bands 20, 2", "MACD 12, 26, 9".
QString indicatorLabel(const IndicatorSpec &spec)
{
    switch (spec.kind) {
    case IndicatorSpec::Kind::Sma:
        return IndicatorMenuButton::tr("Simple Moving Average %1").arg(spec.period);
    case IndicatorSpec::Kind::Ema:
        return IndicatorMenuButton::tr("Exponential Moving Average %1").arg(spec.period);
    case IndicatorSpec::Kind::Bollinger:
        return IndicatorMenuButton::tr("Bollinger Bands %1, %2").arg(spec.period).arg(spec.width);
    case IndicatorSpec::Kind::Rsi:
        return IndicatorMenuButton::tr("RSI %1").arg(spec.period);
    case IndicatorSpec::Kind::Macd:
        return IndicatorMenuButton::tr("MACD %1, %2, %3").arg(spec.fast).arg(spec.slow).arg(spec.signal);
    case IndicatorSpec::Kind::Atr:
        return IndicatorMenuButton::tr("Average True Range %1").arg(spec.period);
    }
    return spec.spec();
}
} // namespace

IndicatorMenuButton::IndicatorMenuButton(QWidget *parent)
    : QToolButton(parent)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("indicatorsButton"));
    setToolTip(tr("Moving averages, Bollinger Bands, RSI and MACD on the chart"));
    setIcon(QIcon::fromTheme(QStringLiteral("office-chart-line")));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    m_menu->setObjectName(QStringLiteral("indicatorsMenu"));
    setMenu(m_menu);
    rebuildMenu();
}

QStringList IndicatorMenuButton::presets()
{
    return {QStringLiteral("sma:20"), QStringLiteral("sma:50"),      QStringLiteral("sma:200"),
            QStringLiteral("ema:20"), QStringLiteral("ema:50"),      QStringLiteral("bb:20,2"),
            QStringLiteral("rsi:14"), QStringLiteral("macd:12,26,9")};
}

void IndicatorMenuButton::setSpecs(const QStringList &specs)
{
    m_specs = specs;
    rebuildMenu();
}

QAction *IndicatorMenuButton::actionFor(const QString &spec) const
{
    const QList<QAction *> actions = m_menu->actions();
    for (QAction *action : actions) {
        if (action->isCheckable() && action->data().toString() == spec)
            return action;
    }
    return nullptr;
}

void IndicatorMenuButton::rebuildMenu()
{
    m_menu->clear();
    setText(m_specs.isEmpty() ? tr("Indicators") : tr("Indicators (%1)").arg(m_specs.size()));
    QStringList listed = presets();
    for (const QString &spec : std::as_const(m_specs)) {
        if (!listed.contains(spec))
            listed.append(spec); // a custom one stays in the menu while it is on
    }
    bool onPrice = true;
    for (qsizetype i = 0; i < listed.size(); ++i) {
        const Result<IndicatorSpec> spec = IndicatorSpec::parse(listed.at(i));
        if (!spec)
            continue;
        // Lines on the price first, then those of the pane below it, then custom ones.
        const bool priceLine = IndicatorOverlayBuilder::placeOf(spec.value().kind) == OverlayPlace::Price;
        if ((onPrice && !priceLine) || i == presets().size())
            m_menu->addSeparator();
        onPrice = onPrice && priceLine;
        QAction *action = m_menu->addAction(indicatorLabel(spec.value()));
        action->setData(spec.value().spec());
        action->setCheckable(true);
        action->setChecked(m_specs.contains(spec.value().spec()));
        connect(action, &QAction::toggled, this,
                [this, name = spec.value().spec()](bool on) { toggle(name, on); });
    }
    m_menu->addSeparator();
    QAction *custom = m_menu->addAction(tr("Custom\u2026"));
    custom->setObjectName(QStringLiteral("customIndicatorAction"));
    connect(custom, &QAction::triggered, this, &IndicatorMenuButton::openCustom);
    QAction *removeAll = m_menu->addAction(tr("Remove All"));
    removeAll->setObjectName(QStringLiteral("removeAllIndicatorsAction"));
    removeAll->setEnabled(!m_specs.isEmpty());
    connect(removeAll, &QAction::triggered, this, [this] {
        m_specs.clear();
        Q_EMIT specsChosen(m_specs);
        // Not from inside the menu's own signal: rebuilding deletes the action that is emitting.
        QMetaObject::invokeMethod(this, &IndicatorMenuButton::rebuildMenu, Qt::QueuedConnection);
    });
}

void IndicatorMenuButton::toggle(const QString &spec, bool on)
{
    if (on == m_specs.contains(spec))
        return;
    if (on)
        m_specs.append(spec);
    else
        m_specs.removeAll(spec);
    Q_EMIT specsChosen(m_specs);
    QMetaObject::invokeMethod(this, &IndicatorMenuButton::rebuildMenu, Qt::QueuedConnection);
}

bool IndicatorMenuButton::addCustom(const QString &text)
{
    const Result<IndicatorSpec> spec = IndicatorSpec::parse(text);
    if (!spec)
        return false;
    toggle(spec.value().spec(), true);
    return true;
}

void IndicatorMenuButton::openCustom()
{
    if (m_customDialog) {
        m_customDialog->raise();
        return;
    }
    m_customDialog = new CustomIndicatorDialog(this);
    m_customDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_customDialog, &CustomIndicatorDialog::specAccepted, this,
            [this](const QString &spec) { addCustom(spec); });
    connect(m_customDialog, &QObject::destroyed, this, [this] { m_customDialog = nullptr; });
    m_customDialog->open();
}

} // namespace trailguard::ui
