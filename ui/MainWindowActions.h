#pragma once

#include <QCoreApplication>

class QAction;
class QMainWindow;
class QWidget;

namespace trailguard::ui {

// The window's actions with their texts, shortcuts, icons and objectNames, and the menus (File, Watchlist,
// Account, Help) and toolbar that hold them. The actions are children of the window (tests and the tray
// find them by objectName); what each does is connected by the window.
struct MainWindowActions {
    Q_DECLARE_TR_FUNCTIONS(MainWindowActions)

public:
    // Creates the actions; Settings… and Alert History… start disabled (the window enables them once it
    // has what those dialogs need).
    explicit MainWindowActions(QMainWindow &window);

    // Adds the menu bar's menus and the toolbar to `window`.
    void addMenusAndToolBar(QMainWindow &window) const;
    // Enables what acts on the selected ticker.
    void setTickerSelected(bool selected) const;
    // "Hide to Tray" instead of "Close" when the tray keeps the application running.
    void setHidesToTray(bool hidesToTray) const;
    // Toolbar buttons and menus name each action's shortcut: "Check Now (F5)".
    static void showShortcutsInToolTips(QWidget &window);

    QAction *addTicker;
    QAction *filter;
    QAction *changeRatio;
    QAction *resetPeak;
    QAction *remove;
    QAction *checkNow;
    QAction *connectAccount;
    QAction *disconnectAccount;
    QAction *settings;
    QAction *alertHistory;
    QAction *importPositions;
    QAction *backtest;
    QAction *editRules;
    QAction *welcome;
    QAction *close;
    QAction *quit;
};

} // namespace trailguard::ui
