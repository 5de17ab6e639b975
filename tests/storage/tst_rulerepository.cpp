#include "SchemaAtVersion.h"
#include "TestSupport.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/RuleRepository.h"
#include "storage/StockRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

// Each ticker's alert rules and their firings (migration 13), read with the stock by StockRepository.
class RuleRepositoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rulesKeepTheirOrderAndGoWithTheStock();
    void insertStoresTheStocksRules();
    void updateLeavesRulesAlone();
    void duplicateRuleIsRefused();
    void firingIsRecordedOncePerDay();
    void rulesSurviveReopening();
    void migrationFromVersion12KeepsStocks();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("t.sqlite")); }
    void open();
    StockState stock(const QString &ticker) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<RuleRepository> m_rules;
};

void RuleRepositoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    open();
}

void RuleRepositoryTest::open()
{
    m_rules.reset();
    m_stocks.reset();
    m_db.reset();
    auto db = Database::open(path());
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    m_db = std::move(db).value();
    m_stocks = std::make_unique<StockRepository>(m_db->connection());
    m_rules = std::make_unique<RuleRepository>(m_db->connection());
}

void RuleRepositoryTest::cleanup()
{
    m_rules.reset();
    m_stocks.reset();
    m_db.reset();
    m_dir.reset();
}

StockState RuleRepositoryTest::stock(const QString &ticker) const
{
    return StopLossEngine::initialState(ticker, StopStrategy::trailing(0.9), 100.0, toronto(2026, 11, 3, 10));
}

void RuleRepositoryTest::rulesKeepTheirOrderAndGoWithTheStock()
{
    QVERIFY(m_stocks->insert(stock(QStringLiteral("SHOP.TO"))).ok());
    QVERIFY(m_stocks->insert(stock(QStringLiteral("RY.TO"))).ok());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("target:120")).ok());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("cross-below-sma:50")).ok());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("rsi-above:14,70")).ok());
    const QStringList expected{QStringLiteral("target:120"), QStringLiteral("cross-below-sma:50"),
                               QStringLiteral("rsi-above:14,70")};
    QCOMPARE(m_rules->rules(QStringLiteral("SHOP.TO")).value(), expected);
    QCOMPARE(m_stocks->find(QStringLiteral("SHOP.TO")).value()->rules, expected);
    const auto all = m_stocks->all();
    QVERIFY(all.ok());
    QCOMPARE(all.value().size(), 2);
    QCOMPARE(all.value().at(0).ticker, QStringLiteral("RY.TO"));
    QVERIFY(all.value().at(0).rules.isEmpty());
    QCOMPARE(all.value().at(1).rules, expected);

    QCOMPARE(m_rules->remove(QStringLiteral("SHOP.TO"), QStringLiteral("cross-below-sma:50")).value(), true);
    QCOMPARE(m_rules->remove(QStringLiteral("SHOP.TO"), QStringLiteral("cross-below-sma:50")).value(), false);
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("cross-below-sma:50")).ok());
    QCOMPARE(m_rules->rules(QStringLiteral("SHOP.TO")).value(),
             (QStringList{QStringLiteral("target:120"), QStringLiteral("rsi-above:14,70"),
                          QStringLiteral("cross-below-sma:50")}));

    // Removed with the stock, firings too.
    QVERIFY(m_rules->recordFiring(QStringLiteral("SHOP.TO"), QStringLiteral("target:120"), QDate(2026, 11, 3))
                .value());
    QVERIFY(m_stocks->remove(QStringLiteral("SHOP.TO")).ok());
    QVERIFY(m_rules->all().value().isEmpty());
    QCOMPARE(m_rules->hasFired(QStringLiteral("SHOP.TO"), QStringLiteral("target:120"), QDate(2026, 11, 3))
                 .value(),
             false);
    // A rule of a ticker that is not stored is refused by the foreign key.
    QVERIFY(!m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("target:120")).ok());
}

void RuleRepositoryTest::insertStoresTheStocksRules()
{
    StockState withRules = stock(QStringLiteral("SHOP.TO"));
    withRules.rules = QStringList{QStringLiteral("bb-below:20,2"), QStringLiteral("target:150")};
    QVERIFY(m_stocks->insert(withRules).ok());
    QCOMPARE(*m_stocks->find(QStringLiteral("SHOP.TO")).value(), withRules);
}

