#pragma once

#include "broker/BrokerTypes.h"
#include "common/Clock.h"
#include "domain/StockState.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace trailguard {

class QuestradeClient;

// Whether the watched markets trade now, as the status bar and the log say it.
struct MarketState {
    bool known = false; // false: no usable v1/markets answer yet (polling goes on as if open)
    bool open = false;  // a watched market is in its regular session, or in the grace period after it
    QDateTime nextOpen; // when closed: today's start still ahead (UTC); invalid when not known yet

    bool operator==(const MarketState &) const = default;
};

// Today's trading sessions of every market (v1/markets, questrade-api.md §5) for one Toronto date, and the
// questions the monitor asks of them. A pure value: no clock, no network.
// Saturday and Sunday (Toronto date) are closed whatever the server says; holidays and early closes come
// from the server only: a market whose start or end is missing, null, or dated another day than `day` is
// closed today; an early close is simply an earlier end.
class MarketCalendarDay {
public:
    MarketCalendarDay() = default;
    MarketCalendarDay(QDate day, QList<MarketSession> sessions);

    bool isValid() const { return m_day.isValid(); }
    QDate day() const { return m_day; }
    // Saturday or Sunday: no market trades, whatever the sessions say.
    bool isWeekend() const;
    const QList<MarketSession> &sessions() const { return m_sessions; }

    // The market of v1/markets that trades a listing: its listing exchange when the server lists it under
    // that name, else the market of the same country with the same hours (TSXV → TSX, ARCA → NYSE, ...).
    // Without an exchange the ticker's suffix decides (.TO, .V/.VN, .CN, .NE: Canada; none: US). Empty
    // when no market of the answer fits.
    QString marketFor(const QString &listingExchange, const QString &ticker) const;
    QString marketFor(const StockState &stock) const
    {
        return marketFor(stock.listingExchange, stock.ticker);
    }

    // The market's regular session today, when it has one (a weekday, both times valid and dated `day` in
    // Toronto).
    std::optional<MarketSession> sessionToday(const QString &market) const;
    // In the regular session, or within `grace` after its end.
    bool isOpen(const QString &market, const QDateTime &now, std::chrono::seconds grace) const;
    // The instant before which a trade belongs to an earlier session: today's start when the market has a
    // session today (also before it opens), the start of the Toronto day when it is closed today.
    QDateTime currentSessionStart(const QString &market) const;
    // Any of `markets` open (with grace); the earliest start still ahead otherwise.
    MarketState state(const QStringList &markets, const QDateTime &now, std::chrono::seconds grace) const;

private:
    QDate m_day;
    QList<MarketSession> m_sessions;
};

// Reads today's sessions from v1/markets and keeps them for the day: they are fetched again when the
// Toronto date changes, and every hour while no market has a session dated today (a server that
// still answers with yesterday's times after midnight is asked again rather than believed all day).
// A failed fetch leaves the state unknown, and an unknown state never stops a check (fail open).
class MarketHours : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::minutes kDefaultGrace{15};
    static constexpr std::chrono::minutes kRetryWithoutToday{60};
    static constexpr std::chrono::minutes kRetryAfterFailure{5};

    MarketHours(QuestradeClient &client, const Clock &clock, QObject *parent = nullptr);

    // How long after a session's end polling goes on (late prints, the closing auction).
    void setGracePeriod(std::chrono::seconds grace) { m_grace = grace; }
    std::chrono::seconds gracePeriod() const { return m_grace; }

    // Calls `done` once the sessions are current: at once when the cache is still good, else after
    // v1/markets answered (or failed). Dropped when `context` is destroyed.
    void refresh(QObject *context, std::function<void()> done);
    bool needsRefresh() const;
    // Replaces the cache (tests, and anything that already has today's sessions).
    void setSessions(const QList<MarketSession> &sessions);

    // Today's sessions, or an invalid day when none could be read (yet).
    const MarketCalendarDay &today() const { return m_today; }
    bool isKnown() const { return m_today.isValid(); }

    // The state of the markets of `stocks` (every market of the answer when the list is empty).
    MarketState state(const QList<StockState> &stocks) const;
    // Whether `stock`'s market is open now, or not known: the monitor quotes it.
    bool isOpenOrUnknown(const StockState &stock) const;
    // A trade older than the start of the current session of the stock's market (e.g. Friday's close seen
    // on Monday before the open) must not raise a breach. False when not known.
    bool isStale(const StockState &stock, const QDateTime &lastTradeTime) const;

    // The Toronto date of an instant (the markets' calendar day).
    static QDate torontoDate(const QDateTime &instant);
    // "Market open", "Market closed — next open 9:30 AM", "Market closed — next open on the next trading
    // day".
    static QString describe(const MarketState &state, const QDateTime &now);

Q_SIGNALS:
    // After every fetch that changed the cached sessions.
    void sessionsChanged();

private:
    void finishRefresh();

    QuestradeClient &m_client;
    const Clock &m_clock;
    std::chrono::seconds m_grace = kDefaultGrace;
    MarketCalendarDay m_today;
    QDateTime m_fetchedAt;
    bool m_lastFetchFailed = false;
    bool m_fetching = false;
    QObject *m_fetchContext = nullptr;
    struct Waiter {
        QPointer<QObject> context;
        std::function<void()> done;
    };
    QList<Waiter> m_waiters;
};

} // namespace trailguard
