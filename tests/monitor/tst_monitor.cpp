// The monitor loop end to end against the fake Questrade server over real loopback HTTP.
#include "alerts/AlertOutbox.h"
#include "alerts/HealthWatch.h"
#include "fakes/TestQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

namespace {
constexpr int kTickers = 60;

QString tickerFor(int i)
{
    return QStringLiteral("T%1.TO").arg(i, 3, 10, QLatin1Char('0'));
}
} // namespace

class MonitorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void resolvesOnceAndBatchesQuotes();
    void breachIsStoredWithItsAlertOnce();
    void cyclesNeverOverlap();
    void haltedAndDelayedAreFlagged();
    void editsDuringACycleAreKept();
    void snoozedTickerRaisesNoAlert();
    void corruptRecordCostsOnlyItsStock();
    void unknownIdIsReportedForItsTicker();
    void extendedHoursTradesMoveNoStop_data();
    void extendedHoursTradesMoveNoStop();
    void oneUnsavableStateBlocksNoOther();
    void aFailedLookupFailsTheCycleOnly();
    void aCycleWritesOnlyTheColumnsThatChanged();

private:
    void runCycle();
    std::optional<StockState> stock(const QString &ticker) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<AlertRepository> m_alerts;
    SystemClock m_clock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<BrokerSession> m_session;
};

void MonitorTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    for (int i = 0; i < kTickers; ++i) {
        m_server->addSymbol({tickerFor(i), 1000 + i, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             QStringLiteral("Test %1").arg(i)});
        m_server->setPrice(1000 + i, 100.0);
    }
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_watchlist = std::make_unique<WatchlistService>(*m_stocks, m_clock);
    for (int i = 0; i < kTickers; ++i)
        QVERIFY(m_watchlist->add(tickerFor(i), 0.9).ok());
    QVERIFY(m_watchlist->add(QStringLiteral("NOSUCH.TO"), 0.9).ok());

    m_secrets = std::make_unique<MemorySecretStore>();
    BrokerSession::Options options;
    options.auth.loginUrlOverride = m_server->loginUrl().toString();
    m_session = std::make_unique<BrokerSession>(*m_secrets, *m_watchlist, m_clock, options);
    QSignalSpy state(&m_session->auth(), &QuestradeAuth::stateChanged);
    m_session->auth().connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Practice);
    QTRY_COMPARE(m_session->auth().state(), ConnectionState::Connected);
    m_server->clearRequests();
}

void MonitorTest::cleanup()
{
    m_session.reset();
    m_watchlist.reset();
    m_alerts.reset();
    m_stocks.reset();
    m_db.reset();
    m_server.reset();
}

void MonitorTest::runCycle()
{
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    m_session->monitor().checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
}

void MonitorTest::aCycleWritesOnlyTheColumnsThatChanged()
{
    runCycle();
    QVERIFY(m_session->monitor().lastReport().ok);
    // An UPDATE OF trigger fires whenever its column is assigned, even to the same value.
    QSqlQuery trigger(m_db->connection());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TEMP TRIGGER no_ratio_write BEFORE UPDATE OF stop_ratio, strategy, "
                       "currency ON stocks BEGIN SELECT RAISE(ABORT, 'unchanged column written'); END")));
    for (int i = 0; i < kTickers; ++i)
        m_server->setPrice(1000 + i, 101.0 + i);
    runCycle();
    const CycleReport report = m_session->monitor().lastReport();
    QVERIFY2(report.ok, qPrintable(report.error));
    QVERIFY(report.notSaved.isEmpty());
    QCOMPARE(report.updated, kTickers);
    QCOMPARE(*stock(tickerFor(3))->lastPrice, 104.0);
    QCOMPARE(*stock(tickerFor(3))->peak, 104.0);
    QCOMPARE(stock(tickerFor(3))->ratio, 0.9);
}

