// `trailguard indicators`, run as a user runs it: the real executable in a QProcess on small CSV files,
// its values checked against Indicators::compute on the same market days (and a few by hand).

#include "domain/DailyBar.h"
#include "domain/Indicator.h"

#include "CliFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace trailguard;

namespace {
using Run = test::CliRun;
using test::describe;

#define VERIFY_EXIT(run, code) QVERIFY2((run).exitCode == (code), describe(run).constData())

QJsonArray seriesOf(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("series")).toArray();
}

// A wavy series with cents, deterministic: enough days for every indicator to get defined.
QList<DailyBar> wavyCloses(int days)
{
    QList<DailyBar> bars;
    for (int i = 0; i < days; ++i) {
        const double close = std::round((100 + 10 * std::sin(i * 0.7) + i * 0.3) * 100) / 100;
        bars += DailyBar{QDate(2024, 1, 1).addDays(i), close, close, close};
    }
    return bars;
}

QByteArray dateCloseCsv(const QList<DailyBar> &bars)
{
    QByteArray csv = "date,close\n";
    for (const DailyBar &bar : bars)
        csv += bar.date.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(bar.close, 'f', 2) + '\n';
    return csv;
}

// Null where compute() is empty, else exactly its double.
bool sameValue(const QJsonValue &json, std::optional<double> expected)
{
    return expected ? json.isDouble() && json.toDouble() == *expected : json.isNull();
}

// Every row of a JSON series against compute() over `bars`: the keys, and each value or component.
void compareSeries(const QJsonObject &series, const QList<DailyBar> &bars, const QList<IndicatorSpec> &specs)
{
    const QJsonArray rows = series.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), bars.size());
    QStringList keys{QStringLiteral("close"), QStringLiteral("date")};
    QList<IndicatorValues> expected;
    for (const IndicatorSpec &spec : specs) {
        keys += spec.spec();
        expected += Indicators::compute(spec, bars);
    }
    keys.sort();
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const QJsonObject object = rows.at(row).toObject();
        QCOMPARE(object.keys(), keys);
        QCOMPARE(object.value(QStringLiteral("date")).toString(), bars.at(row).date.toString(Qt::ISODate));
        QCOMPARE(object.value(QStringLiteral("close")).toDouble(), bars.at(row).close);
        for (const IndicatorValues &values : expected) {
            const QJsonValue value = object.value(values.spec.spec());
            const QStringList components = values.spec.components();
            if (components.isEmpty()) {
                QVERIFY2(sameValue(value, values.value(row)),
                         qPrintable(QStringLiteral("%1 on row %2").arg(values.spec.spec()).arg(row)));
                continue;
            }
            QVERIFY(value.isObject());
            QCOMPARE(value.toObject().keys().size(), components.size());
            for (qsizetype c = 0; c < components.size(); ++c) {
                QVERIFY2(sameValue(value.toObject().value(components.at(c)), values.value(row, c)),
                         qPrintable(QStringLiteral("%1 %2 on row %3")
                                        .arg(values.spec.spec(), components.at(c))
                                        .arg(row)));
            }
        }
    }
}

IndicatorSpec spec(const QString &text)
{
    return IndicatorSpec::parse(text).value();
}
} // namespace

class IndicatorsCommandTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void jsonEqualsComputeWithNullPrefix();
    void severalRowsOfADayMakeOneBar();
    void symbolColumnMakesOneSeriesPerSymbol();
    void readableTable();
    void badSpecs_data();
    void badSpecs();
    void usageAndFileErrors();

private:
    QString write(const QString &name, const QByteArray &content) const;
    Run trailguard(const QStringList &arguments) const;
    Run indicators(const QString &file, const QStringList &more) const
    {
        return trailguard(QStringList{QStringLiteral("indicators"), QStringLiteral("--csv"), file} + more);
    }

    std::unique_ptr<test::CliFixture> m_cli;
};

void IndicatorsCommandTest::init()
{
    m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
    QVERIFY(m_cli->isValid());
}

