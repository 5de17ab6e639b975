#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "ConnectDialog.h"
#include "MainWindow.h"
#include "WatchlistModel.h"

#include "domain/Ticker.h"
#include "monitor/Monitor.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

using namespace trailguard;
using trailguard::ui::ConnectDialog;
using trailguard::ui::MainWindow;
using trailguard::ui::WatchlistModel;
using Column = WatchlistModel::Column;

namespace {
int col(Column column)
{
    return WatchlistModel::column(column);
}

// Where screenshots go: $TRAILGUARD_TEST_ARTIFACTS, else ./artifacts.
QString artifactsDir()
{
    const QString configured = qEnvironmentVariable("TRAILGUARD_TEST_ARTIFACTS");
    return configured.isEmpty() ? QDir::current().filePath(QStringLiteral("artifacts")) : configured;
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
        qInfo() << "platform:" << QGuiApplication::platformName();
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanup()
    {
        m_window.reset(); // before the database it shows
        m_fixture.reset();
    }

    void addsATickerTypedIntoTheForm()
    {
        QVERIFY(showWindow());
        QLineEdit *ticker = child<QLineEdit>("tickerLineEdit");
        QCOMPARE(QApplication::focusWidget(), ticker);

        QTest::keyClicks(ticker, QStringLiteral(" shop.to "));
        QTest::keyClick(ticker, Qt::Key_Return);

        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(cell(0, Column::Ticker), QStringLiteral("SHOP.TO"));
        QCOMPARE(cell(0, Column::Ratio), QStringLiteral("0.90"));
        const std::optional<StockState> stored = m_fixture->stored(QStringLiteral("SHOP.TO"));
        QVERIFY(stored);
        QCOMPARE(stored->ratio, 0.9);
        QVERIFY(!stored->entry);
        // Ready for the next one: empty field, focus kept, no error, the new row selected.
        QVERIFY(ticker->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), ticker);
        QVERIFY(child<QLabel>("errorLabel")->isHidden());
        QCOMPARE(m_window->currentTicker(), QStringLiteral("SHOP.TO"));
        QCOMPARE(child<QLabel>("tickerCountLabel")->text(), QStringLiteral("Tickers: 1"));
    }

