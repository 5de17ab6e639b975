#pragma once

#include "alerts/telegram/TelegramApi.h"
#include "alerts/telegram/TelegramConfig.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace trailguard {

class GuardianStateRepository;
class TelegramCommands;

// The guardian's side of the chat: long-polls getUpdates and answers commands and "Acknowledge" buttons
// (TelegramCommands) — only from the configured chat; anything else is ignored and logged without its text.
// The update offset is kept in guardian_state (per bot) and saved before an update is acted on, so after a
// restart nothing is handled twice. Errors back off from Options::firstBackoff, doubling up to maxBackoff
// (429: the server's retry_after); a 409 (another program polls the same bot) is logged once.
class TelegramBot : public QObject {
    Q_OBJECT
public:
    struct Options {
        std::chrono::seconds pollTimeout{25};           // getUpdates' long-poll timeout
        std::chrono::milliseconds requestSlack{10'000}; // the request's own timeout is the poll's plus this
        std::chrono::milliseconds firstBackoff{2'000};
        std::chrono::milliseconds maxBackoff{60'000};
        std::chrono::milliseconds replyTimeout{20'000};
    };

    TelegramBot(QNetworkAccessManager *network, TelegramConfig config, GuardianStateRepository &state,
                TelegramCommands &commands, Options options, QObject *parent = nullptr);
    ~TelegramBot() override;

    const TelegramConfig &config() const { return m_api.config(); }
    bool isRunning() const { return m_running; }
    // The next update_id wanted (0 until one was handled).
    qint64 offset() const { return m_offset; }
    std::chrono::milliseconds currentBackoff() const { return m_backoff; }

    // Reads the saved offset and starts polling.
    void start();
    // Stops polling; calls in flight are abandoned.
    void stop();

    // guardian_state's key for this bot's offset ("telegram/update-offset/<bot id>").
    static QString offsetKey(const TelegramConfig &config);

Q_SIGNALS:
    // An update was taken (its offset saved) and acted on or ignored.
    void updateHandled(qint64 updateId);
    // A poll failed; the next one is in `retryIn`.
    void pollFailed(const QString &problem, std::chrono::milliseconds retryIn);

private:
    void poll();
    void polled(const TelegramApi::Answer &answer);
    void failed(const TelegramApi::Answer &answer);
    void take(const QJsonObject &update);
    void answerMessage(const QJsonObject &message);
    void answerButton(const QJsonObject &query);
    void callQuietly(const QString &method, const QJsonObject &params);
    // Replies go one at a time, in the order the commands came, a long one in several messages.
    void queueReply(qint64 chatId, const QString &reply);
    void sendNextReply();

    TelegramApi m_api;
    GuardianStateRepository &m_state;
    TelegramCommands &m_commands;
    Options m_options;
    QTimer m_next;
    qint64 m_offset = 0;
    bool m_running = false;
    bool m_conflictLogged = false;
    std::chrono::milliseconds m_backoff{0};
    QString m_lastProblem;
    QList<QJsonObject> m_replies; // sendMessage parameters not yet sent
    bool m_replying = false;
    bool m_replyRetried = false; // the message at the front waited out one 429 already
};

} // namespace trailguard
