#include "charts/ChartIndicators.h"

#include "charts/IndicatorMenuButton.h"
#include "charts/IndicatorPane.h"
#include "settings/Settings.h"

#include <QCursor>
#include <QScatterSeries>
#include <QToolTip>

namespace trailguard::ui {

namespace {
// The specs that parse, canonical, each once.
QStringList canonicalSpecs(const QStringList &specs)
{
    QStringList canonical;
    for (const QString &text : specs) {
        const Result<IndicatorSpec> spec = IndicatorSpec::parse(text);
        if (spec && !canonical.contains(spec.value().spec()))
            canonical.append(spec.value().spec());
    }
    return canonical;
}
} // namespace

ChartIndicators::ChartIndicators(QChart *chart, QAbstractAxis *timeAxis, QAbstractAxis *priceAxis,
                                 QWidget *parentWidget)
    : QObject(parentWidget)
    , m_price(chart, timeAxis, priceAxis)
    , m_button(new IndicatorMenuButton(parentWidget))
    , m_pane(new IndicatorPane(parentWidget))
{
    m_button->setEnabled(false);
    connect(m_button, &IndicatorMenuButton::specsChosen, this, &ChartIndicators::setSpecs);
    // A rule mark's tooltip says what the rules said that day.
    connect(m_price.ruleMarkSeries(), &QScatterSeries::hovered, this,
            [this, parentWidget](const QPointF &point, bool state) {
                if (!state)
                    return QToolTip::hideText();
                QToolTip::showText(QCursor::pos(), m_price.ruleMarkNear(point.x(), 1), parentWidget);
            });
}

ChartIndicators::~ChartIndicators() = default;

void ChartIndicators::setSettings(Settings *settings)
{
    m_settings = settings;
    if (m_settings && !m_ticker.isEmpty()) {
        m_specs = canonicalSpecs(m_settings->chartOverlays(m_ticker));
        m_button->setSpecs(m_specs);
        rebuild();
    }
}

void ChartIndicators::setSeries(const ChartSeries &series)
{
    if (series.ticker != m_ticker) {
        m_ticker = series.ticker;
        m_specs = m_settings ? canonicalSpecs(m_settings->chartOverlays(m_ticker)) : QStringList{};
        m_button->setSpecs(m_specs);
    }
    m_bars = series.dailyBars;
    m_rules = series.rules;
    m_button->setEnabled(!m_ticker.isEmpty());
    rebuild();
}

void ChartIndicators::clear()
{
    m_bars.clear();
    m_rules.clear();
    m_lines.clear();
    m_price.clear();
    m_pane->setLines({});
    m_button->setEnabled(false);
    // The ticker is kept: its series coming back ("Loading…" then the chart) keeps the choice.
}

void ChartIndicators::setSpecs(const QStringList &specs)
{
    m_specs = canonicalSpecs(specs);
    if (m_button->specs() != m_specs)
        m_button->setSpecs(m_specs);
    if (m_settings && !m_ticker.isEmpty())
        m_settings->setChartOverlays(m_ticker, m_specs);
    rebuild();
}

void ChartIndicators::rebuild()
{
    QList<IndicatorSpec> specs;
    for (const QString &text : std::as_const(m_specs)) {
        if (const Result<IndicatorSpec> spec = IndicatorSpec::parse(text))
            specs.append(spec.value());
    }
    m_lines = IndicatorOverlayBuilder::build(m_bars, specs);
    m_price.setLines(m_lines);
    m_price.setRuleMarks(RuleMarks::build(m_ticker, m_bars, m_rules));
    m_pane->setLines(m_lines);
    Q_EMIT changed();
}

} // namespace trailguard::ui
