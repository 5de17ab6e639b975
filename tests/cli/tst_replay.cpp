// `trailguard replay`, run as a user runs it: the real executable in a QProcess on small CSV files, with
// alerts computed by hand.

#include "domain/AlertRule.h"

#include "CliFixture.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace trailguard;

namespace {
using Run = test::CliRun;
using test::describe;

#define VERIFY_EXIT(run, code) QVERIFY2((run).exitCode == (code), describe(run).constData())

// "AAPL 2024-01-04 98.9 110 99" per alert, from the JSON output.
QStringList alertLines(const Run &run)
{
    QStringList lines;
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    for (const QJsonValue &value : root.value(QStringLiteral("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        lines += QStringLiteral("%1 %2 %3 %4 %5")
                     .arg(alert.value(QStringLiteral("ticker")).toString(),
                          alert.value(QStringLiteral("date")).toString())
                     .arg(alert.value(QStringLiteral("price")).toDouble())
                     .arg(alert.value(QStringLiteral("peak")).toDouble())
                     .arg(alert.value(QStringLiteral("stop")).toDouble());
    }
    return lines;
}

// "2024-01-04 stop" or "2024-01-04 rsi-below:1,50" per alert, from the JSON output.
QStringList kindLines(const Run &run)
{
    QStringList lines;
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    for (const QJsonValue &value : root.value(QStringLiteral("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        lines += alert.value(QStringLiteral("date")).toString() + QLatin1Char(' ') +
                 alert.value(QStringLiteral("kind")).toString();
    }
    return lines;
}

QJsonObject firstSeries(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8())
        .object()
        .value(QStringLiteral("summary"))
        .toObject()
        .value(QStringLiteral("series"))
        .toArray()
        .at(0)
        .toObject();
}
} // namespace

class ReplayCliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void dateCloseUsesTheFileStem();
    void jsonIsExactlyTheDocumentedShape();
    void tickerOption();
    void symbolColumnMakesOneSeriesPerSymbol();
    void yahooCandlesWithAtr();
    void atrNeedsHighsAndLows();
    void strategies_data();
    void strategies();
    void entrySeedsThePeak();
    void repeatOncePerBreach();
    void toleratesQuotesCrlfBomAndWordDates();
    void newestFirstFileIsReplayedInDateOrder();
    void malformedRows_data();
    void malformedRows();
    void usageErrors_data();
    void usageErrors();
    void readableTable();
    void watchAddWithStrategy();
    void rulesOnlyWithoutStrategy();
    void stopAndRulesInOrderOnTheSameDay();
    void ruleFiringsAreAlertRulesFirings();
    void ruleSummariesAndTable();

private:
    QString write(const QString &name, const QByteArray &content) const;
    Run trailguard(const QStringList &arguments) const;
    Run replay(const QString &file, const QStringList &more = {}) const
    {
        return trailguard(QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file} + more);
    }

    std::unique_ptr<test::CliFixture> m_cli;
};

void ReplayCliTest::init()
{
    m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
    QVERIFY(m_cli->isValid());
}

QString ReplayCliTest::write(const QString &name, const QByteArray &content) const
{
    return m_cli->writeFile(name, content);
}

Run ReplayCliTest::trailguard(const QStringList &arguments) const
{
    return m_cli->run(arguments);
}

// trailguard:0.9 — peak 100 → 110 (stop 99); 99 is no breach (equal), 98.9 and 98 alert on their days.
const QByteArray kDateClose =
    "2024-01-02,100\n2024-01-03,110\n2024-01-04,99\n2024-01-05,98.9\n2024-01-08,98\n"
    "2024-01-09,120\n";

void ReplayCliTest::dateCloseUsesTheFileStem()
{
    const Run run = replay(write(QStringLiteral("aapl.csv"), kDateClose), {QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("AAPL 2024-01-05 98.9 110 99"),
                                           QStringLiteral("AAPL 2024-01-08 98 110 99")}));
    const QJsonObject series = firstSeries(run);
    QCOMPARE(series.value(QStringLiteral("ticker")).toString(), QStringLiteral("AAPL"));
    QCOMPARE(series.value(QStringLiteral("rows")).toInt(), 6);
    QCOMPARE(series.value(QStringLiteral("alertCount")).toInt(), 2);
    QCOMPARE(series.value(QStringLiteral("firstBreach")).toObject().value(QStringLiteral("date")).toString(),
             QStringLiteral("2024-01-05"));
    QCOMPARE(series.value(QStringLiteral("finalPeak")).toDouble(), 120.0);
    QCOMPARE(series.value(QStringLiteral("finalStop")).toDouble(), 108.0);
    QCOMPARE(series.value(QStringLiteral("exitReturn")).toDouble(), -0.011); // 98.9 / 100 − 1
    QCOMPARE(series.value(QStringLiteral("holdReturn")).toDouble(), 0.2);
}

