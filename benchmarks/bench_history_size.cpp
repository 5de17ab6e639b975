// How big the price history gets: a year of 5-minute candles for 100 tickers (what the retention policy
// keeps once raw quotes are folded), written through PriceHistoryRepository into a temporary SQLite file,
// and for comparison one trading day of raw quotes polled every 5 s. Prints the file sizes; the chart
// read of one ticker's year is timed with QBENCHMARK.
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

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
        const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
        const QList<QDate> days = tradingDays();
        QElapsedTimer timer;
        timer.start();
        qint64 rows = 0;
        for (int t = 0; t < kTickers; ++t) {
            QList<StoredCandle> candles;
            candles.reserve(days.size() * kCandlesPerDay);
            double price = 20.0 + t;
            for (const QDate &day : days) {
                const QDateTime open(day, QTime(9, 30), newYork);
                for (int i = 0; i < kCandlesPerDay; ++i) {
                    StoredCandle candle;
                    candle.start = open.addSecs(300LL * i).toUTC();
                    candle.end = candle.start.addSecs(300);
                    const double next = price * (1.0 + 0.001 * std::sin(double(rows + i) * 0.7));
                    candle.open = price;
                    candle.close = next;
                    candle.high = std::max(price, next) * 1.0005;
                    candle.low = std::min(price, next) * 0.9995;
                    candles.append(candle);
                    price = next;
                }
            }
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
        QCOMPARE(rows, qint64(kTickers) * kTradingDays * kCandlesPerDay);
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
                                               20.0 + t + 0.01 * (i % 50)));
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
    }

    void readAYearForTheChart()
    {
        PriceHistoryRepository repository(m_candles->connection());
        const QDateTime from(QDate(2025, 11, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(QDate(2026, 12, 1), QTime(0, 0), QTimeZone::utc());
        qsizetype points = 0;
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
