// Alert rules live: RuleWatch on its own, and through Monitor::applyQuotes into the outbox, over two market
// days of a test clock, on a real SQLite file.
#include "TestSupport.h"
#include "alerts/AlertOutbox.h"
#include "alerts/OutboxDispatcher.h"
#include "domain/MarketCalendar.h"
#include "history/QuoteHistoryRecorder.h"
#include "monitor/BrokerSession.h"
#include "monitor/RuleWatch.h"
#include "replay/Replay.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
const QString kShop = QStringLiteral("SHOP.TO");
const QString kRule = QStringLiteral("cross-below-sma:3");
constexpr qint64 kShopId = 1001;
// Tuesday and Wednesday.
const QDate kDay1(2026, 11, 3);
const QDate kDay2(2026, 11, 4);
} // namespace

class RuleWatchTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void firesOnceOnTheDayTheConditionStartsToHold();
    void holdsOnTheFirstDefinedDayNoAlert();
    void snoozedTickerRaisesNoRuleAlert();
    void changedRulesAreSeenAtTheNextQuote();
    void barsBeforeFillsDaysAfterTheCandlesFromQuotes();
    void evaluateAndRecordOnTheirOwn();
    void quotesBeforeTheDaysArriveLoseNoFiring();

private:
    // The whole live chain on the database file, built again by a "restart".
    void start();
    void stopAll();
    void watch(const QString &ticker, qint64 symbolId, const QStringList &rules, const QList<double> &closes);
    // Applies a quote and waits for the rules' reads it started.
    void quote(qint64 symbolId, const QString &ticker, double price);
    void applyQuote(qint64 symbolId, const QString &ticker, double price);
    QList<AlertRecord> ruleAlerts() const;
    PriceHistoryRepository history() const { return PriceHistoryRepository(m_db->connection()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<RuleWatch> m_ruleWatch;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<BrokerSession> m_session;
};

void RuleWatchTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(toronto(2026, 11, 3, 10));
    start();
}

void RuleWatchTest::start()
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_watchlist = std::make_unique<WatchlistService>(*m_stocks, *m_clock);
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, *m_clock);
    m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, *m_clock);
    m_ruleWatch = std::make_unique<RuleWatch>(m_db->connection());
    m_ruleWatch->setAlertRecorder(
        [this](const RuleAlert &alert) { return m_outbox->recordRuleAlert(alert); });
    m_secrets = std::make_unique<MemorySecretStore>();
    m_session = std::make_unique<BrokerSession>(*m_secrets, *m_watchlist, *m_clock, BrokerSession::Options{});
    m_session->monitor().setRuleWatch(m_ruleWatch.get());
    m_session->monitor().setQuoteRecorder(quoteHistoryRecorder(m_db->connection()));
}

void RuleWatchTest::stopAll()
{
    m_session.reset();
    m_secrets.reset();
    m_ruleWatch.reset();
    m_outbox.reset();
    m_dispatcher.reset();
    m_alerts.reset();
    m_watchlist.reset();
    m_stocks.reset();
    m_db.reset();
}

void RuleWatchTest::cleanup()
{
    stopAll();
    m_clock.reset();
    m_dir.reset();
}

// Watches `ticker` with `rules` and daily candles of `closes` on the market days before kDay1.
void RuleWatchTest::watch(const QString &ticker, qint64 symbolId, const QStringList &rules,
                          const QList<double> &closes)
{
    const auto added = m_watchlist->add(ticker, 0.5, std::nullopt, rules);
    QVERIFY(added.ok());
    StockState resolved = added.value();
    resolved.symbolId = symbolId;
    resolved.currency = QStringLiteral("CAD");
    QVERIFY(m_watchlist->saveCycle({resolved}).ok());
    QList<Candle> candles;
    QDate day = kDay1.addDays(-1);
    for (qsizetype i = closes.size() - 1; i >= 0; --i, day = day.addDays(-1)) {
        while (day.dayOfWeek() > 5)
            day = day.addDays(-1);
        const QDateTime start(day, QTime(0, 0), MarketCalendar::easternZone());
        candles.prepend(Candle{start, start.addDays(1), closes[i], closes[i], closes[i], closes[i], 1000});
    }
    PriceHistoryRepository history(m_db->connection());
    QVERIFY(history.storeCandles(ticker, CandleInterval::OneDay, candles).ok());
}

