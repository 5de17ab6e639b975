#include "alerts/telegram/TelegramCommands.h"

#include "alerts/ack/AlertAcknowledger.h"
#include "alerts/telegram/TelegramChannel.h"
#include "domain/PriceFormat.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>
#include <QLocale>

namespace trailguard {

namespace {
class TelegramCommandsText {
    Q_DECLARE_TR_FUNCTIONS(TelegramCommands)
};

QString commandEscaped(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&amp;"));
    escaped.replace(QLatin1Char('<'), QStringLiteral("&lt;"));
    escaped.replace(QLatin1Char('>'), QStringLiteral("&gt;"));
    return escaped;
}

QString whenAndWhere(const AlertRecord &alert)
{
    const QString when = alert.acknowledgedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QString where =
        alert.ackSource.isEmpty() ? TelegramCommandsText::tr("an unknown place") : alert.ackSource;
    return TelegramCommandsText::tr("at %1 from %2").arg(when, where);
}

QString alertName(const AlertRecord &alert)
{
    return alert.message.ticker.isEmpty()
               ? TelegramCommandsText::tr("alert %1").arg(alert.id)
               : TelegramCommandsText::tr("alert %1 (%2)").arg(alert.id).arg(alert.message.ticker);
}
} // namespace

TelegramCommands::TelegramCommands(AlertAcknowledger &acknowledger, WatchlistService &watchlist,
                                   StatusText status)
    : m_acknowledger(acknowledger)
    , m_watchlist(watchlist)
    , m_status(std::move(status))
{}

QString TelegramCommands::help()
{
    return TelegramCommandsText::tr("<b>Trailguard</b> answers:\n"
                                    "/status — the guardian's health and how quotes arrive\n"
                                    "/list — the watchlist with each price, stop and distance to the stop\n"
                                    "/ack ID — acknowledge alert ID (its escalation stops)\n"
                                    "/help — this list");
}

QString TelegramCommands::reply(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(QLatin1Char('/')))
        return {};
    const qsizetype space = trimmed.indexOf(QLatin1Char(' '));
    QString command = trimmed.left(space < 0 ? trimmed.size() : space).toLower();
    const QString argument = space < 0 ? QString() : trimmed.mid(space + 1).trimmed();
    // In a group, commands may name the bot: "/status@TrailguardBot".
    if (const qsizetype at = command.indexOf(QLatin1Char('@')); at > 0)
        command.truncate(at);
    if (command == QLatin1String("/status"))
        return status();
    if (command == QLatin1String("/list"))
        return list();
    if (command == QLatin1String("/ack"))
        return acknowledge(argument);
    if (command == QLatin1String("/help") || command == QLatin1String("/start"))
        return help();
    return TelegramCommandsText::tr("Unknown command %1.").arg(commandEscaped(command)) +
           QStringLiteral("\n\n") + help();
}

QString TelegramCommands::status() const
{
    const QString text = m_status ? m_status() : QString();
    return commandEscaped(text.isEmpty() ? TelegramCommandsText::tr("The guardian is running.") : text);
}

QString TelegramCommands::list() const
{
    const auto stocks = m_watchlist.stocks();
    if (!stocks.ok())
        return commandEscaped(
            TelegramCommandsText::tr("The watchlist cannot be read: %1").arg(stocks.error().message));
    if (stocks.value().isEmpty())
        return TelegramCommandsText::tr("The watchlist is empty.");
    QStringList lines;
    for (const StockState &stock : stocks.value()) {
        const QString currency = stock.currency.isEmpty() ? QString() : QLatin1Char(' ') + stock.currency;
        const QString price = stock.lastPrice ? PriceFormat::text(*stock.lastPrice) + currency
                                              : TelegramCommandsText::tr("no price yet");
        const QString stop =
            stock.stop ? PriceFormat::text(*stock.stop) + currency : TelegramCommandsText::tr("none");
        QString distance;
        if (const std::optional<double> percent = stock.distanceToStopPercent()) {
            distance = *percent < 0 ? TelegramCommandsText::tr(", %1% below the stop")
                                          .arg(QLocale::c().toString(-*percent, 'f', 1))
                                    : TelegramCommandsText::tr(", %1% above the stop")
                                          .arg(QLocale::c().toString(*percent, 'f', 1));
        }
        lines.append(QStringLiteral("<b>%1</b> ").arg(commandEscaped(stock.ticker)) +
                     commandEscaped(TelegramCommandsText::tr("%1, stop %2%3").arg(price, stop, distance)));
    }
    return lines.join(QLatin1Char('\n'));
}

QStringList TelegramCommands::replyParts(const QString &reply, qsizetype limit, int maxParts)
{
    if (reply.size() <= limit)
        return {reply};
    QList<QStringList> groups; // each group's lines joined with '\n' fit in `limit`
    qsizetype groupSize = 0;
    const QStringList lines = reply.split(QLatin1Char('\n'));
    for (const QString &whole : lines) {
        const QString line = whole.left(limit); // none of our replies has such a line; never send one
        if (groups.isEmpty() || groupSize + 1 + line.size() > limit) {
            groups.append(QStringList{});
            groupSize = -1;
        }
        groups.last().append(line);
        groupSize += 1 + line.size();
    }
    if (groups.size() > maxParts) {
        groups.resize(maxParts);
        qsizetype kept = 0;
        for (const QStringList &group : std::as_const(groups))
            kept += group.size();
        QStringList &last = groups.last();
        const auto moreLine = [&] {
            return TelegramCommandsText::tr("… and %1 more not shown: the dashboard and “trailguard watch "
                                            "list” show the whole watchlist.")
                .arg(lines.size() - kept);
        };
        while (!last.isEmpty() && last.join(QLatin1Char('\n')).size() + 1 + moreLine().size() > limit) {
            last.removeLast();
            --kept;
        }
        last.append(moreLine());
    }
    QStringList parts;
    for (const QStringList &group : std::as_const(groups))
        parts.append(group.join(QLatin1Char('\n')));
    return parts;
}

QString TelegramCommands::acknowledge(const QString &argument)
{
    bool isNumber = false;
    const qint64 id = argument.toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return TelegramCommandsText::tr("Give the alert's number: /ack 42");
    const auto outcome = m_acknowledger.acknowledge(id, AckSource::telegram());
    if (!outcome.ok())
        return commandEscaped(outcome.error().message);
    const AlertRecord &alert = outcome.value().alert;
    if (outcome.value().newlyAcknowledged)
        return commandEscaped(TelegramCommandsText::tr("Acknowledged %1.").arg(alertName(alert)));
    return commandEscaped(TelegramCommandsText::tr("%1 was already acknowledged %2.")
                              .arg(alertName(alert), whenAndWhere(alert)));
}

TelegramCommands::ButtonAnswer TelegramCommands::pressButton(const QString &callbackData)
{
    if (!callbackData.startsWith(TelegramChannel::ackCallbackPrefix()))
        return {TelegramCommandsText::tr("This button does nothing any more."), false};
    const QString code = callbackData.mid(TelegramChannel::ackCallbackPrefix().size());
    const auto outcome = m_acknowledger.acknowledgeByCode(code, AckSource::telegram());
    if (!outcome.ok())
        return {outcome.error().message, false};
    const AlertRecord &alert = outcome.value().alert;
    if (outcome.value().newlyAcknowledged)
        return {TelegramCommandsText::tr("Acknowledged %1.").arg(alertName(alert)), true};
    return {TelegramCommandsText::tr("Already acknowledged %1.").arg(whenAndWhere(alert)), true};
}

} // namespace trailguard
