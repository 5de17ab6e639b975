#include "alerts/telegram/TelegramBot.h"

#include "alerts/telegram/TelegramCommands.h"
#include "alerts/telegram/TelegramLogging.h"
#include "storage/GuardianStateRepository.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace trailguard {

TelegramBot::TelegramBot(QNetworkAccessManager *network, TelegramConfig config,
                         GuardianStateRepository &state, TelegramCommands &commands, Options options,
                         QObject *parent)
    : QObject(parent)
    , m_api(network, std::move(config))
    , m_state(state)
    , m_commands(commands)
    , m_options(options)
{
    m_next.setSingleShot(true);
    connect(&m_next, &QTimer::timeout, this, &TelegramBot::poll);
}

TelegramBot::~TelegramBot() = default;

QString TelegramBot::offsetKey(const TelegramConfig &config)
{
    return QStringLiteral("telegram/update-offset/") + config.botId();
}

void TelegramBot::start()
{
    if (m_running)
        return;
    if (Status valid = config().validate(); !valid) {
        qCWarning(lcTelegram, "The Telegram bot does not start: %s", qUtf8Printable(valid.error().message));
        return;
    }
    const auto saved = m_state.value(offsetKey(config()));
    if (!saved.ok())
        qCWarning(lcTelegram, "The Telegram update offset cannot be read: %s",
                  qUtf8Printable(saved.error().message));
    else if (saved.value())
        m_offset = saved.value()->toLongLong();
    m_running = true;
    m_backoff = std::chrono::milliseconds{0};
    qCInfo(lcTelegram, "Telegram bot: polling %s",
           qUtf8Printable(config().redactedTarget(QStringLiteral("getUpdates"))));
    poll();
}

void TelegramBot::stop()
{
    m_running = false;
    m_next.stop();
    m_replies.clear();
    m_replying = false;
    m_api.abortAll();
}

void TelegramBot::poll()
{
    if (!m_running)
        return;
    QJsonObject params{{QStringLiteral("timeout"), static_cast<qint64>(m_options.pollTimeout.count())},
                       {QStringLiteral("allowed_updates"),
                        QJsonArray{QStringLiteral("message"), QStringLiteral("callback_query")}}};
    if (m_offset > 0)
        params.insert(QStringLiteral("offset"), m_offset);
    const auto timeout =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_options.pollTimeout) + m_options.requestSlack;
    m_api.call(QStringLiteral("getUpdates"), params, timeout, this,
               [this](const TelegramApi::Answer &answer) { polled(answer); });
}

void TelegramBot::polled(const TelegramApi::Answer &answer)
{
    if (!m_running)
        return;
    if (!answer.ok || !answer.result.isArray())
        return failed(answer);
    if (!m_lastProblem.isEmpty())
        qCInfo(lcTelegram, "Telegram bot: polling works again");
    m_lastProblem.clear();
    m_backoff = std::chrono::milliseconds{0};
    const QJsonArray updates = answer.result.toArray();
    for (const QJsonValue &update : updates) {
        take(update.toObject());
        if (!m_running)
            return;
    }
    poll();
}

void TelegramBot::failed(const TelegramApi::Answer &answer)
{
    m_backoff =
        m_backoff.count() == 0 ? m_options.firstBackoff : std::min(m_backoff * 2, m_options.maxBackoff);
    std::chrono::milliseconds wait = m_backoff;
    if (answer.retryAfter)
        wait = std::max<std::chrono::milliseconds>(wait, *answer.retryAfter);
    const QString problem = answer.status == 409
                                ? tr("Another program is reading this bot's updates (HTTP 409: %1): only one "
                                     "guardian may use a bot.")
                                      .arg(answer.description)
                                : answer.problem();
    const bool logIt =
        answer.status == 409 ? !std::exchange(m_conflictLogged, true) : problem != m_lastProblem;
    if (logIt)
        qCWarning(lcTelegram, "Telegram bot: %s (next try in %lld s)", qUtf8Printable(problem),
                  static_cast<long long>(std::chrono::ceil<std::chrono::seconds>(wait).count()));
    m_lastProblem = problem;
    Q_EMIT pollFailed(problem, wait);
    m_next.start(wait);
}

