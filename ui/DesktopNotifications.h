#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QDBusPendingCallWatcher;

namespace trailguard::ui {

// The desktop's notification server (org.freedesktop.Notifications on the session bus), spoken to directly
// because QSystemTrayIcon::showMessage cannot give a notification actions. It asks the server's
// capabilities once, at construction, sends notifications without waiting for an answer, and reports the
// ActionInvoked and NotificationClosed signals of its own notifications only (each known by the tag the
// caller gave it).
class DesktopNotifications : public QObject {
    Q_OBJECT
public:
    struct Notification {
        QString summary;
        QString body;
        // Pairs of action key and label; the key "default" is a click on the notification itself.
        QStringList actions;
        bool critical = false;
        int timeoutMs = -1; // -1: the server's default; 0: until the user closes it
    };

    static QString desktopService(); // org.freedesktop.Notifications

    // `service`: the bus name of the server (tests give another one).
    explicit DesktopNotifications(const QString &service = desktopService(), QObject *parent = nullptr);
    ~DesktopNotifications() override;

    // Whether the server answered GetCapabilities (or the question could not be asked); capabilitiesKnown()
    // follows, once.
    bool capabilitiesKnown() const { return m_capabilitiesKnown; }
    // Whether the server shows actions ("actions" among its capabilities); false without a server.
    bool supportsActions() const { return m_supportsActions; }

    // Sends `notification`; its actions and closing come back with `tag`.
    void notify(const Notification &notification, qint64 tag);
    // Takes the notification with `tag` off the screen, if it is still shown.
    void close(qint64 tag);

Q_SIGNALS:
    void capabilitiesReceived();
    void actionInvoked(qint64 tag, const QString &actionKey);
    void closed(qint64 tag);

private Q_SLOTS:
    // Connected by name: QDBusConnection reaches D-Bus signals only through slot signatures.
    void handleActionInvoked(uint id, const QString &actionKey);
    void handleNotificationClosed(uint id, uint reason);

private:
    void readCapabilities(QDBusPendingCallWatcher *watcher);

    QString m_service;
    bool m_capabilitiesKnown = false;
    bool m_supportsActions = false;
    void closeNotification(uint id);

    QHash<uint, qint64> m_tags;  // server id -> the caller's tag, while shown
    QSet<qint64> m_sending;      // tags whose Notify has not been answered yet
    QSet<qint64> m_closeOnReply; // ... and that close() asked to take down
};

} // namespace trailguard::ui
