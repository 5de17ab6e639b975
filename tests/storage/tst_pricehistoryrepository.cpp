// PriceHistoryRepository on a real SQLite file: quotes, candle upserts, coverage and the price series.
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;
using trailguard::test::utc;

namespace {
const QString kTicker = QStringLiteral("RY.TO");

Candle dayCandle(int year, int month, int day, double close)
{
    Candle candle;
    candle.start = toronto(year, month, day, 0);
    candle.end = toronto(year, month, day, 0).addDays(1);
    candle.open = close - 1;
    candle.high = close + 1;
    candle.low = close - 2;
    candle.close = close;
    candle.volume = 1000;
    return candle;
}

Candle fiveMinuteCandle(const QDateTime &start, double close)
{
    Candle candle;
    candle.start = start;
    candle.end = start.addSecs(300);
    candle.open = candle.high = candle.low = candle.close = close;
    return candle;
}
} // namespace

class PriceHistoryRepositoryTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PriceHistoryRepository> m_repository;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        m_repository = std::make_unique<PriceHistoryRepository>(m_db->connection());
    }

    void cleanup()
    {
        m_repository.reset();
        m_db.reset();
        m_dir.reset();
    }

    void migrationCreatesTheTables()
    {
        QVERIFY(m_db->schemaVersion() >= 5);
        QSqlQuery query(m_db->connection());
        for (const char *table : {"price_quotes", "candles", "candle_coverage"}) {
            QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = '%1'")
                                   .arg(QLatin1String(table))));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), 1);
        }
    }

    void recordsAndReadsQuotesByRange()
    {
        const QDateTime t0 = utc(2026, 3, 9, 14, 30);
        QVERIFY(m_repository->recordQuote(kTicker, t0.addSecs(120), 101.5));
        QVERIFY(m_repository->recordQuote(kTicker, t0, 100.0));
        QVERIFY(m_repository->recordQuote(kTicker, t0.addSecs(60), 100.5));
        QVERIFY(m_repository->recordQuote(QStringLiteral("OTHER"), t0, 5.0));
        // The same trade seen again: one row, the latest price.
        QVERIFY(m_repository->recordQuote(kTicker, t0.addSecs(60), 100.75));
        QVERIFY(!m_repository->recordQuote(kTicker, t0, 0.0));
        QVERIFY(!m_repository->recordQuote(kTicker, QDateTime(), 1.0));

        const auto all = m_repository->quotes(kTicker, t0, t0.addSecs(3600));
        QVERIFY(all);
        QCOMPARE(all.value(),
                 (QList<PricePoint>{{t0, 100.0}, {t0.addSecs(60), 100.75}, {t0.addSecs(120), 101.5}}));
        // [from, to): the end is excluded.
        const auto part = m_repository->quotes(kTicker, t0.addSecs(60), t0.addSecs(120));
        QVERIFY(part);
        QCOMPARE(part.value(), (QList<PricePoint>{{t0.addSecs(60), 100.75}}));

        const auto tickers = m_repository->tickersWithQuotesBefore(t0.addSecs(1));
        QVERIFY(tickers);
        QCOMPARE(tickers.value(), (QStringList{QStringLiteral("OTHER"), kTicker}));
        const auto removed = m_repository->removeQuotesBefore(kTicker, t0.addSecs(61));
        QVERIFY(removed);
        QCOMPARE(removed.value(), 2);
        QCOMPARE(m_repository->quotes(kTicker, t0, t0.addSecs(3600)).value().size(), 1);
    }

    void candlesAreUpsertedPerTickerIntervalAndStart()
    {
        QList<Candle> week{dayCandle(2026, 3, 9, 100), dayCandle(2026, 3, 10, 101),
                           dayCandle(2026, 3, 11, 102)};
        QVERIFY(m_repository->storeCandles(kTicker, CandleInterval::OneDay, week));
        // The in-progress candle of the 11th comes back complete: replaced, not added.
        Candle complete = dayCandle(2026, 3, 11, 105);
        QVERIFY(m_repository->storeCandles(kTicker, CandleInterval::OneDay, {complete}));
        // Another interval with the same start is a different candle.
        QVERIFY(m_repository->storeCandles(kTicker, CandleInterval::FiveMinutes,
                                           {fiveMinuteCandle(toronto(2026, 3, 9, 0), 7)}));

        const auto stored = m_repository->candles(kTicker, CandleInterval::OneDay, toronto(2026, 3, 1, 0),
                                                  toronto(2026, 4, 1, 0));
        QVERIFY(stored);
        QCOMPARE(stored.value().size(), 3);
        QCOMPARE(stored.value().at(2), StoredCandle::from(complete));
        QCOMPARE(stored.value().at(0).open, std::optional<double>(99.0));
        QCOMPARE(stored.value().at(0).volume, std::optional<qint64>(1000));
        const auto middle = m_repository->candles(kTicker, CandleInterval::OneDay, toronto(2026, 3, 10, 0),
                                                  toronto(2026, 3, 11, 0));
        QVERIFY(middle);
        QCOMPARE(middle.value().size(), 1);
        QCOMPARE(middle.value().constFirst().close, 101.0);
    }

    void manyCandlesAreStoredInChunksAndReadBackExactly()
    {
        // More than two whole INSERT chunks plus a remainder, with optional fields present and absent,
        // an upsert of a candle stored earlier, and one candle whose end is not start + interval.
        const QDateTime first = utc(2026, 3, 9, 14, 30);
        QList<StoredCandle> candles;
        for (int i = 0; i < 257; ++i) {
            StoredCandle candle;
            candle.start = first.addSecs(300 * i);
            candle.end = candle.start.addSecs(i == 200 ? 120 : 300);
            candle.close = 100 + i * 0.01 + (i % 3 == 0 ? 0.000037 : 0);
            if (i % 2 == 0) {
                candle.open = candle.close - 0.5;
                candle.high = candle.close + 1;
                candle.low = candle.close - 1;
            }
            if (i % 5 != 0)
                candle.volume = 1000 + i;
            candles.append(candle);
        }
        QVERIFY(m_repository->storeCandles(kTicker, 300, candles.mid(0, 10)));
        candles[3].close = 555.5;
        QVERIFY(m_repository->storeCandles(kTicker, 300, candles));
        const auto stored = m_repository->candles(kTicker, 300, first, first.addDays(2));
        QVERIFY(stored);
        QCOMPARE(stored.value(), candles);
    }

    void closeOnlyCandlesKeepTheirGaps()
    {
        StoredCandle closeOnly;
        closeOnly.start = toronto(2026, 3, 9, 0);
        closeOnly.end = toronto(2026, 3, 10, 0);
        closeOnly.close = 42.5;
        QVERIFY(m_repository->storeCandles(kTicker, 86400, {closeOnly}));
        const auto stored = m_repository->candles(kTicker, CandleInterval::OneDay, toronto(2026, 3, 1, 0),
                                                  toronto(2026, 4, 1, 0));
        QVERIFY(stored);
        QCOMPARE(stored.value(), QList<StoredCandle>{closeOnly});
        QVERIFY(!stored.value().constFirst().open.has_value());
        QVERIFY(!stored.value().constFirst().volume.has_value());
    }

    void aBadCandleStoresNothing()
    {
        Candle bad = dayCandle(2026, 3, 10, 101);
        bad.close = 0;
        QVERIFY(!m_repository->storeCandles(kTicker, CandleInterval::OneDay,
                                            {dayCandle(2026, 3, 9, 100), bad},
                                            TimeRange{toronto(2026, 3, 9, 0), toronto(2026, 3, 11, 0)}));
        QVERIFY(m_repository
                    ->candles(kTicker, CandleInterval::OneDay, toronto(2026, 3, 1, 0), toronto(2026, 4, 1, 0))
                    .value()
                    .isEmpty());
        QVERIFY(m_repository->coveredRanges(kTicker, CandleInterval::OneDay).value().isEmpty());
    }

    void coverageMergesAndLeavesTheMissingRanges()
    {
        const auto day = [](int d) { return toronto(2026, 3, d, 0); };
        QVERIFY(m_repository->markCovered(kTicker, 86400, TimeRange{day(5), day(8)}));
        QVERIFY(m_repository->markCovered(kTicker, 86400, TimeRange{day(12), day(15)}));
        QVERIFY(m_repository->markCovered(kTicker, 86400, TimeRange{day(8), day(10)})); // touches the first
        QVERIFY(m_repository->markCovered(kTicker, 300, TimeRange{day(1), day(30)}));   // another interval
        const auto covered = m_repository->coveredRanges(kTicker, CandleInterval::OneDay);
        QVERIFY(covered);
        QCOMPARE(covered.value(), (QList<TimeRange>{{day(5), day(10)}, {day(12), day(15)}}));

        const auto missing =
            m_repository->missingRanges(kTicker, CandleInterval::OneDay, TimeRange{day(1), day(20)});
        QVERIFY(missing);
        QCOMPARE(missing.value(),
                 (QList<TimeRange>{{day(1), day(5)}, {day(10), day(12)}, {day(15), day(20)}}));
        QCOMPARE(
            m_repository->missingRanges(kTicker, CandleInterval::OneDay, TimeRange{day(6), day(9)}).value(),
            QList<TimeRange>{});
        QCOMPARE(m_repository
                     ->missingRanges(QStringLiteral("NEW"), CandleInterval::OneDay, TimeRange{day(6), day(9)})
                     .value(),
                 (QList<TimeRange>{{day(6), day(9)}}));
    }

    void priceSeriesPrefersTheFinestData()
    {
        // Daily closes on the 9th, 10th and 11th; 5-minute candles on the 10th; quotes on the 11th, one of
        // them inside a 5-minute candle of the 11th (the candle is then left out).
        QVERIFY(m_repository->storeCandles(
            kTicker, CandleInterval::OneDay,
            {dayCandle(2026, 3, 9, 100), dayCandle(2026, 3, 10, 101), dayCandle(2026, 3, 11, 102)}));
        QVERIFY(m_repository->storeCandles(kTicker, CandleInterval::FiveMinutes,
                                           {fiveMinuteCandle(toronto(2026, 3, 10, 9, 30), 100.5),
                                            fiveMinuteCandle(toronto(2026, 3, 10, 9, 35), 100.6),
                                            fiveMinuteCandle(toronto(2026, 3, 11, 9, 30), 99.0)}));
        QVERIFY(m_repository->recordQuote(kTicker, toronto(2026, 3, 11, 9, 31), 101.9));
        QVERIFY(m_repository->recordQuote(kTicker, toronto(2026, 3, 11, 10, 0), 102.1));

        const auto series =
            m_repository->priceSeries(kTicker, toronto(2026, 3, 1, 0), toronto(2026, 4, 1, 0));
        QVERIFY(series);
        const QList<PricePoint> expected{
            {toronto(2026, 3, 9, 16), 100.0},     // daily close at the close of its day
            {toronto(2026, 3, 10, 9, 35), 100.5}, // 5-minute closes at their end
            {toronto(2026, 3, 10, 9, 40), 100.6}, {toronto(2026, 3, 11, 9, 31), 101.9}, // raw quotes
            {toronto(2026, 3, 11, 10, 0), 102.1},
        };
        QCOMPARE(series.value(), expected);

        // A range that starts mid-way keeps only what is inside it.
        const auto part =
            m_repository->priceSeries(kTicker, toronto(2026, 3, 10, 9, 36), toronto(2026, 3, 11, 9, 45));
        QVERIFY(part);
        QCOMPARE(part.value(), (QList<PricePoint>{{toronto(2026, 3, 10, 9, 40), 100.6},
                                                  {toronto(2026, 3, 11, 9, 31), 101.9}}));
    }

    void anInProgressDailyCandleIsPlottedAtItsEnd()
    {
        Candle today = dayCandle(2026, 3, 12, 103);
        today.end = toronto(2026, 3, 12, 11, 15);
        QVERIFY(m_repository->storeCandles(kTicker, CandleInterval::OneDay, {today}));
        const auto series =
            m_repository->priceSeries(kTicker, toronto(2026, 3, 12, 0), toronto(2026, 3, 13, 0));
        QVERIFY(series);
        QCOMPARE(series.value(), (QList<PricePoint>{{toronto(2026, 3, 12, 11, 15), 103.0}}));
    }
};

QTEST_GUILESS_MAIN(PriceHistoryRepositoryTest)
#include "tst_pricehistoryrepository.moc"
