// The Monitor's pure evaluator: watched states + broker quotes + now → new states, breaches and trades.
// No database, no server, no event loop.
#include "domain/StopLossEngine.h"
#include "monitor/QuoteBatchEvaluator.h"

#include <QTest>

using namespace trailguard;

namespace {

const QDateTime kNow(QDate(2026, 3, 10), QTime(15, 0), Qt::UTC);

StockState watched(const QString &ticker, qint64 symbolId, double peak, double ratio = 0.9)
{
    StockState state = StopLossEngine::initialState(ticker, ratio, peak, kNow.addDays(-1));
    state.symbolId = symbolId;
    state.lastPrice = peak;
    return state;
}

BrokerQuote quote(qint64 symbolId, double last, std::optional<double> regular = std::nullopt)
{
    BrokerQuote q;
    q.symbolId = symbolId;
    q.lastTradePrice = last;
    q.regularTradePrice = regular;
    q.lastTradeTime = kNow.addSecs(-30);
    return q;
}

} // namespace

class TestQuoteBatchEvaluator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aPriceBelowTheStopIsABreach()
    {
        const QList<StockState> states{watched(QStringLiteral("SHOP.TO"), 1, 100),
                                       watched(QStringLiteral("RY.TO"), 2, 50)};
        const auto result =
            QuoteBatchEvaluator::evaluate(states, {quote(1, 85), quote(2, 51)}, kNow, QuoteBatchRules{});

        QCOMPARE(result.quoted, 2);
        QCOMPARE(result.quotedTickers, (QStringList{QStringLiteral("SHOP.TO"), QStringLiteral("RY.TO")}));
        QCOMPARE(result.breaches.size(), 1);
        QCOMPARE(result.breaches.first().ticker, QStringLiteral("SHOP.TO"));
        QCOMPARE(result.breaches.first().price, 85.0);
        QCOMPARE(result.breaches.first().stop, 90.0);
        QCOMPARE(result.breachedStates.size(), 1);
        QCOMPARE(result.breachedStates.first().lastPrice, std::optional<double>(85.0));
        // RY.TO rose: a new peak and stop, saved with the breach's state.
        QCOMPARE(result.changed.size(), 2);
        QCOMPARE(result.changed.last().peak, std::optional<double>(51.0));
        QCOMPARE(result.changed.last().checkedThrough, kNow);
        QCOMPARE(result.trades.size(), 2);
    }

    void quotesOfUnwatchedSymbolsAreIgnored()
    {
        const auto result = QuoteBatchEvaluator::evaluate({watched(QStringLiteral("SHOP.TO"), 1, 100)},
                                                          {quote(7, 10)}, kNow, QuoteBatchRules{});
        QCOMPARE(result.quoted, 0);
        QVERIFY(result.changed.isEmpty());
        QVERIFY(result.trades.isEmpty());
    }

    void extendedHoursTradesAreRecordedButDoNotMoveTheStop_data()
    {
        QTest::addColumn<bool>("includeExtendedHours");
        QTest::addColumn<bool>("breach");
        QTest::newRow("regular session only") << false << false;
        QTest::newRow("every trade") << true << true;
    }

    void extendedHoursTradesAreRecordedButDoNotMoveTheStop()
    {
        QFETCH(bool, includeExtendedHours);
        QFETCH(bool, breach);
        QuoteBatchRules rules;
        rules.includeExtendedHours = includeExtendedHours;
        // After hours at 80 (below the 90 stop); the regular session closed at 95.
        const auto result = QuoteBatchEvaluator::evaluate({watched(QStringLiteral("SHOP.TO"), 1, 100)},
                                                          {quote(1, 80, 95)}, kNow, rules);
        QCOMPARE(!result.breaches.isEmpty(), breach);
        QCOMPARE(result.trades.size(), 1);
        QCOMPARE(result.trades.first().quote.price, std::optional<double>(80.0));
        QCOMPARE(result.notes.size(), includeExtendedHours ? 0 : 1);
    }

    void aStaleTradeKeepsItsPriceButRaisesNoBreach()
    {
        QuoteBatchRules rules;
        int asked = 0;
        rules.isStale = [&asked](const StockState &, const QDateTime &) {
            ++asked;
            return true;
        };
        StockState stock = watched(QStringLiteral("SHOP.TO"), 1, 100);
        const auto result = QuoteBatchEvaluator::evaluate({stock}, {quote(1, 85)}, kNow, rules);
        QCOMPARE(asked, 1);
        QVERIFY(result.breaches.isEmpty());
        QCOMPARE(result.changed.size(), 1);
        QCOMPARE(result.changed.first().lastPrice, std::optional<double>(85.0));
        QCOMPARE(result.changed.first().belowStop, stock.belowStop);
        QCOMPARE(result.changed.first().lastAlertAt, stock.lastAlertAt);
    }

    void aSnoozedTickerTrailsQuietly()
    {
        StockState stock = watched(QStringLiteral("SHOP.TO"), 1, 100);
        stock.snoozedUntil = kNow.addSecs(3600);
        const auto result = QuoteBatchEvaluator::evaluate({stock}, {quote(1, 85)}, kNow, QuoteBatchRules{});
        QVERIFY(result.breaches.isEmpty());
        QCOMPARE(result.changed.size(), 1);
        QCOMPARE(result.notes.size(), 1);
        QVERIFY(result.notes.first().text.contains(QStringLiteral("snoozed until")));
    }

    void catchUpBreachesHappenedWhileOffline()
    {
        QuoteBatchRules rules;
        rules.origin = QuoteOrigin::CatchUp;
        rules.uncheckedGapStart = [](const StockState &, const QDateTime &) { return kNow.addDays(-2); };
        const auto result = QuoteBatchEvaluator::evaluate({watched(QStringLiteral("SHOP.TO"), 1, 100)},
                                                          {quote(1, 85)}, kNow, rules);
        QCOMPARE(result.breaches.size(), 1);
        QVERIFY(result.breaches.first().whileOffline);
        // A catch-up does not mark the stock as watched up to now, nor move its gap.
        QVERIFY(!result.changed.first().checkedThrough.isValid());
        QVERIFY(!result.changed.first().catchUpFrom.isValid());
    }

    void aLiveQuoteKeepsAnUncheckedGap()
    {
        QuoteBatchRules rules;
        rules.origin = QuoteOrigin::Stream;
        rules.uncheckedGapStart = [](const StockState &, const QDateTime &) { return kNow.addDays(-2); };
        const auto result = QuoteBatchEvaluator::evaluate({watched(QStringLiteral("SHOP.TO"), 1, 100)},
                                                          {quote(1, 99)}, kNow, rules);
        QCOMPARE(result.changed.first().catchUpFrom, kNow.addDays(-2));
        QCOMPARE(result.changed.first().checkedThrough, kNow);
    }

    void aHaltedQuoteHasNoPrice()
    {
        BrokerQuote halted = quote(1, 50);
        halted.halted = true;
        const auto result = QuoteBatchEvaluator::evaluate({watched(QStringLiteral("SHOP.TO"), 1, 100)},
                                                          {halted}, kNow, QuoteBatchRules{});
        QCOMPARE(result.quoted, 1);
        QVERIFY(result.breaches.isEmpty());
        QVERIFY(result.trades.isEmpty());
        QCOMPARE(result.changed.size(), 1);
        QVERIFY(result.changed.first().halted);
    }
};

QTEST_GUILESS_MAIN(TestQuoteBatchEvaluator)
#include "tst_quotebatchevaluator.moc"
