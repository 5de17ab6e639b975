// Replay: series from CSV rows, alerts in time order, summaries, progress and cancel.
#include "replay/Replay.h"

#include <QTest>

using namespace trailguard;

namespace {
PriceRow row(const QString &symbol, const QDate &date, double close)
{
    PriceRow row;
    row.symbol = symbol;
    row.date = date;
    row.close = close;
    return row;
}
} // namespace

class ReplayTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsBySymbolInFileOrderAndSortsByDate();
    void alertsInTimeOrderAndSummaries();
    void atrNeedsHighsAndLows();
    void progressAndCancel();
    void rulesFireOncePerDayBesideTheStop();
    void rulesOnlyAndSeveralRowsADay();
};

void ReplayTest::groupsBySymbolInFileOrderAndSortsByDate()
{
    const QList<PriceRow> rows{row(u"MSFT"_qs, QDate(2024, 1, 3), 2), row(u"AAPL"_qs, QDate(2024, 1, 2), 1),
                               row(u"MSFT"_qs, QDate(2024, 1, 2), 3)};
    const QList<ReplaySeries> series = Replay::seriesFromRows(rows, u"IGNORED"_qs);
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).ticker, QStringLiteral("MSFT"));
    QCOMPARE(series.at(0).rows.at(0).close, 3.0); // date order
    QCOMPARE(series.at(1).ticker, QStringLiteral("AAPL"));

    const QList<ReplaySeries> unnamed = Replay::seriesFromRows({row({}, QDate(2024, 1, 2), 1)}, u"X"_qs);
    QCOMPARE(unnamed.size(), 1);
    QCOMPARE(unnamed.at(0).ticker, QStringLiteral("X"));
}

void ReplayTest::alertsInTimeOrderAndSummaries()
{
    // B breaches on the 3rd, A on the 4th: B's alert comes first although B is the second series.
    const QList<ReplaySeries> series{
        {u"A"_qs,
         {row({}, QDate(2024, 1, 2), 100), row({}, QDate(2024, 1, 3), 95), row({}, QDate(2024, 1, 4), 89)}},
        {u"B"_qs,
         {row({}, QDate(2024, 1, 2), 50), row({}, QDate(2024, 1, 3), 44), row({}, QDate(2024, 1, 4), 60)}},
    };
    const auto result = Replay::run(series, ReplayOptions{});
    QVERIFY(result.ok());
    QCOMPARE(result.value().alerts, (QList<ReplayAlert>{{u"B"_qs, QDate(2024, 1, 3), 44, 50, 45},
                                                        {u"A"_qs, QDate(2024, 1, 4), 89, 100, 90}}));
    const ReplaySeriesSummary &a = result.value().series.at(0);
    QCOMPARE(a.rows, qsizetype(3));
    QCOMPARE(a.alertCount, 1);
    QCOMPARE(a.firstBreachDate, std::optional<QDate>(QDate(2024, 1, 4)));
    QCOMPARE(a.exitReturn.value_or(0), 89.0 / 100.0 - 1.0);
    QCOMPARE(a.holdReturn, 89.0 / 100.0 - 1.0);
    const ReplaySeriesSummary &b = result.value().series.at(1);
    QCOMPARE(b.finalPeak, std::optional<double>(60));
    QCOMPARE(b.finalStop, std::optional<double>(54));
    QCOMPARE(b.holdReturn, 0.2);
}

void ReplayTest::atrNeedsHighsAndLows()
{
    ReplayOptions options;
    options.strategy = StopStrategy::parse(u"atr:3,2"_qs).value();
    const auto result = Replay::run({{u"A"_qs, {row({}, QDate(2024, 1, 2), 100)}}}, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidStrategy);
}

