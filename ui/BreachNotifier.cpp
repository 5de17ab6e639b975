#include "BreachNotifier.h"

#include "Formatting.h"

#include "alerts/ack/AlertAcknowledger.h"
#include "domain/StockState.h"
#include "storage/AlertRepository.h"
#include "watchlist/WatchlistService.h"

#include <QLocale>
#include <QSystemTrayIcon>

namespace trailguard::ui {

namespace {
constexpr int kTrayMessageMs = 30'000;
// The breach's alert was stored just before the breach was announced: it is among the newest.
constexpr int kBreachAlertLookBack = 20;
const QString kBreachActionAcknowledge = QStringLiteral("acknowledge");
const QString kBreachActionSnooze = QStringLiteral("snooze-1-day");
const QString kBreachActionDefault = QStringLiteral("default");
} // namespace

BreachNotifier::BreachNotifier(QSystemTrayIcon &tray, Services services, QObject *parent)
    : QObject(parent)
    , m_tray(tray)
    , m_services(services)
    , m_notifications(m_services.notificationService)
{
    connect(&m_notifications, &DesktopNotifications::capabilitiesReceived, this, [this] {
        const QList<Breach> waiting = std::exchange(m_waitingForCapabilities, {});
        for (const Breach &breach : waiting)
            popUp(breach);
    });
    connect(&m_notifications, &DesktopNotifications::actionInvoked, this, &BreachNotifier::handleAction);
    connect(&m_notifications, &DesktopNotifications::closed, this,
            [this](qint64 alertId) { m_tickers.remove(alertId); });
    connect(&m_tray, &QSystemTrayIcon::messageClicked, this, &BreachNotifier::openTrayMessage);
    if (m_services.acknowledger) {
        connect(m_services.acknowledger, &AlertAcknowledger::acknowledged, this,
                [this](qint64 alertId) { m_notifications.close(alertId); });
    }
}

BreachNotifier::~BreachNotifier() = default;

void BreachNotifier::showBreach(const Breach &breach)
{
    if (!m_enabled)
        return;
    if (!m_notifications.capabilitiesKnown())
        m_waitingForCapabilities.append(breach); // asked at start; the answer takes milliseconds
    else
        popUp(breach);
}

void BreachNotifier::popUp(const Breach &breach)
{
    qint64 alertId = alertIdOf(breach);
    if (m_shownAlerts.contains(alertId))
        alertId = 0; // not this breach's: an earlier one's, shown already
    else if (alertId != 0)
        m_shownAlerts.insert(alertId);
    if (alertId != 0 && m_notifications.supportsActions()) {
        DesktopNotifications::Notification notification;
        notification.summary = Formatting::breachTitle(breach);
        notification.body = Formatting::breachText(breach);
        notification.actions = {kBreachActionDefault, tr("Open alert history"), kBreachActionAcknowledge,
                                tr("Acknowledge"),    kBreachActionSnooze,      tr("Snooze 1 day")};
        notification.critical = true;
        notification.timeoutMs = 0; // a breach waits for the user to answer it
        m_tickers.insert(alertId, breach.ticker);
        m_notifications.notify(notification, alertId);
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !m_tray.supportsMessages())
        return; // the status bar is all there is
    m_trayMessageAlert = alertId;
    m_trayMessageTicker = breach.ticker;
    m_tray.showMessage(Formatting::breachTitle(breach), Formatting::breachText(breach),
                       QSystemTrayIcon::Critical, kTrayMessageMs);
}

qint64 BreachNotifier::alertIdOf(const Breach &breach) const
{
    if (!m_services.alerts)
        return 0;
    const Result<QList<AlertRecord>> recent = m_services.alerts->recent(kBreachAlertLookBack);
    if (!recent.ok())
        return 0;
    for (const AlertRecord &record : recent.value()) {
        const AlertMessage &message = record.message;
        // A stop breach (not an alert rule) of this ticker, still waiting for the user.
        if (message.kind == AlertMessage::Kind::Breach && message.rule.isEmpty() &&
            message.ticker == breach.ticker)
            return record.acknowledgedAt.isValid() ? 0 : record.id;
    }
    return 0;
}

void BreachNotifier::handleAction(qint64 alertId, const QString &actionKey)
{
    if (actionKey == kBreachActionAcknowledge)
        acknowledge(alertId);
    else if (actionKey == kBreachActionSnooze)
        snoozeForADay(alertId);
    else if (actionKey == kBreachActionDefault)
        Q_EMIT alertRequested(alertId);
}

void BreachNotifier::acknowledge(qint64 alertId)
{
    const Result<AlertAcknowledger::Outcome> outcome =
        m_services.acknowledger->acknowledge(alertId, AckSource::tray());
    if (!outcome.ok()) {
        Q_EMIT statusMessage(outcome.error().message);
        return;
    }
    const AlertRecord &alert = outcome.value().alert;
    if (outcome.value().newlyAcknowledged) {
        Q_EMIT statusMessage(tr("Alert %1 (%2) acknowledged.").arg(alertId).arg(alert.message.ticker));
    } else {
        Q_EMIT statusMessage(
            tr("Alert %1 was already acknowledged on %2 (%3).")
                .arg(alertId)
                .arg(QLocale().toString(alert.acknowledgedAt.toLocalTime(), QLocale::ShortFormat),
                     alert.ackSource));
    }
}

// The user has seen the breach: snoozing also acknowledges it, so that no escalation follows.
void BreachNotifier::snoozeForADay(qint64 alertId)
{
    QString ticker = m_tickers.value(alertId);
    if (ticker.isEmpty()) {
        const Result<std::optional<AlertRecord>> found = m_services.alerts->find(alertId);
        if (found.ok() && found.value())
            ticker = found.value()->message.ticker;
    }
    if (const Result<StockState> snoozed = m_services.watchlist->snooze(ticker, 1); !snoozed.ok()) {
        Q_EMIT statusMessage(snoozed.error().message);
        return;
    }
    const Result<AlertAcknowledger::Outcome> outcome =
        m_services.acknowledger->acknowledge(alertId, AckSource::tray());
    if (!outcome.ok()) {
        Q_EMIT statusMessage(outcome.error().message);
        return;
    }
    Q_EMIT statusMessage(tr("%1 snoozed for 1 day; alert %2 acknowledged.").arg(ticker).arg(alertId));
}

void BreachNotifier::openTrayMessage()
{
    if (m_trayMessageAlert != 0)
        Q_EMIT alertRequested(m_trayMessageAlert);
    else if (!m_trayMessageTicker.isEmpty())
        Q_EMIT tickerRequested(m_trayMessageTicker);
}

} // namespace trailguard::ui
