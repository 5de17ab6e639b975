#pragma once

#include "common/Result.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>

namespace trailguard {

// Runs `done(result)` from the event loop (queued on `receiver`), unless `context` is gone by then: the
// broker's callbacks never run inside the call that asked for them.
template <typename T>
void deliverLater(QObject *receiver, QPointer<QObject> context, std::function<void(Result<T>)> done,
                  Result<T> result)
{
    QMetaObject::invokeMethod(
        receiver,
        [context, done = std::move(done), result = std::move(result)] {
            if (context)
                done(result);
        },
        Qt::QueuedConnection);
}

} // namespace trailguard
