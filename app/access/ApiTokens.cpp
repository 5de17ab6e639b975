#include "access/ApiTokens.h"

#include "access/AccessLogging.h"
#include "access/PasswordHash.h"
#include "settings/Settings.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace trailguard {

namespace {
class ApiTokensText {
    Q_DECLARE_TR_FUNCTIONS(ApiTokensText)
};

constexpr int kTokenBytes = 32; // 256 bits
const QByteArray kTokenPrefix = QByteArrayLiteral("tg_");

QByteArray tokenDigest(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

// "SHA256HEX CREATED-ISO" → its two parts.
QByteArray recordDigest(const QString &record)
{
    return record.section(QLatin1Char(' '), 0, 0).toLatin1();
}

QDateTime recordCreated(const QString &record)
{
    return QDateTime::fromString(record.section(QLatin1Char(' '), 1, 1), Qt::ISODate);
}
} // namespace

ApiTokens::ApiTokens(Settings &settings)
    : m_settings(settings)
{}

bool ApiTokens::isValidName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return valid.match(name).hasMatch();
}

Result<QString> ApiTokens::create(const QString &name, const QDateTime &now)
{
    if (!isValidName(name))
        return Error{
            ErrorCode::InvalidArguments,
            ApiTokensText::tr("\"%1\" cannot name a token: use up to 64 letters, digits, '.', '_' or "
                              "'-'.")
                .arg(name)};
    m_settings.sync();
    if (!m_settings.webTokenRecord(name).isEmpty())
        return Error{
            ErrorCode::InvalidSetting,
            ApiTokensText::tr("A token named \"%1\" already exists; revoke it first or choose another "
                              "name.")
                .arg(name)};
    const QByteArray token =
        kTokenPrefix + PasswordHash::randomBytes(kTokenBytes)
                           .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_settings.setWebTokenRecord(name, QString::fromLatin1(tokenDigest(token)) + QLatin1Char(' ') +
                                           now.toUTC().toString(Qt::ISODate));
    m_settings.sync();
    qCInfo(lcAccess).noquote() << "API token created:" << name;
    return QString::fromLatin1(token);
}

QList<ApiTokenInfo> ApiTokens::list() const
{
    m_settings.sync();
    QList<ApiTokenInfo> tokens;
    for (const QString &name : m_settings.webTokenNames())
        tokens.append({name, recordCreated(m_settings.webTokenRecord(name))});
    return tokens;
}

Status ApiTokens::revoke(const QString &name)
{
    m_settings.sync();
    if (m_settings.webTokenRecord(name).isEmpty())
        return Error{ErrorCode::InvalidSetting,
                     ApiTokensText::tr("There is no token named \"%1\".").arg(name)};
    m_settings.removeWebToken(name);
    m_settings.sync();
    qCInfo(lcAccess).noquote() << "API token revoked:" << name;
    return success();
}

std::optional<QString> ApiTokens::nameFor(const QByteArray &token) const
{
    if (!token.startsWith(kTokenPrefix))
        return std::nullopt;
    m_settings.sync();
    const QByteArray digest = tokenDigest(token);
    std::optional<QString> found;
    // Every record is compared (no early exit), each in constant time.
    for (const QString &name : m_settings.webTokenNames()) {
        if (PasswordHash::equalSecrets(recordDigest(m_settings.webTokenRecord(name)), digest))
            found = name;
    }
    return found;
}

} // namespace trailguard
