// `trailguard history import` through the real executable: good and bad files, all or nothing.
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include "CliFixture.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;

using Run = test::CliRun;

class HistoryImportCliTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::CliFixture> m_cli;

    QString dataDir() const { return m_cli->dataDir(); }
    QString databaseFile() const
    {
        return QDir(dataDir()).filePath(QString::fromLatin1(Database::kFileName));
    }

    QString writeFile(const QString &name, const QByteArray &content) const
    {
        return m_cli->writeFile(name, content);
    }
    Run trailguard(const QStringList &arguments) const { return m_cli->inDataDir(arguments); }

    QList<StoredCandle> storedCandles(const QString &ticker) const
    {
        auto database = Database::open(databaseFile());
        if (!database)
            return {};
        PriceHistoryRepository repository(database.value()->connection());
        const QDateTime from(QDate(1990, 1, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime to(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());
        return repository.candles(ticker, CandleInterval::OneDay, from, to).value();
    }

private Q_SLOTS:
    void init()
    {
        m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
        QVERIFY(m_cli->isValid());
    }

    void importsAYahooFile()
    {
        const QString file =
            writeFile(QStringLiteral("ry.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                                                "2024-05-13,130.1,131.2,129.85,130.95,130.95,4410022\n"
                                                "2024-05-14,130.9,131.88,130.51,131.44,131.44,3120455\n");
        const Run run =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), file,
                        QStringLiteral("--ticker"), QStringLiteral("ry.to")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("RY.TO")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("2024-05-13")) &&
                     run.out.contains(QLatin1String("2024-05-14")),
                 qPrintable(run.out));
        const QList<StoredCandle> candles = storedCandles(QStringLiteral("RY.TO"));
        QCOMPARE(candles.size(), 2);
        QCOMPARE(candles.at(1).close, 131.44);
        QCOMPARE(candles.at(1).open, std::optional<double>(130.9));
        QCOMPARE(candles.at(1).volume, std::optional<qint64>(3120455));
        // The day's candle runs from New York midnight to the next.
        QCOMPARE(candles.at(0).start, QDateTime(QDate(2024, 5, 13), QTime(4, 0), QTimeZone::utc()));
        QCOMPARE(candles.at(0).end, QDateTime(QDate(2024, 5, 14), QTime(4, 0), QTimeZone::utc()));
    }

    void importsASymbolFileAndKeepsOneSymbol()
    {
        const QString file = writeFile(QStringLiteral("many.csv"), "symbol,date,price\n"
                                                                   "AAPL,Jan 2 2024,185.64\n"
                                                                   "MSFT,Jan 2 2024,370.87\n"
                                                                   "AAPL,Jan 3 2024,184.25\n");
        const Run all =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), file});
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(storedCandles(QStringLiteral("AAPL")).size(), 2);
        QCOMPARE(storedCandles(QStringLiteral("MSFT")).size(), 1);
        QVERIFY(!storedCandles(QStringLiteral("AAPL")).constFirst().open.has_value()); // close-only

        const QString other = writeFile(QStringLiteral("more.csv"), "symbol,date,price\n"
                                                                    "AAPL,Jan 4 2024,181.91\n"
                                                                    "MSFT,Jan 4 2024,367.94\n");
        const Run one =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), other,
                        QStringLiteral("--ticker"), QStringLiteral("MSFT")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(storedCandles(QStringLiteral("AAPL")).size(), 2);
        QCOMPARE(storedCandles(QStringLiteral("MSFT")).size(), 2);
    }

    // Minute rows stay one-minute candles, and the command says so: rows read, candles stored, the span.
    void minuteRowsPrintWhatWasStored()
    {
        QByteArray content = "Date,Open,High,Low,Close,Volume\n";
        for (int minute = 0; minute < 1500; ++minute) {
            const QDateTime at(QDate(2024, 5, 13 + minute / 390), QTime(9, 30).addSecs(60 * (minute % 390)));
            content += at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toLatin1() + ",10,11,9,10.5,100\n";
        }
        const QString file = writeFile(QStringLiteral("bigt.csv"), content);
        const Run run =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), file,
                        QStringLiteral("--ticker"), QStringLiteral("BIGT")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QStringLiteral("1,500 rows → 1,500 one-minute candles for BIGT (2024-05-13 09:30 to "
                                "2024-05-16 14:59), and 4 daily candles made from them\n"));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no progress lines for a small file
        QCOMPARE(storedCandles(QStringLiteral("BIGT")).size(), 4);
        QCOMPARE(storedCandles(QStringLiteral("BIGT")).constFirst().volume, std::optional<qint64>(39000));
    }

    void aBadLineIsNamedAndNothingIsSaved()
    {
        const QString file = writeFile(QStringLiteral("bad.csv"), "date,close\n"
                                                                  "2024-05-13,10\n"
                                                                  "2024-05-14,11\n"
                                                                  "2024-05-15,oops\n");
        const Run run =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), file,
                        QStringLiteral("--ticker"), QStringLiteral("XYZ")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("line 4")), qPrintable(run.err));
        QVERIFY(storedCandles(QStringLiteral("XYZ")).isEmpty());
    }

    void usageErrors()
    {
        const QString file = writeFile(QStringLiteral("plain.csv"), "2024-05-13,10\n");
        const Run noTicker =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"), file});
        QCOMPARE(noTicker.exitCode, 2);
        QVERIFY2(noTicker.err.contains(QLatin1String("--ticker")), qPrintable(noTicker.err));
        QVERIFY(storedCandles(QStringLiteral("PLAIN")).isEmpty());

        QCOMPARE(trailguard({QStringLiteral("history"), QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--csv"),
                             file, QStringLiteral("--ticker"), QStringLiteral("no good")})
                     .exitCode,
                 2);
        QCOMPARE(trailguard({QStringLiteral("history"), QStringLiteral("export")}).exitCode, 2);
        const Run help =
            trailguard({QStringLiteral("history"), QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--csv FILE")));
        QVERIFY(trailguard({QStringLiteral("--help")}).out.contains(QLatin1String("history import")));
    }

    void aMissingFileFails()
    {
        const Run run = trailguard({QStringLiteral("history"), QStringLiteral("import"),
                                    QStringLiteral("--csv"), m_cli->filePath(QStringLiteral("none.csv")),
                                    QStringLiteral("--ticker"), QStringLiteral("X")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(HistoryImportCliTest)
#include "tst_historyimport.moc"
