// DailyBarHistory: stored daily candles as the market days indicators and alert rules run on.
#include "TestSupport.h"
#include "history/DailyBarHistory.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
StoredCandle candle(const QDateTime &start, double close, std::optional<double> high = std::nullopt,
                    std::optional<double> low = std::nullopt)
{
    StoredCandle stored;
    stored.start = start.toUTC();
    stored.end = stored.start.addDays(1);
    stored.high = high;
    stored.low = low;
    stored.close = close;
    return stored;
}
} // namespace

class DailyBarHistoryTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void barsByMarketDay()
    {
        // Midnight in Toronto is still the day before in UTC: the bar takes the exchange's day. Two
        // candles of one day (a broker's and an imported one) make one bar, the later one's.
        const QList<DailyBar> bars = DailyBarHistory::fromCandles(
            QStringLiteral("RY.TO"),
            {candle(toronto(2026, 3, 9, 0), 100, 101, 99), candle(toronto(2026, 3, 10, 0), 110),
             candle(toronto(2026, 3, 10, 9, 30), 111)});
        QCOMPARE(bars, (QList<DailyBar>{{QDate(2026, 3, 9), 100, 101.0, 99.0},
                                        {QDate(2026, 3, 10), 111, std::nullopt, std::nullopt}}));
        QVERIFY(DailyBarHistory::fromCandles(QStringLiteral("RY.TO"), {}).isEmpty());
    }

    void readsEveryStoredDay()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        PriceHistoryRepository history(db.value()->connection());
        constexpr qint64 kDay = 86400;
        QVERIFY(history.storeCandles(
            QStringLiteral("RY.TO"), kDay,
            {candle(toronto(2026, 3, 10, 0), 110), candle(toronto(2026, 3, 9, 0), 100)}));
        QVERIFY(history.storeCandles(QStringLiteral("SHOP.TO"), kDay, {candle(toronto(2026, 3, 9, 0), 50)}));
        QVERIFY(history.storeCandles(QStringLiteral("RY.TO"), 300, {candle(toronto(2026, 3, 11, 10), 120)}));
        // Oldest first; neither another ticker's days nor intraday candles.
        const Result<QList<DailyBar>> bars = DailyBarHistory::read(history, QStringLiteral("RY.TO"));
        QVERIFY(bars);
        QCOMPARE(bars.value().size(), 2);
        QCOMPARE(bars.value().at(0).date, QDate(2026, 3, 9));
        QCOMPARE(bars.value().at(1).close, 110.0);
        const Result<QList<DailyBar>> none = DailyBarHistory::read(history, QStringLiteral("NONE"));
        QVERIFY(none);
        QVERIFY(none.value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(DailyBarHistoryTest)
#include "tst_dailybarhistory.moc"
