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

QTEST_GUILESS_MAIN(ReplayTest)
#include "tst_replay.moc"
