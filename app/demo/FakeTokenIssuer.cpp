#include "demo/FakeTokenIssuer.h"

#include "demo/DemoLogging.h"
#include "demo/FakeQuestradeEndpoints.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace trailguard {

namespace {

namespace endpoints = FakeQuestradeEndpoints;

QByteArray randomToken()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray token(32, Qt::Uninitialized);
    for (char &c : token)
        c = alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))];
    return token;
}

} // namespace

QByteArray FakeTokenIssuer::issueRefreshToken()
{
    QByteArray token = randomToken();
    m_refreshTokens.insert(token);
    return token;
}

void FakeTokenIssuer::addRefreshToken(const QByteArray &token)
{
    if (!token.isEmpty())
        m_refreshTokens.insert(token);
}

void FakeTokenIssuer::setAccessTokenLifetime(int seconds)
{
    m_accessLifetime = std::max(0, seconds);
}

void FakeTokenIssuer::expireAccessTokens()
{
    const QDateTime past = now().addSecs(-1);
    for (auto it = m_accessTokens.begin(); it != m_accessTokens.end(); ++it)
        it.value() = past;
}

void FakeTokenIssuer::revokeAll()
{
    m_refreshTokens.clear();
    m_accessTokens.clear();
}

int FakeTokenIssuer::exchanges() const
{
    return m_exchanges;
}

bool FakeTokenIssuer::acceptsAccessToken(const QByteArray &token) const
{
    const auto access = m_accessTokens.constFind(token);
    return access != m_accessTokens.cend() && now() < access.value();
}

http::Response FakeTokenIssuer::exchange(const http::Request &request, const QByteArray &rawQuery,
                                         const QUrl &apiServer)
{
    endpoints::Params params = endpoints::parseForm(rawQuery);
    if (request.method == "POST") {
        const QByteArray type = request.header("content-type").toLower();
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            const endpoints::Params form = endpoints::parseForm(request.body);
            for (auto it = form.cbegin(); it != form.cend(); ++it)
                params.insert(it.key(), it.value());
        }
    }
    if (params.value(QStringLiteral("grant_type")) != QLatin1String("refresh_token"))
        return endpoints::loginError(400);
    const QByteArray refreshToken = params.value(QStringLiteral("refresh_token")).toUtf8();
    if (refreshToken.isEmpty() || !m_refreshTokens.remove(refreshToken)) {
        qCDebug(lcDemo) << "Refused a refresh token that is unknown, used or revoked";
        return endpoints::loginError(400);
    }

    const QByteArray accessToken = randomToken();
    const QByteArray nextRefreshToken = randomToken();
    m_accessTokens.insert(accessToken, now().addSecs(m_accessLifetime));
    m_refreshTokens.insert(nextRefreshToken);
    ++m_exchanges;

    http::Response response = endpoints::jsonResponse(
        200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(accessToken)},
                         {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                         {QStringLiteral("expires_in"), m_accessLifetime},
                         {QStringLiteral("refresh_token"), QString::fromLatin1(nextRefreshToken)},
                         {QStringLiteral("api_server"), apiServer.toString()}});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

} // namespace trailguard
