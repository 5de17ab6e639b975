#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

// Rules every outgoing connection of Trailguard follows (Questrade, webhooks, SMTP).
namespace trailguard::NetworkPolicy {

// "Trailguard/<version> (+https://github.com/trailguard/trailguard)": every request names us (Questrade's
// login server has been seen to refuse generic library user agents).
QByteArray userAgent();

// localhost, 127.0.0.0/8 or ::1 (brackets allowed): the only hosts plain http/SMTP may go to.
bool isLoopbackHost(const QString &host);
bool isLoopback(const QUrl &url);

} // namespace trailguard::NetworkPolicy
