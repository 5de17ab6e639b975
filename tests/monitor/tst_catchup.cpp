// Market hours and the offline catch-up end to end: the monitor of a BrokerSession against the fake Questrade
// server over loopback HTTP, a real SQLite file and alert outbox, and a manual clock (each "start" of the
// app is a new session on the same database, the clock moved on in between).
#include "alerts/AlertFormatter.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "broker/BrokerTypes.h"
#include "fakes/TestQuestradeServer.h"
#include "monitor/BrokerSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include "TestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using test::toronto;

namespace {
constexpr qint64 kShop = 1;
const QString kTicker = QStringLiteral("SHOP.TO");

// Minute candles from `first`, all trading between `low` and `high`, closing at `close`.
QList<Candle> flatMinutes(const QDateTime &first, int count, double low, double high, double close)
{
    QList<Candle> candles;
    for (int i = 0; i < count; ++i) {
        Candle candle;
        candle.start = first.addSecs(60LL * i);
        candle.end = candle.start.addSecs(60);
        candle.open = close;
        candle.close = close;
        candle.low = low;
        candle.high = high;
        candle.volume = 100;
        candles.append(candle);
    }
    return candles;
}

Candle &at(QList<Candle> &candles, const QDateTime &start)
{
    for (Candle &candle : candles) {
        if (candle.start == start)
            return candle;
    }
    qFatal("no candle at that time");
}
} // namespace

class CatchUpTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void breachInGapIsAlertedOnceWithItsTime();
    void gapWithoutBreachAlertsNothingButRaisesThePeak();
    void staleQuoteAcrossSessionBoundaryRaisesNoBreach();
    void sleepsWhileClosedAndCheckNowStillChecks();
    void holidayPollsNothing_data();
    void holidayPollsNothing();
    void earlyCloseStopsPollingAfterGrace();
    void lowIsJudgedBeforeTheHighOfItsCandle();
    void wakeFromSleepCatchesUpTheGap();
    void streamedQuoteKeepsTheGap();
    void failedCatchUpIsRetriedAfterARestart();
    void offlineWordingSaysWhen();

private:
    // One run of the app: a session connected to the fake server, its monitor started (unless not asked).
    void startApp(bool startMonitor = true);
    void stopApp();
    // Waits until the monitor is idle after start() or checkNow().
    void waitIdle();
    void setQuote(double price, const QDateTime &time);
    QList<AlertRecord> breachAlerts() const;
    StockState stock() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<BrokerSession> m_session;
    QList<Breach> m_breaches;
    QList<MarketState> m_states;
};

void CatchUpTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    m_server->addSymbol(
        {kTicker, kShop, QStringLiteral("CAD"), QStringLiteral("TSX"), QStringLiteral("Shopify")});
    // Monday 9 March 2026, 09:30-16:00 Toronto time.
    m_server->setMarketHours(toronto(2026, 3, 9, 9, 30), toronto(2026, 3, 9, 16));
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 3, 9, 10));
    m_watchlist = std::make_unique<WatchlistService>(*m_stocks, *m_clock);
    QVERIFY(m_watchlist->add(kTicker, 0.9, 100.0).ok()); // peak 100, stop 90
    m_secrets = std::make_unique<MemorySecretStore>();
    m_breaches.clear();
    m_states.clear();
}

void CatchUpTest::cleanup()
{
    stopApp();
    m_watchlist.reset();
    m_alerts.reset();
    m_stocks.reset();
    m_db.reset();
    m_server.reset();
}

void CatchUpTest::startApp(bool startMonitor)
{
    stopApp();
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, *m_clock);
    BrokerSession::Options options;
    options.auth.loginUrlOverride = m_server->loginUrl().toString();
    m_session = std::make_unique<BrokerSession>(*m_secrets, *m_watchlist, *m_clock, options);
    m_session->enableMarketHours(true, std::chrono::minutes(15));
    Monitor &monitor = m_session->monitor();
    monitor.setBreachRecorder([this](const Breach &breach, const StockState &stock) {
        return m_outbox->recordBreach(breach, stock.currency);
    });
    connect(&monitor, &Monitor::breachDetected, this,
            [this](const Breach &breach) { m_breaches.append(breach); });
    connect(&monitor, &Monitor::marketStateChanged, this,
            [this](const MarketState &state) { m_states.append(state); });
    m_session->auth().connectWithRefreshToken(m_server->issueRefreshToken(), BrokerEnvironment::Practice);
    QTRY_COMPARE(m_session->auth().state(), ConnectionState::Connected);
    m_server->clearRequests();
    if (!startMonitor)
        return;
    monitor.start();
    waitIdle();
}

