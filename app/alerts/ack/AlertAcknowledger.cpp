#include "alerts/ack/AlertAcknowledger.h"

#include "alerts/AlertsLogging.h"
#include "alerts/OutboxDispatcher.h"

#include <QCoreApplication>

namespace trailguard {

namespace {
class AlertAcknowledgerText {
    Q_DECLARE_TR_FUNCTIONS(AlertAcknowledger)
};
} // namespace

AlertAcknowledger::AlertAcknowledger(AlertRepository &repository, OutboxDispatcher &dispatcher,
                                     const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
    , m_dispatcher(dispatcher)
    , m_clock(clock)
{}

Result<AlertAcknowledger::Outcome> AlertAcknowledger::acknowledge(qint64 alertId, const QString &source)
{
    bool newly = false;
    Result<std::optional<AlertRecord>> stored =
        m_repository.acknowledgeOnce(alertId, m_clock.now(), source, &newly);
    if (!stored.ok())
        return stored.error();
    if (!stored.value())
        return Error{ErrorCode::InvalidArguments,
                     AlertAcknowledgerText::tr("There is no alert %1.").arg(alertId)};
    if (newly) {
        qCInfo(lcAlerts) << "Alert" << alertId << "acknowledged from" << source;
        m_dispatcher.announceAlertChanged(alertId);
        Q_EMIT acknowledged(alertId, source);
        // What heard it may have changed the alert (its pending escalation steps cancelled): answer it as
        // it is now.
        if (Result<std::optional<AlertRecord>> now = m_repository.find(alertId); now.ok() && now.value())
            stored = std::move(now);
    }
    return Outcome{newly, std::move(*stored.value())};
}

Result<AlertAcknowledger::Outcome> AlertAcknowledger::acknowledgeByCode(QStringView code,
                                                                        const QString &source)
{
    const std::optional<qint64> alertId = m_codes ? m_codes->verify(code) : std::nullopt;
    if (!alertId) {
        qCWarning(lcAlerts) << "An acknowledgement code from" << source << "was refused: not genuine";
        return Error{ErrorCode::InvalidArguments,
                     AlertAcknowledgerText::tr("This acknowledgement code is not valid.")};
    }
    return acknowledge(*alertId, source);
}

} // namespace trailguard