    void enterInTheEntryFieldAddsWithRatioAndEntry()
    {
        QVERIFY(showWindow());
        QTest::keyClicks(child<QLineEdit>("tickerLineEdit"), QStringLiteral("AAPL"));
        auto *ratio = child<QDoubleSpinBox>("ratioSpinBox");
        ratio->selectAll();
        QTest::keyClicks(ratio, QStringLiteral("0.85"));
        QLineEdit *entry = child<QLineEdit>("entryLineEdit");
        QTest::keyClicks(entry, QStringLiteral("101.25"));
        QTest::keyClick(entry, Qt::Key_Enter);

        const std::optional<StockState> stored = m_fixture->stored(QStringLiteral("AAPL"));
        QVERIFY(stored);
        QCOMPARE(stored->ratio, 0.85);
        QCOMPARE(stored->entry, std::optional<double>(101.25));
        QCOMPARE(stored->peak, std::optional<double>(101.25));
        QCOMPARE(cell(0, Column::Peak), QStringLiteral("101.25"));
        QVERIFY(entry->text().isEmpty());
        QCOMPARE(ratio->value(), 0.85); // the ratio stays for the next ticker
        QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("tickerLineEdit"));
    }

    void enterInTheRatioFieldAdds()
    {
        QVERIFY(showWindow());
        QTest::keyClicks(child<QLineEdit>("tickerLineEdit"), QStringLiteral("RY.TO"));
        QTest::keyClick(child<QDoubleSpinBox>("ratioSpinBox"), Qt::Key_Return);
        QVERIFY(m_fixture->stored(QStringLiteral("RY.TO")));
    }

    void badInputShowsTheErrorAndSavesNothing_data()
    {
        QTest::addColumn<QString>("ticker");
        QTest::addColumn<QString>("ratio"); // empty: keep the default
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("expectedMessage");
        QTest::addColumn<QString>("expectedFocus");

        QTest::newRow("symbols") << QStringLiteral("$$$") << QString() << QString()
                                 << Ticker::normalize(QStringLiteral("$$$")).error().message
                                 << QStringLiteral("tickerLineEdit");
        QTest::newRow("empty") << QString() << QString() << QString()
                               << Ticker::normalize(QString()).error().message
                               << QStringLiteral("tickerLineEdit");
        QTest::newRow("ratio of 1") << QStringLiteral("AAPL") << QStringLiteral("1") << QString()
                                    << StopRatio::validate(1.0).error().message
                                    << QStringLiteral("ratioSpinBox");
        QTest::newRow("entry not a number")
            << QStringLiteral("AAPL") << QString() << QStringLiteral("abc")
            << Price::parse(QStringLiteral("abc")).error().message << QStringLiteral("entryLineEdit");
        QTest::newRow("entry zero") << QStringLiteral("AAPL") << QString() << QStringLiteral("0")
                                    << QStringLiteral(
                                           "The entry price must be a number greater than 0, or left "
                                           "empty.")
                                    << QStringLiteral("entryLineEdit");
    }

    void badInputShowsTheErrorAndSavesNothing()
    {
        QFETCH(QString, ticker);
        QFETCH(QString, ratio);
        QFETCH(QString, entry);
        QFETCH(QString, expectedMessage);
        QFETCH(QString, expectedFocus);

        QVERIFY(showWindow());
        QLineEdit *tickerField = child<QLineEdit>("tickerLineEdit");
        QTest::keyClicks(tickerField, ticker);
        if (!ratio.isEmpty()) {
            child<QDoubleSpinBox>("ratioSpinBox")->selectAll();
            QTest::keyClicks(child<QDoubleSpinBox>("ratioSpinBox"), ratio);
        }
        QTest::keyClicks(child<QLineEdit>("entryLineEdit"), entry);
        QTest::keyClick(tickerField, Qt::Key_Return);

        QLabel *error = child<QLabel>("errorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), expectedMessage);
        QCOMPARE(m_fixture->storedCount(), 0);
        QCOMPARE(table()->model()->rowCount(), 0);
        QCOMPARE(tickerField->text(), ticker); // kept for correcting
        QCOMPARE(QApplication::focusWidget()->objectName(), expectedFocus);
    }

    void aDuplicateSaysSo()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.8, {150.0});
        QVERIFY(showWindow());
        QLineEdit *ticker = child<QLineEdit>("tickerLineEdit");
        QTest::keyClicks(ticker, QStringLiteral("aapl"));
        QTest::keyClick(ticker, Qt::Key_Return);

        QLabel *error = child<QLabel>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("AAPL is already on the watchlist")),
                 qPrintable(error->text()));
        QCOMPARE(m_fixture->storedCount(), 1);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->ratio, 0.8); // untouched
        QCOMPARE(table()->model()->rowCount(), 1);

        // The next good add clears the error.
        ticker->clear();
        QTest::keyClicks(ticker, QStringLiteral("MSFT"));
        QTest::keyClick(ticker, Qt::Key_Return);
        QVERIFY(error->isHidden());
        QCOMPARE(table()->model()->rowCount(), 2);
    }

    void deleteKeyRemovesAfterConfirmation()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {140.0});
        QVERIFY(showWindow());
        QVERIFY(selectTicker(QStringLiteral("AAPL")));

        QTest::keyClick(table(), Qt::Key_Delete);
        QPointer<QMessageBox> box = m_window->findChild<QMessageBox *>(QStringLiteral("removeMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), box.data());
        QVERIFY(box->text().contains(QStringLiteral("AAPL")));
        QCOMPARE(m_fixture->storedCount(), 2); // nothing happens before the answer

        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("removePushButton")), Qt::LeftButton);
        QTRY_VERIFY(box.isNull()); // closed and deleted
        QVERIFY(!m_fixture->stored(QStringLiteral("AAPL")));
        QVERIFY(m_fixture->stored(QStringLiteral("RY.TO")));
        QCOMPARE(table()->model()->rowCount(), 1);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Removed AAPL."));
    }

    void cancellingTheConfirmationKeepsTheTicker()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        QVERIFY(showWindow());
        QVERIFY(selectTicker(QStringLiteral("AAPL")));
        child<QAction>("removeAction")->trigger();
        QPointer<QMessageBox> box = m_window->findChild<QMessageBox *>(QStringLiteral("removeMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter does not delete
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(box.isNull());
        QVERIFY(m_fixture->stored(QStringLiteral("AAPL")));
        QCOMPARE(table()->model()->rowCount(), 1);
    }

    void deleteInATextFieldEditsText()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        QVERIFY(showWindow());
        QVERIFY(selectTicker(QStringLiteral("AAPL")));
        QLineEdit *ticker = child<QLineEdit>("tickerLineEdit");
        ticker->setFocus();
        QTest::keyClicks(ticker, QStringLiteral("MSFT"));
        QTest::keyClick(ticker, Qt::Key_Home);
        QTest::keyClick(ticker, Qt::Key_Delete);
        QCOMPARE(ticker->text(), QStringLiteral("SFT"));
        QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("removeMessageBox")));
    }

    void shortcutsAreShownInTheMenus()
    {
        QVERIFY(showWindow());
        QCOMPARE(child<QAction>("removeAction")->shortcut(), QKeySequence(QKeySequence::Delete));
        QCOMPARE(child<QAction>("resetPeakAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QCOMPARE(child<QAction>("changeRatioAction")->shortcut(), QKeySequence(Qt::Key_F2));
        QCOMPARE(child<QAction>("addAction")->shortcut(), QKeySequence(QKeySequence::New));
        QCOMPARE(child<QAction>("quitAction")->shortcut(), QKeySequence(QKeySequence::Quit));
        QCOMPARE(child<QAction>("checkNowAction")->shortcut(), QKeySequence(Qt::Key_F5));
        for (const char *name : {"removeAction", "resetPeakAction", "changeRatioAction", "addAction",
                                 "quitAction", "checkNowAction", "connectAction", "disconnectAction"}) {
            const QList<QObject *> places = child<QAction>(name)->associatedObjects();
            const bool inMenu = std::any_of(places.cbegin(), places.cend(),
                                            [](QObject *place) { return qobject_cast<QMenu *>(place); });
            QVERIFY2(inMenu, name); // a menu shows the shortcut beside the text
        }
        // The actions on a ticker are off until one is selected.
        QVERIFY(!child<QAction>("removeAction")->isEnabled());
        QVERIFY(!child<QAction>("resetPeakAction")->isEnabled());
    }

    void doubleClickEditsTheRatio()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0, 120.0});
        QVERIFY(showWindow());
        QDoubleSpinBox *editor = openRatioEditor(QStringLiteral("AAPL"));
        QVERIFY(editor);
        QCOMPARE(editor->value(), 0.9);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("0.8"));
        QTest::keyClick(editor, Qt::Key_Return);

        QTRY_COMPARE(m_fixture->stored(QStringLiteral("AAPL"))->ratio, 0.8);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->stop, std::optional<double>(96.0));
        QCOMPARE(cell(0, Column::Ratio), QStringLiteral("0.80"));
        QCOMPARE(cell(0, Column::Stop), QStringLiteral("96.00"));
    }

    void anInvalidRatioEditIsRefusedInTheStatusBar()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0, 120.0});
        QVERIFY(showWindow());
        QDoubleSpinBox *editor = openRatioEditor(QStringLiteral("AAPL"));
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("1"));
        QTest::keyClick(editor, Qt::Key_Return);

        QTRY_COMPARE(m_window->statusBar()->currentMessage(), StopRatio::validate(1.0).error().message);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->ratio, 0.9);
        QCOMPARE(cell(0, Column::Ratio), QStringLiteral("0.90"));
    }

    void resetPeakRestartsFromTheLastPrice()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0, 120.0, 110.0});
        QVERIFY(showWindow());
        QVERIFY(selectTicker(QStringLiteral("AAPL")));
        QVERIFY(child<QAction>("resetPeakAction")->isEnabled());
        QTest::keyClick(table(), Qt::Key_R, Qt::ControlModifier);

        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->peak, std::optional<double>(110.0));
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->stop, std::optional<double>(99.0));
        QCOMPARE(cell(0, Column::Peak), QStringLiteral("110.00"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("AAPL")));
    }

    void theFilterNarrowsTheTable()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {});
        m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {});
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {});
        QVERIFY(showWindow());
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QLineEdit *filter = child<QLineEdit>("filterLineEdit");
        QCOMPARE(QApplication::focusWidget(), filter);
        QTest::keyClicks(filter, QStringLiteral(".to"));
        QCOMPARE(table()->model()->rowCount(), 2);
        QCOMPARE(child<QLabel>("tickerCountLabel")->text(), QStringLiteral("Shown: 2 of 3"));
        // A full check covers the whole watchlist, whatever the filter shows.
        QVERIFY2(child<QLabel>("cycleCostLabel")
                     ->toolTip()
                     .contains(QStringLiteral("quote requests per check: 1.")),
                 qPrintable(child<QLabel>("cycleCostLabel")->toolTip()));
        QVERIFY(!child<QLabel>("cycleCostLabel")->isHidden());
        filter->clear();
        QCOMPARE(table()->model()->rowCount(), 3);
        QCOMPARE(child<QLabel>("tickerCountLabel")->text(), QStringLiteral("Tickers: 3"));
    }

    void numericColumnsSortNumerically()
    {
        m_fixture->seed(QStringLiteral("A"), 0.9, {100.0});
        m_fixture->seed(QStringLiteral("B"), 0.9, {9.5});
        m_fixture->seed(QStringLiteral("C"), 0.9, {1500.0});
        QVERIFY(showWindow());
        // Clicking the header sorts ascending, as the sort role orders numbers.
        QHeaderView *header = table()->horizontalHeader();
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(col(Column::LastPrice)) + 5, header->height() / 2));
        QCOMPARE(header->sortIndicatorSection(), col(Column::LastPrice));
        QCOMPARE(cell(0, Column::Ticker), QStringLiteral("B"));
        QCOMPARE(cell(1, Column::Ticker), QStringLiteral("A"));
        QCOMPARE(cell(2, Column::Ticker), QStringLiteral("C"));
    }

    void theDefaultRatioComesFromTheSettings()
    {
        QVERIFY(m_fixture->settings().setDefaultRatio(0.85).ok());
        QVERIFY(showWindow());
        QCOMPARE(child<QDoubleSpinBox>("ratioSpinBox")->value(), 0.85);
        QVERIFY(child<QLabel>("errorLabel")->isHidden());
    }

    void anInvalidStopLossVariableIsShown()
    {
        m_fixture.reset();
        m_fixture = std::make_unique<test::WatchlistFixture>();
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("STOP_LOSS"), QStringLiteral("ten percent"));
        QVERIFY(m_fixture->open(environment).isEmpty());
        QVERIFY(showWindow());
        QLabel *error = child<QLabel>("errorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), m_fixture->settings().defaultRatio().error().message);
        QCOMPARE(child<QDoubleSpinBox>("ratioSpinBox")->value(), StopRatio::kDefault);
    }

    void layoutIsSavedOnCloseAndRestored()
    {
        m_fixture->seed(QStringLiteral("A"), 0.9, {100.0});
        m_fixture->seed(QStringLiteral("B"), 0.9, {300.0});
        m_fixture->seed(QStringLiteral("C"), 0.9, {200.0});
        QVERIFY(showWindow());
        m_window->resize(900, 500);
        QTRY_COMPARE(m_window->size(), QSize(900, 500));
        QHeaderView *header = table()->horizontalHeader();
        header->resizeSection(col(Column::Peak), 140);
        header->moveSection(header->visualIndex(col(Column::Currency)), 1);
        table()->sortByColumn(col(Column::LastPrice), Qt::DescendingOrder);
        const QByteArray headerState = header->saveState();

        QVERIFY(m_window->close());
        QVERIFY(!m_window->isVisible());
        // Another Settings on the same file proves it reached the disk.
        auto reread = Settings::forFile(m_fixture->settingsFile(), {});
        QCOMPARE(reread->watchlistHeaderState(), headerState);
        QVERIFY(!reread->mainWindowGeometry().isEmpty());
        QVERIFY(!reread->mainWindowState().isEmpty());

        m_window.reset();
        QVERIFY(showWindow());
        QCOMPARE(m_window->size(), QSize(900, 500));
        header = table()->horizontalHeader();
        QCOMPARE(header->sectionSize(col(Column::Peak)), 140);
        QCOMPARE(header->visualIndex(col(Column::Currency)), 1);
        QCOMPARE(header->sortIndicatorSection(), col(Column::LastPrice));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(cell(0, Column::Ticker), QStringLiteral("B")); // and the rows are sorted that way
    }

    void hidingToTheTrayRenamesClose()
    {
        QVERIFY(showWindow());
        QAction *close = child<QAction>("closeAction");
        QCOMPARE(close->text(), QStringLiteral("&Close"));
        m_window->setHidesToTray(true);
        QVERIFY(m_window->hidesToTray());
        QCOMPARE(close->text(), QStringLiteral("&Hide to Tray"));
        close->trigger();
        QVERIFY(!m_window->isVisible());
        QVERIFY(!m_fixture->settings().mainWindowGeometry().isEmpty()); // saved on hide too
    }

    // The window as the README shows it: a few tickers with prices, one near its stop and one below.
    // Saves mainwindow.png to the artifacts folder, and to $TRAILGUARD_SCREENSHOT_PATH when set.
    void populatedWindowShowsStopMarkers()
    {
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.85, {98.40, 121.40, 117.85}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("RY.TO"), 0.95, {139.20, 146.10, 140.55}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {189.30, 212.44, 205.10}, QStringLiteral("USD"), 182.50);
        m_fixture->seed(QStringLiteral("XEQT.TO"), 0.92, {28.10, 30.42, 30.37}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("BRK.B"), 0.93, {480.00, 472.15, 441.20}, QStringLiteral("USD"));
        m_fixture->seed(QStringLiteral("TD.TO"), 0.9, {}, QString());
        QCOMPARE(m_fixture->storedCount(), 6);

        QVERIFY(showWindow(QSize(1000, 600)));
        QVERIFY(selectTicker(QStringLiteral("SHOP.TO")));
        QVERIFY(child<QAction>("resetPeakAction")->isEnabled());
        QCOMPARE(child<QLabel>("tickerCountLabel")->text(), QStringLiteral("Tickers: 6"));
        QVERIFY(
            cellOf(QStringLiteral("RY.TO"), Column::DistanceToStop).endsWith(QStringLiteral("near stop")));
        QVERIFY(
            cellOf(QStringLiteral("BRK.B"), Column::DistanceToStop).endsWith(QStringLiteral("below stop")));
        QVERIFY(!cellOf(QStringLiteral("SHOP.TO"), Column::DistanceToStop).contains(QStringLiteral("stop")));
        QCOMPARE(cellOf(QStringLiteral("TD.TO"), Column::LastPrice), QStringLiteral("\u2014"));
        QVERIFY(cellOf(QStringLiteral("BRK.B"), Column::LastAlert) != QStringLiteral("\u2014"));
        // Every column fits its content (icon and bold marker included): nothing is elided.
        const QHeaderView *header = table()->horizontalHeader();
        const QAbstractItemView *view = table(); // sizeHintForColumn is public here
        for (int column = 0; column < WatchlistModel::kColumnCount; ++column)
            QVERIFY2(header->sectionSize(column) >= view->sizeHintForColumn(column),
                     qPrintable(QString::number(column)));

        const QImage image = m_window->grab().toImage();
        QCOMPARE(image.size(), QSize(1000, 600) * m_window->devicePixelRatio());
        QVERIFY(QDir().mkpath(artifactsDir()));
        const QString artifact = QDir(artifactsDir()).filePath(QStringLiteral("mainwindow.png"));
        QVERIFY2(image.save(artifact), qPrintable(artifact));
        qInfo() << "screenshot:" << artifact;
        if (const QString docs = qEnvironmentVariable("TRAILGUARD_SCREENSHOT_PATH"); !docs.isEmpty()) {
            QVERIFY2(image.save(docs), qPrintable(docs));
            qInfo() << "screenshot:" << docs;
        }
    }

    // Before main.cpp says anything about the connection, the window shows no banner.
    void noBannerUntilTheStateIsKnown()
    {
        QVERIFY(showWindow());
        QVERIFY(!m_window->connectionState());
        QVERIFY(child<QFrame>("connectionBannerFrame")->isHidden());
        QVERIFY(child<QFrame>("demoBannerFrame")->isHidden());
        QVERIFY(child<QLabel>("connectionStateLabel")->isHidden());
        QVERIFY(!child<QAction>("disconnectAction")->isEnabled());
        QVERIFY(child<QAction>("checkNowAction")->isEnabled());
    }

    void disconnectedShowsABannerThatReconnects()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        QVERIFY(showWindow());
        const QString refused =
            QStringLiteral("Questrade refused the saved token. Copy a new one from the API centre.");
        m_window->setConnectionState(ConnectionState::Disconnected, refused);

        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QVERIFY(banner->isVisible());
        const QLabel *text = banner->findChild<QLabel *>(QStringLiteral("bannerMessageLabel"));
        QVERIFY(text->text().contains(QStringLiteral("Disconnected")));
        QVERIFY(text->text().contains(refused));
        QCOMPARE(child<QLabel>("connectionStateLabel")->text(), QStringLiteral("Questrade: disconnected"));
        QCOMPARE(child<QLabel>("connectionStateLabel")->toolTip(), refused);
        QVERIFY(child<QAction>("disconnectAction")->isEnabled());
        // The table stays usable under the banner.
        QVERIFY(table()->isVisible() && table()->isEnabled());
        QVERIFY(selectTicker(QStringLiteral("AAPL")));

        saveArtifact(m_window->grab(), QStringLiteral("disconnected-banner.png"));

        QPushButton *reconnect = banner->findChild<QPushButton *>(QStringLiteral("connectPushButton"));
        QCOMPARE(reconnect->text(), QStringLiteral("&Reconnect\u2026"));
        QVERIFY(!banner->findChild<QPushButton *>(QStringLiteral("demoPushButton"))->isVisible());
        QTest::mouseClick(reconnect, Qt::LeftButton);
        QPointer<ConnectDialog> dialog = m_window->connectDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), dialog.data());
        QCOMPARE(dialog->message(), refused); // says why the user is here

        saveArtifact(dialog->grab(), QStringLiteral("connect-dialog.png"));

        // The user pastes a practice token; the window passes it on for QuestradeAuth.
        QSignalSpy connectRequested(m_window.get(), &MainWindow::connectRequested);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenLineEdit")),
                         QStringLiteral(" Tok3n "));
        QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("practiceRadioButton")),
                          Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("connectPushButton")),
                          Qt::LeftButton);
        QCOMPARE(connectRequested.count(), 1);
        QCOMPARE(connectRequested.at(0).at(0).toByteArray(), QByteArray("Tok3n"));
        QCOMPARE(connectRequested.at(0).at(1).value<BrokerEnvironment>(), BrokerEnvironment::Practice);

        // QuestradeAuth answers through the window: the dialog closes (and is deleted), the banner goes.
        m_window->setConnectionState(ConnectionState::Connecting,
                                     QStringLiteral("Connecting to Questrade\u2026"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(child<QLabel>("connectionStateLabel")->text(),
                 QStringLiteral("Questrade: connecting\u2026"));
        m_window->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QTRY_VERIFY(dialog.isNull());
        QVERIFY(!m_window->connectDialog());
        QVERIFY(banner->isHidden());
        QCOMPARE(child<QLabel>("connectionStateLabel")->text(), QStringLiteral("Questrade: connected"));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Connected to Questrade."));
    }

    void notConfiguredOffersConnectAndTheDemo()
    {
        QVERIFY(showWindow());
        const QString hint =
            QStringLiteral("Connect a Questrade account: paste a refresh token from the API centre.");
        m_window->setConnectionState(ConnectionState::NotConfigured, hint);
        QFrame *banner = child<QFrame>("connectionBannerFrame");
        QVERIFY(banner->isVisible());
        const QString text = banner->findChild<QLabel *>(QStringLiteral("bannerMessageLabel"))->text();
        QVERIFY(text.contains(QStringLiteral("No Questrade account connected")));
        QVERIFY(text.contains(hint));
        QPushButton *connectButton = banner->findChild<QPushButton *>(QStringLiteral("connectPushButton"));
        QCOMPARE(connectButton->text(), QStringLiteral("&Connect\u2026"));
        QPushButton *demo = banner->findChild<QPushButton *>(QStringLiteral("demoPushButton"));
        QVERIFY(demo->isHidden()); // no demo unless main.cpp says one is possible
        QVERIFY(!child<QAction>("disconnectAction")->isEnabled()); // nothing to forget

        m_window->setDemoAvailable(true);
        QVERIFY(demo->isVisible());
        QSignalSpy demoRequested(m_window.get(), &MainWindow::demoRequested);
        QTest::mouseClick(demo, Qt::LeftButton);
        QCOMPARE(demoRequested.count(), 1);

        // The Account menu opens the same dialog.
        child<QAction>("connectAction")->trigger();
        QVERIFY(m_window->connectDialog());
        QTRY_VERIFY(m_window->connectDialog()->isVisible());
        QVERIFY(m_window->connectDialog()->message().isEmpty()); // nothing went wrong yet
    }

    void checkNowAsksTheMonitorAndWaitsForTheCycle()
    {
        QVERIFY(showWindow());
        QAction *checkNow = child<QAction>("checkNowAction");
        QVERIFY(checkNow->associatedObjects().contains(child<QToolBar>("watchlistToolBar")));
        QSignalSpy requested(m_window.get(), &MainWindow::checkNowRequested);
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(requested.count(), 1);

        m_window->showCycleStarted();
        QVERIFY(!checkNow->isEnabled());
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(), QStringLiteral("Checking\u2026"));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(requested.count(), 1);

        m_window->showCycleReport(report(true));
        QVERIFY(checkNow->isEnabled());
        checkNow->trigger();
        QCOMPARE(requested.count(), 2);
    }

    void theStatusBarShowsTheLastAndNextCheckAndTheError()
    {
        QVERIFY(showWindow());
        // Today at noon, so the test never crosses midnight (times on another day also show their date).
        const QDateTime finished(QDate::currentDate(), QTime(12, 0));
        const QDateTime next = finished.addSecs(300);
        m_window->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        m_window->showCycleStarted();
        CycleReport ok = report(true);
        ok.finishedAt = finished;
        m_window->showCycleReport(ok);
        m_window->setNextCheck(next);
        const auto time = [](const QDateTime &at) {
            return QLocale().toString(at.time(), QLocale::ShortFormat);
        };
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(),
                 QStringLiteral("Last check: %1").arg(time(finished)));
        QVERIFY(child<QLabel>("nextCheckLabel")->isVisible());
        QCOMPARE(child<QLabel>("nextCheckLabel")->text(), QStringLiteral("Next check: %1").arg(time(next)));
        QVERIFY(child<QLabel>("lastErrorLabel")->isHidden());
        QCOMPARE(m_window->statusSummary(),
                 QStringLiteral("watching 0 tickers, last check %1").arg(time(finished)));

        CycleReport failed = report(false);
        failed.finishedAt = finished.addSecs(300);
        failed.error =
            QStringLiteral("Questrade did not answer in time; Trailguard tries again at the next check.");
        m_window->showCycleReport(failed);
        QLabel *error = child<QLabel>("lastErrorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->toolTip(), QStringLiteral("Last check failed: %1").arg(failed.error));
        QVERIFY(error->text().startsWith(QStringLiteral("Last check failed: Questrade did not")));
        QCOMPARE(child<QLabel>("lastCheckLabel")->text(),
                 QStringLiteral("Last check: %1").arg(time(failed.finishedAt)));

        m_window->showCycleReport(ok);
        QVERIFY(error->isHidden());
        m_window->setNextCheck({}); // the monitor stopped
        QVERIFY(child<QLabel>("nextCheckLabel")->isHidden());
    }

    void partlyStreamingSaysHowManyTickersArePolled()
    {
        QVERIFY(showWindow());
        m_window->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        m_window->setStreamCoverage(800, 1000);
        m_window->setQuoteFeedMode(QuoteFeedMode::PartlyStreaming);
        const QString coverage =
            QStringLiteral("streaming %1 of %2 tickers; %3 on polling")
                .arg(QLocale().toString(800), QLocale().toString(1000), QLocale().toString(200));
        QCOMPARE(child<QLabel>("quoteFeedLabel")->text(), QStringLiteral("Quotes: ") + coverage);
        // The tray shows the same summary.
        QVERIFY2(m_window->statusSummary().endsWith(QStringLiteral("; ") + coverage),
                 qPrintable(m_window->statusSummary()));

        m_window->setStreamCoverage(1000, 1000);
        m_window->setQuoteFeedMode(QuoteFeedMode::Streaming);
        QCOMPARE(child<QLabel>("quoteFeedLabel")->text(), QStringLiteral("Quotes: streaming live"));
        QVERIFY(!m_window->statusSummary().contains(QStringLiteral("on polling")));
    }

    void theDemoBannerShowsOnlyInDemoMode()
    {
        QVERIFY(showWindow());
        QFrame *demo = child<QFrame>("demoBannerFrame");
        QVERIFY(demo->isHidden());
        m_window->setConnectionState(ConnectionState::NotConfigured, QStringLiteral("Connect an account."));
        QVERIFY(child<QFrame>("connectionBannerFrame")->isVisible());

        m_window->setDemoMode(true);
        QVERIFY(m_window->isDemoMode());
        QVERIFY(demo->isVisible());
        QVERIFY(demo->findChild<QLabel *>(QStringLiteral("bannerMessageLabel"))
                    ->text()
                    .contains(QStringLiteral("Demo market \u2014 simulated prices")));
        QVERIFY(child<QFrame>("connectionBannerFrame")->isHidden()); // one banner at a time
        QCOMPARE(child<QLabel>("connectionStateLabel")->text(), QStringLiteral("Demo market"));
        QVERIFY(m_window->statusSummary().startsWith(QStringLiteral("Demo market: ")));

        m_window->setDemoMode(false);
        QVERIFY(demo->isHidden());
        QVERIFY(child<QFrame>("connectionBannerFrame")->isVisible());
    }

    void disconnectingAsksFirst()
    {
        QVERIFY(showWindow());
        m_window->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QAction *disconnect = child<QAction>("disconnectAction");
        QVERIFY(disconnect->isEnabled());
        QSignalSpy requested(m_window.get(), &MainWindow::disconnectRequested);

        disconnect->trigger();
        QPointer<QMessageBox> box =
            m_window->findChild<QMessageBox *>(QStringLiteral("disconnectMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(box.isNull());
        QCOMPARE(requested.count(), 0);

        disconnect->trigger();
        box = m_window->findChild<QMessageBox *>(QStringLiteral("disconnectMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("disconnectPushButton")),
                          Qt::LeftButton);
        QTRY_VERIFY(box.isNull());
        QCOMPARE(requested.count(), 1);
    }

    void aBreachStaysInTheStatusBar()
    {
        QVERIFY(showWindow());
        Breach breach;
        breach.ticker = QStringLiteral("SHOP.TO");
        breach.price = 92.1;
        breach.stop = 95.4;
        breach.peak = 106.0;
        m_window->showBreach(breach);
        QCOMPARE(m_window->statusBar()->currentMessage(),
                 QStringLiteral("Stop-loss breach: SHOP.TO \u2014 92.10 < stop 95.40 (peak 106.00)"));
    }

    void showTickerOpensTheWindowOnTheRow()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {150.0});
        m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {140.0});
        QVERIFY(showWindow());
        child<QLineEdit>("filterLineEdit")->setText(QStringLiteral("AAPL"));
        m_window->hide();
        m_window->showTicker(QStringLiteral("RY.TO"));
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_window->currentTicker(), QStringLiteral("RY.TO"));
        QVERIFY(child<QLineEdit>("filterLineEdit")->text().isEmpty()); // the filter hid it
    }