void MonitorTest::aFailedLookupFailsTheCycleOnly()
{
    // The look-up error reaches the report; the cycle still ends, and the next one resolves the tickers.
    m_server->failNextRequests(1000, 400);
    runCycle();
    m_server->failNextRequests(0, 400);
    const CycleReport failed = m_session->monitor().lastReport();
    QVERIFY(!failed.ok);
    QVERIFY(!failed.error.isEmpty());
    QCOMPARE(failed.quoted, 0);

    runCycle();
    const CycleReport next = m_session->monitor().lastReport();
    QVERIFY2(next.ok, qPrintable(next.error));
    QCOMPARE(next.quoted, kTickers);
}

std::optional<StockState> MonitorTest::stock(const QString &ticker) const
{
    const auto found = m_stocks->find(ticker);
    return found.ok() ? found.value() : std::nullopt;
}

void MonitorTest::resolvesOnceAndBatchesQuotes()
{
    runCycle();
    const CycleReport first = m_session->monitor().lastReport();
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.watched, kTickers + 1);
    QCOMPARE(first.quoted, kTickers);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 2); // ceil(60 / 50)
    const int lookups = m_server->requestCount(QStringLiteral("/v1/symbols"));
    QVERIFY2(lookups >= 1 && lookups <= kTickers + 1, qPrintable(QString::number(lookups)));
    QCOMPARE(*stock(tickerFor(7))->symbolId, 1007);
    QCOMPARE(stock(tickerFor(7))->currency, QStringLiteral("CAD"));
    QCOMPARE(*stock(tickerFor(7))->lastPrice, 100.0);
    QVERIFY(stock(QStringLiteral("NOSUCH.TO"))->symbolNotFound);

    // The second cycle looks nothing up again, the unknown ticker included, and costs two quote calls.
    m_server->clearRequests();
    runCycle();
    QVERIFY(m_session->monitor().lastReport().ok);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/symbols")), 0);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 2);
}

void MonitorTest::breachIsStoredWithItsAlertOnce()
{
    OutboxDispatcher dispatcher(*m_alerts, m_clock);
    AlertOutbox outbox(*m_alerts, dispatcher, m_clock);
    // No channel configured: the alert is stored with no delivery, which is enough to see it recorded.
    m_session->monitor().setBreachRecorder([&](const Breach &breach, const StockState &stock) {
        return outbox.recordBreach(breach, stock.currency);
    });
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);

    runCycle();
    m_server->setPrice(1003, 120.0); // new peak 120, stop 108
    runCycle();
    QCOMPARE(*stock(tickerFor(3))->stop, 108.0);
    m_server->setPrice(1003, 107.5);
    runCycle();
    QCOMPARE(breaches.count(), 1);
    const Breach breach = breaches.at(0).at(0).value<Breach>();
    QCOMPARE(breach.ticker, tickerFor(3));
    QCOMPARE(breach.price, 107.5);
    QCOMPARE(breach.peak, 120.0);
    QVERIFY(stock(tickerFor(3))->lastAlertAt.isValid());
    const auto history = m_alerts->recent(10);
    QCOMPARE(history.value().size(), 1);
    QVERIFY(history.value().constFirst().message.subject.startsWith(
        QStringLiteral("Stop-loss breach: T003.TO 107.50")));

    // Still below on the same market day: no second alert.
    m_server->setPrice(1003, 106.0);
    runCycle();
    QCOMPARE(breaches.count(), 1);
    QCOMPARE(m_alerts->recent(10).value().size(), 1);
}

void MonitorTest::cyclesNeverOverlap()
{
    QSignalSpy started(&m_session->monitor(), &Monitor::cycleStarted);
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    m_server->setResponseDelay(150);
    m_session->monitor().checkNow();
    QTRY_COMPARE(started.count(), 1);
    QVERIFY(m_session->monitor().isCycleRunning());
    m_session->monitor().checkNow();
    m_session->monitor().checkNow();
    m_session->monitor().checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
    // A third cycle would have been queued as the second one finished, before its signal returned.
    QVERIFY(!m_session->monitor().isCycleRunning());
    QCoreApplication::processEvents();
    QCOMPARE(started.count(), 2); // the three requests made during the first cycle became one more
    QCOMPARE(finished.count(), 2);
    QVERIFY(!m_session->monitor().isCycleRunning());
}

