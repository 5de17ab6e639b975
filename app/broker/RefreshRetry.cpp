#include "broker/RefreshRetry.h"

#include <utility>

namespace trailguard {

RefreshRetry::RefreshRetry(std::chrono::milliseconds first, std::chrono::milliseconds max, QObject *parent)
    : QObject(parent)
    , m_backoff(first, max)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_request)
            return;
        const TokenExchangeRequest request = *std::exchange(m_request, std::nullopt);
        m_error.reset();
        Q_EMIT due(request);
    });
}

void RefreshRetry::schedule(TokenExchangeRequest request, Error error, std::chrono::milliseconds delay)
{
    m_request = std::move(request);
    m_error = std::move(error);
    m_timer.start(delay);
}

void RefreshRetry::cancel()
{
    m_timer.stop();
    m_request.reset();
    m_error.reset();
}

} // namespace trailguard
