#include "SchemaAtVersion.h"
#include "TestSupport.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <latch>
#include <stdexcept>
#include <thread>

using namespace trailguard;
using trailguard::test::utc;

namespace {
QVariant pragma(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next())
        return {};
    return query.value(0);
}

int rowCount(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool insertProbe(const QSqlDatabase &db, const QString &ticker)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("INSERT INTO stocks (ticker, stop_ratio, created_at) VALUES ('%1', 0.9, "
                                     "'2026-11-24T00:00:00.000Z')")
                          .arg(ticker));
}
} // namespace

class DatabaseTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createsAndMigratesToLatest();
    void connectionSettings();
    void filesArePrivateToTheOwner();
    void migrationsAreConsecutive();
    void reopeningKeepsData();
    void heldStopMigrationKeepsOldRows();
    void escalationMigrationKeepsEveryDelivery();
    void concurrentUpgradesBothSucceed();
    void refusesNewerDatabaseUntouched();
    void refusesAFileThatIsNotADatabase();
    void reportsAnUnwritableLocation();
    void transactionCommitsOnSuccess();
    void transactionRollsBackOnError();
    void transactionRollsBackOnException();
    void scopedTransactionRollsBackWithoutCommit();
    void nestedTransactionsCommitIntoTheOuterOne();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("trailguard.sqlite")); }
};

void DatabaseTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void DatabaseTest::createsAndMigratesToLatest()
{
    auto db = Database::open(path());
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
    QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(QFile::exists(path()));
    QCOMPARE(rowCount(db.value()->connection(), QStringLiteral("stocks")), 0);
}

void DatabaseTest::connectionSettings()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    QCOMPARE(pragma(connection, QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(connection, QStringLiteral("foreign_keys")).toInt(), 1);
    QVERIFY(pragma(connection, QStringLiteral("busy_timeout")).toInt() >= 1000);
}

void DatabaseTest::filesArePrivateToTheOwner()
{
    // Alert texts, positions and amounts: nobody else on the machine reads them.
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QVERIFY(insertProbe(db.value()->connection(), QStringLiteral("AAPL"))); // writes the WAL
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            const QFileInfo file(path() + suffix);
            QVERIFY2(file.exists(), qPrintable(file.fileName()));
            QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
        }
    }
    // A database made by an older version with the umask's mode is tightened when opened.
    QVERIFY(QFile::setPermissions(path(), ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    auto reopened = Database::open(path());
    QVERIFY(reopened.ok());
    QCOMPARE(QFileInfo(path()).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), ownerOnly);
}

void DatabaseTest::migrationsAreConsecutive()
{
    int expected = 1;
    for (const Migration &migration : schemaMigrations()) {
        QCOMPARE(migration.version, expected++);
        QVERIFY(!migration.statements.isEmpty());
    }
    QCOMPARE(Database::latestSchemaVersion(), expected - 1);
}

void DatabaseTest::reopeningKeepsData()
{
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QVERIFY(insertProbe(db.value()->connection(), QStringLiteral("AAPL")));
    }
    auto again = Database::open(path());
    QVERIFY(again.ok());
    QCOMPARE(rowCount(again.value()->connection(), QStringLiteral("stocks")), 1);
    QCOMPARE(again.value()->schemaVersion(), Database::latestSchemaVersion());
}

void DatabaseTest::heldStopMigrationKeepsOldRows()
{
    // A database of version 10 (before the held peak and stop) with a quote and a candle in it.
    QCOMPARE(test::writeSchemaAtVersion(path(), 10), QString());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v10"));
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const char *statement :
             {"INSERT INTO price_quotes (ticker, time, price) VALUES ('RY.TO', '2026-03-09T15:00:00.000Z', "
              "131.5)",
              "INSERT INTO candles (ticker, interval_seconds, start, end, close) VALUES ('RY.TO', 300, "
              "'2026-03-09T14:00:00.000Z', '2026-03-09T14:05:00.000Z', 130)"})
            QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v10"));
    auto db = Database::open(path());
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    PriceHistoryRepository repository(db.value()->connection());
    const QDateTime day(QDate(2026, 3, 9), QTime(0, 0), QTimeZone::utc());
    const auto quotes = repository.quotes(QStringLiteral("RY.TO"), day, day.addDays(1));
    QVERIFY(quotes.ok());
    QCOMPARE(quotes.value().size(), 1);
    QCOMPARE(quotes.value().constFirst().price, 131.5);
    const auto held = repository.quoteHeldStops(QStringLiteral("RY.TO"), day, day.addDays(1));
    QVERIFY(held.ok());
    QVERIFY(held.value().isEmpty());
    const auto candles = repository.candles(QStringLiteral("RY.TO"), 300, day, day.addDays(1));
    QVERIFY(candles.ok());
    QCOMPARE(candles.value().size(), 1);
    QCOMPARE(candles.value().constFirst().close, 130.0);
    QVERIFY(!candles.value().constFirst().peak);
    QVERIFY(!candles.value().constFirst().stop);
}

