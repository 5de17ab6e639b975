#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace trailguard {

// The callers waiting for an access token while the chain loads or an exchange runs. Every answer is
// delivered later, from the event loop, and never to a caller whose context is gone.
class AccessTokenWaiters {
public:
    using GrantCallback = std::function<void(Result<AccessGrant>)>;
    struct Waiter {
        QPointer<QObject> context;
        GrantCallback done;
    };

    explicit AccessTokenWaiters(QObject *deliverer);

    void add(QPointer<QObject> context, GrantCallback done);
    bool isEmpty() const { return m_waiters.isEmpty(); }
    // Empties the queue: the caller serves each one (a waiter may be queued again meanwhile).
    QList<Waiter> takeAll();
    // Answers everyone waiting with `error`.
    void failAll(const Error &error);
    // Answers one caller later, from the event loop.
    void deliver(QPointer<QObject> context, GrantCallback done, Result<AccessGrant> result) const;

private:
    QObject *m_deliverer; // the queued calls run in its thread and die with it
    QList<Waiter> m_waiters;
};

} // namespace trailguard