void RuleRepositoryTest::updateLeavesRulesAlone()
{
    StockState shop = stock(QStringLiteral("SHOP.TO"));
    shop.rules = QStringList{QStringLiteral("target:150")};
    QVERIFY(m_stocks->insert(shop).ok());
    StockState next = shop;
    next.lastPrice = 101.5;
    next.rules.clear(); // a state that lost its rules on the way does not erase them
    QVERIFY(m_stocks->updateAll({next}).ok());
    const StockState stored = *m_stocks->find(QStringLiteral("SHOP.TO")).value();
    QCOMPARE(stored.lastPrice, std::optional<double>(101.5));
    QCOMPARE(stored.rules, shop.rules);
}

void RuleRepositoryTest::duplicateRuleIsRefused()
{
    QVERIFY(m_stocks->insert(stock(QStringLiteral("SHOP.TO"))).ok());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("target:120")).ok());
    QVERIFY(!m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("target:120")).ok());
    QCOMPARE(m_rules->rules(QStringLiteral("SHOP.TO")).value(), QStringList{QStringLiteral("target:120")});
}

void RuleRepositoryTest::firingIsRecordedOncePerDay()
{
    QVERIFY(m_stocks->insert(stock(QStringLiteral("SHOP.TO"))).ok());
    const QString rule = QStringLiteral("cross-below-sma:50");
    const QString ticker = QStringLiteral("SHOP.TO");
    QCOMPARE(m_rules->hasFired(ticker, rule, QDate(2026, 11, 3)).value(), false);
    QCOMPARE(m_rules->recordFiring(ticker, rule, QDate(2026, 11, 3)).value(), true);
    QCOMPARE(m_rules->recordFiring(ticker, rule, QDate(2026, 11, 3)).value(), false);
    QCOMPARE(m_rules->hasFired(ticker, rule, QDate(2026, 11, 3)).value(), true);
    QCOMPARE(m_rules->recordFiring(ticker, rule, QDate(2026, 11, 4)).value(), true);
    QCOMPARE(m_rules->recordFiring(ticker, QStringLiteral("target:120"), QDate(2026, 11, 3)).value(), true);
}

void RuleRepositoryTest::rulesSurviveReopening()
{
    QVERIFY(m_stocks->insert(stock(QStringLiteral("SHOP.TO"))).ok());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("macd-cross-above:12,26,9")).ok());
    QVERIFY(m_rules
                ->recordFiring(QStringLiteral("SHOP.TO"), QStringLiteral("macd-cross-above:12,26,9"),
                               QDate(2026, 11, 3))
                .ok());
    open();
    QCOMPARE(m_stocks->find(QStringLiteral("SHOP.TO")).value()->rules,
             QStringList{QStringLiteral("macd-cross-above:12,26,9")});
    QCOMPARE(m_rules
                 ->recordFiring(QStringLiteral("SHOP.TO"), QStringLiteral("macd-cross-above:12,26,9"),
                                QDate(2026, 11, 3))
                 .value(),
             false);
}

void RuleRepositoryTest::migrationFromVersion12KeepsStocks()
{
    m_rules.reset();
    m_stocks.reset();
    m_db.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QCOMPARE(test::writeSchemaAtVersion(path(), 12), QString());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v12"));
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(
            query.exec(QStringLiteral("INSERT INTO stocks (ticker, stop_ratio, created_at, strategy) VALUES "
                                      "('SHOP.TO', 0.85, '2026-10-01T13:30:00.000Z', 'trailing:0.85')")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO alerts (kind, ticker, subject, message, created_at) VALUES ('breach', 'SHOP.TO', "
            "'s', 'm', '2026-10-02T13:30:00.000Z')")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v12"));
    open();
    QCOMPARE(m_db->schemaVersion(), Database::latestSchemaVersion());
    const auto found = m_stocks->find(QStringLiteral("SHOP.TO"));
    QVERIFY(found.ok() && found.value());
    QCOMPARE(found.value()->ratio, 0.85);
    QVERIFY(found.value()->rules.isEmpty());
    QVERIFY(m_rules->add(QStringLiteral("SHOP.TO"), QStringLiteral("target:120")).ok());
    QCOMPARE(m_stocks->all().value().constFirst().rules, QStringList{QStringLiteral("target:120")});
    QSqlQuery alerts(m_db->connection());
    QVERIFY(alerts.exec(QStringLiteral("SELECT kind, rule FROM alerts")) && alerts.next());
    QCOMPARE(alerts.value(0).toString(), QStringLiteral("breach"));
    QCOMPARE(alerts.value(1).toString(), QString());
}

QTEST_GUILESS_MAIN(RuleRepositoryTest)
#include "tst_rulerepository.moc"
