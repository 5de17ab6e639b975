#pragma once

#include "alerts/webhooks/NtfyConfig.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

class AlertAcknowledger;
class Clock;
class ClockTimer;
class GuardianStateRepository;

// The guardian's ear for ntfy's "Acknowledge" button in reply mode (issue 17): it subscribes to the private
// ack topic's JSON stream (GET <server>/<ack topic>/json, one JSON object a line: "open", "keepalive" and
// "message" events with id, time and message) and hands each message's body to the acknowledger as a code
// from ntfy. The last message id is kept in guardian_state, so a restart or a reconnect resumes with
// since=<id> (since=all the first time: acknowledging twice changes nothing). A stream that ends or fails is
// opened again after 1 s, doubling to 60 s, back to 1 s once a stream was healthy (it said more than "open").
class NtfyAckListener : public QObject {
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kFirstRetry{1};
    static constexpr std::chrono::seconds kLongestRetry{60};
    // No byte for this long (ntfy sends a keepalive every 45 s): the connection is dead, open another.
    static constexpr std::chrono::seconds kSilenceLimit{120};

    NtfyAckListener(QNetworkAccessManager *network, const Clock &clock, GuardianStateRepository &state,
                    AlertAcknowledger &acknowledger, QObject *parent = nullptr);
    ~NtfyAckListener() override;

    // (Re)subscribes to `config`'s ack topic (with its access token); nothing when it has none.
    void start(const NtfyConfig &config);
    void stop();
    bool isListening() const { return m_listening; }
    // The wait before the reconnect scheduled last.
    std::chrono::seconds scheduledRetry() const { return m_scheduledRetry; }

    // Where the stream is read: the ack topic's /json with since=<id> (or since=all).
    static QUrl streamUrl(const NtfyConfig &config, const QString &lastId);
    // The guardian_state key of the last message id handled.
    static QString lastIdKey() { return QStringLiteral("ntfy/ack-last-id"); }

Q_SIGNALS:
    void subscribed();                   // the stream said "open"
    void acknowledged(qint64 alertId);   // a code acknowledged its alert
    void refused(const QString &reason); // a code that is not genuine, or spent
    void streamEnded();                  // the connection ended; a reconnect is scheduled

private:
    void connectStream();
    void readStream();
    void streamFinished();
    void handleLine(const QByteArray &line);
    void handleCode(const QString &code);
    QString lastId() const;

    QNetworkAccessManager *m_network;
    GuardianStateRepository &m_state;
    AlertAcknowledger &m_acknowledger;
    std::unique_ptr<ClockTimer> m_reconnect;
    NtfyConfig m_config;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    bool m_listening = false;
    bool m_healthy = false;                     // the current stream said more than "open"
    std::chrono::seconds m_retry = kFirstRetry; // the wait before the next reconnect
    std::chrono::seconds m_scheduledRetry{0};
};

} // namespace trailguard
