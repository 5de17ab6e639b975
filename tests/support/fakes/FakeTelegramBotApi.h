#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace trailguard {
class LoopbackHttpServer;
}

namespace trailguard::test {

// A Telegram Bot API server on 127.0.0.1 that follows the documented contract: POST /bot<token>/<method>
// with a JSON body, answers {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…} (with
// "parameters":{"retry_after":N} for 429). A wrong token gets 401 "Unauthorized", an unknown method 404.
// getUpdates confirms the updates below `offset` and returns the rest; with none pending it holds the
// request for its `timeout`, at most holdLimitMs() (the answer is decided when the request arrives: an
// update pushed meanwhile comes with the next poll). sendMessage to a blocked bot answers 403 "Forbidden: bot
// was blocked by the user", to an unknown chat 400 "Bad Request: chat not found", and a text over 4,096
// characters after entity parsing 400 "Bad Request: message is too long".
class FakeTelegramBotApi : public QObject {
    Q_OBJECT
public:
    struct Call {
        QString method;
        QByteArray token;
        QJsonObject params;
    };

    explicit FakeTelegramBotApi(QByteArray token, QObject *parent = nullptr);
    ~FakeTelegramBotApi() override;

    bool listen();
    QUrl url() const; // http://127.0.0.1:<port>
    void close();     // later connections are refused

    // Updates the bot will receive; each returns its update_id.
    qint64 pushMessage(qint64 chatId, const QString &text, const QString &chatUsername = {});
    qint64 pushButton(qint64 chatId, qint64 messageId, const QString &data);
    // Updates not yet confirmed by a getUpdates offset.
    int pendingUpdates() const { return static_cast<int>(m_updates.size()); }

    // The next `count` calls of `method` ("*": any) fail with this status and description.
    void failNext(const QString &method, int status, const QString &description,
                  std::optional<int> retryAfter = std::nullopt, int count = 1);
    void setBlocked(bool blocked) { m_blocked = blocked; }
    void setChatExists(bool exists) { m_chatExists = exists; }
    void setHoldLimitMs(int ms) { m_holdLimitMs = ms; }
    int holdLimitMs() const { return m_holdLimitMs; }

    QList<Call> calls(const QString &method = {}) const;
    int callCount(const QString &method) const { return static_cast<int>(calls(method).size()); }

    static QString botUsername() { return QStringLiteral("trailguard_test_bot"); }

Q_SIGNALS:
    void called(const QString &method);

private:
    struct Failure {
        QString method;
        int status = 0;
        QString description;
        std::optional<int> retryAfter;
    };

    QJsonObject answer(const Call &call, int &status, int &delayMs);
    static QJsonObject error(int status, const QString &description, std::optional<int> retryAfter = {});

    std::unique_ptr<LoopbackHttpServer> m_server;
    QByteArray m_token;
    quint16 m_port = 0;
    QList<QJsonObject> m_updates;
    qint64 m_nextUpdateId = 100;
    qint64 m_nextMessageId = 1;
    QList<Failure> m_failures;
    QList<Call> m_calls;
    bool m_blocked = false;
    bool m_chatExists = true;
    int m_holdLimitMs = 200;
};

} // namespace trailguard::test
