#pragma once

#include "DesktopNotifications.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class QSystemTrayIcon;

namespace trailguard {
class AlertAcknowledger;
class AlertRepository;
class WatchlistService;
struct Breach;
} // namespace trailguard

namespace trailguard::ui {

// Pops up each stop breach as a desktop notification about its recorded alert. Where the notification
// server shows actions, the notification is sent over D-Bus with "Acknowledge" and "Snooze 1 day" (both
// acknowledge the alert, from the tray; snoozing also silences the ticker for a day) and a click opens the
// alert history on the alert. Elsewhere the tray icon shows it (QSystemTrayIcon::showMessage) and a click
// opens the history the same way. The window's status bar shows the breach either way (MainWindow). An
// alert acknowledged anywhere else (the window, the dashboard, a push action) takes its notification down.
class BreachNotifier : public QObject {
    Q_OBJECT
public:
    // The core's parts it uses, on the GUI thread.
    struct Services {
        AlertRepository *alerts = nullptr; // finds the alert the breach was recorded as
        AlertAcknowledger *acknowledger = nullptr;
        WatchlistService *watchlist = nullptr;
        QString notificationService = DesktopNotifications::desktopService(); // tests give another
    };

    BreachNotifier(QSystemTrayIcon &tray, Services services, QObject *parent = nullptr);
    ~BreachNotifier() override;

    // The Tray channel's "enabled" setting; on by default. Off: breaches reach only the status bar.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    DesktopNotifications &notifications() { return m_notifications; }
    // The alert of the last breach the tray icon showed itself (no actions); 0 when none.
    qint64 lastTrayMessageAlert() const { return m_trayMessageAlert; }

public Q_SLOTS:
    // From Monitor::breachDetected, once the breach is stored with its alert.
    void showBreach(const trailguard::Breach &breach);
    // The notification's actions; each says what it did in statusMessage().
    void acknowledge(qint64 alertId);
    void snoozeForADay(qint64 alertId);

Q_SIGNALS:
    // Open the alert history with this alert selected.
    void alertRequested(qint64 alertId);
    // Open the window on this ticker (a breach whose alert could not be found).
    void tickerRequested(const QString &ticker);
    // A sentence for the window's status bar.
    void statusMessage(const QString &message);

private:
    struct Shown {
        qint64 alertId = 0;
        QString ticker;
    };
    void popUp(const Breach &breach);
    qint64 alertIdOf(const Breach &breach) const;
    void handleAction(qint64 alertId, const QString &actionKey);
    void openTrayMessage();

    QSystemTrayIcon &m_tray;
    Services m_services;
    DesktopNotifications m_notifications;
    bool m_enabled = true;
    QList<Breach> m_waitingForCapabilities;
    QHash<qint64, QString> m_tickers; // alert id -> ticker, while its notification is shown
    QSet<qint64> m_shownAlerts;       // each alert pops up once
    qint64 m_trayMessageAlert = 0;
    QString m_trayMessageTicker;
};

} // namespace trailguard::ui
