// HistoryConversion: a database written with schema 11 (text tickers and times) is converted by migration 12
// and every candle and quote reads back the same; a conversion stopped half-way resumes and loses nothing.
#include "SchemaAtVersion.h"
#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/HistoryConversion.h"
#include "storage/PriceHistoryRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;
using trailguard::test::toronto;
using trailguard::test::utc;

namespace {
constexpr int kSchemaBefore = 11;

struct OldQuote {
    QString ticker;
    QDateTime time;
    double price;
    std::optional<double> peak;
    std::optional<double> stop;
};

struct OldCandle {
    QString ticker;
    qint64 intervalSeconds;
    StoredCandle candle;
};

QVariant sqlValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QString iso(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// What schema 11 held: three tickers (one never watched), 5-minute candles with and without the held peak
// and stop, close-only daily candles, prices exact in cents and not (1/3), quotes a few ms apart.
class OldHistory {
public:
    QList<OldQuote> quotes;
    QList<OldCandle> candles;
    QStringList tickers{QStringLiteral("AAPL"), QStringLiteral("RY.TO"), QStringLiteral("ZZ.IMPORTED")};

    OldHistory()
    {
        for (int t = 0; t < tickers.size(); ++t) {
            const QString &ticker = tickers.at(t);
            const QDateTime open = utc(2026, 3, 9, 14, 30);
            for (int i = 0; i < 40; ++i) {
                StoredCandle candle;
                candle.start = open.addSecs(300LL * i);
                candle.end = candle.start.addSecs(300);
                candle.open = 100.25 + t + i * 0.01;
                candle.high = *candle.open + 1.0 / 3.0; // not exact in ten-thousandths
                candle.low = 99.5 + t;
                candle.close = 100.1234 + t;
                if (i % 3 == 0)
                    candle.volume = 1000 + i;
                if (i % 2 == 0) {
                    candle.peak = 120.07 + t;
                    candle.stop = (120.07 + t) * 0.92;
                }
                candles.append(OldCandle{ticker, 300, candle});
            }
            for (int d = 0; d < 5; ++d) { // 2026-03-08 is 23 hours long in Toronto
                StoredCandle daily;
                daily.start = toronto(2026, 3, 6 + d, 0);
                daily.end = toronto(2026, 3, 7 + d, 0);
                daily.close = 90.0 + d + t * 7.777777;
                candles.append(OldCandle{ticker, 86400, daily});
            }
            for (int i = 0; i < 30; ++i) {
                const QDateTime time = utc(2026, 3, 10, 15).addMSecs(qint64(i) * 250 + 7);
                std::optional<double> peak;
                std::optional<double> stop;
                if (i % 4 != 0) {
                    peak = 130.5 + t;
                    stop = (130.5 + t) * 0.9;
                }
                quotes.append(OldQuote{ticker, time, 129.0 + i * 0.005 + t, peak, stop});
            }
        }
    }

    // Writes the rows the way schema 11 stored them.
    bool writeTo(const QSqlDatabase &db) const
    {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("BEGIN")))
            return false;
        query.prepare(
            QStringLiteral("INSERT INTO candles (ticker, interval_seconds, start, end, open, high, "
                           "low, close, volume, peak, stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const OldCandle &old : candles) {
            const StoredCandle &c = old.candle;
            for (const QVariant &value :
                 {QVariant(old.ticker), QVariant(old.intervalSeconds), QVariant(iso(c.start)),
                  QVariant(iso(c.end)), sqlValue(c.open), sqlValue(c.high), sqlValue(c.low),
                  QVariant(c.close),
                  c.volume ? QVariant(*c.volume) : QVariant(QMetaType(QMetaType::LongLong)), sqlValue(c.peak),
                  sqlValue(c.stop)})
                query.addBindValue(value);
            if (!query.exec())
                return false;
        }
        query.prepare(QStringLiteral(
            "INSERT INTO price_quotes (ticker, time, price, peak, stop) VALUES (?, ?, ?, ?, ?)"));
        for (const OldQuote &quote : quotes) {
            query.addBindValue(quote.ticker);
            query.addBindValue(iso(quote.time));
            query.addBindValue(quote.price);
            query.addBindValue(sqlValue(quote.peak));
            query.addBindValue(sqlValue(quote.stop));
            if (!query.exec())
                return false;
        }
        return query.exec(QStringLiteral("COMMIT"));
    }

    // Every candle and quote, read back through the repository, equals what schema 11 held.
    void compareWith(const PriceHistoryRepository &repository) const
    {
        const QDateTime from = utc(2020, 1, 1, 0);
        const QDateTime to = utc(2030, 1, 1, 0);
        for (const QString &ticker : tickers) {
            for (const qint64 interval : {qint64(300), qint64(86400)}) {
                QList<StoredCandle> expected;
                for (const OldCandle &old : candles) {
                    if (old.ticker == ticker && old.intervalSeconds == interval)
                        expected.append(old.candle);
                }
                const auto stored = repository.candles(ticker, interval, from, to);
                QVERIFY(stored.ok());
                QCOMPARE(stored.value().size(), expected.size());
                for (qsizetype i = 0; i < expected.size(); ++i)
                    QCOMPARE(stored.value().at(i), expected.at(i));
            }
            QList<PricePoint> expectedPrices;
            QList<StopPoint> expectedHeld;
            for (const OldQuote &quote : quotes) {
                if (quote.ticker != ticker)
                    continue;
                expectedPrices.append(PricePoint{quote.time, quote.price});
                if (quote.peak && quote.stop)
                    expectedHeld.append(StopPoint{quote.time, *quote.peak, *quote.stop});
            }
            const auto prices = repository.quotes(ticker, from, to);
            QVERIFY(prices.ok());
            QCOMPARE(prices.value(), expectedPrices);
            const auto held = repository.quoteHeldStops(ticker, from, to);
            QVERIFY(held.ok());
            QCOMPARE(held.value(), expectedHeld);
        }
    }
};

bool tableExists(const QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

int count(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
}
} // namespace

class HistoryConversionTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    OldHistory m_old;
    QString path() const { return m_dir->filePath(QStringLiteral("trailguard.sqlite")); }

