#pragma once

#include "broker/QuestradeHttp.h"
#include "broker/RateLimiter.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

class QuestradeAuth;
struct AccessGrant;

// How QuestradeClient's GETs reach Questrade (questrade-api.md §8, §9): each waits for a fresh bearer
// token, a free connection of its rate-limit category and the shared RateLimiter, then goes out with
// Accept, our User-Agent and a timeout. A 401 / 1017 refreshes the token once and replays the request; a
// 429 waits as the limiter says; 5xx answers, timeouts and network errors are retried with exponential
// backoff and jitter. Errors become typed Error values with text for the user.
class QuestradeTransport : public QObject {
    Q_OBJECT
public:
    struct Options {
        // A larger answer is aborted and the call fails (never retried).
        qint64 maxResponseBytes = QuestradeHttp::kMaxResponseBytes;
        std::chrono::milliseconds requestTimeout{15000};
        int maxRetries = 4; // per request, for 5xx/network/timeout, and separately for 429
        std::chrono::milliseconds retryBaseDelay{1000}; // then ×2 per retry, plus up to 50% jitter
        std::chrono::milliseconds retryMaxDelay{30000};
        int maxInFlight = 3; // requests in flight per rate-limit category
    };
    struct Answer {
        Result<QJsonObject> body;
        bool tooLarge = false; // 1003 / 1005 / 413 / 414: split the request
        QByteArray raw =
            QByteArray(); // a 2xx body asked for as BodyForm::Raw (`body` is then an empty object)
    };
    // A 2xx body parsed into a QJsonObject, or passed on as it came for a parser of its own.
    enum class BodyForm { Object, Raw };
    using AnswerCallback = std::function<void(const Answer &)>;

    QuestradeTransport(QNetworkAccessManager *network, QuestradeAuth &auth, RateLimiter &limiter,
                       Options options, QObject *parent = nullptr);
    ~QuestradeTransport() override;

    // GET `path` ("v1/markets/quotes") with `query` (already encoded) from the API server; `done` runs once.
    void get(const QString &path, const QString &query, AnswerCallback done,
             BodyForm form = BodyForm::Object);

private:
    struct Call;

    void start(const std::shared_ptr<Call> &call);
    void send(const std::shared_ptr<Call> &call, const AccessGrant &grant);
    void handleReply(const std::shared_ptr<Call> &call, const AccessGrant &grant, QNetworkReply *reply,
                     bool timedOut);
    void handleError(const std::shared_ptr<Call> &call, const AccessGrant &grant, int status,
                     const QByteArray &body);
    void retryLater(const std::shared_ptr<Call> &call, const Error &error);
    void withSendSlot(RateLimiter::Category category, std::function<void()> go);
    void releaseSendSlot(RateLimiter::Category category);

    QNetworkAccessManager *m_network;
    QuestradeAuth &m_auth;
    RateLimiter &m_limiter;
    Options m_options;
    struct SendSlots {
        int inFlight = 0;
        std::deque<std::function<void()>> waiting;
    };
    SendSlots m_accountSlots;
    SendSlots m_marketDataSlots;
};

} // namespace trailguard