QString IndicatorsCommandTest::write(const QString &name, const QByteArray &content) const
{
    return m_cli->writeFile(name, content);
}

// Blocking is fine here: no server lives in this process.
Run IndicatorsCommandTest::trailguard(const QStringList &arguments) const
{
    return m_cli->run(arguments);
}

void IndicatorsCommandTest::jsonEqualsComputeWithNullPrefix()
{
    const QList<DailyBar> bars = wavyCloses(40);
    // Spelled loosely on purpose: the keys are the canonical specs. A repeated indicator counts once.
    const Run run =
        indicators(write(QStringLiteral("wave.csv"), dateCloseCsv(bars)),
                   {QStringLiteral("--json"), QStringLiteral("--indicator"), QStringLiteral("SMA: 5"),
                    QStringLiteral("--indicator"), QStringLiteral("ema:5"), QStringLiteral("--indicator"),
                    QStringLiteral("rsi:14"), QStringLiteral("--indicator"), QStringLiteral("macd:3,6,4"),
                    QStringLiteral("--indicator"), QStringLiteral("bb:5,2"), QStringLiteral("--indicator"),
                    QStringLiteral("atr:3"), QStringLiteral("--indicator"), QStringLiteral("sma:5")});
    VERIFY_EXIT(run, 0);
    QVERIFY(run.err.isEmpty());
    QVERIFY(run.out.startsWith(
        QStringLiteral("{\"series\":[{\"ticker\":\"WAVE\",\"rows\":[{\"date\":\"2024-01-01\",\"close\":100,"
                       "\"sma:5\":null,\"ema:5\":null,\"rsi:14\":null,"
                       "\"macd:3,6,4\":{\"macd\":null,\"signal\":null,\"histogram\":null},"
                       "\"bb:5,2\":{\"middle\":null,\"upper\":null,\"lower\":null},\"atr:3\":null},")));
    QVERIFY(run.out.endsWith(QStringLiteral("]}]}\n")));
    const QJsonArray series = seriesOf(run);
    QCOMPARE(series.size(), 1);
    compareSeries(series.at(0).toObject(), bars,
                  {spec(QStringLiteral("sma:5")), spec(QStringLiteral("ema:5")),
                   spec(QStringLiteral("rsi:14")), spec(QStringLiteral("macd:3,6,4")),
                   spec(QStringLiteral("bb:5,2")), spec(QStringLiteral("atr:3"))});

    // The undefined prefix, by hand: sma:5 from the 5th day, macd from the 6th, its signal from the 9th.
    const QJsonArray rows = series.at(0).toObject().value(QStringLiteral("rows")).toArray();
    QVERIFY(rows.at(3).toObject().value(QStringLiteral("sma:5")).isNull());
    double firstFive = 0;
    for (int i = 0; i < 5; ++i)
        firstFive += bars.at(i).close;
    QVERIFY(qFuzzyCompare(rows.at(4).toObject().value(QStringLiteral("sma:5")).toDouble(), firstFive / 5));
    const auto macd = [&](int row, const char *component) {
        return rows.at(row)
            .toObject()
            .value(QStringLiteral("macd:3,6,4"))
            .toObject()
            .value(QLatin1String(component));
    };
    QVERIFY(macd(4, "macd").isNull());
    QVERIFY(macd(5, "macd").isDouble());
    QVERIFY(macd(7, "signal").isNull());
    QVERIFY(macd(8, "signal").isDouble());
    QVERIFY(rows.at(14).toObject().value(QStringLiteral("rsi:14")).isDouble());
}

