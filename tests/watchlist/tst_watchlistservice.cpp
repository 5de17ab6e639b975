#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace trailguard;
using trailguard::test::toronto;

class WatchlistServiceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addNormalizesAndPersists();
    void addRefusesBadInput_data();
    void addRefusesBadInput();
    void duplicateSaysSoAndChangesNothing();
    void entrySeedsPeakAndStop();
    void removeAndUnknown();
    void changeRatioPersistsAndSignals();
    void resetPeakPersists();
    void changeEntrySeedsOnlyBeforeAnyPrice();
    void saveCycleStoresEveryStockAtOnce();
    void changedElsewhereSeesOnlyOtherConnections();
    void addRuleStoresTheCanonicalSpec();
    void addRuleRefusesDuplicatesBadSpecsAndUnknownTickers();
    void removeRuleRefusesARuleTheTickerLacks();
    void addWithRulesValidatesAllBeforeSaving();
    void rulesSurviveReopening();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_repository;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<WatchlistService> m_service;
};

void WatchlistServiceTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_repository = std::make_unique<StockRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 11, 24, 10));
    m_service = std::make_unique<WatchlistService>(*m_repository, *m_clock);
}

void WatchlistServiceTest::cleanup()
{
    m_service.reset();
    m_repository.reset();
    m_db.reset();
}

void WatchlistServiceTest::addNormalizesAndPersists()
{
    QSignalSpy added(m_service.get(), &WatchlistService::stockAdded);
    const auto stock = m_service->add(QStringLiteral("  shop.to "), 0.85);
    QVERIFY(stock.ok());
    QCOMPARE(stock.value().ticker, QStringLiteral("SHOP.TO"));
    QCOMPARE(stock.value().createdAt, m_clock->now());
    QCOMPARE(added.count(), 1);
    const auto stored = m_repository->find(QStringLiteral("SHOP.TO"));
    QVERIFY(stored.ok() && stored.value());
    QCOMPARE(stored.value()->ratio, 0.85);
    QCOMPARE(m_service->stocks().value().size(), 1);
}

void WatchlistServiceTest::addRefusesBadInput_data()
{
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<double>("entry");
    QTest::addColumn<int>("code");
    const double none = -1;
    QTest::newRow("bad ticker") << "$$$" << 0.9 << none << int(ErrorCode::InvalidTicker);
    QTest::newRow("ratio zero") << "AAPL" << 0.0 << none << int(ErrorCode::InvalidRatio);
    QTest::newRow("ratio one") << "AAPL" << 1.0 << none << int(ErrorCode::InvalidRatio);
    QTest::newRow("ratio nan") << "AAPL" << std::numeric_limits<double>::quiet_NaN() << none
                               << int(ErrorCode::InvalidRatio);
    QTest::newRow("entry zero") << "AAPL" << 0.9 << 0.0 << int(ErrorCode::InvalidPrice);
    QTest::newRow("entry nan") << "AAPL" << 0.9 << std::numeric_limits<double>::quiet_NaN()
                               << int(ErrorCode::InvalidPrice);
}

void WatchlistServiceTest::addRefusesBadInput()
{
    QFETCH(QString, ticker);
    QFETCH(double, ratio);
    QFETCH(double, entry);
    QFETCH(int, code);
    QSignalSpy added(m_service.get(), &WatchlistService::stockAdded);
    const std::optional<double> entryPrice = entry == -1 ? std::nullopt : std::optional<double>(entry);
    const auto result = m_service->add(ticker, ratio, entryPrice);
    QVERIFY(!result.ok());
    QCOMPARE(int(result.error().code), code);
    QVERIFY(!result.error().message.isEmpty());
    QCOMPARE(added.count(), 0);
    QVERIFY(m_service->stocks().value().isEmpty());
}