void RuleWatchTest::quote(qint64 symbolId, const QString &ticker, double price)
{
    applyQuote(symbolId, ticker, price);
    // The first quote of a day has the days before read on a worker; what fires is stored when they come.
    QTRY_VERIFY(!m_ruleWatch->isReading());
}

void RuleWatchTest::applyQuote(qint64 symbolId, const QString &ticker, double price)
{
    BrokerQuote quote;
    quote.symbolId = symbolId;
    quote.symbol = ticker;
    quote.lastTradePrice = price;
    quote.lastTradeTime = m_clock->now().toUTC();
    const auto applied = m_session->monitor().applyQuotes({quote}, QuoteOrigin::Poll);
    QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
    QCOMPARE(applied.value().quoted, 1);
}

QList<AlertRecord> RuleWatchTest::ruleAlerts() const
{
    const auto recent = m_alerts->recent(100);
    QList<AlertRecord> rules;
    for (const AlertRecord &record : recent.value()) {
        if (!record.message.rule.isEmpty())
            rules.append(record);
    }
    return rules;
}

void RuleWatchTest::firesOnceOnTheDayTheConditionStartsToHold()
{
    watch(kShop, kShopId, {kRule}, {100, 100, 100, 100, 100});

    // Day 1: 101 is above its 3-day average (100.33): nothing, however often it is quoted.
    quote(kShopId, kShop, 101);
    m_clock->set(toronto(2026, 11, 3, 15, 59));
    quote(kShopId, kShop, 101);
    QVERIFY(ruleAlerts().isEmpty());

    // Day 2: 95 < (100 + 101 + 95) / 3 = 98.67 while day 1 closed above its average: one alert.
    m_clock->set(toronto(2026, 11, 4, 10));
    quote(kShopId, kShop, 95);
    QList<AlertRecord> alerts = ruleAlerts();
    QCOMPARE(alerts.size(), 1);
    const AlertMessage &message = alerts.constFirst().message;
    QCOMPARE(message.kind, AlertMessage::Kind::Breach);
    QCOMPARE(message.rule, kRule);
    QCOMPARE(message.ticker, kShop);
    QCOMPARE(message.subject, QStringLiteral("SHOP.TO closed below its 3-day average: 95.00 < 98.67"));

    // Replay of the same days (day 2 closing at the price that fired live) gives the same alert.
    QList<PriceRow> rows;
    const auto liveBars = m_ruleWatch->barsBefore(kShop, kDay2.addDays(1));
    QVERIFY(liveBars.ok());
    for (const DailyBar &bar : liveBars.value())
        rows.append(PriceRow{{}, bar.date, {}, {}, {}, {}, {}, bar.close, {}, 0});
    ReplayOptions options;
    options.withStop = false;
    options.rules = {AlertRule::parse(kRule).value()};
    const auto replayed = Replay::run(Replay::seriesFromRows(rows, kShop), options);
    QVERIFY(replayed.ok());
    QCOMPARE(replayed.value().alerts.size(), 1);
    const ReplayAlert &replayAlert = replayed.value().alerts.constFirst();
    QCOMPARE(replayAlert.kind(), kRule);
    QCOMPARE(replayAlert.date, kDay2);
    QCOMPARE(replayAlert.firing->message, message.subject);

    // More quotes the same day, still holding: still one.
    m_clock->set(toronto(2026, 11, 4, 11));
    quote(kShopId, kShop, 94);
    quote(kShopId, kShop, 94.5);
    QCOMPARE(ruleAlerts().size(), 1);

    // A restart the same day: new objects on the same database, still one.
    stopAll();
    start();
    m_clock->set(toronto(2026, 11, 4, 12));
    quote(kShopId, kShop, 93);
    QCOMPARE(ruleAlerts().size(), 1);

    // Replay's function over the same bars fires on the same day, once.
    const auto bars = m_ruleWatch->barsBefore(kShop, kDay2.addDays(1));
    QVERIFY(bars.ok());
    QCOMPARE(bars.value().constLast().date, kDay2);
    QCOMPARE(bars.value().constLast().close, 93.0);
    QCOMPARE(bars.value().at(bars.value().size() - 2).close, 101.0);
    const QList<RuleFiring> firings = AlertRules::firings(AlertRule::parse(kRule).value(), bars.value());
    QCOMPARE(firings.size(), 1);
    QCOMPARE(firings.constFirst().date, kDay2);
    QCOMPARE(alerts.constFirst().message.fields.at(2).value, kDay2.toString(Qt::ISODate));
}

