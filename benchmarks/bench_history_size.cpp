// How big the price history gets: a year of 5-minute candles for 100 tickers (what the retention policy
// keeps once raw quotes are folded), written through PriceHistoryRepository into a temporary SQLite file,
// and for comparison one trading day of raw quotes polled every 5 s. Prices are in cents, as the broker
// sends them (one line also shows candles of arbitrary doubles). Prints the file sizes and FIGURE lines:
// bytes per candle and per quote, the chart read of one ticker's year (also timed with QBENCHMARK), and
// the conversion of the same year written with schema 11 (migration 12).
#include "storage/Database.h"
#include "storage/Migrations.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/SqlValues.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>

using namespace trailguard;

namespace {
constexpr int kTickers = 100;
constexpr int kTradingDays = 252;
constexpr int kCandlesPerDay = 78; // 09:30-16:00 New York in 5-minute candles
constexpr int kQuoteSeconds = 5;

QString tickerName(int i)
{
    return QStringLiteral("TICK%1.TO").arg(i, 3, 10, QLatin1Char('0'));
}

// The trading days (weekdays) of one year ending 2026-11-20.
QList<QDate> tradingDays()
{
    QList<QDate> days;
    for (QDate day(2026, 11, 20); days.size() < kTradingDays; day = day.addDays(-1)) {
        if (day.dayOfWeek() <= 5)
            days.prepend(day);
    }
    return days;
}

// Database file plus its WAL, after a checkpoint: what the history costs on disk.
qint64 sizeOnDisk(Database &database)
{
    QSqlQuery query(database.connection());
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    const QString file = database.filePath();
    return QFileInfo(file).size() + QFileInfo(file + QStringLiteral("-wal")).size();
}

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

double cents(double price)
{
    return std::round(price * 100.0) / 100.0;
}

// A year of 5-minute candles of ticker `t` (open, high, low, close; in cents unless `anyDouble`).
QList<StoredCandle> yearOfCandles(int t, bool anyDouble)
{
    const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
    const auto price = [anyDouble](double value) { return anyDouble ? value : cents(value); };
    QList<StoredCandle> candles;
    candles.reserve(qsizetype(kTradingDays) * kCandlesPerDay);
    double last = 20.0 + t;
    qint64 row = 0;
    for (const QDate &day : tradingDays()) {
        const QDateTime open(day, QTime(9, 30), newYork);
        for (int i = 0; i < kCandlesPerDay; ++i, ++row) {
            StoredCandle candle;
            candle.start = open.addSecs(300LL * i).toUTC();
            candle.end = candle.start.addSecs(300);
            const double next = price(last * (1.0 + 0.001 * std::sin(double(row) * 0.7)));
            candle.open = last;
            candle.close = next;
            candle.high = price(std::max(last, next) * 1.0005);
            candle.low = price(std::min(last, next) * 0.9995);
            candle.volume = 1000 + (row * 37) % 5000;
            candles.append(candle);
            last = next;
        }
    }
    return candles;
}

// Writes `tickers` years of candles the way schema 11 stored them (ISO text, stored end) into a new file.
bool writeSchema11History(const QString &file, int tickers)
{
    const QString name = QStringLiteral("schema-11");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery query(db);
        ok = ok && query.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
        for (const Migration &migration : schemaMigrations()) {
            for (const QString &statement : migration.statements)
                ok = ok && (migration.version > 11 || query.exec(statement));
        }
        ok = ok && query.exec(QStringLiteral("PRAGMA user_version = 11")) &&
             query.exec(QStringLiteral("BEGIN"));
        query.prepare(
            QStringLiteral("INSERT INTO candles (ticker, interval_seconds, start, end, open, high, low, "
                           "close, volume) VALUES (?, 300, ?, ?, ?, ?, ?, ?, ?)"));
        for (int t = 0; ok && t < tickers; ++t) {
            for (const StoredCandle &c : yearOfCandles(t, false)) {
                query.bindValue(0, tickerName(t));
                query.bindValue(1, c.start.toString(Qt::ISODateWithMs));
                query.bindValue(2, c.end.toString(Qt::ISODateWithMs));
                query.bindValue(3, *c.open);
                query.bindValue(4, *c.high);
                query.bindValue(5, *c.low);
                query.bindValue(6, c.close);
                query.bindValue(7, *c.volume);
                ok = ok && query.exec();
            }
        }
        ok = ok && query.exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

class BenchHistorySize : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_candles;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto database = Database::open(m_dir.filePath(QStringLiteral("candles.sqlite")));
        QVERIFY(database);
        m_candles = std::move(database).value();
    }