void IndicatorsCommandTest::severalRowsOfADayMakeOneBar()
{
    // Two candles on the 2nd and the 4th: the day's close is its last row's, its high and low the extremes.
    const QByteArray content = "date,open,high,low,close\n"
                               "2024-01-02,10,11,9,10.5\n"
                               "2024-01-02,10.5,12,10,11\n"
                               "2024-01-03,11,11.5,10.2,11.2\n"
                               "2024-01-04,11,13,10.8,12.5\n"
                               "2024-01-04,12.5,12.9,8.5,9\n";
    const Run run =
        indicators(write(QStringLiteral("abc.csv"), content),
                   {QStringLiteral("--indicator"), QStringLiteral("atr:2"), QStringLiteral("--indicator"),
                    QStringLiteral("sma:2"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    const QList<DailyBar> days{{QDate(2024, 1, 2), 11, 12, 9},
                               {QDate(2024, 1, 3), 11.2, 11.5, 10.2},
                               {QDate(2024, 1, 4), 9, 13, 8.5}};
    compareSeries(seriesOf(run).at(0).toObject(), days,
                  {spec(QStringLiteral("atr:2")), spec(QStringLiteral("sma:2"))});
    // By hand: true ranges 3, 1.3, 4.5 → ATR (3 + 1.3)/2 = 2.15, then (2.15 + 4.5)/2 = 3.325.
    const QJsonArray rows = seriesOf(run).at(0).toObject().value(QStringLiteral("rows")).toArray();
    QVERIFY(rows.at(0).toObject().value(QStringLiteral("atr:2")).isNull());
    QVERIFY(qFuzzyCompare(rows.at(1).toObject().value(QStringLiteral("atr:2")).toDouble(), 2.15));
    QVERIFY(qFuzzyCompare(rows.at(2).toObject().value(QStringLiteral("atr:2")).toDouble(), 3.325));
}

void IndicatorsCommandTest::symbolColumnMakesOneSeriesPerSymbol()
{
    const QByteArray content = "symbol,date,price\n"
                               "MSFT,2024-01-02,400\n"
                               "aapl,2024-01-02,100\n"
                               "AAPL,2024-01-03,89\n"
                               "MSFT,2024-01-03,390\n"
                               "MSFT,2024-01-04,359.5\n"
                               "AAPL,2024-01-04,95\n";
    const QString file = write(QStringLiteral("mixed.csv"), content);
    const Run run =
        indicators(file, {QStringLiteral("--indicator"), QStringLiteral("sma:2"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    const QJsonArray series = seriesOf(run);
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).toObject().value(QStringLiteral("ticker")).toString(), QStringLiteral("MSFT"));
    QCOMPARE(series.at(1).toObject().value(QStringLiteral("ticker")).toString(), QStringLiteral("AAPL"));
    const auto day = [](int d, double close) { return DailyBar{QDate(2024, 1, d), close, close, close}; };
    compareSeries(series.at(0).toObject(), {day(2, 400), day(3, 390), day(4, 359.5)},
                  {spec(QStringLiteral("sma:2"))});
    compareSeries(series.at(1).toObject(), {day(2, 100), day(3, 89), day(4, 95)},
                  {spec(QStringLiteral("sma:2"))});
    QCOMPARE(series.at(0)
                 .toObject()
                 .value(QStringLiteral("rows"))
                 .toArray()
                 .at(2)
                 .toObject()
                 .value(QStringLiteral("sma:2"))
                 .toDouble(),
             374.75);

    const Run one =
        indicators(file, {QStringLiteral("--indicator"), QStringLiteral("sma:2"), QStringLiteral("--json"),
                          QStringLiteral("--ticker"), QStringLiteral("aapl")});
    VERIFY_EXIT(one, 0);
    QCOMPARE(seriesOf(one).size(), 1);
    QCOMPARE(seriesOf(one).at(0).toObject().value(QStringLiteral("ticker")).toString(),
             QStringLiteral("AAPL"));

    const Run none = indicators(file, {QStringLiteral("--indicator"), QStringLiteral("sma:2"),
                                       QStringLiteral("--ticker"), QStringLiteral("SHOP.TO")});
    VERIFY_EXIT(none, 1);
    QVERIFY2(none.err.contains(QStringLiteral("no rows for SHOP.TO")), none.err.toUtf8().constData());
}

void IndicatorsCommandTest::readableTable()
{
    const Run run =
        indicators(write(QStringLiteral("x.csv"), "2024-01-02,10\n2024-01-03,11\n2024-01-04,12.5\n"),
                   {QStringLiteral("--indicator"), QStringLiteral("sma:2"), QStringLiteral("--indicator"),
                    QStringLiteral("bb:2,1"), QStringLiteral("--ticker"), QStringLiteral("shop.to")});
    VERIFY_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // ticker, header, three days
    QCOMPARE(lines.at(0), QStringLiteral("SHOP.TO"));
    QCOMPARE(lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("Date"), QStringLiteral("Close"), QStringLiteral("sma:2"),
                          QStringLiteral("bb:2,1"), QStringLiteral("middle"), QStringLiteral("bb:2,1"),
                          QStringLiteral("upper"), QStringLiteral("bb:2,1"), QStringLiteral("lower")}));
    // The first day has no 2-day average yet; the second: 10.50, σ 0.5 → 10.50, 11.00, 10.00.
    QCOMPARE(lines.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("2024-01-02"), QStringLiteral("10.00"), QStringLiteral("\u2014"),
                          QStringLiteral("\u2014"), QStringLiteral("\u2014"), QStringLiteral("\u2014")}));
    QCOMPARE(lines.at(3).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("2024-01-03"), QStringLiteral("11.00"), QStringLiteral("10.50"),
                          QStringLiteral("10.50"), QStringLiteral("11.00"), QStringLiteral("10.00")}));
}