void DatabaseTest::escalationMigrationKeepsEveryDelivery()
{
    // A version-14 database with an alert and three deliveries in every state: migration 15 rebuilds the
    // table and keeps each row as it was, as the first delivery (step 0, not urgent).
    QCOMPARE(test::writeSchemaAtVersion(path(), 14), QString());
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v14"));
        raw.setDatabaseName(path());
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        for (const char *statement :
             {"INSERT INTO alerts (id, kind, ticker, rule, subject, message, created_at, acknowledged_at, "
              "ack_source) VALUES (7, 'breach', 'RY.TO', '', 'Stop-loss breach: RY.TO', '{}', "
              "'2026-03-09T15:00:00.000Z', '2026-03-09T15:05:00.000Z', 'web')",
              "INSERT INTO deliveries (id, alert_id, channel, status, attempts, next_attempt_at, "
              "last_attempt_at, last_error, delivered_at) VALUES (3, 7, 'email', 'delivered', 1, "
              "'2026-03-09T15:00:00.000Z', '2026-03-09T15:00:01.000Z', '', '2026-03-09T15:00:01.000Z')",
              "INSERT INTO deliveries (id, alert_id, channel, status, attempts, next_attempt_at, last_error) "
              "VALUES (4, 7, 'ntfy', 'failed', 5, '2026-03-09T16:00:00.000Z', 'HTTP 403')",
              "INSERT INTO deliveries (id, alert_id, channel, status, attempts, next_attempt_at, claimed_by, "
              "claim_expires_at) VALUES (5, 7, 'discord', 'pending', 2, '2026-03-09T15:10:00.000Z', "
              "'123:abc', '2026-03-09T15:12:00.000Z')"})
            QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v14"));
    auto db = Database::open(path());
    QVERIFY(db.ok());
    QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
    AlertRepository alerts(db.value()->connection());
    const auto found = alerts.find(7);
    QVERIFY(found.ok() && found.value());
    const AlertRecord &record = *found.value();
    QCOMPARE(record.ackSource, QStringLiteral("web"));
    QCOMPARE(record.deliveries.size(), 3);
    QHash<QString, Delivery> byChannel;
    for (const Delivery &delivery : record.deliveries) {
        QCOMPARE(delivery.escalationStep, 0);
        QVERIFY(!delivery.urgent);
        byChannel.insert(delivery.channel, delivery);
    }
    QCOMPARE(byChannel.value(QStringLiteral("email")).id, 3);
    QCOMPARE(byChannel.value(QStringLiteral("email")).status, Delivery::Status::Delivered);
    QCOMPARE(byChannel.value(QStringLiteral("email")).deliveredAt, utc(2026, 3, 9, 15, 0, 1));
    QCOMPARE(byChannel.value(QStringLiteral("ntfy")).status, Delivery::Status::Failed);
    QCOMPARE(byChannel.value(QStringLiteral("ntfy")).attempts, 5);
    QCOMPARE(byChannel.value(QStringLiteral("ntfy")).lastError, QStringLiteral("HTTP 403"));
    QCOMPARE(byChannel.value(QStringLiteral("discord")).status, Delivery::Status::Pending);
    QCOMPARE(byChannel.value(QStringLiteral("discord")).claimedBy, QStringLiteral("123:abc"));
    QCOMPARE(byChannel.value(QStringLiteral("discord")).nextAttemptAt, utc(2026, 3, 9, 15, 10));
    // The new constraint: one delivery per alert, channel and step; a step of its own is accepted.
    QSqlQuery insert(db.value()->connection());
    QVERIFY(!insert.exec(QStringLiteral("INSERT INTO deliveries (alert_id, channel, status, next_attempt_at) "
                                        "VALUES (7, 'email', 'pending', '2026-03-09T15:30:00.000Z')")));
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO deliveries (alert_id, channel, status, next_attempt_at, "
                                       "escalation_step) VALUES (7, 'email', 'cancelled', "
                                       "'2026-03-09T15:30:00.000Z', 1)")));
}

void DatabaseTest::concurrentUpgradesBothSucceed()
{
    // Two connections (as two processes would) open the same fresh file at the same moment: the second
    // waits for the first's upgrade and finds the schema current, instead of failing on "duplicate column"
    // or "table already exists". Several rounds, released together, so the two really overlap.
    constexpr int kRounds = 10;
    for (int round = 0; round < kRounds; ++round) {
        const QString file = m_dir->filePath(QStringLiteral("concurrent-%1.sqlite").arg(round));
        std::latch start(2);
        QString errors[2];
        int versions[2] = {-1, -1};
        const auto openOnce = [&](int which) {
            start.arrive_and_wait();
            auto db = Database::open(file);
            if (!db.ok()) {
                errors[which] = db.error().message;
                return;
            }
            versions[which] = db.value()->schemaVersion();
        };
        std::thread first(openOnce, 0);
        std::thread second(openOnce, 1);
        first.join();
        second.join();
        for (int which = 0; which < 2; ++which) {
            QVERIFY2(errors[which].isEmpty(),
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(errors[which])));
            QCOMPARE(versions[which], Database::latestSchemaVersion());
        }
    }
}

