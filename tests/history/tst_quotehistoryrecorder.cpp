// The Monitor's quote recorder for the price history.
#include "TestSupport.h"
#include "history/QuoteHistoryRecorder.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::utc;

class QuoteHistoryRecorderTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void recordsPolledAndStreamedQuotesWithTheirHeldStopButNotCatchUp()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        const QuoteRecorder record = quoteHistoryRecorder(db.value()->connection());
        const QList<RecordedQuote> polled{
            {{QStringLiteral("RY.TO"), 131.44, utc(2026, 3, 9, 15, 0)}, 131.44, 118.30},
            {{QStringLiteral("SHOP.TO"), std::nullopt, utc(2026, 3, 9, 15, 0)}, 90.0, 81.0}};
        QVERIFY(record(polled, QuoteOrigin::Poll));
        // Without a stop yet (atr before its N-th day): the price is kept, no held stop.
        QVERIFY(record({{{QStringLiteral("RY.TO"), 131.50, utc(2026, 3, 9, 15, 0, 1)}, 131.50, std::nullopt}},
                       QuoteOrigin::Stream));
        QVERIFY(record({{{QStringLiteral("RY.TO"), 120.0, utc(2026, 3, 9, 14, 0)}, 131.0, 117.9}},
                       QuoteOrigin::CatchUp));

        PriceHistoryRepository repository(db.value()->connection());
        const auto quotes =
            repository.quotes(QStringLiteral("RY.TO"), utc(2026, 3, 9, 0), utc(2026, 3, 10, 0));
        QVERIFY(quotes);
        QCOMPARE(quotes.value(),
                 (QList<PricePoint>{{utc(2026, 3, 9, 15, 0), 131.44}, {utc(2026, 3, 9, 15, 0, 1), 131.50}}));
        QCOMPARE(
            repository.heldStops(QStringLiteral("RY.TO"), utc(2026, 3, 9, 0), utc(2026, 3, 10, 0)).value(),
            (QList<StopPoint>{{utc(2026, 3, 9, 15, 0), 131.44, 118.30}}));
        QVERIFY(repository.quotes(QStringLiteral("SHOP.TO"), utc(2026, 3, 9, 0), utc(2026, 3, 10, 0))
                    .value()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(QuoteHistoryRecorderTest)
#include "tst_quotehistoryrecorder.moc"