void MonitorTest::haltedAndDelayedAreFlagged()
{
    runCycle();
    FakeQuestradeServer::Quote halted;
    halted.lastTradePrice = 50.0; // far below the stop, but halted: not a price to act on
    halted.lastTradeTime = QDateTime::currentDateTimeUtc();
    halted.halted = true;
    m_server->setQuote(1001, halted);
    FakeQuestradeServer::Quote delayed;
    delayed.lastTradePrice = 101.0;
    delayed.lastTradeTime = QDateTime::currentDateTimeUtc();
    delayed.delay = 1;
    m_server->setQuote(1002, delayed);
    FakeQuestradeServer::Quote noPrice;
    noPrice.lastTradeTime = QDateTime::currentDateTimeUtc();
    m_server->setQuote(1004, noPrice);
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    runCycle();
    QCOMPARE(breaches.count(), 0);
    QVERIFY(stock(tickerFor(1))->halted);
    QCOMPARE(*stock(tickerFor(1))->lastPrice, 100.0);
    QVERIFY(stock(tickerFor(2))->quoteDelayed);
    QCOMPARE(*stock(tickerFor(2))->lastPrice, 101.0);
    QCOMPARE(*stock(tickerFor(4))->lastPrice, 100.0); // null price: no quote, never zero
}

void MonitorTest::editsDuringACycleAreKept()
{
    runCycle();
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    // The edits land exactly while the cycle's quote request is at the server: after the cycle read the
    // watchlist, before it writes its results.
    int editsMidCycle = 0;
    bool cycleWasRunning = false;
    bool editsSaved = false;
    connect(m_server.get(), &test::TestQuestradeServer::requestReceived, this,
            [&](const FakeQuestradeServer::Request &request) {
                if (editsMidCycle > 0 || !request.path.startsWith(QLatin1String("/v1/markets/quotes")))
                    return;
                ++editsMidCycle;
                cycleWasRunning = m_session->monitor().isCycleRunning();
                editsSaved = m_watchlist->changeRatio(tickerFor(5), 0.5).ok() &&
                             m_watchlist->remove(tickerFor(6)).ok();
            });
    m_session->monitor().checkNow();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(editsMidCycle, 1);
    QVERIFY(cycleWasRunning);
    QVERIFY(editsSaved);
    QVERIFY2(m_session->monitor().lastReport().ok, qPrintable(m_session->monitor().lastReport().error));
    QCOMPARE(stock(tickerFor(5))->ratio, 0.5);
    QVERIFY(!stock(tickerFor(6)));
}

void MonitorTest::snoozedTickerRaisesNoAlert()
{
    runCycle();
    QVERIFY(m_watchlist->snooze(tickerFor(8), 3).ok());
    QVERIFY(!m_watchlist->snooze(tickerFor(8), 0).ok());
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);
    m_server->setPrice(1008, 50.0);
    runCycle();
    QCOMPARE(breaches.count(), 0);
    QCOMPARE(*stock(tickerFor(8))->lastPrice, 50.0); // still tracked
    QVERIFY(stock(tickerFor(8))->snoozedUntil > QDateTime::currentDateTimeUtc().addDays(2));
}

void MonitorTest::corruptRecordCostsOnlyItsStock()
{
    runCycle();
    for (int i = 0; i < kTickers; ++i)
        m_server->setPrice(1000 + i, 105.0);
    m_server->setQuoteCorruption(1005, test::TestQuestradeServer::QuoteCorruption::PriceAsText);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Dropped the quote of T005\\.TO")));
    runCycle();
    const CycleReport report = m_session->monitor().lastReport();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.quoted, kTickers - 1);
    QCOMPARE(*stock(tickerFor(5))->lastPrice, 100.0); // its record was dropped: the price stays
    QCOMPARE(*stock(tickerFor(4))->lastPrice, 105.0); // the rest of its batch was applied
    QCOMPARE(*stock(tickerFor(6))->lastPrice, 105.0);
    QCOMPARE(*stock(tickerFor(kTickers - 1))->lastPrice, 105.0);
}

