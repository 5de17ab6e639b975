// The chart's stop line is the stop the guardian held: quotes go through the Monitor's apply path (the one
// polls, the stream and the catch-up share) with the real price-history recorder on a real SQLite file, and
// the chart series (ChartDataProvider) must show, at each processed quote, the engine's peak and stop.
#include "TestSupport.h"
#include "domain/StopStrategy.h"
#include "history/ChartDataProvider.h"
#include "history/QuoteHistoryRecorder.h"
#include "monitor/BrokerSession.h"
#include "secrets/MemorySecretStore.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using test::toronto;

namespace {
constexpr qint64 kSymbolId = 42;
const QString kTicker = QStringLiteral("BRK.B");

// The step in force at `time`: the last one at or before it.
std::optional<StopPoint> stepAt(const QList<StopPoint> &steps, const QDateTime &time)
{
    std::optional<StopPoint> found;
    for (const StopPoint &step : steps) {
        if (step.time <= time)
            found = step;
    }
    return found;
}

// Three quotes a day on the market days from Monday 9 March 2026, at 10:00, 12:00 and 15:00 in Toronto.
QDateTime quoteTime(int index)
{
    const int day = index / 3;
    const int hours[] = {10, 12, 15};
    return toronto(2026, 3, 9 + day, hours[index % 3]);
}

const QList<double> kPrices{100, 104, 102, 108, 111, 106, 115, 109, 113, 118, 112, 116, 120, 117, 119};
} // namespace

class ChartStopLineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void chartStopIsTheEnginesStop_data();
    void chartStopIsTheEnginesStop();
    void editsAreFollowed();
    void backfillBeforeWatchingDrawsNoStop();

private:
    // Runs one quote through the monitor and returns the ticker's state after it.
    StockState apply(double price, const QDateTime &time);
    void watch(const StopStrategy &strategy, std::optional<double> entry);
    ChartSeries chart() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<PriceHistoryRepository> m_history;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<BrokerSession> m_session;
};

void ChartStopLineTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_alerts = std::make_unique<AlertRepository>(m_db->connection());
    m_history = std::make_unique<PriceHistoryRepository>(m_db->connection());
    m_clock = std::make_unique<ManualClock>(toronto(2026, 3, 9, 9, 30));
    m_watchlist = std::make_unique<WatchlistService>(*m_stocks, *m_clock);
    m_secrets = std::make_unique<MemorySecretStore>();
    m_session = std::make_unique<BrokerSession>(*m_secrets, *m_watchlist, *m_clock, BrokerSession::Options{});
    m_session->monitor().setQuoteRecorder(quoteHistoryRecorder(m_db->connection()));
}

void ChartStopLineTest::cleanup()
{
    m_session.reset();
    m_watchlist.reset();
    m_history.reset();
    m_alerts.reset();
    m_stocks.reset();
    m_db.reset();
}

void ChartStopLineTest::watch(const StopStrategy &strategy, std::optional<double> entry)
{
    const Result<StockState> added = m_watchlist->add(kTicker, strategy, entry);
    QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.error().message));
    StockState resolved = added.value();
    resolved.symbolId = kSymbolId;
    QVERIFY(m_watchlist->saveCycle({resolved}).ok());
}

StockState ChartStopLineTest::apply(double price, const QDateTime &time)
{
    m_clock->set(time);
    BrokerQuote quote;
    quote.symbolId = kSymbolId;
    quote.symbol = kTicker;
    quote.lastTradePrice = price;
    quote.lastTradeTime = time;
    const Result<QuoteBatchReport> applied = m_session->monitor().applyQuotes({quote}, QuoteOrigin::Stream);
    if (!applied.ok() || applied.value().quoted != 1)
        qFatal("the quote was not applied");
    return *m_stocks->find(kTicker).value();
}

ChartSeries ChartStopLineTest::chart() const
{
    return ChartDataProvider(*m_history, *m_watchlist, *m_alerts).series(kTicker);
}

void ChartStopLineTest::chartStopIsTheEnginesStop_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("entry"); // 0: none
    QTest::addColumn<bool>("moves");   // the stop moves over these prices
    QTest::newRow("trailing") << QStringLiteral("trailing:0.9") << 0.0 << true;
    QTest::newRow("fixed") << QStringLiteral("fixed:95") << 0.0 << false;
    QTest::newRow("fixed-pct") << QStringLiteral("fixed-pct:0.92") << 101.0 << false;
    QTest::newRow("activation") << QStringLiteral("activation:0.9,0.1") << 100.0 << true;
    // atr:2 has no stop before its second market day.
    QTest::newRow("atr") << QStringLiteral("atr:2,1.5") << 0.0 << true;
}

