// IndicatorOverlayBuilder and RuleMarks: daily bars and chosen indicators or rules as plot points, without
// widgets. The values are hand-computed on short series and must equal Indicators::compute's.
#include "charts/IndicatorOverlayBuilder.h"
#include "charts/RuleMarks.h"
#include "domain/AlertRule.h"
#include "domain/MarketCalendar.h"

#include <QTest>

#include <cmath>

using namespace trailguard;
using namespace trailguard::ui;

namespace {
const QDate kFirstDay(2025, 1, 6); // a Monday

// One bar a day from kFirstDay (weekends included: the builder does not care which days they are).
QList<DailyBar> bars(const QList<double> &closes)
{
    QList<DailyBar> result;
    for (qsizetype i = 0; i < closes.size(); ++i)
        result.append(DailyBar{kFirstDay.addDays(i), closes.at(i), std::nullopt, std::nullopt});
    return result;
}

IndicatorSpec spec(const char *text)
{
    return IndicatorSpec::parse(QLatin1String(text)).value();
}

double x(qsizetype day)
{
    return IndicatorOverlayBuilder::dayX(kFirstDay.addDays(day));
}
} // namespace

class IndicatorOverlayBuilderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dayIsTheCloseInNewYork()
    {
        // 16:00 New York in January (EST, UTC−5) is 21:00 UTC; in July (EDT, UTC−4) 20:00 UTC.
        QCOMPARE(IndicatorOverlayBuilder::dayX(QDate(2025, 1, 6)),
                 double(QDateTime(QDate(2025, 1, 6), QTime(21, 0), Qt::UTC).toMSecsSinceEpoch()));
        QCOMPARE(IndicatorOverlayBuilder::dayX(QDate(2025, 7, 7)),
                 double(QDateTime(QDate(2025, 7, 7), QTime(20, 0), Qt::UTC).toMSecsSinceEpoch()));
    }

    void smaStartsAtItsNthDayWithoutZeros()
    {
        const QList<OverlayLine> lines =
            IndicatorOverlayBuilder::build(bars({1, 2, 3, 4, 5, 6}), {spec("sma:3")});
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).place, OverlayPlace::Price);
        QCOMPARE(lines.at(0).name(), QStringLiteral("sma:3"));
        // Undefined on the first two days: no point there (a gap, never 0).
        QCOMPARE(lines.at(0).points, (QList<QPointF>{{x(2), 2.0}, {x(3), 3.0}, {x(4), 4.0}, {x(5), 5.0}}));
    }

    void bollingerHasThreeLinesOnThePrice()
    {
        const QList<OverlayLine> lines = IndicatorOverlayBuilder::build(bars({1, 2, 3}), {spec("bb:3,1")});
        QCOMPARE(lines.size(), 3);
        QStringList names;
        for (const OverlayLine &line : lines) {
            names << line.name();
            QCOMPARE(line.place, OverlayPlace::Price);
            QCOMPARE(line.points.size(), 1);
            QCOMPARE(line.points.at(0).x(), x(2));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("bb:3,1 middle"), QStringLiteral("bb:3,1 upper"),
                                     QStringLiteral("bb:3,1 lower")}));
        // Mean 2, population σ = √(2/3).
        const double sigma = std::sqrt(2.0 / 3.0);
        QCOMPARE(lines.at(0).points.at(0).y(), 2.0);
        QVERIFY(std::abs(lines.at(1).points.at(0).y() - (2 + sigma)) < 1e-12);
        QVERIFY(std::abs(lines.at(2).points.at(0).y() - (2 - sigma)) < 1e-12);
    }

    void rsiGoesToItsPaneFromDayNPlusOne()
    {
        // Changes +1, −1, +1: first averages at the 3rd close (gain 0.5, loss 0.5 → 50), then Wilder's
        // (gain (0.5 + 1)/2 = 0.75, loss 0.25 → RS 3 → 75).
        const QList<OverlayLine> lines = IndicatorOverlayBuilder::build(bars({1, 2, 1, 2}), {spec("rsi:2")});
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.at(0).place, OverlayPlace::Rsi);
        QCOMPARE(lines.at(0).points, (QList<QPointF>{{x(2), 50.0}, {x(3), 75.0}}));
    }

    void macdHasItsThreeComponentsAsComputed()
    {
        QList<double> closes;
        for (int i = 0; i < 60; ++i)
            closes << 100 + 10 * std::sin(i / 5.0) + i * 0.3;
        const QList<DailyBar> input = bars(closes);
        const IndicatorSpec macd = spec("macd:12,26,9");
        const QList<OverlayLine> lines = IndicatorOverlayBuilder::build(input, {macd, spec("ema:5")});
        QCOMPARE(lines.size(), 4);
        const IndicatorValues expected = Indicators::compute(macd, input);
        for (qsizetype c = 0; c < 3; ++c) {
            const OverlayLine &line = lines.at(c);
            QCOMPARE(line.place, OverlayPlace::Macd);
            QCOMPARE(line.component, macd.components().at(c));
            QList<QPointF> defined;
            for (qsizetype row = 0; row < input.size(); ++row) {
                if (const std::optional<double> value = expected.value(row, c))
                    defined.append(QPointF(x(row), *value));
            }
            QCOMPARE(line.points, defined);
        }
        // The macd line starts at the 26th close, the signal and histogram 8 days later.
        QCOMPARE(lines.at(0).points.constFirst().x(), x(25));
        QCOMPARE(lines.at(1).points.constFirst().x(), x(33));
        QCOMPARE(lines.at(3).place, OverlayPlace::Price);
        QCOMPARE(lines.at(3).points.size(), 56);
    }

    void noBarsNoPoints()
    {
        const QList<OverlayLine> lines = IndicatorOverlayBuilder::build({}, {spec("sma:2"), spec("rsi:14")});
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).points.isEmpty());
        QVERIFY(lines.at(1).points.isEmpty());
    }

    void ruleMarksOnTheDaysRulesFired()
    {
        const QList<DailyBar> input = bars({1, 2, 3, 4, 2, 5});
        const QString ticker = QStringLiteral("SHOP.TO");
        // target:3 holds from day 2 (not on day 1): fires on days 2 and 5; target:2.5 too. One mark a day
        // with both messages; a spec that no longer parses is skipped.
        const QList<RuleMark> marks = RuleMarks::build(
            ticker, input,
            {QStringLiteral("target:3"), QStringLiteral("target:2.5"), QStringLiteral("nonsense")});
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks.at(0).point, QPointF(x(2), 3.0));
        QCOMPARE(marks.at(1).point, QPointF(x(5), 5.0));
        const AlertRule three = AlertRule::parse(QStringLiteral("target:3")).value();
        const AlertRule twoAndHalf = AlertRule::parse(QStringLiteral("target:2.5")).value();
        const QList<RuleFiring> firings = AlertRules::firings(three, input);
        QCOMPARE(firings.size(), 2);
        QCOMPARE(marks.at(0).text,
                 AlertRules::message(three, ticker, firings.at(0)) + QLatin1Char('\n') +
                     AlertRules::message(twoAndHalf, ticker, AlertRules::firings(twoAndHalf, input).at(0)));
        QVERIFY(marks.at(0).text.contains(ticker));
        QVERIFY(RuleMarks::build(ticker, input, {}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(IndicatorOverlayBuilderTest)
#include "tst_indicatoroverlaybuilder.moc"
