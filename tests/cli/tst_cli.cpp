// The command line, run as a user runs it: the real trailguard executable in a QProcess, with a
// temporary home, XDG folders and data folder, and no STOP_LOSS unless a test sets it.

#include "TrailguardVersion.h"
#include "cli/CommandLine.h"
#include "domain/StockState.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include "CliFixture.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace trailguard;
using trailguard::test::utc;

namespace {
using Run = test::CliRun;
using test::describe;

// Checks the exit code and shows both outputs when it is wrong.
#define VERIFY_EXIT(run, code) QVERIFY2((run).exitCode == (code), describe(run).constData())

QJsonArray jsonArray(const Run &run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        qWarning("Not a JSON array: %s", describe(run).constData());
    return document.array();
}

// The tickers of `watch list --json`, or a marker that makes the comparison fail.
QStringList tickers(const Run &run)
{
    if (run.exitCode != 0 || !QJsonDocument::fromJson(run.out.toUtf8()).isArray())
        return {QStringLiteral("<watch list --json failed: %1>").arg(QString::fromUtf8(describe(run)))};
    QStringList result;
    for (const QJsonValue &stock : jsonArray(run))
        result += stock.toObject().value(QStringLiteral("ticker")).toString();
    return result;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

const QStringList kJsonKeys{
    QStringLiteral("ticker"),      QStringLiteral("symbolId"),    QStringLiteral("currency"),
    QStringLiteral("lastPrice"),   QStringLiteral("lastQuoteAt"), QStringLiteral("peak"),
    QStringLiteral("stop"),        QStringLiteral("ratio"),       QStringLiteral("entry"),
    QStringLiteral("lastAlertAt"), QStringLiteral("strategy"),    QStringLiteral("rules"),
};

// A stock the monitor has been watching for a while: every field known.
StockState watchedStock()
{
    StockState stock;
    stock.ticker = QStringLiteral("RY.TO");
    stock.symbolId = 34658;
    stock.currency = QStringLiteral("CAD");
    stock.lastPrice = 131.25;
    stock.lastQuoteAt = utc(2026, 11, 24, 21, 30);
    stock.peak = 140.0;
    stock.ratio = 0.9;
    stock.stop = 126.0;
    stock.entry = 120.5;
    stock.lastAlertAt = utc(2026, 11, 20, 15, 45, 10);
    stock.lastAlertMarketDay = QDate(2026, 11, 20);
    stock.createdAt = utc(2026, 11, 1, 12);
    return stock;
}
} // namespace

class CliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();

    void helpAndVersion_data();
    void helpAndVersion();
    void helpCreatesNothing();
    void helpFitsEightyColumns_data();
    void helpFitsEightyColumns();
    void helpListsEachCommandOnce();
    void addListRemoveRoundTrip();
    void tickerIsNormalized_data();
    void tickerIsNormalized();
    void invalidTickerIsRefused_data();
    void invalidTickerIsRefused();
    void invalidRatioIsRefused_data();
    void invalidRatioIsRefused();
    void tinyStrategyRatioIsRefused_data();
    void tinyStrategyRatioIsRefused();
    void invalidEntryIsRefused_data();
    void invalidEntryIsRefused();
    void stopLossEnvironmentIsTheDefault();
    void ratioOptionWinsOverStopLoss();
    void invalidStopLossIsReportedWhenNeeded_data();
    void invalidStopLossIsReportedWhenNeeded();
    void duplicateAddChangesNothing();
    void removingAnUnknownTickerFails();
    void jsonHasExactKeysAndTypes();
    void tableShowsKnownAndUnknownValues();
    void emptyWatchlist();
    void usageErrors_data();
    void usageErrors();
    void globalOptionsGoBeforeTheCommand_data();
    void globalOptionsGoBeforeTheCommand();
    void defaultLocationHonoursXdgDataHome();
    void unusableDataFolderFails();
    void newerDatabaseIsRefusedUntouched_data();
    void newerDatabaseIsRefusedUntouched();

    // The launch decision, made in-process before any QApplication exists.
    void wantsWindow_data();
    void wantsWindow();
    void parseWindowOptions_data();
    void parseWindowOptions();

private:
    QString dataDir() const { return m_cli->dataDir(); }
    QString databaseFile() const
    {
        return QDir(dataDir()).filePath(QString::fromLatin1(Database::kFileName));
    }
    QProcessEnvironment environment() const;
    Run trailguard(const QStringList &arguments, const QProcessEnvironment &environment) const;
    Run trailguard(const QStringList &arguments) const { return trailguard(arguments, environment()); }
    // `trailguard --data-dir <temporary> ARGUMENTS...`
    Run inDataDir(const QStringList &arguments, const QProcessEnvironment &environment) const;
    Run inDataDir(const QStringList &arguments) const { return inDataDir(arguments, environment()); }
    bool seed(const QList<StockState> &stocks) const;