void CatchUpTest::stopApp()
{
    m_session.reset();
    m_outbox.reset();
    m_dispatcher.reset();
}

void CatchUpTest::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->monitor().isCycleRunning(), 30000);
}

void CatchUpTest::setQuote(double price, const QDateTime &time)
{
    FakeQuestradeServer::Quote quote;
    quote.lastTradePrice = price;
    quote.lastTradeTime = time;
    m_server->setQuote(kShop, quote);
}

QList<AlertRecord> CatchUpTest::breachAlerts() const
{
    QList<AlertRecord> breaches;
    const auto recent = m_alerts->recent(100);
    for (const AlertRecord &record : recent.value()) {
        if (record.message.kind == AlertMessage::Kind::Breach)
            breaches.append(record);
    }
    return breaches;
}

StockState CatchUpTest::stock() const
{
    return *m_stocks->find(kTicker).value();
}

void CatchUpTest::breachInGapIsAlertedOnceWithItsTime()
{
    // First run at 10:00: the price is 100, watched through 10:00.
    setQuote(100.0, toronto(2026, 3, 9, 9, 59));
    startApp();
    QCOMPARE(m_session->monitor().lastReport().quoted, 1);
    QCOMPARE(stock().checkedThrough, toronto(2026, 3, 9, 10));
    stopApp();

    // Offline until 11:00. At 10:42 the price dipped to 85.50, under the stop of 90, and recovered.
    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 60, 95.0, 99.0, 97.0);
    at(candles, toronto(2026, 3, 9, 10, 42)).low = 85.5;
    m_server->setCandles(kShop, CandleInterval::OneMinute, candles);
    setQuote(96.0, toronto(2026, 3, 9, 10, 59, 30));
    m_clock->set(toronto(2026, 3, 9, 11));
    startApp();
    QVERIFY(m_server->requestCount(QStringLiteral("/v1/markets/candles/1")) >= 1);
    QCOMPARE(m_breaches.size(), 1);
    QVERIFY(m_breaches.constFirst().whileOffline);
    QCOMPARE(m_breaches.constFirst().quoteTime, toronto(2026, 3, 9, 10, 42));
    QCOMPARE(m_breaches.constFirst().price, 85.5);
    QCOMPARE(breachAlerts().size(), 1);
    const QString subject = breachAlerts().constFirst().message.subject;
    QVERIFY2(subject.contains(QStringLiteral("stop breached while offline at 10:42")), qPrintable(subject));
    QVERIFY(breachAlerts().constFirst().message.text.contains(QStringLiteral("while offline at 10:42")));
    QCOMPARE(*stock().lastPrice, 96.0); // the poll after the catch-up
    stopApp();

    // A second start the same day, now below the stop for real: the day's alert was given.
    setQuote(86.0, toronto(2026, 3, 9, 11, 29));
    m_clock->set(toronto(2026, 3, 9, 11, 30));
    startApp();
    QCOMPARE(m_session->monitor().lastReport().quoted, 1);
    QCOMPARE(*stock().lastPrice, 86.0);
    QCOMPARE(m_breaches.size(), 1);
    QCOMPARE(breachAlerts().size(), 1);
}

void CatchUpTest::gapWithoutBreachAlertsNothingButRaisesThePeak()
{
    setQuote(100.0, toronto(2026, 3, 9, 9, 59));
    startApp();
    stopApp();

    // 10:00-10:29 around 97, a spike to 120 at 10:30 (stop 108 from then on), then 110-118.
    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 30, 95.0, 99.0, 97.0);
    QList<Candle> spike = flatMinutes(toronto(2026, 3, 9, 10, 30), 1, 100.0, 120.0, 115.0);
    candles += spike;
    candles += flatMinutes(toronto(2026, 3, 9, 10, 31), 29, 110.0, 118.0, 115.0);
    m_server->setCandles(kShop, CandleInterval::OneMinute, candles);
    setQuote(115.0, toronto(2026, 3, 9, 10, 59, 30));
    m_clock->set(toronto(2026, 3, 9, 11));
    startApp();
    QVERIFY(m_server->requestCount(QStringLiteral("/v1/markets/candles/1")) >= 1);
    QCOMPARE(*stock().peak, 120.0);
    QCOMPARE(*stock().stop, 108.0);
    QVERIFY(m_breaches.isEmpty());
    QVERIFY(breachAlerts().isEmpty());
}

