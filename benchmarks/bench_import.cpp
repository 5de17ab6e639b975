// Importing a big price file: 1,000,000 one-minute rows of one ticker (390 a weekday from 09:30 New York,
// 2022-01-03 to 2031-10-31 10:09) written to a temporary CSV and imported into a real SQLite file through
// PriceHistoryImport::importFile, the code `trailguard history import` and the window run. Prints the
// time, the process's peak memory (VmHWM) before and after, and what was stored. Never fails on time.
#include "history/PriceHistoryImport.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <cmath>
#include <ctime>

using namespace trailguard;

namespace {
constexpr int kRows = 1'000'000;
constexpr int kRowsPerDay = 390; // 09:30 to 16:00

// VmHWM of this process, in MiB: its peak resident memory so far.
double peakMebibytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// CPU seconds this process (all its threads) has used: the machine may be shared, so wall time alone
// says little.
double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Writes the file line by line (a random walk), so writing it does not raise the peak.
bool writeMinuteFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("Date,Open,High,Low,Close,Volume\n");
    QDate day(2022, 1, 3);
    double price = 100;
    quint32 seed = 12345;
    const auto step = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return (double(seed >> 8) / double(1u << 24) - 0.5) * 0.2;
    };
    QByteArray line;
    for (int row = 0; row < kRows; ++row) {
        const int minute = row % kRowsPerDay;
        if (row > 0 && minute == 0) {
            day = day.addDays(1);
            while (day.dayOfWeek() > 5)
                day = day.addDays(1);
        }
        const QTime time = QTime(9, 30).addSecs(minute * 60);
        const double open = price;
        price = std::max(1.0, price + step());
        const double high = std::max(open, price) + 0.05;
        const double low = std::min(open, price) - 0.05;
        line =
            day.toString(Qt::ISODate).toLatin1() + ' ' + time.toString(QStringLiteral("HH:mm:ss")).toLatin1();
        for (double value : {open, high, low, price})
            line += ',' + QByteArray::number(value, 'f', 2);
        line += ',' + QByteArray::number(1000 + row % 977) + '\n';
        file.write(line);
    }
    return true;
}
} // namespace

class BenchImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importOneMillionMinuteRows()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csv = dir.filePath(QStringLiteral("bigt.csv"));
        QVERIFY(writeMinuteFile(csv));
        qInfo("FIGURE: csv file size: %.1f MiB", double(QFile(csv).size()) / (1024.0 * 1024.0));
        auto database = Database::open(dir.filePath(QStringLiteral("history.sqlite")));
        QVERIFY(database);
        const double peakBefore = peakMebibytes();

        QElapsedTimer timer;
        timer.start();
        double cpu = cpuSeconds();
        const auto summary =
            PriceHistoryImport::importFile(database.value()->connection(), csv, QStringLiteral("BIGT"));
        const qint64 elapsed = timer.elapsed();
        cpu = cpuSeconds() - cpu;
        QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
        qInfo("FIGURE: importing %d rows: %.2f s (%.0f rows/s), %.2f s of CPU", kRows,
              double(elapsed) / 1000.0, kRows / (double(elapsed) / 1000.0), cpu);
        qInfo("FIGURE: peak memory (VmHWM): %.0f MiB before the import, %.0f MiB after", peakBefore,
              peakMebibytes());
        qInfo("FIGURE: said: %s",
              qUtf8Printable(PriceHistoryImport::describe(summary.value(), QLocale::c()).join(u'\n')));

        // Its parts: the first pass alone (read and check every line), and the repository storing the same
        // candles without any parsing (what the storage costs).
        timer.restart();
        cpu = cpuSeconds();
        const auto plan = PriceHistoryImport::plan(csv, QStringLiteral("BIGT"));
        QVERIFY(plan);
        qInfo("FIGURE: one pass over the file (read, check, detect the interval): %.2f s, %.2f s of CPU",
              double(timer.elapsed()) / 1000.0, cpuSeconds() - cpu);
        PriceHistoryRepository repository(database.value()->connection());
        const auto candles =
            repository.candles(QStringLiteral("BIGT"), 60, QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()),
                               QDateTime::currentDateTimeUtc().addYears(20));
        QVERIFY(candles);
        timer.restart();
        cpu = cpuSeconds();
        const Status stored = inTransaction(database.value()->connection(), [&]() -> Status {
            for (qsizetype from = 0; from < candles.value().size(); from += 50'000) {
                if (Status chunk = repository.storeCandles(QStringLiteral("BIGT"), 60,
                                                           candles.value().mid(from, 50'000));
                    !chunk)
                    return chunk;
            }
            return success();
        });
        QVERIFY(stored);
        qInfo(
            "FIGURE: storing the %lld candles again through PriceHistoryRepository alone: %.2f s, %.2f s of "
            "CPU",
            qint64(candles.value().size()), double(timer.elapsed()) / 1000.0, cpuSeconds() - cpu);
        qInfo("FIGURE: database file: %.1f MiB",
              double(QFile(database.value()->filePath()).size() +
                     QFile(database.value()->filePath() + QStringLiteral("-wal")).size()) /
                  (1024.0 * 1024.0));
    }
};

QTEST_GUILESS_MAIN(BenchImport)
#include "bench_import.moc"