void RuleWatchTest::holdsOnTheFirstDefinedDayNoAlert()
{
    // Two days of history: sma:3 is first defined today, so there is no day before to compare with.
    watch(kShop, kShopId, {kRule}, {100, 100});
    quote(kShopId, kShop, 80);
    QVERIFY(ruleAlerts().isEmpty());
    // The next day it still holds: held the day before, so no alert either.
    m_clock->set(toronto(2026, 11, 4, 10));
    quote(kShopId, kShop, 70);
    QVERIFY(ruleAlerts().isEmpty());
}

void RuleWatchTest::snoozedTickerRaisesNoRuleAlert()
{
    watch(kShop, kShopId, {QStringLiteral("target:110")}, {100, 100, 100});
    QVERIFY(m_watchlist->snooze(kShop, 1).ok());
    quote(kShopId, kShop, 111);
    QVERIFY(ruleAlerts().isEmpty());
}

void RuleWatchTest::changedRulesAreSeenAtTheNextQuote()
{
    watch(kShop, kShopId, {}, {100, 100, 100});
    quote(kShopId, kShop, 105);
    QVERIFY(m_watchlist->addRule(kShop, QStringLiteral("target:110")).ok());
    quote(kShopId, kShop, 111);
    const QList<AlertRecord> alerts = ruleAlerts();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.constFirst().message.rule, QStringLiteral("target:110"));
    QVERIFY2(alerts.constFirst().message.subject.contains(QStringLiteral("111.00")),
             qPrintable(alerts.constFirst().message.subject));
}

void RuleWatchTest::barsBeforeFillsDaysAfterTheCandlesFromQuotes()
{
    watch(kShop, kShopId, {}, {100, 101, 102});
    PriceHistoryRepository history(m_db->connection());
    QVERIFY(history.recordQuote(kShop, toronto(2026, 11, 3, 10), 104).ok());
    QVERIFY(history.recordQuote(kShop, toronto(2026, 11, 3, 12), 99).ok());
    QVERIFY(history.recordQuote(kShop, toronto(2026, 11, 3, 15, 59), 103).ok());
    QVERIFY(history.recordQuote(kShop, toronto(2026, 11, 4, 10), 90).ok()); // the day asked for: left out

    const auto bars = m_ruleWatch->barsBefore(kShop, kDay2);
    QVERIFY(bars.ok());
    QCOMPARE(bars.value().size(), 4);
    QCOMPARE(bars.value().at(0), (DailyBar{QDate(2026, 10, 29), 100, 100.0, 100.0}));
    QCOMPARE(bars.value().at(2).date, QDate(2026, 11, 2));
    QCOMPARE(bars.value().at(3), (DailyBar{kDay1, 103, 104.0, 99.0}));
    // Before day 1: the candles only.
    QCOMPARE(m_ruleWatch->barsBefore(kShop, kDay1).value().size(), 3);
}

