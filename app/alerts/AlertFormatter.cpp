#include "alerts/AlertFormatter.h"

#include "domain/MarketCalendar.h"
#include "domain/PriceFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace trailguard::AlertFormatter {

namespace {
class Alerts {
    Q_DECLARE_TR_FUNCTIONS(Alerts)
};

QString price(double value)
{
    return PriceFormat::text(value);
}

QString withCurrency(double value, const QString &currency)
{
    return currency.isEmpty() ? price(value) : QStringLiteral("%1 %2").arg(price(value), currency);
}
} // namespace

QString offlineNote(const Breach &breach, const QDateTime &now)
{
    const QTimeZone zone = MarketCalendar::exchangeTimeZone(breach.ticker);
    const QDateTime local = breach.quoteTime.toTimeZone(zone);
    const QString time = local.toString(QStringLiteral("HH:mm"));
    if (local.date() == now.toTimeZone(zone).date())
        return Alerts::tr("stop breached while offline at %1").arg(time);
    return Alerts::tr("stop breached while offline on %1 at %2")
        .arg(local.date().toString(Qt::ISODate), time);
}

AlertMessage breach(const Breach &breach, const QString &currency, const QDateTime &now,
                    const QTimeZone &userZone)
{
    const double distance = breach.price > 0 ? (breach.price - breach.stop) / breach.price * 100.0 : 0.0;
    const QString quoteTime =
        QLocale().toString(breach.quoteTime.toTimeZone(userZone), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));

    AlertMessage message;
    message.kind = AlertMessage::Kind::Breach;
    message.priority = AlertMessage::Priority::High;
    message.ticker = breach.ticker;
    message.createdAt = now.toUTC();
    message.price = breach.price;
    message.stop = breach.stop;
    message.subject = Alerts::tr("Stop-loss breach: %1 %2 < stop %3 (peak %4)")
                          .arg(breach.ticker, price(breach.price), price(breach.stop), price(breach.peak));
    const QString offline = breach.whileOffline ? offlineNote(breach, now) : QString();
    if (breach.whileOffline)
        message.subject += QStringLiteral(", ") + offline;
    message.fields = {
        {Alerts::tr("Price"), withCurrency(breach.price, currency)},
        {Alerts::tr("Stop"), withCurrency(breach.stop, currency)},
        {Alerts::tr("Peak"), withCurrency(breach.peak, currency)},
        {Alerts::tr("Ratio"), QString::number(breach.ratio, 'f', 2)},
        {Alerts::tr("Distance to stop"), QStringLiteral("%1 %").arg(QString::number(distance, 'f', 2))},
        {Alerts::tr("Quote time"), quoteTime},
    };
    if (!currency.isEmpty())
        message.fields.append({Alerts::tr("Currency"), currency});

    // The exchanges Questrade serves all keep Toronto's (Eastern) time.
    QString text = breach.whileOffline
                       ? Alerts::tr("%1: %2 (Toronto time), seen in the minute prices after Trailguard was "
                                    "offline.")
                                 .arg(breach.ticker, offline) +
                             QStringLiteral("\n")
                       : QString();
    text +=
        Alerts::tr("%1 traded at %2, below its trailing stop of %3.")
            .arg(breach.ticker, withCurrency(breach.price, currency), withCurrency(breach.stop, currency)) +
        QStringLiteral("\n\n");
    QString rows;
    for (const AlertMessage::Field &field : std::as_const(message.fields)) {
        text += QStringLiteral("%1: %2\n").arg(field.name, field.value);
        rows += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                    .arg(field.name.toHtmlEscaped(), field.value.toHtmlEscaped());
    }
    text += QStringLiteral("\n") + Alerts::tr("Sent by Trailguard.");
    message.text = text;
    message.html =
        QStringLiteral("<html><body><p><b>%1</b></p><table>%2</table><p>%3</p></body></html>")
            .arg(message.subject.toHtmlEscaped(), rows, Alerts::tr("Sent by Trailguard.").toHtmlEscaped());
    message.tags = {QStringLiteral("chart_with_downwards_trend"), breach.ticker};
    return message;
}

AlertMessage rule(const RuleAlert &alert, const QDateTime &now, const QTimeZone &userZone)
{
    AlertMessage message;
    message.kind = AlertMessage::Kind::Breach;
    message.priority = AlertMessage::Priority::High;
    message.ticker = alert.ticker;
    message.rule = alert.rule;
    message.createdAt = now.toUTC();
    message.subject = alert.message;
    message.fields = {
        {Alerts::tr("Rule"), alert.rule},
        {Alerts::tr("Price"), withCurrency(alert.firing.close, alert.currency)},
        {Alerts::tr("Market day"), alert.marketDay.toString(Qt::ISODate)},
    };
    if (alert.quoteTime.isValid()) {
        message.fields.append(
            {Alerts::tr("Quote time"), QLocale().toString(alert.quoteTime.toTimeZone(userZone),
                                                          QStringLiteral("yyyy-MM-dd HH:mm:ss t"))});
    }
    QString text = alert.message + QStringLiteral("\n\n");
    QString rows;
    for (const AlertMessage::Field &field : std::as_const(message.fields)) {
        text += QStringLiteral("%1: %2\n").arg(field.name, field.value);
        rows += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                    .arg(field.name.toHtmlEscaped(), field.value.toHtmlEscaped());
    }
    text += QStringLiteral("\n") + Alerts::tr("Sent by Trailguard.");
    message.text = text;
    message.html =
        QStringLiteral("<html><body><p><b>%1</b></p><table>%2</table><p>%3</p></body></html>")
            .arg(message.subject.toHtmlEscaped(), rows, Alerts::tr("Sent by Trailguard.").toHtmlEscaped());
    message.tags = {QStringLiteral("bell"), alert.ticker};
    return message;
}

AlertMessage test(const QDateTime &now)
{
    AlertMessage message;
    message.kind = AlertMessage::Kind::Test;
    message.priority = AlertMessage::Priority::Normal;
    message.createdAt = now.toUTC();
    message.subject = Alerts::tr("Trailguard test alert");
    message.text = Alerts::tr("This is a test from Trailguard. If you can read it, this channel works.");
    message.html = QStringLiteral("<html><body><p>%1</p></body></html>").arg(message.text.toHtmlEscaped());
    message.fields = {{Alerts::tr("Sent at"), QLocale().toString(now.toLocalTime(), QLocale::LongFormat)}};
    message.tags = {QStringLiteral("white_check_mark")};
    return message;
}

} // namespace trailguard::AlertFormatter
