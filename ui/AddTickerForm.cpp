#include "AddTickerForm.h"

#include "AddTickerRulesDialog.h"
#include "RatioSpinBox.h"

#include "domain/StopStrategy.h"
#include "domain/Ticker.h"
#include "watchlist/WatchlistService.h"

#include <QComboBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

namespace trailguard::ui {

namespace {
constexpr int kTickerFieldChars = 13; // most tickers; a longer one (up to Ticker::kMaxLength) scrolls
// Narrow enough that the whole row, Rules… included, keeps the window within 900 px.
constexpr int kEntryFieldChars = 10;
constexpr int kParametersFieldChars = 11;

// Locale-aware first ("101,25" in French), then the locale-neutral form the core accepts.
Result<double> parseEntryPrice(const QString &text)
{
    bool ok = false;
    const double price = QLocale().toDouble(text, &ok);
    if (ok)
        return price; // the service checks that it is usable
    return Price::parse(text);
}
} // namespace

AddTickerForm::AddTickerForm(WatchlistService &service, const Result<double> &defaultRatio, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_tickerLineEdit(new QLineEdit(this))
    , m_ratioSpinBox(new RatioSpinBox(this))
    , m_entryLineEdit(new QLineEdit(this))
    , m_strategyComboBox(new QComboBox(this))
    , m_strategyParametersLineEdit(new QLineEdit(this))
    , m_rulesButton(new QToolButton(this))
    , m_addPushButton(new QPushButton(tr("&Add"), this))
    , m_errorLabel(new QLabel(this))
{
    m_tickerLineEdit->setObjectName(QStringLiteral("tickerLineEdit"));
    m_tickerLineEdit->setPlaceholderText(tr("e.g. SHOP.TO"));
    m_tickerLineEdit->setMaxLength(Ticker::kMaxLength + 10); // room for surrounding spaces, trimmed later
    m_tickerLineEdit->setFixedWidth(m_tickerLineEdit->fontMetrics().averageCharWidth() * kTickerFieldChars);

    m_ratioSpinBox->setObjectName(QStringLiteral("ratioSpinBox"));
    m_ratioSpinBox->setValue(defaultRatio.ok() ? defaultRatio.value() : StopRatio::kDefault);

    m_entryLineEdit->setObjectName(QStringLiteral("entryLineEdit"));
    m_entryLineEdit->setPlaceholderText(tr("optional"));
    m_entryLineEdit->setToolTip(
        tr("The price you paid. Trailing starts from it instead of the first price seen."));
    m_entryLineEdit->setFixedWidth(m_entryLineEdit->fontMetrics().averageCharWidth() * kEntryFieldChars);

    // The strategy: its name in the spec as item data; the parameters other than the ratio in the field.
    m_strategyComboBox->setObjectName(QStringLiteral("strategyComboBox"));
    m_strategyComboBox->addItem(tr("Trailing"), QStringLiteral("trailing"));
    m_strategyComboBox->addItem(tr("Fixed price"), QStringLiteral("fixed"));
    m_strategyComboBox->addItem(tr("Fixed % of entry"), QStringLiteral("fixed-pct"));
    m_strategyComboBox->addItem(tr("Trailing after a gain"), QStringLiteral("activation"));
    m_strategyComboBox->addItem(tr("ATR chandelier"), QStringLiteral("atr"));
    m_strategyComboBox->setToolTip(tr(
        "How the stop moves. Trailing: ratio \u00d7 the highest price. Fixed price: a stop that never moves. "
        "Fixed % of entry: ratio \u00d7 the entry (else the first price). Trailing after a gain: ratio "
        "\u00d7 the entry until the price rises by the gain, then trailing. ATR chandelier: the highest "
        "high of N days minus K average true ranges."));
    m_strategyParametersLineEdit->setObjectName(QStringLiteral("strategyParametersLineEdit"));
    m_strategyParametersLineEdit->setAccessibleName(tr("Strategy parameters"));
    m_strategyParametersLineEdit->setFixedWidth(
        m_strategyParametersLineEdit->fontMetrics().averageCharWidth() * kParametersFieldChars);
    connect(m_strategyComboBox, &QComboBox::currentIndexChanged, this, &AddTickerForm::updateStrategyFields);
    updateStrategyFields();

    // A tool button: as wide as its text, where a push button takes the style's minimum width; the window
    // must stay within 900 px.
    m_rulesButton->setObjectName(QStringLiteral("rulesToolButton"));
    m_rulesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_rulesButton->setAccessibleName(tr("Alert rules"));
    connect(m_rulesButton, &QPushButton::clicked, this, &AddTickerForm::editRules);
    showRuleCount();

    m_addPushButton->setObjectName(QStringLiteral("addPushButton"));
    m_addPushButton->setToolTip(tr("Add the ticker to the watchlist (Enter)"));

    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText); // messages quote user input
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    auto *tickerLabel = new QLabel(tr("&Ticker:"), this);
    tickerLabel->setBuddy(m_tickerLineEdit);
    auto *ratioLabel = new QLabel(tr("Stop &ratio:"), this);
    ratioLabel->setBuddy(m_ratioSpinBox);
    auto *entryLabel = new QLabel(tr("&Entry price:"), this);
    entryLabel->setBuddy(m_entryLineEdit);
    auto *strategyLabel = new QLabel(tr("&Strategy:"), this);
    strategyLabel->setBuddy(m_strategyComboBox);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tickerLabel, 0, 0);
    layout->addWidget(m_tickerLineEdit, 0, 1);
    layout->addWidget(ratioLabel, 0, 2);
    layout->addWidget(m_ratioSpinBox, 0, 3);
    layout->addWidget(entryLabel, 0, 4);
    layout->addWidget(m_entryLineEdit, 0, 5);
    layout->addWidget(strategyLabel, 0, 6);
    layout->addWidget(m_strategyComboBox, 0, 7);
    layout->addWidget(m_strategyParametersLineEdit, 0, 8);
    layout->addWidget(m_rulesButton, 0, 9);
    layout->addWidget(m_addPushButton, 0, 10);
    layout->setColumnStretch(11, 1); // the fields keep their size; the space goes to the right
    layout->addWidget(m_errorLabel, 1, 1, 1, 11);

