// `trailguard positions list|import`, through the real executable against the fake Questrade server of
// this test (accounts and positions as the real server answers them: null quantities, missing values).
#include "GuardianProcess.h"
#include "fakes/TestQuestradeServer.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using Server = test::TestQuestradeServer;

namespace {
const QByteArray kPassphrase = QByteArrayLiteral("correct horse battery staple");
const QString kTfsa = QStringLiteral("26598145");
const QString kMargin = QStringLiteral("26598146");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Server::Position position(const QString &symbol, qint64 id, double quantity, std::optional<double> entry,
                          std::optional<double> marketValue)
{
    Server::Position p;
    p.symbol = symbol;
    p.symbolId = id;
    p.openQuantity = quantity;
    p.averageEntryPrice = entry;
    p.currentMarketValue = marketValue;
    if (entry)
        p.totalCost = *entry * quantity;
    return p;
}
} // namespace

#define VERIFY_EXIT(run, code)                                                                               \
    QVERIFY2((run).exitCode == (code), qPrintable(QStringLiteral("exit %1\nstdout: %2\nstderr: %3")          \
                                                      .arg((run).exitCode)                                   \
                                                      .arg((run).out, (run).err)))

class PositionsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void importSkipsClosedAndImportsTheRest();
    void accountOptionPicksAccounts();
    void unknownAccountFails();
    void listShowsUnknownsAsNull();
    void listTableShowsUnknownsAsDash();
    void notConnectedSaysSo();
    void usageErrors_data();
    void usageErrors();

private:
    QProcessEnvironment environment(const QByteArray &refreshToken) const;
    Run run(const QStringList &arguments, const QProcessEnvironment &environment);
    Run run(const QStringList &arguments) { return run(arguments, environment(m_token)); }
    void watch(const QString &ticker, double entry);
    std::optional<StockState> stock(const QString &ticker);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QByteArray m_token;
};

void PositionsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<Server>();
    QVERIFY(m_server->listen());
    m_token = m_server->issueRefreshToken();
    Server::Account tfsa;
    tfsa.number = kTfsa;
    tfsa.type = QStringLiteral("TFSA");
    Server::Account margin;
    margin.number = kMargin;
    m_server->setAccounts({tfsa, margin});

    Server::Position closed = position(QStringLiteral("ENB.TO"), 2, 0, 50.0, std::nullopt);
    closed.nullFields = {QStringLiteral("openQuantity"), QStringLiteral("currentMarketValue")};
    Server::Position option = position(QStringLiteral("BAC18Oct19C29.00"), 5, 2, 1.25, 250.0);
    m_server->setPositions(kTfsa, {
                                      position(QStringLiteral("RY.TO"), 1, 50, 120.5, 6300.0),
                                      closed,
                                      position(QStringLiteral("AAPL"), 3, -10, 180.0, -1900.0),
                                      option,
                                      position(QStringLiteral("SHOP.TO"), 4, 5, 80.0, 500.0),
                                  });
    // Entry, market value and cost unknown: null, or left out altogether.
    Server::Position unknowns = position(QStringLiteral("XEQT.TO"), 6, 100, std::nullopt, std::nullopt);
    unknowns.nullFields = {QStringLiteral("averageEntryPrice"), QStringLiteral("totalCost")};
    m_server->setPositions(kMargin, {unknowns});
}

void PositionsTest::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

QProcessEnvironment PositionsTest::environment(const QByteArray &refreshToken) const
{
    QProcessEnvironment environment = test::guardianEnvironment(m_server->loginUrl());
    environment.insert(QStringLiteral("encryption_key"), QString::fromUtf8(kPassphrase));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    if (!refreshToken.isEmpty())
        environment.insert(QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken));
    return environment;
}