void CatchUpTest::staleQuoteAcrossSessionBoundaryRaisesNoBreach()
{
    // Tuesday 08:00, before the open; Monday's last trade (15:59) was under the stop.
    m_server->setMarketHours(toronto(2026, 3, 10, 9, 30), toronto(2026, 3, 10, 16));
    m_clock->set(toronto(2026, 3, 10, 8));
    setQuote(85.0, toronto(2026, 3, 9, 15, 59));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 0); // closed: no poll
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    m_session->monitor().checkNow(); // the user insists
    QTRY_COMPARE(finished.count(), 1);
    waitIdle();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    QCOMPARE(*stock().lastPrice, 85.0); // recorded...
    QVERIFY(m_breaches.isEmpty());      // ...but Monday's trade raises nothing
    QVERIFY(breachAlerts().isEmpty());
    QVERIFY(!stock().lastAlertMarketDay.isValid());

    // 09:35: a trade of today's session under the stop is a breach.
    m_clock->set(toronto(2026, 3, 10, 9, 35));
    setQuote(85.0, toronto(2026, 3, 10, 9, 34));
    m_session->monitor().checkNow();
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(m_breaches.size(), 1);
    QVERIFY(!m_breaches.constFirst().whileOffline);
    QCOMPARE(m_breaches.constFirst().marketDay, QDate(2026, 3, 10));
    QCOMPARE(breachAlerts().size(), 1);
}

void CatchUpTest::sleepsWhileClosedAndCheckNowStillChecks()
{
    // Before the open: asleep until 09:30, and the state says so.
    m_clock->set(toronto(2026, 3, 9, 8));
    setQuote(100.0, toronto(2026, 3, 6, 15, 59));
    startApp();
    Monitor &monitor = m_session->monitor();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 0);
    QVERIFY(!m_states.isEmpty());
    QVERIFY(m_states.constLast().known);
    QVERIFY(!m_states.constLast().open);
    QCOMPARE(m_states.constLast().nextOpen, toronto(2026, 3, 9, 9, 30));
    QCOMPARE(monitor.nextCheck(), toronto(2026, 3, 9, 9, 30));
    QVERIFY(MarketHours::describe(monitor.marketState(), m_clock->now())
                .startsWith(QStringLiteral("Market closed \u2014 next open ")));

    QSignalSpy finished(&monitor, &Monitor::cycleFinished);
    monitor.checkNow();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    waitIdle();
    QCOMPARE(monitor.nextCheck(), toronto(2026, 3, 9, 9, 30)); // back to sleep
    stopApp();

    // After the close and its grace period: closed, next open not known before tomorrow's answer.
    m_clock->set(toronto(2026, 3, 9, 20));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 0);
    QVERIFY(!m_session->monitor().marketState().open);
    QVERIFY(!m_session->monitor().marketState().nextOpen.isValid());
    QCOMPARE(MarketHours::describe(m_session->monitor().marketState(), m_clock->now()),
             QStringLiteral("Market closed \u2014 next open on the next trading day"));
    QVERIFY(!m_session->monitor().nextCheck().isValid());

    // During the session it polls, and says the market is open.
    stopApp();
    m_clock->set(toronto(2026, 3, 9, 11));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    QVERIFY(m_session->monitor().marketState().open);
    QCOMPARE(MarketHours::describe(m_session->monitor().marketState(), m_clock->now()),
             QStringLiteral("Market open"));
}

void CatchUpTest::holidayPollsNothing_data()
{
    QTest::addColumn<bool>("nullTimes");
    QTest::newRow("null times") << true;
    QTest::newRow("times of another day") << false;
}

void CatchUpTest::holidayPollsNothing()
{
    QFETCH(bool, nullTimes);
    // 11:00 on a Monday the TSX does not trade; the US markets do (they do not matter to SHOP.TO).
    if (nullTimes)
        m_server->setMarketSession(QStringLiteral("TSX"), QDateTime(), QDateTime());
    else
        m_server->setMarketSession(QStringLiteral("TSX"), toronto(2026, 3, 6, 9, 30),
                                   toronto(2026, 3, 6, 16));
    m_server->setMarketSession(QStringLiteral("TSXV"), QDateTime(), QDateTime());
    m_clock->set(toronto(2026, 3, 9, 11));
    setQuote(80.0, toronto(2026, 3, 6, 15, 59));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets")), 1);
    QVERIFY(m_session->monitor().marketState().known);
    QVERIFY(!m_session->monitor().marketState().open);
    QVERIFY(!m_session->monitor().marketState().nextOpen.isValid());
    // The closed market's wake-up comes: a cycle runs, and still asks for no quote.
    QSignalSpy rescheduled(&m_session->monitor(), &Monitor::scheduleChanged);
    m_clock->advance(std::chrono::seconds(CheckScheduler::kClosedWakeUp));
    waitIdle();
    QCOMPARE(rescheduled.count(), 1); // the wake-up's cycle ran and planned the next one
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 0);
    QVERIFY(breachAlerts().isEmpty());
}

