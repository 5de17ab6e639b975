#include "TelegramSettingsPage.h"

#include "alerts/ChannelSettings.h"
#include "alerts/telegram/TelegramApi.h"
#include "alerts/telegram/TelegramChannel.h"

#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace trailguard::ui {

namespace {
constexpr std::chrono::seconds kCheckTimeout{20};
} // namespace

TelegramSettingsPage::TelegramSettingsPage(ChannelTestServices services, QWidget *parent)
    : ChannelSettingsPage(QStringLiteral("telegram"), tr("&Enable Telegram alerts"), services, parent)
    , m_tokenLineEdit(new QLineEdit(this))
    , m_chatLineEdit(new QLineEdit(this))
    , m_apiLineEdit(new QLineEdit(this))
    , m_checkButton(new QPushButton(tr("C&heck bot"), this))
    , m_checkLabel(new QLabel(this))
{
    m_tokenLineEdit->setObjectName(QStringLiteral("telegramTokenLineEdit"));
    m_tokenLineEdit->setEchoMode(QLineEdit::Password);
    m_tokenLineEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                         Qt::ImhNoAutoUppercase);
    m_tokenLineEdit->setPlaceholderText(tr("123456789:AA\u2026 from @BotFather"));
    m_tokenLineEdit->setToolTip(tr("Stored in the keychain, never in a file."));
    m_chatLineEdit->setObjectName(QStringLiteral("telegramChatLineEdit"));
    m_chatLineEdit->setPlaceholderText(tr("your chat's number, or @channelname"));
    m_chatLineEdit->setToolTip(
        tr("Send your bot a message, then find the chat's number as the README explains. "
           "A group's number is negative."));
    m_apiLineEdit->setObjectName(QStringLiteral("telegramApiLineEdit"));
    m_apiLineEdit->setPlaceholderText(TelegramConfig::defaultApiUrl().toString());
    m_apiLineEdit->setToolTip(tr("Leave empty unless you run your own Bot API server."));
    m_apiLineEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_checkButton->setObjectName(QStringLiteral("telegramCheckPushButton"));
    m_checkButton->setToolTip(tr("Ask Telegram whether the token is right, and the bot's name"));
    m_checkLabel->setObjectName(QStringLiteral("telegramCheckLabel"));
    m_checkLabel->setTextFormat(Qt::PlainText);
    m_checkLabel->setWordWrap(true);

    form()->addRow(tr("Bot &token:"), m_tokenLineEdit);
    form()->addRow(tr("&Chat id:"), m_chatLineEdit);
    form()->addRow(tr("Bot &API server:"), m_apiLineEdit);
    form()->addRow(m_checkButton, m_checkLabel);

    for (QLineEdit *field : {m_tokenLineEdit, m_chatLineEdit, m_apiLineEdit})
        connect(field, &QLineEdit::textChanged, this, [this] { fieldsChanged(); });
    connect(m_checkButton, &QPushButton::clicked, this, &TelegramSettingsPage::checkBot);
    fieldsChanged();
}

TelegramSettingsPage::~TelegramSettingsPage() = default;

TelegramConfig TelegramSettingsPage::config() const
{
    TelegramConfig config;
    config.botToken = m_tokenLineEdit->text().trimmed().toUtf8();
    config.chatId = m_chatLineEdit->text().trimmed();
    const QString api = m_apiLineEdit->text().trimmed();
    config.apiUrl = api.isEmpty() ? TelegramConfig::defaultApiUrl() : QUrl(api, QUrl::StrictMode);
    return config;
}

QString TelegramSettingsPage::checkResult() const
{
    return m_checkLabel->text();
}

Status TelegramSettingsPage::validate() const
{
    return config().validate();
}

void TelegramSettingsPage::load(const ChannelSettingsData &data)
{
    m_tokenLineEdit->setText(QString::fromUtf8(data.telegram.botToken));
    m_chatLineEdit->setText(data.telegram.chatId);
    m_apiLineEdit->setText(data.telegram.apiUrl == TelegramConfig::defaultApiUrl()
                               ? QString()
                               : data.telegram.apiUrl.toString());
    setChannelEnabled(data.telegramEnabled);
}

void TelegramSettingsPage::store(ChannelSettingsData &data) const
{
    data.telegramEnabled = isChannelEnabled();
    data.telegram = config();
}

void TelegramSettingsPage::checkBot()
{
    TelegramConfig current = config();
    // getMe needs only the token and the server: any valid chat id lets the rest be checked.
    TelegramConfig check = current;
    check.chatId = QStringLiteral("1");
    if (Status valid = check.validate(); !valid) {
        m_checkLabel->setText(valid.error().message);
        Q_EMIT checkFinished(false, m_checkLabel->text());
        return;
    }
    remember(current.botToken);
    m_api = std::make_unique<TelegramApi>(services().network, current);
    m_checkButton->setEnabled(false);
    m_checkLabel->setText(tr("Checking\u2026"));
    m_api->call(QStringLiteral("getMe"), {}, kCheckTimeout, this, [this](const TelegramApi::Answer &answer) {
        m_checkButton->setEnabled(true);
        const bool connected = answer.ok;
        if (connected) {
            const QString name = answer.result.toObject().value(QLatin1String("username")).toString();
            m_checkLabel->setText(tr("Connected to @%1").arg(name));
        } else {
            m_checkLabel->setText(answer.problem());
        }
        Q_EMIT checkFinished(connected, m_checkLabel->text());
    });
}

std::unique_ptr<AlertChannel> TelegramSettingsPage::makeTestChannel() const
{
    const TelegramConfig telegram = config(); // validate() passed
    remember(telegram.botToken);
    return std::make_unique<TelegramChannel>(services().network, telegram);
}

} // namespace trailguard::ui
