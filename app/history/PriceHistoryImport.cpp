#include "history/PriceHistoryImport.h"

#include "domain/MarketCalendar.h"
#include "history/CandleChunkQueue.h"
#include "history/HistoryLogging.h"
#include "history/PriceCsvReader.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QSqlQuery>
#include <QtConcurrent>

#include <array>
#include <memory>
#include <thread>

namespace trailguard {

namespace {
class Import {
    Q_DECLARE_TR_FUNCTIONS(PriceHistoryImport)
};

using namespace PriceHistoryImport;

// How often the reading thread hands its finished candles over (and progress is told), and how many such
// chunks may wait to be stored.
constexpr qint64 kProgressRows = 10'000;
constexpr qsizetype kChunksInFlight = 4;

// One ticker's candles being built in the second pass.
struct TickerImport {
    TickerPlan plan;
    QTimeZone zone;
    CandleBuilder candles;
    std::unique_ptr<CandleBuilder> daily; // the days of intraday candles

    explicit TickerImport(const TickerPlan &tickerPlan)
        : plan(tickerPlan)
        , zone(MarketCalendar::exchangeTimeZone(tickerPlan.ticker))
        , candles(tickerPlan.intervalSeconds, tickerPlan.sorted)
    {
        if (plan.intervalSeconds < kDaySeconds)
            daily = std::make_unique<CandleBuilder>(kDaySeconds, tickerPlan.sorted);
    }

    void add(const PriceRow &row, RowInstants &instants)
    {
        const qint64 at = instants.instant(row, zone);
        const qint64 dayStart = instants.dayStart(row.date);
        const qint64 dayEnd = instants.dayStart(row.date.addDays(1));
        if (!daily) {
            candles.add(row, at, dayStart, dayEnd);
            return;
        }
        const qint64 interval = plan.intervalSeconds;
        const qint64 offset = at - plan.gridOrigin;
        const qint64 steps = offset >= 0 ? offset / interval : -((-offset + interval - 1) / interval);
        const qint64 start = plan.gridOrigin + steps * interval;
        candles.add(row, at, start, start + interval);
        daily->add(row, at, dayStart, dayEnd);
    }

    // Moves the finished candles (with `all`, every one) into `batches`.
    void takeInto(QList<CandleBatch> &batches, bool all)
    {
        QList<CandleRow> finished = candles.take(all);
        if (all || !finished.isEmpty())
            batches.append(CandleBatch{plan.ticker, plan.intervalSeconds, std::move(finished)});
        if (!daily)
            return;
        QList<CandleRow> days = daily->take(all);
        if (all || !days.isEmpty())
            batches.append(CandleBatch{plan.ticker, kDaySeconds, std::move(days)});
    }

    Status markCovered(PriceHistoryRepository &repository) const
    {
        for (const CandleBuilder *builder : std::array<const CandleBuilder *, 2>{&candles, daily.get()}) {
            if (!builder || !builder->firstStart())
                continue;
            const TimeRange range{QDateTime::fromSecsSinceEpoch(*builder->firstStart(), QTimeZone::utc()),
                                  QDateTime::fromSecsSinceEpoch(*builder->lastEnd(), QTimeZone::utc())};
            if (Status covered = repository.markCovered(plan.ticker, builder->intervalSeconds(), range);
                !covered)
                return covered;
        }
        return success();
    }