    std::unique_ptr<test::CliFixture> m_cli;
};

QProcessEnvironment CliTest::environment() const
{
    // UTC times whatever the machine running the tests uses.
    QProcessEnvironment environment = m_cli->environment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    return environment;
}

Run CliTest::trailguard(const QStringList &arguments, const QProcessEnvironment &environment) const
{
    return m_cli->run(arguments, environment);
}

Run CliTest::inDataDir(const QStringList &arguments, const QProcessEnvironment &environment) const
{
    return trailguard(QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments, environment);
}

bool CliTest::seed(const QList<StockState> &stocks) const
{
    if (!QDir().mkpath(dataDir()))
        return false;
    auto database = Database::open(databaseFile());
    if (!database.ok()) {
        qWarning() << database.error().message;
        return false;
    }
    StockRepository repository(database.value()->connection());
    for (const StockState &stock : stocks) {
        if (const Status inserted = repository.insert(stock); !inserted.ok()) {
            qWarning() << inserted.error().message;
            return false;
        }
    }
    return true;
}

void CliTest::init()
{
    m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
    QVERIFY(m_cli->isValid());
}

void CliTest::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");

    const QStringList commands{QStringLiteral("watch add TICKER"), QStringLiteral("watch list"),
                               QStringLiteral("watch remove TICKER"), QStringLiteral("--data-dir DIR"),
                               QStringLiteral("Exit status")};
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << commands;
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << commands;
    QTest::newRow("--help-all") << QStringList{QStringLiteral("--help-all")} << commands;
    QTest::newRow("--version")
        << QStringList{QStringLiteral("--version")}
        << QStringList{QStringLiteral("trailguard %1").arg(QStringLiteral(TRAILGUARD_VERSION))};
    QTest::newRow("-v") << QStringList{QStringLiteral("-v")}
                        << QStringList{
                               QStringLiteral("trailguard %1").arg(QStringLiteral(TRAILGUARD_VERSION))};
    QTest::newRow("watch --help") << QStringList{QStringLiteral("watch"), QStringLiteral("--help")}
                                  << QStringList{QStringLiteral("watch add"), QStringLiteral("watch list"),
                                                 QStringLiteral("watch remove")};
    QTest::newRow("watch add --help")
        << QStringList{QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("--help")}
        << QStringList{QStringLiteral("watch add TICKER"), QStringLiteral("--ratio R"),
                       QStringLiteral("--entry PRICE"), QStringLiteral("1 to 15 letters")};
    QTest::newRow("watch list -h") << QStringList{QStringLiteral("watch"), QStringLiteral("list"),
                                                  QStringLiteral("-h")}
                                   << QStringList{QStringLiteral("watch list"), QStringLiteral("--json")};
    QTest::newRow("watch remove --help")
        << QStringList{QStringLiteral("watch"), QStringLiteral("remove"), QStringLiteral("--help")}
        << QStringList{QStringLiteral("watch remove TICKER")};
}

void CliTest::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const Run run = trailguard(arguments);
    VERIFY_EXIT(run, 0);
    for (const QString &text : expected)
        QVERIFY2(run.out.contains(text),
                 qPrintable(QStringLiteral("\"%1\" missing in:\n%2").arg(text, run.out)));
    QCOMPARE(run.err, QString());
}

void CliTest::helpCreatesNothing()
{
    const Run run = inDataDir({QStringLiteral("--help")});
    VERIFY_EXIT(run, 0);
    // The help names the database it would use, without creating it or its folder.
    QVERIFY2(run.out.contains(QDir::toNativeSeparators(databaseFile())), run.out.toUtf8().constData());
    QVERIFY(!QFileInfo::exists(dataDir()));
}

void CliTest::helpFitsEightyColumns_data()
{
    QTest::addColumn<QStringList>("arguments");
    for (const char *words :
         {"--help", "watch --help", "watch add --help", "watch list --help", "watch rules --help",
          "watch remove --help", "replay --help", "indicators --help", "history --help",
          "history import --help", "positions --help", "positions list --help", "positions import --help"}) {
        QTest::newRow(words) << QString::fromLatin1(words).split(QLatin1Char(' '));
    }
}

