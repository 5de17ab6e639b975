// HistoryRetention: raw quotes older than the set age become 5-minute candles and are deleted.
#include "TestSupport.h"
#include "common/Clock.h"
#include "history/HistoryRetention.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::utc;

namespace {
const QString kTicker = QStringLiteral("RY.TO");
const QDateTime kNow = utc(2026, 3, 31, 15, 2, 30); // 30 days earlier: 2026-03-01 15:02:30 -> cut at 15:00
constexpr std::chrono::hours kThirtyDays{24 * 30};
} // namespace

class HistoryRetentionTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PriceHistoryRepository> m_repository;

    void record(const QDateTime &time, double price, const QString &ticker = kTicker)
    {
        QVERIFY(m_repository->recordQuote(ticker, time, price));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        m_db = std::move(db).value();
        m_repository = std::make_unique<PriceHistoryRepository>(m_db->connection());
    }

    void cleanup()
    {
        m_repository.reset();
        m_db.reset();
        m_dir.reset();
    }

    void theAgeIsASettingOf30DaysByDefault()
    {
        QTemporaryDir dir;
        auto settings = Settings::forFile(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(settings->rawQuoteDays(), 30);
    }

    void oldQuotesAreFoldedIntoFiveMinuteCandles()
    {
        // Two buckets of old quotes, and quotes newer than the cut-off.
        record(utc(2026, 2, 20, 14, 30, 5), 100.0);
        record(utc(2026, 2, 20, 14, 31, 0), 103.0);
        record(utc(2026, 2, 20, 14, 33, 0), 99.0);
        record(utc(2026, 2, 20, 14, 34, 59), 101.0);
        record(utc(2026, 2, 20, 14, 35, 0), 102.0);
        record(utc(2026, 2, 20, 14, 30, 0), 50.0, QStringLiteral("OTHER"));
        // 14:58 on the cut-off day is before it; 15:01 is after the cut-off (15:00), which is moved back
        // from 15:02:30 to the bucket boundary so the 15:00 bucket is not split.
        record(utc(2026, 3, 1, 14, 58), 104.0);
        record(utc(2026, 3, 1, 15, 1), 105.0);
        record(utc(2026, 3, 30, 10, 0), 110.0);

        const auto report = HistoryRetention::run(m_db->connection(), kNow, kThirtyDays);
        QVERIFY(report);
        QCOMPARE(report.value().tickers, 2);
        QCOMPARE(report.value().quotesFolded, 7);
        QCOMPARE(report.value().candlesWritten, 4);

        const auto candles = m_repository->candles(kTicker, HistoryRetention::kCandleSeconds,
                                                   utc(2026, 1, 1, 0), utc(2026, 4, 1, 0));
        QVERIFY(candles);
        QCOMPARE(candles.value().size(), 3);
        const StoredCandle &first = candles.value().at(0);
        QCOMPARE(first.start, utc(2026, 2, 20, 14, 30));
        QCOMPARE(first.end, utc(2026, 2, 20, 14, 35));
        QCOMPARE(first.open, std::optional<double>(100.0));
        QCOMPARE(first.high, std::optional<double>(103.0));
        QCOMPARE(first.low, std::optional<double>(99.0));
        QCOMPARE(first.close, 101.0);
        QCOMPARE(candles.value().at(1).start, utc(2026, 2, 20, 14, 35));
        QCOMPARE(candles.value().at(1).close, 102.0);
        QCOMPARE(candles.value().at(2).start, utc(2026, 3, 1, 14, 55));

        // Only the newer quotes are left raw.
        const auto left = m_repository->quotes(kTicker, utc(2026, 1, 1, 0), utc(2026, 4, 1, 0));
        QVERIFY(left);
        QCOMPARE(left.value(),
                 (QList<PricePoint>{{utc(2026, 3, 1, 15, 1), 105.0}, {utc(2026, 3, 30, 10, 0), 110.0}}));
        QVERIFY(m_repository->quotes(QStringLiteral("OTHER"), utc(2026, 1, 1, 0), utc(2026, 4, 1, 0))
                    .value()
                    .isEmpty());

        // The chart still sees the old prices, now from the candles.
        const auto series = m_repository->priceSeries(kTicker, utc(2026, 2, 20, 0), utc(2026, 2, 21, 0));
        QVERIFY(series);
        QCOMPARE(series.value(),
                 (QList<PricePoint>{{utc(2026, 2, 20, 14, 35), 101.0}, {utc(2026, 2, 20, 14, 40), 102.0}}));

        // A second pass has nothing to do.
        const auto again = HistoryRetention::run(m_db->connection(), kNow, kThirtyDays);
        QVERIFY(again);
        QCOMPARE(again.value(), RetentionReport{});
    }

    void aLateQuoteIsMergedIntoItsStoredCandle()
    {
        record(utc(2026, 2, 20, 14, 31), 100.0);
        QVERIFY(HistoryRetention::run(m_db->connection(), kNow, kThirtyDays));
        // A quote of the same bucket recorded afterwards (e.g. an imported or delayed one).
        record(utc(2026, 2, 20, 14, 33), 97.0);
        QVERIFY(HistoryRetention::run(m_db->connection(), kNow, kThirtyDays));
        const auto candles = m_repository->candles(kTicker, HistoryRetention::kCandleSeconds,
                                                   utc(2026, 1, 1, 0), utc(2026, 4, 1, 0));
        QVERIFY(candles);
        QCOMPARE(candles.value().size(), 1);
        QCOMPARE(candles.value().constFirst().open, std::optional<double>(100.0));
        QCOMPARE(candles.value().constFirst().low, std::optional<double>(97.0));
        QCOMPARE(candles.value().constFirst().high, std::optional<double>(100.0));
        QCOMPARE(candles.value().constFirst().close, 97.0);
    }

    void foldedCandlesKeepTheLastHeldStopOfTheirBucket()
    {
        QVERIFY(m_repository->recordQuote(kTicker, utc(2026, 2, 20, 14, 31), 100.0, 100.0, 90.0));
        QVERIFY(m_repository->recordQuote(kTicker, utc(2026, 2, 20, 14, 33), 104.0, 104.0, 93.6));
        record(utc(2026, 2, 20, 14, 34), 103.0); // no held stop recorded (an older row)
        record(utc(2026, 2, 20, 14, 36), 102.0); // a bucket without any held stop
        const QList<StopPoint> before =
            m_repository->heldStops(kTicker, utc(2026, 1, 1, 0), utc(2026, 4, 1, 0)).value();
        QCOMPARE(before.size(), 2);
        QVERIFY(HistoryRetention::run(m_db->connection(), kNow, kThirtyDays));

        const auto candles = m_repository->candles(kTicker, HistoryRetention::kCandleSeconds,
                                                   utc(2026, 1, 1, 0), utc(2026, 4, 1, 0));
        QVERIFY(candles);
        QCOMPARE(candles.value().size(), 2);
        QCOMPARE(candles.value().at(0).peak, std::optional<double>(104.0));
        QCOMPARE(candles.value().at(0).stop, std::optional<double>(93.6));
        QCOMPARE(candles.value().at(1).stop, std::optional<double>());
        // The chart's held stop now comes from the candle, in force from its end.
        QCOMPARE(m_repository->heldStops(kTicker, utc(2026, 1, 1, 0), utc(2026, 4, 1, 0)).value(),
                 (QList<StopPoint>{{utc(2026, 2, 20, 14, 35), 104.0, 93.6}}));

        // A later quote of the bucket without a held stop keeps the candle's; a fetched candle for the
        // same bucket (no held values) replaces the prices but keeps them too.
        record(utc(2026, 2, 20, 14, 32), 101.0);
        QVERIFY(HistoryRetention::run(m_db->connection(), kNow, kThirtyDays));
        StoredCandle fetched;
        fetched.start = utc(2026, 2, 20, 14, 30);
        fetched.end = utc(2026, 2, 20, 14, 35);
        fetched.close = 103.5;
        QVERIFY(m_repository->storeCandles(kTicker, HistoryRetention::kCandleSeconds, {fetched}));
        const auto after = m_repository->candles(kTicker, HistoryRetention::kCandleSeconds,
                                                 utc(2026, 1, 1, 0), utc(2026, 4, 1, 0));
        QCOMPARE(after.value().at(0).close, 103.5);
        QCOMPARE(after.value().at(0).stop, std::optional<double>(93.6));
    }

    void theScheduleRunsOnAWorkerAndReports()
    {
        record(utc(2026, 2, 20, 14, 31), 100.0);
        record(utc(2026, 3, 30, 14, 31), 100.0);
        ManualClock clock(kNow);
        HistoryRetentionSchedule schedule(m_db->filePath(), clock);
        schedule.setAge(kThirtyDays);
        QSignalSpy finished(&schedule, &HistoryRetentionSchedule::passFinished);
        schedule.start();
        QVERIFY(schedule.isRunning());
        QVERIFY(!schedule.runNow()); // one pass at a time
        QVERIFY(finished.wait(10000));
        // Result has no default constructor, which QVariant::value() needs: read the stored copy.
        const auto &result =
            *static_cast<const Result<RetentionReport> *>(finished.constFirst().at(0).constData());
        QVERIFY(result.ok());
        QCOMPARE(result.value().quotesFolded, 1);
        QVERIFY(!schedule.isRunning());
        QCOMPARE(m_repository->quotes(kTicker, utc(2026, 1, 1, 0), utc(2026, 4, 1, 0)).value().size(), 1);

        // A day later the next pass runs by itself; after stop() none does.
        clock.advance(24 * 3600 - 1);
        QVERIFY(!schedule.isRunning());
        clock.advance(1);
        QVERIFY(schedule.isRunning());
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 2);
        schedule.stop();
        clock.advance(7 * 24 * 3600);
        QVERIFY(!schedule.isRunning());
    }
};

QTEST_GUILESS_MAIN(HistoryRetentionTest)
#include "tst_historyretention.moc"
