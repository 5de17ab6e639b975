// The "Import Positions" dialog and the portfolio parts of the main window, against the fake Questrade
// server's accounts and positions.
#include "GuiTestMain.h"

#include "../portfolio/PortfolioFixture.h"
#include "Banner.h"
#include "MainWindow.h"
#include "WatchlistModel.h"
#include "portfolio/ImportPositionsDialog.h"
#include "portfolio/PortfolioView.h"
#include "settings/Settings.h"

#include <QAction>
#include <QLabel>
#include <QListWidget>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>

using namespace trailguard;
using namespace trailguard::test;
using trailguard::ui::ImportPositionsDialog;
using trailguard::ui::MainWindow;
using trailguard::ui::WatchlistModel;
using Server = test::TestQuestradeServer;

namespace {
int rowOf(QTableWidget *table, const QString &ticker)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, ImportPositionsDialog::Ticker)->text() == ticker)
            return row;
    }
    return -1;
}
} // namespace

class TestImportPositionsDialog : public QObject {
    Q_OBJECT

private:
    PortfolioFixture f;
    std::unique_ptr<Settings> m_settings;

    template <typename T>
    static T *child(QObject *parent, const char *name)
    {
        return parent->findChild<T *>(QString::fromLatin1(name));
    }

    // Waits until the dialog shows its accounts and the preview of the checked ones.
    static bool waitForPreview(ImportPositionsDialog &dialog, int rows)
    {
        auto *table = child<QTableWidget>(&dialog, "positionsTableWidget");
        return QTest::qWaitFor([&] { return !dialog.isBusy() && table->rowCount() == rows; }, kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
        qRegisterMetaType<ImportSummary>();
    }

    void init()
    {
        QVERIFY(f.setUp());
        m_settings =
            Settings::forFile(f.dir->filePath(QStringLiteral("settings.ini")), QProcessEnvironment());
        f.server->setAccounts({Server::Account{QStringLiteral("111"), QStringLiteral("TFSA"),
                                               QStringLiteral("Active"), true, false},
                               Server::Account{QStringLiteral("222"), QStringLiteral("Margin")}});
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 50, 118.20, 6572.0, 662.0),
                                                       position("AAPL", 8049, 10, 150.0, 1895.0, 395.0)});
        f.server->setPositions(QStringLiteral("222"),
                               {position("TSLA", 4000, -5, 250.0, -1200.0, 50.0),
                                position("AAPL17Dec27C200.00", 990001, 2, 3.6, 830.0)});
    }

    void cleanup()
    {
        m_settings.reset();
        f.tearDown();
    }

    void listsAccountsPreviewsAndImportsTheCheckedPositions()
    {
        ImportPositionsDialog dialog(*f.import, 0.85);
        QSignalSpy imported(&dialog, &ImportPositionsDialog::imported);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(waitForPreview(dialog, 4));

        auto *accounts = child<QListWidget>(&dialog, "accountsListWidget");
        QCOMPARE(accounts->count(), 2);
        QVERIFY(accounts->item(0)->text().contains(QStringLiteral("TFSA")));
        QVERIFY(accounts->item(0)->text().contains(QStringLiteral("111")));
        QVERIFY(accounts->item(1)->text().contains(QStringLiteral("Margin")));
        QCOMPARE(accounts->item(0)->checkState(), Qt::Checked);

        auto *table = child<QTableWidget>(&dialog, "positionsTableWidget");
        const int ry = rowOf(table, QStringLiteral("RY.TO"));
        const int aapl = rowOf(table, QStringLiteral("AAPL"));
        const int tsla = rowOf(table, QStringLiteral("TSLA"));
        const int option = rowOf(table, QStringLiteral("AAPL17Dec27C200.00"));
        QVERIFY(ry >= 0 && aapl >= 0 && tsla >= 0 && option >= 0);
        QCOMPARE(table->item(ry, ImportPositionsDialog::Quantity)->text(), QStringLiteral("50"));
        QCOMPARE(table->item(ry, ImportPositionsDialog::MarketValue)->text(), QStringLiteral("6,572.00"));
        QCOMPARE(table->item(ry, ImportPositionsDialog::AverageEntry)->text(), QStringLiteral("118.20"));
        // Shorts and options are shown, unchecked, disabled, and the note says why.
        QVERIFY(!(table->item(tsla, 0)->flags() & Qt::ItemIsEnabled));
        QCOMPARE(table->item(tsla, 0)->checkState(), Qt::Unchecked);
        QVERIFY(table->item(tsla, ImportPositionsDialog::Note)->text().contains(QStringLiteral("Short")));
        QVERIFY(table->item(option, ImportPositionsDialog::Note)->text().contains(QStringLiteral("Option")));
        QCOMPARE(dialog.checkedTickers(), (QStringList{QStringLiteral("AAPL"), QStringLiteral("RY.TO")}));

        table->item(aapl, 0)->setCheckState(Qt::Unchecked);
        auto *importButton = child<QPushButton>(&dialog, "importPushButton");
        QVERIFY(importButton->isEnabled());
        QTest::mouseClick(importButton, Qt::LeftButton);

        QCOMPARE(imported.count(), 1);
        QTRY_VERIFY(!dialog.isVisible());
        const auto ryStock = f.stock(QStringLiteral("RY.TO"));
        QVERIFY(ryStock);
        QCOMPARE(ryStock->entry, std::optional<double>(118.20));
        QCOMPARE(ryStock->ratio, 0.85);
        QVERIFY(!f.stock(QStringLiteral("AAPL")));
        QVERIFY(!f.stock(QStringLiteral("TSLA")));
    }

    void uncheckingAnAccountLeavesItsPositionsOut()
    {
        ImportPositionsDialog dialog(*f.import, 0.9);
        dialog.show();
        QVERIFY(waitForPreview(dialog, 4));
        auto *accounts = child<QListWidget>(&dialog, "accountsListWidget");
        accounts->item(1)->setCheckState(Qt::Unchecked);
        QVERIFY(waitForPreview(dialog, 2));
        auto *table = child<QTableWidget>(&dialog, "positionsTableWidget");
        QCOMPARE(rowOf(table, QStringLiteral("TSLA")), -1);
        accounts->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(waitForPreview(dialog, 0));
        QVERIFY(!child<QPushButton>(&dialog, "importPushButton")->isEnabled());
    }

    void sayWhatWentWrongAndRecoverOnReload()
    {
        f.server->failNextRequests(10, 500, 1008);
        ImportPositionsDialog dialog(*f.import, 0.9);
        dialog.show();
        auto *status = child<QLabel>(&dialog, "statusLabel");
        QVERIFY(
            QTest::qWaitFor([&] { return !dialog.isBusy() && status->property("error").toBool(); }, kWaitMs));
        QVERIFY(status->text().contains(QStringLiteral("Reload")));
        QVERIFY(!child<QPushButton>(&dialog, "importPushButton")->isEnabled());

        f.server->failNextRequests(0, 500);
        QTest::mouseClick(child<QPushButton>(&dialog, "reloadPushButton"), Qt::LeftButton);
        QVERIFY(waitForPreview(dialog, 4));
        QVERIFY(!status->property("error").toBool());
    }

    void anAccountQuestradeNoLongerKnowsIsExplained()
    {
        ImportPositionsDialog dialog(*f.import, 0.9);
        dialog.show();
        QVERIFY(waitForPreview(dialog, 4));
        f.server->setAccounts({Server::Account{QStringLiteral("111"), QStringLiteral("TFSA")}});
        auto *accounts = child<QListWidget>(&dialog, "accountsListWidget");
        accounts->item(0)->setCheckState(Qt::Unchecked); // preview of 222 alone: unknown now
        auto *status = child<QLabel>(&dialog, "statusLabel");
        QVERIFY(
            QTest::qWaitFor([&] { return !dialog.isBusy() && status->property("error").toBool(); }, kWaitMs));
        QVERIFY(status->text().contains(QStringLiteral("222")));
    }

    void theWindowShowsPositionsTotalsAndAsksAboutDisappearedOnes()
    {
        MainWindow window(*f.watchlist, *m_settings);
        window.setPortfolioServices({f.import.get(), f.sync.get(), f.portfolio.get()});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *action = window.findChild<QAction *>(QStringLiteral("importPositionsAction"));
        QVERIFY(action && action->isEnabled());
        window.showImportPositions();
        ui::ImportPositionsDialog *dialog = window.portfolioView()->importDialog();
        QVERIFY(dialog);
        QVERIFY(waitForPreview(*dialog, 4));
        QTest::mouseClick(child<QPushButton>(dialog, "importPushButton"), Qt::LeftButton);
        QTRY_VERIFY(!window.portfolioView()->importDialog());
        QVERIFY(f.stock(QStringLiteral("AAPL")));

        // The table: quantity, market value and open P/L per row.
        auto *model = window.findChild<WatchlistModel *>();
        QVERIFY(model);
        const int row = model->rowOf(QStringLiteral("RY.TO"));
        QVERIFY(row >= 0);
        const auto cell = [&](int r, WatchlistModel::Column column) {
            return model->index(r, WatchlistModel::column(column)).data().toString();
        };
        QCOMPARE(model->headerData(WatchlistModel::column(WatchlistModel::Column::Quantity), Qt::Horizontal)
                     .toString(),
                 QStringLiteral("Quantity"));
        QCOMPARE(cell(row, WatchlistModel::Column::Quantity), QStringLiteral("50"));
        QCOMPARE(cell(row, WatchlistModel::Column::MarketValue), QStringLiteral("6,572.00"));
        QCOMPARE(cell(row, WatchlistModel::Column::OpenPnl), QStringLiteral("+662.00"));

        // The total per currency of the watched market value.
        auto *totals = window.findChild<QLabel *>(QStringLiteral("portfolioTotalsLabel"));
        QVERIFY(totals);
        QTRY_VERIFY(totals->isVisible());
        QVERIFY2(totals->text().contains(QStringLiteral("CAD 6,572.00")), qPrintable(totals->text()));
        QVERIFY2(totals->text().contains(QStringLiteral("USD 1,895.00")), qPrintable(totals->text()));

        // A sync: AAPL is gone; the banner asks, without blocking.
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 60, 118.20, 7900.0, 808.0)});
        f.sync->syncNow();
        auto *banner = window.findChild<ui::Banner *>(QStringLiteral("positionsClosedBannerFrame"));
        QVERIFY(banner);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kWaitMs);
        QVERIFY(banner->message().contains(QStringLiteral("AAPL")));
        QCOMPARE(cell(row, WatchlistModel::Column::Quantity), QStringLiteral("60"));
        QVERIFY(totals->text().contains(QStringLiteral("CAD 7,900.00")));
        QVERIFY(!totals->text().contains(QStringLiteral("USD")));

        QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("stopWatchingPushButton")),
                          Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        QVERIFY(!f.stock(QStringLiteral("AAPL")));
        QVERIFY(f.stock(QStringLiteral("RY.TO")));
    }

    void keepWatchingLeavesTheTicker()
    {
        MainWindow window(*f.watchlist, *m_settings);
        window.setPortfolioServices({f.import.get(), f.sync.get(), f.portfolio.get()});
        QVERIFY(f.importAll());
        window.portfolioView()->askAboutDisappeared({QStringLiteral("AAPL")});
        auto *banner = window.findChild<ui::Banner *>(QStringLiteral("positionsClosedBannerFrame"));
        QVERIFY(!banner->isHidden());
        QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("keepWatchingPushButton")),
                          Qt::LeftButton);
        QVERIFY(banner->isHidden());
        QVERIFY(f.stock(QStringLiteral("AAPL")));
    }

    void withoutServicesTheMenuSaysToConnect()
    {
        MainWindow window(*f.watchlist, *m_settings);
        window.showImportPositions();
        QVERIFY(!window.portfolioView());
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Connect")));
    }
};

TRAILGUARD_GUI_TEST_MAIN(TestImportPositionsDialog)
#include "tst_importpositionsdialog.moc"
