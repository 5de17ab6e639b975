// CandleBackfill against the fake Questrade server and a real SQLite file: a year of daily candles per
// ticker with a symbol id, stored candles re-used, only the missing ranges requested.
#include "BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/QuestradeParsing.h"
#include "broker/RateLimiter.h"
#include "domain/MarketCalendar.h"
#include "fakes/TestQuestradeServer.h"
#include "history/CandleBackfill.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

namespace {
constexpr qint64 kRoyal = 34658;
constexpr qint64 kShop = 4242001;

QDateTime easternDay(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), MarketCalendar::easternZone()).toUTC();
}
} // namespace

class TestCandleBackfill : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Server> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<PriceHistoryRepository> m_history;
    std::unique_ptr<ManualClock> m_clock;
    SystemClock m_systemClock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<TestSecretStore> m_store;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QuestradeAuth> m_auth;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<QuestradeClient> m_client;
    std::unique_ptr<CandleBackfill> m_backfill;
    QDate m_today;

    QList<Server::Request> candleRequests() const
    {
        QList<Server::Request> out;
        for (const Server::Request &request : m_server->requests()) {
            if (request.path.startsWith(QLatin1String("/v1/markets/candles/")))
                out.append(request);
        }
        return out;
    }

    static QDateTime queryTime(const Server::Request &request, const char *name)
    {
        return QuestradeParsing::parseTime(QJsonValue(
            QUrlQuery(request.query).queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded)));
    }

    void addStock(const QString &ticker, qint64 symbolId)
    {
        const auto added = m_watchlist->add(ticker, 0.9);
        QVERIFY(added);
        StockState stock = added.value();
        stock.symbolId = symbolId;
        QVERIFY(m_stocks->update(stock));
    }

    bool runBackfill()
    {
        QSignalSpy finished(m_backfill.get(), &CandleBackfill::finished);
        m_backfill->checkWatchlist();
        if (!m_backfill->isRunning())
            return true;
        return finished.wait(kWaitMs);
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<Server>();
        QVERIFY(m_server->listen());
        m_server->addSymbol(Server::Symbol{QStringLiteral("RY.TO"), kRoyal, QStringLiteral("CAD"),
                                           QStringLiteral("TSX"), QStringLiteral("ROYAL BANK")});
        m_server->addSymbol(Server::Symbol{QStringLiteral("SHOP.TO"), kShop, QStringLiteral("CAD"),
                                           QStringLiteral("TSX"), QStringLiteral("SHOPIFY")});
        m_server->setPrice(kRoyal, 131.44);
        m_server->setPrice(kShop, 98.10);

        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        m_db = std::move(db).value();
        m_stocks = std::make_unique<StockRepository>(m_db->connection());
        m_history = std::make_unique<PriceHistoryRepository>(m_db->connection());
        // The fake server's generated series ends at the real "now": the backfill's clock follows it.
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_today = m_clock->now().toTimeZone(MarketCalendar::easternZone()).date();
        m_watchlist = std::make_unique<WatchlistService>(*m_stocks, *m_clock);

        m_store = std::make_unique<TestSecretStore>();
        m_network = std::make_unique<QNetworkAccessManager>();
        QuestradeAuth::Options authOptions;
        authOptions.loginUrlOverride = m_server->loginUrl().toString();
        m_auth = std::make_unique<QuestradeAuth>(m_network.get(), *m_store, m_systemClock, authOptions);
        m_limiter = std::make_unique<RateLimiter>(m_systemClock);
        m_client = std::make_unique<QuestradeClient>(m_network.get(), *m_auth, *m_limiter,
                                                     QuestradeClient::Options{});
        m_auth->connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Live);
        QVERIFY(waitForState(*m_auth, ConnectionState::Connected));
        m_server->clearRequests();
        m_backfill = std::make_unique<CandleBackfill>(*m_client, *m_history, *m_watchlist, *m_clock);
    }

    void cleanup()
    {
        m_backfill.reset();
        m_client.reset();
        m_limiter.reset();
        m_auth.reset();
        m_network.reset();
        m_store.reset();
        m_watchlist.reset();
        m_history.reset();
        m_stocks.reset();
        m_db.reset();
        m_dir.reset();
        m_server.reset();
    }

    void backfillsAYearOfDailyCandlesPerTicker()
    {
        addStock(QStringLiteral("RY.TO"), kRoyal);
        addStock(QStringLiteral("SHOP.TO"), kShop);
        QVERIFY(m_watchlist->add(QStringLiteral("NOID.TO"), 0.9)); // not resolved yet: left alone

        QSignalSpy progress(m_backfill.get(), &CandleBackfill::progressChanged);
        QVERIFY(runBackfill());
        QCOMPARE(candleRequests().size(), 2); // one request per ticker: a year fits in 2,000 days
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast().at(0).toInt(), 2);
        QCOMPARE(progress.constLast().at(1).toInt(), 2);

        const QDateTime yearAgo = easternDay(m_today.addDays(-365));
        for (const Server::Request &request : candleRequests()) {
            QVERIFY(request.query.contains(QLatin1String("interval=OneDay")));
            QCOMPARE(queryTime(request, "startTime"), yearAgo);
        }
        const auto stored = m_history->candles(QStringLiteral("RY.TO"), CandleInterval::OneDay, yearAgo,
                                               m_clock->now().addDays(1));
        QVERIFY(stored);
        QVERIFY2(stored.value().size() >= 250 && stored.value().size() <= 262,
                 qPrintable(QString::number(stored.value().size())));
        QCOMPARE(m_history->coveredRanges(QStringLiteral("RY.TO"), CandleInterval::OneDay).value(),
                 (QList<TimeRange>{{yearAgo, m_clock->now()}}));

        // Again later the same day: everything is stored, nothing is asked for.
        m_server->clearRequests();
        QVERIFY(m_backfill->rangesToFetch(QStringLiteral("RY.TO"), m_clock->now()).value().isEmpty());
        m_backfill->backfill({{QStringLiteral("RY.TO"), kRoyal}});
        QTRY_VERIFY(!m_backfill->isRunning());
        QCOMPARE(candleRequests().size(), 0);
    }

    void onlyTheMissingRangesAreRequested()
    {
        addStock(QStringLiteral("RY.TO"), kRoyal);
        // Stored before: [-365 d, -200 d) and [-100 d, -50 d) (from an earlier run or an import).
        const QDateTime yearAgo = easternDay(m_today.addDays(-365));
        QVERIFY(m_history->markCovered(QStringLiteral("RY.TO"), 86400,
                                       {yearAgo, easternDay(m_today.addDays(-200))}));
        QVERIFY(
            m_history->markCovered(QStringLiteral("RY.TO"), 86400,
                                   {easternDay(m_today.addDays(-100)), easternDay(m_today.addDays(-50))}));

        QVERIFY(runBackfill());
        const QList<Server::Request> requests = candleRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(queryTime(requests.at(0), "startTime"), easternDay(m_today.addDays(-200)));
        QCOMPARE(queryTime(requests.at(0), "endTime"), easternDay(m_today.addDays(-100)));
        QCOMPARE(queryTime(requests.at(1), "startTime"), easternDay(m_today.addDays(-50)));
        // Whole seconds in the query.
        QCOMPARE(queryTime(requests.at(1), "endTime"),
                 QDateTime::fromSecsSinceEpoch(m_clock->now().toSecsSinceEpoch(), QTimeZone::utc()));
        // Nothing was fetched for the covered stretches, and the whole year is covered now.
        QVERIFY(m_history
                    ->candles(QStringLiteral("RY.TO"), CandleInterval::OneDay, yearAgo,
                              easternDay(m_today.addDays(-200)))
                    .value()
                    .isEmpty());
        QVERIFY(!m_history
                     ->candles(QStringLiteral("RY.TO"), CandleInterval::OneDay,
                               easternDay(m_today.addDays(-50)), m_clock->now())
                     .value()
                     .isEmpty());
        QCOMPARE(m_history->coveredRanges(QStringLiteral("RY.TO"), CandleInterval::OneDay).value(),
                 (QList<TimeRange>{{yearAgo, m_clock->now()}}));
    }

    void theNextDayFetchesOnlyTheDaysSince()
    {
        addStock(QStringLiteral("RY.TO"), kRoyal);
        const QDateTime yearAgo = easternDay(m_today.addDays(-365));
        // Covered up to three days ago at 14:00 New York: a later run asks from that day's midnight on.
        const QDateTime lastRun =
            QDateTime(m_today.addDays(-3), QTime(14, 0), MarketCalendar::easternZone()).toUTC();
        QVERIFY(m_history->markCovered(QStringLiteral("RY.TO"), 86400, {yearAgo, lastRun}));
        QVERIFY(runBackfill());
        const QList<Server::Request> requests = candleRequests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(queryTime(requests.at(0), "startTime"), easternDay(m_today.addDays(-3)));
    }

    void aNewTickerIsBackfilledOnceResolved()
    {
        QVERIFY(m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9));
        QVERIFY(runBackfill());
        QCOMPARE(candleRequests().size(), 0); // no symbol id yet
        auto stock = m_stocks->find(QStringLiteral("SHOP.TO"));
        QVERIFY(stock && stock.value());
        StockState resolved = *stock.value();
        resolved.symbolId = kShop;
        QVERIFY(m_stocks->update(resolved));
        QVERIFY(runBackfill());
        QCOMPARE(candleRequests().size(), 1);
        // Once per run: the next cycle's check asks nothing more.
        QVERIFY(runBackfill());
        QCOMPARE(candleRequests().size(), 1);
    }

    void aFailedTickerIsTriedAgain()
    {
        addStock(QStringLiteral("RY.TO"), kRoyal);
        m_server->failNextRequests(1, 400, 1002);
        QSignalSpy finished(m_backfill.get(), &CandleBackfill::finished);
        QVERIFY(runBackfill());
        QCOMPARE(finished.constLast().at(1).toInt(), 1); // one failed
        QVERIFY(m_history->coveredRanges(QStringLiteral("RY.TO"), CandleInterval::OneDay).value().isEmpty());
        QVERIFY(runBackfill());
        QCOMPARE(candleRequests().size(), 2);
        QCOMPARE(finished.constLast().at(1).toInt(), 0);
        QVERIFY(!m_history->coveredRanges(QStringLiteral("RY.TO"), CandleInterval::OneDay).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCandleBackfill)
#include "tst_candlebackfill.moc"
