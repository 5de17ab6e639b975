#pragma once

#include "web/server/LoginThrottle.h"

#include <QString>

#include <memory>

class QHttpServerRequest;

namespace trailguard {
class AlertAcknowledger;
class AlertRepository;
class Clock;
} // namespace trailguard

namespace trailguard::Web {

class WebReply;

// Acknowledging an alert by its one-time code (issue 17), outside the log-in: the code is the credential.
//   GET  /ack/<code>         a small page showing the alert with an "Acknowledge" button (the mail's link).
//                            GET never acknowledges: mail scanners fetch links before anyone reads them.
//   POST /ack/<code>         that button: acknowledges (source "email"), then a result page.
//   POST /api/v1/ack/<code>  the same as JSON, for ntfy's http action (source "ntfy").
// A code that is not genuine gets a 404 without detail; a spent one 409 "already acknowledged at … from …".
// Code attempts are rate-limited per address as log-ins are: a genuine code is forgiven, a forged one counts.
class CodeAckGate {
public:
    CodeAckGate(const Clock &clock, AlertAcknowledger &acknowledger, AlertRepository &alerts);

    // Whether `path` (percent-encoded) is one of the routes above.
    static bool handles(const QString &path);
    void handle(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply);

private:
    void page(const QHttpServerRequest &request, const QString &code, const std::shared_ptr<WebReply> &reply);
    void api(const QHttpServerRequest &request, const QString &code, const std::shared_ptr<WebReply> &reply);
    // False after answering 429.
    bool mayTry(const QHttpServerRequest &request, bool json, const std::shared_ptr<WebReply> &reply);

    AlertAcknowledger &m_acknowledger;
    AlertRepository &m_alerts;
    LoginThrottle m_throttle;
};

} // namespace trailguard::Web