void WatchlistServiceTest::duplicateSaysSoAndChangesNothing()
{
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9).ok());
    QSignalSpy added(m_service.get(), &WatchlistService::stockAdded);
    const auto again = m_service->add(QStringLiteral("aapl"), 0.5, 10.0);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::DuplicateTicker);
    QVERIFY(again.error().message.contains(QStringLiteral("already")));
    QCOMPARE(added.count(), 0);
    const auto stored = m_repository->find(QStringLiteral("AAPL")).value();
    QCOMPARE(stored->ratio, 0.9);
    QVERIFY(!stored->entry);
}

void WatchlistServiceTest::entrySeedsPeakAndStop()
{
    const auto stock = m_service->add(QStringLiteral("RY.TO"), 0.9, 150.0);
    QVERIFY(stock.ok());
    const auto stored = m_repository->find(QStringLiteral("RY.TO")).value();
    QCOMPARE(*stored->peak, 150.0);
    QCOMPARE(*stored->stop, 135.0);
    QCOMPARE(*stored->entry, 150.0);
}

void WatchlistServiceTest::removeAndUnknown()
{
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9).ok());
    QSignalSpy removed(m_service.get(), &WatchlistService::stockRemoved);
    QVERIFY(m_service->remove(QStringLiteral("aapl")).ok());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), QStringLiteral("AAPL"));
    const Status again = m_service->remove(QStringLiteral("AAPL"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::UnknownTicker);
    QCOMPARE(removed.count(), 1);
}

void WatchlistServiceTest::changeRatioPersistsAndSignals()
{
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9, 200.0).ok());
    QSignalSpy changed(m_service.get(), &WatchlistService::stockChanged);
    const auto updated = m_service->changeRatio(QStringLiteral("AAPL"), 0.8);
    QVERIFY(updated.ok());
    QCOMPARE(*updated.value().stop, 160.0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*m_repository->find(QStringLiteral("AAPL")).value()->stop, 160.0);

    QVERIFY(!m_service->changeRatio(QStringLiteral("AAPL"), 1.5).ok());
    QVERIFY(!m_service->changeRatio(QStringLiteral("NOPE"), 0.5).ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_repository->find(QStringLiteral("AAPL")).value()->ratio, 0.8);
}

void WatchlistServiceTest::resetPeakPersists()
{
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9).ok());
    StockState stock = *m_repository->find(QStringLiteral("AAPL")).value();
    stock = StopLossEngine::apply(stock, {stock.ticker, 200.0, m_clock->now()}, m_clock->now()).state;
    stock = StopLossEngine::apply(stock, {stock.ticker, 150.0, m_clock->now()}, m_clock->now()).state;
    QVERIFY(m_service->saveCycle({stock}).ok());
    const auto reset = m_service->resetPeak(QStringLiteral("AAPL"));
    QVERIFY(reset.ok());
    QCOMPARE(*m_repository->find(QStringLiteral("AAPL")).value()->peak, 150.0);
    QCOMPARE(*m_repository->find(QStringLiteral("AAPL")).value()->stop, 135.0);
}

void WatchlistServiceTest::saveCycleStoresEveryStockAtOnce()
{
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9).ok());
    QVERIFY(m_service->add(QStringLiteral("RY.TO"), 0.9).ok());
    QList<StockState> updated = m_service->stocks().value();
    for (StockState &stock : updated)
        stock = StopLossEngine::apply(stock, {stock.ticker, 100.0, m_clock->now()}, m_clock->now()).state;
    QSignalSpy changed(m_service.get(), &WatchlistService::stocksChanged);
    QVERIFY(m_service->saveCycle(updated).ok());
    QCOMPARE(changed.count(), 1);
    for (const StockState &stock : m_service->stocks().value())
        QCOMPARE(*stock.lastPrice, 100.0);
}