void CatchUpTest::earlyCloseStopsPollingAfterGrace()
{
    // Closing at 13:00 today: at 13:10 still polled (grace), at 13:20 asleep.
    m_server->setMarketHours(toronto(2026, 3, 9, 9, 30), toronto(2026, 3, 9, 13));
    setQuote(100.0, toronto(2026, 3, 9, 12, 59));
    m_clock->set(toronto(2026, 3, 9, 13, 10));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 1);
    stopApp();
    m_clock->set(toronto(2026, 3, 9, 13, 20));
    startApp();
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets/quotes")), 0);
    QVERIFY(!m_session->monitor().marketState().open);
}

void CatchUpTest::lowIsJudgedBeforeTheHighOfItsCandle()
{
    StockState state = *m_stocks->find(kTicker).value(); // peak 100, stop 90
    state.symbolId = kShop;
    // One candle from 95 to 120: the low is judged against the stop of 90 (no breach), then the high sets
    // the peak (stop 108). The next candle's low of 100 is under 108: that one is the breach.
    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 1, 95.0, 120.0, 118.0);
    candles += flatMinutes(toronto(2026, 3, 9, 10, 1), 1, 100.0, 110.0, 105.0);
    const auto steps =
        CatchUp::significantSteps(state, candles, toronto(2026, 3, 9, 11), RepeatPolicy::DailyWhileBelow);
    // The high of 10:00 (new peak), the low of 10:01 (the breach), the high of 10:01 (back above the stop);
    // neither the low of 10:00 (changes nothing) nor, after the breach, the close.
    QCOMPARE(steps[0].price, 120.0);
    QCOMPARE(steps[0].phase, 1);
    QCOMPARE(steps[1].price, 100.0);
    QCOMPARE(steps[1].time, toronto(2026, 3, 9, 10, 1));
    QCOMPARE(steps.size(), 3);
    QCOMPARE(steps[2].phase, 1);
    QCOMPARE(steps[2].price, 110.0);
}

void CatchUpTest::wakeFromSleepCatchesUpTheGap()
{
    setQuote(100.0, toronto(2026, 3, 9, 9, 59));
    startApp();
    QCOMPARE(m_session->monitor().lastReport().quoted, 1);
    // The laptop slept from 10:00 to 11:00 while the app ran; the dip came at 10:42.
    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 60, 95.0, 99.0, 97.0);
    at(candles, toronto(2026, 3, 9, 10, 42)).low = 85.5;
    m_server->setCandles(kShop, CandleInterval::OneMinute, candles);
    setQuote(96.0, toronto(2026, 3, 9, 10, 59, 30));
    m_clock->set(toronto(2026, 3, 9, 11));
    QSignalSpy finished(&m_session->monitor(), &Monitor::cycleFinished);
    m_session->monitor().resumeAfterGap(); // what the clock-jump watch and the network monitor call
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_breaches.size(), 1);
    QVERIFY(m_breaches.constFirst().whileOffline);
    QCOMPARE(m_breaches.constFirst().quoteTime, toronto(2026, 3, 9, 10, 42));
    QCOMPARE(breachAlerts().size(), 1);
}

