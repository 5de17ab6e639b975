#include "TrayIcon.h"

#include "MainWindow.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QStyle>

namespace trailguard::ui {

TrayIcon::TrayIcon(MainWindow &window, QObject *parent)
    : QSystemTrayIcon(parent)
    , m_window(window)
    , m_menu(std::make_unique<QMenu>())
    , m_toggleAction(m_menu->addAction(QString()))
    , m_quitAction(nullptr)
{
    setObjectName(QStringLiteral("trayIcon"));
    QIcon icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = QApplication::style()->standardIcon(QStyle::SP_ComputerIcon);
    setIcon(icon);
    setStatusText(m_window.statusSummary());
    connect(&m_window, &MainWindow::statusSummaryChanged, this, &TrayIcon::setStatusText);

    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_toggleAction->setObjectName(QStringLiteral("toggleWindowAction"));
    connect(m_toggleAction, &QAction::triggered, this, &TrayIcon::toggleWindow);
    m_menu->addSeparator();
    m_quitAction = m_menu->addAction(tr("&Quit Trailguard"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    connect(m_quitAction, &QAction::triggered, qApp, &QCoreApplication::quit);
    // Menus of StatusNotifier trays are exported over D-Bus and may not emit aboutToShow: keep the text
    // current as the window changes instead.
    connect(m_menu.get(), &QMenu::aboutToShow, this, &TrayIcon::updateToggleText);
    m_window.installEventFilter(this);
    setContextMenu(m_menu.get());
    updateToggleText();

    connect(this, &QSystemTrayIcon::activated, this, [this](ActivationReason reason) {
        if (reason == Trigger)
            toggleWindow();
    });
    if (isAvailable())
        show();
}

TrayIcon::~TrayIcon()
{
    m_window.removeEventFilter(this);
    setContextMenu(nullptr);
}

bool TrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::toggleWindow()
{
    if (m_window.isVisible() && !m_window.isMinimized())
        m_window.hide();
    else
        m_window.showAndRaise();
    updateToggleText();
}

void TrayIcon::setStatusText(const QString &summary)
{
    setToolTip(tr("Trailguard \u2014 %1").arg(summary));
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && (event->type() == QEvent::Show || event->type() == QEvent::Hide ||
                                 event->type() == QEvent::WindowStateChange)) {
        updateToggleText();
    }
    return QSystemTrayIcon::eventFilter(watched, event);
}

void TrayIcon::updateToggleText()
{
    const bool shown = m_window.isVisible() && !m_window.isMinimized();
    m_toggleAction->setText(shown ? tr("&Hide Window") : tr("&Show Window"));
}

} // namespace trailguard::ui
