// Migration 16 moves the columns a quote changes from `stocks` to `stock_quotes`: every value of every
// stock must come through as it was stored, and the two tables must keep one quote row per stock.
#include "SchemaAtVersion.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

namespace {
const QString kColumns = QStringLiteral(
    "ticker, symbol_id, currency, last_price, last_quote_at, peak, stop_ratio, stop_price, entry_price, "
    "last_alert_at, last_alert_market_day, created_at, symbol_not_found, quote_delayed, halted, below_stop, "
    "snoozed_until, listing_exchange, checked_through, strategy, strategy_state, catch_up_from");

// Every column of every stock as SQLite holds it (its type and its SQL text), in ticker order.
QStringList storedStocks(const QSqlDatabase &db, const QString &tables)
{
    QStringList select;
    for (const QString &column : kColumns.split(QStringLiteral(", ")))
        select << QStringLiteral("'%1=' || typeof(%1) || ':' || quote(%1)").arg(column);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY ticker")
                        .arg(select.join(QStringLiteral(", ")), tables)))
        return {QStringLiteral("failed")};
    QStringList rows;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < select.size(); ++i)
            row << query.value(i).toString();
        rows << row.join(QLatin1Char(' '));
    }
    return rows;
}

int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}
} // namespace

class StockQuotesMigrationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keepsEveryValueOfEveryStock();
    void aStockAlwaysHasItsQuoteRow();
};

void StockQuotesMigrationTest::keepsEveryValueOfEveryStock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v15.sqlite"));
    QCOMPARE(test::writeSchemaAtVersion(path, 15), QString());
    QStringList before;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v15"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const char *statement :
             {// Every column set, the strategy's state a JSON object.
              "INSERT INTO stocks (ticker, symbol_id, currency, last_price, last_quote_at, peak, stop_ratio, "
              "stop_price, entry_price, last_alert_at, last_alert_market_day, created_at, symbol_not_found, "
              "quote_delayed, halted, below_stop, snoozed_until, listing_exchange, checked_through, "
              "strategy, strategy_state, catch_up_from) VALUES ('SHOP.TO', 9292929, 'CAD', 92.1, "
              "'2026-11-03T20:59:58.123Z', 106.0, 0.9, 95.4, 80.25, '2026-11-03T21:00:01.000Z', "
              "'2026-11-03', '2026-10-01T13:30:00.000Z', 0, 1, 1, 1, '2026-11-10T14:00:00.000Z', 'TSX', "
              "'2026-11-03T21:00:00.000Z', 'atr:14,3', '{\"activated\":true,\"atr\":1.25,\"highs\":[101,"
              "102.5]}', '2026-11-02T21:00:00.000Z')",
              // Only what is required: the moved columns NULL or their defaults.
              "INSERT INTO stocks (ticker, stop_ratio, created_at) VALUES ('AAPL', 0.85, "
              "'2026-10-02T13:30:00.000Z')",
              // A price stored as an integer, a stop without a peak, a symbol not found.
              "INSERT INTO stocks (ticker, symbol_id, last_price, last_quote_at, stop_ratio, stop_price, "
              "created_at, symbol_not_found, strategy) VALUES ('BRK.B', 7, 131, "
              "'2026-11-04T15:00:00.000Z', 0.8, 104.8, '2026-10-03T13:30:00.000Z', 1, 'trailing:0.8')",
              "INSERT INTO stock_rules (ticker, spec, position) VALUES ('SHOP.TO', 'above:120', 0)"})
            QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
        before = storedStocks(raw, QStringLiteral("stocks"));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v15"));
    QCOMPARE(before.size(), 3);
    QVERIFY2(!before.contains(QStringLiteral("failed")), qPrintable(before.join(QLatin1Char('\n'))));

    auto db = Database::open(path);
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    const QSqlDatabase connection = db.value()->connection();
    QCOMPARE(storedStocks(connection, QStringLiteral("stocks JOIN stock_quotes USING (ticker)")), before);
    QCOMPARE(count(connection, QStringLiteral("SELECT count(*) FROM stock_quotes")), 3);
    // The moved columns are gone from `stocks`: one place holds each value.
    QCOMPARE(
        count(connection, QStringLiteral("SELECT count(*) FROM pragma_table_info('stocks') WHERE name IN "
                                         "('last_price', 'last_quote_at', 'peak', 'stop_price', "
                                         "'checked_through', 'strategy_state')")),
        0);

    const auto shop = StockRepository(connection).find(QStringLiteral("SHOP.TO"));
    QVERIFY(shop.ok() && shop.value());
    QCOMPARE(*shop.value()->lastPrice, 92.1);
    QCOMPARE(*shop.value()->peak, 106.0);
    QCOMPARE(*shop.value()->stop, 95.4);
    QCOMPARE(shop.value()->strategyState.atr, std::optional<double>(1.25));
    QCOMPARE(shop.value()->strategyState.highs, (QList<double>{101, 102.5}));
    QCOMPARE(shop.value()->rules, QStringList{QStringLiteral("above:120")});
}

void StockQuotesMigrationTest::aStockAlwaysHasItsQuoteRow()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    QSqlQuery query(connection);
    const auto quoteRows = [&] {
        return count(connection, QStringLiteral("SELECT count(*) FROM stock_quotes"));
    };

    // A stock inserted by hand (an older build's code path, a shell) gets its quote row from the trigger.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO stocks (ticker, stop_ratio, created_at) VALUES ('RY.TO', "
                                      "0.9, '2026-11-24T00:00:00.000Z')")));
    QCOMPARE(quoteRows(), 1);
    StockState ry = StockRepository(connection).find(QStringLiteral("RY.TO")).value().value();
    StockState quoted = ry;
    quoted.lastPrice = 131.5;
    QVERIFY(StockRepository(connection).updateChanged(ry, quoted).ok());
    QCOMPARE(*StockRepository(connection).find(QStringLiteral("RY.TO")).value()->lastPrice, 131.5);

    // Removed with its stock.
    QVERIFY(StockRepository(connection).remove(QStringLiteral("RY.TO")).ok());
    QCOMPARE(quoteRows(), 0);

    // A quote row orphaned by a delete made with foreign keys off is replaced when the stock comes back.
    QVERIFY(query.exec(QStringLiteral("INSERT INTO stocks (ticker, stop_ratio, created_at) VALUES ('TD.TO', "
                                      "0.9, '2026-11-24T00:00:00.000Z')")));
    QVERIFY(query.exec(QStringLiteral("UPDATE stock_quotes SET last_price = 80 WHERE ticker = 'TD.TO'")));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
    QVERIFY(query.exec(QStringLiteral("DELETE FROM stocks WHERE ticker = 'TD.TO'")));
    QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys = ON")));
    QCOMPARE(quoteRows(), 1);
    StockState td = ry;
    td.ticker = QStringLiteral("TD.TO");
    td.lastPrice = 82.0;
    QVERIFY(StockRepository(connection).insert(td).ok());
    QCOMPARE(quoteRows(), 1);
    QCOMPARE(*StockRepository(connection).find(QStringLiteral("TD.TO")).value()->lastPrice, 82.0);
}

QTEST_GUILESS_MAIN(StockQuotesMigrationTest)
#include "tst_stockquotesmigration.moc"
