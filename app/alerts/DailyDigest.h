#pragma once

#include "alerts/AlertOutbox.h"

#include <QObject>
#include <QTime>

namespace trailguard {

class WatchlistService;

// The seed project's daily alert run, as an option: at a chosen local time, one summary (by email and
// ntfy) of the stocks below their stop or within a chosen distance of it. Nothing is sent when no stock
// qualifies. Quiet hours hold it back like a health alert.
class DailyDigest : public QObject {
    Q_OBJECT
public:
    struct Options {
        bool enabled = false;
        QTime at{17, 0};
        double withinPercent = 5.0; // distance to the stop, in % of the price
    };

    DailyDigest(WatchlistService &watchlist, AlertOutbox &outbox, const Clock &clock,
                QObject *parent = nullptr);

    void setOptions(const Options &options);
    // When the next digest is due (invalid when disabled).
    QDateTime nextRun() const { return m_nextRun; }

    // The summary for `stocks`, or an empty subject when none qualifies.
    static AlertMessage compose(const QList<StockState> &stocks, double withinPercent, const QDateTime &now);
    // Composes and records today's digest now (the timer calls it).
    Status sendNow();

private:
    void schedule();

    WatchlistService &m_watchlist;
    AlertOutbox &m_outbox;
    const Clock &m_clock;
    Options m_options;
    std::unique_ptr<ClockTimer> m_timer;
    QDateTime m_nextRun;
};

} // namespace trailguard
