#pragma once

#include <QCoreApplication>
#include <QString>

#include <chrono>

namespace trailguard {

// When to try a token refresh again after "could not refresh now": the first retry after `first`, each
// later one twice as long up to `max`, every delay with ±20 % jitter so that several processes (or a
// fleet) do not come back at the same instant.
class RefreshBackoff {
    Q_DECLARE_TR_FUNCTIONS(RefreshBackoff)
public:
    RefreshBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);

    // The delay before the next retry; the one after will be twice as long (up to max).
    std::chrono::milliseconds next();
    // After a successful exchange: start again from `first`.
    void reset();

    // "30 s", "2 min": a delay for the status line.
    static QString describe(std::chrono::milliseconds delay);

private:
    std::chrono::milliseconds m_first;
    std::chrono::milliseconds m_max;
    std::chrono::milliseconds m_nominal;
};

} // namespace trailguard