void CliTest::helpFitsEightyColumns()
{
    QFETCH(QStringList, arguments);
    const Run run = trailguard(arguments);
    VERIFY_EXIT(run, 0);
    QVERIFY(run.out.startsWith(QStringLiteral("Usage:")) ||
            arguments == QStringList{QStringLiteral("--help")});
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QVERIFY(lines.size() > 5);
    for (const QString &line : lines)
        QVERIFY2(line.size() <= 80,
                 qPrintable(QStringLiteral("%1 columns: \"%2\"").arg(line.size()).arg(line)));
    // No text is broken one word per line (the old help's Commands column): never two lone words in a row.
    const auto loneWord = [](const QString &line) {
        return !line.trimmed().isEmpty() && !line.trimmed().contains(QLatin1Char(' '));
    };
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QVERIFY2(!(loneWord(lines.at(i - 1)) && loneWord(lines.at(i))),
                 qPrintable(QStringLiteral("one word per line at \"%1\" in:\n%2").arg(lines.at(i), run.out)));
    }
}

void CliTest::helpListsEachCommandOnce()
{
    const Run run = trailguard({QStringLiteral("--help")});
    VERIFY_EXIT(run, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    for (const char *command : {"watch add", "watch list", "watch remove", "replay", "history import",
                                "positions list", "positions import"}) {
        const QString start = QStringLiteral("  %1 ").arg(QLatin1String(command));
        const qsizetype count = std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return (line + QLatin1Char(' ')).startsWith(start);
        });
        QVERIFY2(count == 1, qPrintable(QStringLiteral("\"%1\" listed %2 times in:\n%3")
                                            .arg(QLatin1String(command))
                                            .arg(count)
                                            .arg(run.out)));
    }
    // The synopsis has a line of its own and its description follows, indented and whole.
    const qsizetype add =
        lines.indexOf(QStringLiteral("  watch add TICKER [--ratio R | --strategy SPEC] [--entry PRICE]"));
    QVERIFY2(add >= 0, qPrintable(run.out));
    QCOMPARE(lines.value(add + 1), QStringLiteral("    [--rule SPEC]..."));
    QCOMPARE(lines.value(add + 2), QStringLiteral("      Start watching a ticker."));
}

void CliTest::addListRemoveRoundTrip()
{
    Run run = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL"),
                         QStringLiteral("--ratio"), QStringLiteral("0.8"), QStringLiteral("--entry"),
                         QStringLiteral("187.50")});
    VERIFY_EXIT(run, 0);
    QVERIFY2(run.out.contains(QStringLiteral("Added AAPL")), run.out.toUtf8().constData());
    QVERIFY(run.out.contains(QStringLiteral("0.80")));
    run = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("RY.TO")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(run.out, QStringLiteral("Added RY.TO with stop ratio 0.90.\n"));
    QVERIFY(QFileInfo::exists(databaseFile()));

    const Run list = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(tickers(list), (QStringList{QStringLiteral("AAPL"), QStringLiteral("RY.TO")}));
    const QJsonObject aapl = jsonArray(list).at(0).toObject();
    QCOMPARE(aapl.value(QStringLiteral("ratio")).toDouble(), 0.8);
    QCOMPARE(aapl.value(QStringLiteral("entry")).toDouble(), 187.5);
    QCOMPARE(aapl.value(QStringLiteral("peak")).toDouble(), 187.5);
    QCOMPARE(aapl.value(QStringLiteral("stop")).toDouble(), 150.0);

    run = inDataDir({QStringLiteral("watch"), QStringLiteral("remove"), QStringLiteral("aapl")});
    VERIFY_EXIT(run, 0);
    QCOMPARE(run.out, QStringLiteral("Removed AAPL from the watchlist.\n"));
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList{QStringLiteral("RY.TO")});
}

void CliTest::tickerIsNormalized_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored");
    QTest::newRow("lower case") << QStringLiteral("shop.to") << QStringLiteral("SHOP.TO");
    QTest::newRow("spaces around") << QStringLiteral("  brk.b ") << QStringLiteral("BRK.B");
    QTest::newRow("dash and dot") << QStringLiteral("bbd-b.to") << QStringLiteral("BBD-B.TO");
    QTest::newRow("15 characters") << QStringLiteral("abcdefghijklmno") << QStringLiteral("ABCDEFGHIJKLMNO");
}

void CliTest::tickerIsNormalized()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    const Run add = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), input});
    VERIFY_EXIT(add, 0);
    QVERIFY(add.out.contains(stored));
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList{stored});
    // The same user text finds it again.
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("remove"), input}), 0);
}

