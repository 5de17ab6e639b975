#include "ChannelSettingsPage.h"

#include "alerts/AlertChannel.h"
#include "alerts/AlertFormatter.h"
#include "common/Clock.h"
#include "secrets/Redact.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace trailguard::ui {

namespace {
const QColor kErrorColour(0xb0, 0x00, 0x20);
} // namespace

ChannelSettingsPage::ChannelSettingsPage(const QString &name, const QString &enableText,
                                         ChannelTestServices services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_enabledCheckBox(new QCheckBox(enableText, this))
    , m_form(new QFormLayout)
    , m_errorLabel(new QLabel(this))
    , m_testButton(new QPushButton(tr("Send &Test"), this))
    , m_testResultLabel(new QLabel(this))
{
    setObjectName(name + QStringLiteral("Page"));
    if (!m_services.network)
        m_services.network = new QNetworkAccessManager(this);
    m_enabledCheckBox->setObjectName(name + QStringLiteral("EnabledCheckBox"));
    m_enabledCheckBox->setAccessibleDescription(tr("Breaches and health alerts go out through this channel"));

    m_errorLabel->setObjectName(name + QStringLiteral("ErrorLabel"));
    m_errorLabel->setAccessibleName(tr("Problem with these settings"));
    m_errorLabel->setTextFormat(Qt::PlainText); // messages quote user input
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, kErrorColour);
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    m_testButton->setObjectName(name + QStringLiteral("TestPushButton"));
    m_testButton->setToolTip(tr("Send a test alert with these settings, saved or not"));
    m_testResultLabel->setObjectName(name + QStringLiteral("TestResultLabel"));
    m_testResultLabel->setAccessibleName(tr("Test result"));
    m_testResultLabel->setTextFormat(Qt::PlainText);
    m_testResultLabel->setWordWrap(true);
    m_testResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton, 0, Qt::AlignTop);
    testRow->addWidget(m_testResultLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_enabledCheckBox);
    layout->addLayout(m_form);
    layout->addWidget(m_errorLabel);
    layout->addLayout(testRow);
    layout->addStretch();

    connect(m_enabledCheckBox, &QCheckBox::toggled, this, &ChannelSettingsPage::revalidate);
    connect(m_testButton, &QPushButton::clicked, this, &ChannelSettingsPage::sendTest);
}

ChannelSettingsPage::~ChannelSettingsPage() = default;

bool ChannelSettingsPage::isChannelEnabled() const
{
    return m_enabledCheckBox->isChecked();
}

void ChannelSettingsPage::setChannelEnabled(bool enabled)
{
    m_enabledCheckBox->setChecked(enabled);
    revalidate();
}

QString ChannelSettingsPage::errorMessage() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

QString ChannelSettingsPage::testResult() const
{
    return m_testResultLabel->text();
}

void ChannelSettingsPage::revalidate()
{
    const Status valid = validate();
    const bool show = isChannelEnabled() && !valid.ok();
    m_errorLabel->setText(show ? valid.error().message : QString());
    m_errorLabel->setVisible(show);
}

void ChannelSettingsPage::fieldsChanged()
{
    revalidate();
}

void ChannelSettingsPage::sendTest()
{
    if (m_testing)
        return;
    if (const Status valid = validate(); !valid.ok()) {
        showTestResult(false, valid.error().message);
        return;
    }
    m_testChannel = makeTestChannel();
    if (!m_testChannel)
        return;
    setTestRunning();
    const QDateTime now = m_services.clock ? m_services.clock->now() : QDateTime::currentDateTimeUtc();
    m_testChannel->send(AlertFormatter::test(now), this,
                        [this](const DeliveryResult &result) { finishTest(result); });
}

void ChannelSettingsPage::remember(const QByteArray &secret) const
{
    if (m_services.redactor && !secret.isEmpty())
        m_services.redactor->addSecret(secret);
}

void ChannelSettingsPage::setTestRunning()
{
    m_testing = true;
    m_testButton->setEnabled(false);
    m_testResultLabel->setText(tr("Sending\u2026"));
}

void ChannelSettingsPage::finishTest(const DeliveryResult &result)
{
    // Not deleted here: the channel is still inside its own callback.
    if (AlertChannel *channel = m_testChannel.release())
        channel->deleteLater();
    const bool delivered = result.outcome == DeliveryResult::Outcome::Delivered;
    showTestResult(delivered, delivered ? tr("Delivered") : result.reason);
}

void ChannelSettingsPage::showTestResult(bool delivered, const QString &text)
{
    m_testing = false;
    m_testButton->setEnabled(true);
    m_testResultLabel->setText(text);
    Q_EMIT testFinished(delivered, text);
}

} // namespace trailguard::ui
