#include "FakeTelegramBotApi.h"

#include "demo/LoopbackHttpServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace {
// The Bot API counts a message's length after entity parsing: with parse_mode HTML the tags do not count and
// an entity (&amp;, &lt;, …) is one character.
qsizetype visibleLength(const QJsonObject &params)
{
    QString text = params.value(QLatin1String("text")).toString();
    if (params.value(QLatin1String("parse_mode")).toString() == QLatin1String("HTML")) {
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        static const QRegularExpression entity(QStringLiteral("&(#?[A-Za-z0-9]+);"));
        text.remove(tag);
        text.replace(entity, QStringLiteral("_"));
    }
    return text.size();
}
} // namespace

namespace trailguard::test {

FakeTelegramBotApi::FakeTelegramBotApi(QByteArray token, QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<LoopbackHttpServer>())
    , m_token(std::move(token))
{
    m_server->setHandler([this](const http::Request &request) {
        LoopbackHttpServer::Answer reply;
        // "/bot<token>/<method>"
        const QByteArray path = request.target.left(
            request.target.indexOf('?') < 0 ? request.target.size() : request.target.indexOf('?'));
        const qsizetype slash = path.lastIndexOf('/');
        Call call;
        call.method = QString::fromUtf8(path.mid(slash + 1));
        call.token = path.startsWith("/bot") && slash > 4 ? path.mid(4, slash - 4) : QByteArray();
        call.params = QJsonDocument::fromJson(request.body).object();
        m_calls.append(call);
        int status = 200;
        int delayMs = 0;
        const QJsonObject body = answer(call, status, delayMs);
        reply.response.status = status;
        reply.response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        reply.delayMs = delayMs;
        Q_EMIT called(call.method);
        return reply;
    });
}

FakeTelegramBotApi::~FakeTelegramBotApi() = default;

bool FakeTelegramBotApi::listen()
{
    if (!m_server || !m_server->listen())
        return false;
    m_port = m_server->port();
    return true;
}

QUrl FakeTelegramBotApi::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FakeTelegramBotApi::close()
{
    m_server.reset();
}

qint64 FakeTelegramBotApi::pushMessage(qint64 chatId, const QString &text, const QString &chatUsername)
{
    QJsonObject chat{{QStringLiteral("id"), chatId}, {QStringLiteral("type"), QStringLiteral("private")}};
    if (!chatUsername.isEmpty())
        chat.insert(QStringLiteral("username"), chatUsername);
    const qint64 id = m_nextUpdateId++;
    m_updates.append(
        QJsonObject{{QStringLiteral("update_id"), id},
                    {QStringLiteral("message"),
                     QJsonObject{{QStringLiteral("message_id"), m_nextMessageId++},
                                 {QStringLiteral("date"), QDateTime::currentSecsSinceEpoch()},
                                 {QStringLiteral("chat"), chat},
                                 {QStringLiteral("from"),
                                  QJsonObject{{QStringLiteral("id"), chatId},
                                              {QStringLiteral("is_bot"), false},
                                              {QStringLiteral("first_name"), QStringLiteral("Ada")}}},
                                 {QStringLiteral("text"), text}}}});
    return id;
}

qint64 FakeTelegramBotApi::pushButton(qint64 chatId, qint64 messageId, const QString &data)
{
    const qint64 id = m_nextUpdateId++;
    m_updates.append(QJsonObject{
        {QStringLiteral("update_id"), id},
        {QStringLiteral("callback_query"),
         QJsonObject{
             {QStringLiteral("id"), QStringLiteral("cq-%1").arg(id)},
             {QStringLiteral("from"), QJsonObject{{QStringLiteral("id"), chatId},
                                                  {QStringLiteral("is_bot"), false},
                                                  {QStringLiteral("first_name"), QStringLiteral("Ada")}}},
             {QStringLiteral("chat_instance"), QStringLiteral("42")},
             {QStringLiteral("data"), data},
             {QStringLiteral("message"),
              QJsonObject{
                  {QStringLiteral("message_id"), messageId},
                  {QStringLiteral("date"), QDateTime::currentSecsSinceEpoch()},
                  {QStringLiteral("chat"), QJsonObject{{QStringLiteral("id"), chatId},
                                                       {QStringLiteral("type"), QStringLiteral("private")}}},
                  {QStringLiteral("text"), QStringLiteral("Stop-loss breach")}}}}}});
    return id;
}

void FakeTelegramBotApi::failNext(const QString &method, int status, const QString &description,
                                  std::optional<int> retryAfter, int count)
{
    for (int i = 0; i < count; ++i)
        m_failures.append(Failure{method, status, description, retryAfter});
}

QList<FakeTelegramBotApi::Call> FakeTelegramBotApi::calls(const QString &method) const
{
    QList<Call> matching;
    for (const Call &call : m_calls) {
        if (method.isEmpty() || call.method == method)
            matching.append(call);
    }
    return matching;
}

QJsonObject FakeTelegramBotApi::error(int status, const QString &description, std::optional<int> retryAfter)
{
    QJsonObject json{{QStringLiteral("ok"), false},
                     {QStringLiteral("error_code"), status},
                     {QStringLiteral("description"), description}};
    if (retryAfter)
        json.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("retry_after"), *retryAfter}});
    return json;
}