void CliTest::invalidTickerIsRefused_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<QString>("allowed"); // the part of the message that says what is allowed

    const QString rule =
        QStringLiteral("1 to 15 letters, digits, '.' or '-', starting with a letter or digit");
    for (const QString &action : {QStringLiteral("add"), QStringLiteral("remove")}) {
        const auto row = [&](const char *name) -> QTestData & {
            return QTest::addRow("%s %s", qPrintable(action), name);
        };
        row("empty") << action << QString() << QStringLiteral("for example AAPL");
        row("blank") << action << QStringLiteral("   ") << QStringLiteral("for example AAPL");
        row("symbols") << action << QStringLiteral("$$$") << rule;
        row("inner space") << action << QStringLiteral("A B") << rule;
        row("too long") << action << QStringLiteral("TOOLONGTICKER1234") << rule;
        row("leading dash") << action << QStringLiteral("-AB") << rule;
        row("leading dot") << action << QStringLiteral(".AB") << rule;
    }
}

void CliTest::invalidTickerIsRefused()
{
    QFETCH(QString, action);
    QFETCH(QString, ticker);
    QFETCH(QString, allowed);

    const Run run = inDataDir({QStringLiteral("watch"), action, ticker});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(allowed), run.err.toUtf8().constData());
    QCOMPARE(run.out, QString());
    // Invalid input is refused before the database is even opened.
    QVERIFY(!QFileInfo::exists(databaseFile()));
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList());
}

void CliTest::tinyStrategyRatioIsRefused_data()
{
    QTest::addColumn<QString>("strategy");
    // A stop (almost) 100 % below the peak or entry guards nothing: refused like an out-of-range ratio.
    for (const char *strategy :
         {"trailing:1e-320", "trailing:0.0099", "fixed-pct:0.001", "activation:0.005,0.1"})
        QTest::addRow("%s", strategy) << QString::fromLatin1(strategy);
}

void CliTest::tinyStrategyRatioIsRefused()
{
    QFETCH(QString, strategy);
    const Run run = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL"),
                               QStringLiteral("--strategy"), strategy});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("the ratio R must be a number from 0.01 to less than 1")),
             run.err.toUtf8().constData());
    QVERIFY(!QFileInfo::exists(databaseFile()));
}

void CliTest::invalidRatioIsRefused_data()
{
    QTest::addColumn<QString>("ratio");
    for (const char *ratio : {"0", "1", "1.5", "-0.1", "nan", "inf", "abc", "0.9x", "", "0.009", "1e-320"})
        QTest::addRow("\"%s\"", ratio) << QString::fromLatin1(ratio);
}

void CliTest::invalidRatioIsRefused()
{
    QFETCH(QString, ratio);
    const Run run = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL"),
                               QStringLiteral("--ratio"), ratio});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("from 0.01 to less than 1")), run.err.toUtf8().constData());
    QVERIFY(!QFileInfo::exists(databaseFile()));
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList());
}

void CliTest::invalidEntryIsRefused_data()
{
    QTest::addColumn<QString>("entry");
    for (const char *entry : {"0", "-5", "nan", "inf", "abc", ""})
        QTest::addRow("\"%s\"", entry) << QString::fromLatin1(entry);
}

void CliTest::invalidEntryIsRefused()
{
    QFETCH(QString, entry);
    const Run run = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL"),
                               QStringLiteral("--entry=") + entry});
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(QStringLiteral("greater than 0")), run.err.toUtf8().constData());
    QVERIFY(!QFileInfo::exists(databaseFile()));
}

void CliTest::stopLossEnvironmentIsTheDefault()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("STOP_LOSS"), QStringLiteral("0.85"));
    const Run add =
        inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO")}, environment);
    VERIFY_EXIT(add, 0);
    QVERIFY2(add.out.contains(QStringLiteral("0.85")) && add.out.contains(QStringLiteral("STOP_LOSS")),
             add.out.toUtf8().constData());

    const Run list = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(list, 0);
    QCOMPARE(jsonArray(list).at(0).toObject().value(QStringLiteral("ratio")).toDouble(), 0.85);
}

void CliTest::ratioOptionWinsOverStopLoss()
{
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("STOP_LOSS"), QStringLiteral("0.85"));
    const Run add = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO"),
                               QStringLiteral("--ratio=0.7")},
                              environment);
    VERIFY_EXIT(add, 0);
    QVERIFY(!add.out.contains(QStringLiteral("STOP_LOSS")));
    const Run list = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(jsonArray(list).at(0).toObject().value(QStringLiteral("ratio")).toDouble(), 0.7);
}

