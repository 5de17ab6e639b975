// Live alert rules: what RuleWatch costs a batch of quotes for 1,000 tickers with two rules each over a
// year of daily candles: the first batch of a market day (reads each ticker's candles), then every later
// one (cached bars, the rules recomputed on the latest price).
#include "domain/MarketCalendar.h"
#include "domain/StopLossEngine.h"
#include "monitor/RuleWatch.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace trailguard;

namespace {
constexpr int kRuleTickers = 1000;
constexpr int kRuleDays = 250;
} // namespace

class RuleWatchBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void batchOfThousandTickers();
};

void RuleWatchBenchmark::batchOfThousandTickers()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    StockRepository stocks(connection);
    PriceHistoryRepository history(connection);
    const QDate today(2026, 11, 4);
    const QDateTime now(today, QTime(11, 0), MarketCalendar::easternZone());
    QList<StockState> states;
    {
        Transaction transaction(connection);
        for (int i = 0; i < kRuleTickers; ++i) {
            StockState stock = StopLossEngine::initialState(QStringLiteral("R%1.TO").arg(i), 0.9, 100.0, now);
            stock.rules = {QStringLiteral("cross-below-sma:50"), QStringLiteral("rsi-above:14,70")};
            QVERIFY(stocks.insert(stock).ok());
            QList<Candle> candles;
            for (int d = kRuleDays; d >= 1; --d) {
                const QDateTime start(today.addDays(-d), QTime(0, 0), MarketCalendar::easternZone());
                const double close = 100 + 10 * std::sin((d + i) / 7.0);
                candles.append(Candle{start, start.addDays(1), close, close + 1, close - 1, close, 1000});
            }
            QVERIFY(history.storeCandles(stock.ticker, CandleInterval::OneDay, candles).ok());
            stock.lastPrice = 100;
            stock.lastQuoteAt = now.toUTC();
            states.append(stock);
        }
        QVERIFY(transaction.commit().ok());
    }

    RuleWatch watch(connection);
    QElapsedTimer reading;
    reading.start();
    for (const StockState &stock : std::as_const(states))
        QVERIFY(watch.barsBefore(stock.ticker, today).ok());
    const double readMs = reading.nsecsElapsed() / 1e6;
    QElapsedTimer cold;
    cold.start();
    qsizetype fired = watch.evaluate(states, now).size();
    const double coldMs = cold.nsecsElapsed() / 1e6;

    int batch = 0;
    qint64 batches = 0;
    QElapsedTimer warm;
    warm.start();
    QBENCHMARK
    {
        ++batch;
        for (StockState &stock : states)
            stock.lastPrice = 100 + (batch % 20) * 0.5;
        fired += watch.evaluate(states, now).size();
        ++batches;
    }
    const double warmMs = warm.nsecsElapsed() / 1e6 / double(batches);
    qInfo("FIGURE rules: %d tickers x 2 rules over %d daily candles: first batch of the day %.1f ms (reading "
          "the candles alone: %.1f ms), then %.2f ms per batch (%lld firings seen)",
          kRuleTickers, kRuleDays, coldMs, readMs, warmMs, qint64(fired));
}

QTEST_GUILESS_MAIN(RuleWatchBenchmark)
#include "bench_rulewatch.moc"
