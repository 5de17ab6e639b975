#include "settings/Settings.h"

#include <QFile>

// Settings, fourth part: the web dashboard (issue 16). The password is kept only as its Argon2id hash and
// each API token only as its SHA-256; both are written by `trailguard web …` and read again by the running
// guardian (see sync()).

namespace trailguard {

namespace {
const QString kWebTokensGroup = QStringLiteral("web/tokens/");

// A file holding the password's hash or token hashes is readable by its owner only: a hash others can read
// can be guessed at offline.
void keepOwnerOnly(QSettings &store)
{
    store.sync();
    QFile::setPermissions(store.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}
} // namespace

QString Settings::webListen() const
{
    return value("web/listen").toString().trimmed();
}

void Settings::setWebListen(const QString &listen)
{
    setValue("web/listen", listen.trimmed());
}

QString Settings::webPasswordHash() const
{
    return value("web/passwordHash").toString();
}

void Settings::setWebPasswordHash(const QString &hash)
{
    setValue("web/passwordHash", hash);
    keepOwnerOnly(*m_store);
}

QString Settings::webTlsCertificate() const
{
    return value("web/tlsCertificate").toString().trimmed();
}

QString Settings::webTlsKey() const
{
    return value("web/tlsKey").toString().trimmed();
}

bool Settings::webSelfSigned() const
{
    return value("web/selfSigned").toBool();
}

void Settings::setWebSelfSigned(bool selfSigned)
{
    setValue("web/selfSigned", selfSigned);
}

std::chrono::minutes Settings::webSessionIdle() const
{
    return std::chrono::minutes(value("web/sessionIdleMinutes").toInt()); // clamped by value()
}

QStringList Settings::webHostNames() const
{
    // The INI format reads "a, b" as a list and "a" as a text: both end up as names.
    QStringList names;
    for (const QString &entry : value("web/hostNames").toStringList()) {
        for (const QString &name : entry.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!name.trimmed().isEmpty())
                names += name.trimmed().toLower();
        }
    }
    return names;
}

void Settings::setWebHostNames(const QStringList &names)
{
    setValue("web/hostNames", names);
}

QString Settings::publicUrlProblem(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return tr("\"%1\" is not a web address; give the dashboard's address as your phone "
                  "reaches it, like https://guard.example.net:8443.")
            .arg(trimmed);
    // (Without QtNetwork here: the loopback names and addresses a test server listens on.)
    const QString host = url.host().toLower();
    const bool loopback =
        host == QLatin1String("localhost") || host == QLatin1String("::1") || host.startsWith(u"127.");
    if (scheme == QLatin1String("http") && !loopback)
        return tr("The dashboard's public address must start with https:// (acknowledgement "
                  "links must not travel in clear).");
    if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty())
        return tr("The dashboard's public address must not contain a user, '?' or '#'.");
    return {};
}

QString Settings::webPublicUrlProblem() const
{
    const QString variable = QString::fromLatin1(kPublicUrlVariable);
    const QString text =
        m_environment.contains(variable) ? m_environment.value(variable) : value("web/publicUrl").toString();
    const QString problem = publicUrlProblem(text);
    return problem.isEmpty() || !m_environment.contains(variable) ? problem
                                                                  : variable + QStringLiteral(": ") + problem;
}

QUrl Settings::webPublicUrl() const
{
    const QString variable = QString::fromLatin1(kPublicUrlVariable);
    const QString text =
        (m_environment.contains(variable) ? m_environment.value(variable) : value("web/publicUrl").toString())
            .trimmed();
    if (text.isEmpty() || !publicUrlProblem(text).isEmpty())
        return {};
    QUrl url(text, QUrl::StrictMode);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    return url;
}

QString Settings::webPublicUrlText() const
{
    return value("web/publicUrl").toString().trimmed();
}

void Settings::setWebPublicUrl(const QString &url)
{
    setValue("web/publicUrl", url.trimmed());
}

QStringList Settings::webTokenNames() const
{
    m_store->beginGroup(kWebTokensGroup);
    QStringList names = m_store->childKeys();
    m_store->endGroup();
    names.sort();
    return names;
}

QString Settings::webTokenRecord(const QString &name) const
{
    return m_store->value(kWebTokensGroup + name).toString();
}

void Settings::setWebTokenRecord(const QString &name, const QString &record)
{
    m_store->setValue(kWebTokensGroup + name, record);
    keepOwnerOnly(*m_store);
    Q_EMIT changed(kWebTokensGroup + name);
}

void Settings::removeWebToken(const QString &name)
{
    if (!m_store->contains(kWebTokensGroup + name))
        return;
    m_store->remove(kWebTokensGroup + name);
    Q_EMIT changed(kWebTokensGroup + name);
}

} // namespace trailguard
