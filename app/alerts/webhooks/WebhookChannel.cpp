#include "alerts/webhooks/WebhookChannel.h"

#include "alerts/webhooks/WebhookLogging.h"
#include "secrets/Redact.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace trailguard {

namespace {
const char *outcomeName(DeliveryResult::Outcome outcome)
{
    switch (outcome) {
    case DeliveryResult::Outcome::Delivered:
        return "delivered";
    case DeliveryResult::Outcome::RetryLater:
        return "retry later";
    case DeliveryResult::Outcome::Failed:
        return "failed";
    }
    return "?";
}
} // namespace

WebhookChannel::WebhookChannel(QNetworkAccessManager *network, QObject *parent)
    : AlertChannel(parent)
    , m_network(network)
{}

WebhookChannel::~WebhookChannel()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_inFlight)) {
        if (reply.isNull())
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void WebhookChannel::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
}

void WebhookChannel::post(Post outgoing, QObject *context, SendCallback done, Interpret interpret)
{
    outgoing.request.setTransferTimeout(static_cast<int>(m_timeout.count()));
    QNetworkReply *reply = m_network->post(outgoing.request, outgoing.body);
    m_inFlight.append(reply);

    // The transfer timeout only notices silence; the deadline also ends an answer that trickles in.
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(m_timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });

    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(
        reply, &QNetworkReply::finished, this,
        [this, reply, timedOut, guard, hasContext, target = std::move(outgoing.target),
         secrets = std::move(outgoing.secrets), done = std::move(done), interpret = std::move(interpret)] {
            m_inFlight.removeIf(
                [reply](const QPointer<QNetworkReply> &p) { return p.isNull() || p == reply; });
            reply->deleteLater();
            const WebhookHttp::Response response = WebhookHttp::readResponse(*reply, secrets, *timedOut);
            DeliveryResult result = response.status == 0
                                        ? WebhookHttp::unreachable(displayName(), response, m_timeout)
                                        : interpret(response);
            // A server may repeat the request's secrets in its error text; the reason is logged, stored
            // in the outbox and shown in the alert history.
            result.reason = redact(result.reason, secrets);
            if (result.outcome == DeliveryResult::Outcome::Delivered) {
                qCDebug(lcWebhooks, "%s: %s delivered (HTTP %d)", qUtf8Printable(id()),
                        qUtf8Printable(target), response.status);
            } else if (response.status == 0) {
                qCWarning(lcWebhooks, "%s: %s %s (no answer): %s", qUtf8Printable(id()),
                          qUtf8Printable(target), outcomeName(result.outcome), qUtf8Printable(result.reason));
            } else {
                qCWarning(lcWebhooks, "%s: %s %s (HTTP %d): %s", qUtf8Printable(id()), qUtf8Printable(target),
                          outcomeName(result.outcome), response.status, qUtf8Printable(result.reason));
            }
            if (hasContext && guard.isNull())
                return;
            done(result);
        });
}

void WebhookChannel::finishLater(DeliveryResult result, QObject *context, SendCallback done)
{
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, this, [guard, hasContext, result = std::move(result), done = std::move(done)] {
        if (hasContext && guard.isNull())
            return;
        done(result);
    });
}

} // namespace trailguard
