#include "web/server/HostCheck.h"

namespace trailguard::Web {

HostCheck::HostCheck(quint16 port, const QStringList &names)
    : m_port(port)
{
    for (const QString &name : names)
        m_names += name.trimmed().toLower();
}

bool HostCheck::allows(const QByteArray &hostHeader) const
{
    const QString host = QString::fromLatin1(hostHeader.trimmed()).toLower();
    if (host.isEmpty())
        return false;
    QString name = host;
    QString port;
    if (host.startsWith(QLatin1Char('['))) { // [::1]:8080
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        name = host.mid(1, close - 1);
        const QString rest = host.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            port = rest.mid(1);
        }
    } else if (const qsizetype colon = host.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        name = host.left(colon);
        port = host.mid(colon + 1);
    }
    if (!port.isEmpty()) {
        bool ok = false;
        if (port.toUShort(&ok) != m_port || !ok)
            return false;
    }
    if (name.endsWith(QLatin1Char('.'))) // "localhost." is "localhost"
        name.chop(1);
    QHostAddress address;
    if (address.setAddress(name))
        return true;
    return name == QLatin1String("localhost") || m_names.contains(name);
}

} // namespace trailguard::Web