void CliTest::invalidStopLossIsReportedWhenNeeded_data()
{
    QTest::addColumn<QString>("stopLoss");
    for (const char *value : {"abc", "1.5", "0", "nan", ""})
        QTest::addRow("STOP_LOSS=\"%s\"", value) << QString::fromLatin1(value);
}

void CliTest::invalidStopLossIsReportedWhenNeeded()
{
    QFETCH(QString, stopLoss);
    QProcessEnvironment environment = this->environment();
    environment.insert(QStringLiteral("STOP_LOSS"), stopLoss);

    const Run refused =
        inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("X")}, environment);
    VERIFY_EXIT(refused, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("STOP_LOSS")), refused.err.toUtf8().constData());
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList());

    // With --ratio the environment is not needed, so it does not stand in the way.
    const Run accepted = inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("X"),
                                    QStringLiteral("--ratio"), QStringLiteral("0.8")},
                                   environment);
    VERIFY_EXIT(accepted, 0);
    // Listing needs no ratio either.
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("list")}, environment), 0);
}

void CliTest::duplicateAddChangesNothing()
{
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO"),
                           QStringLiteral("--ratio"), QStringLiteral("0.8"), QStringLiteral("--entry"),
                           QStringLiteral("50")}),
                0);
    const Run before = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(before, 0);

    const Run duplicate = inDataDir({QStringLiteral("watch"), QStringLiteral("add"),
                                     QStringLiteral("shop.to"), QStringLiteral("--ratio"),
                                     QStringLiteral("0.7"), QStringLiteral("--entry"), QStringLiteral("60")});
    VERIFY_EXIT(duplicate, 1);
    QVERIFY2(duplicate.err.contains(QStringLiteral("SHOP.TO is already on the watchlist")),
             duplicate.err.toUtf8().constData());
    QCOMPARE(duplicate.out, QString());

    const Run after = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(after.out, before.out);
    QCOMPARE(jsonArray(after).at(0).toObject().value(QStringLiteral("ratio")).toDouble(), 0.8);
}

void CliTest::removingAnUnknownTickerFails()
{
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL")}), 0);
    const Run run = inDataDir({QStringLiteral("watch"), QStringLiteral("remove"), QStringLiteral("MSFT")});
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.err.contains(QStringLiteral("MSFT is not on the watchlist")), run.err.toUtf8().constData());
    QCOMPARE(tickers(inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList{QStringLiteral("AAPL")});
}

void CliTest::jsonHasExactKeysAndTypes()
{
    QVERIFY(seed({watchedStock()}));
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO")}), 0);

    const Run list = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(list, 0);
    const QJsonArray stocks = jsonArray(list);
    QCOMPARE(stocks.size(), 2);

    const QJsonObject known = stocks.at(0).toObject();
    QCOMPARE(sorted(known.keys()), sorted(kJsonKeys));
    QCOMPARE(known.value(QStringLiteral("ticker")), QJsonValue(QStringLiteral("RY.TO")));
    QVERIFY(known.value(QStringLiteral("symbolId")).isDouble());
    QCOMPARE(known.value(QStringLiteral("symbolId")).toInteger(), 34658);
    QCOMPARE(known.value(QStringLiteral("currency")), QJsonValue(QStringLiteral("CAD")));
    QCOMPARE(known.value(QStringLiteral("lastPrice")), QJsonValue(131.25));
    QCOMPARE(known.value(QStringLiteral("lastQuoteAt")),
             QJsonValue(QStringLiteral("2026-11-24T21:30:00.000Z")));
    QCOMPARE(known.value(QStringLiteral("peak")), QJsonValue(140.0));
    QCOMPARE(known.value(QStringLiteral("stop")), QJsonValue(126.0));
    QCOMPARE(known.value(QStringLiteral("ratio")), QJsonValue(0.9));
    QCOMPARE(known.value(QStringLiteral("entry")), QJsonValue(120.5));
    QCOMPARE(known.value(QStringLiteral("lastAlertAt")),
             QJsonValue(QStringLiteral("2026-11-20T15:45:10.000Z")));

    const QJsonObject fresh = stocks.at(1).toObject();
    QCOMPARE(sorted(fresh.keys()), sorted(kJsonKeys));
    QCOMPARE(fresh.value(QStringLiteral("ticker")), QJsonValue(QStringLiteral("SHOP.TO")));
    QCOMPARE(fresh.value(QStringLiteral("ratio")), QJsonValue(0.9));
    for (const char *key :
         {"symbolId", "currency", "lastPrice", "lastQuoteAt", "peak", "stop", "entry", "lastAlertAt"})
        QVERIFY2(fresh.value(QLatin1String(key)).isNull(), key);
    // Byte for byte as before the object moved to domain/StockJson (which the web API shares).
    const QString freshText = QStringLiteral("    {\n"
                                             "        \"currency\": null,\n"
                                             "        \"entry\": null,\n"
                                             "        \"lastAlertAt\": null,\n"
                                             "        \"lastPrice\": null,\n"
                                             "        \"lastQuoteAt\": null,\n"
                                             "        \"peak\": null,\n"
                                             "        \"ratio\": 0.9,\n"
                                             "        \"rules\": [\n"
                                             "        ],\n"
                                             "        \"stop\": null,\n"
                                             "        \"strategy\": \"trailing:0.9\",\n"
                                             "        \"symbolId\": null,\n"
                                             "        \"ticker\": \"SHOP.TO\"\n"
                                             "    }\n"
                                             "]\n");
    QVERIFY2(list.out.endsWith(freshText), describe(list).constData());
}

