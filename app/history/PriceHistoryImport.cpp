#include "history/PriceHistoryImport.h"

#include "domain/MarketCalendar.h"
#include "history/CandleChunkQueue.h"
#include "history/HistoryLogging.h"
#include "history/PriceHistoryImportReading.h"
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

// The store side (this thread, which owns the connection): stores chunks until the reading side closes
// the queue; on a failure it cancels the queue, which stops the reading side.
Status storeChunks(PriceHistoryRepository &repository, CandleChunkQueue &queue, const Progress &progress)
{
    while (const std::optional<CandleChunk> chunk = queue.take()) {
        for (const CandleBatch &batch : chunk->batches) {
            if (Status stored =
                    repository.storeCandleRows(batch.ticker, batch.intervalSeconds, batch.candles);
                !stored) {
                queue.cancel();
                return stored;
            }
        }
        if (progress && !chunk->last)
            progress(chunk->rowsDone, chunk->rowsExpected);
    }
    return success();
}

// Runs `read` (the reading side) on a thread of its own while this one stores what it hands over.
template <typename Read>
Status readAndStore(PriceHistoryRepository &repository, const Progress &progress, Read &&read)
{
    CandleChunkQueue queue(kChunksInFlight);
    Status readStatus = success();
    std::thread reading([&] {
        readStatus = read(queue);
        queue.close();
    });
    const Status stored = storeChunks(repository, queue, progress);
    reading.join(); // from here on what `read` wrote is this thread's again
    if (!readStatus)
        return readStatus;
    return stored;
}

// Marks what was stored as covered and says what it was.
Result<Summary> summarize(PriceHistoryRepository &repository, const Plan &plan, const TickerImports &tickers,
                          qint64 done, const Progress &progress)
{
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
        progress(done, done);
    return summary;
}

// Connection settings for the import's own transaction, restored afterwards (SQLite reads them when a
// transaction begins, so they are set before it):
// - temp_store = MEMORY: each multi-row statement journals the pages it changes, so that the statement
//   alone can be undone; SQLite moves that journal to a temporary file once it outgrows 64 KiB and keeps
//   using the file for the rest of the transaction: a million rows cost ~200,000 writes of 4 KiB (~0.3 s
//   of CPU). In memory the journal is emptied after each statement, so it stays a few pages.
// - foreign_keys = OFF: every candle row would look its series up in candle_series; the import creates or
//   finds that series itself, in the same transaction, just before storing into it.
// Neither changes what is committed nor how durably.
class ImportPragmas {
public:
    explicit ImportPragmas(QSqlDatabase db)
        : m_db(std::move(db))
    {
        set(QStringLiteral("temp_store"), 2); // MEMORY
        set(QStringLiteral("foreign_keys"), 0);
    }
    ~ImportPragmas()
    {
        for (const auto &[name, value] : m_previous)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA %1 = %2").arg(name).arg(value));
    }
    ImportPragmas(const ImportPragmas &) = delete;
    ImportPragmas &operator=(const ImportPragmas &) = delete;

private:
    void set(const QString &name, int value)
    {
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next())
            return;
        const int previous = query.value(0).toInt();
        if (query.exec(QStringLiteral("PRAGMA %1 = %2").arg(name).arg(value)))
            m_previous.emplace_back(name, previous);
    }

    QSqlDatabase m_db;
    std::vector<std::pair<QString, int>> m_previous;
};

Status openFile(QFile &file)
{
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidCsv,
                     Import::tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())};
    return success();
}

// The second pass, by a plan the first one made: reading and parsing (one thread) overlap storing.
Result<Summary> storeRows(PriceHistoryRepository &repository, const Plan &plan, const Progress &progress)
{
    QFile file(plan.path);
    if (const Status opened = openFile(file); !opened)
        return opened.error();
    TickerImports tickers;
    for (const TickerPlan &tickerPlan : plan.tickers)
        tickers.try_emplace(tickerPlan.ticker, tickerPlan);
    if (progress)
        progress(0, plan.rows);
    qint64 done = 0;
    const Status stored = readAndStore(repository, progress, [&](CandleChunkQueue &queue) {
        return readCandles(file, plan, tickers, queue, done);
    });
    if (!stored)
        return stored.error();
    return summarize(repository, plan, tickers, done, progress);
}

// One pass: checking the file, working out its plan and storing, at once. Fails, with `replan` set, when
// the candles built by the guessed plan are not the file's: the caller rolls back.
Result<Summary> storeInOnePass(PriceHistoryRepository &repository, const QString &csvPath,
                               const QString &onlyTicker, const Progress &progress,
                               std::optional<Plan> &replan)
{
    QFile file(csvPath);
    if (const Status opened = openFile(file); !opened)
        return opened.error();
    if (progress)
        progress(0, 0);
    OnePass pass;
    const Status stored = readAndStore(repository, progress, [&](CandleChunkQueue &queue) {
        return readOnePass(file, onlyTicker, queue, pass);
    });
    if (!stored)
        return stored.error();
    if (!pass.guessHeld) {
        replan = pass.plan;
        return Error{ErrorCode::InvalidCsv, QStringLiteral("the file's first rows did not tell its plan")};
    }
    return summarize(repository, *pass.plan, pass.tickers, pass.done, progress);
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
    const ImportPragmas pragmas(db); // before the transaction begins
    return inTransaction(db, [&]() -> Result<Summary> { return storeRows(repository, plan, progress); });
}

Result<Summary> importFile(QSqlDatabase db, const QString &csvPath, const QString &ticker,
                           const Progress &progress)
{
    const Result<QString> onlyTicker = onlyTickerOf(ticker);
    if (!onlyTicker)
        return onlyTicker.error();
    std::optional<Plan> replan;
    Result<Summary> summary = [&] {
        PriceHistoryRepository repository(db);
        const ImportPragmas pragmas(db); // before the transaction begins
        return inTransaction(db, [&]() -> Result<Summary> {
            return storeInOnePass(repository, csvPath, onlyTicker.value(), progress, replan);
        });
    }();
    if (!summary && replan) {
        qCInfo(lcHistory, "%s: its first rows did not tell how to build its candles; storing it again",
               qUtf8Printable(csvPath));
        summary = store(db, *replan, progress);
    }
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
