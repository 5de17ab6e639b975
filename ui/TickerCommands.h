#pragma once

#include <QObject>

class QWidget;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

class WatchlistTableView;

// What the table's context menu, the Watchlist menu and the toolbar do to the selected ticker: remove it
// (after a window-modal confirmation, no nested event loop), restart its peak, edit its ratio in place.
// Each says what happened through statusMessage; nothing happens without a selection.
class TickerCommands : public QObject {
    Q_OBJECT
public:
    // `window` parents the confirmation; all must outlive the commands.
    TickerCommands(WatchlistService &watchlist, WatchlistTableView &table, QWidget &window);

    void removeCurrent();
    void resetCurrentPeak();
    void editCurrentRatio();

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    WatchlistService &m_watchlist;
    WatchlistTableView &m_table;
    QWidget &m_window;
};

} // namespace trailguard::ui
