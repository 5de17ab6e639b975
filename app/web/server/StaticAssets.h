#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace trailguard::Web {

// The page's files, compiled into the binary under `root` (":/web"): `/` is index.html, `/NAME` the file
// NAME. Only names made of plain segments (no "..", no hidden files) and known types are served.
class StaticAssets {
public:
    struct Asset {
        QByteArray content;
        QByteArray contentType;
    };

    explicit StaticAssets(QString root);

    // `path` is the request's path, still percent-encoded.
    std::optional<Asset> find(const QString &path) const;
    static QByteArray contentTypeFor(const QString &fileName);

private:
    QString m_root;
};

} // namespace trailguard::Web
