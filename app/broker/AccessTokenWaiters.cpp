#include "broker/AccessTokenWaiters.h"

#include "broker/DeliverLater.h"

#include <utility>

namespace trailguard {

AccessTokenWaiters::AccessTokenWaiters(QObject *deliverer)
    : m_deliverer(deliverer)
{}

void AccessTokenWaiters::add(QPointer<QObject> context, GrantCallback done)
{
    m_waiters.append(Waiter{std::move(context), std::move(done)});
}

QList<AccessTokenWaiters::Waiter> AccessTokenWaiters::takeAll()
{
    return std::exchange(m_waiters, {});
}

void AccessTokenWaiters::failAll(const Error &error)
{
    const QList<Waiter> waiters = takeAll();
    for (const Waiter &waiter : waiters)
        deliver(waiter.context, waiter.done, error);
}

void AccessTokenWaiters::deliver(QPointer<QObject> context, GrantCallback done,
                                 Result<AccessGrant> result) const
{
    deliverLater<AccessGrant>(m_deliverer, std::move(context), std::move(done), std::move(result));
}

} // namespace trailguard
