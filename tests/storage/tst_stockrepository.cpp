#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

class StockRepositoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void roundTripsEveryField();
    void nullsStayNull();
    void duplicateInsertChangesNothing();
    void updateAndRemoveUnknownTicker();
    void updateAllIsAllOrNothing();
    void updateChangedWritesOnlyWhatDiffers();
    void listsInTickerOrder();

private:
    StockState fullState() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_repository;
};

void StockRepositoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_repository = std::make_unique<StockRepository>(m_db->connection());
}

void StockRepositoryTest::cleanup()
{
    m_repository.reset();
    m_db.reset();
    m_dir.reset();
}

StockState StockRepositoryTest::fullState() const
{
    StockState stock;
    stock.ticker = QStringLiteral("SHOP.TO");
    stock.symbolId = 9292929;
    stock.currency = QStringLiteral("CAD");
    stock.lastPrice = 92.10;
    stock.lastQuoteAt = toronto(2026, 11, 3, 15, 59, 58).addMSecs(123);
    stock.peak = 106.0;
    stock.ratio = 0.9;
    stock.stop = 95.4;
    stock.entry = 80.25;
    stock.lastAlertAt = toronto(2026, 11, 3, 16, 0, 1);
    stock.lastAlertMarketDay = QDate(2026, 11, 3);
    stock.createdAt = toronto(2026, 10, 1, 9, 30);
    stock.quoteDelayed = true;
    stock.halted = true;
    stock.belowStop = true;
    stock.snoozedUntil = toronto(2026, 11, 10, 9);
    return stock;
}

void StockRepositoryTest::roundTripsEveryField()
{
    const StockState stock = fullState();
    QVERIFY(m_repository->insert(stock).ok());
    const auto found = m_repository->find(QStringLiteral("SHOP.TO"));
    QVERIFY(found.ok() && found.value());
    QCOMPARE(*found.value(), stock);
}

void StockRepositoryTest::nullsStayNull()
{
    const StockState stock =
        StopLossEngine::initialState(QStringLiteral("AAPL"), 0.85, std::nullopt, toronto(2026, 11, 2, 9));
    QVERIFY(m_repository->insert(stock).ok());
    const auto found = m_repository->find(QStringLiteral("AAPL"));
    QVERIFY(found.ok() && found.value());
    const StockState &loaded = *found.value();
    QVERIFY(!loaded.symbolId);
    QVERIFY(!loaded.lastPrice);
    QVERIFY(!loaded.peak);
    QVERIFY(!loaded.stop);
    QVERIFY(!loaded.entry);
    QVERIFY(!loaded.lastQuoteAt.isValid());
    QVERIFY(!loaded.lastAlertAt.isValid());
    QVERIFY(!loaded.lastAlertMarketDay.isValid());
    QCOMPARE(loaded.ratio, 0.85);
    QCOMPARE(loaded, stock);
}

void StockRepositoryTest::duplicateInsertChangesNothing()
{
    const StockState stock = fullState();
    QVERIFY(m_repository->insert(stock).ok());
    StockState other = stock;
    other.ratio = 0.5;
    const Status duplicate = m_repository->insert(other);
    QVERIFY(!duplicate.ok());
    QCOMPARE(duplicate.error().code, ErrorCode::DuplicateTicker);
    QVERIFY(duplicate.error().message.contains(QStringLiteral("SHOP.TO")));
    QCOMPARE(m_repository->find(QStringLiteral("SHOP.TO")).value()->ratio, 0.9);
}

void StockRepositoryTest::updateAndRemoveUnknownTicker()
{
    StockState ghost = fullState();
    ghost.ticker = QStringLiteral("GHOST");
    QCOMPARE(m_repository->update(ghost).error().code, ErrorCode::UnknownTicker);
    QCOMPARE(m_repository->remove(QStringLiteral("GHOST")).error().code, ErrorCode::UnknownTicker);

    QVERIFY(m_repository->insert(fullState()).ok());
    StockState changed = fullState();
    changed.peak = 120.0;
    changed.stop = 108.0;
    QVERIFY(m_repository->update(changed).ok());
    QCOMPARE(*m_repository->find(QStringLiteral("SHOP.TO")).value()->peak, 120.0);
    QVERIFY(m_repository->remove(QStringLiteral("SHOP.TO")).ok());
    QVERIFY(!m_repository->find(QStringLiteral("SHOP.TO")).value());
}

void StockRepositoryTest::updateChangedWritesOnlyWhatDiffers()
{
    const StockState before = fullState();
    QVERIFY(m_repository->insert(before).ok());
    StockState elsewhere = before; // a column the change below does not touch, stored meanwhile
    elsewhere.entry = 70.0;
    QVERIFY(m_repository->update(elsewhere).ok());

    StockState after = before;
    after.lastPrice = 93.5;
    after.lastQuoteAt = before.lastQuoteAt.addSecs(60);
    after.halted = false;
    after.checkedThrough = before.lastQuoteAt.addSecs(61);
    after.strategy = StopStrategy::trailing(0.85);
    after.ratio = 0.85;
    after.strategyState.basis = 80.0;
    QVERIFY(m_repository->updateChanged(before, after).ok());

    StockState expected = after;
    expected.entry = 70.0; // not written: before and after agree
    const auto found = m_repository->find(QStringLiteral("SHOP.TO"));
    QVERIFY(found.ok() && found.value());
    QCOMPARE(*found.value(), expected);

    StockState ghost = before;
    ghost.ticker = QStringLiteral("GHOST");
    QVERIFY(m_repository->updateChanged(ghost, ghost).ok()); // nothing to write
    StockState movedGhost = ghost;
    movedGhost.lastPrice = 1.0;
    QCOMPARE(m_repository->updateChanged(ghost, movedGhost).error().code, ErrorCode::UnknownTicker);
}

void StockRepositoryTest::updateAllIsAllOrNothing()
{
    StockState a = fullState();
    StockState b = fullState();
    b.ticker = QStringLiteral("RY.TO");
    QVERIFY(m_repository->insert(a).ok());
    QVERIFY(m_repository->insert(b).ok());

    a.lastPrice = 99.0;
    b.lastPrice = 130.0;
    StockState ghost = fullState();
    ghost.ticker = QStringLiteral("GHOST");
    const Status failed = m_repository->updateAll({a, b, ghost});
    QVERIFY(!failed.ok());
    QCOMPARE(*m_repository->find(QStringLiteral("SHOP.TO")).value()->lastPrice, 92.10);
    QCOMPARE(*m_repository->find(QStringLiteral("RY.TO")).value()->lastPrice, 92.10);

    QVERIFY(m_repository->updateAll({a, b}).ok());
    QCOMPARE(*m_repository->find(QStringLiteral("SHOP.TO")).value()->lastPrice, 99.0);
    QCOMPARE(*m_repository->find(QStringLiteral("RY.TO")).value()->lastPrice, 130.0);
}

void StockRepositoryTest::listsInTickerOrder()
{
    for (const char *ticker : {"XEQT.TO", "AAPL", "BRK.B"}) {
        StockState stock = fullState();
        stock.ticker = QString::fromLatin1(ticker);
        QVERIFY(m_repository->insert(stock).ok());
    }
    const auto all = m_repository->all();
    QVERIFY(all.ok());
    QStringList tickers;
    for (const StockState &stock : all.value())
        tickers << stock.ticker;
    QCOMPARE(tickers,
             (QStringList{QStringLiteral("AAPL"), QStringLiteral("BRK.B"), QStringLiteral("XEQT.TO")}));
}

QTEST_GUILESS_MAIN(StockRepositoryTest)
#include "tst_stockrepository.moc"
