#include "alerts/AlertOutbox.h"

#include "alerts/AlertFormatter.h"

namespace trailguard {

AlertOutbox::AlertOutbox(AlertRepository &repository, OutboxDispatcher &dispatcher, const Clock &clock)
    : m_repository(repository)
    , m_dispatcher(dispatcher)
    , m_clock(clock)
{}

Status AlertOutbox::recordBreach(const Breach &breach, const QString &currency)
{
    return record(AlertFormatter::breach(breach, currency, m_clock.now()));
}

Status AlertOutbox::record(const AlertMessage &message, const QString &excludedChannel)
{
    QStringList channels = m_dispatcher.channelIds();
    channels.removeAll(excludedChannel);
    const auto stored = m_repository.enqueue(message, channels, m_clock.now());
    if (!stored.ok())
        return stored.error();
    m_dispatcher.wake(); // queued: it runs after the caller's transaction is committed
    return success();
}

} // namespace trailguard