void WatchlistServiceTest::addRuleStoresTheCanonicalSpec()
{
    QVERIFY(m_service->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    QSignalSpy changed(m_service.get(), &WatchlistService::stockChanged);
    const auto first = m_service->addRule(QStringLiteral("shop.to"), QStringLiteral(" CROSS-BELOW-SMA: 50 "));
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE(first.value().rules, QStringList{QStringLiteral("cross-below-sma:50")});
    const auto second = m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("target:120"));
    QVERIFY(second.ok());
    const QStringList both{QStringLiteral("cross-below-sma:50"), QStringLiteral("target:120")};
    QCOMPARE(second.value().rules, both);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(1).at(0).value<StockState>().rules, both);
    QCOMPARE(m_repository->find(QStringLiteral("SHOP.TO")).value()->rules, both);

    const auto removed =
        m_service->removeRule(QStringLiteral("SHOP.TO"), QStringLiteral("Cross-Below-SMA:50"));
    QVERIFY(removed.ok());
    QCOMPARE(removed.value().rules, QStringList{QStringLiteral("target:120")});
    QCOMPARE(changed.count(), 3);
    QCOMPARE(m_repository->find(QStringLiteral("SHOP.TO")).value()->rules,
             QStringList{QStringLiteral("target:120")});
}

void WatchlistServiceTest::addRuleRefusesDuplicatesBadSpecsAndUnknownTickers()
{
    QVERIFY(m_service->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    QVERIFY(m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("cross-below-sma:50")).ok());
    QSignalSpy changed(m_service.get(), &WatchlistService::stockChanged);

    const auto duplicate =
        m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("Cross-Below-SMA: 50"));
    QVERIFY(!duplicate.ok());
    QVERIFY2(
        duplicate.error().message.contains(QStringLiteral("SHOP.TO already has the rule cross-below-sma:50")),
        qPrintable(duplicate.error().message));

    const auto bad = m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("rsi-below:14,120"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::InvalidIndicator);

    const auto unknown = m_service->addRule(QStringLiteral("RY.TO"), QStringLiteral("target:120"));
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().code, ErrorCode::UnknownTicker);

    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_repository->find(QStringLiteral("SHOP.TO")).value()->rules,
             QStringList{QStringLiteral("cross-below-sma:50")});
}

void WatchlistServiceTest::removeRuleRefusesARuleTheTickerLacks()
{
    QVERIFY(m_service->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    const auto none = m_service->removeRule(QStringLiteral("SHOP.TO"), QStringLiteral("target:120"));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains(QStringLiteral("no rules")), qPrintable(none.error().message));

    QVERIFY(m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("bb-above:20,2")).ok());
    QVERIFY(m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("rsi-above:14,70")).ok());
    const auto missing = m_service->removeRule(QStringLiteral("SHOP.TO"), QStringLiteral("target:120"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QStringLiteral("bb-above:20,2, rsi-above:14,70")),
             qPrintable(missing.error().message));
    const auto unknown = m_service->removeRule(QStringLiteral("RY.TO"), QStringLiteral("target:120"));
    QCOMPARE(unknown.error().code, ErrorCode::UnknownTicker);
    QCOMPARE(m_repository->find(QStringLiteral("SHOP.TO")).value()->rules.size(), 2);
}

void WatchlistServiceTest::addWithRulesValidatesAllBeforeSaving()
{
    QSignalSpy added(m_service.get(), &WatchlistService::stockAdded);
    const auto bad = m_service->add(QStringLiteral("SHOP.TO"), 0.9, std::nullopt,
                                    {QStringLiteral("target:120"), QStringLiteral("sma-wiggle:3")});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::InvalidIndicator);
    const auto repeated = m_service->add(QStringLiteral("SHOP.TO"), 0.9, std::nullopt,
                                         {QStringLiteral("target:120"), QStringLiteral("TARGET:120")});
    QVERIFY(!repeated.ok());
    QCOMPARE(added.count(), 0);
    QVERIFY(!m_repository->find(QStringLiteral("SHOP.TO")).value());

    const auto good = m_service->add(QStringLiteral("SHOP.TO"), StopStrategy::trailing(0.85), 100.0,
                                     {QStringLiteral("target: 120"), QStringLiteral("rsi-below:14,30")});
    QVERIFY(good.ok());
    const QStringList rules{QStringLiteral("target:120"), QStringLiteral("rsi-below:14,30")};
    QCOMPARE(good.value().rules, rules);
    QCOMPARE(added.count(), 1);
    QCOMPARE(*m_repository->find(QStringLiteral("SHOP.TO")).value(), good.value());
}