    connect(m_addPushButton, &QPushButton::clicked, this, &AddTickerForm::submit);

    if (!defaultRatio.ok())
        showError(defaultRatio.error().message, m_ratioSpinBox);
}

void AddTickerForm::setDefaultRatio(const Result<double> &defaultRatio)
{
    m_ratioSpinBox->setValue(defaultRatio.ok() ? defaultRatio.value() : StopRatio::kDefault);
    if (!defaultRatio.ok())
        showError(defaultRatio.error().message, m_ratioSpinBox);
}

void AddTickerForm::focusTicker()
{
    m_tickerLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_tickerLineEdit->selectAll();
}

QString AddTickerForm::errorMessage() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void AddTickerForm::submit()
{
    std::optional<double> entry;
    if (const QString entryText = m_entryLineEdit->text().trimmed(); !entryText.isEmpty()) {
        const Result<double> parsed = parseEntryPrice(entryText);
        if (!parsed.ok()) {
            showError(parsed.error().message, m_entryLineEdit);
            return;
        }
        entry = parsed.value();
    }
    m_ratioSpinBox->interpretText();

    std::optional<StopStrategy> strategy;
    if (m_strategyComboBox->currentData().toString() != QLatin1String("trailing")) {
        const Result<StopStrategy> parsed = StopStrategy::parse(strategySpec());
        if (!parsed.ok()) {
            showError(parsed.error().message, m_strategyParametersLineEdit);
            return;
        }
        strategy = parsed.value();
    }
    // The ticker and its rules are saved together or not at all (the service checks every rule first).
    const Result<StockState> added =
        strategy ? m_service.add(m_tickerLineEdit->text(), *strategy, entry, m_rules)
                 : m_service.add(m_tickerLineEdit->text(), m_ratioSpinBox->value(), entry, m_rules);
    if (!added.ok()) {
        QWidget *field = m_tickerLineEdit;
        if (added.error().code == ErrorCode::InvalidRatio)
            field = m_ratioSpinBox;
        else if (added.error().code == ErrorCode::InvalidPrice)
            field = m_entryLineEdit;
        else if (added.error().code == ErrorCode::InvalidIndicator ||
                 added.error().code == ErrorCode::InvalidArguments) // a bad or repeated rule
            field = m_rulesButton;
        showError(added.error().message, field);
        return;
    }
    clearError();
    m_tickerLineEdit->clear();
    m_entryLineEdit->clear();
    setRules({});
    if (m_rulesDialog)
        m_rulesDialog->close();
    m_tickerLineEdit->setFocus(Qt::OtherFocusReason);
    Q_EMIT tickerAdded(added.value().ticker);
}

