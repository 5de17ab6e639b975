#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>

namespace trailguard::Web {

// The DNS-rebinding defence: a request's Host header must name this server. Accepted: an IP address (a page
// served from an address is that address's own origin), `localhost`, this computer's name (the server adds
// it: its logged URL uses it) and the names in web/hostNames; and the
// port, when given, must be the one listened on. A page elsewhere that rebinds its own name to 127.0.0.1
// sends its own name, and is refused.
class HostCheck {
public:
    HostCheck(quint16 port, const QStringList &names);
    void setPort(quint16 port) { m_port = port; }

    bool allows(const QByteArray &hostHeader) const;

private:
    quint16 m_port;
    QStringList m_names; // lower case
};

} // namespace trailguard::Web
