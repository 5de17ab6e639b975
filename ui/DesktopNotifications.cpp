#include "DesktopNotifications.h"

#include "UiLogging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>

namespace trailguard::ui {

namespace {
const QString kNotificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kNotificationsInterface = QStringLiteral("org.freedesktop.Notifications");
constexpr uchar kUrgencyNormal = 1;
constexpr uchar kUrgencyCritical = 2;

QDBusMessage notificationsCall(const QString &service, const QString &method)
{
    return QDBusMessage::createMethodCall(service, kNotificationsPath, kNotificationsInterface, method);
}
} // namespace

QString DesktopNotifications::desktopService()
{
    return QStringLiteral("org.freedesktop.Notifications");
}

DesktopNotifications::DesktopNotifications(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_capabilitiesKnown = true;
        QMetaObject::invokeMethod(this, &DesktopNotifications::capabilitiesReceived, Qt::QueuedConnection);
        return;
    }
    bus.connect(m_service, kNotificationsPath, kNotificationsInterface, QStringLiteral("ActionInvoked"), this,
                SLOT(handleActionInvoked(uint, QString)));
    bus.connect(m_service, kNotificationsPath, kNotificationsInterface, QStringLiteral("NotificationClosed"),
                this, SLOT(handleNotificationClosed(uint, uint)));
    auto *watcher = new QDBusPendingCallWatcher(
        bus.asyncCall(notificationsCall(m_service, QStringLiteral("GetCapabilities"))), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &DesktopNotifications::readCapabilities);
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::readCapabilities(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<QStringList> reply = *watcher;
    if (reply.isError())
        qCInfo(lcUi).noquote() << "No notification server:" << reply.error().message();
    else
        m_supportsActions = reply.value().contains(QLatin1String("actions"));
    m_capabilitiesKnown = true;
    Q_EMIT capabilitiesReceived();
}

void DesktopNotifications::notify(const Notification &notification, qint64 tag)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue(notification.critical ? kUrgencyCritical : kUrgencyNormal));
    if (!QGuiApplication::desktopFileName().isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName());
    QDBusMessage call = notificationsCall(m_service, QStringLiteral("Notify"));
    // The app name and icon QSystemTrayIcon::showMessage gives a critical message; the desktop entry lets the
    // server find the application's own icon.
    call.setArguments({QCoreApplication::applicationName(), uint(0),
                       notification.critical ? QStringLiteral("dialog-error") : QString(),
                       notification.summary, notification.body, notification.actions, hints,
                       notification.timeoutMs});
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call), this);
    m_sending.insert(tag);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, tag] {
        watcher->deleteLater();
        m_sending.remove(tag);
        const bool closeNow = m_closeOnReply.remove(tag);
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCWarning(lcUi).noquote()
                << "The notification server refused a notification:" << reply.error().message();
            return;
        }
        m_tags.insert(reply.value(), tag);
        if (closeNow)
            closeNotification(reply.value());
    });
}

void DesktopNotifications::close(qint64 tag)
{
    if (m_sending.contains(tag)) {
        m_closeOnReply.insert(tag); // its id is not known yet
        return;
    }
    if (const uint id = m_tags.key(tag); id != 0)
        closeNotification(id);
}

void DesktopNotifications::closeNotification(uint id)
{
    QDBusMessage call = notificationsCall(m_service, QStringLiteral("CloseNotification"));
    call.setArguments({id});
    // No answer awaited: one that closed already (the user was first) is an error of no consequence.
    QDBusConnection::sessionBus().asyncCall(call);
}

void DesktopNotifications::handleActionInvoked(uint id, const QString &actionKey)
{
    const auto found = m_tags.constFind(id);
    if (found != m_tags.constEnd())
        Q_EMIT actionInvoked(found.value(), actionKey);
}

void DesktopNotifications::handleNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const qint64 tag = m_tags.take(id);
    if (tag != 0)
        Q_EMIT closed(tag);
}

} // namespace trailguard::ui