    TickerSummary summary() const
    {
        TickerSummary summary;
        summary.ticker = plan.ticker;
        summary.rows = plan.rows;
        summary.candles = candles.candleCount();
        summary.intervalSeconds = plan.intervalSeconds;
        summary.first = QDateTime::fromSecsSinceEpoch(candles.firstStart().value_or(0), QTimeZone::utc());
        summary.last = QDateTime::fromSecsSinceEpoch(candles.lastStart().value_or(0), QTimeZone::utc());
        summary.dailyCandles = daily ? daily->candleCount() : 0;
        return summary;
    }
};

using TickerImports = std::map<QString, TickerImport>;

// The second pass's reading side, on a thread of its own: rows into candles, handed over to the store side
// every kProgressRows rows. Stops early, without an error of its own, when the store side gives up.
Status readCandles(QFile &file, const Plan &plan, TickerImports &tickers, CandleChunkQueue &queue,
                   qint64 &done)
{
    const auto handOver = [&](bool all) {
        CandleChunk chunk;
        chunk.rowsDone = done;
        chunk.last = all;
        for (auto &[name, ticker] : tickers)
            ticker.takeInto(chunk.batches, all);
        return queue.push(std::move(chunk));
    };
    PriceCsvReader reader(file);
    RowInstants instants;
    TickerImport *last = nullptr;
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return Error{ErrorCode::InvalidCsv, Import::tr("%1: %2").arg(plan.path, read.error().message)};
        if (!read.value())
            break;
        const PriceRow &row = reader.row();
        const QString owner = plan.ownerOf(row);
        if (owner.isEmpty())
            continue;
        if (!last || last->plan.ticker != owner) {
            const auto found = tickers.find(owner);
            if (found == tickers.end()) // the file changed since the first pass
                return Error{ErrorCode::InvalidCsv,
                             Import::tr("%1 changed while it was imported.").arg(plan.path)};
            last = &found->second;
        }
        last->add(row, instants);
        if (++done % kProgressRows == 0 && !handOver(false))
            return success();
    }
    handOver(true);
    return success();
}

// Keeps the connection's temporary files in memory while it lives (PRAGMA temp_store), then restores the
// setting. Each 50-row statement journals the pages it changes, so that the statement alone can be undone;
// SQLite moves that journal to a temporary file once it outgrows 64 KiB and keeps using the file for the
// rest of the transaction: a million rows cost ~200,000 writes of 4 KiB (~0.3 s of CPU). In memory the
// journal is emptied after each statement, so it stays a few pages.
class ImportTempStoreInMemory {
public:
    explicit ImportTempStoreInMemory(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA temp_store")) && query.next())
            m_previous = query.value(0).toInt();
        if (!query.exec(QStringLiteral("PRAGMA temp_store = MEMORY")))
            m_previous.reset();
    }
    ~ImportTempStoreInMemory()
    {
        if (m_previous)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA temp_store = %1").arg(*m_previous));
    }
    ImportTempStoreInMemory(const ImportTempStoreInMemory &) = delete;
    ImportTempStoreInMemory &operator=(const ImportTempStoreInMemory &) = delete;

private:
    QSqlDatabase m_db;
    std::optional<int> m_previous;
};

// Reading and parsing (one thread) overlap storing (this one, which owns the connection).
Result<Summary> storeRows(PriceHistoryRepository &repository, const Plan &plan, const Progress &progress)
{
    QFile file(plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidCsv,
                     Import::tr("Cannot read %1: %2").arg(plan.path, file.errorString())};
    TickerImports tickers;
    for (const TickerPlan &tickerPlan : plan.tickers)
        tickers.try_emplace(tickerPlan.ticker, tickerPlan);

    if (progress)
        progress(0, plan.rows);
    CandleChunkQueue queue(kChunksInFlight);
    qint64 done = 0;
    Status read = success();
    std::thread reading([&] {
        read = readCandles(file, plan, tickers, queue, done);
        queue.close();
    });
    Status stored = success();
    while (const std::optional<CandleChunk> chunk = queue.take()) {
        for (const CandleBatch &batch : chunk->batches) {
            stored = repository.storeCandleRows(batch.ticker, batch.intervalSeconds, batch.candles);
            if (!stored)
                break;
        }
        if (!stored) {
            queue.cancel();
            break;
        }
        if (progress && !chunk->last)
            progress(chunk->rowsDone, plan.rows);
    }
    reading.join(); // from here on `read`, `done` and `tickers` are this thread's again
    if (!read)
        return read.error();
    if (!stored)
        return stored.error();

    Summary summary;
    summary.rows = done;
    summary.otherSymbolRows = plan.otherSymbolRows;
    summary.onlyTicker = plan.onlyTicker;
    for (const auto &[name, ticker] : tickers) {
        if (Status covered = ticker.markCovered(repository); !covered)
            return covered.error();
        summary.tickers.append(ticker.summary());
    }
    if (progress)
        progress(done, plan.rows);
    return summary;
}
} // namespace

QStringList Summary::tickerNames() const
{
    QStringList names;
    for (const TickerSummary &ticker : tickers)
        names.append(ticker.ticker);
    return names;
}

namespace PriceHistoryImport {

Result<Summary> store(QSqlDatabase db, const Plan &plan, const Progress &progress)
{
    PriceHistoryRepository repository(db);
    const ImportTempStoreInMemory tempStore(db); // before the transaction begins: SQLite reads it then
    return inTransaction(db, [&]() -> Result<Summary> { return storeRows(repository, plan, progress); });
}

Result<Summary> importFile(QSqlDatabase db, const QString &csvPath, const QString &ticker,
                           const Progress &progress)
{
    const Result<Plan> planned = plan(csvPath, ticker);
    if (!planned)
        return planned.error();
    Result<Summary> summary = store(db, planned.value(), progress);
    if (summary) {
        for (const QString &line : describe(summary.value(), QLocale::c()))
            qCInfo(lcHistory, "Imported from %s: %s", qUtf8Printable(csvPath), qUtf8Printable(line));
    }
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
