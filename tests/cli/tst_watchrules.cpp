// `trailguard watch add --rule`, `watch rules` and the rules in `watch list`, run as a user runs them: the
// real executable in a QProcess on a temporary data folder.

#include "storage/Database.h"
#include "storage/StockRepository.h"

#include "CliFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace trailguard;

namespace {
using RulesRun = test::CliRun;

#define VERIFY_RULES_EXIT(run, code) QVERIFY2((run).exitCode == (code), test::describe(run).constData())
} // namespace

class WatchRulesCliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addWithRulesListsThemInJsonAndTable();
    void badRuleOnAddSavesNothing();
    void rulesListsAddsAndRemoves();
    void refusedChangeChangesNothing_data();
    void refusedChangeChangesNothing();
    void unknownTickerFails();
    void helpFitsEightyColumns();

private:
    QString dataDir() const { return m_cli->dataDir(); }
    RulesRun trailguard(const QStringList &arguments) const;
    QStringList storedRules(const QString &ticker) const;
    std::unique_ptr<test::CliFixture> m_cli;
};

void WatchRulesCliTest::init()
{
    m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
    QVERIFY(m_cli->isValid());
}

RulesRun WatchRulesCliTest::trailguard(const QStringList &arguments) const
{
    QProcessEnvironment environment = m_cli->environment();
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    return m_cli->run(QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments, environment);
}

QStringList WatchRulesCliTest::storedRules(const QString &ticker) const
{
    auto database = Database::open(QDir(dataDir()).filePath(QString::fromLatin1(Database::kFileName)));
    if (!database.ok())
        return {QStringLiteral("<no database>")};
    const auto found = StockRepository(database.value()->connection()).find(ticker);
    if (!found.ok() || !found.value())
        return {QStringLiteral("<no %1>").arg(ticker)};
    return found.value()->rules;
}

