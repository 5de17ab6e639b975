#include "broker/QuestradeHttp.h"
#include "common/NetworkPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkReply>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace trailguard::QuestradeHttp {

namespace {
class QuestradeHttpText {
    Q_DECLARE_TR_FUNCTIONS(QuestradeHttp)
};
} // namespace

QByteArray userAgent()
{
    return NetworkPolicy::userAgent();
}

bool isLoopback(const QUrl &url)
{
    return NetworkPolicy::isLoopback(url);
}

Result<QUrl> validateEndpoint(const QUrl &url, const QString &what)
{
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{
            ErrorCode::InvalidSetting,
            QuestradeHttpText::tr("%1 \"%2\" is not a valid URL.").arg(what, withoutQueries(url.toString()))};
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QStringLiteral("https"))
        return url;
    if (scheme == QStringLiteral("http") && isLoopback(url))
        return url;
    return Error{
        ErrorCode::InvalidSetting,
        QuestradeHttpText::tr("%1 \"%2\" must use https:// (plain http:// is allowed only for this computer, "
                              "e.g. http://127.0.0.1).")
            .arg(what, withoutQueries(url.toString()))};
}

Result<QUrl> loginUrl(BrokerEnvironment environment, const QString &overrideUrl)
{
    if (!overrideUrl.trimmed().isEmpty()) {
        return validateEndpoint(
            QUrl(overrideUrl.trimmed(), QUrl::StrictMode),
            QuestradeHttpText::tr("The login URL (%1)").arg(QString::fromLatin1(kLoginUrlVariable)));
    }
    return QUrl(environment == BrokerEnvironment::Practice
                    ? QStringLiteral("https://practicelogin.questrade.com")
                    : QStringLiteral("https://login.questrade.com"));
}

QUrl tokenRequestUrl(const QUrl &loginUrl, const QByteArray &refreshToken)
{
    QString base = loginUrl.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QByteArray query("grant_type=refresh_token&refresh_token=");
    query += refreshToken.toPercentEncoding();
    QUrl url(base + QStringLiteral("/oauth2/token"));
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

QUrl apiUrl(const QUrl &apiServer, const QString &path, const QString &encodedQuery)
{
    QString base = apiServer.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    base.remove(QLatin1Char('\\'));
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QString relative = path;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    QUrl url(base + QLatin1Char('/') + relative);
    if (!encodedQuery.isEmpty())
        url.setQuery(encodedQuery, QUrl::StrictMode);
    return url;
}

QNetworkRequest makeRequest(const QUrl &url, std::chrono::milliseconds timeout)
{
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    // Never follow a redirect to another host with our bearer token.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return request;
}

QList<QList<qint64>> idBatches(const QList<qint64> &ids, int maxCount, qsizetype otherQueryLength,
                               qsizetype maxQueryLength)
{
    QList<QList<qint64>> batches;
    QList<qint64> batch;
    qsizetype length = otherQueryLength;
    for (qint64 id : ids) {
        const qsizetype idLength = QByteArray::number(id).size();
        const bool full = batch.size() >= std::max(1, maxCount) || length + 1 + idLength > maxQueryLength;
        if (!batch.isEmpty() && full) {
            batches.append(std::exchange(batch, {}));
            length = otherQueryLength;
        }
        length += idLength + (batch.isEmpty() ? 0 : 1); // a comma before every id but the first
        batch.append(id);
    }
    if (!batch.isEmpty())
        batches.append(batch);
    return batches;
}

namespace {
const char kTooLargeProperty[] = "trailguard_replyTooLarge";

void abortTooLarge(QNetworkReply *reply, qint64 size, qint64 maxBytes)
{
    if (size <= maxBytes || reply->property(kTooLargeProperty).toBool())
        return;
    reply->setProperty(kTooLargeProperty, true);
    reply->abort();
}
} // namespace

void limitReplySize(QNetworkReply *reply, qint64 maxBytes)
{
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, maxBytes] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            abortTooLarge(reply, length.toLongLong(), maxBytes);
    });
    QObject::connect(
        reply, &QNetworkReply::downloadProgress, reply,
        [reply, maxBytes](qint64 received, qint64) { abortTooLarge(reply, received, maxBytes); });
}

bool replyTooLarge(const QNetworkReply *reply)
{
    return reply->property(kTooLargeProperty).toBool();
}

QString withoutQueries(const QString &text)
{
    static const QRegularExpression query(QStringLiteral("\\?[^\\s\"']*"));
    QString result = text;
    result.replace(query, QStringLiteral("?…"));
    return result;
}

} // namespace trailguard::QuestradeHttp