Run PositionsTest::run(const QStringList &arguments, const QProcessEnvironment &environment)
{
    // Asynchronous: the fake server lives in this process and needs the event loop while trailguard runs.
    QProcess process;
    process.setProgram(QStringLiteral(TRAILGUARD_EXECUTABLE));
    process.setArguments(QStringList{QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data"))} +
                         arguments);
    process.setProcessEnvironment(environment);
    const test::ProcessRun run = test::runToEnd(process);
    Run result;
    if (!run.finished)
        return result;
    result.exitCode = run.exitedNormally() ? run.exitCode : -2;
    result.out = run.out;
    result.err = run.err;
    return result;
}

void PositionsTest::watch(const QString &ticker, double entry)
{
    const Run added = run({QStringLiteral("watch"), QStringLiteral("add"), ticker, QStringLiteral("--entry"),
                           QString::number(entry)});
    VERIFY_EXIT(added, 0);
}

std::optional<StockState> PositionsTest::stock(const QString &ticker)
{
    auto db = Database::open(m_dir->filePath(QStringLiteral("data/trailguard.sqlite")));
    if (!db.ok())
        return std::nullopt;
    const auto found = StockRepository(db.value()->connection()).find(ticker);
    return found.ok() ? found.value() : std::nullopt;
}

void PositionsTest::importSkipsClosedAndImportsTheRest()
{
    watch(QStringLiteral("SHOP.TO"), 75.0);
    const Run imported = run({QStringLiteral("positions"), QStringLiteral("import")});
    VERIFY_EXIT(imported, 0);
    const QString &out = imported.out;
    QVERIFY2(out.contains(QStringLiteral("Added RY.TO (account 26598145): 50 shares, entry 120.50")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Added XEQT.TO (account 26598146): 100 shares, entry unknown")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Skipped ENB.TO (account 26598145): closed")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Skipped AAPL (account 26598145): a short position")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Skipped BAC18Oct19C29.00 (account 26598145): an option")),
             qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Skipped SHOP.TO (account 26598145): already watched")),
             qPrintable(out));
    // "position(s)" until the English plural forms are generated.
    QVERIFY2(out.contains(QStringLiteral("Added 2 position")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("to the watchlist from account(s) 26598145, 26598146.")),
             qPrintable(out));

    const auto ry = stock(QStringLiteral("RY.TO"));
    QVERIFY(ry);
    QCOMPARE(ry->entry, std::optional<double>(120.5));
    QCOMPARE(ry->ratio, 0.9);
    const auto xeqt = stock(QStringLiteral("XEQT.TO"));
    QVERIFY(xeqt);
    QVERIFY(!xeqt->entry);
    QCOMPARE(stock(QStringLiteral("SHOP.TO"))->entry, std::optional<double>(75.0)); // kept, not overwritten
    QVERIFY(!stock(QStringLiteral("ENB.TO")));
    QVERIFY(!stock(QStringLiteral("AAPL")));
    QVERIFY(!stock(QStringLiteral("BAC18OCT19C29.00")));

    // A second import finds everything watched: nothing added, the exit still 0.
    const Run again = run({QStringLiteral("positions"), QStringLiteral("import")});
    VERIFY_EXIT(again, 0);
    QVERIFY2(again.out.contains(QStringLiteral("Skipped RY.TO (account 26598145): already watched")),
             qPrintable(again.out));
    QVERIFY2(again.out.contains(QStringLiteral("Added 0 position")), qPrintable(again.out));
    QVERIFY(!again.err.contains(QString::fromLatin1(m_token)));
}

void PositionsTest::accountOptionPicksAccounts()
{
    const Run imported =
        run({QStringLiteral("positions"), QStringLiteral("import"), QStringLiteral("--account"), kMargin});
    VERIFY_EXIT(imported, 0);
    QVERIFY2(imported.out.contains(QStringLiteral("Added XEQT.TO")), qPrintable(imported.out));
    QVERIFY2(!imported.out.contains(QStringLiteral("RY.TO")), qPrintable(imported.out));
    QVERIFY(stock(QStringLiteral("XEQT.TO")));
    QVERIFY(!stock(QStringLiteral("RY.TO")));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/accounts/%1/positions").arg(kTfsa)), 0);
}

void PositionsTest::unknownAccountFails()
{
    const Run imported = run({QStringLiteral("positions"), QStringLiteral("import"),
                              QStringLiteral("--account"), QStringLiteral("999")});
    VERIFY_EXIT(imported, 1);
    QVERIFY2(imported.err.contains(QStringLiteral("No account 999")), qPrintable(imported.err));
    QVERIFY2(imported.err.contains(kTfsa), qPrintable(imported.err));
    QVERIFY(!stock(QStringLiteral("RY.TO")));
}

