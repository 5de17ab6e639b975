#pragma once

#include "alerts/AlertChannel.h"
#include "alerts/email/EmailConfig.h"
#include "alerts/email/MimeMessageBuilder.h"

#include <QThreadPool>

#include <atomic>

namespace trailguard {

// Alerts by email through an SMTP server, with libcurl (never an SMTP client of our own).
//
// send() validates the configuration, builds the MIME message on the calling thread, and runs the
// libcurl transfer on the channel's own worker thread: sends go out one at a time, in order. The result
// comes back to the channel's thread; the caller is never blocked.
//
// How an attempt ends (DeliveryResult), see SmtpTransfer::classify():
//   delivered (250 after DATA)                                   Delivered
//   SMTP reply 4xx (421, 450, 451, 452, 454 ...)                 RetryLater, reason quotes the reply
//   SMTP reply 5xx: 535 login refused, 550/553 recipient or
//     sender refused, 530 login required, 554 ...                Failed, reason quotes the reply
//   connection refused, host not found, timeout, connection
//     dropped (send/receive error, nothing received)             RetryLater
//   TLS handshake failed with a reachable server (SSL connect)   RetryLater (often passing; the reason
//                                                                  points at the security setting)
//   certificate not trusted or not for this host                 Failed: the same trust store gives the
//                                                                  same answer; the user must act
//   STARTTLS not offered, unusable CA file, not an SMTP server   Failed
//   invalid configuration (validate())                           Failed
//   any other libcurl error                                      RetryLater: never dropped for an
//                                                                  unknown reason
// Reasons are translated, name the server's answer, and never contain the password.
class EmailChannel : public AlertChannel {
    Q_OBJECT
public:
    explicit EmailChannel(EmailConfig config, QObject *parent = nullptr);
    // Cancels the send in progress (libcurl notices within about a second) and waits for the worker;
    // callbacks not yet made are dropped.
    ~EmailChannel() override;

    QString id() const override; // "email"
    QString displayName() const override;
    void send(const AlertMessage &message, QObject *context, SendCallback done) override;

    // Later sends use the new configuration; a send already queued keeps the one it started with.
    void setConfig(EmailConfig config);
    const EmailConfig &config() const { return m_config; }

    // The email for an alert: subject, both bodies and the priority from the message, the addresses from
    // the configuration, From shown as "Trailguard". A breach from the outbox ends with how to acknowledge
    // it: its one-time link (AlertMessage::ackUrl) when the dashboard has a public URL, else where to do it.
    static EmailContent composeEmail(const AlertMessage &message, const EmailConfig &config);
    // Appends that paragraph to both bodies (the HTML one before </body>).
    static void addAckInstructions(const AlertMessage &message, QString &text, QString &html);

private:
    EmailConfig m_config;
    std::atomic_bool m_shuttingDown{false};
    QThreadPool m_worker; // one thread
};

} // namespace trailguard
