#pragma once

class QMainWindow;

namespace trailguard {
class Settings;
}

namespace trailguard::ui {

class WatchlistTableView;

// The window's layout between runs: its geometry, toolbar state, and the table's column order, widths and
// sort, kept in the settings. The first start gets a default size and columns that fit typical values.
class WindowLayout {
public:
    WindowLayout(QMainWindow &window, WatchlistTableView &table, Settings &settings);

    // Applies the saved layout (or the defaults) and turns sorting on by the restored column.
    void restore();
    // Writes the layout to the settings file now.
    void save();

private:
    QMainWindow &m_window;
    WatchlistTableView &m_table;
    Settings &m_settings;
};

} // namespace trailguard::ui
