// ChartDataProvider: the chart's prices, held stops and alert markers from the stored history.
#include "TestSupport.h"
#include "domain/AlertMessage.h"
#include "history/ChartDataProvider.h"
#include "history/SparklineHistory.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
Candle day(int d, double close)
{
    Candle candle;
    candle.start = toronto(2026, 3, d, 0);
    candle.end = candle.start.addDays(1);
    candle.open = candle.high = candle.low = candle.close = close;
    return candle;
}
} // namespace

class ChartDataProviderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void buildsTheChartOfATicker()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        StockRepository stocks(db.value()->connection());
        ManualClock clock(toronto(2026, 3, 12, 12));
        WatchlistService watchlist(stocks, clock);
        QVERIFY(watchlist.add(QStringLiteral("RY.TO"), 0.9));
        QVERIFY(watchlist.addRule(QStringLiteral("RY.TO"), QStringLiteral("target:105")));
        PriceHistoryRepository history(db.value()->connection());
        AlertRepository alerts(db.value()->connection());
        QVERIFY(history.storeCandles(QStringLiteral("RY.TO"), CandleInterval::OneDay,
                                     {day(9, 100), day(10, 110), day(11, 95)}));
        // Watched from the 12th: the quote keeps the peak and stop the guardian held after it.
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), toronto(2026, 3, 12, 10), 96.0, 96.0, 86.4));
        AlertMessage breach;
        breach.kind = AlertMessage::Kind::Breach;
        breach.ticker = QStringLiteral("RY.TO");
        breach.subject = QStringLiteral("Stop-loss breach: RY.TO 95.00 < stop 99.00");
        QVERIFY(alerts.enqueue(breach, {}, toronto(2026, 3, 11, 16, 30)));
        AlertMessage other = breach;
        other.ticker = QStringLiteral("SHOP.TO");
        QVERIFY(alerts.enqueue(other, {}, toronto(2026, 3, 11, 16, 30)));

        const ChartDataProvider provider(history, watchlist, alerts);
        const ChartSeries series = provider.series(QStringLiteral("RY.TO"));
        QCOMPARE(series.ticker, QStringLiteral("RY.TO"));
        QCOMPARE(series.prices.size(), 4);
        QCOMPARE(series.prices.constFirst(), (PricePoint{toronto(2026, 3, 9, 16), 100.0}));
        QCOMPARE(series.prices.constLast(), (PricePoint{toronto(2026, 3, 12, 10), 96.0}));
        // The held stop only, from the first watched quote: the backfilled candles replay no rule (their
        // peak of 110 would draw a stop of 99, above the price of the 11th).
        QCOMPARE(series.stops, (QList<StopPoint>{{toronto(2026, 3, 12, 10), 96.0, 86.4}}));
        // Before watching, what the ticker's strategy would have held: the engine over the candles.
        QCOMPARE(series.strategyStops.size(), 2);
        QCOMPARE(series.strategyStops.at(0).time, toronto(2026, 3, 9, 16));
        QCOMPARE(series.strategyStops.at(0).stop, 90.0);
        QCOMPARE(series.strategyStops.at(1).time, toronto(2026, 3, 10, 16));
        QCOMPARE(series.strategyStops.at(1).peak, 110.0);
        QCOMPARE(series.strategyStops.at(1).stop, 99.0);
        // The ticker's rules, for the chart's marks.
        QCOMPARE(series.rules, QStringList{QStringLiteral("target:105")});
        // The daily bars the indicators and rule marks run on: one per stored daily candle, by market day.
        QCOMPARE(series.dailyBars.size(), 3);
        QCOMPARE(series.dailyBars.at(0), (DailyBar{QDate(2026, 3, 9), 100.0, 100.0, 100.0}));
        QCOMPARE(series.dailyBars.at(2).date, QDate(2026, 3, 11));
        QCOMPARE(series.dailyBars.at(2).close, 95.0);
        // One marker, on the price of the 11th (the breach's ticker only).
        QCOMPARE(series.alerts.size(), 1);
        QCOMPARE(series.alerts.constFirst().price, 95.0);
        QCOMPARE(series.alerts.constFirst().text, breach.subject);

        QVERIFY(provider.series(QStringLiteral("NONE")).isEmpty());
        // The sparkline: each day's last price; in a batch on a connection of its own, the same.
        const QList<double> month{100, 110, 95, 96};
        QCOMPARE(SparklineHistory::lastMonth(history, QStringLiteral("RY.TO"), clock.now()), month);
        const Result<SparklineHistory::Sparklines> batch = SparklineHistory::loadLastMonth(
            db.value()->filePath(), {QStringLiteral("RY.TO"), QStringLiteral("NONE")}, clock.now());
        QVERIFY(batch);
        QCOMPARE(batch.value().value(QStringLiteral("RY.TO")), month);
        QVERIFY(batch.value().contains(QStringLiteral("NONE")));
        QVERIFY(batch.value().value(QStringLiteral("NONE")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ChartDataProviderTest)
#include "tst_chartdataprovider.moc"
