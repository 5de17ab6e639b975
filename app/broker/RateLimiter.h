#pragma once

#include "common/Clock.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

class QNetworkReply;

namespace trailguard {

// The rate-limit headers of one API answer (questrade-api.md §8). Questrade reports only the hourly
// counter; the per-second limit shows up only as a 429.
struct RateLimitHeaders {
    std::optional<qint64> remaining;         // X-RateLimit-Remaining
    std::optional<qint64> resetEpochSeconds; // X-RateLimit-Reset (Unix seconds)
    std::optional<qint64> retryAfterSeconds; // Retry-After (not documented by Questrade, honoured anyway)

    static RateLimitHeaders fromReply(const QNetworkReply &reply);
};

// Paces every Questrade API call, shared by all callers: per category, a sliding one-second window and
// a sliding one-hour window on our side, plus what the server says. Remaining 0 → wait for the reset.
// A 429 → wait for Retry-After if sent; when the hour is used up (remaining 0), until X-RateLimit-Reset;
// otherwise (a per-second refusal, which the hourly headers do not describe) back off exponentially with
// jitter, or only until the reset when that comes sooner. Grants run from the event loop, never inside
// acquire(); nothing sleeps. Its windows and pauses run on the clock's steady time and timers.
class RateLimiter : public QObject {
    Q_OBJECT
public:
    enum class Category { Account, MarketData };

    struct Limits {
        int perSecond = 0;
        int perHour = 0;
    };

    struct Options {
        Limits account{30, 30000};    // v1/accounts, v1/time and (in practice) v1/symbols*
        Limits marketData{20, 15000}; // v1/markets*
        // Added to the one-second window, so network jitter cannot squeeze one second's calls into less
        // than a second at the server.
        std::chrono::milliseconds windowGuard{100};
        std::chrono::milliseconds backoffBase{1000}; // first 429 pause without usable headers
        std::chrono::milliseconds backoffMax{60000};
    };

    explicit RateLimiter(const Clock &clock, QObject *parent = nullptr);
    RateLimiter(const Clock &clock, Options options, QObject *parent = nullptr);
    ~RateLimiter() override;

    // The bucket of an API path: "/v1/markets..." is market data, everything else (v1/symbols included,
    // as observed) an account call.
    static Category categoryForPath(const QString &path);

    // Runs `go` (later, from the event loop, in FIFO order per category) once a call of `category` may be
    // sent. Dropped when `context` is destroyed first. The caller sends its request right away in `go`.
    void acquire(Category category, QObject *context, std::function<void()> go);

    // Feeds an answer's headers back; `httpStatus` 429 pauses the category.
    void noteResponse(Category category, const RateLimitHeaders &headers, int httpStatus);

    // Until when `category` is paused by the server (UTC, approximate); invalid when it is not.
    QDateTime pausedUntil(Category category) const;
    // How many callers wait in `category`.
    int waiting(Category category) const;

private:
    struct Waiter {
        QPointer<QObject> context;
        std::function<void()> go;
    };
    struct Bucket;

    Bucket &bucket(Category category);
    const Bucket &bucket(Category category) const;
    void pump(Category category);
    void pumpSoon(Category category);
    qint64 waitMs(Bucket &bucket, qint64 now);
    qint64 steadyNowMs() const { return m_clock.steadyTime().count(); }
    qint64 backoffMs(int failures) const;

    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<Bucket> m_account;
    std::unique_ptr<Bucket> m_marketData;
};

} // namespace trailguard
