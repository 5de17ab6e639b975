#pragma once
// tst_headlessack's view of what the guardian sent and of the dashboard it serves: an HTTP client for the
// dashboard and for ntfy's actions, and the ack codes found in each channel's messages (a code names its
// alert: "<alert id>-<22 characters>").
#include "SmtpTestServer.h"
#include "fakes/FakeNtfyServer.h"
#include "fakes/FakeTelegramBotApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>

#include <memory>

namespace trailguard::test {

// Requests to the dashboard on 127.0.0.1:<port> (and to whatever an ntfy action names), waited for with the
// event loop turning.
class DashboardClient {
public:
    struct Answer {
        int status = 0;
        QByteArray body;
    };

    explicit DashboardClient(quint16 port)
        : m_port(port)
    {}
    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }

    Answer get(const QString &path) { return send("GET", path, {}, {}); }
    Answer post(const QString &path, const QByteArray &body, const QString &bearer = {})
    {
        return send("POST", path, body, bearer);
    }

    // What the phone does when ntfy's http action is tapped: its method, URL, headers and body.
    static Answer perform(const QJsonObject &action)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(action.value(QLatin1String("url")).toString()));
        const QJsonObject headers = action.value(QLatin1String("headers")).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it)
            request.setRawHeader(it.key().toUtf8(), it.value().toString().toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
        const QByteArray method =
            action.value(QLatin1String("method")).toString(QStringLiteral("POST")).toUtf8();
        return wait(network.sendCustomRequest(request, method,
                                              action.value(QLatin1String("body")).toString().toUtf8()));
    }

private:
    Answer send(const QByteArray &method, const QString &path, const QByteArray &body, const QString &bearer)
    {
        QUrl url = baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        if (method == "POST")
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
        return wait(method == "GET" ? m_network.get(request)
                                    : m_network.sendCustomRequest(request, method, body));
    }
    static Answer wait(QNetworkReply *reply)
    {
        std::unique_ptr<QNetworkReply> owned(reply);
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 15000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

// The ack codes in what ntfy, Telegram and the mailbox received.
class HeadlessAckChannels {
public:
    static constexpr int kChannels = 3; // ntfy, Telegram, email

    HeadlessAckChannels() = default;
    HeadlessAckChannels(const FakeNtfyServer *ntfy, const FakeTelegramBotApi *telegram,
                        const SmtpTestServer *smtp, QString topic)
        : m_ntfy(ntfy)
        , m_telegram(telegram)
        , m_smtp(smtp)
        , m_topic(std::move(topic))
    {}

    // The codes of `alertId` in `text`.
    static QStringList codesIn(const QString &text, qint64 alertId)
    {
        static const QRegularExpression code(
            QStringLiteral("(?<![A-Za-z0-9_-])(\\d+)-[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])"));
        QStringList found;
        for (auto it = code.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            if (match.captured(1).toLongLong() == alertId)
                found.append(match.captured(0));
        }
        return found;
    }

    // The breach messages published on the alerts topic that carry `alertId`'s code.
    QList<QJsonObject> ntfyMessages(qint64 alertId) const
    {
        QList<QJsonObject> messages;
        for (const QJsonObject &json : m_ntfy->publishedTo(m_topic)) {
            const QString actions = QString::fromUtf8(
                QJsonDocument(json.value(QLatin1String("actions")).toArray()).toJson(QJsonDocument::Compact));
            if (!codesIn(actions, alertId).isEmpty())
                messages.append(json);
        }
        return messages;
    }
    QJsonObject ntfyAckAction(qint64 alertId) const
    {
        const QList<QJsonObject> messages = ntfyMessages(alertId);
        if (messages.isEmpty())
            return {};
        for (const QJsonValue &action : messages.constFirst().value(QLatin1String("actions")).toArray()) {
            if (action.toObject().value(QLatin1String("label")).toString() == QLatin1String("Acknowledge"))
                return action.toObject();
        }
        return {};
    }
    bool urgentNtfyFor(qint64 alertId) const
    {
        for (const QJsonObject &json : ntfyMessages(alertId)) {
            if (json.value(QLatin1String("priority")).toInt() == 5)
                return true;
        }
        return false;
    }

    // Telegram messages with `alertId`'s "Acknowledge" button: its callback data ("ack:<code>").
    QStringList telegramCallbacks(qint64 alertId) const
    {
        QStringList callbacks;
        for (const FakeTelegramBotApi::Call &call : m_telegram->calls(QStringLiteral("sendMessage"))) {
            const QJsonArray rows = call.params.value(QLatin1String("reply_markup"))
                                        .toObject()
                                        .value(QLatin1String("inline_keyboard"))
                                        .toArray();
            for (const QJsonValue &row : rows) {
                for (const QJsonValue &button : row.toArray()) {
                    const QString data = button.toObject().value(QLatin1String("callback_data")).toString();
                    if (data.startsWith(QLatin1String("ack:")) && !codesIn(data, alertId).isEmpty())
                        callbacks.append(data);
                }
            }
        }
        return callbacks;
    }
    QString telegramCallback(qint64 alertId) const { return telegramCallbacks(alertId).value(0); }
    QString codeFor(qint64 alertId) const { return telegramCallback(alertId).mid(4); }

    // The one-time links to the dashboard in the mails about `alertId`.
    QList<QUrl> emailLinks(qint64 alertId) const
    {
        static const QRegularExpression link(QStringLiteral("https?://[^\\s<>\"]+/ack/[A-Za-z0-9_-]+"));
        QList<QUrl> links;
        for (const QJsonObject &mail : m_smtp->messages()) {
            const QString text = mail.value(QLatin1String("text")).toString();
            for (auto it = link.globalMatch(text); it.hasNext();) {
                const QString url = it.next().captured(0);
                if (!codesIn(url, alertId).isEmpty()) {
                    links.append(QUrl(url));
                    break; // one link a mail
                }
            }
        }
        return links;
    }
    QUrl emailLink(qint64 alertId) const { return emailLinks(alertId).value(0); }

    // How many messages about `alertId` went out, on all three channels.
    int messagesFor(qint64 alertId) const
    {
        return int(ntfyMessages(alertId).size() + telegramCallbacks(alertId).size() +
                   emailLinks(alertId).size());
    }
    // The first delivery reached every channel.
    bool allDelivered(qint64 alertId) const
    {
        return !ntfyMessages(alertId).isEmpty() && !telegramCallbacks(alertId).isEmpty() &&
               !emailLinks(alertId).isEmpty();
    }

private:
    const FakeNtfyServer *m_ntfy = nullptr;
    const FakeTelegramBotApi *m_telegram = nullptr;
    const SmtpTestServer *m_smtp = nullptr;
    QString m_topic;
};

} // namespace trailguard::test
