#include "broker/RefreshBackoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace trailguard {

RefreshBackoff::RefreshBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
    : m_first(first)
    , m_max(max)
    , m_nominal(first)
{}

std::chrono::milliseconds RefreshBackoff::next()
{
    const auto nominal = m_nominal;
    m_nominal = std::min(nominal * 2, m_max);
    const double factor = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return std::min(std::chrono::milliseconds(qint64(double(nominal.count()) * factor)), m_max);
}

void RefreshBackoff::reset()
{
    m_nominal = m_first;
}

QString RefreshBackoff::describe(std::chrono::milliseconds delay)
{
    const qint64 seconds = (delay.count() + 500) / 1000;
    return seconds < 60 ? tr("%n s", nullptr, int(seconds)) : tr("%n min", nullptr, int((seconds + 30) / 60));
}

} // namespace trailguard