void RuleWatchTest::evaluateAndRecordOnTheirOwn()
{
    watch(kShop, kShopId, {QStringLiteral("target:110")}, {100, 100, 100});
    StockState shop = *m_stocks->find(kShop).value();
    shop.lastPrice = 112;
    shop.lastQuoteAt = toronto(2026, 11, 3, 11);
    // Read in place (as a --once run does), so evaluate() answers at once.
    RuleWatch inPlace(m_db->connection(), RuleWatch::Reading::InPlace);
    inPlace.setAlertRecorder([this](const RuleAlert &alert) { return m_outbox->recordRuleAlert(alert); });
    const QList<RuleAlert> alerts = inPlace.evaluate({shop}, m_clock->now());
    QVERIFY(!inPlace.isReading());
    QCOMPARE(inPlace.readsStarted(), 0);
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.constFirst().rule, QStringLiteral("target:110"));
    QCOMPARE(alerts.constFirst().marketDay, kDay1);
    QCOMPARE(alerts.constFirst().firing.close, 112.0);
    QCOMPARE(alerts.constFirst().currency, QStringLiteral("CAD"));

    // A ticker whose state was not saved records nothing, so it alerts at its next quote.
    QList<RuleAlert> recorded;
    QVERIFY(inPlace.record(alerts, {kShop}, recorded).ok());
    QVERIFY(recorded.isEmpty());
    QVERIFY(ruleAlerts().isEmpty());
    QVERIFY(inPlace.record(alerts, {}, recorded).ok());
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(ruleAlerts().size(), 1);
    // Recorded once per market day, even when asked again before the cache knows.
    QList<RuleAlert> again;
    QVERIFY(inPlace.record(alerts, {}, again).ok());
    QVERIFY(again.isEmpty());
    QCOMPARE(ruleAlerts().size(), 1);
    inPlace.committed(recorded);
    QVERIFY(inPlace.evaluate({shop}, m_clock->now()).isEmpty());
    // The next market day it is judged again: it held the day before, so it does not fire.
    shop.lastQuoteAt = toronto(2026, 11, 4, 11);
    QVERIFY(history().recordQuote(kShop, toronto(2026, 11, 3, 15), 112).ok());
    QVERIFY(inPlace.evaluate({shop}, m_clock->now()).isEmpty());
}

void RuleWatchTest::quotesBeforeTheDaysArriveLoseNoFiring()
{
    watch(kShop, kShopId, {QStringLiteral("target:110")}, {100, 100, 100});
    QSignalSpy late(m_ruleWatch.get(), &RuleWatch::alertsRecorded);
    QSignalSpy read(m_ruleWatch.get(), &RuleWatch::daysRead);
    // Two batches before the worker can answer (its read starts at the next turn of the event loop): the
    // monitor's thread reads no candles and stores no alert.
    applyQuote(kShopId, kShop, 111);
    applyQuote(kShopId, kShop, 105);
    QVERIFY(m_ruleWatch->isReading());
    QVERIFY(ruleAlerts().isEmpty());

    // When the days arrive, the 111 quoted meanwhile fires, once, though the latest price is below.
    QTRY_COMPARE(late.size(), 1);
    QCOMPARE(read.size(), 1);
    QCOMPARE(m_ruleWatch->readsStarted(), 1);
    const QList<AlertRecord> alerts = ruleAlerts();
    QCOMPARE(alerts.size(), 1);
    QCOMPARE(alerts.constFirst().message.rule, QStringLiteral("target:110"));
    QVERIFY2(alerts.constFirst().message.subject.contains(QStringLiteral("111.00")),
             qPrintable(alerts.constFirst().message.subject));
    QCOMPARE(late.constFirst().constFirst().value<QList<RuleAlert>>().size(), 1);

    // Later quotes of the day use the days read: no other read, no second alert.
    quote(kShopId, kShop, 112);
    QCOMPARE(m_ruleWatch->readsStarted(), 1);
    QCOMPARE(ruleAlerts().size(), 1);
    // The next market day reads again.
    m_clock->set(toronto(2026, 11, 4, 10));
    quote(kShopId, kShop, 113);
    QCOMPARE(m_ruleWatch->readsStarted(), 2);
    QCOMPARE(ruleAlerts().size(), 1); // held the day before
}

QTEST_GUILESS_MAIN(RuleWatchTest)
#include "tst_rulewatch.moc"