void ReplayCliTest::jsonIsExactlyTheDocumentedShape()
{
    const Run run = replay(write(QStringLiteral("x.csv"), "2024-01-02,110\n2024-01-03,98.9\n"),
                           {QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral(
                 "{\"alerts\":[{\"ticker\":\"X\",\"date\":\"2024-01-03\",\"kind\":\"stop\",\"price\":98.9,"
                 "\"peak\":110,\"stop\":99}],\"summary\":{")),
             run.out.toUtf8().constData());
    QVERIFY(run.out.endsWith(QStringLiteral("}}\n")));
    QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).isObject());
    QVERIFY(run.err.isEmpty());
}

void ReplayCliTest::tickerOption()
{
    const Run run = replay(write(QStringLiteral("prices.csv"), kDateClose),
                           {QStringLiteral("--ticker"), QStringLiteral("shop.to"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run).value(0), QStringLiteral("SHOP.TO 2024-01-05 98.9 110 99"));
}

void ReplayCliTest::symbolColumnMakesOneSeriesPerSymbol()
{
    // MSFT first in the file; alerts come out in date order across symbols.
    const QByteArray content = "symbol,date,price\n"
                               "MSFT,2024-01-02,400\n"
                               "aapl,2024-01-02,100\n"
                               "AAPL,2024-01-03,89\n"
                               "MSFT,2024-01-03,390\n"
                               "MSFT,2024-01-04,359\n"
                               "AAPL,2024-01-04,95\n";
    const Run run = replay(write(QStringLiteral("mixed.csv"), content), {QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("AAPL 2024-01-03 89 100 90"),
                                           QStringLiteral("MSFT 2024-01-04 359 400 360")}));
    const QJsonArray series = QJsonDocument::fromJson(run.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("summary"))
                                  .toObject()
                                  .value(QStringLiteral("series"))
                                  .toArray();
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).toObject().value(QStringLiteral("ticker")).toString(), QStringLiteral("MSFT"));
    QCOMPARE(series.at(1).toObject().value(QStringLiteral("rows")).toInt(), 3);

    // Without a header too, and --ticker picks one symbol.
    const Run one = replay(write(QStringLiteral("mixed2.csv"), content.mid(content.indexOf('\n') + 1)),
                           {QStringLiteral("--json"), QStringLiteral("--ticker"), QStringLiteral("MSFT")});
    VERIFY_EXIT(one, 0);
    QCOMPARE(alertLines(one), (QStringList{QStringLiteral("MSFT 2024-01-04 359 400 360")}));
}

