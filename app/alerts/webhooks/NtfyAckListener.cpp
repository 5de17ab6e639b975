#include "alerts/webhooks/NtfyAckListener.h"

#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/webhooks/WebhookHttp.h"
#include "alerts/webhooks/WebhookLogging.h"
#include "common/Clock.h"
#include "storage/GuardianStateRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <algorithm>

namespace trailguard {

namespace {
// A code as the log may show it: the alert id it claims, never the secret part.
QString ntfyAckCodeForLog(const QString &code)
{
    const qsizetype dash = code.indexOf(QLatin1Char('-'));
    return (dash > 0 && dash <= 20 ? code.left(dash + 1) : QString()) + QStringLiteral("…");
}

// The ack topic's server and its first two characters: the topic is a password on a public server.
QString ntfyAckTopicForLog(const NtfyConfig &config)
{
    return config.server.host() + QLatin1Char('/') + config.ackTopic.left(2) + QStringLiteral("…");
}
} // namespace

NtfyAckListener::NtfyAckListener(QNetworkAccessManager *network, const Clock &clock,
                                 GuardianStateRepository &state, AlertAcknowledger &acknowledger,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_state(state)
    , m_acknowledger(acknowledger)
    , m_reconnect(clock.createTimer())
{
    m_reconnect->setSingleShot(true);
    connect(m_reconnect.get(), &ClockTimer::timeout, this, &NtfyAckListener::connectStream);
}

NtfyAckListener::~NtfyAckListener()
{
    stop();
}

QUrl NtfyAckListener::streamUrl(const NtfyConfig &config, const QString &lastId)
{
    QUrl url = config.ackTopicUrl();
    url.setPath(url.path(QUrl::FullyEncoded) + QStringLiteral("/json"), QUrl::StrictMode);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), lastId.isEmpty() ? QStringLiteral("all") : lastId);
    url.setQuery(query);
    return url;
}

void NtfyAckListener::start(const NtfyConfig &config)
{
    stop();
    if (config.ackTopic.isEmpty() || !config.validate().ok())
        return;
    m_config = config;
    m_listening = true;
    m_retry = kFirstRetry;
    connectStream();
}

void NtfyAckListener::stop()
{
    m_listening = false;
    m_reconnect->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_buffer.clear();
}

QString NtfyAckListener::lastId() const
{
    const Result<std::optional<QString>> stored = m_state.value(lastIdKey());
    return stored.ok() && stored.value() ? *stored.value() : QString();
}

void NtfyAckListener::connectStream()
{
    if (!m_listening)
        return;
    QNetworkRequest request(streamUrl(m_config, lastId()));
    request.setHeader(QNetworkRequest::UserAgentHeader, WebhookHttp::userAgent());
    request.setTransferTimeout(int(std::chrono::milliseconds(kSilenceLimit).count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_config.accessToken.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"),
                             QByteArrayLiteral("Bearer ") + m_config.accessToken);
    m_healthy = false;
    m_buffer.clear();
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &NtfyAckListener::readStream);
    connect(m_reply, &QNetworkReply::finished, this, &NtfyAckListener::streamFinished);
}

void NtfyAckListener::readStream()
{
    if (!m_reply)
        return;
    m_buffer += m_reply->readAll();
    qsizetype newline = 0;
    while ((newline = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(newline).trimmed();
        m_buffer.remove(0, newline + 1);
        if (!line.isEmpty())
            handleLine(line);
        if (!m_reply) // stopped by a slot connected to a signal emitted for this line
            return;
    }
    if (m_buffer.size() > 64 * 1024) { // no line is that long: not an ntfy stream
        qCWarning(lcWebhooks, "ntfy ack stream: a line over 64 KiB, reconnecting");
        m_reply->abort();
    }
}

void NtfyAckListener::handleLine(const QByteArray &line)
{
    const QJsonObject event = QJsonDocument::fromJson(line).object();
    const QString kind = event.value(QLatin1String("event")).toString();
    if (kind == QLatin1String("open")) {
        qCInfo(lcWebhooks).noquote() << "Listening for ntfy acknowledgements on"
                                     << ntfyAckTopicForLog(m_config);
        Q_EMIT subscribed();
        return;
    }
    if (kind == QLatin1String("keepalive")) {
        m_healthy = true;
        return;
    }
    if (kind != QLatin1String("message"))
        return; // poll_request and anything newer: not ours
    m_healthy = true;
    const QString id = event.value(QLatin1String("id")).toString();
    handleCode(event.value(QLatin1String("message")).toString().trimmed());
    if (!id.isEmpty()) {
        if (const Status saved = m_state.setValue(lastIdKey(), id); !saved.ok())
            qCWarning(lcWebhooks).noquote()
                << "ntfy ack stream: cannot keep its position:" << saved.error().message;
    }
}

void NtfyAckListener::handleCode(const QString &code)
{
    const Result<AlertAcknowledger::Outcome> outcome =
        m_acknowledger.acknowledgeByCode(code, AckSource::ntfy());
    if (!outcome.ok()) {
        qCWarning(lcWebhooks).noquote()
            << "ntfy ack stream: refused code" << ntfyAckCodeForLog(code) << "-" << outcome.error().message;
        Q_EMIT refused(outcome.error().message);
        return;
    }
    const AlertRecord &alert = outcome.value().alert;
    if (!outcome.value().newlyAcknowledged) {
        const QString reason = QStringLiteral("alert %1 was already acknowledged at %2 from %3")
                                   .arg(alert.id)
                                   .arg(alert.acknowledgedAt.toString(Qt::ISODate), alert.ackSource);
        qCInfo(lcWebhooks).noquote() << "ntfy ack stream: refused a spent code:" << reason;
        Q_EMIT refused(reason);
        return;
    }
    Q_EMIT acknowledged(alert.id);
}

void NtfyAckListener::streamFinished()
{
    if (!m_reply)
        return;
    readStream(); // what came with the end
    QNetworkReply *reply = m_reply;
    if (!reply) // stopped meanwhile
        return;
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || status >= 300) {
        qCWarning(lcWebhooks).noquote() << "ntfy ack stream on" << ntfyAckTopicForLog(m_config)
                                        << "ended: HTTP" << status << reply->error();
    }
    reply->deleteLater();
    if (!m_listening)
        return;
    if (m_healthy)
        m_retry = kFirstRetry;
    m_scheduledRetry = m_retry;
    m_reconnect->start(m_retry);
    m_retry = std::min(m_retry * 2, kLongestRetry);
    Q_EMIT streamEnded();
}

} // namespace trailguard