    void aYearOfFiveMinuteCandlesFor100Tickers()
    {
        const qint64 empty = sizeOnDisk(*m_candles);
        PriceHistoryRepository repository(m_candles->connection());
        QElapsedTimer timer;
        timer.start();
        qint64 rows = 0;
        for (int t = 0; t < kTickers; ++t) {
            const QList<StoredCandle> candles = yearOfCandles(t, false);
            QVERIFY(repository.storeCandles(tickerName(t), 300, candles));
            rows += candles.size();
        }
        const qint64 size = sizeOnDisk(*m_candles) - empty;
        qInfo().noquote() << QStringLiteral("A year of 5-minute candles, %1 tickers: %2 candles, %3 on disk "
                                            "(%4 bytes per candle), written in %5 s")
                                 .arg(kTickers)
                                 .arg(rows)
                                 .arg(mebibytes(size))
                                 .arg(double(size) / double(rows), 0, 'f', 1)
                                 .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
        qInfo().noquote() << QStringLiteral("FIGURE: bytes per stored 5-minute candle: %1")
                                 .arg(double(size) / double(rows), 0, 'f', 1);
        QCOMPARE(rows, qint64(kTickers) * kTradingDays * kCandlesPerDay);
    }

    // Prices that are not whole ten-thousandths (computed, adjusted) are stored as 8-byte REALs.
    void candlesOfArbitraryDoubles()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("doubles.sqlite")));
        QVERIFY(database);
        const qint64 empty = sizeOnDisk(*database.value());
        PriceHistoryRepository repository(database.value()->connection());
        constexpr int kSome = 10;
        qint64 rows = 0;
        for (int t = 0; t < kSome; ++t) {
            const QList<StoredCandle> candles = yearOfCandles(t, true);
            QVERIFY(repository.storeCandles(tickerName(t), 300, candles));
            rows += candles.size();
        }
        const qint64 size = sizeOnDisk(*database.value()) - empty;
        qInfo().noquote() << QStringLiteral("FIGURE: bytes per stored 5-minute candle of arbitrary doubles "
                                            "(%1 tickers): %2")
                                 .arg(kSome)
                                 .arg(double(size) / double(rows), 0, 'f', 1);
    }

    void convertingAYearFor100TickersFromSchema11()
    {
        const QString file = m_dir.filePath(QStringLiteral("schema11.sqlite"));
        QVERIFY(writeSchema11History(file, kTickers));
        const qint64 before = QFileInfo(file).size() + QFileInfo(file + QStringLiteral("-wal")).size();
        QElapsedTimer timer;
        timer.start();
        auto database = Database::open(file);
        const qint64 elapsed = timer.elapsed();
        QVERIFY(database);
        const qint64 after = sizeOnDisk(*database.value());
        qInfo().noquote() << QStringLiteral("FIGURE: converting a year of 5-minute candles of %1 tickers "
                                            "(schema 11 -> 12): %2 s, %3 -> %4")
                                 .arg(kTickers)
                                 .arg(double(elapsed) / 1000.0, 0, 'f', 1)
                                 .arg(mebibytes(before), mebibytes(after));
        PriceHistoryRepository repository(database.value()->connection());
        const auto converted = repository.candles(
            tickerName(7), 300, QDateTime(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc()),
            QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(converted);
        QCOMPARE(converted.value(), yearOfCandles(7, false));
    }

    void oneDayOfRawQuotesFor100Tickers()
    {
        auto database = Database::open(m_dir.filePath(QStringLiteral("quotes.sqlite")));
        QVERIFY(database);
        const qint64 empty = sizeOnDisk(*database.value());
        PriceHistoryRepository repository(database.value()->connection());
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        const QDateTime open(QDate(2026, 11, 20), QTime(9, 30), newYork);
        const int perDay = 6 * 3600 / kQuoteSeconds + 30 * 60 / kQuoteSeconds;
        QSqlQuery begin(database.value()->connection());
        QVERIFY(begin.exec(QStringLiteral("BEGIN")));
        for (int t = 0; t < kTickers; ++t) {
            for (int i = 0; i < perDay; ++i)
                QVERIFY(repository.recordQuote(tickerName(t), open.addSecs(qint64(kQuoteSeconds) * i),
                                               double(2000 + 100 * t + i % 50) / 100.0));
        }
        QVERIFY(begin.exec(QStringLiteral("COMMIT")));
        const qint64 size = sizeOnDisk(*database.value()) - empty;
        const qint64 rows = qint64(kTickers) * perDay;
        qInfo().noquote() << QStringLiteral(
                                 "One trading day of raw quotes every %1 s, %2 tickers: %3 quotes, %4 "
                                 "(%5 bytes per quote); 30 days kept raw: about %6")
                                 .arg(kQuoteSeconds)
                                 .arg(kTickers)
                                 .arg(rows)
                                 .arg(mebibytes(size))
                                 .arg(double(size) / double(rows), 0, 'f', 1)
                                 .arg(mebibytes(size * 21)); // 21 trading days in 30
        qInfo().noquote() << QStringLiteral("FIGURE: bytes per stored raw quote: %1")
                                 .arg(double(size) / double(rows), 0, 'f', 1);
    }

    // What the monitor records: each quote with the peak and stop held after it (a trailing stop at 0.93 of
    // the peak, rarely whole ten-thousandths) over a seeded random walk in cents, once through the
    // repository (the pair stored only where it changes, QuoteHeldStops) and once as before (with every
    // quote, by the statements recordQuote ran before).
    void oneDayOfRawQuotesWithHeldStops()
    {
        const int perDay = 6 * 3600 / kQuoteSeconds + 30 * 60 / kQuoteSeconds;
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        const QDateTime open(QDate(2026, 11, 20), QTime(9, 30), newYork);
        const qint64 rows = qint64(kTickers) * perDay;
        double perQuote[2] = {0, 0};
        double microsecondsPerRecord[2] = {0, 0};
        qint64 pairs = 0;
        for (const bool everyQuote : {false, true}) {
            auto database = Database::open(m_dir.filePath(everyQuote ? QStringLiteral("held-every.sqlite")
                                                                     : QStringLiteral("held.sqlite")));
            QVERIFY(database);
            const qint64 empty = sizeOnDisk(*database.value());
            PriceHistoryRepository repository(database.value()->connection());
            QSqlQuery query(database.value()->connection());
            QVERIFY(query.exec(QStringLiteral("BEGIN")));
            // What recordQuote did before: both statements prepared for each quote, the pair always stored.
            const auto recordAsBefore = [&](const QString &ticker, const QDateTime &time, double price,
                                            double peak, double stop) {
                QSqlQuery known(database.value()->connection());
                known.prepare(QStringLiteral("INSERT OR IGNORE INTO history_tickers (ticker) VALUES (?)"));
                known.addBindValue(ticker);
                QSqlQuery insert(database.value()->connection());
                insert.prepare(
                    QStringLiteral("INSERT OR REPLACE INTO price_quotes (ticker_id, time, price, peak, "
                                   "stop) VALUES ((SELECT id FROM history_tickers WHERE ticker = ?), "
                                   "?, ?, ?, ?)"));
                insert.addBindValue(ticker);
                insert.addBindValue(SqlValues::epochMs(time));
                insert.addBindValue(SqlValues::priceValue(price));
                insert.addBindValue(SqlValues::priceValue(peak));
                insert.addBindValue(SqlValues::priceValue(stop));
                return known.exec() && insert.exec();
            };
            quint32 seed = 7;
            pairs = 0;
            QElapsedTimer timer;
            timer.start();
            for (int t = 0; t < kTickers; ++t) {
                QVERIFY(repository.recordQuote(tickerName(t), open.addSecs(-60), 1.0)); // gives it an id
                qint64 cents = 2000 + 100 * t;
                qint64 peak = 0;
                for (int i = 0; i < perDay; ++i) {
                    seed = seed * 1664525u + 1013904223u;
                    cents = std::max<qint64>(100, cents + qint64(seed >> 30) -
                                                      qint64((seed >> 26) & 3)); // ±3 cents
                    pairs += cents > peak;
                    peak = std::max(peak, cents);
                    const QDateTime time = open.addSecs(qint64(kQuoteSeconds) * i);
                    const double price = double(cents) / 100.0;
                    const double held = double(peak) / 100.0;
                    if (!everyQuote) {
                        QVERIFY(repository.recordQuote(tickerName(t), time, price, held, held * 0.93));
                        continue;
                    }
                    QVERIFY(recordAsBefore(tickerName(t), time, price, held, held * 0.93));
                }
            }
            QVERIFY(query.exec(QStringLiteral("COMMIT")));
            microsecondsPerRecord[everyQuote] = double(timer.nsecsElapsed()) / 1e3 / double(rows);
            perQuote[everyQuote] = double(sizeOnDisk(*database.value()) - empty) / double(rows);
        }
        qInfo().noquote() << QStringLiteral("Held peak and stop: the peak moved on %1 of %2 quotes (%3 %)")
                                 .arg(pairs)
                                 .arg(rows)
                                 .arg(100.0 * double(pairs) / double(rows), 0, 'f', 1);
        qInfo().noquote() << QStringLiteral("FIGURE: recording one quote with its held peak and stop "
                                            "(PriceHistoryRepository::recordQuote): %1 µs (as before: %2 µs)")
                                 .arg(microsecondsPerRecord[0], 0, 'f', 1)
                                 .arg(microsecondsPerRecord[1], 0, 'f', 1);
        qInfo().noquote() << QStringLiteral(
                                 "FIGURE: bytes per stored raw quote with its held peak and stop: %1 (stored "
                                 "with every quote, as before: %2)")
                                 .arg(perQuote[0], 0, 'f', 1)
                                 .arg(perQuote[1], 0, 'f', 1);
    }

    void readAYearForTheChart()
    {
        PriceHistoryRepository repository(m_candles->connection());
        const QDateTime from(QDate(2025, 11, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc());
        qsizetype points = 0;
        QElapsedTimer timer;
        timer.start();
        constexpr int kReads = 20;
        for (int i = 0; i < kReads; ++i)
            points = repository.priceSeries(tickerName(42 + i), from, to).value().size();
        qInfo().noquote() << QStringLiteral(
                                 "FIGURE: a year of one ticker's 5-minute history read for the chart: "
                                 "%1 ms (%2 points)")
                                 .arg(double(timer.nsecsElapsed()) / 1e6 / kReads, 0, 'f', 1)
                                 .arg(points);
        QBENCHMARK
        {
            const auto series = repository.priceSeries(tickerName(42), from, to);
            QVERIFY(series);
            points = series.value().size();
        }
        QCOMPARE(points, qsizetype(kTradingDays) * kCandlesPerDay);
    }
};

QTEST_GUILESS_MAIN(BenchHistorySize)
#include "bench_history_size.moc"