void CliTest::tableShowsKnownAndUnknownValues()
{
    StockState penny;
    penny.ticker = QStringLiteral("PENNY");
    penny.lastPrice = 0.42;
    penny.peak = 0.5;
    penny.ratio = 0.8;
    penny.stop = 0.4;
    penny.createdAt = utc(2026, 11, 2, 12);
    QVERIFY(seed({watchedStock(), penny}));
    VERIFY_EXIT(inDataDir({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO")}), 0);

    const Run list = inDataDir({QStringLiteral("watch"), QStringLiteral("list")});
    VERIFY_EXIT(list, 0);
    const QStringList lines = list.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("Ticker"), QStringLiteral("Last"), QStringLiteral("Peak"),
                          QStringLiteral("Stop"), QStringLiteral("Distance"), QStringLiteral("%"),
                          QStringLiteral("Ratio"), QStringLiteral("Currency"), QStringLiteral("Last"),
                          QStringLiteral("alert"), QStringLiteral("Strategy"), QStringLiteral("Rules")}));
    // Sorted by ticker; times in local time (TZ=UTC here).
    QCOMPARE(lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("PENNY"), QStringLiteral("0.4200"), QStringLiteral("0.5000"),
                          QStringLiteral("0.4000"), QStringLiteral("4.8"), QStringLiteral("0.80"),
                          QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("trailing:0.8")}));
    QCOMPARE(lines.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("RY.TO"), QStringLiteral("131.25"), QStringLiteral("140.00"),
                          QStringLiteral("126.00"), QStringLiteral("4.0"), QStringLiteral("0.90"),
                          QStringLiteral("CAD"), QStringLiteral("2026-11-20"), QStringLiteral("15:45"),
                          QStringLiteral("trailing:0.9")}));
    QCOMPARE(lines.at(3).split(QLatin1Char(' '), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("SHOP.TO"), QStringLiteral("—"), QStringLiteral("—"),
                          QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("0.90"),
                          QStringLiteral("—"), QStringLiteral("—"), QStringLiteral("trailing:0.9")}));
    // Aligned: numbers end under the end of their heading, words start under its start.
    const qsizetype ratioEnd = lines.at(0).indexOf(QStringLiteral("Ratio")) + 5;
    const qsizetype currencyStart = lines.at(0).indexOf(QStringLiteral("Currency"));
    QCOMPARE(lines.at(2).indexOf(QStringLiteral("0.90")) + 4, ratioEnd);
    QCOMPARE(lines.at(3).indexOf(QStringLiteral("0.90")) + 4, ratioEnd);
    QCOMPARE(lines.at(2).indexOf(QStringLiteral("CAD")), currencyStart);
}

