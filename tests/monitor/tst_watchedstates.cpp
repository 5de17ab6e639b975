#include "common/Clock.h"
#include "monitor/WatchedStates.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

// The monitor's in-memory copy of the watchlist against a real SQLite file: it follows every edit made
// through WatchlistService, and reads the file again only when another connection wrote to it.
class WatchedStatesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void followsEditsThroughTheService();
    void batchVisitsOnlyItsQuotedStocks();
    void savedBatchIsFollowedAndARefusedOneIsNot();
    void anotherConnectionsWriteIsReadAgain();

private:
    static BrokerQuote quoteFor(qint64 symbolId, double price);
    void resolve(const QString &ticker, qint64 symbolId);
    static QStringList tickers(const QList<StockState> &stocks);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_repository;
    SystemClock m_clock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<WatchedStates> m_states;
};

void WatchedStatesTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_repository = std::make_unique<StockRepository>(m_db->connection());
    m_watchlist = std::make_unique<WatchlistService>(*m_repository, m_clock);
    for (const char *ticker : {"RY.TO", "BMO.TO", "TD.TO"})
        QVERIFY(m_watchlist->add(QString::fromLatin1(ticker), 0.9).ok());
    m_states = std::make_unique<WatchedStates>(*m_watchlist);
}

void WatchedStatesTest::cleanup()
{
    m_states.reset();
    m_watchlist.reset();
    m_repository.reset();
    m_db.reset();
    m_dir.reset();
}

BrokerQuote WatchedStatesTest::quoteFor(qint64 symbolId, double price)
{
    BrokerQuote quote;
    quote.symbolId = symbolId;
    quote.lastTradePrice = price;
    quote.lastTradeTime = QDateTime::currentDateTimeUtc();
    return quote;
}

void WatchedStatesTest::resolve(const QString &ticker, qint64 symbolId)
{
    StockState stock = *m_repository->find(ticker).value();
    stock.symbolId = symbolId;
    QVERIFY(m_watchlist->saveCycle({stock}).ok());
}

QStringList WatchedStatesTest::tickers(const QList<StockState> &stocks)
{
    QStringList result;
    for (const StockState &stock : stocks)
        result.append(stock.ticker);
    return result;
}

void WatchedStatesTest::followsEditsThroughTheService()
{
    QCOMPARE(tickers(m_states->all().value()),
             (QStringList{QStringLiteral("BMO.TO"), QStringLiteral("RY.TO"), QStringLiteral("TD.TO")}));
    QVERIFY(m_watchlist->add(QStringLiteral("CM.TO"), 0.8).ok());
    QVERIFY(m_watchlist->remove(QStringLiteral("TD.TO")).ok());
    QVERIFY(m_watchlist->changeRatio(QStringLiteral("RY.TO"), 0.5).ok());

    const QList<StockState> held = m_states->all().value();
    QCOMPARE(tickers(held),
             (QStringList{QStringLiteral("BMO.TO"), QStringLiteral("CM.TO"), QStringLiteral("RY.TO")}));
    QCOMPARE(held.at(2).ratio, 0.5);
    QCOMPARE(held, m_watchlist->stocks().value()); // the same as the database, field for field
}

void WatchedStatesTest::batchVisitsOnlyItsQuotedStocks()
{
    resolve(QStringLiteral("RY.TO"), 11);
    resolve(QStringLiteral("BMO.TO"), 22);
    resolve(QStringLiteral("TD.TO"), 33);
    // In watchlist order whatever the order of the quotes; an unknown id brings nothing.
    const QList<StockState> quoted =
        m_states->quotedBy({quoteFor(33, 80.0), quoteFor(999, 1.0), quoteFor(22, 50.0)}).value();
    QCOMPARE(tickers(quoted), (QStringList{QStringLiteral("BMO.TO"), QStringLiteral("TD.TO")}));
    QCOMPARE(*quoted.at(0).symbolId, 22);

    // A symbol id that changes moves with its stock.
    resolve(QStringLiteral("TD.TO"), 44);
    QVERIFY(m_states->quotedBy({quoteFor(33, 80.0)}).value().isEmpty());
    QCOMPARE(tickers(m_states->quotedBy({quoteFor(44, 80.0)}).value()), QStringList{QStringLiteral("TD.TO")});
}

void WatchedStatesTest::savedBatchIsFollowedAndARefusedOneIsNot()
{
    QList<StockState> next = m_states->all().value();
    for (StockState &stock : next)
        stock.lastPrice = 42.0;
    const auto saved = m_watchlist->saveEach(next, {}, {});
    QVERIFY(saved.ok());
    QVERIFY(saved.value().isEmpty());
    for (const StockState &stock : m_states->all().value())
        QCOMPARE(*stock.lastPrice, 42.0);

    // The transaction fails at its end: nothing was saved, so the copy keeps the stored prices.
    for (StockState &stock : next)
        stock.lastPrice = 7.0;
    const auto refused = m_watchlist->saveEach(next, {}, [](const WatchlistService::NotSaved &) -> Status {
        return Error{ErrorCode::DatabaseQuery, QStringLiteral("refused for the test")};
    });
    QVERIFY(!refused.ok());
    for (const StockState &stock : m_states->all().value())
        QCOMPARE(*stock.lastPrice, 42.0);
    QCOMPARE(m_states->all().value(), m_watchlist->stocks().value());
}

void WatchedStatesTest::anotherConnectionsWriteIsReadAgain()
{
    QVERIFY(m_states->all().ok()); // read once
    // Another process (the CLI) changes a ratio in the same file.
    auto other = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(other.ok());
    {
        StockRepository otherRepository(other.value()->connection());
        StockState stock = *otherRepository.find(QStringLiteral("TD.TO")).value();
        stock.ratio = 0.7;
        stock.strategy = StopStrategy::trailing(0.7);
        QVERIFY(otherRepository.update(stock).ok());
    }
    QCOMPARE(m_states->all().value().at(2).ratio, 0.9); // not read yet
    QVERIFY(m_states->reloadIfChangedElsewhere().ok());
    QCOMPARE(m_states->all().value().at(2).ratio, 0.7);

    // This connection's own writes are followed by signal, never read again.
    const auto before = m_repository->dataVersion();
    QVERIFY(before.ok());
    QVERIFY(m_watchlist->changeRatio(QStringLiteral("RY.TO"), 0.6).ok());
    QCOMPARE(m_repository->dataVersion().value(), before.value());
    QCOMPARE(m_states->all().value().at(1).ratio, 0.6);
}

QTEST_GUILESS_MAIN(WatchedStatesTest)
#include "tst_watchedstates.moc"
