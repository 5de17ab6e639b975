// Every stop strategy against hand-computed cases: one row per observation, with the stop expected after
// it and the observations that must alert.
#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "domain/StopStrategy.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <QTest>

#include <cmath>
#include <optional>

using namespace trailguard;
using trailguard::test::toronto;

namespace {
struct Observation {
    int day = 0; // market day number: observations of one day share it
    double close = 0;
    std::optional<double> high;
    std::optional<double> low;
};

// "1:100 2:110/112/108": day:close[/high/low] separated by spaces.
QList<Observation> observations(const QString &text)
{
    QList<Observation> list;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList dayAndValues = item.split(u':');
        const QStringList values = dayAndValues.at(1).split(u'/');
        Observation observation;
        observation.day = dayAndValues.at(0).toInt();
        observation.close = values.at(0).toDouble();
        if (values.size() == 3) {
            observation.high = values.at(1).toDouble();
            observation.low = values.at(2).toDouble();
        }
        list += observation;
    }
    return list;
}

// "- - 9 9.5": the stop after each observation, "-" for none.
QList<std::optional<double>> stops(const QString &text)
{
    QList<std::optional<double>> list;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts))
        list += item == u"-" ? std::nullopt : std::optional<double>(item.toDouble());
    return list;
}

QList<int> indexes(const QString &text)
{
    QList<int> list;
    for (const QString &item : text.split(u' ', Qt::SkipEmptyParts))
        list += item.toInt();
    return list;
}

QDateTime dayTime(int day, int quoteOfDay)
{
    // Trading days of January 2024 from Tuesday the 2nd on, every quote a minute after the last.
    return toronto(2024, 1, 1, 10, quoteOfDay).addDays(day);
}

bool close(double a, double b)
{
    return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b));
}
} // namespace

class StrategiesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesSpecs_data();
    void parsesSpecs();
    void refusesBadSpecs_data();
    void refusesBadSpecs();
    void evaluates_data();
    void evaluates();
    void oncePerBreachWaitsForRecovery();
    void changeStrategyStartsAfresh();
    void initialStateWithEntry();
    void strategyAndStateAreStored();
    void stopNeverMovesDown_data();
    void stopNeverMovesDown();
};

void StrategiesTest::parsesSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("trailing") << "trailing:0.9"
                              << "trailing:0.9";
    QTest::newRow("spaces and case") << " Trailing: 0.85 "
                                     << "trailing:0.85";
    QTest::newRow("fixed") << "fixed:95.5"
                           << "fixed:95.5";
    QTest::newRow("fixed-pct") << "fixed-pct:0.92"
                               << "fixed-pct:0.92";
    QTest::newRow("activation") << "activation:0.9,0.1"
                                << "activation:0.9,0.1";
    QTest::newRow("activation at once") << "activation:0.9, 0"
                                        << "activation:0.9,0";
    QTest::newRow("atr") << "atr:14,3"
                         << "atr:14,3";
    QTest::newRow("atr fractional k") << "ATR:1,0.5"
                                      << "atr:1,0.5";
    QTest::newRow("smallest ratio") << "trailing:0.01"
                                    << "trailing:0.01";
}

void StrategiesTest::parsesSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, canonical);
    const auto strategy = StopStrategy::parse(spec);
    QVERIFY2(strategy.ok(), qPrintable(strategy.ok() ? QString() : strategy.error().message));
    QCOMPARE(strategy.value().spec(), canonical);
    QCOMPARE(StopStrategy::parse(canonical).value(), strategy.value());
}

