#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockColumns.h"
#include "storage/StockRepository.h"

#include <QFile>
#include <QSqlQuery>
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
    void updatesStoreWhatAnInsertStores();
    void aRefusedUpdateSaysWhyAndTheNextOneRuns();
    void aRepositoryMayOutliveItsConnection();

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

namespace {
// Each state column of `ticker` as SQLite holds it: its type and its text.
QStringList storedColumns(const QSqlDatabase &db, const QString &ticker)
{
    QStringList stored;
    for (const QString &column : StockColumns::names()) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("SELECT typeof(%1), quote(%1) FROM stocks JOIN stock_quotes USING (ticker) "
                           "WHERE ticker = ?")
                .arg(column));
        query.addBindValue(ticker);
        if (!query.exec() || !query.next())
            return {};
        stored.append(column + QLatin1Char('=') + query.value(0).toString() + QLatin1Char(':') +
                      query.value(1).toString());
    }
    return stored;
}
} // namespace

// Updates bind through SQLite's C API, inserts through Qt's driver: both must store the same types and text.
void StockRepositoryTest::updatesStoreWhatAnInsertStores()
{
    StockState full = fullState();
    full.listingExchange = QStringLiteral("TSX");
    full.checkedThrough = full.lastQuoteAt;
    full.catchUpFrom = full.lastAlertAt;
    full.strategyState.basis = 80.5;
    StockState empty =
        StopLossEngine::initialState(QStringLiteral("EMPTY"), 0.85, std::nullopt, toronto(2026, 11, 2, 9));
    const QList<std::pair<StockState, StockState>> cases{{full, empty}, {empty, full}};
    for (const auto &[written, first] : cases) {
        StockState inserted = written;
        inserted.ticker = QStringLiteral("INSERTED");
        QVERIFY(m_repository->insert(inserted).ok());
        StockState updated = first; // then overwritten with `written` by an update of every column
        updated.ticker = QStringLiteral("UPDATED");
        QVERIFY(m_repository->insert(updated).ok());
        updated = written;
        updated.ticker = QStringLiteral("UPDATED");
        QVERIFY(m_repository->update(updated).ok());

        const QStringList expected = storedColumns(m_db->connection(), inserted.ticker);
        QCOMPARE(expected.size(), StockColumns::kCount);
        QCOMPARE(storedColumns(m_db->connection(), updated.ticker), expected);
        StockState readBack = *m_repository->find(updated.ticker).value();
        readBack.ticker = inserted.ticker;
        readBack.createdAt = inserted.createdAt; // not a state column: kept from the first insert
        QCOMPARE(readBack, *m_repository->find(inserted.ticker).value());
        QVERIFY(m_repository->remove(inserted.ticker).ok());
        QVERIFY(m_repository->remove(updated.ticker).ok());
    }
}

void StockRepositoryTest::aRefusedUpdateSaysWhyAndTheNextOneRuns()
{
    StockState refused = fullState();
    StockState other = fullState();
    other.ticker = QStringLiteral("RY.TO");
    QVERIFY(m_repository->insert(refused).ok());
    QVERIFY(m_repository->insert(other).ok());
    QSqlQuery trigger(m_db->connection());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER refuse_shop BEFORE UPDATE ON stock_quotes WHEN NEW.ticker = "
                       "'SHOP.TO' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")));

    StockState refusedAfter = refused;
    refusedAfter.lastPrice = 95.0;
    const Status failed = m_repository->updateChanged(refused, refusedAfter);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::DatabaseQuery);
    QVERIFY2(failed.error().message.contains(QStringLiteral("refused for the test")),
             qPrintable(failed.error().message));

    StockState otherAfter = other; // the same columns: the same statement, reset after the failure
    otherAfter.lastPrice = 96.0;
    QVERIFY(m_repository->updateChanged(other, otherAfter).ok());
    QCOMPARE(*m_repository->find(other.ticker).value()->lastPrice, 96.0);
    QCOMPARE(*m_repository->find(refused.ticker).value()->lastPrice, 92.10);

    // A stock's row and its quote row are written together or not at all (migration 16 split them): the
    // quote row is written first, so refusing the other one must take the quote back.
    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_shop")));
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER refuse_shop_setting BEFORE UPDATE ON stocks WHEN NEW.ticker = "
                       "'SHOP.TO' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")));
    StockState both = refused;
    both.lastPrice = 97.0;
    both.entry = 81.0;
    QVERIFY(!m_repository->updateChanged(refused, both).ok());
    QVERIFY(!m_repository->update(both).ok());
    const StockState stored = *m_repository->find(refused.ticker).value();
    QCOMPARE(*stored.lastPrice, 92.10);
    QCOMPARE(*stored.entry, 80.25);
}

// The prepared updates belong to Qt's driver, which finalizes them when the connection closes: the file is
// closed properly (its WAL checkpointed and removed), and a late update fails instead of crashing.
void StockRepositoryTest::aRepositoryMayOutliveItsConnection()
{
    StockState before = fullState();
    QVERIFY(m_repository->insert(before).ok());
    StockState after = before;
    after.lastPrice = 95.0;
    QVERIFY(m_repository->updateChanged(before, after).ok());
    const QString path = m_dir->filePath(QStringLiteral("t.sqlite"));
    QVERIFY(QFile::exists(path + QStringLiteral("-wal")));

    m_db.reset();
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    StockState later = after;
    later.lastPrice = 97.0;
    const Status failed = m_repository->updateChanged(after, later);
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::DatabaseQuery);

    auto reopened = Database::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE(*StockRepository(reopened.value()->connection()).find(before.ticker).value().value().lastPrice,
             95.0);
}

QTEST_GUILESS_MAIN(StockRepositoryTest)
#include "tst_stockrepository.moc"
