// HistoryConversionDialog: converts a schema-11 database on a worker (the GUI thread keeps running) and
// reports once, with the history converted.
#include "../storage/SchemaAtVersion.h"
#include "GuiTestMain.h"
#include "history/HistoryConversionDialog.h"
#include "storage/Database.h"
#include "storage/HistoryConversion.h"
#include "storage/PriceHistoryRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimeZone>

using namespace trailguard;

class TestHistoryConversionDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void convertsOnAWorkerAndReportsOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("trailguard.sqlite"));
        QCOMPARE(test::writeSchemaAtVersion(file, 11), QString());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO candles (ticker, interval_seconds, start, end, close) "
                                          "VALUES ('RY.TO', 300, '2026-03-09T14:00:00.000Z', "
                                          "'2026-03-09T14:05:00.000Z', 130.25)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        QVERIFY(HistoryConversion::isPendingForFile(file));

        ui::HistoryConversionDialog dialog(file);
        QCOMPARE(dialog.objectName(), QStringLiteral("historyConversionProgressDialog"));
        QSignalSpy finished(&dialog, &ui::HistoryConversionDialog::conversionFinished);
        dialog.start();
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(static_cast<const Status *>(finished.constFirst().at(0).constData())->ok());
        QVERIFY(!HistoryConversion::isPendingForFile(file));

        auto db = Database::open(file);
        QVERIFY(db.ok());
        const QDateTime day(QDate(2026, 3, 9), QTime(0, 0), QTimeZone::utc());
        const auto candles = PriceHistoryRepository(db.value()->connection())
                                 .candles(QStringLiteral("RY.TO"), 300, day, day.addDays(1));
        QVERIFY(candles.ok());
        QCOMPARE(candles.value().size(), 1);
        QCOMPARE(candles.value().constFirst().close, 130.25);
    }
};

TRAILGUARD_GUI_TEST_MAIN(TestHistoryConversionDialog)
#include "tst_historyconversiondialog.moc"
