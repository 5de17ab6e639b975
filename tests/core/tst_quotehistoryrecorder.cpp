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
    void recordsPolledAndStreamedQuotesButNotCatchUp()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        const QuoteRecorder record = quoteHistoryRecorder(db.value()->connection());
        const QList<Quote> polled{{QStringLiteral("RY.TO"), 131.44, utc(2026, 3, 9, 15, 0)},
                                  {QStringLiteral("SHOP.TO"), std::nullopt, utc(2026, 3, 9, 15, 0)}};
        QVERIFY(record(polled, QuoteOrigin::Poll));
        QVERIFY(record({{QStringLiteral("RY.TO"), 131.50, utc(2026, 3, 9, 15, 0, 1)}}, QuoteOrigin::Stream));
        QVERIFY(record({{QStringLiteral("RY.TO"), 120.0, utc(2026, 3, 9, 14, 0)}}, QuoteOrigin::CatchUp));

        PriceHistoryRepository repository(db.value()->connection());
        const auto quotes =
            repository.quotes(QStringLiteral("RY.TO"), utc(2026, 3, 9, 0), utc(2026, 3, 10, 0));
        QVERIFY(quotes);
        QCOMPARE(quotes.value(),
                 (QList<PricePoint>{{utc(2026, 3, 9, 15, 0), 131.44}, {utc(2026, 3, 9, 15, 0, 1), 131.50}}));
        QVERIFY(repository.quotes(QStringLiteral("SHOP.TO"), utc(2026, 3, 9, 0), utc(2026, 3, 10, 0))
                    .value()
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(QuoteHistoryRecorderTest)
#include "tst_quotehistoryrecorder.moc"