void CliTest::emptyWatchlist()
{
    const Run table = inDataDir({QStringLiteral("watch"), QStringLiteral("list")});
    VERIFY_EXIT(table, 0);
    QVERIFY2(table.out.contains(QStringLiteral("The watchlist is empty")), table.out.toUtf8().constData());
    const Run json = inDataDir({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(json, 0);
    QCOMPARE(json.out.trimmed(), QStringLiteral("[]"));
}

void CliTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString watch = QStringLiteral("watch");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("Unknown command \"frobnicate\"");
    QTest::newRow("no watch action") << QStringList{watch} << QStringLiteral("Missing the watch action");
    QTest::newRow("unknown watch action") << QStringList{watch, QStringLiteral("frobnicate")}
                                          << QStringLiteral("Unknown watch action \"frobnicate\"");
    QTest::newRow("unknown option") << QStringList{watch, QStringLiteral("list"), QStringLiteral("--csv")}
                                    << QStringLiteral("Unknown option 'csv'");
    QTest::newRow("add without ticker")
        << QStringList{watch, QStringLiteral("add")} << QStringLiteral("Missing the ticker");
    QTest::newRow("remove without ticker")
        << QStringList{watch, QStringLiteral("remove")} << QStringLiteral("Missing the ticker");
    QTest::newRow("two tickers") << QStringList{watch, QStringLiteral("add"), QStringLiteral("A"),
                                                QStringLiteral("B")}
                                 << QStringLiteral("Unexpected argument \"B\"");
    QTest::newRow("list argument") << QStringList{watch, QStringLiteral("list"), QStringLiteral("AAPL")}
                                   << QStringLiteral("Unexpected argument \"AAPL\"");
    QTest::newRow("ratio without value")
        << QStringList{watch, QStringLiteral("add"), QStringLiteral("A"), QStringLiteral("--ratio")}
        << QStringLiteral("Missing value after '--ratio'");
    QTest::newRow("global option after command")
        << QStringList{watch, QStringLiteral("list"), QStringLiteral("--version")}
        << QStringLiteral("Unknown option");
}

void CliTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = inDataDir(arguments);
    VERIFY_EXIT(run, 2);
    QVERIFY2(run.err.contains(message), run.err.toUtf8().constData());
    QCOMPARE(run.out, QString());
    QVERIFY(!QFileInfo::exists(databaseFile()));
}

void CliTest::globalOptionsGoBeforeTheCommand_data()
{
    QTest::addColumn<bool>("joined"); // --data-dir=DIR rather than --data-dir DIR
    QTest::newRow("--data-dir DIR") << false;
    QTest::newRow("--data-dir=DIR") << true;
}

void CliTest::globalOptionsGoBeforeTheCommand()
{
    QFETCH(bool, joined);
    const QStringList global = joined ? QStringList{QStringLiteral("--data-dir=") + dataDir()}
                                      : QStringList{QStringLiteral("--data-dir"), dataDir()};
    VERIFY_EXIT(trailguard(global + QStringList{QStringLiteral("watch"), QStringLiteral("add"),
                                                QStringLiteral("AAPL")}),
                0);
    QVERIFY(QFileInfo::exists(databaseFile()));
    QCOMPARE(tickers(trailguard(global + QStringList{QStringLiteral("watch"), QStringLiteral("list"),
                                                     QStringLiteral("--json")})),
             QStringList{QStringLiteral("AAPL")});

    // After the command it is no global option: refused, with a hint, and nothing is written anywhere.
    const Run misplaced = trailguard(
        QStringList{QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("MSFT")} + global);
    VERIFY_EXIT(misplaced, 2);
    QVERIFY2(misplaced.err.contains(QStringLiteral("Global options go before the command")),
             misplaced.err.toUtf8().constData());
    QVERIFY(!QFileInfo::exists(m_cli->filePath(QStringLiteral("xdg-data/trailguard"))));
    QCOMPARE(tickers(trailguard(global + QStringList{QStringLiteral("watch"), QStringLiteral("list"),
                                                     QStringLiteral("--json")})),
             QStringList{QStringLiteral("AAPL")});
}

