#include "history/PriceHistoryImport.h"

#include "domain/MarketCalendar.h"
#include "domain/Ticker.h"
#include "history/HistoryLogging.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent>

namespace trailguard {

namespace {
class Import {
    Q_DECLARE_TR_FUNCTIONS(PriceHistoryImport)
};

constexpr qint64 kDaySeconds = 86400;
constexpr qint64 kProgressStep = 500;

QDateTime dayStart(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), MarketCalendar::easternZone()).toUTC();
}
} // namespace

namespace PriceHistoryImport {

Result<QMap<QString, QList<PriceRow>>> groupByTicker(const QList<PriceRow> &rows, const QString &ticker)
{
    if (rows.isEmpty())
        return Error{ErrorCode::InvalidCsv, Import::tr("The file has no price rows.")};
    QString only;
    if (!ticker.trimmed().isEmpty()) {
        const Result<QString> normalized = Ticker::normalize(ticker);
        if (!normalized)
            return normalized.error();
        only = normalized.value();
    }
    const bool hasSymbols = !rows.constFirst().symbol.isEmpty();
    if (!hasSymbols && only.isEmpty())
        return Error{ErrorCode::InvalidArguments,
                     Import::tr("The file has no symbol column: say which ticker its prices are for.")};
    QMap<QString, QList<PriceRow>> series;
    for (const PriceRow &row : rows) {
        QString owner = only;
        if (hasSymbols) {
            const Result<QString> symbol = Ticker::normalize(row.symbol);
            if (!symbol)
                return Error{ErrorCode::InvalidCsv, Import::tr("line %1: \"%2\" is not a ticker (%3)")
                                                        .arg(row.line)
                                                        .arg(row.symbol, symbol.error().message)};
            owner = symbol.value();
            if (!only.isEmpty() && owner != only)
                continue;
        }
        series[owner].append(row);
    }
    if (series.isEmpty())
        return Error{ErrorCode::InvalidCsv, Import::tr("The file has no rows for %1.").arg(only)};
    return series;
}

Result<Summary> store(QSqlDatabase db, const QMap<QString, QList<PriceRow>> &series, const Progress &progress)
{
    qint64 total = 0;
    for (const QList<PriceRow> &rows : series)
        total += rows.size();
    PriceHistoryRepository repository(db);
    return inTransaction(db, [&]() -> Result<Summary> {
        Summary summary;
        qint64 done = 0;
        for (auto it = series.cbegin(); it != series.cend(); ++it) {
            QList<StoredCandle> candles;
            candles.reserve(it.value().size());
            QDate first;
            QDate last;
            for (const PriceRow &row : it.value()) {
                StoredCandle candle;
                candle.start = dayStart(row.date);
                candle.end = dayStart(row.date.addDays(1));
                candle.open = row.open;
                candle.high = row.high;
                candle.low = row.low;
                candle.close = row.close;
                candle.volume = row.volume;
                candles.append(candle);
                first = first.isValid() ? std::min(first, row.date) : row.date;
                last = last.isValid() ? std::max(last, row.date) : row.date;
            }
            // In slices, so a big file reports progress as it goes (all in the one transaction).
            for (qsizetype from = 0; from < candles.size(); from += kProgressStep) {
                const QList<StoredCandle> slice = candles.mid(from, kProgressStep);
                if (Status stored = repository.storeCandles(it.key(), kDaySeconds, slice); !stored)
                    return stored.error();
                done += slice.size();
                if (progress)
                    progress(done, total);
            }
            if (Status covered = repository.markCovered(
                    it.key(), kDaySeconds, TimeRange{dayStart(first), dayStart(last.addDays(1))});
                !covered)
                return covered.error();
            summary.rows += int(candles.size());
            summary.tickers.append(it.key());
            summary.first = summary.first.isValid() ? std::min(summary.first, first) : first;
            summary.last = summary.last.isValid() ? std::max(summary.last, last) : last;
        }
        return summary;
    });
}

Result<Summary> importFile(QSqlDatabase db, const QString &csvPath, const QString &ticker,
                           const Progress &progress)
{
    const Result<QList<PriceRow>> rows = PriceCsv::readFile(csvPath);
    if (!rows)
        return rows.error();
    const Result<QMap<QString, QList<PriceRow>>> series = groupByTicker(rows.value(), ticker);
    if (!series)
        return series.error();
    Result<Summary> summary = store(db, series.value(), progress);
    if (summary)
        qCInfo(lcHistory, "Imported %d daily prices of %s from %s", summary.value().rows,
               qUtf8Printable(summary.value().tickers.join(QStringLiteral(", "))), qUtf8Printable(csvPath));
    return summary;
}

} // namespace PriceHistoryImport

PriceHistoryImportJob::PriceHistoryImportJob(QString databaseFile, QObject *parent)
    : QObject(parent)
    , m_databaseFile(std::move(databaseFile))
{}

PriceHistoryImportJob::~PriceHistoryImportJob() = default;

bool PriceHistoryImportJob::start(const QString &csvPath, const QString &ticker)
{
    if (m_running)
        return false;
    m_running = true;
    using Outcome = Result<PriceHistoryImport::Summary>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Outcome outcome = watcher->result();
        watcher->deleteLater();
        m_running = false;
        Q_EMIT finished(outcome);
    });
    QPointer<PriceHistoryImportJob> self(this);
    const QString file = m_databaseFile;
    watcher->setFuture(QtConcurrent::run([self, file, csvPath, ticker]() -> Outcome {
        // The worker's own connection: SQLite connections belong to one thread.
        Result<std::unique_ptr<Database>> database = Database::open(file);
        if (!database)
            return database.error();
        const auto report = [self](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, done, total] {
                    if (self)
                        Q_EMIT self->progressChanged(done, total);
                },
                Qt::QueuedConnection);
        };
        return PriceHistoryImport::importFile(database.value()->connection(), csvPath, ticker, report);
    }));
    return true;
}

} // namespace trailguard