void ReplayCliTest::yahooCandlesWithAtr()
{
    // atr:2,1: TR 1, 1 → ATR 1, stop 10.5 − 1 = 9.5; then H 14 (a new high) and a close of 11 on one day:
    // TR 4, ATR 2.5, stop 14 − 2.5 = 11.5 → alert; then TR 0.6, ATR 1.55, stop 12.45 → alert.
    const QByteArray content = "Date,Open,High,Low,Close,Adj Close,Volume\r\n"
                               "2024-01-02,9.8,10,9,9.5,9.1,1000\r\n"
                               "2024-01-03,9.7,10.5,9.6,10,9.6,1000\r\n"
                               "2024-01-04,12,14,10.9,11,10.5,1000\r\n"
                               "2024-01-05,11,11.6,11,11.2,10.8,1000\r\n";
    const Run run =
        replay(write(QStringLiteral("abc.csv"), content),
               {QStringLiteral("--strategy"), QStringLiteral("atr:2,1"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("ABC 2024-01-04 11 11 11.5"),
                                           QStringLiteral("ABC 2024-01-05 11.2 11.2 12.45")}));
    QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8())
                 .object()
                 .value(QStringLiteral("summary"))
                 .toObject()
                 .value(QStringLiteral("strategy"))
                 .toString(),
             QStringLiteral("atr:2,1"));

    // Headerless candles work the same.
    const QByteArray unix = QByteArray(content).replace("\r\n", "\n");
    const QByteArray headerless = unix.mid(unix.indexOf('\n') + 1);
    const Run again = replay(write(QStringLiteral("abc2.csv"), headerless),
                             {QStringLiteral("--strategy"), QStringLiteral("atr:2,1"),
                              QStringLiteral("--json"), QStringLiteral("--ticker"), QStringLiteral("ABC")});
    VERIFY_EXIT(again, 0);
    QCOMPARE(alertLines(again), alertLines(run));
}

void ReplayCliTest::atrNeedsHighsAndLows()
{
    const Run run = replay(write(QStringLiteral("closes.csv"), kDateClose),
                           {QStringLiteral("--strategy"), QStringLiteral("atr:14,3")});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("needs daily highs and lows")), run.err.toUtf8().constData());
    QVERIFY(run.out.isEmpty());
}

void ReplayCliTest::strategies_data()
{
    QTest::addColumn<QString>("strategy");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QStringList>("alerts");
    // kDateClose: 100, 110, 99, 98.9, 98, 120
    QTest::newRow("trailing:0.95") << "trailing:0.95"
                                   << ""
                                   << QStringList{QStringLiteral("T 2024-01-04 99 110 104.5"),
                                                  QStringLiteral("T 2024-01-05 98.9 110 104.5"),
                                                  QStringLiteral("T 2024-01-08 98 110 104.5")};
    QTest::newRow("fixed:99") << "fixed:99"
                              << ""
                              << QStringList{QStringLiteral("T 2024-01-05 98.9 110 99"),
                                             QStringLiteral("T 2024-01-08 98 110 99")};
    QTest::newRow("fixed-pct:0.99, first price")
        << "fixed-pct:0.99"
        << ""
        << QStringList{QStringLiteral("T 2024-01-05 98.9 110 99"), QStringLiteral("T 2024-01-08 98 110 99")};
    QTest::newRow("fixed-pct:0.9, entry 110")
        << "fixed-pct:0.9"
        << "110"
        << QStringList{QStringLiteral("T 2024-01-05 98.9 110 99"), QStringLiteral("T 2024-01-08 98 110 99")};
    // Activation at 110 (≥ 100 × 1.1, that observation included): stop 110 × 0.95 = 104.5.
    QTest::newRow("activation:0.95,0.1") << "activation:0.95,0.1"
                                         << ""
                                         << QStringList{QStringLiteral("T 2024-01-04 99 110 104.5"),
                                                        QStringLiteral("T 2024-01-05 98.9 110 104.5"),
                                                        QStringLiteral("T 2024-01-08 98 110 104.5")};
    // Never activated (110 < 100 × 1.2): the stop stays at 95.
    QTest::newRow("activation:0.95,0.2") << "activation:0.95,0.2"
                                         << "" << QStringList{};
}

void ReplayCliTest::strategies()
{
    QFETCH(QString, strategy);
    QFETCH(QString, entry);
    QFETCH(QStringList, alerts);
    QStringList arguments{QStringLiteral("--strategy"), strategy, QStringLiteral("--json"),
                          QStringLiteral("--ticker"), QStringLiteral("T")};
    if (!entry.isEmpty())
        arguments += {QStringLiteral("--entry"), entry};
    const Run run = replay(write(QStringLiteral("t.csv"), kDateClose), arguments);
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), alerts);
}

