#include "replay/BacktestRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;

namespace {
ReplaySeries series(const QList<double> &closes)
{
    ReplaySeries one{QStringLiteral("SHOP.TO"), {}};
    QDate date(2024, 1, 1);
    for (double close : closes) {
        PriceRow row;
        row.date = date;
        row.close = close;
        one.rows << row;
        date = date.addDays(1);
    }
    return one;
}

StopStrategy strategy(const char *spec)
{
    return StopStrategy::parse(QLatin1String(spec)).value();
}
} // namespace

class TestBacktestRunner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rulesRunOnceBesideTheStrategies()
    {
        // target:106 fires on the 3rd (110) only; rsi-below:1,50 on the 4th (98 after 110).
        BacktestRequest request{
            series({100, 105, 110, 98, 89}),
            {strategy("trailing:0.9")},
            std::nullopt,
            RepeatPolicy::DailyWhileBelow,
            {AlertRule::parse(u"target:106"_qs).value(), AlertRule::parse(u"rsi-below:1,50"_qs).value()}};
        QList<std::pair<qint64, qint64>> progress;
        const BacktestReport report = Backtest::run(request, [&](qint64 done, qint64 total) {
            progress.append({done, total});
        });
        QVERIFY(!report.cancelled);
        QCOMPARE(report.results.size(), 1);
        QCOMPARE(report.results.at(0).alerts.size(), 2); // the strategy's breaches only
        QCOMPARE(report.rules.size(), 2);
        QCOMPARE(report.rules.at(0).rule.spec(), u"target:106"_qs);
        QCOMPARE(report.rules.at(0).firings.size(), 1);
        QCOMPARE(report.rules.at(0).firings.at(0).date, QDate(2024, 1, 3));
        QCOMPARE(report.rules.at(1).firings.size(), 1);
        QCOMPARE(report.rules.at(1).firings.at(0).date, QDate(2024, 1, 4));
        QCOMPARE(progress.constLast(), (std::pair<qint64, qint64>{10, 10})); // 5 rows × (1 strategy + rules)

        // The chart marks the chosen rule's firings beside the strategy's breaches, in time order.
        const ChartSeries chart =
            Backtest::chartSeries(request.series, &report.results.at(0), &report.rules.at(1));
        QCOMPARE(chart.alerts.size(), 3);
        QCOMPARE(chart.alerts.at(0).time, Backtest::observationTime(QDate(2024, 1, 4)));
        QCOMPARE(chart.alerts.at(1).text, report.rules.at(1).firings.at(0).firing->message);
        QCOMPARE(chart.alerts.at(2).price, 89.0);

        // Rules alone: no strategy results.
        request.strategies.clear();
        const BacktestReport rulesOnly = Backtest::run(request);
        QVERIFY(rulesOnly.results.isEmpty());
        QCOMPARE(rulesOnly.rules.size(), 2);
    }

    void runsEveryStrategyAndKeepsTheStopSteps()
    {
        // trailing:0.9 → stops 90, 94.5, 99 (peaks 100, 105, 110); 98 and 89 are below 99.
        // fixed-pct:0.9 → stop 90 throughout; only 89 is below.
        BacktestRequest request{series({100, 105, 110, 98, 89}),
                                {strategy("trailing:0.9"), strategy("fixed-pct:0.9"), strategy("atr:2,1")},
                                std::nullopt,
                                RepeatPolicy::DailyWhileBelow};
        QList<std::pair<qint64, qint64>> progress;
        const BacktestReport report = Backtest::run(request, [&](qint64 done, qint64 total) {
            progress.append({done, total});
        });
        QVERIFY(!report.cancelled);
        QCOMPARE(report.results.size(), 3);

        const BacktestStrategyResult &trailing = report.results.at(0);
        QVERIFY(!trailing.error);
        QCOMPARE(trailing.summary.alertCount, 2);
        QCOMPARE(trailing.summary.firstBreachDate, QDate(2024, 1, 4));
        QCOMPARE(trailing.stops.size(), 3);
        QCOMPARE(trailing.stops.at(0).stop, 90.0);
        QCOMPARE(trailing.stops.at(1).stop, 94.5);
        QCOMPARE(trailing.stops.at(2).stop, 99.0);
        QCOMPARE(trailing.stops.at(2).peak, 110.0);
        QCOMPARE(trailing.stops.at(2).time, Backtest::observationTime(QDate(2024, 1, 3)));

        const BacktestStrategyResult &fixed = report.results.at(1);
        QCOMPARE(fixed.summary.alertCount, 1);
        QCOMPARE(fixed.summary.firstBreachDate, QDate(2024, 1, 5));
        for (const StopPoint &point : fixed.stops)
            QCOMPARE(point.stop, 90.0);

        // atr without highs and lows: refused in its own result, with the replay's message.
        QVERIFY(report.results.at(2).error);
        QCOMPARE(report.results.at(2).error->code, ErrorCode::InvalidStrategy);

        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.constLast(), (std::pair<qint64, qint64>{15, 15}));

        // The chart: every close, the chosen strategy's stop steps and one mark per alert.
        const ChartSeries chart = Backtest::chartSeries(request.series, &trailing);
        QCOMPARE(chart.prices.size(), 5);
        QCOMPARE(chart.stops, trailing.stops);
        QCOMPARE(chart.alerts.size(), 2);
        QCOMPARE(chart.alerts.at(1).price, 89.0);
        QVERIFY(Backtest::chartSeries(request.series, nullptr).stops.isEmpty());
    }

    void aRaisedCancelFlagStopsBeforeAnyStrategy()
    {
        const BacktestRequest request{
            series({100, 90}), {strategy("trailing:0.9")}, std::nullopt, RepeatPolicy::DailyWhileBelow};
        std::atomic_bool cancel = true;
        const BacktestReport report = Backtest::run(request, {}, &cancel);
        QVERIFY(report.cancelled);
        QVERIFY(report.results.isEmpty());
    }

    void candlesBecomeRowsOnTheirMarketDay()
    {
        // Daily candles start at midnight New York time: 05:00 UTC in winter, 04:00 UTC in summer.
        StoredCandle winter;
        winter.start = QDateTime(QDate(2024, 1, 2), QTime(5, 0), QTimeZone::utc());
        winter.end = winter.start.addDays(1);
        winter.high = 11;
        winter.low = 9;
        winter.close = 10;
        StoredCandle summer;
        summer.start = QDateTime(QDate(2024, 7, 2), QTime(4, 0), QTimeZone::utc());
        summer.end = summer.start.addDays(1);
        summer.close = 20;
        const QList<PriceRow> rows = Backtest::rowsFromCandles(QStringLiteral("SHOP.TO"), {winter, summer});
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).date, QDate(2024, 1, 2));
        QCOMPARE(rows.at(0).high, std::optional<double>(11));
        QCOMPARE(rows.at(0).close, 10.0);
        QCOMPARE(rows.at(1).date, QDate(2024, 7, 2));
        QVERIFY(!rows.at(1).high);
    }

    void runnerWorksOffTheCallingThread()
    {
        QList<double> closes;
        for (int i = 0; i < 5000; ++i)
            closes << 100.0 + (i % 37) - (i % 11);
        BacktestRequest request{series(closes), {}, std::nullopt, RepeatPolicy::DailyWhileBelow};
        for (const char *spec : {"trailing:0.9", "trailing:0.85", "fixed-pct:0.9", "activation:0.9,0.05"})
            request.strategies << strategy(spec);
        BacktestRunner runner;
        QSignalSpy finished(&runner, &BacktestRunner::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runner.start(request));
        QVERIFY(runner.isRunning());
        QVERIFY(!runner.start(request)); // one at a time
        QVERIFY(finished.wait(30'000));
        qInfo() << "backtest of 4 strategies x 5000 rows:" << timer.elapsed() << "ms";
        QVERIFY(!runner.isRunning());
        const auto report = finished.constFirst().constFirst().value<BacktestReport>();
        QCOMPARE(report.results.size(), 4);
        QCOMPARE(report.results.at(0).summary.rows, 5000);
    }
};

QTEST_GUILESS_MAIN(TestBacktestRunner)
#include "tst_backtestrunner.moc"