void ChartStopLineTest::chartStopIsTheEnginesStop()
{
    QFETCH(QString, spec);
    QFETCH(double, entry);
    QFETCH(bool, moves);
    const Result<StopStrategy> strategy = StopStrategy::parse(spec);
    QVERIFY(strategy.ok());
    watch(strategy.value(), entry > 0 ? std::optional<double>(entry) : std::nullopt);

    QList<StockState> held;
    for (qsizetype i = 0; i < kPrices.size(); ++i)
        held.append(apply(kPrices.at(i), quoteTime(int(i))));

    const ChartSeries series = chart();
    QCOMPARE(series.prices.size(), kPrices.size());
    QSet<double> distinctStops;
    int withoutStop = 0;
    for (qsizetype i = 0; i < held.size(); ++i) {
        const std::optional<StopPoint> step = stepAt(series.stops, quoteTime(int(i)));
        if (!held.at(i).stop) {
            ++withoutStop;
            QVERIFY2(!step, qPrintable(QStringLiteral("a stop is drawn at quote %1").arg(i)));
            continue;
        }
        QVERIFY2(step, qPrintable(QStringLiteral("no stop drawn at quote %1").arg(i)));
        QCOMPARE(step->stop, *held.at(i).stop);
        QCOMPARE(step->peak, *held.at(i).peak);
        distinctStops.insert(step->stop);
    }
    QCOMPARE(withoutStop > 0, strategy.value().kind == StopStrategy::Kind::Atr);
    QCOMPARE(distinctStops.size() > 1, moves);
}

void ChartStopLineTest::editsAreFollowed()
{
    watch(StopStrategy::trailing(0.9), std::nullopt);
    apply(100, quoteTime(0));
    apply(110, quoteTime(1)); // peak 110, stop 99
    QVERIFY(m_watchlist->changeRatio(kTicker, 0.8).ok());
    const StockState afterRatio = apply(105, quoteTime(2)); // stop 88 from the new ratio
    QVERIFY(m_watchlist->resetPeak(kTicker).ok());
    const StockState afterReset = apply(104, quoteTime(3));
    QVERIFY(
        m_watchlist->changeStrategy(kTicker, StopStrategy::parse(QStringLiteral("fixed:90")).value()).ok());
    const StockState afterStrategy = apply(103, quoteTime(4));

    const ChartSeries series = chart();
    QCOMPARE(stepAt(series.stops, quoteTime(1))->stop, 99.0);
    QCOMPARE(stepAt(series.stops, quoteTime(2))->stop, *afterRatio.stop);
    QCOMPARE(*afterRatio.stop, 88.0);
    QCOMPARE(stepAt(series.stops, quoteTime(3))->peak, *afterReset.peak);
    QCOMPARE(stepAt(series.stops, quoteTime(3))->stop, *afterReset.stop);
    QCOMPARE(stepAt(series.stops, quoteTime(4))->stop, 90.0);
    QCOMPARE(*afterStrategy.stop, 90.0);
}

void ChartStopLineTest::backfillBeforeWatchingDrawsNoStop()
{
    // A backfilled year that peaked near 486 and fell to 414 before the ticker was watched (the demo's
    // BRK.B): the guardian starts at the first quote, peak 413.90, stop 372.51.
    QList<Candle> year;
    for (int day = 0; day < 250; ++day) {
        Candle candle;
        candle.start = toronto(2025, 3, 10, 0).addDays(day);
        candle.end = candle.start.addDays(1);
        const double close = day < 200 ? 400 + 86.0 * day / 200 : 486 - 72.0 * (day - 200) / 50;
        candle.open = candle.high = candle.low = candle.close = close;
        year.append(candle);
    }
    QVERIFY(m_history->storeCandles(kTicker, CandleInterval::OneDay, year));
    watch(StopStrategy::trailing(0.9), std::nullopt);
    apply(413.90, quoteTime(0));
    apply(413.71, quoteTime(1));

    const ChartSeries series = chart();
    QVERIFY(series.prices.size() > 250);
    QCOMPARE(series.stops.size(), 1);
    QCOMPARE(series.stops.constFirst().time, quoteTime(0));
    QCOMPARE(series.stops.constFirst().peak, 413.90);
    QCOMPARE(series.stops.constFirst().stop, 413.90 * 0.9);
    // The strategy's line for the year before is the engine's, kept apart and ending where watching began.
    QVERIFY(!series.strategyStops.isEmpty());
    QVERIFY(series.strategyStops.constLast().time < quoteTime(0));
    QCOMPARE(series.strategyStops.constLast().peak, 486.0);
    // No held stop is drawn above any price, so no breach appears that never happened.
    for (const PricePoint &point : series.prices) {
        if (const std::optional<StopPoint> step = stepAt(series.stops, point.time))
            QVERIFY2(step->stop <= point.price, qPrintable(point.time.toString(Qt::ISODate)));
    }
}

QTEST_GUILESS_MAIN(ChartStopLineTest)
#include "tst_chartstopline.moc"
