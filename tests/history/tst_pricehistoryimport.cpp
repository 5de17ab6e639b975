// PriceHistoryImport: CSV rows into daily candles, all or nothing, and the worker job with progress.
#include "history/PriceHistoryImport.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QFile>
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
        QCOMPARE(summary.value().rows, 2);
        QCOMPARE(summary.value().tickers, QStringList{QStringLiteral("SHOP.TO")});
        QCOMPARE(summary.value().first, QDate(2024, 1, 2));
        QCOMPARE(summary.value().last, QDate(2024, 1, 3));
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
        QCOMPARE(result.value().rows, 3000);
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
