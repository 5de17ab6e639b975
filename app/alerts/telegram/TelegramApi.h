#pragma once

#include "alerts/telegram/TelegramConfig.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

// One Bot API method call at a time per caller: a JSON POST to <api>/bot<token>/<method>, read into an
// Answer. Used by the bot (getUpdates, replies, callback answers) and the settings page (getMe); the
// channel sends through WebhookChannel. Never logs the URL (it holds the token).
class TelegramApi : public QObject {
    Q_OBJECT
public:
    // What the Bot API said: {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…,
    // "parameters":{"retry_after":…}}; status 0 when no HTTP answer came (networkError says why).
    struct Answer {
        int status = 0;
        bool ok = false;
        QJsonValue result;
        int errorCode = 0;
        QString description; // the server's words, made safe to show
        std::optional<std::chrono::seconds> retryAfter;
        QString networkError; // translated, the token redacted; empty when an HTTP answer came

        // A translated sentence for people when not ok: what happened and what to do.
        QString problem() const;
    };
    using Done = std::function<void(const Answer &)>;

    TelegramApi(QNetworkAccessManager *network, TelegramConfig config, QObject *parent = nullptr);
    // Aborts the calls in flight; their callbacks are dropped.
    ~TelegramApi() override;

    const TelegramConfig &config() const { return m_config; }
    void setConfig(TelegramConfig config) { m_config = std::move(config); }

    // Calls `method` with `params`; `done` runs once, later, unless `context` is destroyed first. The call is
    // abandoned (status 0) after `timeout`.
    void call(const QString &method, const QJsonObject &params, std::chrono::milliseconds timeout,
              QObject *context, Done done);
    // Aborts every call in flight; their callbacks are dropped.
    void abortAll();

    // Reads an HTTP answer's body (any status).
    static Answer parse(int status, const QByteArray &body);

private:
    QNetworkAccessManager *m_network;
    TelegramConfig m_config;
    QList<QPointer<QNetworkReply>> m_inFlight;
};

} // namespace trailguard