void MonitorTest::unknownIdIsReportedForItsTicker()
{
    runCycle();
    // A listing Questrade no longer knows (delisted since it was resolved), stored by another process (the
    // monitor follows this connection's writes through WatchlistService, and reads others' again).
    StockState gone = *stock(tickerFor(9));
    gone.symbolId = 999999;
    {
        auto other = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(other.ok());
        QVERIFY(StockRepository(other.value()->connection()).update(gone).ok());
    }
    m_server->setUnknownQuoteIdsAnswer404(true);
    for (int i = 0; i < kTickers; ++i)
        m_server->setPrice(1000 + i, 104.0);
    m_server->clearRequests();
    runCycle();
    const CycleReport report = m_session->monitor().lastReport();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.notFound, QStringList{tickerFor(9)});
    QCOMPARE(report.quoted, kTickers - 1);
    QVERIFY(stock(tickerFor(9))->symbolNotFound);
    QCOMPARE(*stock(tickerFor(10))->lastPrice, 104.0); // in the same batch as the unknown id
    QCOMPARE(*stock(tickerFor(0))->lastPrice, 104.0);
    int refused = 0;
    for (const FakeQuestradeServer::Request &request : m_server->requests())
        refused += request.path == QLatin1String("/v1/markets/quotes") && request.status == 404 ? 1 : 0;
    QVERIFY(refused > 0);

    // Marked not found, it is asked about no more: the next cycle costs two quote calls, none refused.
    m_server->clearRequests();
    runCycle();
    QVERIFY(m_session->monitor().lastReport().ok);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 2);
    for (const FakeQuestradeServer::Request &request : m_server->requests())
        QCOMPARE(request.status, 200);
}

void MonitorTest::extendedHoursTradesMoveNoStop_data()
{
    QTest::addColumn<bool>("include");
    QTest::newRow("regular session only (default)") << false;
    QTest::newRow("extended hours included") << true;
}

void MonitorTest::extendedHoursTradesMoveNoStop()
{
    QFETCH(bool, include);
    QCOMPARE(m_session->monitor().includeExtendedHours(), false); // the default
    m_session->monitor().setIncludeExtendedHours(include);
    runCycle(); // peak 100, stop 90 everywhere
    QList<RecordedQuote> recorded;
    m_session->monitor().setQuoteRecorder([&recorded](const QList<RecordedQuote> &quotes, QuoteOrigin) {
        recorded += quotes;
        return success();
    });
    QSignalSpy breaches(&m_session->monitor(), &Monitor::breachDetected);

    // After the close: one trade far below the stop, one far above the peak; the regular session ended
    // at 100 for both.
    const auto afterHours = [this](qint64 symbolId, double price) {
        FakeQuestradeServer::Quote quote;
        quote.lastTradePrice = price;
        quote.lastTradeTime = QDateTime::currentDateTimeUtc();
        quote.separateRegularPrice = true;
        quote.regularTradePrice = 100.0;
        m_server->setQuote(symbolId, quote);
    };
    afterHours(1011, 80.0);
    afterHours(1012, 130.0);
    runCycle();
    QVERIFY2(m_session->monitor().lastReport().ok, qPrintable(m_session->monitor().lastReport().error));

    // The chart records both trades either way.
    const auto recordedPrice = [&recorded](const QString &ticker) {
        for (const RecordedQuote &held : std::as_const(recorded)) {
            if (held.quote.ticker == ticker)
                return held.quote.price;
        }
        return std::optional<double>();
    };
    QCOMPARE(recordedPrice(tickerFor(11)), std::optional<double>(80.0));
    QCOMPARE(recordedPrice(tickerFor(12)), std::optional<double>(130.0));
    // Each with the peak and stop its ticker held after the engine applied it (the chart's stop line).
    for (const RecordedQuote &held : std::as_const(recorded)) {
        const std::optional<StockState> state = stock(held.quote.ticker);
        QVERIFY(state);
        QCOMPARE(held.peak, state->peak);
        QCOMPARE(held.stop, state->stop);
    }

    if (include) {
        QCOMPARE(breaches.count(), 1);
        QCOMPARE(breaches.at(0).at(0).value<Breach>().ticker, tickerFor(11));
        QCOMPARE(breaches.at(0).at(0).value<Breach>().price, 80.0);
        QCOMPARE(*stock(tickerFor(12))->peak, 130.0);
        QCOMPARE(*stock(tickerFor(12))->stop, 117.0);
    } else {
        QCOMPARE(breaches.count(), 0);
        QVERIFY(!stock(tickerFor(11))->lastAlertAt.isValid());
        QCOMPARE(*stock(tickerFor(11))->lastPrice, 100.0); // the stop follows the regular session
        QCOMPARE(*stock(tickerFor(12))->peak, 100.0);
        QCOMPARE(*stock(tickerFor(12))->stop, 90.0);
    }
}

