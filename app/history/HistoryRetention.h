#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QDateTime>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

#include <chrono>

namespace trailguard {

// What one retention pass did.
struct RetentionReport {
    int tickers = 0;      // tickers whose old quotes were folded
    int quotesFolded = 0; // raw quotes turned into candles and deleted
    int candlesWritten = 0;

    bool operator==(const RetentionReport &) const = default;
};

// Keeps the database small: raw quotes older than a set age are folded into 5-minute candles (open,
// high, low and close of the quotes in each 5-minute bucket, merged with a candle already stored for
// it) and deleted, all in one transaction. The cut-off is moved back to a bucket boundary, so a bucket is
// never split between two passes.
namespace HistoryRetention {

inline constexpr qint64 kCandleSeconds = 300;

// One pass on `db` at `now`, folding quotes older than `age`.
Result<RetentionReport> run(QSqlDatabase db, const QDateTime &now, std::chrono::hours age);

} // namespace HistoryRetention

// Runs HistoryRetention at start and then once a day, on a worker thread with its own connection to the
// database file (folding a day of quotes for many tickers takes a moment), so the GUI thread never waits.
class HistoryRetentionSchedule : public QObject {
    Q_OBJECT
public:
    HistoryRetentionSchedule(QString databaseFile, const Clock &clock, QObject *parent = nullptr);
    ~HistoryRetentionSchedule() override;

    void setAge(std::chrono::hours age) { m_age = age; }
    std::chrono::hours age() const { return m_age; }
    // Runs a pass now and then every `period` (default a day).
    void start(std::chrono::milliseconds period = std::chrono::hours(24));
    void stop();
    // Starts one pass now unless one is running; false when one was.
    bool runNow();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void passFinished(const trailguard::Result<trailguard::RetentionReport> &result);

private:
    QString m_databaseFile;
    const Clock &m_clock;
    std::chrono::hours m_age{24 * 30};
    std::unique_ptr<ClockTimer> m_timer;
    bool m_running = false;
};

} // namespace trailguard
