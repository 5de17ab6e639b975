// QuoteHeldStops: the held peak and stop stored only where they change, and read back as before.
#include "TestSupport.h"
#include "history/ChartSeriesBuilder.h"
#include "history/HistoryRetention.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/QuoteHeldStops.h"
#include "storage/SqlValues.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::utc;

namespace {
const QString kTicker = QStringLiteral("RY.TO");

struct HeldQuote {
    QDateTime time;
    double price = 0;
    std::optional<double> peak;
    std::optional<double> stop;
};

// A seeded random walk every 5 s from `start`, with a trailing stop at 0.9 of the peak; the first three
// quotes hold no stop yet (as atr before its N-th day).
QList<HeldQuote> trailingWalk(const QDateTime &start, int count)
{
    QList<HeldQuote> quotes;
    quint32 seed = 2024;
    double price = 100;
    double peak = 0;
    for (int i = 0; i < count; ++i) {
        seed = seed * 1664525u + 1013904223u;
        price = std::max(1.0, std::round((price + (double(seed >> 8) / double(1u << 24) - 0.5)) * 100) / 100);
        peak = std::max(peak, price);
        HeldQuote quote{start.addSecs(5LL * i), price, peak, std::round(peak * 0.9 * 10000) / 10000};
        if (i < 3)
            quote.peak = quote.stop = std::nullopt;
        quotes.append(quote);
    }
    return quotes;
}
} // namespace

class QuoteHeldStopsTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    std::unique_ptr<Database> open()
    {
        auto db = Database::open(m_dir.filePath(QStringLiteral("t%1.sqlite").arg(++m_files)));
        return db ? std::move(db).value() : nullptr;
    }

    // Through the repository: the pair only where it changes.
    static void recordCompact(Database &db, const QList<HeldQuote> &quotes)
    {
        PriceHistoryRepository repository(db.connection());
        for (const HeldQuote &quote : quotes)
            QVERIFY(repository.recordQuote(kTicker, quote.time, quote.price, quote.peak, quote.stop));
    }

    // As the monitor stored them before: the pair with every quote that had one.
    static void recordEveryPair(Database &db, const QList<HeldQuote> &quotes)
    {
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO history_tickers (ticker) VALUES ('RY.TO')")));
        QVERIFY(query.prepare(QStringLiteral(
            "INSERT INTO price_quotes (ticker_id, time, price, peak, stop) VALUES ((SELECT id FROM "
            "history_tickers WHERE ticker = 'RY.TO'), ?, ?, ?, ?)")));
        for (const HeldQuote &quote : quotes) {
            query.addBindValue(SqlValues::epochMs(quote.time));
            query.addBindValue(SqlValues::priceValue(quote.price));
            query.addBindValue(SqlValues::optionalPrice(quote.peak));
            query.addBindValue(SqlValues::optionalPrice(quote.stop));
            QVERIFY(query.exec());
        }
    }

    static qint64 rowsWithAPair(Database &db)
    {
        QSqlQuery query(db.connection());
        if (!query.exec(QStringLiteral("SELECT count(*) FROM price_quotes WHERE peak IS NOT NULL")) ||
            !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    static QList<StopPoint> chartSteps(Database &db, const QDateTime &from, const QDateTime &to)
    {
        const auto points = PriceHistoryRepository(db.connection()).heldStops(kTicker, from, to);
        return points ? ChartSeriesBuilder::steps(points.value()) : QList<StopPoint>{};
    }

private Q_SLOTS:
    void theChartsHeldStopIsUnchangedByTheCompaction()
    {
        const QDateTime start = utc(2026, 3, 2, 14, 30);
        const QList<HeldQuote> quotes = trailingWalk(start, 3000);
        auto compact = open();
        auto everyPair = open();
        QVERIFY(compact && everyPair);
        recordCompact(*compact, quotes);
        recordEveryPair(*everyPair, quotes);

        // Far fewer pairs are stored, yet every window draws the same steps, also one that starts long
        // after the last change (its pair carried from before the window).
        QVERIFY2(rowsWithAPair(*compact) < rowsWithAPair(*everyPair) / 4,
                 qPrintable(
                     QStringLiteral("%1 of %2").arg(rowsWithAPair(*compact)).arg(rowsWithAPair(*everyPair))));
        const QDateTime end = quotes.constLast().time.addSecs(1);
        const QList<std::pair<QDateTime, QDateTime>> windows{{start.addDays(-1), end},
                                                             {start.addSecs(7), end},
                                                             {start.addSecs(5 * 1234), end},
                                                             {start.addSecs(5 * 2999), end},
                                                             {start.addSecs(600), start.addSecs(1800)},
                                                             {start.addSecs(-60), start.addSecs(5)}};
        for (const auto &[from, to] : windows) {
            const QList<StopPoint> expected = chartSteps(*everyPair, from, to);
            QVERIFY(!expected.isEmpty() || to <= start.addSecs(15));
            QCOMPARE(chartSteps(*compact, from, to), expected);
        }

        // Retention folds the first half into 5-minute candles and deletes it: still the same steps, for the
        // whole history and for windows that start at the first quote kept or a little after it (their pair
        // carried from a deleted quote).
        const QDateTime now = start.addSecs(5 * 1500).addDays(30);
        QVERIFY(HistoryRetention::run(compact->connection(), now, std::chrono::hours(24 * 30)));
        QVERIFY(HistoryRetention::run(everyPair->connection(), now, std::chrono::hours(24 * 30)));
        for (const QDateTime &from : {start.addDays(-1), start.addSecs(5 * 1500),
                                      start.addSecs(5 * 1500 + 600), start.addSecs(5 * 1500 + 1200)}) {
            const QList<StopPoint> expected = chartSteps(*everyPair, from, end);
            QVERIFY(!expected.isEmpty());
            QCOMPARE(chartSteps(*compact, from, end), expected);
        }
    }

    void anUnchangedPairIsStoredAgainAfterKLookBackQuotes()
    {
        auto db = open();
        QVERIFY(db);
        QList<HeldQuote> flat;
        for (int i = 0; i < 200; ++i)
            flat.append(HeldQuote{utc(2026, 3, 2, 15, 0).addSecs(i), 50.0, (55.0), (49.5)});
        recordCompact(*db, flat);
        // Quotes 1, 66, 131 and 196: a writer never looks back further than kLookBack quotes.
        static_assert(QuoteHeldStops::kLookBack == 64);
        QCOMPARE(rowsWithAPair(*db), 4);
        QCOMPARE(chartSteps(*db, utc(2026, 3, 2, 15, 1), utc(2026, 3, 2, 16, 0)),
                 (QList<StopPoint>{{utc(2026, 3, 2, 15, 1), 55.0, 49.5}}));
    }

    void aQuoteRecordedOutOfOrderLeavesTheLaterOnesTheirPair()
    {
        auto db = open();
        QVERIFY(db);
        recordCompact(*db, {{utc(2026, 3, 2, 15, 0), 100.0, (100.0), (90.0)},
                            {utc(2026, 3, 2, 15, 2), 99.0, (100.0), (90.0)},
                            {utc(2026, 3, 2, 15, 3), 98.0, (100.0), (90.0)}});
        QCOMPARE(rowsWithAPair(*db), 1);
        // A late quote between them with another pair, then the same time again with none.
        recordCompact(*db, {{utc(2026, 3, 2, 15, 1), 110.0, (110.0), (99.0)}});
        const QList<StopPoint> expected{{utc(2026, 3, 2, 15, 0), 100.0, 90.0},
                                        {utc(2026, 3, 2, 15, 1), 110.0, 99.0},
                                        {utc(2026, 3, 2, 15, 2), 100.0, 90.0}};
        QCOMPARE(chartSteps(*db, utc(2026, 3, 2, 0), utc(2026, 3, 3, 0)), expected);
        recordCompact(*db, {{utc(2026, 3, 2, 15, 1), 110.0, std::nullopt, std::nullopt}});
        QCOMPARE(chartSteps(*db, utc(2026, 3, 2, 0), utc(2026, 3, 3, 0)),
                 (QList<StopPoint>{{utc(2026, 3, 2, 15, 0), 100.0, 90.0}}));
        QCOMPARE(chartSteps(*db, utc(2026, 3, 2, 15, 3), utc(2026, 3, 3, 0)),
                 (QList<StopPoint>{{utc(2026, 3, 2, 15, 3), 100.0, 90.0}}));
    }

    void retentionKeepsThePairTheFirstQuoteKeptCarried()
    {
        auto db = open();
        QVERIFY(db);
        QList<HeldQuote> quotes;
        for (int i = 0; i < 24; ++i) // 14:53:00 to 14:56:50, one pair stored (the first)
            quotes.append(HeldQuote{utc(2026, 3, 1, 14, 53).addSecs(10 * i), 95.0, 100.0, 90.0});
        recordCompact(*db, quotes);
        QCOMPARE(rowsWithAPair(*db), 1);
        // Quotes before 14:55 are folded and deleted; the quote of 14:55:00 now holds the pair itself.
        QVERIFY(
            HistoryRetention::run(db->connection(), utc(2026, 3, 31, 14, 56), std::chrono::hours(24 * 30)));
        QCOMPARE(rowsWithAPair(*db), 1);
        QCOMPARE(chartSteps(*db, utc(2026, 3, 1, 14, 56), utc(2026, 3, 2, 0)),
                 (QList<StopPoint>{{utc(2026, 3, 1, 14, 56), 100.0, 90.0}}));
    }

    void aQuoteWithoutAStopStoresNoPair()
    {
        auto db = open();
        QVERIFY(db);
        recordCompact(*db, {{utc(2026, 3, 2, 15, 0), 100.0, std::nullopt, std::nullopt},
                            {utc(2026, 3, 2, 15, 1), 101.0, (101.0), (90.9)}});
        QCOMPARE(rowsWithAPair(*db), 1);
        QCOMPARE(PriceHistoryRepository(db->connection())
                     .quoteHeldStops(kTicker, utc(2026, 3, 2, 0), utc(2026, 3, 3, 0))
                     .value(),
                 (QList<StopPoint>{{utc(2026, 3, 2, 15, 1), 101.0, 90.9}}));
    }
};

QTEST_GUILESS_MAIN(QuoteHeldStopsTest)
#include "tst_quoteheldstops.moc"