void StrategiesTest::refusesBadSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("message"); // a part of the message
    QTest::newRow("R = 1") << "trailing:1"
                           << "the ratio R must be a number from 0.01 to less than 1";
    // Too small to mean anything: a stop (almost) 100 % below the peak guards nothing.
    QTest::newRow("R denormal") << "trailing:1e-320"
                                << "from 0.01 to less than 1 (0.9 puts the stop 10% below), not \"1e-320\"";
    QTest::newRow("R below 0.01") << "fixed-pct:0.0099"
                                  << "the ratio R";
    QTest::newRow("activation R below 0.01") << "activation:0.005,0.1"
                                             << "the ratio R";
    QTest::newRow("R = 0") << "fixed-pct:0"
                           << "the ratio R";
    QTest::newRow("R negative") << "activation:-0.9,0.1"
                                << "the ratio R";
    QTest::newRow("R text") << "trailing:abc"
                            << "not \"abc\"";
    QTest::newRow("P = 0") << "fixed:0"
                           << "the stop price P must be a number greater than 0";
    QTest::newRow("P negative") << "fixed:-5"
                                << "the stop price P";
    QTest::newRow("N = 0") << "atr:0,3"
                           << "the period N must be a whole number from 1";
    QTest::newRow("N fractional") << "atr:2.5,3"
                                  << "the period N";
    QTest::newRow("K = 0") << "atr:14,0"
                           << "the multiplier K must be a number greater than 0";
    QTest::newRow("K negative") << "atr:14,-1"
                                << "the multiplier K";
    QTest::newRow("A negative") << "activation:0.9,-0.1"
                                << "the activation gain A";
    QTest::newRow("unknown") << "chandelier:3"
                             << "\"chandelier:3\" is not a known strategy";
    QTest::newRow("missing parameter") << "trailing"
                                       << "trailing takes one parameter";
    QTest::newRow("one of two") << "atr:14"
                                << "atr takes two parameters";
    QTest::newRow("empty") << ""
                           << "No strategy given";
}

void StrategiesTest::refusesBadSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, message);
    const auto strategy = StopStrategy::parse(spec);
    QVERIFY(!strategy.ok());
    QCOMPARE(strategy.error().code, ErrorCode::InvalidStrategy);
    QVERIFY2(strategy.error().message.contains(message), qPrintable(strategy.error().message));
}

