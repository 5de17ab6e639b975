#include "web/server/StaticAssets.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace trailguard::Web {

StaticAssets::StaticAssets(QString root)
    : m_root(std::move(root))
{}

QByteArray StaticAssets::contentTypeFor(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("html"))
        return QByteArrayLiteral("text/html; charset=utf-8");
    if (suffix == QLatin1String("css"))
        return QByteArrayLiteral("text/css; charset=utf-8");
    if (suffix == QLatin1String("js"))
        return QByteArrayLiteral("text/javascript; charset=utf-8");
    if (suffix == QLatin1String("svg"))
        return QByteArrayLiteral("image/svg+xml");
    if (suffix == QLatin1String("png"))
        return QByteArrayLiteral("image/png");
    if (suffix == QLatin1String("json"))
        return QByteArrayLiteral("application/json");
    if (suffix == QLatin1String("txt"))
        return QByteArrayLiteral("text/plain; charset=utf-8");
    return {};
}

std::optional<StaticAssets::Asset> StaticAssets::find(const QString &path) const
{
    QString name = QUrl::fromPercentEncoding(path.toUtf8());
    if (name == QLatin1String("/"))
        name = QStringLiteral("/index.html");
    // Segments of letters, digits, '-', '_' and '.', none starting with '.': no "..", no "//", no
    // backslashes or hidden files.
    static const QRegularExpression plain(QStringLiteral("^(/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$"));
    if (!plain.match(name).hasMatch())
        return std::nullopt;
    const QByteArray type = contentTypeFor(name);
    if (type.isEmpty())
        return std::nullopt;
    QFile file(m_root + name);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return Asset{file.readAll(), type};
}

} // namespace trailguard::Web
