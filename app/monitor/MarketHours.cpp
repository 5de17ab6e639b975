#include "monitor/MarketHours.h"

#include "broker/QuestradeClient.h"
#include "domain/ListingExchange.h"
#include "domain/MarketCalendar.h"
#include "monitor/MonitorLogging.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace trailguard {

namespace {
class Markets {
    Q_DECLARE_TR_FUNCTIONS(Markets)
};

const QTimeZone &toronto()
{
    static const QTimeZone zone = MarketCalendar::exchangeTimeZone(QString());
    return zone;
}

// Markets of v1/markets to try for a listing exchange, best first. Canadian venues fall back to the
// TSX and US venues to NYSE/NASDAQ: each country's exchanges keep the same regular hours.
QStringList candidatesForExchange(const QString &exchange)
{
    const QString name = exchange.trimmed().toUpper();
    const QStringList canada{QStringLiteral("TSX"), QStringLiteral("TSXV"), QStringLiteral("CNSX")};
    const QStringList us{QStringLiteral("NYSE"), QStringLiteral("NASDAQ")};
    if (name == QLatin1String("TSX") || name == QLatin1String("TSE"))
        return canada;
    if (name == QLatin1String("TSXV") || name == QLatin1String("TSX-V") || name == QLatin1String("CDNX"))
        return {QStringLiteral("TSXV"), QStringLiteral("TSX")};
    if (name == QLatin1String("CNSX") || name == QLatin1String("CSE"))
        return {QStringLiteral("CNSX"), QStringLiteral("CSE"), QStringLiteral("TSX")};
    if (name == QLatin1String("NEO") || name == QLatin1String("NEOE") ||
        name == QLatin1String("CBOE CANADA") || name == QLatin1String("MX"))
        return {name, QStringLiteral("TSX")};
    if (name == QLatin1String("NASDAQ"))
        return {QStringLiteral("NASDAQ"), QStringLiteral("NYSE")};
    if (name == QLatin1String("NYSE"))
        return us;
    if (name == QLatin1String("NYSEAM") || name == QLatin1String("AMEX") || name == QLatin1String("ARCA") ||
        name == QLatin1String("NYSEARCA") || name == QLatin1String("BATS") || name == QLatin1String("CBOE") ||
        name == QLatin1String("PINKSHEETS") || name == QLatin1String("OTCBB") ||
        name == QLatin1String("OTC") || name == QLatin1String("IEX"))
        return QStringList{name} + us;
    if (name.isEmpty())
        return {};
    return {name};
}

// The ticker's exchange by its suffix, from the one suffix map the symbol look-up uses too.
QStringList candidatesForTicker(const QString &ticker)
{
    return candidatesForExchange(ListingExchange::forTicker(ticker).exchange);
}
} // namespace

MarketCalendarDay::MarketCalendarDay(QDate day, QList<MarketSession> sessions)
    : m_day(day)
    , m_sessions(std::move(sessions))
{}

QString MarketCalendarDay::marketFor(const QString &listingExchange, const QString &ticker) const
{
    const QStringList candidates = candidatesForExchange(listingExchange) + candidatesForTicker(ticker);
    for (const QString &candidate : candidates) {
        for (const MarketSession &session : m_sessions) {
            if (session.name.compare(candidate, Qt::CaseInsensitive) == 0)
                return session.name;
        }
    }
    return {};
}

bool MarketCalendarDay::isWeekend() const
{
    return m_day.isValid() && m_day.dayOfWeek() >= Qt::Saturday;
}

std::optional<MarketSession> MarketCalendarDay::sessionToday(const QString &market) const
{
    // Some servers have answered a weekend day with regular hours: not a trading day all the same.
    if (isWeekend())
        return std::nullopt;
    for (const MarketSession &session : m_sessions) {
        if (session.name != market)
            continue;
        if (!session.start.isValid() || !session.end.isValid() || session.end <= session.start)
            return std::nullopt;
        if (session.start.toTimeZone(toronto()).date() != m_day)
            return std::nullopt;
        return session;
    }
    return std::nullopt;
}

bool MarketCalendarDay::isOpen(const QString &market, const QDateTime &now, std::chrono::seconds grace) const
{
    const auto session = sessionToday(market);
    return session && now >= session->start && now < session->end.addSecs(grace.count());
}

QDateTime MarketCalendarDay::currentSessionStart(const QString &market) const
{
    if (const auto session = sessionToday(market))
        return session->start;
    return QDateTime(m_day, QTime(0, 0), toronto()).toUTC();
}

MarketState MarketCalendarDay::state(const QStringList &markets, const QDateTime &now,
                                     std::chrono::seconds grace) const
{
    MarketState state;
    state.known = isValid();
    if (!state.known)
        return state;
    QStringList names = markets;
    if (names.isEmpty()) {
        for (const MarketSession &session : m_sessions)
            names.append(session.name);
    }
    for (const QString &market : std::as_const(names)) {
        if (isOpen(market, now, grace)) {
            state.open = true;
            state.nextOpen = QDateTime();
            return state;
        }
        const auto session = sessionToday(market);
        if (session && session->start > now && (!state.nextOpen.isValid() || session->start < state.nextOpen))
            state.nextOpen = session->start;
    }
    return state;
}