void StrategiesTest::evaluates_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("entry"); // 0: none
    QTest::addColumn<QString>("rows");
    QTest::addColumn<QString>("expectedStops");
    QTest::addColumn<QString>("expectedAlerts");

    // trailing: as the engine always did.
    QTest::newRow("trailing, equal is no breach") << "trailing:0.9" << 0.0 << "1:100 2:110 3:99 4:98.9 5:120"
                                                  << "90 99 99 99 108"
                                                  << "3";
    QTest::newRow("trailing, entry seeds the peak") << "trailing:0.9" << 100.0 << "1:95 2:89.9"
                                                    << "90 90"
                                                    << "1";
    QTest::newRow("trailing, gap down alerts daily") << "trailing:0.9" << 0.0 << "1:100 2:80 3:85 4:95"
                                                     << "90 90 90 90"
                                                     << "1 2";
    QTest::newRow("trailing, flat") << "trailing:0.9" << 0.0 << "1:100 2:100 3:100"
                                    << "90 90 90"
                                    << "";
    QTest::newRow("trailing, new high and drop on one day")
        << "trailing:0.9" << 0.0 << "1:100 2:120 2:107 2:106 3:105"
        << "90 108 108 108 108"
        << "2 4";

    // fixed: never moves.
    QTest::newRow("fixed") << "fixed:95" << 0.0 << "1:100 2:96 3:95 4:94.99 5:200 6:94"
                           << "95 95 95 95 95 95"
                           << "3 5";
    QTest::newRow("fixed, below from the start") << "fixed:95" << 0.0 << "1:90 1:89 2:91"
                                                 << "95 95 95"
                                                 << "0 2";

    // fixed-pct: entry × R, else the first price × R.
    QTest::newRow("fixed-pct, first price") << "fixed-pct:0.9" << 0.0 << "1:100 2:150 3:91 4:89"
                                            << "90 90 90 90"
                                            << "3";
    QTest::newRow("fixed-pct, entry") << "fixed-pct:0.9" << 120.0 << "1:110 2:107 3:200"
                                      << "108 108 108"
                                      << "1";

    // activation: entry × R until a price ≥ entry × (1 + A), then peak × R from that observation on.
    QTest::newRow("activation, entry")
        << "activation:0.9,0.1" << 100.0 << "1:105 2:109.99 3:110 4:99.5 5:98 6:120 7:100"
        << "90 90 99 99 99 108 108"
        << "4 6";
    QTest::newRow("activation, below before activation") << "activation:0.9,0.1" << 100.0 << "1:95 2:89"
                                                         << "90 90"
                                                         << "1";
    QTest::newRow("activation, first price")
        << "activation:0.8,0.5" << 0.0 << "1:50 2:60 3:74.99 4:75 5:70 6:59.9"
        << "40 40 40 60 60 60"
        << "5";
    QTest::newRow("activation, gap up past the threshold") << "activation:0.9,0.1" << 100.0 << "1:130 2:116"
                                                           << "117 117"
                                                           << "1";

    // atr:3,2 — TR 1, 1.5, 2 → ATR₃ 1.5, stop 12 − 3 = 9; a gap down (TR 4, ATR 7/3, raw 7.33) keeps 9;
    // then TR 5 (ATR 29/9, raw 6.56), TR 1.5 (ATR 71.5/27, raw 8.70), a new high (TR 6.2,
    // ATR 3.832099, raw 20 − 7.664198 = 12.335802).
    QTest::newRow("atr, first N, gap, new high")
        << "atr:3,2" << 0.0
        << "1:9.5/10/9 2:10.5/11/9.5 3:11/12/10 4:8/9/7 5:12.5/13/8 6:13.8/14/13.5 7:17.2/20/17"
        << "- - 9 9 9 9 12.335802"
        << "3";
    // atr:2,1 — TR 1, 1 → ATR 1, stop 10.5 − 1 = 9.5; a new high and a drop on one day: TR 4, ATR 2.5,
    // stop 14 − 2.5 = 11.5 > close 11; then TR 0.6, ATR 1.55, stop 12.45.
    QTest::newRow("atr, new high and drop on one day")
        << "atr:2,1" << 0.0 << "1:9.5/10/9 2:10/10.5/9.6 3:11/14/10.9 4:11.2/11.6/11"
        << "- 9.5 11.5 12.45"
        << "2 3";
    QTest::newRow("atr, close equal to the stop")
        << "atr:2,1" << 0.0 << "1:9.5/10/9 2:10/10.5/9.6 3:11.5/14/11"
        << "- 9.5 11.5"
        << "";
    // atr:1,1 — a stop from the first observation; it never moves down (raw 8 < 9).
    QTest::newRow("atr, N = 1") << "atr:1,1" << 0.0 << "1:9.5/10/9 2:8.5/10/8"
                                << "9 9"
                                << "1";
    QTest::newRow("atr, flat prices") << "atr:3,1" << 0.0 << "1:10/10/10 2:10/10/10 3:10/10/10 4:10/10/10"
                                      << "- - 10 10"
                                      << "";
    // Live quotes without a high and low: the day's candle is built from its prices and committed when
    // the next day starts. Day 1: H 10, L 9.5, C 9.5 (TR 0.5); day 2: 10.2 (TR 0.7) → ATR 0.6, stop 9.6;
    // 9.55 later on day 2: H 10.2, L 9.55, TR still 0.7 → stop 9.6, alert.
    QTest::newRow("atr, live quotes build daily candles") << "atr:2,1" << 0.0 << "1:10 1:9.5 2:10.2 2:9.55"
                                                          << "- - 9.6 9.6"
                                                          << "3";
    // The same, but today's low of 9 widens the day's TR to 1.2 (ATR 0.85, raw 10.2 − 0.85 = 9.35): the
    // stop stays at 9.6, it never moves down within the day either.
    QTest::newRow("atr, a wider low today keeps the stop") << "atr:2,1" << 0.0 << "1:10 1:9.5 2:10.2 2:9"
                                                           << "- - 9.6 9.6"
                                                           << "3";
    // atr:1,3 — TR 9 gives a raw stop of 10 − 27 < 0, then 9.5 − 13.5 < 0: no stop rather than a negative
    // one (the database refuses it); then TR 0.3 gives 9.3 − 0.9 = 8.4.
    QTest::newRow("atr, a stop at or below zero is no stop")
        << "atr:1,3" << 0.0 << "1:5/10/1 2:9/9.5/8.5 3:9.2/9.3/9.1"
        << "- - 8.4"
        << "";
}