void WatchlistServiceTest::rulesSurviveReopening()
{
    QVERIFY(
        m_service->add(QStringLiteral("SHOP.TO"), 0.9, std::nullopt, {QStringLiteral("target:120")}).ok());
    QVERIFY(m_service->addRule(QStringLiteral("SHOP.TO"), QStringLiteral("macd-cross-below:12,26,9")).ok());
    m_service.reset();
    m_repository.reset();
    m_db.reset();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_repository = std::make_unique<StockRepository>(m_db->connection());
    m_service = std::make_unique<WatchlistService>(*m_repository, *m_clock);
    const auto stocks = m_service->stocks();
    QVERIFY(stocks.ok());
    QCOMPARE(stocks.value().constFirst().rules,
             (QStringList{QStringLiteral("target:120"), QStringLiteral("macd-cross-below:12,26,9")}));
}

void WatchlistServiceTest::changeEntrySeedsOnlyBeforeAnyPrice()
{
    QVERIFY(m_service->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    QSignalSpy changed(m_service.get(), &WatchlistService::stockChanged);
    const auto seeded = m_service->changeEntry(QStringLiteral("shop.to"), 100.0);
    QVERIFY(seeded.ok());
    QCOMPARE(seeded.value().entry, std::optional<double>(100.0));
    QCOMPARE(seeded.value().peak, std::optional<double>(100.0));
    QCOMPARE(seeded.value().stop, std::optional<double>(90.0));
    QCOMPARE(changed.size(), 1);

    // Once prices were seen, the running peak and stop stay.
    StockState state = seeded.value();
    state = StopLossEngine::apply(state, Quote{state.ticker, 120.0, m_clock->now()}, m_clock->now()).state;
    QVERIFY(m_service->saveCycle({state}).ok());
    const auto later = m_service->changeEntry(QStringLiteral("SHOP.TO"), 50.0);
    QVERIFY(later.ok());
    QCOMPARE(later.value().entry, std::optional<double>(50.0));
    QCOMPARE(later.value().peak, std::optional<double>(120.0));
    QCOMPARE(later.value().stop, std::optional<double>(108.0));
    QCOMPARE(m_service->stocks().value().constFirst().entry, std::optional<double>(50.0));

    QCOMPARE(m_service->changeEntry(QStringLiteral("SHOP.TO"), 0.0).error().code, ErrorCode::InvalidPrice);
    QCOMPARE(m_service->changeEntry(QStringLiteral("NOPE"), 10.0).error().code, ErrorCode::UnknownTicker);
}

QTEST_GUILESS_MAIN(WatchlistServiceTest)
// The stream's periodic check for edits made elsewhere (the CLI, another process) reads the watchlist only
// when another connection committed.
void WatchlistServiceTest::changedElsewhereSeesOnlyOtherConnections()
{
    QVERIFY(m_service->changedElsewhere()); // nothing known yet
    QVERIFY(!m_service->changedElsewhere());
    QVERIFY(m_service->add(QStringLiteral("AAPL"), 0.9).ok()); // its own write: signalled, not "elsewhere"
    QVERIFY(!m_service->changedElsewhere());
    // Another connection, as `trailguard watch add` in another process would.
    QVERIFY(test::watchTicker(m_dir->filePath(QStringLiteral("t.sqlite")), QStringLiteral("SHOP.TO"), 100.0));
    QVERIFY(m_service->changedElsewhere());
    QVERIFY(!m_service->changedElsewhere());
}

#include "tst_watchlistservice.moc"
