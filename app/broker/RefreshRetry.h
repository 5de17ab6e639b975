#pragma once

#include "broker/RefreshBackoff.h"
#include "broker/TokenExchangeRequest.h"
#include "common/Result.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace trailguard {

// "Could not refresh now": the exchange to try again after a backoff delay (RefreshBackoff), and the error
// callers get until then instead of hammering Questrade with new attempts.
class RefreshRetry : public QObject {
    Q_OBJECT
public:
    RefreshRetry(std::chrono::milliseconds first, std::chrono::milliseconds max, QObject *parent = nullptr);

    // The delay the next schedule() should use (doubling, with jitter).
    std::chrono::milliseconds nextDelay() { return m_backoff.next(); }
    // Tries `request` again after `delay`; until then error() is what callers get.
    void schedule(TokenExchangeRequest request, Error error, std::chrono::milliseconds delay);
    // A retry is waiting for its time.
    bool isScheduled() const { return m_timer.isActive(); }
    // The error for callers while a retry waits.
    const std::optional<Error> &error() const { return m_error; }
    // Forgets the waiting retry (an exchange starts, or the account is gone).
    void cancel();
    // An exchange succeeded: the next failure waits the first delay again.
    void resetBackoff() { m_backoff.reset(); }

Q_SIGNALS:
    // The delay passed: the request to exchange now (error() is cleared).
    void due(const trailguard::TokenExchangeRequest &request);

private:
    RefreshBackoff m_backoff;
    QTimer m_timer;
    std::optional<TokenExchangeRequest> m_request;
    std::optional<Error> m_error;
};

} // namespace trailguard
