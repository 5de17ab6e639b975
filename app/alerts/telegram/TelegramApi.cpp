#include "alerts/telegram/TelegramApi.h"

#include "alerts/telegram/TelegramLogging.h"
#include "alerts/webhooks/WebhookHttp.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace trailguard {

TelegramApi::TelegramApi(QNetworkAccessManager *network, TelegramConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_config(std::move(config))
{}

TelegramApi::~TelegramApi()
{
    abortAll();
}

void TelegramApi::abortAll()
{
    const auto inFlight = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : inFlight) {
        if (reply.isNull())
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

QString TelegramApi::Answer::problem() const
{
    if (ok)
        return {};
    if (status == 0)
        return TelegramApi::tr("Could not reach the Telegram Bot API: %1.").arg(networkError);
    if (status == 401 || status == 404)
        return TelegramApi::tr("Telegram refused the bot token (%1): copy the token again from @BotFather.")
            .arg(description.isEmpty() ? QString::number(status) : description);
    if (status == 403)
        return TelegramApi::tr(
                   "The bot may not write to this chat (%1): open the chat with the bot and press Start (or "
                   "unblock it), or add the bot to the group.")
            .arg(description);
    if (status == 400 && description.contains(QLatin1String("chat not found"), Qt::CaseInsensitive))
        return TelegramApi::
            tr("Telegram does not know this chat (%1): check the chat id, and send the bot a message first.")
                .arg(description);
    if (status == 429)
        return TelegramApi::tr("Telegram asks to wait before the next request (%1).").arg(description);
    return TelegramApi::tr("Telegram answered HTTP %1: %2").arg(status).arg(description);
}

TelegramApi::Answer TelegramApi::parse(int status, const QByteArray &body)
{
    Answer answer;
    answer.status = status;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    answer.ok = status >= 200 && status < 300 && json.value(QLatin1String("ok")).toBool();
    answer.result = json.value(QLatin1String("result"));
    answer.errorCode = json.value(QLatin1String("error_code")).toInt(status);
    answer.description = WebhookHttp::serverText(json.value(QLatin1String("description")).toString());
    if (answer.description.isEmpty() && !answer.ok)
        answer.description = WebhookHttp::serverText(QString::fromUtf8(body));
    const QJsonValue retryAfter =
        json.value(QLatin1String("parameters")).toObject().value(QLatin1String("retry_after"));
    if (retryAfter.isDouble())
        answer.retryAfter = WebhookHttp::secondsRoundedUp(retryAfter.toDouble());
    return answer;
}

void TelegramApi::call(const QString &method, const QJsonObject &params, std::chrono::milliseconds timeout,
                       QObject *context, Done done)
{
    const QNetworkRequest request = WebhookHttp::makePostRequest(
        m_config.methodUrl(method), QByteArrayLiteral("application/json"), timeout);
    QNetworkReply *reply = m_network->post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
    m_inFlight.append(reply);
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    const QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, timedOut, guard, hasContext, timeout, token = m_config.botToken,
             target = m_config.redactedTarget(method), done = std::move(done)] {
                m_inFlight.removeIf(
                    [reply](const QPointer<QNetworkReply> &p) { return p.isNull() || p == reply; });
                reply->deleteLater();
                const WebhookHttp::Response response = WebhookHttp::readResponse(*reply, {token}, *timedOut);
                Answer answer = parse(response.status, response.body);
                if (response.status == 0) {
                    answer.networkError =
                        response.timedOut ? tr("no answer within %1 s")
                                                .arg(std::chrono::ceil<std::chrono::seconds>(timeout).count())
                                          : response.errorText;
                    qCDebug(lcTelegram, "%s: no answer: %s", qUtf8Printable(target),
                            qUtf8Printable(answer.networkError));
                } else if (!answer.ok) {
                    qCDebug(lcTelegram, "%s: HTTP %d: %s", qUtf8Printable(target), response.status,
                            qUtf8Printable(answer.description));
                }
                if (hasContext && guard.isNull())
                    return;
                done(answer);
            });
}

} // namespace trailguard
