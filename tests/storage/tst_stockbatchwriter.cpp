// StockRepository::updateChangedMany (rows many to a statement through StockBatchWriter) against the
// row-by-row updateChanged it replaces in a cycle: the same table, the same failures.
#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "storage/Transaction.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
constexpr int kStocks = 157; // 64 + 64 + 16 + 4 + 4 + 4 + 1: every chunk size and rows left over

QList<StockState> storedStocks()
{
    QList<StockState> stocks;
    const QDateTime start = toronto(2026, 12, 1, 9, 30);
    for (int i = 0; i < kStocks; ++i) {
        StockState stock = StopLossEngine::initialState(
            QStringLiteral("T%1.TO").arg(i, 3, 10, QLatin1Char('0')), 0.9, 100.0 + i, start);
        stock.symbolId = 1000 + i;
        stock.currency = QStringLiteral("CAD");
        stocks.append(stock);
    }
    return stocks;
}

// A cycle whose rows change different sets of columns (and some none).
QList<StockState> cycleOf(const QList<StockState> &before)
{
    QList<StockState> after = before;
    const QDateTime now = toronto(2026, 12, 3, 10, 15, 42).addMSecs(123);
    for (qsizetype i = 0; i < after.size(); ++i) {
        StockState &stock = after[i];
        switch (i % 5) {
        case 0: // the usual: a new price and its time
            stock.lastPrice = 101.25 + double(i) / 8;
            stock.lastQuoteAt = now;
            stock.checkedThrough = now;
            break;
        case 1: // a new peak lifts the stop
            stock.lastPrice = 150.0 + double(i);
            stock.peak = stock.lastPrice;
            stock.stop = *stock.peak * 0.9;
            stock.lastQuoteAt = now.addSecs(i);
            break;
        case 2: // flags and text (non-ASCII included)
            stock.halted = true;
            stock.quoteDelayed = i % 2 == 0;
            stock.listingExchange = QStringLiteral("TSX\u00e9");
            break;
        case 3: // a value cleared
            stock.lastPrice.reset();
            stock.snoozedUntil = now.addDays(2);
            break;
        default: // nothing changed
            break;
        }
    }
    return after;
}

// Every stored value with its SQLite type, row by row.
QList<QVariantList> tableOf(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    QList<QVariantList> rows;
    if (!query.exec(QStringLiteral("SELECT * FROM stocks ORDER BY ticker")))
        return rows;
    while (query.next()) {
        QVariantList row;
        for (int column = 0; column < query.record().count(); ++column)
            row << query.value(column) << query.value(column).typeId();
        rows.append(row);
    }
    return rows;
}
} // namespace

class StockBatchWriterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void batchedUpdatesGiveTheRowByRowTable();
    void anUnknownTickerFailsTheBatch();
    void aRefusedRowFailsTheBatchWithItsReason();
    void aTickerTwiceKeepsTheLastState();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_batched;
    std::unique_ptr<Database> m_rowByRow;
};

void StockBatchWriterTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto batched = Database::open(m_dir->filePath(QStringLiteral("batched.sqlite")));
    auto rowByRow = Database::open(m_dir->filePath(QStringLiteral("rows.sqlite")));
    QVERIFY(batched.ok() && rowByRow.ok());
    m_batched = std::move(batched).value();
    m_rowByRow = std::move(rowByRow).value();
    for (const StockState &stock : storedStocks()) {
        QVERIFY(StockRepository(m_batched->connection()).insert(stock).ok());
        QVERIFY(StockRepository(m_rowByRow->connection()).insert(stock).ok());
    }
}

void StockBatchWriterTest::cleanup()
{
    m_batched.reset();
    m_rowByRow.reset();
    m_dir.reset();
}

void StockBatchWriterTest::batchedUpdatesGiveTheRowByRowTable()
{
    StockRepository batched(m_batched->connection());
    StockRepository rowByRow(m_rowByRow->connection());
    QList<StockState> before = batched.all().value();
    for (int cycle = 0; cycle < 2; ++cycle) { // the second cycle reuses the prepared statements
        const QList<StockState> after = cycleOf(before);
        QVERIFY(inTransaction(m_batched->connection(), [&] {
                    return batched.updateChangedMany(before, after);
                }).ok());
        QVERIFY(inTransaction(m_rowByRow->connection(), [&]() -> Status {
                    for (qsizetype i = 0; i < after.size(); ++i) {
                        if (Status one = rowByRow.updateChanged(before.at(i), after.at(i)); !one.ok())
                            return one;
                    }
                    return success();
                }).ok());
        QCOMPARE(batched.all().value(), after);
        before = after;
        for (StockState &stock : before)
            stock.lastQuoteAt = stock.lastQuoteAt.addSecs(60);
    }
    const QList<QVariantList> table = tableOf(m_batched->connection());
    QCOMPARE(table.size(), kStocks);
    QCOMPARE(table, tableOf(m_rowByRow->connection()));
}

void StockBatchWriterTest::anUnknownTickerFailsTheBatch()
{
    StockRepository repository(m_batched->connection());
    const QList<StockState> storedStocksAsRead = repository.all().value();
    QList<StockState> before = storedStocksAsRead;
    before[70].ticker = QStringLiteral("GHOST.TO"); // inside the second 64-row chunk
    const QList<StockState> after = cycleOf(before);
    const Status failed =
        inTransaction(m_batched->connection(), [&] { return repository.updateChangedMany(before, after); });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::UnknownTicker);
    QVERIFY(failed.error().message.contains(QStringLiteral("GHOST.TO")));
    QCOMPARE(repository.all().value(), storedStocksAsRead); // rolled back
}

void StockBatchWriterTest::aRefusedRowFailsTheBatchWithItsReason()
{
    StockRepository repository(m_batched->connection());
    const QList<StockState> before = repository.all().value();
    QSqlQuery trigger(m_batched->connection());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER refuse_t005 BEFORE UPDATE ON stocks WHEN NEW.ticker = 'T005.TO' "
                       "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")));
    const QList<StockState> after = cycleOf(before);
    const Status failed =
        inTransaction(m_batched->connection(), [&] { return repository.updateChangedMany(before, after); });
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, ErrorCode::DatabaseQuery);
    QVERIFY2(failed.error().message.contains(QStringLiteral("refused for the test")),
             qPrintable(failed.error().message));
    QCOMPARE(repository.all().value(), before);
}

void StockBatchWriterTest::aTickerTwiceKeepsTheLastState()
{
    StockRepository repository(m_batched->connection());
    const QList<StockState> stored = repository.all().value();
    QList<StockState> before;
    QList<StockState> after;
    for (int copy = 0; copy < 2; ++copy) {
        for (const StockState &stock : stored) {
            StockState next = stock;
            next.lastPrice = 200.0 + copy;
            before.append(stock);
            after.append(next);
        }
    }
    QVERIFY(inTransaction(m_batched->connection(), [&] {
                return repository.updateChangedMany(before, after);
            }).ok());
    QCOMPARE(*repository.find(QStringLiteral("T042.TO")).value()->lastPrice, 201.0);
}

QTEST_GUILESS_MAIN(StockBatchWriterTest)
#include "tst_stockbatchwriter.moc"
