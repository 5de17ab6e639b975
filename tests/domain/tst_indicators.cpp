// The indicators against hand-computed values (the undefined prefix and the seeding rows included), their
// spec parsing, and the ATR shared with the atr stop strategy.
#include "TestSupport.h"
#include "domain/Indicator.h"
#include "domain/StopLossEngine.h"
#include "domain/StopStrategy.h"

#include <QTest>

#include <cmath>
#include <optional>

using namespace trailguard;

namespace {
using Column = QList<std::optional<double>>;
constexpr std::nullopt_t none = std::nullopt;

QList<DailyBar> bars(const QList<double> &closes)
{
    QList<DailyBar> out;
    QDate date(2024, 5, 1);
    for (double close : closes) {
        out.append(DailyBar{date, close, std::nullopt, std::nullopt});
        date = date.addDays(1);
    }
    return out;
}

// A short series whose values are easy to check by hand (see each test).
const QList<double> kCloses = {10, 11, 12, 11, 10, 11, 13, 14, 13, 15, 16, 14};

void compareColumns(const Column &actual, const Column &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QVERIFY2(actual[i].has_value() == expected[i].has_value(),
                 qPrintable(QStringLiteral("row %1").arg(i)));
        if (expected[i]) {
            const double tolerance = 1e-9 * std::max(1.0, std::fabs(*expected[i]));
            QVERIFY2(std::fabs(*actual[i] - *expected[i]) <= tolerance,
                     qPrintable(
                         QStringLiteral("row %1: %2, expected %3").arg(i).arg(*actual[i]).arg(*expected[i])));
        }
    }
}

IndicatorValues compute(const QString &spec, const QList<DailyBar> &input)
{
    const auto parsed = IndicatorSpec::parse(spec);
    if (!parsed)
        qFatal("bad spec %s", qPrintable(spec));
    return Indicators::compute(parsed.value(), input);
}
} // namespace

