#include "WindowLayout.h"

#include "WatchlistModel.h"
#include "WatchlistTableView.h"

#include "settings/Settings.h"

#include <QHeaderView>
#include <QMainWindow>

namespace trailguard::ui {

namespace {
constexpr QSize kDefaultSize(1000, 600);
}

WindowLayout::WindowLayout(QMainWindow &window, WatchlistTableView &table, Settings &settings)
    : m_window(window)
    , m_table(table)
    , m_settings(settings)
{}

void WindowLayout::restore()
{
    if (!m_window.restoreGeometry(m_settings.mainWindowGeometry()))
        m_window.resize(kDefaultSize);
    m_window.restoreState(m_settings.mainWindowState());
    QHeaderView *header = m_table.horizontalHeader();
    if (!header->restoreState(m_settings.watchlistHeaderState())) {
        m_table.applyDefaultColumnWidths();
        header->setSortIndicator(WatchlistModel::column(WatchlistModel::Column::Ticker), Qt::AscendingOrder);
    }
    // Sorts by the restored (or default) indicator.
    m_table.setSortingEnabled(true);
}

void WindowLayout::save()
{
    m_settings.setMainWindowGeometry(m_window.saveGeometry());
    m_settings.setMainWindowState(m_window.saveState());
    m_settings.setWatchlistHeaderState(m_table.horizontalHeader()->saveState());
    m_settings.sync();
}

} // namespace trailguard::ui
