#pragma once

#include "broker/QuestradeAuth.h"

#include <QCoreApplication>

namespace trailguard::Runners {

// Call after the main event loop returned, before the session is torn down. Questrade spends the old
// refresh token as soon as it answers an exchange, so quitting (signal, logout, Quit) while one is in flight
// could lose the whole chain: the event loop runs once more (not nested) until the exchange's chain is
// stored, QuestradeAuth::kQuitGrace at most.
inline void finishTokenExchange(QuestradeAuth &auth)
{
    if (!auth.exchangeInFlight())
        return;
    auth.whenIdle(QCoreApplication::instance(), QuestradeAuth::kQuitGrace, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
}

} // namespace trailguard::Runners