QJsonObject FakeTelegramBotApi::answer(const Call &call, int &status, int &delayMs)
{
    if (call.token != m_token) {
        status = 401;
        return error(status, QStringLiteral("Unauthorized"));
    }
    for (qsizetype i = 0; i < m_failures.size(); ++i) {
        if (m_failures.at(i).method == call.method || m_failures.at(i).method == QLatin1String("*")) {
            const Failure failure = m_failures.takeAt(i);
            status = failure.status;
            return error(status, failure.description, failure.retryAfter);
        }
    }
    const auto ok = [](QJsonValue result) {
        return QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}};
    };
    const QString &method = call.method;
    if (method == QLatin1String("getMe")) {
        return ok(QJsonObject{{QStringLiteral("id"), m_token.left(m_token.indexOf(':')).toLongLong()},
                              {QStringLiteral("is_bot"), true},
                              {QStringLiteral("first_name"), QStringLiteral("Trailguard test")},
                              {QStringLiteral("username"), botUsername()}});
    }
    if (method == QLatin1String("getUpdates")) {
        const qint64 offset = call.params.value(QLatin1String("offset")).toInteger(0);
        if (offset > 0) {
            m_updates.removeIf([offset](const QJsonObject &update) {
                return update.value(QLatin1String("update_id")).toInteger() < offset;
            });
        }
        if (m_updates.isEmpty())
            delayMs = std::min<qint64>(m_holdLimitMs,
                                       call.params.value(QLatin1String("timeout")).toInteger(0) * 1000);
        QJsonArray result;
        for (const QJsonObject &update : std::as_const(m_updates))
            result.append(update);
        return ok(result);
    }
    if (method == QLatin1String("sendMessage")) {
        if (m_blocked) {
            status = 403;
            return error(status, QStringLiteral("Forbidden: bot was blocked by the user"));
        }
        if (!m_chatExists) {
            status = 400;
            return error(status, QStringLiteral("Bad Request: chat not found"));
        }
        if (call.params.value(QLatin1String("text")).toString().isEmpty()) {
            status = 400;
            return error(status, QStringLiteral("Bad Request: message text is empty"));
        }
        if (visibleLength(call.params) > 4096) {
            status = 400;
            return error(status, QStringLiteral("Bad Request: message is too long"));
        }
        return ok(
            QJsonObject{{QStringLiteral("message_id"), m_nextMessageId++},
                        {QStringLiteral("date"), QDateTime::currentSecsSinceEpoch()},
                        {QStringLiteral("chat"),
                         QJsonObject{{QStringLiteral("id"), call.params.value(QLatin1String("chat_id"))}}},
                        {QStringLiteral("text"), call.params.value(QLatin1String("text"))}});
    }
    if (method == QLatin1String("answerCallbackQuery") || method == QLatin1String("editMessageReplyMarkup"))
        return ok(true);
    status = 404;
    return error(status, QStringLiteral("Not Found"));
}

} // namespace trailguard::test
