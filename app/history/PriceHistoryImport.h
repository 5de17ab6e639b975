#pragma once

#include "common/Result.h"
#include "history/PriceCsv.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace trailguard {

// Price history from a CSV file (the formats of PriceCsv) into the history tables: each row becomes the
// daily candle of its date for its ticker (from New York midnight to the next; a date,close row is a
// close-only candle), replacing a stored candle of the same day, and the file's span of days counts as
// covered, so the backfill does not fetch it again. All or nothing: one transaction, nothing saved on
// any error; a bad line makes the whole file an error that names it.
namespace PriceHistoryImport {

struct Summary {
    int rows = 0;
    QStringList tickers; // sorted
    QDate first;
    QDate last;
};

// Rows stored so far out of the total.
using Progress = std::function<void(qint64 done, qint64 total)>;

// The rows per ticker. A file without a symbol column belongs to `ticker` (required then); with one,
// each row to its symbol, and a non-empty `ticker` keeps only that symbol's rows (none: an error).
Result<QMap<QString, QList<PriceRow>>> groupByTicker(const QList<PriceRow> &rows, const QString &ticker);
// Stores grouped rows on `db` in one transaction.
Result<Summary> store(QSqlDatabase db, const QMap<QString, QList<PriceRow>> &series,
                      const Progress &progress = {});
// Reads `csvPath` and stores it (groupByTicker, then store).
Result<Summary> importFile(QSqlDatabase db, const QString &csvPath, const QString &ticker,
                           const Progress &progress = {});

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