class TestIndicators : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smaIsTheMeanOfTheLastN()
    {
        // (10+11+12)/3 = 11 at the third close, then (11+12+11)/3 …
        compareColumns(
            compute(QStringLiteral("sma:3"), bars(kCloses)).columns.value(0),
            {none, none, 11.0, 34.0 / 3, 11.0, 32.0 / 3, 34.0 / 3, 38.0 / 3, 40.0 / 3, 14.0, 44.0 / 3, 15.0});
    }

    void emaIsSeededWithTheSma()
    {
        // α = 0.5: seed 11 (SMA of 10, 11, 12); 0.5·11 + 0.5·11 = 11; 0.5·10 + 0.5·11 = 10.5 …
        compareColumns(compute(QStringLiteral("ema:3"), bars(kCloses)).columns.value(0),
                       {none, none, 11.0, 11.0, 10.5, 10.75, 11.875, 12.9375, 12.96875, 13.984375, 14.9921875,
                        14.49609375});
    }

    void rsiIsWildersFromTheNPlusFirstClose()
    {
        // Changes +1 +1 −1: gain 2/3, loss 1/3 → 100 − 100/3 at the fourth close; then Wilder's smoothing:
        // change −1 → gain 4/9, loss 5/9 → 100 − 100/(1 + 4/5) = 44.44…
        compareColumns(compute(QStringLiteral("rsi:3"), bars(kCloses)).columns.value(0),
                       {none, none, none, 200.0 / 3, 400.0 / 9, 62.96296296296296, 81.48148148148148,
                        86.53198653198653, 61.409796893667874, 79.37420178799489, 84.7118684179387,
                        47.68851585398348});
    }

    void rsiIsOneHundredWithoutLossesAndFiftyWhenFlat()
    {
        compareColumns(compute(QStringLiteral("rsi:2"), bars({1, 2, 3, 4})).columns.value(0),
                       {none, none, 100.0, 100.0});
        compareColumns(compute(QStringLiteral("rsi:2"), bars({5, 5, 5})).columns.value(0),
                       {none, none, 50.0});
    }

    void macdSignalAndHistogram()
    {
        const IndicatorValues values = compute(QStringLiteral("macd:2,4,3"), bars(kCloses));
        QCOMPARE(values.spec.components(), QStringList({QStringLiteral("macd"), QStringLiteral("signal"),
                                                        QStringLiteral("histogram")}));
        // ema:2 − ema:4 from the 4th close (ema:2 = 11.5 seeded at 11, 11.5+… ; ema:4 = 11 seeded at the
        // 4th).
        compareColumns(values.columns.value(0),
                       {none, none, none, 0.16666666666666785, -0.21111111111111036, 0.036296296296297825,
                        0.6094320987654331, 0.8282106995884781, 0.3844435665294945, 0.7265051888431664,
                        0.8678494629477225, 0.1313584609825753});
        // The signal is seeded with the mean of the first three macd values, at the third of them.
        compareColumns(values.columns.value(1), {none, none, none, none, none, -0.002716049382714895,
                                                 0.30335802469135914, 0.5657843621399187, 0.4751139643347066,
                                                 0.6008095765889365, 0.7343295197683295, 0.4328439903754524});
        compareColumns(values.columns.value(2),
                       {none, none, none, none, none, 0.03901234567901272, 0.306074074074074,
                        0.2624263374485595, -0.09067039780521208, 0.12569561225422987, 0.13351994317939297,
                        -0.3014855293928771});
    }

    void bollingerUsesThePopulationDeviation()
    {
        // 10, 11, 12, 11: mean 11, σ = sqrt(2/4) → 11 ± 2·0.7071…
        const IndicatorValues values = compute(QStringLiteral("bb:4,2"), bars(kCloses));
        const double s = std::sqrt(0.5);
        QCOMPARE(values.value(2, 0), std::optional<double>());
        QCOMPARE(*values.value(3, 0), 11.0);
        QVERIFY(std::fabs(*values.value(3, 1) - (11 + 2 * s)) < 1e-12);
        QVERIFY(std::fabs(*values.value(3, 2) - (11 - 2 * s)) < 1e-12);
        // 13, 14, 13, 15: mean 13.75, σ = sqrt(2.75/4)
        QVERIFY(std::fabs(*values.value(9, 1) - (13.75 + 2 * std::sqrt(2.75 / 4))) < 1e-12);
    }

    void atrIsWildersOfTheTrueRange()
    {
        QList<DailyBar> input = bars({10, 11, 12, 11});
        // high/low: 11/9, 12/10, 12.5/11.5, 12/10.5; true ranges 2, 2 (12−10), 1 (12.5−11.5 vs |12.5−11|=1.5)
        // …
        input[0].high = 11;
        input[0].low = 9;
        input[1].high = 12;
        input[1].low = 10;
        input[2].high = 12.5;
        input[2].low = 11.5;
        input[3].high = 12;
        input[3].low = 10.5;
        // TR: 2; max(2, |12−10|, |10−10|) = 2; max(1, 1.5, 0.5) = 1.5; max(1.5, 0, 1.5) = 1.5.
        // atr:2 → (2+2)/2 = 2 at the 2nd; (2·1 + 1.5)/2 = 1.75; (1.75 + 1.5)/2 = 1.625.
        compareColumns(compute(QStringLiteral("atr:2"), input).columns.value(0), {none, 2.0, 1.75, 1.625});
    }

    void atrIsTheOneTheAtrStrategyUses()
    {
        // The atr:N stop keeps Wilder's ATR in its state; after each committed day it equals the indicator.
        const auto strategy = StopStrategy::parse(QStringLiteral("atr:3,2")).value();
        QList<DailyBar> input;
        StockState state = StopLossEngine::initialState(QStringLiteral("XYZ"), strategy, std::nullopt,
                                                        test::toronto(2024, 4, 30, 12));
        const QList<double> closes = {20, 21, 19.5, 22, 23, 21.5, 24};
        for (qsizetype i = 0; i < closes.size(); ++i) {
            const QDate day = QDate(2024, 5, 1).addDays(i);
            const double high = closes[i] + 0.5 + i * 0.1;
            const double low = closes[i] - 0.7;
            input.append(DailyBar{day, closes[i], high, low});
            const QDateTime time = test::toronto(day.year(), day.month(), day.day(), 12);
            state =
                StopLossEngine::apply(state, Quote{QStringLiteral("XYZ"), closes[i], time, high, low}, time)
                    .state;
        }
        // The engine commits a day when the next one starts: its ATR covers all days but the last.
        const IndicatorValues atr = compute(QStringLiteral("atr:3"), input);
        QVERIFY(state.strategyState.atr.has_value());
        QCOMPARE(*state.strategyState.atr, *atr.value(closes.size() - 2));
    }

    void undefinedUntilEnoughInputs()
    {
        const QList<DailyBar> two = bars({1, 2});
        for (const QString &spec : {QStringLiteral("sma:3"), QStringLiteral("ema:3"), QStringLiteral("rsi:2"),
                                    QStringLiteral("bb:3,2"), QStringLiteral("atr:3")}) {
            const IndicatorValues values = compute(spec, two);
            QCOMPARE(values.columns.value(0), Column({none, none}));
        }
        QCOMPARE(compute(QStringLiteral("sma:3"), {}).columns.value(0), Column());
    }

    void parsesCanonicalSpecs_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("sma") << QStringLiteral(" SMA: 50 ") << QStringLiteral("sma:50");
        QTest::newRow("ema") << QStringLiteral("ema:20") << QStringLiteral("ema:20");
        QTest::newRow("rsi") << QStringLiteral("rsi:14") << QStringLiteral("rsi:14");
        QTest::newRow("macd") << QStringLiteral("macd:12, 26, 9") << QStringLiteral("macd:12,26,9");
        QTest::newRow("bb") << QStringLiteral("bb:20,2.5") << QStringLiteral("bb:20,2.5");
        QTest::newRow("atr") << QStringLiteral("atr:14") << QStringLiteral("atr:14");
    }
    void parsesCanonicalSpecs()
    {
        QFETCH(QString, input);
        QFETCH(QString, canonical);
        const auto parsed = IndicatorSpec::parse(input);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed.value().spec(), canonical);
        QCOMPARE(IndicatorSpec::parse(canonical).value(), parsed.value());
    }

    void refusesBadParameters_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("zero period") << QStringLiteral("sma:0") << QStringLiteral("whole number");
        QTest::newRow("fraction") << QStringLiteral("ema:2.5") << QStringLiteral("whole number");
        QTest::newRow("fast not shorter") << QStringLiteral("macd:26,12,9") << QStringLiteral("shorter");
        QTest::newRow("equal periods") << QStringLiteral("macd:12,12,9") << QStringLiteral("shorter");
        QTest::newRow("zero width") << QStringLiteral("bb:20,0") << QStringLiteral("greater than 0");
        QTest::newRow("negative width") << QStringLiteral("bb:20,-1") << QStringLiteral("greater than 0");
        QTest::newRow("missing parameter") << QStringLiteral("bb:20") << QStringLiteral("parameter");
        QTest::newRow("unknown") << QStringLiteral("vwap:3") << QStringLiteral("not an indicator");
        QTest::newRow("empty") << QString() << QStringLiteral("No indicator");
    }
    void refusesBadParameters()
    {
        QFETCH(QString, input);
        QFETCH(QString, mentions);
        const auto parsed = IndicatorSpec::parse(input);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InvalidIndicator);
        QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
    }

    void longSeriesStaysExact()
    {
        // 5,000 closes of a seeded walk: the rolling SMA equals a fresh mean of its window at every row.
        QList<double> closes;
        double price = 100;
        quint32 seed = 12345;
        for (int i = 0; i < 5000; ++i) {
            seed = seed * 1664525u + 1013904223u;
            price *= 1.0 + (double(seed % 2001) - 1000.0) / 50000.0;
            closes.append(price);
        }
        const IndicatorValues values = compute(QStringLiteral("sma:50"), bars(closes));
        for (qsizetype i = 49; i < closes.size(); i += 97) {
            double sum = 0;
            for (qsizetype j = i - 49; j <= i; ++j)
                sum += closes[j];
            QVERIFY(std::fabs(*values.value(i) - sum / 50) <= 1e-9 * sum / 50);
        }
        QVERIFY(!values.value(48).has_value());
    }
};

QTEST_GUILESS_MAIN(TestIndicators)
#include "tst_indicators.moc"
