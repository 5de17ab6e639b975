#include "MainWindowActions.h"

#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

namespace trailguard::ui {

namespace {
QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QLatin1String(name), QApplication::style()->standardIcon(fallback));
}

QAction *newAction(QMainWindow &window, const QString &text, const char *objectName,
                   const QString &statusTip = {}, const QIcon &icon = {})
{
    auto *action = new QAction(icon, text, &window);
    action->setObjectName(QLatin1String(objectName));
    action->setStatusTip(statusTip);
    return action;
}
} // namespace

MainWindowActions::MainWindowActions(QMainWindow &window)
{
    addTicker =
        newAction(window, tr("&Add Ticker"), "addAction", tr("Type a ticker in the field above the table"));
    addTicker->setShortcut(QKeySequence::New);

    filter = newAction(window, tr("&Filter"), "filterAction");
    filter->setShortcut(QKeySequence::Find);

    changeRatio = newAction(window, tr("Change &Ratio"), "changeRatioAction",
                            tr("Edit the stop ratio of the selected ticker"));
    changeRatio->setShortcut(Qt::Key_F2);

    resetPeak = newAction(window, tr("Reset &Peak"), "resetPeakAction",
                          tr("Restart trailing from the last price of the selected ticker"),
                          themeIcon("edit-undo", QStyle::SP_DialogResetButton));
    resetPeak->setShortcut(Qt::CTRL | Qt::Key_R);

    remove =
        newAction(window, tr("Re&move"), "removeAction", tr("Remove the selected ticker from the watchlist"),
                  themeIcon("edit-delete", QStyle::SP_TrashIcon));
    remove->setShortcut(QKeySequence::Delete);
    // Delete only removes while the table has the focus; in a text field it deletes text.
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    checkNow =
        newAction(window, tr("Check &Now"), "checkNowAction", tr("Fetch quotes for the whole watchlist now"),
                  themeIcon("view-refresh", QStyle::SP_BrowserReload));
    checkNow->setShortcut(Qt::Key_F5);

    connectAccount = newAction(window, tr("&Connect to Questrade\u2026"), "connectAction",
                               tr("Paste a refresh token from Questrade's App Hub"),
                               themeIcon("network-connect", QStyle::SP_DriveNetIcon));

    disconnectAccount = newAction(window, tr("&Disconnect Account\u2026"), "disconnectAction",
                                  tr("Forget the Questrade token; connecting again needs a new one"));

    settings = newAction(window, tr("&Settings\u2026"), "settingsAction",
                         tr("Check interval, default ratio, Questrade account and alert channels"),
                         themeIcon("preferences-system", QStyle::SP_FileDialogDetailedView));
    settings->setShortcut(Qt::CTRL | Qt::Key_Comma);
    settings->setMenuRole(QAction::PreferencesRole);
    settings->setEnabled(false);

    alertHistory = newAction(window, tr("Alert &History\u2026"), "alertHistoryAction",
                             tr("Every recent alert and how each channel delivered it"));
    alertHistory->setShortcut(Qt::CTRL | Qt::Key_H);
    alertHistory->setEnabled(false);

    importPositions = newAction(window, tr("&Import Positions\u2026"), "importPositionsAction",
                                tr("Watch the stocks your Questrade accounts hold"));

    backtest = newAction(window, tr("&Backtest\u2026"), "backtestAction",
                         tr("Test stop strategies on the selected ticker's price history"));
    backtest->setShortcut(Qt::CTRL | Qt::Key_B);

    editRules =
        newAction(window, tr("Edit R&ules\u2026"), "editRulesAction",
                  tr("Alerts beside the stop: moving averages, RSI, MACD, Bollinger Bands, a target"));

    welcome = newAction(window, tr("&Welcome\u2026"), "welcomeAction",
                        tr("Connect an account, add tickers, choose the ratio and an alert channel"));
    welcome->setShortcut(QKeySequence::HelpContents);

    close = newAction(window, tr("&Close"), "closeAction");
    close->setShortcut(QKeySequence::Close);

    quit = newAction(window, tr("&Quit"), "quitAction", {},
                     themeIcon("application-exit", QStyle::SP_DialogCloseButton));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
}

void MainWindowActions::addMenusAndToolBar(QMainWindow &window) const
{
    QMenu *fileMenu = window.menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("fileMenu")); // the price-history import adds its action here
    fileMenu->addAction(importPositions);
    fileMenu->addSeparator();
    fileMenu->addAction(settings);
    fileMenu->addSeparator();
    fileMenu->addAction(close);
    fileMenu->addAction(quit);

    QMenu *watchlistMenu = window.menuBar()->addMenu(tr("&Watchlist"));
    watchlistMenu->addActions({addTicker, filter});
    watchlistMenu->addSeparator();
    watchlistMenu->addActions({changeRatio, editRules, resetPeak, remove});
    watchlistMenu->addSeparator();
    watchlistMenu->addActions({checkNow, alertHistory, backtest});

    QMenu *accountMenu = window.menuBar()->addMenu(tr("&Account"));
    accountMenu->addActions({connectAccount, disconnectAccount});

    QMenu *helpMenu = window.menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(welcome);

    QToolBar *toolBar = window.addToolBar(tr("Watchlist"));
    toolBar->setObjectName(QStringLiteral("watchlistToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(checkNow);
    toolBar->addSeparator();
    toolBar->addActions({resetPeak, remove});
}

void MainWindowActions::setTickerSelected(bool selected) const
{
    for (QAction *action : {changeRatio, editRules, resetPeak, remove, backtest})
        action->setEnabled(selected);
}

void MainWindowActions::setHidesToTray(bool hidesToTray) const
{
    close->setText(hidesToTray ? tr("&Hide to Tray") : tr("&Close"));
    close->setStatusTip(hidesToTray ? tr("Hide the window; Trailguard keeps running in the tray")
                                    : tr("Close the window and quit"));
}

void MainWindowActions::showShortcutsInToolTips(QWidget &window)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        const auto update = [action] {
            const QString text = QString(action->text()).remove(QLatin1Char('&')).remove(QChar(0x2026));
            const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
            const QString tip = shortcut.isEmpty() ? text : tr("%1 (%2)").arg(text, shortcut);
            if (action->toolTip() != tip)
                action->setToolTip(tip);
        };
        update();
        QObject::connect(action, &QAction::changed, action, update);
    }
}

} // namespace trailguard::ui
