#pragma once

#include "ChannelSettingsPage.h"

#include "alerts/telegram/TelegramConfig.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace trailguard {
class TelegramApi;
}

namespace trailguard::ui {

// The Telegram channel's settings: the bot token from @BotFather (hidden, kept in the keychain), the chat
// id (a number, negative for a group, or a channel's @name) and, for a self-hosted Bot API server, its URL.
// "Check bot" asks getMe and says "Connected to @name" or what to fix.
//
// Children: telegramTokenLineEdit, telegramChatLineEdit, telegramApiLineEdit, telegramCheckPushButton,
// telegramCheckLabel, and those of ChannelSettingsPage for "telegram".
class TelegramSettingsPage : public ChannelSettingsPage {
    Q_OBJECT
public:
    explicit TelegramSettingsPage(ChannelTestServices services, QWidget *parent = nullptr);
    ~TelegramSettingsPage() override;

    TelegramConfig config() const;
    // "Checking…", "Connected to @name", or what went wrong; empty before the first check.
    QString checkResult() const;

    Status validate() const override;
    void load(const ChannelSettingsData &data) override;
    void store(ChannelSettingsData &data) const override;

public Q_SLOTS:
    void checkBot();

Q_SIGNALS:
    void checkFinished(bool connected, const QString &result);

protected:
    std::unique_ptr<AlertChannel> makeTestChannel() const override;

private:
    QLineEdit *m_tokenLineEdit;
    QLineEdit *m_chatLineEdit;
    QLineEdit *m_apiLineEdit;
    QPushButton *m_checkButton;
    QLabel *m_checkLabel;
    std::unique_ptr<TelegramApi> m_api;
};

} // namespace trailguard::ui
