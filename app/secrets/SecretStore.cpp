#include "secrets/SecretStore.h"

#include <QMetaObject>

namespace trailguard {

void SecretStore::deliverLater(const CallbackContext &context, std::function<void()> call)
{
    QMetaObject::invokeMethod(
        this,
        [guard = context, call = std::move(call)] {
            if (guard.alive())
                call();
        },
        Qt::QueuedConnection);
}

} // namespace trailguard