void TelegramBot::take(const QJsonObject &update)
{
    const qint64 updateId = update.value(QLatin1String("update_id")).toInteger(-1);
    if (updateId < 0)
        return;
    if (updateId < m_offset)
        return; // handled before (a server that ignored the offset)
    // Saved before acting: an update is never acted on twice, even if the process dies right after.
    m_offset = updateId + 1;
    if (Status saved = m_state.setValue(offsetKey(config()), QString::number(m_offset)); !saved)
        qCWarning(lcTelegram, "The Telegram update offset cannot be saved: %s",
                  qUtf8Printable(saved.error().message));
    if (update.contains(QLatin1String("message")))
        answerMessage(update.value(QLatin1String("message")).toObject());
    else if (update.contains(QLatin1String("callback_query")))
        answerButton(update.value(QLatin1String("callback_query")).toObject());
    Q_EMIT updateHandled(updateId);
}

void TelegramBot::answerMessage(const QJsonObject &message)
{
    const QJsonObject chat = message.value(QLatin1String("chat")).toObject();
    const qint64 chatId = chat.value(QLatin1String("id")).toInteger();
    if (!config().isConfiguredChat(chatId, chat.value(QLatin1String("username")).toString())) {
        qCInfo(lcTelegram, "Telegram bot: ignored a message from chat %lld (not the configured chat)",
               static_cast<long long>(chatId));
        return;
    }
    const QString reply = m_commands.reply(message.value(QLatin1String("text")).toString());
    if (reply.isEmpty())
        return;
    queueReply(chatId, reply);
}

void TelegramBot::queueReply(qint64 chatId, const QString &reply)
{
    for (const QString &part : TelegramCommands::replyParts(reply))
        m_replies.append({{QStringLiteral("chat_id"), chatId},
                          {QStringLiteral("text"), part},
                          {QStringLiteral("parse_mode"), QStringLiteral("HTML")}});
    if (!m_replying)
        sendNextReply();
}

void TelegramBot::sendNextReply()
{
    m_replying = !m_replies.isEmpty() && m_running;
    if (!m_replying)
        return;
    m_api.call(QStringLiteral("sendMessage"), m_replies.first(), m_options.replyTimeout, this,
               [this](const TelegramApi::Answer &answer) {
                   if (!answer.ok && answer.retryAfter && !std::exchange(m_replyRetried, true)) {
                       // Too many messages at once (a long /list): wait as told, then send it again.
                       QTimer::singleShot(*answer.retryAfter, this, &TelegramBot::sendNextReply);
                       return;
                   }
                   if (!answer.ok)
                       qCWarning(lcTelegram, "Telegram bot: a reply was not sent: %s",
                                 qUtf8Printable(answer.problem()));
                   m_replyRetried = false;
                   if (!m_replies.isEmpty())
                       m_replies.removeFirst();
                   sendNextReply();
               });
}

void TelegramBot::answerButton(const QJsonObject &query)
{
    const QJsonObject message = query.value(QLatin1String("message")).toObject();
    const QJsonObject chat = message.value(QLatin1String("chat")).toObject();
    const qint64 chatId = chat.value(QLatin1String("id")).toInteger();
    if (!config().isConfiguredChat(chatId, chat.value(QLatin1String("username")).toString())) {
        qCInfo(lcTelegram, "Telegram bot: ignored a button from chat %lld (not the configured chat)",
               static_cast<long long>(chatId));
        return;
    }
    const TelegramCommands::ButtonAnswer answer =
        m_commands.pressButton(query.value(QLatin1String("data")).toString());
    callQuietly(QStringLiteral("answerCallbackQuery"),
                {{QStringLiteral("callback_query_id"), query.value(QLatin1String("id")).toString()},
                 {QStringLiteral("text"), answer.text.left(200)}});
    if (answer.removeKeyboard && message.contains(QLatin1String("message_id"))) {
        // An empty keyboard: the button has done its job.
        callQuietly(QStringLiteral("editMessageReplyMarkup"),
                    {{QStringLiteral("chat_id"), chatId},
                     {QStringLiteral("message_id"), message.value(QLatin1String("message_id"))},
                     {QStringLiteral("reply_markup"),
                      QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray{}}}}});
    }
}

void TelegramBot::callQuietly(const QString &method, const QJsonObject &params)
{
    m_api.call(method, params, m_options.replyTimeout, this, [method](const TelegramApi::Answer &answer) {
        if (!answer.ok)
            qCWarning(lcTelegram, "Telegram bot: %s failed: %s", qUtf8Printable(method),
                      qUtf8Printable(answer.problem()));
    });
}

} // namespace trailguard
