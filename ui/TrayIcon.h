#pragma once

#include <QSystemTrayIcon>

#include <memory>

class QAction;
class QMenu;

namespace trailguard {
struct Breach;
}

namespace trailguard::ui {

class MainWindow;

// The icon in the system tray: a click shows or hides the window; its menu has Show/Hide Window and
// Quit. When the desktop has no tray the icon stays hidden and isAvailable() is false.
// Its tooltip follows the window's status summary; breaches pop up as notifications, and clicking one
// opens the window on that ticker.
class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT
public:
    explicit TrayIcon(MainWindow &window, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether a system tray is there to hold the icon (a StatusNotifier host or an XEmbed tray).
    bool isAvailable() const;

    // Whether breaches pop up as notifications (the Tray channel's "enabled" setting); on by default. The
    // window's status bar shows them either way.
    void setBreachMessagesEnabled(bool enabled) { m_breachMessagesEnabled = enabled; }
    bool breachMessagesEnabled() const { return m_breachMessagesEnabled; }

    // The ticker of the last breach shown; clicking the notification opens the window on it.
    QString lastBreachTicker() const { return m_lastBreachTicker; }

public Q_SLOTS:
    // Hides the window when it is shown, else shows and raises it.
    void toggleWindow();
    // From Monitor::breachDetected: a notification "Stop-loss breach: SHOP.TO" with
    // "92.10 < stop 95.40 (peak 106.00)". Always also in the window's status bar, which is all there is
    // without a tray.
    void showBreach(const trailguard::Breach &breach);
    // The tooltip: "Trailguard — <summary>". Follows MainWindow::statusSummaryChanged by itself.
    void setStatusText(const QString &summary);

protected:
    // Follows the window's Show, Hide and WindowStateChange events to keep the menu text right.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateToggleText();

    MainWindow &m_window;
    std::unique_ptr<QMenu> m_menu; // a QMenu needs a widget parent; the icon is not one
    QAction *m_toggleAction;
    QAction *m_quitAction;
    QString m_lastBreachTicker;
    bool m_breachMessagesEnabled = true;
};

} // namespace trailguard::ui
