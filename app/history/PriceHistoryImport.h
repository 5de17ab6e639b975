#pragma once

#include "common/Result.h"
#include "history/PriceHistoryImportPlan.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace trailguard {

// Price history from a CSV file (the formats of PriceCsv) into the history tables, keeping what the file
// holds: rows with times become candles of the file's own interval (the most common gap between rows of
// one day: one minute, five minutes, an hour…), rows with dates daily candles (from New York midnight to
// the next). Rows that fall in one candle make one open/high/low/close; a date,close row alone is a
// close-only candle. Intraday candles are also summed up into daily candles (what backtests read). A
// stored candle of the same start is replaced, and the span imported counts as covered, so the backfill
// does not fetch it again. One row at a time (memory does not grow with the file), all in one
// transaction: a bad line makes the whole file an error that names it, and nothing is saved on any error.
// A thread of its own reads, checks and builds candles while the calling thread (the connection's) stores
// them. importFile() does it in one pass, building candles by the plan of the first rows and rolling back
// to store again by the whole file's plan when that differs; plan() then store() check the whole file
// before storing anything.
namespace PriceHistoryImport {

// What was stored for one ticker.
struct TickerSummary {
    QString ticker;
    qint64 rows = 0;
    qint64 candles = 0;
    qint64 intervalSeconds = kDaySeconds;
    QDateTime first; // start of the first candle and of the last, UTC
    QDateTime last;
    qint64 dailyCandles = 0; // summed up from intraday candles
};

struct Summary {
    QList<TickerSummary> tickers; // by ticker
    qint64 rows = 0;
    qint64 otherSymbolRows = 0; // skipped: not the ticker asked for
    QString onlyTicker;

    QStringList tickerNames() const;
};

// Rows stored so far out of the total.
using Progress = std::function<void(qint64 done, qint64 total)>;

// Stores what `plan` found on `db` (the second pass over the file).
Result<Summary> store(QSqlDatabase db, const Plan &plan, const Progress &progress = {});
// The file checked and stored in one pass (or, when its first rows did not tell its plan, plan() then
// store()). Progress counts rows; the total is an estimate from the bytes read until the end.
Result<Summary> importFile(QSqlDatabase db, const QString &csvPath, const QString &ticker,
                           const Progress &progress = {});

// What was stored, one line a ticker, e.g. "1,000,000 rows → 1,000,000 one-minute candles for BIGT
// (2022-01-03 09:30 to 2031-10-31 10:09)", then the rows skipped and why. Numbers in `locale`'s way.
QStringList describe(const Summary &summary, const QLocale &locale);
// `locale`, or English where it is C (which writes 1000000): the numbers of describe() and the progress.
QLocale numberLocale(const QLocale &locale);

} // namespace PriceHistoryImport

// Runs PriceHistoryImport::importFile on a worker thread with its own connection to the database file,
// reporting progress, so a big file never blocks the window.
class PriceHistoryImportJob : public QObject {
    Q_OBJECT
public:
    explicit PriceHistoryImportJob(QString databaseFile, QObject *parent = nullptr);
    ~PriceHistoryImportJob() override;

    // Starts an import unless one runs; false when one does.
    bool start(const QString &csvPath, const QString &ticker);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    // On success the summary says what was stored.
    void finished(const trailguard::Result<trailguard::PriceHistoryImport::Summary> &result);

private:
    QString m_databaseFile;
    bool m_running = false;
};

} // namespace trailguard
