#pragma once

#include "alerts/AlertOutbox.h"
#include "broker/BrokerTypes.h"
#include "domain/CycleReport.h"

#include <QHash>
#include <QObject>

#include <chrono>
#include <functional>

namespace trailguard {

// The guardian is never silently blind: it raises a health alert, on the same channels as breaches but
// at a lower priority, when
//  - the Questrade refresh token was rejected or could not be rotated (Disconnected);
//  - no successful quote came for more than two check intervals while the market is open;
//  - a channel failed for good (a 4xx answer, a wrong password, a deleted webhook: retrying cannot help),
//    reported on the other channels at once;
//  - a channel has been failing for more than an hour (reported on the other channels);
//  - a ticker's new state could not be saved (its stop is not kept up to date; the others are).
// Each condition alerts once when it starts and once when it clears.
// Whether the market is open comes from setMarketOpenCheck (the server's sessions, see MarketHours); without
// one, the regular session 09:30-16:00 Toronto time on weekdays is assumed and holidays are not known.
class HealthWatch : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::hours kChannelFailureLimit{1};

    // Watches every delivery of the outbox's dispatcher from here on (see deliveryResult()).
    HealthWatch(AlertOutbox &outbox, const Clock &clock, QObject *parent = nullptr);

    void connectionStateChanged(ConnectionState state, const QString &message);
    // Also raises (and clears) the alert of each ticker the cycle could not save (report.notSaved).
    void cycleFinished(const CycleReport &report, std::chrono::seconds interval);
    // Quotes arrived outside a polling cycle (the stream): prices are flowing.
    void quotesReceived();
    // The outcome of one delivery through `channel`. Called for every delivery of the outbox's dispatcher.
    void deliveryResult(const QString &channel, const DeliveryResult &result);
    // The same, for callers that only know whether it got through: a failure counts as one that may
    // still clear. Repeating a result already seen through deliveryResult() changes nothing.
    void deliveryFinished(const QString &channel, bool delivered, const QString &reason);

    bool isActive(const QString &condition) const { return m_active.contains(condition); }
    // The conditions alerting now (for the web dashboard's status), oldest first.
    struct ActiveCondition {
        QString condition; // "questrade-token", "no-quotes", "channel:email", "state:SHOP.TO"
        QString subject;   // what its health alert said
        QDateTime since;
    };
    QList<ActiveCondition> activeConditions() const;
    // The last connection state reported (NotConfigured until one is).
    ConnectionState connectionState() const { return m_connection; }
    // Any health alert is active (the web API's health check answers "degraded").
    bool anyActive() const { return !m_active.isEmpty(); }
    // Says whether a watched market is open now (true also when not known).
    void setMarketOpenCheck(std::function<bool()> check) { m_marketOpen = std::move(check); }
    static bool isMarketOpen(const QDateTime &instant);

Q_SIGNALS:
    // A condition started or cleared, or the connection state changed.
    void stateChanged();

private:
    void raise(const QString &condition, const QString &subject, const QString &text,
               const QString &excludedChannel = {});
    void clear(const QString &condition, const QString &subject, const QString &excludedChannel = {});
    void notSavedStates(const CycleReport &report);

    AlertOutbox &m_outbox;
    const Clock &m_clock;
    QHash<QString, QDateTime> m_active; // condition → since
    QHash<QString, QString> m_subjects; // condition → its alert's subject
    ConnectionState m_connection = ConnectionState::NotConfigured;
    QDateTime m_lastGoodQuote;
    QHash<QString, QDateTime> m_failingSince; // channel → first failure of the current streak
    std::function<bool()> m_marketOpen;
};

} // namespace trailguard
