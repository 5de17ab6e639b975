#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace trailguard {
class Settings;
class WatchlistService;
} // namespace trailguard

namespace trailguard::ui {

class AddTickerForm;
class WatchlistModel;

// The watchlist window: the add form, a filter, the table and the actions on the selected ticker.
// It wires widgets to the WatchlistService; the rules live in the core.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(WatchlistService &watchlist, Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // With a tray, closing the window only hides it (the application keeps running, see main.cpp) and the
    // File menu offers "Hide to Tray"; without one, closing the window ends the application.
    void setHidesToTray(bool hidesToTray);
    bool hidesToTray() const { return m_hidesToTray; }

    // The ticker of the selected row, empty when none is selected.
    QString currentTicker() const;

public Q_SLOTS:
    // Shows, raises and activates the window, also when it is hidden or minimized.
    void showAndRaise();
    // Asks for confirmation (window-modal, no nested event loop), then removes the selected ticker.
    void removeCurrentTicker();
    void resetCurrentPeak();
    void editCurrentRatio();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void restoreLayout();
    void applyDefaultColumnWidths();
    void saveLayout();
    void reloadWatchlist();
    void selectTicker(const QString &ticker);
    void updateActions();
    void updateTickerCount();
    void showStatus(const QString &message);

    WatchlistService &m_watchlist;
    Settings &m_settings;
    bool m_hidesToTray = false;

    WatchlistModel *m_model;
    QSortFilterProxyModel *m_proxy;
    AddTickerForm *m_addForm;
    QLineEdit *m_filterLineEdit;
    QTableView *m_tableView;
    QLabel *m_tickerCountLabel;

    QAction *m_addAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_changeRatioAction = nullptr;
    QAction *m_resetPeakAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace trailguard::ui