// The stream often connects before the first cycle's catch-up has run: its first quote must not move the
// catch-up point past the offline gap, which is still checked (and its dip alerted) afterwards.
void CatchUpTest::streamedQuoteKeepsTheGap()
{
    setQuote(100.0, toronto(2026, 3, 9, 9, 59));
    startApp();
    stopApp();

    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 60, 95.0, 99.0, 97.0);
    at(candles, toronto(2026, 3, 9, 10, 42)).low = 85.5;
    m_server->setCandles(kShop, CandleInterval::OneMinute, candles);
    setQuote(96.0, toronto(2026, 3, 9, 10, 59, 30));
    m_clock->set(toronto(2026, 3, 9, 11));
    startApp(false);
    BrokerQuote streamed;
    streamed.symbolId = kShop;
    streamed.lastTradePrice = 96.5;
    streamed.lastTradeTime = toronto(2026, 3, 9, 10, 59, 50);
    QVERIFY(m_session->monitor().applyQuotes({streamed}, QuoteOrigin::Stream).ok());
    QCOMPARE(*stock().lastPrice, 96.5);
    QVERIFY(m_breaches.isEmpty());

    m_session->monitor().start();
    waitIdle();
    QVERIFY(m_server->requestCount(QStringLiteral("/v1/markets/candles/1")) >= 1);
    QCOMPARE(m_breaches.size(), 1);
    QVERIFY(m_breaches.constFirst().whileOffline);
    QCOMPARE(m_breaches.constFirst().quoteTime, toronto(2026, 3, 9, 10, 42));
    QCOMPARE(breachAlerts().size(), 1);
    QVERIFY(!stock().catchUpFrom.isValid()); // checked: nothing left to catch up
}

// A gap whose candles could not be fetched is stored with the ticker: the next run of the app, even after
// the poll moved the watched-through time on, still catches it up.
void CatchUpTest::failedCatchUpIsRetriedAfterARestart()
{
    setQuote(100.0, toronto(2026, 3, 9, 9, 59));
    startApp();
    stopApp();

    QList<Candle> candles = flatMinutes(toronto(2026, 3, 9, 10), 70, 95.0, 99.0, 97.0);
    at(candles, toronto(2026, 3, 9, 10, 42)).low = 85.5;
    m_server->setCandles(kShop, CandleInterval::OneMinute, candles);
    setQuote(96.0, toronto(2026, 3, 9, 10, 59, 30));
    m_clock->set(toronto(2026, 3, 9, 11));
    // The candles request, which follows the market hours, is refused (no retry for a 400).
    const QMetaObject::Connection refuseCandles =
        connect(m_server.get(), &test::TestQuestradeServer::requestHandled, this,
                [this](const FakeQuestradeServer::Request &request) {
                    if (request.path == QLatin1String("/v1/markets"))
                        m_server->failNextRequests(1, 400, 1002);
                });
    startApp();
    disconnect(refuseCandles);
    QVERIFY(m_breaches.isEmpty());
    QCOMPARE(*stock().lastPrice, 96.0); // the poll went on
    QCOMPARE(stock().checkedThrough, toronto(2026, 3, 9, 11));
    QCOMPARE(stock().catchUpFrom, toronto(2026, 3, 9, 10));
    stopApp();

    setQuote(96.0, toronto(2026, 3, 9, 11, 4));
    m_clock->set(toronto(2026, 3, 9, 11, 5));
    startApp();
    QCOMPARE(m_breaches.size(), 1);
    QVERIFY(m_breaches.constFirst().whileOffline);
    QCOMPARE(m_breaches.constFirst().quoteTime, toronto(2026, 3, 9, 10, 42));
    QCOMPARE(breachAlerts().size(), 1);
    QVERIFY(!stock().catchUpFrom.isValid());
}

void CatchUpTest::offlineWordingSaysWhen()
{
    Breach breach;
    breach.ticker = kTicker;
    breach.price = 85.5;
    breach.stop = 90;
    breach.peak = 100;
    breach.ratio = 0.9;
    breach.quoteTime = toronto(2026, 3, 9, 10, 42);
    breach.marketDay = QDate(2026, 3, 9);
    const AlertMessage live = AlertFormatter::breach(breach, QStringLiteral("CAD"), toronto(2026, 3, 9, 11));
    QVERIFY(!live.subject.contains(QStringLiteral("offline")));
    breach.whileOffline = true;
    const AlertMessage offline =
        AlertFormatter::breach(breach, QStringLiteral("CAD"), toronto(2026, 3, 9, 11));
    QVERIFY2(offline.subject.contains(QStringLiteral("stop breached while offline at 10:42")),
             qPrintable(offline.subject));
    QVERIFY(offline.text.startsWith(QStringLiteral("SHOP.TO: stop breached while offline at 10:42")));
    const AlertMessage later = AlertFormatter::breach(breach, QStringLiteral("CAD"), toronto(2026, 3, 10, 9));
    QVERIFY2(later.subject.contains(QStringLiteral("stop breached while offline on 2026-03-09 at 10:42")),
             qPrintable(later.subject));
}

QTEST_GUILESS_MAIN(CatchUpTest)
#include "tst_catchup.moc"