MarketHours::MarketHours(QuestradeClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock)
{}

QDate MarketHours::torontoDate(const QDateTime &instant)
{
    return instant.toTimeZone(toronto()).date();
}

bool MarketHours::needsRefresh() const
{
    const QDateTime now = m_clock.now();
    if (!m_fetchedAt.isValid())
        return true;
    if (m_lastFetchFailed)
        return m_fetchedAt.secsTo(now) >= std::chrono::seconds(kRetryAfterFailure).count();
    if (torontoDate(now) != m_today.day())
        return true;
    // No market has a session dated today: a holiday or weekend, or an answer from before the server
    // rolled over to the new day. Asked again now and then, never believed for the whole day.
    bool anyToday = false;
    for (const MarketSession &session : m_today.sessions())
        anyToday = anyToday || m_today.sessionToday(session.name).has_value();
    return !anyToday && m_fetchedAt.secsTo(now) >= std::chrono::seconds(kRetryWithoutToday).count();
}

void MarketHours::refresh(QObject *context, std::function<void()> done)
{
    if (!needsRefresh()) {
        done();
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_fetching)
        return;
    m_fetching = true;
    delete m_fetchContext;
    m_fetchContext = new QObject(this);
    m_client.fetchMarkets(m_fetchContext, [this](Result<QList<MarketSession>> markets) {
        m_fetchedAt = m_clock.now();
        if (markets.ok()) {
            m_lastFetchFailed = false;
            const MarketCalendarDay day(torontoDate(m_fetchedAt), markets.value());
            const bool changed = day.day() != m_today.day() || day.sessions() != m_today.sessions();
            m_today = day;
            if (changed) {
                for (const MarketSession &session : m_today.sessions()) {
                    const auto today = m_today.sessionToday(session.name);
                    qCInfo(lcMonitor).noquote()
                        << QStringLiteral("Market %1: %2")
                               .arg(session.name, today
                                                      ? QStringLiteral("%1 - %2 Toronto time")
                                                            .arg(today->start.toTimeZone(toronto()).toString(
                                                                     QStringLiteral("HH:mm")),
                                                                 today->end.toTimeZone(toronto()).toString(
                                                                     QStringLiteral("HH:mm")))
                                                      : QStringLiteral("closed today"));
                }
                Q_EMIT sessionsChanged();
            }
        } else {
            // Keep what was known for today; a stale day is dropped so nothing closes on old data.
            m_lastFetchFailed = true;
            if (m_today.day() != torontoDate(m_fetchedAt))
                m_today = MarketCalendarDay();
            qCWarning(lcMonitor).noquote() << "Market hours could not be read:" << markets.error().message;
        }
        finishRefresh();
    });
}

void MarketHours::finishRefresh()
{
    m_fetching = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done();
    }
}

void MarketHours::setSessions(const QList<MarketSession> &sessions)
{
    m_fetchedAt = m_clock.now();
    m_lastFetchFailed = false;
    m_today = MarketCalendarDay(torontoDate(m_fetchedAt), sessions);
    Q_EMIT sessionsChanged();
}

MarketState MarketHours::state(const QList<StockState> &stocks) const
{
    QStringList markets;
    bool unknownMarket = false;
    for (const StockState &stock : stocks) {
        if (stock.symbolNotFound)
            continue;
        const QString market = m_today.marketFor(stock);
        if (market.isEmpty())
            unknownMarket = true;
        else if (!markets.contains(market))
            markets.append(market);
    }
    MarketState state = m_today.state(markets, m_clock.now(), m_grace);
    // A listing whose market the server does not list cannot be known to be closed, except at weekends.
    if (unknownMarket && state.known && !m_today.isWeekend()) {
        state.open = true;
        state.nextOpen = QDateTime();
    }
    return state;
}

bool MarketHours::isOpenOrUnknown(const StockState &stock) const
{
    if (!m_today.isValid())
        return true;
    if (m_today.isWeekend() && torontoDate(m_clock.now()) == m_today.day())
        return false;
    const QString market = m_today.marketFor(stock);
    return market.isEmpty() || m_today.isOpen(market, m_clock.now(), m_grace);
}

bool MarketHours::isStale(const StockState &stock, const QDateTime &lastTradeTime) const
{
    if (!m_today.isValid() || !lastTradeTime.isValid() || torontoDate(m_clock.now()) != m_today.day())
        return false;
    const QString market = m_today.marketFor(stock);
    if (market.isEmpty())
        return false;
    return lastTradeTime < m_today.currentSessionStart(market);
}

QString MarketHours::describe(const MarketState &state, const QDateTime &now)
{
    if (!state.known)
        return QString();
    if (state.open)
        return Markets::tr("Market open");
    if (!state.nextOpen.isValid())
        return Markets::tr("Market closed \u2014 next open on the next trading day");
    const QDateTime local = state.nextOpen.toLocalTime();
    const QString time = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == now.toLocalTime().date())
        return Markets::tr("Market closed \u2014 next open %1").arg(time);
    return Markets::tr("Market closed \u2014 next open %1 %2")
        .arg(QLocale().toString(local.date(), QStringLiteral("ddd")), time);
}

} // namespace trailguard
