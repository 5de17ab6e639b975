#include "charts/ChartViewport.h"

#include <algorithm>

namespace trailguard::ui {

void ChartViewport::setData(double first, double last)
{
    m_first = first;
    m_last = last;
}

void ChartViewport::show(double from, double to)
{
    const double full = m_last - m_first;
    if (full <= 0) {
        from = m_first - kLonePointPadMs;
        to = m_last + kLonePointPadMs;
    } else {
        const double span = std::clamp(to - from, std::min(kMinSpanMs, full), full);
        const double center = std::clamp((from + to) / 2, m_first + span / 2, m_last - span / 2);
        from = center - span / 2;
        to = center + span / 2;
        // Whole ranges end exactly at the data's ends rather than a rounding away.
        if (span == full) {
            from = m_first;
            to = m_last;
        } else if (to > m_last - 1) {
            from = m_last - span;
            to = m_last;
        } else if (from < m_first + 1) {
            from = m_first;
            to = m_first + span;
        }
    }
    m_from = from;
    m_to = to;
}

void ChartViewport::goHome(double from)
{
    show(from, m_last);
    m_homeFrom = m_from;
    m_homeTo = m_to;
}

void ChartViewport::zoom(double anchor, double factor)
{
    if (!(factor > 0))
        return;
    const double at = xAt(std::clamp(anchor, 0.0, 1.0));
    show(at - (at - m_from) * factor, at + (m_to - at) * factor);
}

void ChartViewport::pan(double fraction)
{
    const double shift = fraction * span();
    show(m_from + shift, m_to + shift);
}

void ChartViewport::select(double fromFraction, double toFraction)
{
    show(xAt(fromFraction), xAt(toFraction));
}

bool ChartViewport::isZoomed() const
{
    return m_from != m_homeFrom || m_to != m_homeTo;
}

} // namespace trailguard::ui