private:
    // Screenshots for reviewers, in the artifacts folder.
    static void saveArtifact(const QPixmap &pixmap, const QString &name)
    {
        QVERIFY(QDir().mkpath(artifactsDir()));
        const QString path = QDir(artifactsDir()).filePath(name);
        QVERIFY2(pixmap.save(path), qPrintable(path));
        qInfo() << "screenshot:" << path;
    }

    static CycleReport report(bool ok)
    {
        CycleReport result;
        result.ok = ok;
        result.startedAt = QDateTime::currentDateTime().addSecs(-2);
        result.finishedAt = QDateTime::currentDateTime();
        return result;
    }

    bool showWindow(QSize size = {})
    {
        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        if (size.isValid())
            m_window->resize(size);
        m_window->show();
        m_window->activateWindow();
        return QTest::qWaitForWindowExposed(m_window.get()) && QTest::qWaitForWindowActive(m_window.get());
    }

    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    QTableView *table() const { return child<QTableView>("watchlistTableView"); }

    QString cell(int row, Column column) const
    {
        return table()->model()->index(row, col(column)).data().toString();
    }

    int rowOf(const QString &ticker) const
    {
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, col(Column::Ticker)).data().toString() == ticker)
                return row;
        }
        return -1;
    }

    QString cellOf(const QString &ticker, Column column) const { return cell(rowOf(ticker), column); }

    // Selects the row of `ticker` and focuses the table; true when that worked.
    [[nodiscard]] bool selectTicker(const QString &ticker)
    {
        table()->selectRow(rowOf(ticker));
        table()->setFocus();
        return m_window->currentTicker() == ticker && QApplication::focusWidget() == table();
    }

    QDoubleSpinBox *openRatioEditor(const QString &ticker)
    {
        const QModelIndex index = table()->model()->index(rowOf(ticker), col(Column::Ratio));
        const QPoint center = table()->visualRect(index).center();
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(table()->viewport(), Qt::LeftButton, {}, center);
        QDoubleSpinBox *editor = nullptr;
        static_cast<void>(QTest::qWaitFor([&] {
            editor = table()->findChild<QDoubleSpinBox *>(QStringLiteral("ratioEditorSpinBox"));
            return editor && editor->isVisible();
        }));
        return editor;
    }

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

TRAILGUARD_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