void PositionsTest::listShowsUnknownsAsNull()
{
    const Run listed = run({QStringLiteral("positions"), QStringLiteral("list"), QStringLiteral("--json")});
    VERIFY_EXIT(listed, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(listed.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(listed.out));
    const QJsonArray accounts = document.array();
    QCOMPARE(accounts.size(), 2);
    const QJsonObject tfsa = accounts.at(0).toObject();
    QCOMPARE(tfsa.value(QStringLiteral("number")).toString(), kTfsa);
    QCOMPARE(tfsa.value(QStringLiteral("type")).toString(), QStringLiteral("TFSA"));
    const QJsonArray tfsaPositions = tfsa.value(QStringLiteral("positions")).toArray();
    QCOMPARE(tfsaPositions.size(), 5);
    const QJsonObject ry = tfsaPositions.at(0).toObject();
    QCOMPARE(ry.value(QStringLiteral("symbol")).toString(), QStringLiteral("RY.TO"));
    QCOMPARE(ry.value(QStringLiteral("openQuantity")).toDouble(), 50.0);
    QCOMPARE(ry.value(QStringLiteral("averageEntryPrice")).toDouble(), 120.5);
    QCOMPARE(ry.value(QStringLiteral("currentMarketValue")).toDouble(), 6300.0);
    QCOMPARE(ry.value(QStringLiteral("currency")).toString(), QStringLiteral("CAD"));
    QCOMPARE(ry.value(QStringLiteral("kind")).toString(), QStringLiteral("stock"));
    const QJsonObject enb = tfsaPositions.at(1).toObject();
    QCOMPARE(enb.value(QStringLiteral("kind")).toString(), QStringLiteral("closed"));
    QCOMPARE(enb.value(QStringLiteral("openQuantity")).toDouble(), 0.0);
    QVERIFY(enb.value(QStringLiteral("currentMarketValue")).isNull());
    QCOMPARE(tfsaPositions.at(2).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("short"));
    const QJsonObject option = tfsaPositions.at(3).toObject();
    QCOMPARE(option.value(QStringLiteral("kind")).toString(), QStringLiteral("option"));
    QVERIFY(option.value(QStringLiteral("ticker")).isNull());

    const QJsonObject xeqt =
        accounts.at(1).toObject().value(QStringLiteral("positions")).toArray().at(0).toObject();
    QCOMPARE(xeqt.value(QStringLiteral("symbol")).toString(), QStringLiteral("XEQT.TO"));
    for (const char *unknown : {"averageEntryPrice", "currentMarketValue", "totalCost", "openPnl"}) {
        QVERIFY2(xeqt.contains(QLatin1String(unknown)), unknown);
        QVERIFY2(xeqt.value(QLatin1String(unknown)).isNull(), unknown);
    }
    QCOMPARE(xeqt.value(QStringLiteral("openQuantity")).toDouble(), 100.0);
    QVERIFY(!stock(QStringLiteral("RY.TO"))); // listing changes nothing
}

void PositionsTest::listTableShowsUnknownsAsDash()
{
    const Run listed = run({QStringLiteral("positions"), QStringLiteral("list")});
    VERIFY_EXIT(listed, 0);
    const QStringList lines = listed.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 7, qPrintable(listed.out)); // the header and six positions
    QVERIFY(lines.at(0).contains(QStringLiteral("Market value")));
    const auto line = [&lines](const QString &symbol) {
        for (const QString &line : lines) {
            if (line.contains(QLatin1Char(' ') + symbol + QLatin1Char(' ')))
                return line.simplified();
        }
        return QString();
    };
    QCOMPARE(line(QStringLiteral("RY.TO")),
             QStringLiteral("26598145 TFSA RY.TO 50 120.50 6300.00 \u2014 CAD"));
    QCOMPARE(line(QStringLiteral("XEQT.TO")),
             QStringLiteral("26598146 Margin XEQT.TO 100 \u2014 \u2014 \u2014 CAD"));
    QCOMPARE(line(QStringLiteral("ENB.TO")),
             QStringLiteral("26598145 TFSA ENB.TO 0 50.00 \u2014 \u2014 CAD"));
}

void PositionsTest::notConnectedSaysSo()
{
    const Run imported = run({QStringLiteral("positions"), QStringLiteral("import")}, environment({}));
    VERIFY_EXIT(imported, 1);
    QVERIFY2(imported.err.contains(QStringLiteral("not connected to Questrade")), qPrintable(imported.err));
    QVERIFY2(imported.err.contains(QStringLiteral("refresh_token")), qPrintable(imported.err));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 0);
    const Run listed = run({QStringLiteral("positions"), QStringLiteral("list")}, environment({}));
    VERIFY_EXIT(listed, 1);
    QVERIFY2(listed.err.contains(QStringLiteral("not connected to Questrade")), qPrintable(listed.err));
    QVERIFY(listed.out.isEmpty());
    QVERIFY2(!listed.err.contains(QStringLiteral("QCommandLineParser")), qPrintable(listed.err));
}

void PositionsTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString positions = QStringLiteral("positions");
    QTest::newRow("no action") << QStringList{positions} << 2 << "Missing the positions action";
    QTest::newRow("unknown action") << QStringList{positions, QStringLiteral("sell")} << 2
                                    << "Unknown positions action \"sell\"";
    QTest::newRow("unknown option") << QStringList{positions, QStringLiteral("list"), QStringLiteral("--csv")}
                                    << 2 << "Unknown option";
    QTest::newRow("account without number")
        << QStringList{positions, QStringLiteral("import"), QStringLiteral("--account")} << 2
        << "Missing value after";
    QTest::newRow("extra word") << QStringList{positions, QStringLiteral("import"), QStringLiteral("RY.TO")}
                                << 2 << "Unexpected argument \"RY.TO\"";
}

void PositionsTest::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run result = run(arguments);
    VERIFY_EXIT(result, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 0);
}

QTEST_GUILESS_MAIN(PositionsTest)
#include "tst_positions.moc"
