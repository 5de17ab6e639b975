#include "GeneralSettingsPage.h"

#include "alerts/ChannelSettings.h"

#include "EscalationPolicyEditor.h"
#include "RatioSpinBox.h"

#include "broker/QuoteCycleCost.h"
#include "domain/StopLossEngine.h"
#include "domain/Ticker.h"
#include "monitor/Monitor.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
const QColor kErrorColour(0xb0, 0x00, 0x20);
} // namespace

GeneralSettingsPage::GeneralSettingsPage(Settings &settings, Autostart autostart, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_autostart(std::move(autostart))
    , m_intervalSpinBox(new QSpinBox(this))
    , m_intervalWarningLabel(new QLabel(this))
    , m_ratioSpinBox(new RatioSpinBox(this))
    , m_ratioNoteLabel(new QLabel(this))
    , m_repeatPolicyComboBox(new QComboBox(this))
    , m_startMinimizedCheckBox(new QCheckBox(tr("Start &minimised to the tray"), this))
    , m_startAtLoginCheckBox(new QCheckBox(tr("Start Trailguard when I &log in"), this))
    , m_digestCheckBox(new QCheckBox(tr("Send a &daily digest at"), this))
    , m_digestTimeEdit(new QTimeEdit(this))
    , m_digestWithinSpinBox(new QDoubleSpinBox(this))
    , m_quietHoursCheckBox(new QCheckBox(tr("&Quiet hours from"), this))
    , m_quietStartTimeEdit(new QTimeEdit(this))
    , m_quietEndTimeEdit(new QTimeEdit(this))
    , m_escalationEditor(new EscalationPolicyEditor(this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("generalPage"));

    m_intervalSpinBox->setObjectName(QStringLiteral("checkIntervalSpinBox"));
    m_intervalSpinBox->setRange(static_cast<int>(Monitor::kMinimumInterval.count()),
                                static_cast<int>(Monitor::kMaximumInterval.count()));
    m_intervalSpinBox->setSuffix(tr(" s", "seconds"));
    m_intervalSpinBox->setToolTip(tr("How often prices are checked while connected: 5 seconds to 1 hour"));
    m_intervalWarningLabel->setObjectName(QStringLiteral("intervalWarningLabel"));
    m_intervalWarningLabel->setWordWrap(true);
    m_intervalWarningLabel->setTextFormat(Qt::PlainText);
    QPalette warningPalette = m_intervalWarningLabel->palette();
    warningPalette.setColor(QPalette::WindowText, kErrorColour);
    m_intervalWarningLabel->setPalette(warningPalette);
    m_intervalWarningLabel->hide();
    connect(m_intervalSpinBox, &QSpinBox::valueChanged, this, &GeneralSettingsPage::updateIntervalWarning);

    m_ratioSpinBox->setObjectName(QStringLiteral("defaultRatioSpinBox"));
    m_ratioNoteLabel->setObjectName(QStringLiteral("defaultRatioNoteLabel"));
    m_ratioNoteLabel->setWordWrap(true);
    m_ratioNoteLabel->setText(tr("Set by STOP_LOSS in the environment; unset it to choose here."));

    m_repeatPolicyComboBox->setObjectName(QStringLiteral("repeatPolicyComboBox"));
    m_repeatPolicyComboBox->setAccessibleDescription(
        tr("How often a ticker below its stop is alerted again"));
    m_repeatPolicyComboBox->addItem(tr("Every market day while below the stop"),
                                    static_cast<int>(RepeatPolicy::DailyWhileBelow));
    m_repeatPolicyComboBox->addItem(tr("Once per breach, until the price recovers above the stop"),
                                    static_cast<int>(RepeatPolicy::OncePerBreach));

    m_startMinimizedCheckBox->setObjectName(QStringLiteral("startMinimizedCheckBox"));
    m_startMinimizedCheckBox->setAccessibleDescription(
        tr("Only the tray icon at start; click it to show the window"));
    m_startAtLoginCheckBox->setObjectName(QStringLiteral("startAtLoginCheckBox"));
    m_startAtLoginCheckBox->setToolTip(tr("Adds Trailguard, minimised, to the programs your desktop starts"));

    m_digestCheckBox->setObjectName(QStringLiteral("digestCheckBox"));
    m_digestCheckBox->setToolTip(
        tr("One email/ntfy summary a day of the stocks below their stop or near it"));
    m_digestTimeEdit->setObjectName(QStringLiteral("digestTimeEdit"));
    m_digestTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_digestTimeEdit->setAccessibleName(tr("Daily digest time"));
    m_digestTimeEdit->setAccessibleDescription(tr("When the daily digest is sent, in local time"));
    m_digestWithinSpinBox->setObjectName(QStringLiteral("digestWithinSpinBox"));
    m_digestWithinSpinBox->setRange(0.0, 50.0);
    m_digestWithinSpinBox->setDecimals(1);
    m_digestWithinSpinBox->setPrefix(tr("within "));
    m_digestWithinSpinBox->setSuffix(tr(" % of the stop"));
    m_digestWithinSpinBox->setAccessibleName(tr("Digest distance to the stop"));
    m_digestWithinSpinBox->setAccessibleDescription(
        tr("Stocks this close to their stop, in percent, are in the digest too"));
    m_quietHoursCheckBox->setObjectName(QStringLiteral("quietHoursCheckBox"));
    m_quietHoursCheckBox->setToolTip(
        tr("Digests and health alerts wait until quiet hours end; breaches never wait"));
    m_quietStartTimeEdit->setObjectName(QStringLiteral("quietStartTimeEdit"));
    m_quietStartTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietStartTimeEdit->setAccessibleName(tr("Quiet hours start"));
    m_quietStartTimeEdit->setAccessibleDescription(tr("From this time digests and health alerts wait"));
    m_quietEndTimeEdit->setObjectName(QStringLiteral("quietEndTimeEdit"));
    m_quietEndTimeEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietEndTimeEdit->setAccessibleName(tr("Quiet hours end"));
    m_quietEndTimeEdit->setAccessibleDescription(tr("At this time what waited is sent"));

    m_errorLabel->setObjectName(QStringLiteral("generalErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Problem with these settings"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, kErrorColour);
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    m_useStreamingCheckBox =
        new QCheckBox(tr("Use &streaming quotes (real time; polls while the stream is down)"), this);
    m_useStreamingCheckBox->setObjectName(QStringLiteral("useStreamingCheckBox"));
    m_useStreamingCheckBox->setToolTip(
        tr("Prices arrive over Questrade's stream as they trade; off: they are checked every interval"));

    m_marketHoursOnlyCheckBox = new QCheckBox(tr("Check only while a watched &market is open, for"), this);
    m_marketHoursOnlyCheckBox->setObjectName(QStringLiteral("marketHoursOnlyCheckBox"));
    m_marketHoursOnlyCheckBox->setAccessibleDescription(tr(
        "Outside the trading sessions Questrade reports, scheduled checks pause; Check Now always checks"));
    m_closeGraceSpinBox = new QSpinBox(this);
    m_closeGraceSpinBox->setObjectName(QStringLiteral("closeGraceSpinBox"));
    m_closeGraceSpinBox->setRange(0, 240);
    m_closeGraceSpinBox->setSuffix(tr(" min after the close"));
    m_closeGraceSpinBox->setAccessibleName(tr("Grace period after the close"));
    m_closeGraceSpinBox->setAccessibleDescription(
        tr("How long checks go on after a market closes, to catch late prints"));
    connect(m_marketHoursOnlyCheckBox, &QCheckBox::toggled, m_closeGraceSpinBox, &QWidget::setEnabled);

    m_includeExtendedHoursCheckBox = new QCheckBox(tr("Include e&xtended-hours trades"), this);
    m_includeExtendedHoursCheckBox->setObjectName(QStringLiteral("includeExtendedHoursCheckBox"));
    m_includeExtendedHoursCheckBox->setToolTip(
        tr("Pre-market and after-hours trades raise the peak and can breach a stop; off: stops follow the "
           "regular session, and those trades only appear on the chart"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Check prices every:"), m_intervalSpinBox);
    form->addRow(QString(), m_intervalWarningLabel);
    form->addRow(tr("Default stop &ratio:"), m_ratioSpinBox);
    form->addRow(QString(), m_ratioNoteLabel);
    form->addRow(tr("Re&peat an alert:"), m_repeatPolicyComboBox);
    form->addRow(QString(), m_useStreamingCheckBox);
    auto *marketHoursRow = new QHBoxLayout;
    marketHoursRow->addWidget(m_marketHoursOnlyCheckBox);
    marketHoursRow->addWidget(m_closeGraceSpinBox);
    marketHoursRow->addStretch();
    form->addRow(QString(), marketHoursRow);
    form->addRow(QString(), m_includeExtendedHoursCheckBox);
    form->addRow(QString(), m_startMinimizedCheckBox);
    form->addRow(QString(), m_startAtLoginCheckBox);
    auto *digestRow = new QHBoxLayout;
    digestRow->addWidget(m_digestCheckBox);
    digestRow->addWidget(m_digestTimeEdit);
    digestRow->addWidget(m_digestWithinSpinBox);
    digestRow->addStretch();
    form->addRow(QString(), digestRow);
    auto *quietRow = new QHBoxLayout;
    quietRow->addWidget(m_quietHoursCheckBox);
    quietRow->addWidget(m_quietStartTimeEdit);
    quietRow->addWidget(new QLabel(tr("to"), this));
    quietRow->addWidget(m_quietEndTimeEdit);
    quietRow->addStretch();
    form->addRow(QString(), quietRow);
    form->addRow(tr("&Escalation:"), m_escalationEditor);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addStretch();

    connect(m_ratioSpinBox, &QDoubleSpinBox::valueChanged, this, &GeneralSettingsPage::revalidate);
    load();
}

GeneralSettingsPage::~GeneralSettingsPage() = default;

void GeneralSettingsPage::load()
{
    m_intervalSpinBox->setValue(static_cast<int>(m_settings.checkInterval().count()));
    const Result<double> ratio = m_settings.defaultRatio();
    m_ratioSpinBox->setValue(ratio.ok() ? ratio.value() : StopRatio::kDefault);
    const bool fromEnvironment = m_settings.defaultRatioFromEnvironment();
    m_ratioSpinBox->setEnabled(!fromEnvironment);
    m_ratioNoteLabel->setVisible(fromEnvironment);
    m_repeatPolicyComboBox->setCurrentIndex(
        m_repeatPolicyComboBox->findData(static_cast<int>(m_settings.repeatPolicy())));
    m_startMinimizedCheckBox->setChecked(m_settings.startMinimized());
    m_useStreamingCheckBox->setChecked(m_settings.useStreaming());
    m_marketHoursOnlyCheckBox->setChecked(m_settings.marketHoursOnly());
    m_closeGraceSpinBox->setValue(int(m_settings.closeGraceMinutes().count()));
    m_closeGraceSpinBox->setEnabled(m_marketHoursOnlyCheckBox->isChecked());
    m_includeExtendedHoursCheckBox->setChecked(m_settings.includeExtendedHours());
    m_startAtLoginCheckBox->setChecked(m_autostart.isEnabled());
    const DailyDigest::Options digest = ChannelSettings::digestOptions(m_settings);
    m_digestCheckBox->setChecked(digest.enabled);
    m_digestTimeEdit->setTime(digest.at.isValid() ? digest.at : QTime(17, 0));
    m_digestWithinSpinBox->setValue(digest.withinPercent);
    const QuietHours quiet = ChannelSettings::quietHours(m_settings);
    m_quietHoursCheckBox->setChecked(quiet.enabled);
    m_quietStartTimeEdit->setTime(quiet.start.isValid() ? quiet.start : QTime(22, 0));
    m_quietEndTimeEdit->setTime(quiet.end.isValid() ? quiet.end : QTime(7, 0));
    m_escalationEditor->setPolicyText(m_settings.escalationPolicy());
    revalidate();
}

Status GeneralSettingsPage::validate() const
{
    if (Status ratio = validateRatio(); !ratio.ok())
        return ratio;
    return m_escalationEditor->validate(); // the editor shows its own message
}

Status GeneralSettingsPage::validateRatio() const
{
    if (m_settings.defaultRatioFromEnvironment())
        return success();
    const Result<double> ratio = StopRatio::validate(m_ratioSpinBox->value());
    if (!ratio.ok())
        return ratio.error();
    return success();
}

Status GeneralSettingsPage::save()
{
    if (Status valid = validate(); !valid.ok())
        return valid;
    m_settings.setCheckInterval(std::chrono::seconds(m_intervalSpinBox->value()));
    if (!m_settings.defaultRatioFromEnvironment()) {
        if (Status ratio = m_settings.setDefaultRatio(m_ratioSpinBox->value()); !ratio.ok())
            return ratio;
    }
    m_settings.setRepeatPolicy(static_cast<RepeatPolicy>(m_repeatPolicyComboBox->currentData().toInt()));
    m_settings.setStartMinimized(m_startMinimizedCheckBox->isChecked());
    m_settings.setUseStreaming(m_useStreamingCheckBox->isChecked());
    m_settings.setMarketHoursOnly(m_marketHoursOnlyCheckBox->isChecked());
    m_settings.setCloseGraceMinutes(std::chrono::minutes(m_closeGraceSpinBox->value()));
    m_settings.setIncludeExtendedHours(m_includeExtendedHoursCheckBox->isChecked());
    ChannelSettings::setDigestOptions(m_settings, {m_digestCheckBox->isChecked(), m_digestTimeEdit->time(),
                                                   m_digestWithinSpinBox->value()});
    ChannelSettings::setQuietHours(m_settings, {m_quietHoursCheckBox->isChecked(),
                                                m_quietStartTimeEdit->time(), m_quietEndTimeEdit->time()});
    m_settings.setEscalationPolicy(m_escalationEditor->policyText());
    m_settings.sync();
    if (m_startAtLoginCheckBox->isChecked() != m_autostart.isEnabled())
        return m_autostart.setEnabled(m_startAtLoginCheckBox->isChecked());
    return success();
}

QString GeneralSettingsPage::errorMessage() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void GeneralSettingsPage::setWatchedTickerCount(int tickers)
{
    m_watchedTickers = tickers;
    updateIntervalWarning();
}

QString GeneralSettingsPage::intervalWarning() const
{
    return m_intervalWarningLabel->isHidden() ? QString() : m_intervalWarningLabel->text();
}

void GeneralSettingsPage::updateIntervalWarning()
{
    const QuoteCycleCost cost = QuoteCycleCost::estimate(m_watchedTickers);
    const bool tooShort = cost.tooFrequent(std::chrono::seconds(m_intervalSpinBox->value()));
    m_intervalWarningLabel->setText(
        tooShort ? tr("Too short for %n ticker(s) (quote requests per check: %1): Questrade's limits allow a "
                      "check every %2 s at the most.",
                      nullptr, m_watchedTickers)
                       .arg(cost.quoteRequests)
                       .arg(cost.shortestInterval.count())
                 : QString());
    m_intervalWarningLabel->setVisible(tooShort);
}

void GeneralSettingsPage::revalidate()
{
    const Status valid = validateRatio();
    m_errorLabel->setText(valid.ok() ? QString() : valid.error().message);
    m_errorLabel->setVisible(!valid.ok());
}

} // namespace trailguard::ui
