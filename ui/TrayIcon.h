#pragma once

#include <QSystemTrayIcon>

#include <memory>

class QAction;
class QMenu;

namespace trailguard::ui {

class MainWindow;

// The icon in the system tray: a click shows or hides the window; its menu has Show/Hide Window and
// Quit. When the desktop has no tray the icon stays hidden and isAvailable() is false.
// Its tooltip follows the window's status summary. Breaches pop up through BreachNotifier.
class TrayIcon : public QSystemTrayIcon {
    Q_OBJECT
public:
    explicit TrayIcon(MainWindow &window, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Whether a system tray is there to hold the icon (a StatusNotifier host or an XEmbed tray).
    bool isAvailable() const;

public Q_SLOTS:
    // Hides the window when it is shown, else shows and raises it.
    void toggleWindow();
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
};

} // namespace trailguard::ui
