#include "web/server/CodeAckGate.h"

#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/escalation/AlertRecordJson.h"
#include "domain/AlertMessage.h"
#include "storage/AlertRepository.h"
#include "web/WebLogging.h"
#include "web/server/WebReply.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QUrl>

namespace trailguard::Web {

namespace {
class CodeAckGateText {
    Q_DECLARE_TR_FUNCTIONS(CodeAckGate)
};

const QLatin1String kPagePrefix("/ack/");
const QLatin1String kApiAckPrefix("/api/v1/ack/");
const QByteArray kAckPageType = QByteArrayLiteral("text/html; charset=utf-8");

QString codeAckTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString alreadyAcknowledgedText(const AlertRecord &alert)
{
    return CodeAckGateText::tr("Alert %1 was already acknowledged at %2 from %3.")
        .arg(alert.id)
        .arg(codeAckTime(alert.acknowledgedAt), alert.ackSource);
}

// A whole page: escaped text only, the stylesheet from the compiled-in files (no inline style or script).
QByteArray codeAckPage(const QString &title, const QString &body)
{
    return QStringLiteral("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<meta name=\"robots\" content=\"noindex\"><title>%1</title>"
                          "<link rel=\"stylesheet\" href=\"/ack.css\"></head>\n<body><main class=\"ack\">"
                          "<h1>%1</h1>\n%2</main></body></html>\n")
        .arg(title.toHtmlEscaped(), body)
        .toUtf8();
}

QString ackParagraph(const QString &text)
{
    return QStringLiteral("<p>%1</p>\n").arg(text.toHtmlEscaped());
}

// The alert as the page shows it: its subject and the fields people read (price, stop, peak…).
QString ackAlertSummary(const AlertRecord &alert)
{
    QString html = ackParagraph(alert.message.subject);
    if (!alert.message.fields.isEmpty()) {
        html += QStringLiteral("<dl>");
        for (const AlertMessage::Field &field : alert.message.fields)
            html += QStringLiteral("<dt>%1</dt><dd>%2</dd>")
                        .arg(field.name.toHtmlEscaped(), field.value.toHtmlEscaped());
        html += QStringLiteral("</dl>\n");
    }
    return html;
}

void sendAckPage(const std::shared_ptr<WebReply> &reply, int status, const QString &title,
                 const QString &body)
{
    reply->send(status, kAckPageType, codeAckPage(title, body), {{"Cache-Control", "no-store"}});
}

void sendAckNotFound(const std::shared_ptr<WebReply> &reply, bool json)
{
    const QString text = CodeAckGateText::tr("This acknowledgement link is not valid.");
    if (json)
        return reply->sendError(404, text);
    sendAckPage(reply, 404, CodeAckGateText::tr("Not found"), ackParagraph(text));
}
} // namespace

CodeAckGate::CodeAckGate(const Clock &clock, AlertAcknowledger &acknowledger, AlertRepository &alerts)
    : m_acknowledger(acknowledger)
    , m_alerts(alerts)
    , m_throttle(clock)
{}

bool CodeAckGate::handles(const QString &path)
{
    return path.startsWith(kPagePrefix) || path.startsWith(kApiAckPrefix);
}

void CodeAckGate::handle(const QHttpServerRequest &request, const std::shared_ptr<WebReply> &reply)
{
    const QString path = request.url().path(QUrl::FullyEncoded);
    const bool json = path.startsWith(kApiAckPrefix);
    const QString encoded = path.mid(json ? kApiAckPrefix.size() : kPagePrefix.size());
    const QString code = QUrl::fromPercentEncoding(encoded.toUtf8());
    if (code.isEmpty() || code.contains(QLatin1Char('/')))
        return sendAckNotFound(reply, json);
    if (json)
        return api(request, code, reply);
    page(request, code, reply);
}

bool CodeAckGate::mayTry(const QHttpServerRequest &request, bool json, const std::shared_ptr<WebReply> &reply)
{
    const QHostAddress address = request.remoteAddress();
    if (const auto wait = m_throttle.retryAfter(address)) {
        qCWarning(lcWeb).noquote() << "Refused an acknowledgement code from" << address.toString()
                                   << ": too many wrong codes";
        const QString text = CodeAckGateText::tr("Too many wrong acknowledgement codes; try again in %1 s.")
                                 .arg(wait->count());
        const HeaderList headers{{"Retry-After", QByteArray::number(qint64(wait->count()))}};
        if (json)
            reply->sendError(429, text, headers);
        else
            reply->send(429, kAckPageType,
                        codeAckPage(CodeAckGateText::tr("Too many attempts"), ackParagraph(text)), headers);
        return false;
    }
    m_throttle.attemptStarted(address);
    return true;
}

void CodeAckGate::page(const QHttpServerRequest &request, const QString &code,
                       const std::shared_ptr<WebReply> &reply)
{
    const auto method = request.method();
    if (method == QHttpServerRequest::Method::Head) // no body may follow: the connection stays usable
        return reply->sendHeadersOnly(405, kAckPageType, {}, {{"Allow", "GET, POST"}});
    if (method != QHttpServerRequest::Method::Get && method != QHttpServerRequest::Method::Post)
        return reply->sendError(405, CodeAckGateText::tr("Use GET or POST."), {{"Allow", "GET, POST"}});
    if (!mayTry(request, false, reply))
        return;
    const AckCodes *codes = m_acknowledger.ackCodes();
    const std::optional<qint64> alertId = codes ? codes->verify(code) : std::nullopt;
    if (!alertId) {
        qCInfo(lcWeb).noquote() << "Refused a wrong acknowledgement code from"
                                << request.remoteAddress().toString();
        return sendAckNotFound(reply, false);
    }
    m_throttle.attemptSucceeded(request.remoteAddress());
    const QString title = CodeAckGateText::tr("Acknowledge alert");

    if (method == QHttpServerRequest::Method::Get) {
        const Result<std::optional<AlertRecord>> alert = m_alerts.find(*alertId);
        if (!alert.ok() || !alert.value())
            return sendAckNotFound(reply, false);
        QString body = ackAlertSummary(*alert.value());
        if (alert.value()->acknowledgedAt.isValid())
            body += ackParagraph(alreadyAcknowledgedText(*alert.value()));
        else
            body +=
                QStringLiteral("<form method=\"post\" action=\"/ack/%1\"><button type=\"submit\">%2</button>"
                               "</form>\n")
                    .arg(QString::fromUtf8(QUrl::toPercentEncoding(code)).toHtmlEscaped(),
                         CodeAckGateText::tr("Acknowledge").toHtmlEscaped());
        return sendAckPage(reply, 200, title, body);
    }

    const Result<AlertAcknowledger::Outcome> outcome =
        m_acknowledger.acknowledgeByCode(code, AckSource::email());
    if (!outcome.ok())
        return sendAckPage(reply, 500, title, ackParagraph(outcome.error().message));
    const AlertRecord &alert = outcome.value().alert;
    if (!outcome.value().newlyAcknowledged)
        return sendAckPage(reply, 409, title,
                           ackAlertSummary(alert) + ackParagraph(alreadyAcknowledgedText(alert)));
    sendAckPage(
        reply, 200, CodeAckGateText::tr("Alert acknowledged"),
        ackAlertSummary(alert) +
            ackParagraph(CodeAckGateText::tr("Alert %1 is acknowledged; its reminders stop.").arg(alert.id)));
}

void CodeAckGate::api(const QHttpServerRequest &request, const QString &code,
                      const std::shared_ptr<WebReply> &reply)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return reply->sendError(405, CodeAckGateText::tr("Use POST."), {{"Allow", "POST"}});
    if (!mayTry(request, true, reply))
        return;
    const AckCodes *codes = m_acknowledger.ackCodes();
    if (!codes || !codes->verify(code)) {
        qCInfo(lcWeb).noquote() << "Refused a wrong acknowledgement code from"
                                << request.remoteAddress().toString();
        return sendAckNotFound(reply, true);
    }
    m_throttle.attemptSucceeded(request.remoteAddress());
    const Result<AlertAcknowledger::Outcome> outcome =
        m_acknowledger.acknowledgeByCode(code, AckSource::ntfy());
    if (!outcome.ok())
        return reply->sendError(500, outcome.error().message);
    const AlertRecord &alert = outcome.value().alert;
    if (!outcome.value().newlyAcknowledged) {
        QJsonObject body{{QStringLiteral("error"), alreadyAcknowledgedText(alert)},
                         {QStringLiteral("alert"), AlertRecordJson::toJson(alert)}};
        return reply->sendApi(ApiResponse::json(409, body));
    }
    reply->sendApi(ApiResponse::json(200, AlertRecordJson::toJson(alert)));
}

} // namespace trailguard::Web
