// Core figures: engine throughput over 1,000 tickers, and persisting one cycle of 1,000 stocks.
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace trailguard;

namespace {
constexpr int kTickers = 1000;

// CPU time of this thread: on a loaded machine the wall time mostly measures the other processes.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QList<StockState> makeStocks(const QDateTime &now)
{
    QList<StockState> stocks;
    stocks.reserve(kTickers);
    for (int i = 0; i < kTickers; ++i) {
        StockState stock = StopLossEngine::initialState(QStringLiteral("T%1.TO").arg(i), 0.9, 100.0, now);
        stock = StopLossEngine::apply(stock, {stock.ticker, 100.0, now}, now).state;
        stocks.append(stock);
    }
    return stocks;
}
} // namespace

class CoreBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void engineThroughput();
    void persistOneCycle();
    void persistChangedColumns();
};

void CoreBenchmark::engineThroughput()
{
    const QDateTime start = QDateTime(QDate(2026, 11, 24), QTime(14, 30), QTimeZone::utc());
    QList<StockState> stocks = makeStocks(start);
    // A random walk per ticker, prepared in advance so only the engine is timed.
    QList<double> prices(kTickers * 64);
    QRandomGenerator random(42);
    for (double &price : prices)
        price = 80.0 + random.bounded(40.0);

    qint64 quotes = 0;
    qint64 breaches = 0;
    QElapsedTimer timer;
    timer.start();
    int round = 0;
    QBENCHMARK
    {
        const QDateTime now = start.addSecs(round * 60);
        const int offset = (round++ % 64) * kTickers;
        for (int i = 0; i < kTickers; ++i) {
            const auto outcome =
                StopLossEngine::apply(stocks[i], {stocks[i].ticker, prices[offset + i], now}, now);
            breaches += outcome.breach ? 1 : 0;
            stocks[i] = outcome.state;
        }
        quotes += kTickers;
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    qInfo("FIGURE engine: %lld quotes over %d tickers in %.3f s = %.0f quotes/s (%lld breaches)", quotes,
          kTickers, seconds, quotes / seconds, breaches);
    QVERIFY(quotes > 0);
}

void CoreBenchmark::persistOneCycle()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StockState> stocks = makeStocks(now);
    for (const StockState &stock : stocks)
        QVERIFY(repository.insert(stock).ok());

    int cycle = 0;
    qint64 cycles = 0;
    QElapsedTimer timer;
    timer.start();
    QBENCHMARK
    {
        ++cycle;
        for (StockState &stock : stocks) {
            stock.lastPrice = 100.0 + cycle * 0.01;
            stock.lastQuoteAt = now.addSecs(cycle);
        }
        QVERIFY(repository.updateAll(stocks).ok());
        ++cycles;
    }
    const double ms = timer.nsecsElapsed() / 1e6 / double(cycles);
    qInfo("FIGURE storage: one cycle of %d updated stocks in one transaction: %.2f ms", kTickers, ms);
}

// What the monitor does with a cycle: each changed row written against the state it had (only the
// columns that differ: the price, its time and the time checked through).
void CoreBenchmark::persistChangedColumns()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<StockState> stocks = makeStocks(now);
    for (const StockState &stock : stocks)
        QVERIFY(repository.insert(stock).ok());

    int cycle = 0;
    qint64 cycles = 0;
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    QBENCHMARK
    {
        ++cycle;
        const QList<StockState> before = stocks;
        for (StockState &stock : stocks) {
            stock.lastPrice = 100.0 + cycle * 0.01;
            stock.lastQuoteAt = now.addSecs(cycle);
            stock.checkedThrough = now.addSecs(cycle);
        }
        const Status saved = inTransaction(db.value()->connection(), [&]() -> Status {
            for (qsizetype i = 0; i < stocks.size(); ++i) {
                if (Status one = repository.updateChanged(before.at(i), stocks.at(i)); !one.ok())
                    return one;
            }
            return success();
        });
        QVERIFY(saved.ok());
        ++cycles;
    }
    const double ms = timer.nsecsElapsed() / 1e6 / double(cycles);
    const double cpuMs = (threadCpuMs() - cpuStart) / double(cycles);
    qInfo("FIGURE storage: one cycle of %d changed stocks (changed columns only) in one transaction: %.2f ms "
          "(%.2f ms CPU)",
          kTickers, ms, cpuMs);
    const auto stored = repository.find(stocks.constLast().ticker);
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(stored.value()->lastPrice, stocks.constLast().lastPrice);
}

QTEST_GUILESS_MAIN(CoreBenchmark)
#include "bench_core.moc"