void ReplayCliTest::entrySeedsThePeak()
{
    // Entry 120: stop 108 from the start, so 100 already alerts.
    const Run run = replay(write(QStringLiteral("e.csv"), "2024-01-02,110\n2024-01-03,100\n"),
                           {QStringLiteral("--entry"), QStringLiteral("120"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("E 2024-01-03 100 120 108")}));
    QCOMPARE(firstSeries(run).value(QStringLiteral("basis")).toDouble(), 120.0);
}

void ReplayCliTest::repeatOncePerBreach()
{
    // Below on the 4th and 5th, back at the stop on the 8th, below again on the 9th.
    const QByteArray content =
        "2024-01-02,100\n2024-01-03,89\n2024-01-04,88\n2024-01-05,90\n2024-01-08,89.5\n";
    const QString file = write(QStringLiteral("r.csv"), content);
    const Run daily = replay(file, {QStringLiteral("--json")});
    VERIFY_EXIT(daily, 0);
    QCOMPARE(alertLines(daily).size(), 3);
    const Run once = replay(
        file, {QStringLiteral("--json"), QStringLiteral("--repeat"), QStringLiteral("once-per-breach")});
    VERIFY_EXIT(once, 0);
    QCOMPARE(alertLines(once), (QStringList{QStringLiteral("R 2024-01-03 89 100 90"),
                                            QStringLiteral("R 2024-01-08 89.5 100 90")}));
}

void ReplayCliTest::toleratesQuotesCrlfBomAndWordDates()
{
    const QByteArray content = "\xEF\xBB\xBF\"Date\",\"Price\"\r\n\r\n\"Jan 2, 2024\",\"1,100.00\"\r\n"
                               "\"Jan 03 2024\",\"989.5\"\r\nJanuary 4 2024,1000\r\n\r\n\r\n";
    const Run run = replay(write(QStringLiteral("q.csv"), content), {QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("Q 2024-01-03 989.5 1100 990")}));
}

void ReplayCliTest::newestFirstFileIsReplayedInDateOrder()
{
    const Run run = replay(write(QStringLiteral("n.csv"), "date,close\n2024-01-03,89\n2024-01-02,100\n"),
                           {QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(alertLines(run), (QStringList{QStringLiteral("N 2024-01-03 89 100 90")}));
}

void ReplayCliTest::malformedRows_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("bad date")
        << QByteArray("date,close\n2024-01-02,100\n2024-05-32,10\n")
        << "line 3: \"2024-05-32,10\": the date is not valid; use YYYY-MM-DD or like Jan 1 2000";
    QTest::newRow("bad close") << QByteArray("2024-01-02,100\n\n2024-01-03,ten\n")
                               << "line 3: \"2024-01-03,ten\": the close \"ten\" is not a number";
    QTest::newRow("missing field") << QByteArray("2024-01-02,1,2,0.5,1\n2024-01-03,1,2,1\n")
                                   << "line 2: \"2024-01-03,1,2,1\": 4 fields where the file has 5";
    QTest::newRow("negative price")
        << QByteArray("symbol,date,price\nAAPL,2024-01-02,-1\n")
        << "line 2: \"AAPL,2024-01-02,-1\": the price -1 is not a price greater than 0";
    QTest::newRow("empty") << QByteArray("") << "the file has no price rows";
}

void ReplayCliTest::malformedRows()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const Run run = replay(write(QStringLiteral("bad.csv"), content), {QStringLiteral("--json")});
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.err.contains(message), run.err.toUtf8().constData());
    QVERIFY(run.out.isEmpty()); // nothing half-done
}

void ReplayCliTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString file = QStringLiteral("FILE");
    QTest::newRow("no --csv") << QStringList{QStringLiteral("replay")} << 2 << "Missing the price file";
    QTest::newRow("bad strategy") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                                 QStringLiteral("--strategy"), QStringLiteral("trailing:1.5")}
                                  << 2 << "the ratio R must be a number from 0.01 to less than 1";
    QTest::newRow("unknown strategy") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                                     QStringLiteral("--strategy"), QStringLiteral("moon:1")}
                                      << 2 << "is not a known strategy";
    QTest::newRow("atr N < 1") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                              QStringLiteral("--strategy"), QStringLiteral("atr:0,3")}
                               << 2 << "the period N";
    QTest::newRow("atr K <= 0") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                               QStringLiteral("--strategy"), QStringLiteral("atr:14,0")}
                                << 2 << "the multiplier K";
    QTest::newRow("fixed P <= 0") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                                 QStringLiteral("--strategy"), QStringLiteral("fixed:0")}
                                  << 2 << "the stop price P";
    QTest::newRow("bad entry") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                              QStringLiteral("--entry"), QStringLiteral("-3")}
                               << 2 << "is not a valid price";
    QTest::newRow("bad repeat") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                               QStringLiteral("--repeat"), QStringLiteral("weekly")}
                                << 2 << "--repeat takes";
    QTest::newRow("unknown rule") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                                 QStringLiteral("--rule"), QStringLiteral("moon:1")}
                                  << 2 << "\"moon:1\" is not an alert rule";
    QTest::newRow("rsi level >= 100")
        << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file, QStringLiteral("--rule"),
                       QStringLiteral("rsi-below:14,100")}
        << 2 << "the RSI level X must be a number between 0 and 100";
    QTest::newRow("macd F >= S")
        << QStringList{QStringLiteral("replay"),
                       QStringLiteral("--csv"),
                       file,
                       QStringLiteral("--strategy"),
                       QStringLiteral("trailing:0.9"),
                       QStringLiteral("--rule"),
                       QStringLiteral("target:120"),
                       QStringLiteral("--rule"),
                       QStringLiteral("macd-cross-above:26,12,9")}
        << 2 << AlertRule::parse(QStringLiteral("macd-cross-above:26,12,9")).error().message;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                                   QStringLiteral("--fast")}
                                    << 2 << "Unknown option 'fast'";
    QTest::newRow("positional") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"), file,
                                               QStringLiteral("extra")}
                                << 2 << "Unexpected argument \"extra\"";
    QTest::newRow("missing file") << QStringList{QStringLiteral("replay"), QStringLiteral("--csv"),
                                                 QStringLiteral("/nonexistent/prices.csv")}
                                  << 1 << "Cannot read /nonexistent/prices.csv";
}

void ReplayCliTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    arguments.replaceInStrings(QStringLiteral("FILE"), write(QStringLiteral("ok.csv"), kDateClose));
    const Run run = trailguard(arguments);
    VERIFY_EXIT(run, exitCode);
    QVERIFY2(run.err.contains(message), run.err.toUtf8().constData());
}

void ReplayCliTest::readableTable()
{
    const QString file = write(QStringLiteral("aapl.csv"), kDateClose);
    const Run run = replay(file);
    VERIFY_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("AAPL    2024-01-05  98.90  110.00  99.00")),
             run.out.toUtf8().constData());
    QVERIFY(run.out.contains(QStringLiteral("Strategy trailing:0.9")));
    QVERIFY(run.out.contains(QStringLiteral("-1.10%")));  // exit at the first breach
    QVERIFY(run.out.contains(QStringLiteral("+20.00%"))); // hold

    const Run quiet = replay(file, {QStringLiteral("--strategy"), QStringLiteral("fixed:50")});
    VERIFY_EXIT(quiet, 0);
    QVERIFY(quiet.out.contains(QStringLiteral("No alerts.")));

    const Run help = trailguard({QStringLiteral("replay"), QStringLiteral("--help")});
    VERIFY_EXIT(help, 0);
    QVERIFY(help.out.contains(QStringLiteral("--strategy SPEC")));
    const Run global = trailguard({QStringLiteral("--help")});
    QVERIFY(global.out.contains(QStringLiteral("replay --csv FILE")));
}