void AddTickerForm::setRules(const QStringList &rules)
{
    m_rules = rules;
    if (m_rulesDialog && m_rulesDialog->rules() != rules)
        m_rulesDialog->setRules(rules);
    showRuleCount();
}

AddTickerRulesDialog *AddTickerForm::rulesDialog() const
{
    return m_rulesDialog;
}

void AddTickerForm::editRules()
{
    if (!m_rulesDialog) {
        m_rulesDialog = new AddTickerRulesDialog(m_rules, this);
        m_rulesDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_rulesDialog, &AddTickerRulesDialog::rulesChanged, this, &AddTickerForm::setRules);
    }
    m_rulesDialog->show();
    m_rulesDialog->raise();
}

void AddTickerForm::showRuleCount()
{
    // Compact, so the form (and the window) stays narrow: the rules themselves are in the dialog.
    m_rulesButton->setText(m_rules.isEmpty() ? tr("R&ules\u2026")
                                             : tr("R&ules (%1)\u2026").arg(m_rules.size()));
    m_rulesButton->setToolTip(m_rules.isEmpty()
                                  ? tr("Alert rules to add with the ticker, besides its stop: "
                                       "a moving average crossed, RSI, MACD, Bollinger bands, "
                                       "a target price")
                                  : tr("Added with the ticker: %1").arg(m_rules.join(QStringLiteral(", "))));
}

void AddTickerForm::keyPressEvent(QKeyEvent *event)
{
    // The fields let Enter through to their parent, so one handler serves all of them.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AddTickerForm::showError(const QString &message, QWidget *field)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
    field->setFocus(Qt::OtherFocusReason);
    if (auto *lineEdit = qobject_cast<QLineEdit *>(field))
        lineEdit->selectAll();
    else if (auto *spinBox = qobject_cast<QAbstractSpinBox *>(field))
        spinBox->selectAll();
}

void AddTickerForm::updateStrategyFields()
{
    const QString name = m_strategyComboBox->currentData().toString();
    m_ratioSpinBox->setEnabled(name != QLatin1String("fixed") && name != QLatin1String("atr"));
    const bool hasParameters =
        name == QLatin1String("fixed") || name == QLatin1String("activation") || name == QLatin1String("atr");
    m_strategyParametersLineEdit->setEnabled(hasParameters);
    m_strategyParametersLineEdit->clear();
    if (name == QLatin1String("fixed")) {
        m_strategyParametersLineEdit->setPlaceholderText(tr("stop price"));
        m_strategyParametersLineEdit->setToolTip(tr("The stop price P, for example 95.50."));
    } else if (name == QLatin1String("activation")) {
        m_strategyParametersLineEdit->setPlaceholderText(tr("gain, e.g. 0.1"));
        m_strategyParametersLineEdit->setToolTip(tr(
            "The gain A above the entry that starts trailing: 0.1 starts once the price is 10% above it."));
    } else if (name == QLatin1String("atr")) {
        m_strategyParametersLineEdit->setText(QStringLiteral("14,3"));
        m_strategyParametersLineEdit->setPlaceholderText(tr("N,K"));
        m_strategyParametersLineEdit->setToolTip(tr(
            "N days of average true range (at least 1) and the multiplier K (greater than 0), e.g. 14,3."));
    } else {
        m_strategyParametersLineEdit->setPlaceholderText(QString());
        m_strategyParametersLineEdit->setToolTip(tr("This strategy takes only the stop ratio."));
    }
}

QString AddTickerForm::strategySpec() const
{
    const QString name = m_strategyComboBox->currentData().toString();
    const QString ratio = QString::number(m_ratioSpinBox->value(), 'g', 15);
    const QString parameters = m_strategyParametersLineEdit->text().trimmed();
    if (name == QLatin1String("fixed") || name == QLatin1String("atr"))
        return name + QLatin1Char(':') + parameters;
    if (name == QLatin1String("activation"))
        return name + QLatin1Char(':') + ratio + QLatin1Char(',') + parameters;
    return name + QLatin1Char(':') + ratio;
}

void AddTickerForm::clearError()
{
    m_errorLabel->clear();
    m_errorLabel->hide();
}

} // namespace trailguard::ui
