#pragma once

#include "alerts/AlertChannel.h"
#include "alerts/email/EmailConfig.h"

#include <QByteArray>
#include <QString>

#include <atomic>

namespace trailguard {

// What libcurl reported about one SMTP attempt: the input of SmtpTransfer::classify().
struct SmtpAttempt {
    int curlCode = 0;      // a CURLcode; 0 is CURLE_OK
    long responseCode = 0; // the last SMTP reply code (CURLINFO_RESPONSE_CODE), 0 when none came
    QString serverReply;   // that reply's text, "535 5.7.8 Authentication credentials invalid"
    QString curlError;     // libcurl's error buffer, e.g. "SSL certificate problem: ..."
};

// The libcurl side of the email channel: one blocking SMTP submission, for a worker thread.
namespace SmtpTransfer {

// Sets up libcurl's process-wide state (curl_global_init) on first call; later calls do nothing. A
// function-local static does it, so the first call is thread-safe; curl_global_cleanup runs at exit.
// EmailChannel calls it from its constructor, before any worker starts.
void ensureGlobalInit();

// Sends `message` (a complete RFC 5322 message) as `config` says: smtp:// (STARTTLS required, or plain to
// loopback) or smtps://, peer and host verification always on, AUTH when config.user is set. Blocks for at
// most config.timeout; returns within about a second after `cancel` becomes true. Thread-safe; call it
// off the GUI thread. The result's reason never contains the password.
DeliveryResult send(const EmailConfig &config, const QByteArray &message, const std::atomic_bool &cancel);

// Maps an attempt to Delivered / RetryLater / Failed with a translated reason that names the server's
// answer (see the table in EmailChannel.h). Pure.
DeliveryResult classify(const SmtpAttempt &attempt, const EmailConfig &config);

// "smtp://host:port" or "smtps://host:port" (IPv6 literals in brackets).
QString serverUrl(const EmailConfig &config);

} // namespace SmtpTransfer

} // namespace trailguard