void DatabaseTest::refusesNewerDatabaseUntouched()
{
    {
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QSqlQuery query(db.value()->connection());
        QVERIFY(
            query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Database::latestSchemaVersion() + 7)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        query.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
    }
    const QByteArray before = fileHash(path());
    QVERIFY(!before.isEmpty());

    auto refused = Database::open(path());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::DatabaseTooNew);
    QVERIFY2(refused.error().message.contains(QStringLiteral("newer")), qPrintable(refused.error().message));
    QVERIFY(refused.error().message.contains(QString::number(Database::latestSchemaVersion() + 7)));
    QCOMPARE(fileHash(path()), before);
    QVERIFY(!QFile::exists(path() + QStringLiteral("-wal")) ||
            QFile(path() + QStringLiteral("-wal")).size() == 0);
}

void DatabaseTest::refusesAFileThatIsNotADatabase()
{
    QFile file(path());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto refused = Database::open(path());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::DatabaseOpen);
    QVERIFY(refused.error().message.contains(QStringLiteral("--data-dir")));
}

void DatabaseTest::reportsAnUnwritableLocation()
{
    auto refused = Database::open(m_dir->filePath(QStringLiteral("missing/folder/trailguard.sqlite")));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::DatabaseOpen);
}

void DatabaseTest::transactionCommitsOnSuccess()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    const Status status = inTransaction(connection, [&]() -> Status {
        if (!insertProbe(connection, QStringLiteral("AAA")) ||
            !insertProbe(connection, QStringLiteral("BBB")))
            return Error{ErrorCode::DatabaseQuery, QStringLiteral("insert failed")};
        return success();
    });
    QVERIFY(status.ok());
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 2);
}

void DatabaseTest::transactionRollsBackOnError()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    const Status status = inTransaction(connection, [&]() -> Status {
        insertProbe(connection, QStringLiteral("AAA"));
        return Error{ErrorCode::DatabaseQuery, QStringLiteral("second step failed")};
    });
    QVERIFY(!status.ok());
    QCOMPARE(status.error().message, QStringLiteral("second step failed"));
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 0);
}

void DatabaseTest::transactionRollsBackOnException()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    bool thrown = false;
    try {
        const Status status = inTransaction(connection, [&]() -> Status {
            insertProbe(connection, QStringLiteral("AAA"));
            throw std::runtime_error("boom");
        });
        Q_UNUSED(status)
    } catch (const std::runtime_error &) {
        thrown = true;
    }
    QVERIFY(thrown);
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 0);
    // The connection is usable afterwards: no transaction was left open.
    QVERIFY(insertProbe(connection, QStringLiteral("BBB")));
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 1);
}

void DatabaseTest::scopedTransactionRollsBackWithoutCommit()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    {
        Transaction transaction(connection);
        QVERIFY(transaction.isActive());
        QVERIFY(insertProbe(connection, QStringLiteral("AAA")));
    }
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 0);
    {
        Transaction transaction(connection);
        QVERIFY(insertProbe(connection, QStringLiteral("AAA")));
        QVERIFY(transaction.commit().ok());
    }
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 1);
}

void DatabaseTest::nestedTransactionsCommitIntoTheOuterOne()
{
    auto db = Database::open(path());
    QVERIFY(db.ok());
    const QSqlDatabase connection = db.value()->connection();
    // Inner commits, outer fails: nothing is kept.
    const Status failed = inTransaction(connection, [&]() -> Status {
        const Status inner = inTransaction(connection, [&]() -> Status {
            return insertProbe(connection, QStringLiteral("AAA"))
                       ? success()
                       : Status(Error{ErrorCode::DatabaseQuery, {}});
        });
        if (!inner.ok())
            return inner;
        return Error{ErrorCode::DatabaseQuery, QStringLiteral("later step failed")};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 0);

    // Inner fails, outer goes on and commits: only the outer work is kept.
    const Status partial = inTransaction(connection, [&]() -> Status {
        if (!insertProbe(connection, QStringLiteral("BBB")))
            return Error{ErrorCode::DatabaseQuery, QStringLiteral("insert failed")};
        const Status inner = inTransaction(connection, [&]() -> Status {
            insertProbe(connection, QStringLiteral("CCC"));
            return Error{ErrorCode::DatabaseQuery, QStringLiteral("inner failed")};
        });
        Q_UNUSED(inner)
        return success();
    });
    QVERIFY(partial.ok());
    QCOMPARE(rowCount(connection, QStringLiteral("stocks")), 1);
}

QTEST_GUILESS_MAIN(DatabaseTest)
#include "tst_database.moc"
