// Replay throughput: 500 series × 5,000 daily candles through every strategy (Replay::run, i.e. the live
// engine's StopLossEngine::apply on a simulated clock). Prints rows per second per strategy.
#include "replay/Replay.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace trailguard;

namespace {
constexpr int kSeries = 500;
constexpr int kRows = 5000;

// A random walk of daily candles per series (trading days only), prepared once so only the replay is timed.
QList<ReplaySeries> makeSeries()
{
    QRandomGenerator random(42);
    QList<ReplaySeries> all;
    all.reserve(kSeries);
    for (int s = 0; s < kSeries; ++s) {
        ReplaySeries series{QStringLiteral("T%1.TO").arg(s), {}};
        series.rows.reserve(kRows);
        double close = 50.0 + random.bounded(100.0);
        QDate date(2004, 1, 2);
        for (int i = 0; i < kRows; ++i) {
            while (date.dayOfWeek() > 5)
                date = date.addDays(1);
            const double open = close;
            close = std::max(1.0, close * (1.0 + (random.generateDouble() - 0.5) * 0.06));
            const double high = std::max(open, close) * (1.0 + random.generateDouble() * 0.02);
            const double low = std::min(open, close) * (1.0 - random.generateDouble() * 0.02);
            PriceRow row;
            row.date = date;
            row.open = open;
            row.high = high;
            row.low = low;
            row.close = close;
            row.line = i + 1;
            series.rows.append(row);
            date = date.addDays(1);
        }
        all.append(series);
    }
    return all;
}
} // namespace

class ReplayBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void replay_data();
    void replay();
    void replayRules();

private:
    QByteArray timedRun(const ReplayOptions &options);

    QList<ReplaySeries> m_series;
};

void ReplayBenchmark::initTestCase()
{
    m_series = makeSeries();
}

// Replays every series once with `options`, timed, and says how fast: "500 series x 5000 rows = 2.5 M rows
// in … ms = … M rows/s, … alerts"; empty when the replay failed.
QByteArray ReplayBenchmark::timedRun(const ReplayOptions &options)
{
    qsizetype alerts = 0;
    qint64 elapsedMs = 0;
    QBENCHMARK_ONCE
    {
        QElapsedTimer timer;
        timer.start();
        const auto result = Replay::run(m_series, options);
        elapsedMs = timer.elapsed();
        if (!result.ok())
            return {};
        alerts = result.value().alerts.size();
    }
    const double rows = double(kSeries) * kRows;
    return QString::asprintf("%d series x %d rows = %.1f M rows in %lld ms = %.2f M rows/s, %lld alerts",
                             kSeries, kRows, rows / 1e6, elapsedMs,
                             rows / 1e3 / double(std::max<qint64>(elapsedMs, 1)), qint64(alerts))
        .toUtf8();
}

void ReplayBenchmark::replay_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *spec : {"trailing:0.9", "fixed:50", "fixed-pct:0.9", "activation:0.9,0.1", "atr:14,3"})
        QTest::newRow(spec) << QString::fromLatin1(spec);
}

void ReplayBenchmark::replay()
{
    QFETCH(QString, spec);
    ReplayOptions options;
    options.strategy = StopStrategy::parse(spec).value();
    const QByteArray figures = timedRun(options);
    QVERIFY(!figures.isEmpty());
    qInfo("%s: %s", qPrintable(spec), figures.constData());
}

// The nine kinds of alert rule without a stop (`replay --rule …`): the series' days, then
// AlertRules::firings per rule, each firing an alert with its message.
void ReplayBenchmark::replayRules()
{
    ReplayOptions options;
    options.withStop = false;
    for (const char *spec : {"cross-below-sma:50", "cross-above-sma:50", "rsi-below:14,30", "rsi-above:14,70",
                             "macd-cross-below:12,26,9", "macd-cross-above:12,26,9", "bb-below:20,2",
                             "bb-above:20,2", "target:150"})
        options.rules += AlertRule::parse(QString::fromLatin1(spec)).value();
    const QByteArray figures = timedRun(options);
    QVERIFY(!figures.isEmpty());
    qInfo("FIGURE replay, nine rules, no stop: %s", figures.constData());
}

QTEST_GUILESS_MAIN(ReplayBenchmark)
#include "bench_replay.moc"