void StrategiesTest::evaluates()
{
    QFETCH(QString, spec);
    QFETCH(double, entry);
    QFETCH(QString, rows);
    QFETCH(QString, expectedStops);
    QFETCH(QString, expectedAlerts);

    const auto strategy = StopStrategy::parse(spec);
    QVERIFY(strategy.ok());
    const QList<Observation> list = observations(rows);
    const QList<std::optional<double>> stopsAfter = stops(expectedStops);
    QCOMPARE(stopsAfter.size(), list.size());

    StockState state = StopLossEngine::initialState(QStringLiteral("TEST"), strategy.value(),
                                                    entry > 0 ? std::optional<double>(entry) : std::nullopt,
                                                    toronto(2024, 1, 1, 9));
    QList<int> alerts;
    int previousDay = -1;
    int quoteOfDay = 0;
    for (int i = 0; i < list.size(); ++i) {
        const Observation &observation = list[i];
        quoteOfDay = observation.day == previousDay ? quoteOfDay + 1 : 0;
        previousDay = observation.day;
        const QDateTime time = dayTime(observation.day, quoteOfDay);
        const Quote quote{QStringLiteral("TEST"), observation.close, time, observation.high, observation.low};
        const auto outcome = StopLossEngine::apply(state, quote, time);
        state = outcome.state;
        const QByteArray where = QByteArray("observation ") + QByteArray::number(i);
        QVERIFY2(state.stop.has_value() == stopsAfter[i].has_value(), where.constData());
        if (state.stop) {
            QVERIFY2(close(*state.stop, *stopsAfter[i]),
                     qPrintable(QStringLiteral("observation %1: stop %2, expected %3")
                                    .arg(i)
                                    .arg(*state.stop, 0, 'g', 12)
                                    .arg(*stopsAfter[i])));
        }
        if (outcome.breach) {
            alerts += i;
            QCOMPARE(outcome.breach->price, observation.close);
            QCOMPARE(outcome.breach->stop, *state.stop);
            QCOMPARE(outcome.breach->peak, *state.peak);
        }
    }
    QCOMPARE(alerts, indexes(expectedAlerts));
}

void StrategiesTest::oncePerBreachWaitsForRecovery()
{
    StockState state =
        StopLossEngine::initialState(QStringLiteral("TEST"), StopStrategy::parse(u"fixed:95"_qs).value(),
                                     std::nullopt, toronto(2024, 1, 1, 9));
    QList<int> alerts;
    const QList<double> closes = {100, 94, 93, 96, 94, 94};
    for (int i = 0; i < closes.size(); ++i) {
        const QDateTime time = dayTime(i + 1, 0);
        const auto outcome = StopLossEngine::apply(
            state, Quote{QStringLiteral("TEST"), closes[i], time, {}, {}}, time, RepeatPolicy::OncePerBreach);
        state = outcome.state;
        if (outcome.breach)
            alerts += i;
    }
    QCOMPARE(alerts, (QList<int>{1, 4}));
}

