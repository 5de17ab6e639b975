#pragma once

#include <QMetaObject>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

namespace trailguard {

// Calls `then` once, on `context`'s thread: at `source`'s next `settled` signal, or after `bound` at the
// latest (then `late` runs first, to say so). Nothing runs once `context` is gone.
template <typename Source>
void callWhenSettled(Source *source, void (Source::*settled)(), QObject *context,
                     std::chrono::milliseconds bound, std::function<void()> then,
                     std::function<void()> late = {})
{
    auto pending = std::make_shared<std::function<void()>>(std::move(then));
    const auto fire = [pending] {
        if (*pending)
            std::exchange(*pending, nullptr)();
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        source, settled, context,
        [fire, connection] {
            QObject::disconnect(*connection);
            fire();
        },
        Qt::QueuedConnection);
    QTimer::singleShot(bound, context, [fire, connection, pending, late = std::move(late)] {
        QObject::disconnect(*connection);
        if (*pending && late)
            late();
        fire();
    });
}

} // namespace trailguard
