#pragma once

#include "alerts/AlertChannel.h"
#include "alerts/telegram/TelegramBot.h"
#include "alerts/telegram/TelegramCommands.h"
#include "storage/GuardianStateRepository.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>

#include <memory>

class QNetworkAccessManager;

namespace trailguard {
class AlertAcknowledger;
class HealthWatch;
class Monitor;
class StreamSession;
class WatchlistService;
} // namespace trailguard

namespace trailguard::Runners {

// The Telegram bot beside the Telegram channel: it runs while the dispatcher has a Telegram channel (from
// the environment or the window's settings) and the guardian is started, with that channel's bot and chat,
// and stops when the channel is removed or its configuration changes.
class GuardianTelegram : public QObject {
    Q_OBJECT
public:
    GuardianTelegram(AlertAcknowledger &acknowledger, WatchlistService &watchlist, QSqlDatabase db,
                     QNetworkAccessManager *network, TelegramCommands::StatusText status,
                     QObject *parent = nullptr);
    ~GuardianTelegram() override;

    // The dispatcher's channels changed.
    void follow(const QList<AlertChannel *> &channels);
    // Runs the bot from now on, when there is a Telegram channel.
    void start();
    void stop();
    TelegramBot *bot() const { return m_bot.get(); }

    // What /status says: the Questrade connection, how quotes arrive, the last check, active health alerts.
    static QString statusText(const HealthWatch &health, const Monitor &monitor, const StreamSession *stream);

private:
    void apply();

    GuardianStateRepository m_state;
    TelegramCommands m_commands;
    QNetworkAccessManager *m_network;
    std::optional<TelegramConfig> m_wanted;
    std::unique_ptr<TelegramBot> m_bot;
    bool m_started = false;
};

} // namespace trailguard::Runners
