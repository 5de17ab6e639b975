#include "alerts/HealthWatch.h"

#include "alerts/AlertsLogging.h"
#include "domain/MarketCalendar.h"

#include <QCoreApplication>

#include <algorithm>

namespace trailguard {

namespace {
class Health {
    Q_DECLARE_TR_FUNCTIONS(Health)
};

const QString kTokenCondition = QStringLiteral("questrade-token");
const QString kQuotesCondition = QStringLiteral("no-quotes");

QString channelCondition(const QString &channel)
{
    return QStringLiteral("channel:") + channel;
}

QString stateCondition(const QString &ticker)
{
    return QStringLiteral("state:") + ticker;
}
} // namespace

HealthWatch::HealthWatch(AlertOutbox &outbox, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_outbox(outbox)
    , m_clock(clock)
{
    connect(&outbox.dispatcher(), &OutboxDispatcher::deliveryFinished, this,
            [this](const Delivery &delivery, const DeliveryResult &result) {
                deliveryResult(delivery.channel, result);
            });
}

bool HealthWatch::isMarketOpen(const QDateTime &instant)
{
    const QDateTime local = instant.toTimeZone(MarketCalendar::exchangeTimeZone(QString()));
    if (local.date().dayOfWeek() > 5)
        return false;
    return local.time() >= QTime(9, 30) && local.time() < QTime(16, 0);
}

QList<HealthWatch::ActiveCondition> HealthWatch::activeConditions() const
{
    QList<ActiveCondition> conditions;
    for (auto it = m_active.constBegin(); it != m_active.constEnd(); ++it)
        conditions.append({it.key(), m_subjects.value(it.key()), it.value()});
    std::sort(conditions.begin(), conditions.end(), [](const ActiveCondition &a, const ActiveCondition &b) {
        return a.since != b.since ? a.since < b.since : a.condition < b.condition;
    });
    return conditions;
}

void HealthWatch::connectionStateChanged(ConnectionState state, const QString &message)
{
    if (state != m_connection) {
        m_connection = state;
        Q_EMIT stateChanged();
    }
    if (state == ConnectionState::Disconnected) {
        raise(
            kTokenCondition, Health::tr("Trailguard cannot reach your Questrade account"),
            Health::tr("Questrade refused the saved token, or it could not be renewed: prices are not being "
                       "checked. Open Trailguard and reconnect with a new refresh token. (%1)")
                .arg(message));
    } else if (state == ConnectionState::Connected) {
        clear(kTokenCondition, Health::tr("Trailguard is connected to Questrade again"));
    }
}

void HealthWatch::notSavedStates(const CycleReport &report)
{
    for (auto it = report.notSaved.cbegin(); it != report.notSaved.cend(); ++it) {
        raise(
            stateCondition(it.key()), Health::tr("Trailguard cannot save %1").arg(it.key()),
            Health::tr("The new price and stop of %1 could not be saved, so its stop is not kept up to date "
                       "and it raises no alert. The other tickers are still watched. Reason: %2")
                .arg(it.key(), it.value()));
    }
    for (const QString &ticker : report.applied)
        clear(stateCondition(ticker), Health::tr("Trailguard saves %1 again").arg(ticker));
}

void HealthWatch::cycleFinished(const CycleReport &report, std::chrono::seconds interval)
{
    notSavedStates(report);
    const QDateTime now = m_clock.now();
    if (report.ok && report.quoted > 0) {
        m_lastGoodQuote = now;
        clear(kQuotesCondition, Health::tr("Trailguard receives prices again"));
        return;
    }
    const bool open = m_marketOpen ? m_marketOpen() : isMarketOpen(now);
    if (report.watched == 0 || !open)
        return;
    if (!m_lastGoodQuote.isValid())
        m_lastGoodQuote = report.startedAt; // count from the first failed check of this run
    if (m_lastGoodQuote.secsTo(now) > 2 * interval.count()) {
        raise(kQuotesCondition, Health::tr("Trailguard has had no prices for a while"),
              Health::tr("No quote has arrived since %1 although the market is open, so stops are not being "
                         "checked. Last error: %2")
                  .arg(m_lastGoodQuote.toLocalTime().toString(QStringLiteral("HH:mm")), report.error));
    }
}

void HealthWatch::quotesReceived()
{
    m_lastGoodQuote = m_clock.now();
    clear(kQuotesCondition, Health::tr("Trailguard receives prices again"));
}

void HealthWatch::deliveryFinished(const QString &channel, bool delivered, const QString &reason)
{
    deliveryResult(channel, delivered ? DeliveryResult::delivered() : DeliveryResult::retryLater(reason));
}

void HealthWatch::deliveryResult(const QString &channel, const DeliveryResult &result)
{
    const QString condition = channelCondition(channel);
    const QString &reason = result.reason;
    if (result.outcome == DeliveryResult::Outcome::Delivered) {
        m_failingSince.remove(channel);
        clear(condition, Health::tr("Alerts reach %1 again").arg(channel), channel);
        return;
    }
    const QDateTime now = m_clock.now();
    if (result.outcome == DeliveryResult::Outcome::Failed) {
        // Retrying cannot help (a deleted webhook, a wrong password): waiting an hour would only hide it.
        m_failingSince.insert(channel, m_failingSince.value(channel, now));
        raise(
            condition, Health::tr("Alerts are not reaching %1").arg(channel),
            Health::tr("%1 refused an alert and will keep refusing: fix the %1 settings in Trailguard. Until "
                       "then alerts reach you only through the other channels. The error: %2")
                .arg(channel, reason),
            channel);
        return;
    }
    const QDateTime since = m_failingSince.value(channel, now);
    m_failingSince.insert(channel, since);
    if (since.secsTo(now) >= std::chrono::seconds(kChannelFailureLimit).count()) {
        raise(
            condition, Health::tr("Alerts are not reaching %1").arg(channel),
            Health::tr("Trailguard has not been able to deliver alerts through %1 since %2. It keeps trying. "
                       "Last error: %3")
                .arg(channel, since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), reason),
            channel);
    }
}

void HealthWatch::raise(const QString &condition, const QString &subject, const QString &text,
                        const QString &excludedChannel)
{
    if (m_active.contains(condition))
        return;
    m_active.insert(condition, m_clock.now());
    m_subjects.insert(condition, subject);
    AlertMessage message;
    message.kind = AlertMessage::Kind::Health;
    message.priority = AlertMessage::Priority::Normal;
    message.subject = subject;
    message.text = text;
    message.html = QStringLiteral("<html><body><p><b>%1</b></p><p>%2</p></body></html>")
                       .arg(subject.toHtmlEscaped(), text.toHtmlEscaped());
    message.tags = {QStringLiteral("warning")};
    message.createdAt = m_clock.now();
    if (const Status recorded = m_outbox.record(message, excludedChannel); !recorded.ok())
        qCWarning(lcAlerts) << "Could not record a health alert:" << recorded.error().message;
    qCWarning(lcAlerts).noquote() << "Health:" << subject;
    Q_EMIT stateChanged();
}

void HealthWatch::clear(const QString &condition, const QString &subject, const QString &excludedChannel)
{
    if (!m_active.remove(condition))
        return;
    m_subjects.remove(condition);
    AlertMessage message;
    message.kind = AlertMessage::Kind::Health;
    message.priority = AlertMessage::Priority::Low;
    message.subject = subject;
    message.text = subject;
    message.html = QStringLiteral("<html><body><p>%1</p></body></html>").arg(subject.toHtmlEscaped());
    message.tags = {QStringLiteral("white_check_mark")};
    message.createdAt = m_clock.now();
    if (const Status recorded = m_outbox.record(message, excludedChannel); !recorded.ok())
        qCWarning(lcAlerts) << "Could not record a health alert:" << recorded.error().message;
    qCInfo(lcAlerts).noquote() << "Health:" << subject;
    Q_EMIT stateChanged();
}

} // namespace trailguard