void IndicatorsCommandTest::badSpecs_data()
{
    QTest::addColumn<QString>("spec");
    for (const char *bad : {"sma:0", "ema:2.5", "macd:26,12,9", "bb:20,0", "rsi", "wma:5"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
}

void IndicatorsCommandTest::badSpecs()
{
    QFETCH(QString, spec);
    const auto parsed = IndicatorSpec::parse(spec);
    QVERIFY(!parsed);
    const Run run = indicators(write(QStringLiteral("x.csv"), "2024-01-02,10\n"),
                               {QStringLiteral("--indicator"), QStringLiteral("sma:2"),
                                QStringLiteral("--indicator"), spec, QStringLiteral("--json")});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(parsed.error().message), run.err.toUtf8().constData());
    QVERIFY(run.out.isEmpty());
}

void IndicatorsCommandTest::usageAndFileErrors()
{
    const QString file = write(QStringLiteral("x.csv"), "2024-01-02,10\n");
    const Run noIndicator = indicators(file, {QStringLiteral("--json")});
    VERIFY_EXIT(noIndicator, 2);
    QVERIFY(noIndicator.err.contains(QStringLiteral("--indicator")));

    const Run noFile =
        trailguard({QStringLiteral("indicators"), QStringLiteral("--indicator"), QStringLiteral("sma:2")});
    VERIFY_EXIT(noFile, 2);

    const Run missing = indicators(m_cli->filePath(QStringLiteral("missing.csv")),
                                   {QStringLiteral("--indicator"), QStringLiteral("sma:2")});
    VERIFY_EXIT(missing, 1);

    const Run badRow = indicators(write(QStringLiteral("bad.csv"), "2024-01-02,10\n2024-01-03,abc\n"),
                                  {QStringLiteral("--indicator"), QStringLiteral("sma:2")});
    VERIFY_EXIT(badRow, 1);
    QVERIFY2(badRow.err.contains(QStringLiteral("line 2")), badRow.err.toUtf8().constData());

    const Run help = trailguard({QStringLiteral("indicators"), QStringLiteral("--help")});
    VERIFY_EXIT(help, 0);
    QVERIFY(help.out.contains(QStringLiteral("--indicator SPEC")));
    const Run top = trailguard({QStringLiteral("--help")});
    VERIFY_EXIT(top, 0);
    QVERIFY(top.out.contains(QStringLiteral("indicators --csv FILE")));
}

QTEST_GUILESS_MAIN(IndicatorsCommandTest)
#include "tst_indicatorscommand.moc"
