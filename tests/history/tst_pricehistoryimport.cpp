// PriceHistoryImport: CSV rows into candles of the file's own interval (daily, one-minute, five-minute…) with
// a proper open/high/low/close, all or nothing, what it says it stored, and the worker job with progress.
#include "history/PriceHistoryImport.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QFile>
#include <QMap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;

namespace {
const QDateTime kFrom(QDate(1990, 1, 1), QTime(0, 0), QTimeZone::utc());
const QDateTime kTo(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());

// Result has no default constructor, which QVariant::value() needs: read the spied copy in place.
const Result<PriceHistoryImport::Summary> &importResult(const QList<QVariant> &arguments)
{
    return *static_cast<const Result<PriceHistoryImport::Summary> *>(arguments.at(0).constData());
}
} // namespace

class PriceHistoryImportTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PriceHistoryRepository> m_repository;

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    qsizetype candleCount(const QString &ticker) const
    {
        return m_repository->candles(ticker, CandleInterval::OneDay, kFrom, kTo).value().size();
    }

    QList<StoredCandle> candlesOf(const QString &ticker, qint64 intervalSeconds) const
    {
        return m_repository->candles(ticker, intervalSeconds, kFrom, kTo).value();
    }

    static QDateTime newYork(const QDate &date, const QTime &time)
    {
        return QDateTime(date, time, QTimeZone("America/Toronto")).toUTC();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        m_db = std::move(db).value();
        m_repository = std::make_unique<PriceHistoryRepository>(m_db->connection());
    }

    void cleanup()
    {
        m_repository.reset();
        m_db.reset();
        m_dir.reset();
    }

    void storesRowsAsDailyCandlesAndCoversTheirDays()
    {
        const QString file = writeFile(QStringLiteral("a.csv"), "date,open,high,low,close\n"
                                                                "Jan 2 2024,10,12,9,11\n"
                                                                "2024-01-03,11,13,10,12.5\n");
        const auto summary =
            PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("shop.to"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary.value().rows, qint64(2));
        QCOMPARE(summary.value().tickerNames(), QStringList{QStringLiteral("SHOP.TO")});
        QCOMPARE(summary.value().tickers.at(0).intervalSeconds, qint64(86400));
        QCOMPARE(
            PriceHistoryImport::describe(summary.value(), QLocale::c()),
            QStringList{QStringLiteral("2 rows → 2 daily candles for SHOP.TO (2024-01-02 to 2024-01-03)")});
        const auto candles =
            m_repository->candles(QStringLiteral("SHOP.TO"), CandleInterval::OneDay, kFrom, kTo);
        QVERIFY(candles);
        QCOMPARE(candles.value().size(), 2);
        QCOMPARE(candles.value().at(0).start, QDateTime(QDate(2024, 1, 2), QTime(5, 0), QTimeZone::utc()));
        QCOMPARE(candles.value().at(0).high, std::optional<double>(12.0));
        QCOMPARE(candles.value().at(1).close, 12.5);
        QCOMPARE(m_repository->coveredRanges(QStringLiteral("SHOP.TO"), CandleInterval::OneDay).value(),
                 (QList<TimeRange>{{QDateTime(QDate(2024, 1, 2), QTime(5, 0), QTimeZone::utc()),
                                    QDateTime(QDate(2024, 1, 4), QTime(5, 0), QTimeZone::utc())}}));

        // Importing the same day again replaces it.
        const QString again = writeFile(QStringLiteral("b.csv"), "2024-01-03,20\n");
        QVERIFY(PriceHistoryImport::importFile(m_db->connection(), again, QStringLiteral("SHOP.TO")));
        const auto replaced =
            m_repository->candles(QStringLiteral("SHOP.TO"), CandleInterval::OneDay, kFrom, kTo);
        QCOMPARE(replaced.value().size(), 2);
        QCOMPARE(replaced.value().at(1).close, 20.0);
        QVERIFY(!replaced.value().at(1).open.has_value());
    }

    // Minute rows stay minute candles (times in New York unless the row names its zone), and the days they
    // make are stored as daily candles too, for backtests.
    void minuteRowsBecomeMinuteCandlesAndTheirDays()
    {
        const QString file = writeFile(QStringLiteral("m.csv"), "Date,Open,High,Low,Close,Volume\n"
                                                                "2024-03-04 09:30:00,10,11,9.5,10.5,100\n"
                                                                "2024-03-04 09:31:00,10.5,12,10,11,200\n"
                                                                "2024-03-04 09:32:00,11,11.5,8,9,300\n"
                                                                "2024-03-05T09:30:00-05:00,20,21,19,20.5,10\n"
                                                                "2024-03-05 09:31,20.5,22,20,21,\n");
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("BIGT"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        const QList<StoredCandle> minutes = candlesOf(QStringLiteral("BIGT"), 60);
        QCOMPARE(minutes.size(), 5);
        QCOMPARE(minutes.at(0).start, newYork(QDate(2024, 3, 4), QTime(9, 30)));
        QCOMPARE(minutes.at(0).end, newYork(QDate(2024, 3, 4), QTime(9, 31)));
        QCOMPARE(minutes.at(2).low, std::optional<double>(8));
        QCOMPARE(minutes.at(3).start, newYork(QDate(2024, 3, 5), QTime(9, 30)));
        QVERIFY(!minutes.at(4).volume.has_value());

        const QList<StoredCandle> days = candlesOf(QStringLiteral("BIGT"), 86400);
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.at(0).start, newYork(QDate(2024, 3, 4), QTime(0, 0)));
        QCOMPARE(days.at(0).open, std::optional<double>(10));
        QCOMPARE(days.at(0).high, std::optional<double>(12));
        QCOMPARE(days.at(0).low, std::optional<double>(8));
        QCOMPARE(days.at(0).close, 9.0);
        QCOMPARE(days.at(0).volume, std::optional<qint64>(600));
        QCOMPARE(days.at(1).close, 21.0);
        QCOMPARE(days.at(1).volume, std::optional<qint64>(10));

        QCOMPARE(m_repository->coveredRanges(QStringLiteral("BIGT"), 60).value(),
                 (QList<TimeRange>{
                     {newYork(QDate(2024, 3, 4), QTime(9, 30)), newYork(QDate(2024, 3, 5), QTime(9, 32))}}));
        QCOMPARE(PriceHistoryImport::describe(summary.value(), QLocale::c()),
                 QStringList{QStringLiteral("5 rows → 5 one-minute candles for BIGT (2024-03-04 09:30 to "
                                            "2024-03-05 09:31), and 2 daily candles made from them")});
    }

    // A file big enough to cross the hand-overs between the reading thread and the store side (every
    // 10,000 rows) and the 50-candle statements: every candle reads back exactly (prices as ten-thousandths
    // and as REALs, volumes, missing volumes), with a candle of three rows across the 10,000th row, a gap,
    // and the last partial statement.
    void everyCandleReadsBackExactlyAcrossChunks()
    {
        struct Expected {
            double open = 0;
            double high = 0;
            double low = 0;
            double close = 0;
            std::optional<qint64> volume;
            int rows = 0;
        };
        QMap<qint64, Expected> expected; // minute start (epoch seconds) → candle
        QByteArray content("Date,Open,High,Low,Close,Volume\n");
        const QDate firstDay(2024, 3, 4);
        int row = 0;
        const auto addRow = [&](const QDate &day, const QTime &time, int n) {
            ++row;
            // Some prices are not whole ten-thousandths (stored as REAL), every 7th row has no volume.
            const QByteArray open = QByteArray::number(100 + (n % 97) * 0.01, 'f', 2);
            const QByteArray close = n % 11 == 0 ? QByteArray::number(100.123456 + (n % 13), 'f', 6)
                                                 : QByteArray::number(100.5 + (n % 89) * 0.0001, 'f', 4);
            const QByteArray high = QByteArray::number(120 + n % 5, 'f', 1);
            const QByteArray low = QByteArray::number(90 - n % 3, 'f', 1);
            const QByteArray volume = n % 7 == 0 ? QByteArray() : QByteArray::number(1000 + n);
            content += day.toString(Qt::ISODate).toLatin1() + ' ' +
                       time.toString(QStringLiteral("HH:mm:ss")).toLatin1() + ',' + open + ',' + high + ',' +
                       low + ',' + close + ',' + volume + '\n';
            const qint64 at = newYork(day, time).toSecsSinceEpoch();
            Expected &candle = expected[at - at % 60];
            const std::optional<qint64> rowVolume =
                volume.isEmpty() ? std::nullopt : std::optional<qint64>(volume.toLongLong());
            if (candle.rows++ == 0) {
                candle = Expected{open.toDouble(),  high.toDouble(), low.toDouble(),
                                  close.toDouble(), rowVolume,       1};
                return;
            }
            candle.high = std::max(candle.high, high.toDouble());
            candle.low = std::min(candle.low, low.toDouble());
            candle.close = close.toDouble();
            if (rowVolume)
                candle.volume = candle.volume.value_or(0) + *rowVolume;
        };
        constexpr int kMinutes = 25'123;
        for (int n = 0; n < kMinutes; ++n) {
            const QDate day = firstDay.addDays(n / 390);
            QTime time = QTime(9, 30).addSecs((n % 390) * 60);
            if (n >= 20'000 && n % 390 >= 100) // a gap of 15 minutes on one day, then the clock runs on
                time = time.addSecs(15 * 60);
            if (row == 9'998) { // rows 9,999 to 10,001 fall in one minute, across the first hand-over
                addRow(day, time, n);
                addRow(day, time.addSecs(20), n + 1);
                addRow(day, time.addSecs(40), n + 2);
                continue;
            }
            addRow(day, time, n);
        }
        const QString file = writeFile(QStringLiteral("big.csv"), content);

        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("BIGT"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary.value().rows, qint64(row));
        const QList<StoredCandle> minutes = candlesOf(QStringLiteral("BIGT"), 60);
        QCOMPARE(minutes.size(), expected.size());
        QCOMPARE(summary.value().tickers.value(0).candles, qint64(expected.size()));
        QCOMPARE(std::next(expected.cbegin(), 9'998)->rows, 3);
        qsizetype at = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++at) {
            const StoredCandle &candle = minutes.at(at);
            QCOMPARE(candle.start.toSecsSinceEpoch(), it.key());
            QCOMPARE(candle.end.toSecsSinceEpoch(), it.key() + 60);
            QCOMPARE(candle.open, std::optional<double>(it->open));
            QCOMPARE(candle.high, std::optional<double>(it->high));
            QCOMPARE(candle.low, std::optional<double>(it->low));
            QCOMPARE(candle.close, it->close);
            QCOMPARE(candle.volume, it->volume);
            QVERIFY(!candle.peak && !candle.stop);
        }
        QCOMPARE(candlesOf(QStringLiteral("BIGT"), 86400).size(), qsizetype(kMinutes / 390 + 1));
    }

    // The interval is the most common gap within a day; rows between make one candle with open = first,
    // high/low = extremes, close = last, volume summed. Newest-first and shuffled files give the same.
    void severalRowsInOneCandleMakeItsOpenHighLowClose_data()
    {
        QTest::addColumn<QList<int>>("order");
        QTest::newRow("oldest first") << QList<int>{0, 1, 2, 3, 4, 5, 6};
        QTest::newRow("newest first") << QList<int>{6, 5, 4, 3, 2, 1, 0};
        QTest::newRow("shuffled") << QList<int>{3, 0, 5, 1, 6, 4, 2};
    }

    void severalRowsInOneCandleMakeItsOpenHighLowClose()
    {
        QFETCH(QList<int>, order);
        const QList<QByteArray> rows = {
            "2024-03-04 09:30,10,5", "2024-03-04 09:35,11,5", "2024-03-04 09:36,14,1", "2024-03-04 09:38,9,2",
            "2024-03-04 09:40,12,5", "2024-03-04 09:45,13,5", "2024-03-04 09:50,15,5"};
        QByteArray content = "time,close,volume\n";
        for (int i : order)
            content += rows.at(i) + '\n';
        const QString file = writeFile(QStringLiteral("five.csv"), content);
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("FIVE"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary.value().tickers.at(0).intervalSeconds, qint64(300));
        QCOMPARE(summary.value().tickers.at(0).candles, qint64(5));
        const QList<StoredCandle> candles = candlesOf(QStringLiteral("FIVE"), 300);
        QCOMPARE(candles.size(), 5);
        QVERIFY(!candles.at(0).open.has_value()); // one close-only row stays close-only
        const StoredCandle &merged = candles.at(1);
        QCOMPARE(merged.start, newYork(QDate(2024, 3, 4), QTime(9, 35)));
        QCOMPARE(merged.open, std::optional<double>(11));
        QCOMPARE(merged.high, std::optional<double>(14));
        QCOMPARE(merged.low, std::optional<double>(9));
        QCOMPARE(merged.close, 9.0);
        QCOMPARE(merged.volume, std::optional<qint64>(8));
        QCOMPARE(candles.at(3).close, 13.0);
        QCOMPARE(candlesOf(QStringLiteral("FIVE"), 86400).size(), 1);
        QCOMPARE(candlesOf(QStringLiteral("FIVE"), 86400).at(0).close, 15.0);
        QCOMPARE(candlesOf(QStringLiteral("FIVE"), 86400).at(0).open, std::optional<double>(10));
    }

    // Several closes of one date (no times) make one daily candle of them.
    void severalDatesInOneDayMakeOneDailyCandle()
    {
        const QString file = writeFile(QStringLiteral("d.csv"), "symbol,date,price\n"
                                                                "AAPL,2024-01-02,10\nAAPL,2024-01-02,12\n"
                                                                "AAPL,2024-01-02,11\nAAPL,2024-01-03,13\n");
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QString());
        QVERIFY(summary);
        const QList<StoredCandle> days = candlesOf(QStringLiteral("AAPL"), 86400);
        QCOMPARE(days.size(), 2);
        QCOMPARE(days.at(0).open, std::optional<double>(10));
        QCOMPARE(days.at(0).high, std::optional<double>(12));
        QCOMPARE(days.at(0).low, std::optional<double>(10));
        QCOMPARE(days.at(0).close, 11.0);
        QCOMPARE(PriceHistoryImport::describe(summary.value(), QLocale::c()),
                 QStringList{QStringLiteral("4 rows → 2 daily candles for AAPL (2024-01-02 to 2024-01-03)")});
    }

    // Per ticker, with thousands separators, and the rows skipped say how many and why.
    void theSummarySaysWhatWasStoredAndSkipped()
    {
        QByteArray content = "symbol,date,price\n";
        QDate day(2000, 1, 3);
        for (int i = 0; i < 1200; ++i, day = day.addDays(1))
            content += "MSFT," + day.toString(Qt::ISODate).toLatin1() + ",10\nAAPL," +
                       day.toString(Qt::ISODate).toLatin1() + ",20\n";
        const QString file = writeFile(QStringLiteral("two.csv"), content);
        const auto both = PriceHistoryImport::importFile(m_db->connection(), file, QString());
        QVERIFY(both);
        QCOMPARE(
            PriceHistoryImport::describe(both.value(), QLocale::c()),
            (QStringList{
                QStringLiteral("1,200 rows → 1,200 daily candles for AAPL (2000-01-03 to 2003-04-16)"),
                QStringLiteral("1,200 rows → 1,200 daily candles for MSFT (2000-01-03 to 2003-04-16)")}));
        const auto one = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("msft"));
        QVERIFY(one);
        QCOMPARE(one.value().otherSymbolRows, qint64(1200));
        QCOMPARE(PriceHistoryImport::describe(one.value(), QLocale::c()).constLast(),
                 QStringLiteral("1,200 rows skipped: their symbol is not MSFT."));
    }

    void badFilesSaveNothing_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad date") << QByteArray("date,close\n2024-01-02,10\n2024-13-45,11\n")
                                  << QStringLiteral("X") << QStringLiteral("line 3");
        QTest::newRow("bad price") << QByteArray("date,close\n2024-01-02,10\n2024-01-03,-1\n")
                                   << QStringLiteral("X") << QStringLiteral("line 3");
        QTest::newRow("bad symbol") << QByteArray(
                                           "symbol,date,price\nAAPL,2024-01-02,10\nno good,2024-01-03,11\n")
                                    << QString() << QStringLiteral("line 3");
        QTest::newRow("no ticker") << QByteArray("2024-01-02,10\n") << QString() << QStringLiteral("ticker");
        QTest::newRow("symbol not in file") << QByteArray("symbol,date,price\nAAPL,2024-01-02,10\n")
                                            << QStringLiteral("MSFT") << QStringLiteral("MSFT");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("X") << QString();
    }

    void badFilesSaveNothing()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, ticker);
        QFETCH(QString, message);
        const QString file = writeFile(QStringLiteral("bad.csv"), content);
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, ticker);
        QVERIFY(!summary);
        QVERIFY2(summary.error().message.contains(message), qPrintable(summary.error().message));
        for (const char *name : {"X", "AAPL", "MSFT"})
            QCOMPARE(candleCount(QString::fromLatin1(name)), 0);
    }

    // The one pass stores while it checks: a bad line far into a big file (after many chunks were stored)
    // still saves nothing, and the error names that line.
    void aBadLineLateInABigFileSavesNothing()
    {
        constexpr int kRows = 900'000;
        constexpr int kBadRow = 899'990;
        QByteArray content("Date,Open,High,Low,Close,Volume\n");
        content.reserve(kRows * 48);
        QDate day(2022, 1, 3);
        for (int row = 0; row < kRows; ++row) {
            if (row > 0 && row % 390 == 0)
                day = day.addDays(1);
            const QTime time = QTime(9, 30).addSecs((row % 390) * 60);
            content += day.toString(Qt::ISODate).toLatin1() + ' ' +
                       time.toString(QStringLiteral("HH:mm")).toLatin1() +
                       (row == kBadRow ? ",10,11,9,-10.5,100\n" : ",10,11,9,10.5,100\n");
        }
        const QString file = writeFile(QStringLiteral("late.csv"), content);
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("BIGT"));
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::InvalidCsv);
        QVERIFY2(summary.error().message.contains(QStringLiteral("line %1").arg(kBadRow + 2)),
                 qPrintable(summary.error().message));
        QCOMPARE(candlesOf(QStringLiteral("BIGT"), 60).size(), 0);
        QCOMPARE(candlesOf(QStringLiteral("BIGT"), 86400).size(), 0);
        QVERIFY(m_repository->coveredRanges(QStringLiteral("BIGT"), 60).value().isEmpty());
    }

    // The one pass builds candles by the plan of the first 10,000 rows; when the whole file says otherwise
    // (another most common gap, rows out of order further on) what it stored is rolled back and the file
    // stored again by its own plan: the same candles as a file whose first rows tell.
    void aFileWhoseFirstRowsMisleadGetsItsOwnPlan_data()
    {
        QTest::addColumn<int>("minuteRows");
        QTest::addColumn<int>("fiveMinuteRows");
        QTest::addColumn<bool>("lateRow");
        QTest::addColumn<qint64>("interval");
        QTest::newRow("minutes, then mostly five minutes") << 12'000 << 40'000 << false << qint64(300);
        QTest::newRow("minutes, then one row back in time") << 15'000 << 0 << true << qint64(60);
        QTest::newRow("minutes, told by the first rows") << 15'000 << 0 << false << qint64(60);
    }

    void aFileWhoseFirstRowsMisleadGetsItsOwnPlan()
    {
        QFETCH(int, minuteRows);
        QFETCH(int, fiveMinuteRows);
        QFETCH(bool, lateRow);
        QFETCH(qint64, interval);
        QByteArray content("time,close,volume\n");
        QMap<qint64, std::pair<double, double>> expected; // candle start → (high, close)
        const auto addRow = [&](const QDate &day, const QTime &time, double price) {
            content += day.toString(Qt::ISODate).toLatin1() + ' ' +
                       time.toString(QStringLiteral("HH:mm")).toLatin1() + ',' + QByteArray::number(price) +
                       ",1\n";
            const qint64 at = newYork(day, time).toSecsSinceEpoch();
            auto &[high, close] = expected[at - at % interval];
            high = std::max(high, price);
            close = price;
        };
        int rows = 0;
        for (int n = 0; n < minuteRows; ++n, ++rows)
            addRow(QDate(2024, 1, 1).addDays(n / 390), QTime(9, 30).addSecs((n % 390) * 60), 10 + n % 13);
        for (int n = 0; n < fiveMinuteRows; ++n, ++rows)
            addRow(QDate(2025, 1, 1).addDays(n / 78), QTime(9, 30).addSecs((n % 78) * 300), 20 + n % 7);
        if (lateRow) { // a second row in the first minute, with a higher price: it closes that minute
            addRow(QDate(2024, 1, 1), QTime(9, 30), 99);
            ++rows;
        }
        const QString file = writeFile(QStringLiteral("mislead.csv"), content);
        const auto summary = PriceHistoryImport::importFile(m_db->connection(), file, QStringLiteral("MIX"));
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        QCOMPARE(summary.value().rows, qint64(rows));
        QCOMPARE(summary.value().tickers.at(0).rows, qint64(rows));
        QCOMPARE(summary.value().tickers.at(0).intervalSeconds, interval);
        QCOMPARE(summary.value().tickers.at(0).candles, qint64(expected.size()));
        if (interval != 60)
            QCOMPARE(candlesOf(QStringLiteral("MIX"), 60).size(), 0); // the guess's candles were rolled back
        const QList<StoredCandle> candles = candlesOf(QStringLiteral("MIX"), interval);
        QCOMPARE(candles.size(), expected.size());
        qsizetype at = 0;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it, ++at) {
            QCOMPARE(candles.at(at).start.toSecsSinceEpoch(), it.key());
            QCOMPARE(candles.at(at).close, it->second);
            QCOMPARE(candles.at(at).high.value_or(candles.at(at).close), it->first);
        }
    }

    void theJobRunsOnAWorkerWithProgress()
    {
        QByteArray content = "date,close\n";
        QDate day(2000, 1, 3);
        for (int i = 0; i < 3000; ++i, day = day.addDays(1))
            content += day.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(10 + i % 7) + '\n';
        const QString file = writeFile(QStringLiteral("big.csv"), content);
        PriceHistoryImportJob job(m_db->filePath());
        QSignalSpy progress(&job, &PriceHistoryImportJob::progressChanged);
        QSignalSpy finished(&job, &PriceHistoryImportJob::finished);
        QVERIFY(job.start(file, QStringLiteral("BIG")));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(file, QStringLiteral("BIG")));
        QVERIFY(finished.wait(20000));
        const auto &result = importResult(finished.constFirst());
        QVERIFY(result.ok());
        QCOMPARE(result.value().rows, qint64(3000));
        QTRY_VERIFY(!progress.isEmpty());
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.constLast().at(0).toLongLong(), 3000);
        QCOMPARE(progress.constLast().at(1).toLongLong(), 3000);
        QCOMPARE(candleCount(QStringLiteral("BIG")), 3000);
    }

    void aFailedJobReportsTheLine()
    {
        const QString file = writeFile(QStringLiteral("bad.csv"), "date,close\n2024-01-02,10\nnope,11\n");
        PriceHistoryImportJob job(m_db->filePath());
        QSignalSpy finished(&job, &PriceHistoryImportJob::finished);
        QVERIFY(job.start(file, QStringLiteral("BAD")));
        QVERIFY(finished.wait(20000));
        const auto &result = importResult(finished.constFirst());
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QLatin1String("line 3")));
        QCOMPARE(candleCount(QStringLiteral("BAD")), 0);
    }
};

QTEST_GUILESS_MAIN(PriceHistoryImportTest)
#include "tst_pricehistoryimport.moc"
