#include "alerts/DailyDigest.h"

#include "alerts/AlertFormatter.h"
#include "alerts/AlertsLogging.h"
#include "domain/PriceFormat.h"
#include "watchlist/WatchlistService.h"

#include <QCoreApplication>

#include <algorithm>

namespace trailguard {

namespace {
class Digest {
    Q_DECLARE_TR_FUNCTIONS(Digest)
};
} // namespace

DailyDigest::DailyDigest(WatchlistService &watchlist, AlertOutbox &outbox, const Clock &clock,
                         QObject *parent)
    : QObject(parent)
    , m_watchlist(watchlist)
    , m_outbox(outbox)
    , m_clock(clock)
    , m_timer(clock.createTimer())
{
    m_timer->setSingleShot(true);
    connect(m_timer.get(), &ClockTimer::timeout, this, [this] {
        if (const Status sent = sendNow(); !sent.ok())
            qCWarning(lcAlerts) << "Daily digest failed:" << sent.error().message;
        schedule();
    });
}

void DailyDigest::setOptions(const Options &options)
{
    m_options = options;
    schedule();
}

void DailyDigest::schedule()
{
    m_timer->stop();
    m_nextRun = QDateTime();
    if (!m_options.enabled || !m_options.at.isValid())
        return;
    const QDateTime now = m_clock.now().toLocalTime();
    QDateTime next(now.date(), m_options.at);
    if (next <= now)
        next = QDateTime(now.date().addDays(1), m_options.at);
    m_nextRun = next.toUTC();
    m_timer->start(std::chrono::milliseconds(std::max<qint64>(now.msecsTo(next), 1000)));
}

AlertMessage DailyDigest::compose(const QList<StockState> &stocks, double withinPercent, const QDateTime &now)
{
    QList<StockState> listed;
    for (const StockState &stock : stocks) {
        const auto distance = stock.distanceToStopPercent();
        if (distance && *distance <= withinPercent)
            listed.append(stock);
    }
    std::sort(listed.begin(), listed.end(), [](const StockState &a, const StockState &b) {
        return *a.distanceToStopPercent() < *b.distanceToStopPercent();
    });
    AlertMessage message;
    message.kind = AlertMessage::Kind::Digest;
    message.priority = AlertMessage::Priority::Low;
    message.createdAt = now.toUTC();
    if (listed.isEmpty())
        return message;
    int below = 0;
    QString text;
    QString rows;
    for (const StockState &stock : std::as_const(listed)) {
        const double distance = *stock.distanceToStopPercent();
        below += distance < 0 ? 1 : 0;
        const QString line = Digest::tr("%1: %2 %3, stop %4 (%5 %)")
                                 .arg(stock.ticker, PriceFormat::text(*stock.lastPrice), stock.currency,
                                      PriceFormat::text(*stock.stop), QString::number(distance, 'f', 1));
        text += line + QLatin1Char('\n');
        rows += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        message.fields.append({stock.ticker, line.section(QStringLiteral(": "), 1)});
    }
    message.subject = Digest::tr("Trailguard daily digest: %1 below the stop, %2 within %3 %")
                          .arg(below)
                          .arg(listed.size() - below)
                          .arg(QString::number(withinPercent, 'g', 3));
    message.text = text;
    message.html = QStringLiteral("<html><body><p><b>%1</b></p><ul>%2</ul></body></html>")
                       .arg(message.subject.toHtmlEscaped(), rows);
    message.tags = {QStringLiteral("bar_chart")};
    return message;
}

Status DailyDigest::sendNow()
{
    const auto stocks = m_watchlist.stocks();
    if (!stocks.ok())
        return stocks.error();
    const AlertMessage message = compose(stocks.value(), m_options.withinPercent, m_clock.now());
    if (message.subject.isEmpty())
        return success(); // nothing near a stop today
    return m_outbox.record(message, {}, {QStringLiteral("email"), QStringLiteral("ntfy")});
}

} // namespace trailguard
