#include "runners/GuardianTelegram.h"

#include "alerts/HealthWatch.h"
#include "alerts/telegram/TelegramChannel.h"
#include "monitor/Monitor.h"
#include "monitor/StreamSession.h"

#include <QCoreApplication>

namespace trailguard::Runners {

namespace {
class GuardianTelegramText {
    Q_DECLARE_TR_FUNCTIONS(GuardianTelegram)
};

QString connectionText(ConnectionState state)
{
    switch (state) {
    case ConnectionState::NotConfigured:
        return GuardianTelegramText::tr("no Questrade account connected");
    case ConnectionState::Connecting:
        return GuardianTelegramText::tr("connecting to Questrade");
    case ConnectionState::Connected:
        return GuardianTelegramText::tr("connected to Questrade");
    case ConnectionState::Offline:
        return GuardianTelegramText::tr("offline, retrying");
    case ConnectionState::Disconnected:
        return GuardianTelegramText::tr("disconnected: the Questrade token must be renewed");
    }
    return {};
}

QString quoteModeText(const StreamSession *stream)
{
    switch (stream ? stream->mode() : QuoteFeedMode::Polling) {
    case QuoteFeedMode::Streaming:
        return GuardianTelegramText::tr("streaming");
    case QuoteFeedMode::PartlyStreaming:
        return GuardianTelegramText::tr("partly streaming");
    case QuoteFeedMode::Connecting:
        return GuardianTelegramText::tr("connecting the stream");
    case QuoteFeedMode::Polling:
        break;
    }
    return GuardianTelegramText::tr("polling");
}

bool sameTelegramBot(const TelegramConfig &a, const TelegramConfig &b)
{
    return a.botToken == b.botToken && a.chatId == b.chatId && a.apiUrl == b.apiUrl;
}
} // namespace

GuardianTelegram::GuardianTelegram(AlertAcknowledger &acknowledger, WatchlistService &watchlist,
                                   QSqlDatabase db, QNetworkAccessManager *network,
                                   TelegramCommands::StatusText status, QObject *parent)
    : QObject(parent)
    , m_state(std::move(db))
    , m_commands(acknowledger, watchlist, std::move(status))
    , m_network(network)
{}

GuardianTelegram::~GuardianTelegram() = default;

QString GuardianTelegram::statusText(const HealthWatch &health, const Monitor &monitor,
                                     const StreamSession *stream)
{
    QStringList lines;
    lines.append(GuardianTelegramText::tr("Guardian: %1.").arg(connectionText(health.connectionState())));
    lines.append(GuardianTelegramText::tr("Quotes: %1.").arg(quoteModeText(stream)));
    const QDateTime last = monitor.lastCheck();
    lines.append(last.isValid() ? GuardianTelegramText::tr("Last check: %1.")
                                      .arg(last.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                                : GuardianTelegramText::tr("No check yet."));
    const auto conditions = health.activeConditions();
    if (conditions.isEmpty())
        lines.append(GuardianTelegramText::tr("Health: OK."));
    for (const HealthWatch::ActiveCondition &condition : conditions)
        lines.append(GuardianTelegramText::tr("Health alert: %1").arg(condition.subject));
    return lines.join(QLatin1Char('\n'));
}

void GuardianTelegram::follow(const QList<AlertChannel *> &channels)
{
    m_wanted.reset();
    for (AlertChannel *channel : channels) {
        if (auto *telegram = qobject_cast<TelegramChannel *>(channel))
            m_wanted = telegram->config();
    }
    apply();
}

void GuardianTelegram::start()
{
    m_started = true;
    apply();
}

void GuardianTelegram::stop()
{
    m_started = false;
    apply();
}

void GuardianTelegram::apply()
{
    if (!m_started || !m_wanted) {
        m_bot.reset();
        return;
    }
    if (m_bot && sameTelegramBot(m_bot->config(), *m_wanted))
        return;
    m_bot = std::make_unique<TelegramBot>(m_network, *m_wanted, m_state, m_commands, TelegramBot::Options{});
    m_bot->start();
}

} // namespace trailguard::Runners