void CliTest::defaultLocationHonoursXdgDataHome()
{
    const QString expected = m_cli->filePath(QStringLiteral("xdg-data/trailguard/trailguard.sqlite"));
    const Run help = trailguard({QStringLiteral("--help")});
    QVERIFY2(help.out.contains(QDir::toNativeSeparators(expected)), help.out.toUtf8().constData());

    VERIFY_EXIT(trailguard({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL")}), 0);
    QVERIFY(QFileInfo::exists(expected));
    QCOMPARE(tickers(trailguard({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")})),
             QStringList{QStringLiteral("AAPL")});
    // Without --data-dir, the settings stay in XDG_CONFIG_HOME; nothing lands in the home folder itself.
    QVERIFY(!QFileInfo::exists(m_cli->filePath(QStringLiteral(".local"))));
}

void CliTest::unusableDataFolderFails()
{
    // A data folder that cannot be created (its parent is a file) is an operation failure, not a usage error.
    const QString file = m_cli->filePath(QStringLiteral("a-file"));
    QFile blocker(file);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run run = trailguard({QStringLiteral("--data-dir"), QDir(file).filePath(QStringLiteral("data")),
                                QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("AAPL")});
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.err.contains(QStringLiteral("Cannot create the data folder")), run.err.toUtf8().constData());
}

void CliTest::newerDatabaseIsRefusedUntouched_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list") << QStringList{QStringLiteral("watch"), QStringLiteral("list")};
    QTest::newRow("list --json") << QStringList{QStringLiteral("watch"), QStringLiteral("list"),
                                                QStringLiteral("--json")};
    QTest::newRow("add") << QStringList{QStringLiteral("watch"), QStringLiteral("add"),
                                        QStringLiteral("AAPL")};
    QTest::newRow("remove") << QStringList{QStringLiteral("watch"), QStringLiteral("remove"),
                                           QStringLiteral("AAPL")};
}

void CliTest::newerDatabaseIsRefusedUntouched()
{
    QFETCH(QStringList, arguments);
    QVERIFY(QDir().mkpath(dataDir()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(databaseFile());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE from_the_future (x TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO from_the_future VALUES ('keep me')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 999")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    const QByteArray before = fileBytes(databaseFile());
    QVERIFY(!before.isEmpty());

    const Run run = inDataDir(arguments);
    VERIFY_EXIT(run, 1);
    QVERIFY2(run.err.contains(QStringLiteral("newer")), run.err.toUtf8().constData());
    QCOMPARE(run.out, QString());
    QCOMPARE(fileBytes(databaseFile()), before);
    QVERIFY(!QFileInfo::exists(databaseFile() + QStringLiteral("-wal")));
}

void CliTest::wantsWindow_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("window");

    const QString dataDir = QStringLiteral("--data-dir");
    QTest::newRow("nothing") << QStringList{} << true;
    QTest::newRow("--data-dir DIR") << QStringList{dataDir, QStringLiteral("/tmp/d")} << true;
    QTest::newRow("--data-dir=DIR") << QStringList{QStringLiteral("--data-dir=/tmp/d")} << true;
    QTest::newRow("data folder named watch") << QStringList{dataDir, QStringLiteral("watch")} << true;
    QTest::newRow("Qt option with value")
        << QStringList{QStringLiteral("-platform"), QStringLiteral("offscreen")} << true;
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << true;
    QTest::newRow("watch list") << QStringList{QStringLiteral("watch"), QStringLiteral("list")} << false;
    QTest::newRow("--data-dir DIR watch list")
        << QStringList{dataDir, QStringLiteral("/tmp/d"), QStringLiteral("watch"), QStringLiteral("list")}
        << false;
    QTest::newRow("unknown command") << QStringList{QStringLiteral("replay")} << false;
    QTest::newRow("after --") << QStringList{QStringLiteral("--"), QStringLiteral("watch")} << false;
    for (const char *option : {"-h", "--help", "--help-all", "-v", "--version", "--headless"})
        QTest::addRow("%s", option) << QStringList{dataDir, QStringLiteral("/tmp/d"), QLatin1String(option)}
                                    << false;
}

void CliTest::wantsWindow()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, window);
    QCOMPARE(Cli::wantsWindow(QStringList{QStringLiteral("trailguard")} + arguments), window);
}

void CliTest::parseWindowOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("dataDir");
    QTest::addColumn<QString>("error"); // empty: parses

    QTest::newRow("nothing") << QStringList{} << QString() << QString();
    QTest::newRow("--data-dir DIR") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/tmp/d")}
                                    << QStringLiteral("/tmp/d") << QString();
    QTest::newRow("--data-dir=DIR") << QStringList{QStringLiteral("--data-dir=/tmp/d")}
                                    << QStringLiteral("/tmp/d") << QString();
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QString()
                                    << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("missing folder") << QStringList{QStringLiteral("--data-dir")} << QString()
                                    << QStringLiteral("Missing value after '--data-dir'");
    QTest::newRow("empty folder") << QStringList{QStringLiteral("--data-dir=")} << QString()
                                  << QStringLiteral("--data-dir needs a folder");
}

void CliTest::parseWindowOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, dataDir);
    QFETCH(QString, error);
    const Result<Cli::GlobalOptions> options =
        Cli::parseWindowOptions(QStringList{QStringLiteral("trailguard")} + arguments);
    if (error.isEmpty()) {
        QVERIFY2(options.ok(), qPrintable(options.ok() ? QString() : options.error().message));
        QCOMPARE(options.value().dataDir, dataDir);
    } else {
        QVERIFY(!options.ok());
        QCOMPARE(options.error().code, ErrorCode::InvalidArguments);
        QVERIFY2(options.error().message.contains(error), qPrintable(options.error().message));
    }
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
