// File > Import Price History…: the action in the File menu, a good file, a bad one (nothing saved, the
// line named) and the ticker question for a file without a symbol column.
#include "GuiTestMain.h"

#include "history/PriceHistoryImportController.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"

#include <QAction>
#include <QFile>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>

#include <memory>

using namespace trailguard;
using trailguard::ui::PriceHistoryImportController;

namespace {
const QDateTime kFrom(QDate(1990, 1, 1), QTime(0, 0), QTimeZone::utc());
const QDateTime kTo(QDate(2100, 1, 1), QTime(0, 0), QTimeZone::utc());

// Status has no default constructor, which QVariant::value() needs: read the spied copy in place.
const Status &importStatus(const QList<QVariant> &finishedArguments)
{
    return *static_cast<const Status *>(finishedArguments.at(1).constData());
}
} // namespace

class TestPriceHistoryImportController : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<QMainWindow> m_window;
    std::unique_ptr<PriceHistoryImportController> m_controller;
    QString m_selected;

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
        PriceHistoryRepository repository(m_db->connection());
        return repository.candles(ticker, CandleInterval::OneDay, kFrom, kTo).value().size();
    }

    QMessageBox *resultBox() const
    {
        return m_window->findChild<QMessageBox *>(QStringLiteral("importPriceHistoryResultBox"));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        auto db = Database::open(m_dir->filePath(QStringLiteral("t.sqlite")));
        QVERIFY(db);
        m_db = std::move(db).value();
        m_window = std::make_unique<QMainWindow>();
        QMenu *file = m_window->menuBar()->addMenu(QStringLiteral("&File"));
        file->setObjectName(QStringLiteral("fileMenu"));
        auto *positions = file->addAction(QStringLiteral("Import Positions"));
        positions->setObjectName(QStringLiteral("importPositionsAction"));
        file->addSeparator();
        file->addAction(QStringLiteral("Quit"));
        m_window->show();
        m_controller = std::make_unique<PriceHistoryImportController>(*m_window, m_db->filePath(),
                                                                      [this] { return m_selected; });
    }

    void cleanup()
    {
        m_controller.reset();
        m_window.reset();
        m_db.reset();
        m_dir.reset();
    }

    void theActionFollowsImportPositions()
    {
        const QMenu *file = m_window->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(file);
        QCOMPARE(file->actions().at(1), m_controller->action());
        QCOMPARE(m_controller->action()->objectName(), QStringLiteral("importPriceHistoryAction"));
        QVERIFY(m_controller->action()->text().contains(QLatin1String("Import Price")));
    }

    void importsAFileWithSymbols()
    {
        const QString path = writeFile(QStringLiteral("prices.csv"),
                                       "symbol,date,price\nAAPL,2024-01-02,185.64\nAAPL,2024-01-03,184.25\n");
        QVERIFY(PriceHistoryImportController::hasSymbolColumn(path));
        QSignalSpy imported(m_controller.get(), &PriceHistoryImportController::imported);
        QSignalSpy finished(m_controller.get(), &PriceHistoryImportController::finished);
        m_controller->importFile(path);
        QVERIFY(finished.wait(20000));
        QVERIFY(importStatus(finished.constFirst()).ok());
        QCOMPARE(imported.constFirst().at(0).toStringList(), QStringList{QStringLiteral("AAPL")});
        QCOMPARE(candleCount(QStringLiteral("AAPL")), 2);
        QTRY_VERIFY(resultBox() && resultBox()->isVisible());
        // The words of `trailguard history import`.
        QCOMPARE(resultBox()->text(),
                 QStringLiteral("2 rows → 2 daily candles for AAPL (2024-01-02 to 2024-01-03)"));
        QVERIFY(m_controller->action()->isEnabled());
    }

    void aBadFileNamesTheLineAndSavesNothing()
    {
        const QString path =
            writeFile(QStringLiteral("bad.csv"), "symbol,date,price\nAAPL,2024-01-02,185.64\n"
                                                 "AAPL,2024-01-03,abc\n");
        QSignalSpy finished(m_controller.get(), &PriceHistoryImportController::finished);
        m_controller->importFile(path);
        QVERIFY(finished.wait(20000));
        QVERIFY(!importStatus(finished.constFirst()).ok());
        const QString error = importStatus(finished.constFirst()).error().message;
        QVERIFY2(error.contains(QLatin1String("line 3")), qPrintable(error));
        QTRY_VERIFY(resultBox() && resultBox()->isVisible());
        QVERIFY(resultBox()->text().contains(QLatin1String("Nothing was saved")));
        QVERIFY(resultBox()->informativeText().contains(QLatin1String("line 3")));
        QCOMPARE(candleCount(QStringLiteral("AAPL")), 0);
    }

    void asksForTheTickerOfAFileWithoutSymbols()
    {
        m_selected = QStringLiteral("RY.TO");
        const QString path = writeFile(QStringLiteral("download.csv"), "Date,Close\n2024-01-02,130.5\n");
        QVERIFY(!PriceHistoryImportController::hasSymbolColumn(path));
        QSignalSpy finished(m_controller.get(), &PriceHistoryImportController::finished);
        m_controller->importFile(path);
        QInputDialog *ask = nullptr;
        QTRY_VERIFY(
            (ask = m_window->findChild<QInputDialog *>(QStringLiteral("importPriceHistoryTickerDialog"))));
        QCOMPARE(ask->textValue(), QStringLiteral("RY.TO")); // the selected ticker is suggested
        ask->setTextValue(QStringLiteral("shop.to"));
        ask->accept();
        QVERIFY(finished.wait(20000));
        QVERIFY(importStatus(finished.constFirst()).ok());
        QCOMPARE(candleCount(QStringLiteral("SHOP.TO")), 1);
        QCOMPARE(candleCount(QStringLiteral("RY.TO")), 0);
    }

    void theFileNameIsSuggestedWithoutASelection()
    {
        m_selected.clear();
        QCOMPARE(m_controller->suggestedTicker(QStringLiteral("/tmp/aapl.csv")), QStringLiteral("AAPL"));
    }
};

TRAILGUARD_GUI_TEST_MAIN(TestPriceHistoryImportController)
#include "tst_pricehistoryimportcontroller.moc"