void StrategiesTest::changeStrategyStartsAfresh()
{
    StockState state =
        StopLossEngine::initialState(QStringLiteral("TEST"), 0.9, std::nullopt, toronto(2024, 1, 1, 9));
    state = StopLossEngine::apply(state, Quote{QStringLiteral("TEST"), 100.0, dayTime(1, 0), {}, {}},
                                  dayTime(1, 0))
                .state;
    QCOMPARE(state.stop, std::optional<double>(90));

    StockState fixedPct =
        StopLossEngine::changeStrategy(state, StopStrategy::parse(u"fixed-pct:0.8"_qs).value());
    QCOMPARE(fixedPct.ratio, 0.8);
    QCOMPARE(fixedPct.stop, std::optional<double>(80)); // the last price is the basis
    QCOMPARE(fixedPct.strategySpec(), QStringLiteral("fixed-pct:0.8"));

    StockState atr = StopLossEngine::changeStrategy(fixedPct, StopStrategy::parse(u"atr:2,1"_qs).value());
    QVERIFY(!atr.stop);
    QCOMPARE(atr.ratio, 0.8); // kept for a later switch back
    QCOMPARE(atr.strategySpec(), QStringLiteral("atr:2,1"));

    StockState trailing = StopLossEngine::changeStrategy(atr, StopStrategy::trailing(0.9));
    QCOMPARE(trailing.stop, std::optional<double>(90));

    // changeRatio keeps a ratio strategy's R and the ratio in step.
    const auto changed = StopLossEngine::changeRatio(fixedPct, 0.5);
    QVERIFY(changed.ok());
    QCOMPARE(changed.value().stop, std::optional<double>(50));
    QCOMPARE(changed.value().strategySpec(), QStringLiteral("fixed-pct:0.5"));
}

void StrategiesTest::initialStateWithEntry()
{
    const auto at = toronto(2024, 1, 1, 9);
    QCOMPARE(
        StopLossEngine::initialState(u"T"_qs, StopStrategy::parse(u"fixed:50"_qs).value(), 100.0, at).stop,
        std::optional<double>(50));
    QCOMPARE(
        StopLossEngine::initialState(u"T"_qs, StopStrategy::parse(u"fixed-pct:0.5"_qs).value(), 100.0, at)
            .stop,
        std::optional<double>(50));
    QCOMPARE(StopLossEngine::initialState(u"T"_qs, StopStrategy::parse(u"activation:0.5,0.2"_qs).value(),
                                          100.0, at)
                 .stop,
             std::optional<double>(50));
    QVERIFY(
        !StopLossEngine::initialState(u"T"_qs, StopStrategy::parse(u"atr:3,3"_qs).value(), 100.0, at).stop);
    QVERIFY(!StopLossEngine::initialState(u"T"_qs, StopStrategy::parse(u"fixed-pct:0.5"_qs).value(),
                                          std::nullopt, at)
                 .stop);
}

void StrategiesTest::strategyAndStateAreStored()
{
    QTemporaryDir dir;
    auto database = Database::open(dir.filePath(QStringLiteral("trailguard.sqlite")));
    QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : database.error().message));
    StockRepository repository(database.value()->connection());

    // An atr ticker in the middle of its second day, and an activated activation ticker.
    StockState atr = StopLossEngine::initialState(u"ATR"_qs, StopStrategy::parse(u"atr:2,1"_qs).value(),
                                                  std::nullopt, toronto(2024, 1, 1, 9));
    StockState activation = StopLossEngine::initialState(
        u"ACT"_qs, StopStrategy::parse(u"activation:0.8,0.1"_qs).value(), 100.0, toronto(2024, 1, 1, 9));
    for (const auto &[day, price] : QList<std::pair<int, double>>{{1, 10}, {1, 9.5}, {2, 10.2}, {2, 111}}) {
        const Quote quote{u"X"_qs, price, dayTime(day, int(price) % 50), price + 0.5, price - 0.5};
        atr = StopLossEngine::apply(atr, quote, quote.time).state;
        activation = StopLossEngine::apply(activation, quote, quote.time).state;
    }
    QVERIFY(atr.strategyState.candleDay.isValid());
    QCOMPARE(atr.strategyState.observations, 1);
    QVERIFY(activation.strategyState.activated);
    QVERIFY(repository.insert(atr).ok());
    QVERIFY(repository.insert(activation).ok());

    const auto storedAtr = repository.find(u"ATR"_qs);
    QVERIFY(storedAtr.ok() && storedAtr.value());
    QCOMPARE(storedAtr.value()->strategySpec(), QStringLiteral("atr:2,1"));
    QCOMPARE(storedAtr.value()->strategyState, atr.strategyState);
    QCOMPARE(storedAtr.value()->stop, atr.stop);
    const auto storedActivation = repository.find(u"ACT"_qs);
    QVERIFY(storedActivation.ok() && storedActivation.value());
    QCOMPARE(storedActivation.value()->strategy, activation.strategy);
    QCOMPARE(storedActivation.value()->strategyState, activation.strategyState);
    QCOMPARE(storedActivation.value()->ratio, 0.8);

    // Updates keep them too.
    StockState changed = StopLossEngine::changeStrategy(atr, StopStrategy::parse(u"fixed:9"_qs).value());
    QVERIFY(repository.update(changed).ok());
    QCOMPARE(repository.find(u"ATR"_qs).value()->strategySpec(), QStringLiteral("fixed:9"));
    QCOMPARE(repository.find(u"ATR"_qs).value()->stop, std::optional<double>(9));
}

