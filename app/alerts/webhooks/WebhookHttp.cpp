#include "alerts/webhooks/WebhookHttp.h"
#include "common/NetworkPolicy.h"

#include "secrets/Redact.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace trailguard::WebhookHttp {

namespace {
class WebhookHttpText {
    Q_DECLARE_TR_FUNCTIONS(WebhookHttp)
};

constexpr double kMaxRetryAfterSeconds = 24 * 60 * 60;
constexpr qsizetype kMaxServerTextLength = 300;
const QString kEllipsis = QStringLiteral("…");
} // namespace

QByteArray userAgent()
{
    return NetworkPolicy::userAgent();
}

bool isLoopback(const QUrl &url)
{
    return NetworkPolicy::isLoopback(url);
}

Status validateUrl(const QUrl &url, const QString &what)
{
    if (url.isEmpty())
        return Error{ErrorCode::InvalidSetting, WebhookHttpText::tr("%1 is empty.").arg(what)};
    if (!url.isValid() || url.host().isEmpty()) {
        return Error{
            ErrorCode::InvalidSetting,
            WebhookHttpText::tr("%1 is not a valid URL: it should look like https://host/path.").arg(what)};
    }
    const QString scheme = url.scheme().toLower();
    const bool allowed =
        scheme == QStringLiteral("https") || (scheme == QStringLiteral("http") && isLoopback(url));
    if (!allowed) {
        return Error{ErrorCode::InvalidSetting,
                     WebhookHttpText::tr(
                         "%1 must start with https:// (plain http:// is allowed only for this computer, "
                         "e.g. http://127.0.0.1).")
                         .arg(what)};
    }
    if (!url.userInfo().isEmpty()) {
        return Error{ErrorCode::InvalidSetting,
                     WebhookHttpText::tr("%1 must not contain a user name or password.").arg(what)};
    }
    return success();
}

QNetworkRequest makePostRequest(const QUrl &url, const QByteArray &contentType,
                                std::chrono::milliseconds timeout)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // TLS: Qt verifies the peer by default, and nothing here ever calls ignoreSslErrors().
    return request;
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double seconds = text.toDouble(&isNumber);
    if (isNumber)
        return secondsRoundedUp(seconds);
    // An HTTP-date: "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeZone(QTimeZone::utc());
    return secondsRoundedUp(static_cast<double>(std::max<qint64>(0, now.secsTo(at))));
}

std::optional<std::chrono::seconds> secondsRoundedUp(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0 || seconds > kMaxRetryAfterSeconds)
        return std::nullopt;
    return std::chrono::seconds(static_cast<qint64>(std::ceil(seconds)));
}

QString truncated(const QString &text, qsizetype maxLength)
{
    if (text.size() <= maxLength)
        return text;
    if (maxLength <= 0)
        return {};
    qsizetype cut = maxLength - kEllipsis.size();
    if (cut > 0 && text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(std::max<qsizetype>(cut, 0)) + kEllipsis;
}

QString truncatedUtf8(const QString &text, qsizetype maxBytes)
{
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    const QByteArray ellipsis = kEllipsis.toUtf8();
    qsizetype cut = maxBytes - ellipsis.size();
    if (cut < 0)
        return {};
    // Step back over continuation bytes (10xxxxxx) to the start of a character.
    while (cut > 0 && (static_cast<unsigned char>(utf8.at(cut)) & 0xC0) == 0x80)
        --cut;
    return QString::fromUtf8(utf8.left(cut)) + kEllipsis;
}

QString serverText(const QString &text)
{
    QString clean;
    clean.reserve(std::min(text.size(), kMaxServerTextLength + 1));
    for (const QChar c : text) {
        clean += (c.category() == QChar::Other_Control) ? QLatin1Char(' ') : c;
        if (clean.size() > kMaxServerTextLength)
            break;
    }
    return truncated(clean.simplified(), kMaxServerTextLength);
}

Response readResponse(QNetworkReply &reply, const QList<QByteArray> &secrets, bool timedOut)
{
    Response response;
    response.status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.error = reply.error();
    response.timedOut = timedOut || reply.error() == QNetworkReply::TimeoutError ||
                        (response.status == 0 && reply.error() == QNetworkReply::OperationCanceledError);
    response.errorText = redact(reply.errorString(), secrets);
    if (reply.isOpen()) // an aborted reply (timeout) is closed
        response.body = reply.read(kMaxResponseBytes);
    response.retryAfter = reply.rawHeader(QByteArrayLiteral("Retry-After"));
    return response;
}

DeliveryResult unreachable(const QString &service, const Response &response,
                           std::chrono::milliseconds timeout)
{
    QString what;
    if (response.timedOut) {
        const auto seconds = std::chrono::ceil<std::chrono::seconds>(timeout);
        what = WebhookHttpText::tr("no answer within %1 s").arg(seconds.count());
    } else {
        switch (response.error) {
        case QNetworkReply::ConnectionRefusedError:
            what = WebhookHttpText::tr("the connection was refused");
            break;
        case QNetworkReply::HostNotFoundError:
            what = WebhookHttpText::tr("the server's name could not be found (is this computer offline?)");
            break;
        case QNetworkReply::RemoteHostClosedError:
            what = WebhookHttpText::tr("the server closed the connection");
            break;
        case QNetworkReply::SslHandshakeFailedError:
            what = WebhookHttpText::tr("the secure connection failed (%1)").arg(response.errorText);
            break;
        default:
            what = response.errorText;
            break;
        }
    }
    return DeliveryResult::retryLater(
        WebhookHttpText::tr("Could not reach %1: %2. The alert will be sent again later.")
            .arg(service, what));
}

} // namespace trailguard::WebhookHttp