void WatchRulesCliTest::addWithRulesListsThemInJsonAndTable()
{
    const RulesRun added = trailguard(
        {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("shop.to"), QStringLiteral("--rule"),
         QStringLiteral("Cross-Below-SMA: 50"), QStringLiteral("--rule"), QStringLiteral("target:120")});
    VERIFY_RULES_EXIT(added, 0);
    QVERIFY2(added.out.contains(QStringLiteral("cross-below-sma:50 target:120")),
             test::describe(added).constData());
    VERIFY_RULES_EXIT(trailguard({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("RY.TO")}),
                      0);

    const RulesRun json =
        trailguard({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_RULES_EXIT(json, 0);
    const QJsonArray stocks = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(stocks.size(), 2);
    QCOMPARE(stocks.at(0).toObject().value(QStringLiteral("ticker")).toString(), QStringLiteral("RY.TO"));
    QCOMPARE(stocks.at(0).toObject().value(QStringLiteral("rules")), QJsonValue(QJsonArray()));
    QCOMPARE(stocks.at(1).toObject().value(QStringLiteral("rules")),
             QJsonValue(QJsonArray{QStringLiteral("cross-below-sma:50"), QStringLiteral("target:120")}));

    const RulesRun table = trailguard({QStringLiteral("watch"), QStringLiteral("list")});
    VERIFY_RULES_EXIT(table, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.constFirst().trimmed().endsWith(QStringLiteral("Rules")),
             test::describe(table).constData());
    const auto shop = std::find_if(lines.cbegin(), lines.cend(), [](const QString &line) {
        return line.startsWith(QStringLiteral("SHOP.TO"));
    });
    QVERIFY(shop != lines.cend());
    QVERIFY2(shop->trimmed().endsWith(QStringLiteral("cross-below-sma:50 target:120")), qPrintable(*shop));
}

void WatchRulesCliTest::badRuleOnAddSavesNothing()
{
    const RulesRun bad = trailguard(
        {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO"), QStringLiteral("--rule"),
         QStringLiteral("target:120"), QStringLiteral("--rule"), QStringLiteral("rsi-below:14,150")});
    VERIFY_RULES_EXIT(bad, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("rsi-below:14,150")), test::describe(bad).constData());
    QVERIFY(bad.out.isEmpty());
    // Checked before the data folder is touched.
    QVERIFY(!QFileInfo::exists(dataDir()));

    const RulesRun twice = trailguard(
        {QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO"), QStringLiteral("--rule"),
         QStringLiteral("target:120"), QStringLiteral("--rule"), QStringLiteral("TARGET:120")});
    VERIFY_RULES_EXIT(twice, 2);
    QVERIFY2(twice.err.contains(QStringLiteral("SHOP.TO already has the rule target:120")),
             test::describe(twice).constData());
    const RulesRun list =
        trailguard({QStringLiteral("watch"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_RULES_EXIT(list, 0);
    QCOMPARE(list.out.trimmed(), QStringLiteral("[]"));
}

void WatchRulesCliTest::rulesListsAddsAndRemoves()
{
    VERIFY_RULES_EXIT(trailguard({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO")}),
                      0);
    const RulesRun none =
        trailguard({QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("shop.to")});
    VERIFY_RULES_EXIT(none, 0);
    QCOMPARE(none.out, QStringLiteral("SHOP.TO has no alert rules.\n"));

    const RulesRun added = trailguard(
        {QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("SHOP.TO"), QStringLiteral("--add"),
         QStringLiteral("rsi-below:14,30"), QStringLiteral("--add"), QStringLiteral("bb-above: 20, 2")});
    VERIFY_RULES_EXIT(added, 0);
    QVERIFY2(added.out.contains(QStringLiteral("Added the rule bb-above:20,2 to SHOP.TO.")),
             test::describe(added).constData());
    const RulesRun listed =
        trailguard({QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("SHOP.TO")});
    VERIFY_RULES_EXIT(listed, 0);
    QCOMPARE(listed.out, QStringLiteral("rsi-below:14,30\nbb-above:20,2\n"));

    const RulesRun both =
        trailguard({QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("SHOP.TO"),
                    QStringLiteral("--remove"), QStringLiteral("rsi-below:14,30"), QStringLiteral("--add"),
                    QStringLiteral("target:150")});
    VERIFY_RULES_EXIT(both, 0);
    QCOMPARE(storedRules(QStringLiteral("SHOP.TO")),
             (QStringList{QStringLiteral("bb-above:20,2"), QStringLiteral("target:150")}));
}

void WatchRulesCliTest::refusedChangeChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("duplicate") << QStringList{QStringLiteral("--add"), QStringLiteral("target:150"),
                                              QStringLiteral("--add"), QStringLiteral("target:120")}
                               << 2 << QStringLiteral("SHOP.TO already has the rule target:120");
    QTest::newRow("missing") << QStringList{QStringLiteral("--add"), QStringLiteral("target:150"),
                                            QStringLiteral("--remove"), QStringLiteral("rsi-above:14,70")}
                             << 2 << QStringLiteral("its rules are: target:120, target:150");
    QTest::newRow("bad spec") << QStringList{QStringLiteral("--add"), QStringLiteral("target:150"),
                                             QStringLiteral("--add"), QStringLiteral("sma-wiggle:3")}
                              << 2 << QStringLiteral("sma-wiggle:3");
    QTest::newRow("no value") << QStringList{QStringLiteral("--add")} << 2 << QStringLiteral("--add");
}

void WatchRulesCliTest::refusedChangeChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    VERIFY_RULES_EXIT(trailguard({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO"),
                                  QStringLiteral("--rule"), QStringLiteral("target:120")}),
                      0);
    const RulesRun refused = trailguard(
        QStringList{QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("SHOP.TO")} + arguments);
    VERIFY_RULES_EXIT(refused, exitCode);
    QVERIFY2(refused.err.contains(message), test::describe(refused).constData());
    QCOMPARE(storedRules(QStringLiteral("SHOP.TO")), QStringList{QStringLiteral("target:120")});
}

void WatchRulesCliTest::unknownTickerFails()
{
    VERIFY_RULES_EXIT(trailguard({QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("SHOP.TO")}),
                      0);
    const RulesRun unknown =
        trailguard({QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("RY.TO"),
                    QStringLiteral("--add"), QStringLiteral("target:120")});
    VERIFY_RULES_EXIT(unknown, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("RY.TO is not on the watchlist")),
             test::describe(unknown).constData());
}

void WatchRulesCliTest::helpFitsEightyColumns()
{
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("watch"), QStringLiteral("rules"), QStringLiteral("--help")},
          QStringList{QStringLiteral("watch"), QStringLiteral("add"), QStringLiteral("--help")},
          QStringList{QStringLiteral("watch"), QStringLiteral("--help")},
          QStringList{QStringLiteral("--help")}}) {
        const RulesRun help = trailguard(arguments);
        VERIFY_RULES_EXIT(help, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--rule")) ||
                     help.out.contains(QStringLiteral("watch rules")),
                 test::describe(help).constData());
        for (const QString &line : help.out.split(QLatin1Char('\n')))
            QVERIFY2(line.size() <= 80, qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(WatchRulesCliTest)
#include "tst_watchrules.moc"