// A state the database refuses (here a trigger stands for any such value, e.g. a stop of zero) used to
// roll the whole cycle back, every cycle: no ticker was saved or alerted. Now only that ticker is left out,
// reported in the cycle and by a health alert; the others are saved and their breaches alerted.
void MonitorTest::oneUnsavableStateBlocksNoOther()
{
    OutboxDispatcher dispatcher(*m_alerts, m_clock);
    AlertOutbox outbox(*m_alerts, dispatcher, m_clock);
    m_session->monitor().setBreachRecorder([&](const Breach &breach, const StockState &stock) {
        return outbox.recordBreach(breach, stock.currency);
    });
    HealthWatch health(outbox, m_clock);
    connect(&m_session->monitor(), &Monitor::cycleFinished, &health,
            [&](const CycleReport &report) { health.cycleFinished(report, std::chrono::seconds(300)); });
    const auto healthSubjects = [&] {
        QStringList subjects;
        for (const AlertRecord &record : m_alerts->recent(50).value()) {
            if (record.message.kind == AlertMessage::Kind::Health)
                subjects << record.message.subject;
        }
        return subjects;
    };

    runCycle();
    QVERIFY(m_session->monitor().lastReport().ok);
    m_server->setPrice(1003, 120.0); // stop 108
    runCycle();
    QSqlQuery trigger(m_db->connection());
    QVERIFY(trigger.exec(
        QStringLiteral("CREATE TRIGGER refuse_t005 BEFORE UPDATE ON stock_quotes WHEN NEW.ticker = 'T005.TO' "
                       "AND NEW.last_price = 95 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END")));
    m_server->setPrice(1005, 95.0);
    m_server->setPrice(1003, 107.5); // a breach in the same cycle
    m_server->setPrice(1007, 101.0);
    runCycle();

    const CycleReport report = m_session->monitor().lastReport();
    QVERIFY2(report.ok, qPrintable(report.error));
    QCOMPARE(report.notSaved.keys(), QStringList{tickerFor(5)});
    QVERIFY2(report.notSaved.value(tickerFor(5)).contains(QStringLiteral("refused for the test")),
             qPrintable(report.notSaved.value(tickerFor(5))));
    QVERIFY(!report.applied.contains(tickerFor(5)));
    QVERIFY(report.applied.contains(tickerFor(7)));
    QCOMPARE(*stock(tickerFor(5))->lastPrice, 100.0); // left as it was
    QCOMPARE(*stock(tickerFor(7))->lastPrice, 101.0);
    QCOMPARE(report.breaches.size(), 1);
    QCOMPARE(report.breaches.constFirst().ticker, tickerFor(3));
    QVERIFY(stock(tickerFor(3))->lastAlertAt.isValid());
    QCOMPARE(healthSubjects(), QStringList{QStringLiteral("Trailguard cannot save T005.TO")});

    // Once it can be saved again, it is, and the health alert clears.
    QVERIFY(trigger.exec(QStringLiteral("DROP TRIGGER refuse_t005")));
    runCycle();
    QVERIFY(m_session->monitor().lastReport().notSaved.isEmpty());
    QCOMPARE(*stock(tickerFor(5))->lastPrice, 95.0);
    QVERIFY(healthSubjects().contains(QStringLiteral("Trailguard saves T005.TO again")));
}

QTEST_GUILESS_MAIN(MonitorTest)
#include "tst_monitor.moc"
