#include "broker/TokenSet.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace trailguard {

namespace {
class TokenSetText {
    Q_DECLARE_TR_FUNCTIONS(TokenSet)
};

constexpr int kFormat = 1;

QString environmentName(BrokerEnvironment environment)
{
    return environment == BrokerEnvironment::Practice ? QStringLiteral("practice") : QStringLiteral("live");
}

Error corrupt(const QString &detail)
{
    return Error{ErrorCode::MalformedResponse,
                 TokenSetText::tr("The saved Questrade connection is damaged (%1). Reconnect the account.")
                     .arg(detail)};
}

QDateTime readTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}
} // namespace

QByteArray TokenSet::hashBootstrapToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token.trimmed(), QCryptographicHash::Sha256).toHex();
}

bool TokenSet::accessTokenUsable(const QDateTime &now, std::chrono::seconds margin) const
{
    if (accessToken.isEmpty() || !accessExpiresAt.isValid() || rejected)
        return false;
    qint64 marginSeconds = margin.count();
    if (accessIssuedAt.isValid())
        marginSeconds = std::min(marginSeconds, accessIssuedAt.secsTo(accessExpiresAt) / 2);
    return now.addSecs(marginSeconds) < accessExpiresAt;
}

QByteArray TokenSet::toJson() const
{
    QJsonObject object{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("refreshToken"), QString::fromUtf8(refreshToken)},
        {QStringLiteral("accessToken"), QString::fromUtf8(accessToken)},
        {QStringLiteral("apiServer"), apiServer.toString()},
        {QStringLiteral("accessIssuedAt"), accessIssuedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("accessExpiresAt"), accessExpiresAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("environment"), environmentName(environment)},
        {QStringLiteral("bootstrapHash"), QString::fromLatin1(bootstrapHash)},
        {QStringLiteral("rejected"), rejected},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<TokenSet> TokenSet::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return corrupt(TokenSetText::tr("not a JSON object"));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toInt() != kFormat)
        return corrupt(TokenSetText::tr("unknown format"));

    const auto string = [&object](const char *key) { return object.value(QLatin1String(key)); };
    for (const char *key : {"refreshToken", "accessToken", "apiServer", "environment", "bootstrapHash"}) {
        if (!string(key).isString())
            return corrupt(TokenSetText::tr("%1 is missing").arg(QLatin1String(key)));
    }

    TokenSet tokens;
    tokens.refreshToken = string("refreshToken").toString().toUtf8();
    tokens.accessToken = string("accessToken").toString().toUtf8();
    tokens.apiServer = QUrl(string("apiServer").toString());
    tokens.accessIssuedAt = readTime(string("accessIssuedAt"));
    tokens.accessExpiresAt = readTime(string("accessExpiresAt"));
    const QString environment = string("environment").toString();
    if (environment == QStringLiteral("practice"))
        tokens.environment = BrokerEnvironment::Practice;
    else if (environment == QStringLiteral("live"))
        tokens.environment = BrokerEnvironment::Live;
    else
        return corrupt(TokenSetText::tr("unknown environment"));
    tokens.bootstrapHash = string("bootstrapHash").toString().toUtf8();
    tokens.rejected = string("rejected").toBool(false);
    if (tokens.refreshToken.isEmpty() && !tokens.rejected)
        return corrupt(TokenSetText::tr("no refresh token"));
    return tokens;
}

TokenSet TokenSet::asRejected() const
{
    TokenSet rejectedChain = *this;
    rejectedChain.refreshToken.clear();
    rejectedChain.accessToken.clear();
    rejectedChain.accessExpiresAt = QDateTime();
    rejectedChain.rejected = true;
    return rejectedChain;
}

} // namespace trailguard