    // A file as Trailguard with schema 11 left it, holding m_old.
    void writeOldDatabase()
    {
        QCOMPARE(test::writeSchemaAtVersion(path(), kSchemaBefore), QString());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QVERIFY(m_old.writeTo(db));
        db.close();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        m_dir.reset();
    }

    void convertsEveryCandleAndQuote()
    {
        writeOldDatabase();
        QVERIFY(HistoryConversion::isPendingForFile(path()));
        qint64 lastMoved = 0;
        qint64 total = 0;
        auto db = Database::open(path(), [&](qint64 moved, qint64 all) {
            QVERIFY(moved >= lastMoved);
            lastMoved = moved;
            total = all;
        });
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE(total, qint64(m_old.candles.size() + m_old.quotes.size()));
        QCOMPARE(lastMoved, total);
        QCOMPARE(db.value()->schemaVersion(), Database::latestSchemaVersion());
        const QSqlDatabase connection = db.value()->connection();
        QVERIFY(!tableExists(connection, QStringLiteral("candles_v11")));
        QVERIFY(!tableExists(connection, QStringLiteral("price_quotes_v11")));
        QVERIFY(!HistoryConversion::isPendingForFile(path()));
        QCOMPARE(count(connection, QStringLiteral("SELECT count(*) FROM history_tickers")), 3);
        // Only the DST day's candles keep their end: the others' is start + interval.
        QCOMPARE(
            count(connection, QStringLiteral("SELECT count(*) FROM candles WHERE clipped_end IS NOT NULL")),
            3);
        m_old.compareWith(PriceHistoryRepository(connection));
    }

    void pricesExactInTenThousandthsAreStoredAsIntegers()
    {
        writeOldDatabase();
        auto db = Database::open(path());
        QVERIFY(db.ok());
        const QSqlDatabase connection = db.value()->connection();
        // 100.1234 is exact in ten-thousandths; 100.25 + 1/3 is not and stays a REAL.
        const QString fiveMinute = QStringLiteral("SELECT count(*) FROM candles JOIN candle_series AS s ON "
                                                  "s.id = series_id WHERE s.interval_seconds = 300 AND %1");
        QCOMPARE(count(connection, fiveMinute.arg(QStringLiteral("typeof(close) != 'integer'"))), 0);
        QCOMPARE(count(connection, fiveMinute.arg(QStringLiteral("typeof(high) != 'real'"))), 0);
        QCOMPARE(count(connection, fiveMinute.arg(QStringLiteral("1"))), 120);
    }

    void resumesAfterAnInterruptedConversion()
    {
        writeOldDatabase();
        // Migration 12 applied and the first ticker moved, then the process was killed.
        {
            QSqlDatabase db = QSqlDatabase::database(QStringLiteral("old"));
            QVERIFY(db.open());
            QSqlQuery query(db);
            for (const QString &statement : schemaMigrations().at(kSchemaBefore).statements)
                QVERIFY2(query.exec(statement), qPrintable(statement));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 12")));
            QVERIFY(HistoryConversion::run(db, {}, 1));
            QVERIFY(HistoryConversion::isPending(db));
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM candles_v11 WHERE ticker = 'AAPL'")), 0);
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM candles")), 45);
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM price_quotes")), 30);
            QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM candles_v11")), 90);
            // A step cut off inside its transaction leaves nothing behind.
            QVERIFY(query.exec(QStringLiteral("BEGIN")));
            QVERIFY(query.exec(QStringLiteral("DELETE FROM candles_v11 WHERE ticker = 'RY.TO'")));
            db.close(); // never committed: rolled back
        }
        QVERIFY(HistoryConversion::isPendingForFile(path()));
        auto db = Database::open(path());
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QVERIFY(!HistoryConversion::isPending(db.value()->connection()));
        m_old.compareWith(PriceHistoryRepository(db.value()->connection()));
    }

    void aNewDatabaseHasNothingToConvert()
    {
        QVERIFY(!HistoryConversion::isPendingForFile(path()));
        auto db = Database::open(path());
        QVERIFY(db.ok());
        QVERIFY(!HistoryConversion::isPending(db.value()->connection()));
        QVERIFY(!HistoryConversion::isPendingForFile(path()));
    }
};

QTEST_GUILESS_MAIN(HistoryConversionTest)
#include "tst_historyconversion.moc"
