#include "broker/RateLimiter.h"

#include "broker/BrokerLogging.h"

#include <QNetworkReply>
#include <QRandomGenerator>

#include <algorithm>

namespace trailguard {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMinimumPauseMs = 100;

std::optional<qint64> headerNumber(const QNetworkReply &reply, const char *name)
{
    const QByteArray value = reply.rawHeader(QByteArray(name)).trimmed();
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

const char *categoryName(RateLimiter::Category category)
{
    return category == RateLimiter::Category::MarketData ? "market data" : "account";
}
} // namespace

struct RateLimiter::Bucket {
    Limits limits;
    std::deque<qint64> lastSecond; // steady times (ms) of recent grants
    std::deque<qint64> lastHour;
    std::optional<qint64> serverRemaining; // the hourly counter as the server last reported it
    qint64 serverResetMs = 0;              // steady time of the server's reset
    qint64 pausedUntilMs = 0;              // steady time; after a 429
    int consecutive429 = 0;
    std::deque<Waiter> waiters;
    std::unique_ptr<ClockTimer> timer; // until the first waiter may go
    bool pumping = false;
    bool pumpQueued = false;
};

RateLimitHeaders RateLimitHeaders::fromReply(const QNetworkReply &reply)
{
    RateLimitHeaders headers;
    headers.remaining = headerNumber(reply, "X-RateLimit-Remaining");
    headers.resetEpochSeconds = headerNumber(reply, "X-RateLimit-Reset");
    headers.retryAfterSeconds = headerNumber(reply, "Retry-After");
    return headers;
}

RateLimiter::RateLimiter(const Clock &clock, QObject *parent)
    : RateLimiter(clock, Options{}, parent)
{}

RateLimiter::RateLimiter(const Clock &clock, Options options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
    , m_account(std::make_unique<Bucket>())
    , m_marketData(std::make_unique<Bucket>())
{
    m_account->limits = m_options.account;
    m_marketData->limits = m_options.marketData;
    for (Category category : {Category::Account, Category::MarketData}) {
        Bucket &b = bucket(category);
        b.timer = m_clock.createTimer();
        b.timer->setSingleShot(true);
        b.timer->setTimerType(Qt::PreciseTimer);
        connect(b.timer.get(), &ClockTimer::timeout, this, [this, category] { pump(category); });
    }
}

RateLimiter::~RateLimiter() = default;

RateLimiter::Category RateLimiter::categoryForPath(const QString &path)
{
    QString normalized = path;
    while (normalized.startsWith(QLatin1Char('/')))
        normalized.remove(0, 1);
    return normalized.startsWith(QStringLiteral("v1/markets")) ? Category::MarketData : Category::Account;
}

void RateLimiter::acquire(Category category, QObject *context, std::function<void()> go)
{
    Bucket &b = bucket(category);
    b.waiters.push_back(Waiter{QPointer<QObject>(context ? context : this), std::move(go)});
    if (!b.pumping && !b.timer->isActive())
        pumpSoon(category);
}

void RateLimiter::noteResponse(Category category, const RateLimitHeaders &headers, int httpStatus)
{
    Bucket &b = bucket(category);
    const qint64 now = steadyNowMs();
    if (headers.remaining)
        b.serverRemaining = *headers.remaining;
    if (headers.resetEpochSeconds) {
        const qint64 untilReset = *headers.resetEpochSeconds * 1000 - m_clock.now().toMSecsSinceEpoch();
        b.serverResetMs = now + std::max<qint64>(0, untilReset);
    }

    if (httpStatus == 429) {
        ++b.consecutive429;
        const bool hourUsedUp = b.serverRemaining && *b.serverRemaining <= 0;
        const qint64 untilReset = headers.resetEpochSeconds ? b.serverResetMs - now : -1;
        qint64 pause = backoffMs(b.consecutive429);
        if (headers.retryAfterSeconds && *headers.retryAfterSeconds >= 0)
            pause = *headers.retryAfterSeconds * 1000;
        else if (hourUsedUp && untilReset > 0)
            pause = untilReset; // the hour is used up: wait for its reset, however long
        else if (untilReset > 0)
            pause = std::min(pause, untilReset); // a per-second refusal: the reset if it comes sooner
        pause = std::max(pause, kMinimumPauseMs);
        b.pausedUntilMs = std::max(b.pausedUntilMs, now + pause);
        qCInfo(lcBroker, "Questrade rate limit reached (%s calls): pausing them for %lld ms",
               categoryName(category), static_cast<long long>(pause));
    } else if (httpStatus >= 200 && httpStatus < 300) {
        b.consecutive429 = 0;
    }
    if (!b.waiters.empty() && !b.pumping) {
        b.timer->stop(); // the wait may have changed: pump() works it out again
        pumpSoon(category);
    }
}

QDateTime RateLimiter::pausedUntil(Category category) const
{
    const Bucket &b = bucket(category);
    const qint64 now = steadyNowMs();
    qint64 until = b.pausedUntilMs;
    if (b.serverRemaining && *b.serverRemaining <= 0)
        until = std::max(until, b.serverResetMs);
    if (until <= now)
        return {};
    return m_clock.now().addMSecs(until - now);
}

int RateLimiter::waiting(Category category) const
{
    return static_cast<int>(bucket(category).waiters.size());
}

RateLimiter::Bucket &RateLimiter::bucket(Category category)
{
    return category == Category::MarketData ? *m_marketData : *m_account;
}

const RateLimiter::Bucket &RateLimiter::bucket(Category category) const
{
    return category == Category::MarketData ? *m_marketData : *m_account;
}

void RateLimiter::pump(Category category)
{
    Bucket &b = bucket(category);
    if (b.pumping)
        return;
    b.pumping = true;
    while (!b.waiters.empty()) {
        if (!b.waiters.front().context) {
            b.waiters.pop_front();
            continue;
        }
        const qint64 now = steadyNowMs();
        const qint64 wait = waitMs(b, now);
        if (wait > 0) {
            b.timer->start(std::chrono::milliseconds(wait));
            break;
        }
        Waiter waiter = std::move(b.waiters.front());
        b.waiters.pop_front();
        b.lastSecond.push_back(now);
        b.lastHour.push_back(now);
        if (b.serverRemaining)
            --*b.serverRemaining;
        waiter.go();
    }
    b.pumping = false;
}

qint64 RateLimiter::waitMs(Bucket &b, qint64 now)
{
    const qint64 secondWindow = 1000 + m_options.windowGuard.count();
    while (!b.lastSecond.empty() && (b.lastSecond.front() <= now - secondWindow ||
                                     b.lastSecond.size() > static_cast<size_t>(b.limits.perSecond)))
        b.lastSecond.pop_front();
    while (!b.lastHour.empty() && b.lastHour.front() <= now - kHourMs)
        b.lastHour.pop_front();

    qint64 wait = std::max<qint64>(0, b.pausedUntilMs - now);
    if (b.serverRemaining && *b.serverRemaining <= 0) {
        if (b.serverResetMs > now)
            wait = std::max(wait, b.serverResetMs - now);
        else
            b.serverRemaining.reset(); // the window has reset: trust our own counters again
    }
    if (b.limits.perSecond > 0 && b.lastSecond.size() >= static_cast<size_t>(b.limits.perSecond))
        wait = std::max(wait, b.lastSecond.front() + secondWindow - now);
    if (b.limits.perHour > 0 && b.lastHour.size() >= static_cast<size_t>(b.limits.perHour))
        wait = std::max(wait, b.lastHour.front() + kHourMs - now);
    return wait;
}

void RateLimiter::pumpSoon(Category category)
{
    Bucket &b = bucket(category);
    if (b.pumpQueued)
        return;
    b.pumpQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this, category] {
            bucket(category).pumpQueued = false;
            pump(category);
        },
        Qt::QueuedConnection);
}

qint64 RateLimiter::backoffMs(int failures) const
{
    const qint64 base = m_options.backoffBase.count();
    const qint64 cap = m_options.backoffMax.count();
    const int shift = std::clamp(failures - 1, 0, 20);
    const qint64 delay = std::min(cap, base << shift);
    const qint64 jitter =
        static_cast<qint64>(QRandomGenerator::global()->bounded(0.5) * static_cast<double>(delay));
    return std::min(cap, delay + jitter);
}

} // namespace trailguard