void ReplayTest::progressAndCancel()
{
    ReplaySeries series{u"A"_qs, {}};
    QDate date(2020, 1, 1);
    for (int i = 0; i < 10'000; ++i)
        series.rows.append(row({}, date.addDays(i), 100 + i % 7));

    qsizetype lastDone = 0;
    qsizetype lastTotal = 0;
    const auto full = Replay::run({series}, ReplayOptions{}, [&](qsizetype done, qsizetype total) {
        QVERIFY(done >= lastDone);
        lastDone = done;
        lastTotal = total;
    });
    QVERIFY(full.ok());
    QCOMPARE(lastDone, qsizetype(10000));
    QCOMPARE(lastTotal, qsizetype(10000));
    QVERIFY(!full.value().cancelled);

    std::atomic_bool cancel = false;
    const auto stopped = Replay::run(
        {series}, ReplayOptions{},
        [&](qsizetype done, qsizetype) {
            if (done >= 4096)
                cancel = true;
        },
        &cancel);
    QVERIFY(stopped.ok());
    QVERIFY(stopped.value().cancelled);
    QVERIFY(lastDone > 0);
}

// A: 100, 110, 99, 98, 120. trailing:0.95 breaches on the 4th and 5th; target:105 fires on the 3rd and
// the 6th; cross-below-sma:2 on the 4th (99 < 104.5). Alerts by day, the stop before the rules, the rules
// in the order given; each rule alert carries its message and values, as AlertRules gives them.
void ReplayTest::rulesFireOncePerDayBesideTheStop()
{
    const QList<double> closes{100, 110, 99, 98, 120};
    ReplaySeries a{u"A"_qs, {}};
    for (qsizetype i = 0; i < closes.size(); ++i)
        a.rows.append(row({}, QDate(2024, 1, 2).addDays(i), closes.at(i)));
    ReplayOptions options;
    options.strategy = StopStrategy::parse(u"trailing:0.95"_qs).value();
    const AlertRule target = AlertRule::parse(u"target:105"_qs).value();
    const AlertRule belowSma = AlertRule::parse(u"cross-below-sma:2"_qs).value();
    options.rules = {target, belowSma};
    const auto result = Replay::run({a}, options);
    QVERIFY(result.ok());
    QStringList kinds;
    for (const ReplayAlert &alert : result.value().alerts)
        kinds += alert.date.toString(u"d"_qs) + u' ' + alert.kind();
    QCOMPARE(kinds, (QStringList{u"3 target:105"_qs, u"4 stop"_qs, u"4 cross-below-sma:2"_qs, u"5 stop"_qs,
                                 u"6 target:105"_qs}));
    const ReplayAlert &crossed = result.value().alerts.at(2);
    QCOMPARE(crossed.price, 99.0);
    QVERIFY(crossed.firing);
    QCOMPARE(crossed.firing->value, 99.0);
    QCOMPARE(crossed.firing->threshold, 104.5);
    const QList<RuleFiring> firings = AlertRules::firings(belowSma, Replay::dailyBars(a.rows));
    QCOMPARE(firings.size(), 1);
    QCOMPARE(crossed.firing->message, AlertRules::message(belowSma, u"A"_qs, firings.at(0)));

    const ReplaySeriesSummary &summary = result.value().series.at(0);
    QCOMPARE(summary.alertCount, 2); // the stop's
    QCOMPARE(summary.rules.size(), 2);
    QCOMPARE(summary.rules.at(0).firings, 2);
    QCOMPARE(summary.rules.at(0).firstDate, std::optional<QDate>(QDate(2024, 1, 3)));
    QCOMPARE(summary.rules.at(0).firstClose, std::optional<double>(110));
    QCOMPARE(summary.rules.at(1).firings, 1);
}

// Without the stop only the rules alert (atr's highs and lows are not asked for). Several rows of one day
// make one bar: its last close, its largest high and smallest low.
void ReplayTest::rulesOnlyAndSeveralRowsADay()
{
    ReplaySeries a{u"A"_qs,
                   {row({}, QDate(2024, 1, 2), 100), row({}, QDate(2024, 1, 3), 90),
                    row({}, QDate(2024, 1, 3), 130), row({}, QDate(2024, 1, 3), 104),
                    row({}, QDate(2024, 1, 4), 106)}};
    a.rows[1].high = 140;
    QCOMPARE(Replay::dailyBars(a.rows), (QList<DailyBar>{{QDate(2024, 1, 2), 100, 100, 100},
                                                         {QDate(2024, 1, 3), 104, 140, 90},
                                                         {QDate(2024, 1, 4), 106, 106, 106}}));
    ReplayOptions options;
    options.strategy = StopStrategy::parse(u"atr:3,2"_qs).value();
    options.withStop = false;
    options.rules = {AlertRule::parse(u"target:105"_qs).value()};
    const auto result = Replay::run({a}, options);
    QVERIFY(result.ok());
    // 130 on the 3rd is not the day's close (104): the target is first reached on the 4th, once.
    QCOMPARE(result.value().alerts.size(), 1);
    QCOMPARE(result.value().alerts.at(0).date, QDate(2024, 1, 4));
    QCOMPARE(result.value().alerts.at(0).kind(), u"target:105"_qs);
    const ReplaySeriesSummary &summary = result.value().series.at(0);
    QCOMPARE(summary.alertCount, 0);
    QVERIFY(!summary.finalStop);
    QCOMPARE(summary.lastClose, 106.0);
    QCOMPARE(summary.holdReturn, 0.06);
}

QTEST_GUILESS_MAIN(ReplayTest)
#include "tst_replay.moc"
