#include "TrailguardVersion.h"

#include "common/NetworkPolicy.h"

#include <QHostAddress>

namespace trailguard::NetworkPolicy {

QByteArray userAgent()
{
    return QByteArrayLiteral("Trailguard/" TRAILGUARD_VERSION " (+https://github.com/trailguard/trailguard)");
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QStringLiteral("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']')))
        literal = literal.mid(1, literal.size() - 2);
    const QHostAddress address(literal);
    return !address.isNull() && address.isLoopback();
}

bool isLoopback(const QUrl &url)
{
    return isLoopbackHost(url.host());
}

} // namespace trailguard::NetworkPolicy
