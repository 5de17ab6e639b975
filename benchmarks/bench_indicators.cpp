// Indicator and rule throughput: 500 series × 5,000 daily bars (a deterministic random walk with highs and
// lows) through each of the six indicators (Indicators::compute), all six together, and the nine kinds of
// alert rule (AlertRules::firings). Prints rows per second as FIGURE lines; never fails on time.
#include "domain/AlertRule.h"
#include "domain/Indicator.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace trailguard;

namespace {
constexpr int kSeries = 500;
constexpr int kRows = 5000;

// Prepared once so that only the computation is timed.
QList<QList<DailyBar>> makeBars()
{
    QRandomGenerator random(42);
    QList<QList<DailyBar>> all;
    all.reserve(kSeries);
    for (int s = 0; s < kSeries; ++s) {
        QList<DailyBar> bars;
        bars.reserve(kRows);
        double close = 50.0 + random.bounded(100.0);
        QDate date(2004, 1, 2);
        for (int i = 0; i < kRows; ++i) {
            while (date.dayOfWeek() > 5)
                date = date.addDays(1);
            const double open = close;
            close = std::max(1.0, close * (1.0 + (random.generateDouble() - 0.5) * 0.06));
            const double high = std::max(open, close) * (1.0 + random.generateDouble() * 0.02);
            const double low = std::min(open, close) * (1.0 - random.generateDouble() * 0.02);
            bars.append(DailyBar{date, close, high, low});
            date = date.addDays(1);
        }
        all.append(bars);
    }
    return all;
}

const char *const kIndicatorSpecs[] = {"sma:50", "ema:50", "rsi:14", "macd:12,26,9", "bb:20,2", "atr:14"};
const char *const kRuleSpecs[] = {"cross-below-sma:50",
                                  "cross-above-sma:50",
                                  "rsi-below:14,30",
                                  "rsi-above:14,70",
                                  "macd-cross-below:12,26,9",
                                  "macd-cross-above:12,26,9",
                                  "bb-below:20,2",
                                  "bb-above:20,2",
                                  "target:150"};
} // namespace

class IndicatorsBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void indicator_data();
    void indicator();
    void allSix();
    void rule_data();
    void rule();
    void allNineRules();

private:
    // Times `work` over every series once; `work` returns a count that keeps the result alive.
    void measure(const QString &what, int perSeries,
                 const std::function<qsizetype(const QList<DailyBar> &)> &work);

    QList<QList<DailyBar>> m_bars;
};

void IndicatorsBenchmark::initTestCase()
{
    m_bars = makeBars();
}

void IndicatorsBenchmark::measure(const QString &what, int perSeries,
                                  const std::function<qsizetype(const QList<DailyBar> &)> &work)
{
    qsizetype kept = 0;
    qint64 elapsedNs = 0;
    QBENCHMARK_ONCE
    {
        QElapsedTimer timer;
        timer.start();
        for (const QList<DailyBar> &bars : std::as_const(m_bars))
            kept += work(bars);
        elapsedNs = timer.nsecsElapsed();
    }
    QVERIFY(kept > 0);
    const double rows = double(kSeries) * kRows;
    const double seconds = std::max<qint64>(elapsedNs, 1) / 1e9;
    qInfo("FIGURE %s: %d series x %d rows = %.1f M rows (%d computation(s) each) in %.0f ms = %.2f M rows/s "
          "(%lld kept)",
          qPrintable(what), kSeries, kRows, rows / 1e6, perSeries, seconds * 1e3, rows / seconds / 1e6,
          qint64(kept));
}

void IndicatorsBenchmark::indicator_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *spec : kIndicatorSpecs)
        QTest::newRow(spec) << QString::fromLatin1(spec);
}

void IndicatorsBenchmark::indicator()
{
    QFETCH(QString, spec);
    const IndicatorSpec indicator = IndicatorSpec::parse(spec).value();
    measure(QStringLiteral("indicator %1").arg(spec), 1, [&](const QList<DailyBar> &bars) {
        const IndicatorValues values = Indicators::compute(indicator, bars);
        return values.value(bars.size() - 1) ? qsizetype(1) : qsizetype(0);
    });
}

void IndicatorsBenchmark::allSix()
{
    QList<IndicatorSpec> specs;
    for (const char *spec : kIndicatorSpecs)
        specs += IndicatorSpec::parse(QString::fromLatin1(spec)).value();
    measure(QStringLiteral("all six indicators"), int(specs.size()), [&](const QList<DailyBar> &bars) {
        qsizetype defined = 0;
        for (const IndicatorSpec &spec : std::as_const(specs))
            defined += Indicators::compute(spec, bars).value(bars.size() - 1) ? 1 : 0;
        return defined;
    });
}

void IndicatorsBenchmark::rule_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *spec : kRuleSpecs)
        QTest::newRow(spec) << QString::fromLatin1(spec);
}

void IndicatorsBenchmark::rule()
{
    QFETCH(QString, spec);
    const AlertRule rule = AlertRule::parse(spec).value();
    measure(QStringLiteral("rule %1").arg(spec), 1, [&](const QList<DailyBar> &bars) {
        return AlertRules::firings(rule, bars).size() + 1; // + 1: a rule that never fires still ran
    });
}

void IndicatorsBenchmark::allNineRules()
{
    QList<AlertRule> rules;
    for (const char *spec : kRuleSpecs)
        rules += AlertRule::parse(QString::fromLatin1(spec)).value();
    qsizetype firings = 0;
    measure(QStringLiteral("all nine rules"), int(rules.size()), [&](const QList<DailyBar> &bars) {
        qsizetype count = 0;
        for (const AlertRule &rule : std::as_const(rules))
            count += AlertRules::firings(rule, bars).size();
        firings += count;
        return count + 1;
    });
    qInfo("FIGURE all nine rules: %lld firings in all", qint64(firings));
}

QTEST_GUILESS_MAIN(IndicatorsBenchmark)
#include "bench_indicators.moc"
