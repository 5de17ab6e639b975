#include "GeneralSettingsPage.h"

#include "RatioSpinBox.h"

#include "domain/StopLossEngine.h"
#include "domain/Ticker.h"
#include "monitor/Monitor.h"
#include "settings/Settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
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
    , m_ratioSpinBox(new RatioSpinBox(this))
    , m_ratioNoteLabel(new QLabel(this))
    , m_repeatPolicyComboBox(new QComboBox(this))
    , m_startMinimizedCheckBox(new QCheckBox(tr("Start &minimised to the tray"), this))
    , m_startAtLoginCheckBox(new QCheckBox(tr("Start Trailguard when I &log in"), this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("generalPage"));

    m_intervalSpinBox->setObjectName(QStringLiteral("checkIntervalSpinBox"));
    m_intervalSpinBox->setRange(static_cast<int>(Monitor::kMinimumInterval.count()),
                                static_cast<int>(Monitor::kMaximumInterval.count()));
    m_intervalSpinBox->setSuffix(tr(" s", "seconds"));
    m_intervalSpinBox->setToolTip(tr("How often prices are checked while connected: 5 seconds to 1 hour"));

    m_ratioSpinBox->setObjectName(QStringLiteral("defaultRatioSpinBox"));
    m_ratioNoteLabel->setObjectName(QStringLiteral("defaultRatioNoteLabel"));
    m_ratioNoteLabel->setWordWrap(true);
    m_ratioNoteLabel->setText(tr("Set by STOP_LOSS in the environment; unset it to choose here."));

    m_repeatPolicyComboBox->setObjectName(QStringLiteral("repeatPolicyComboBox"));
    m_repeatPolicyComboBox->addItem(tr("Every market day while below the stop"),
                                    static_cast<int>(RepeatPolicy::DailyWhileBelow));
    m_repeatPolicyComboBox->addItem(tr("Once per breach, until the price recovers above the stop"),
                                    static_cast<int>(RepeatPolicy::OncePerBreach));

    m_startMinimizedCheckBox->setObjectName(QStringLiteral("startMinimizedCheckBox"));
    m_startAtLoginCheckBox->setObjectName(QStringLiteral("startAtLoginCheckBox"));
    m_startAtLoginCheckBox->setToolTip(tr("Adds Trailguard, minimised, to the programs your desktop starts"));

    m_errorLabel->setObjectName(QStringLiteral("generalErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Problem with these settings"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, kErrorColour);
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Check prices every:"), m_intervalSpinBox);
    form->addRow(tr("Default stop &ratio:"), m_ratioSpinBox);
    form->addRow(QString(), m_ratioNoteLabel);
    form->addRow(tr("Re&peat an alert:"), m_repeatPolicyComboBox);
    form->addRow(QString(), m_startMinimizedCheckBox);
    form->addRow(QString(), m_startAtLoginCheckBox);

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
    m_startAtLoginCheckBox->setChecked(m_autostart.isEnabled());
    revalidate();
}

Status GeneralSettingsPage::validate() const
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
    m_settings.sync();
    if (m_startAtLoginCheckBox->isChecked() != m_autostart.isEnabled())
        return m_autostart.setEnabled(m_startAtLoginCheckBox->isChecked());
    return success();
}

QString GeneralSettingsPage::errorMessage() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void GeneralSettingsPage::revalidate()
{
    const Status valid = validate();
    m_errorLabel->setText(valid.ok() ? QString() : valid.error().message);
    m_errorLabel->setVisible(!valid.ok());
}

} // namespace trailguard::ui