void StrategiesTest::stopNeverMovesDown_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("entry"); // 0: none
    for (const char *spec : {"trailing:0.9", "fixed:40", "fixed-pct:0.85", "activation:0.9,0.1",
                             "activation:0.8,0", "atr:3,2", "atr:1,3", "atr:14,3", "atr:2,0.5"}) {
        QTest::addRow("%s", spec) << QString::fromLatin1(spec) << 0.0;
        QTest::addRow("%s, entry", spec) << QString::fromLatin1(spec) << 50.0;
    }
}

// A property over random price paths: for every strategy, once there is a stop it is above zero and
// never lower than it was, whatever the path does within a day (several quotes, with or without a day's
// high and low) or across days (gaps, crashes). Fixed seeds: the same paths on every run.
void StrategiesTest::stopNeverMovesDown()
{
    QFETCH(QString, spec);
    QFETCH(double, entry);
    const auto strategy = StopStrategy::parse(spec);
    QVERIFY(strategy.ok());
    for (quint32 seed = 1; seed <= 40; ++seed) {
        QRandomGenerator random(seed);
        StockState state = StopLossEngine::initialState(
            QStringLiteral("TEST"), strategy.value(), entry > 0 ? std::optional<double>(entry) : std::nullopt,
            toronto(2024, 1, 1, 9));
        double price = 50;
        std::optional<double> previous = state.stop;
        for (int day = 1; day <= 40; ++day) {
            const int quotes = 1 + int(random.bounded(4));
            const bool withRange = random.bounded(2) == 0;
            for (int i = 0; i < quotes; ++i) {
                // Mostly small moves, sometimes a gap of up to ±60 %.
                const double move =
                    random.bounded(10) == 0 ? random.bounded(1.2) - 0.6 : random.bounded(0.1) - 0.05;
                price = std::max(0.05, price * (1.0 + move));
                Quote quote{QStringLiteral("TEST"), price, dayTime(day, i)};
                if (withRange) {
                    quote.high = price * (1.0 + random.bounded(0.3));
                    quote.low = price * (1.0 - random.bounded(0.9));
                }
                state = StopLossEngine::apply(state, quote, quote.time).state;
                const QString where = QStringLiteral("seed %1, day %2, quote %3: stop %4, before %5")
                                          .arg(seed)
                                          .arg(day)
                                          .arg(i)
                                          .arg(state.stop ? *state.stop : -1.0, 0, 'g', 12)
                                          .arg(previous ? *previous : -1.0, 0, 'g', 12);
                QVERIFY2(!state.stop || *state.stop > 0, qPrintable(where));
                if (previous) {
                    QVERIFY2(state.stop.has_value(), qPrintable(where));
                    QVERIFY2(*state.stop >= *previous, qPrintable(where));
                }
                previous = state.stop;
            }
        }
    }
}

QTEST_GUILESS_MAIN(StrategiesTest)
#include "tst_strategies.moc"
