#pragma once

#include "alerts/AlertChannel.h"
#include "alerts/webhooks/WebhookHttp.h"

#include <QList>
#include <QNetworkRequest>
#include <QPointer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

// What the Discord and ntfy channels share: one POST per send through the app's network access
// manager, a deadline, callbacks dropped for a destroyed context, and the RetryLater result when no
// HTTP answer arrives (refused, timed out, TLS failure). Each subclass builds its request and turns
// an HTTP answer into a DeliveryResult. TLS errors are never ignored.
class WebhookChannel : public AlertChannel {
    Q_OBJECT
public:
    // Aborts the sends still in flight; their callbacks are dropped.
    ~WebhookChannel() override;

    // How long one send may take, from the request to the last byte of the answer (default 20 s).
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

protected:
    WebhookChannel(QNetworkAccessManager *network, QObject *parent);

    struct Post {
        QNetworkRequest request; // from WebhookHttp::makePostRequest
        QByteArray body;
        QString target;            // for log lines: a redacted URL
        QList<QByteArray> secrets; // removed from Qt's error texts and from the result's reason
    };
    using Interpret = std::function<DeliveryResult(const WebhookHttp::Response &)>;

    // Sends `outgoing`; `interpret` turns an HTTP answer (any status) into the result given to `done`.
    void post(Post outgoing, QObject *context, SendCallback done, Interpret interpret);
    // Gives `result` to `done` later (never inside the caller), unless `context` is destroyed first.
    void finishLater(DeliveryResult result, QObject *context, SendCallback done);

private:
    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout = WebhookHttp::kDefaultTimeout;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace trailguard