void ReplayCliTest::watchAddWithStrategy()
{
    const QString dataDir = m_cli->filePath(QStringLiteral("data"));
    const auto watch = [&](const QStringList &words) {
        return trailguard(QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("watch")} +
                          words);
    };
    const Run added = watch({QStringLiteral("add"), QStringLiteral("AAPL"), QStringLiteral("--strategy"),
                             QStringLiteral("atr:14,3")});
    VERIFY_EXIT(added, 0);
    QVERIFY(added.out.contains(QStringLiteral("atr:14,3")));
    const Run fixed = watch({QStringLiteral("add"), QStringLiteral("SHOP.TO"), QStringLiteral("--strategy"),
                             QStringLiteral("fixed:95.5")});
    VERIFY_EXIT(fixed, 0);
    VERIFY_EXIT(watch({QStringLiteral("add"), QStringLiteral("RY.TO")}), 0);

    const Run list = watch({QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(list, 0);
    QStringList strategies;
    QList<double> stops;
    for (const QJsonValue &stock : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
        strategies += stock.toObject().value(QStringLiteral("strategy")).toString();
        stops += stock.toObject().value(QStringLiteral("stop")).toDouble(-1);
    }
    QCOMPARE(strategies, (QStringList{QStringLiteral("atr:14,3"), QStringLiteral("trailing:0.9"),
                                      QStringLiteral("fixed:95.5")}));
    QCOMPARE(stops.at(2), 95.5);
    const Run table = watch({QStringLiteral("list")});
    QVERIFY(table.out.contains(QStringLiteral("fixed:95.5")));

    const Run bad = watch({QStringLiteral("add"), QStringLiteral("MSFT"), QStringLiteral("--strategy"),
                           QStringLiteral("atr:0,3")});
    VERIFY_EXIT(bad, 2);
    QVERIFY(bad.err.contains(QStringLiteral("the period N")));
    const Run both = watch({QStringLiteral("add"), QStringLiteral("MSFT"), QStringLiteral("--ratio"),
                            QStringLiteral("0.8"), QStringLiteral("--strategy"), QStringLiteral("fixed:1")});
    VERIFY_EXIT(both, 2);
}

// kDateClose: 100, 110, 99, 98.9, 98, 120. target:105 holds on the 3rd (110, the day before 100 did not)
// and again on the 9th (120 after 98): two firings; without --strategy no stop alerts.
void ReplayCliTest::rulesOnlyWithoutStrategy()
{
    const Run run =
        replay(write(QStringLiteral("aapl.csv"), kDateClose),
               {QStringLiteral("--rule"), QStringLiteral("target:105"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(kindLines(run),
             (QStringList{QStringLiteral("2024-01-03 target:105"), QStringLiteral("2024-01-09 target:105")}));
    const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const QJsonObject first = root.value(QStringLiteral("alerts")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("price")).toDouble(), 110.0);
    QCOMPARE(first.value(QStringLiteral("value")).toDouble(), 110.0);
    QCOMPARE(first.value(QStringLiteral("threshold")).toDouble(), 105.0);
    QCOMPARE(first.value(QStringLiteral("message")).toString(),
             QStringLiteral("AAPL reached its target: 110.00 \u2265 105.00"));
    QVERIFY(!first.contains(QStringLiteral("peak")));
    const QJsonObject summary = root.value(QStringLiteral("summary")).toObject();
    QVERIFY(summary.value(QStringLiteral("strategy")).isNull());
    QCOMPARE(summary.value(QStringLiteral("rules")).toArray(), QJsonArray{QStringLiteral("target:105")});
    QCOMPARE(summary.value(QStringLiteral("alertCount")).toInt(), 2);
    const QJsonObject series = firstSeries(run);
    QCOMPARE(series.value(QStringLiteral("alertCount")).toInt(), 0); // the stop's: none without one
    QVERIFY(series.value(QStringLiteral("finalStop")).isNull());
    QCOMPARE(series.value(QStringLiteral("holdReturn")).toDouble(), 0.2);

    // The same file with a strategy: the stop's breaches join in, each with its kind.
    const Run both =
        replay(write(QStringLiteral("aapl.csv"), kDateClose),
               {QStringLiteral("--rule"), QStringLiteral("target:105"), QStringLiteral("--strategy"),
                QStringLiteral("trailing:0.9"), QStringLiteral("--json")});
    VERIFY_EXIT(both, 0);
    QCOMPARE(kindLines(both),
             (QStringList{QStringLiteral("2024-01-03 target:105"), QStringLiteral("2024-01-05 stop"),
                          QStringLiteral("2024-01-08 stop"), QStringLiteral("2024-01-09 target:105")}));
}

// trailing:0.95 breaches on the 4th (99 < 104.5), the 5th and the 8th. On the 4th rsi:1 falls from 100 to
// 0 (below 50) and the close falls below sma:2 ((110 + 99) / 2 = 104.5): on that day the stop comes
// first, then the rules in the order given (the spec is written canonically).
void ReplayCliTest::stopAndRulesInOrderOnTheSameDay()
{
    const Run run =
        replay(write(QStringLiteral("t.csv"), kDateClose),
               {QStringLiteral("--strategy"), QStringLiteral("trailing:0.95"), QStringLiteral("--rule"),
                QStringLiteral("RSI-below: 1, 50"), QStringLiteral("--rule"),
                QStringLiteral("cross-below-sma:2"), QStringLiteral("--json")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(kindLines(run),
             (QStringList{QStringLiteral("2024-01-04 stop"), QStringLiteral("2024-01-04 rsi-below:1,50"),
                          QStringLiteral("2024-01-04 cross-below-sma:2"), QStringLiteral("2024-01-05 stop"),
                          QStringLiteral("2024-01-08 stop")}));
}

// Every kind of rule on a longer, wavy series: the CLI's firings are AlertRules::firings on the same days.
void ReplayCliTest::ruleFiringsAreAlertRulesFirings()
{
    QByteArray content;
    QList<DailyBar> bars;
    QDate date(2023, 1, 2);
    double close = 100;
    for (int i = 0; i < 160; ++i) {
        // A wave with a drift, rounded to cents as a price file holds it.
        close = std::round((close + 3.0 * std::sin(i / 5.0) + (i % 7 == 0 ? -2.5 : 0.4)) * 100.0) / 100.0;
        bars += DailyBar{date, close, close, close};
        content += date.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(close, 'g', 10) + '\n';
        date = date.addDays(date.dayOfWeek() == 5 ? 3 : 1);
    }
    const QStringList specs{QStringLiteral("cross-below-sma:10"),
                            QStringLiteral("cross-above-sma:10"),
                            QStringLiteral("rsi-below:14,45"),
                            QStringLiteral("rsi-above:14,55"),
                            QStringLiteral("macd-cross-below:5,12,4"),
                            QStringLiteral("macd-cross-above:5,12,4"),
                            QStringLiteral("bb-below:20,1.5"),
                            QStringLiteral("bb-above:20,1.5"),
                            QStringLiteral("target:130")};
    QStringList arguments{QStringLiteral("--json")};
    for (const QString &spec : specs)
        arguments += {QStringLiteral("--rule"), spec};
    const Run run = replay(write(QStringLiteral("wave.csv"), content), arguments);
    VERIFY_EXIT(run, 0);

    QHash<QString, QStringList> fromCli;
    QHash<QString, QList<double>> valuesFromCli;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("alerts")).toArray()) {
        const QJsonObject alert = value.toObject();
        const QString kind = alert.value(QStringLiteral("kind")).toString();
        fromCli[kind] += alert.value(QStringLiteral("date")).toString();
        valuesFromCli[kind] += alert.value(QStringLiteral("value")).toDouble();
    }
    int ruleKindsThatFired = 0;
    for (const QString &spec : specs) {
        const AlertRule rule = AlertRule::parse(spec).value();
        QStringList expected;
        QList<double> expectedValues;
        for (const RuleFiring &firing : AlertRules::firings(rule, bars)) {
            expected += firing.date.toString(Qt::ISODate);
            expectedValues += firing.value;
        }
        QCOMPARE(fromCli.value(rule.spec()), expected);
        const QList<double> values = valuesFromCli.value(rule.spec());
        for (qsizetype i = 0; i < values.size(); ++i)
            QVERIFY(std::fabs(values.at(i) - expectedValues.at(i)) <=
                    1e-9 * std::fabs(expectedValues.at(i)) + 1e-12);
        ruleKindsThatFired += expected.isEmpty() ? 0 : 1;
    }
    QVERIFY2(ruleKindsThatFired >= 8, "the series should make nearly every rule fire");
}

void ReplayCliTest::ruleSummariesAndTable()
{
    const QString file = write(QStringLiteral("aapl.csv"), kDateClose);
    const Run json =
        replay(file, {QStringLiteral("--rule"), QStringLiteral("target:105"), QStringLiteral("--rule"),
                      QStringLiteral("target:500"), QStringLiteral("--json")});
    VERIFY_EXIT(json, 0);
    const QJsonArray rules = firstSeries(json).value(QStringLiteral("rules")).toArray();
    QCOMPARE(rules.size(), 2);
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("target:105"));
    QCOMPARE(rules.at(0).toObject().value(QStringLiteral("firings")).toInt(), 2);
    const QJsonObject first = rules.at(0).toObject().value(QStringLiteral("firstFiring")).toObject();
    QCOMPARE(first.value(QStringLiteral("date")).toString(), QStringLiteral("2024-01-03"));
    QCOMPARE(first.value(QStringLiteral("close")).toDouble(), 110.0);
    QCOMPARE(rules.at(1).toObject().value(QStringLiteral("firings")).toInt(), 0);
    QVERIFY(rules.at(1).toObject().value(QStringLiteral("firstFiring")).isNull());

    const Run table = replay(file, {QStringLiteral("--rule"), QStringLiteral("target:105"),
                                    QStringLiteral("--strategy"), QStringLiteral("trailing:0.9")});
    VERIFY_EXIT(table, 0);
    QVERIFY2(table.out.contains(QStringLiteral("Rules: target:105.")), table.out.toUtf8().constData());
    QVERIFY(table.out.contains(QStringLiteral("Kind")));
    QVERIFY(table.out.contains(QStringLiteral("AAPL reached its target: 110.00 \u2265 105.00")));
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    const auto has = [&](const QString &start) {
        return std::any_of(lines.cbegin(), lines.cend(),
                           [&](const QString &line) { return line.simplified().startsWith(start); });
    };
    QVERIFY(has(QStringLiteral("AAPL 2024-01-05 stop 98.90 110.00 99.00")));
    QVERIFY(has(QStringLiteral("AAPL 2024-01-03 target:105 110.00 \u2014 \u2014 AAPL reached")));
    QVERIFY(has(QStringLiteral("AAPL target:105 2 2024-01-03 110.00")));
    QVERIFY(table.out.contains(QStringLiteral("Rule firings:")));

    const Run rulesOnly = replay(file, {QStringLiteral("--rule"), QStringLiteral("target:105")});
    QVERIFY(rulesOnly.out.contains(QStringLiteral("No stop strategy: only the rules alert.")));
    QVERIFY2(rulesOnly.out.split(QLatin1Char('\n'))
                 .contains(QStringLiteral("AAPL    2024-01-03  target:105  110.00  AAPL reached its target: "
                                          "110.00 \u2265 105.00")),
             rulesOnly.out.toUtf8().constData());
    // Without a stop the tables hold no peak, stop or breach columns, only the return of holding.
    QVERIFY(!rulesOnly.out.contains(QStringLiteral("Peak")));
    QVERIFY(!rulesOnly.out.contains(QStringLiteral("First breach")));
    QVERIFY(rulesOnly.out.contains(QStringLiteral("+20.00%")));
    const Run help = trailguard({QStringLiteral("replay"), QStringLiteral("--help")});
    QVERIFY(help.out.contains(QStringLiteral("--rule SPEC")));
    for (const QString &line : help.out.split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= 80, line.toUtf8().constData());
}

QTEST_GUILESS_MAIN(ReplayCliTest)
#include "tst_replay.moc"
