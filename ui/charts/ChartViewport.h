#pragma once

namespace trailguard::ui {

// The time range a chart shows (x in milliseconds since the epoch), kept inside its data: zoom around a
// point, pan, select a part, and back to the "home" range a range button chose. Pure arithmetic, no
// widgets, so the rules are tested on their own.
class ChartViewport {
public:
    static constexpr double kMinSpanMs = 5 * 60'000.0;       // deepest zoom
    static constexpr double kLonePointPadMs = 30 * 60'000.0; // a single price is shown an hour wide

    // The data's first and last x. Keeps the visible range as it is until the next show().
    void setData(double first, double last);
    double first() const { return m_first; }
    double last() const { return m_last; }

    // Shows [from, to] clamped to the data: at most all of it, at least kMinSpanMs (or all of it when
    // shorter); a range beyond an end slides back inside. A single instant gets kLonePointPadMs around it.
    void show(double from, double to);
    // Shows [from, last] and makes it the home range: not zoomed.
    void goHome(double from);
    // Zooms by `factor` (< 1: in) around the point at `anchor` (0 = left edge, 1 = right edge).
    void zoom(double anchor, double factor);
    // Moves by `fraction` of the visible width (positive: later).
    void pan(double fraction);
    // Shows the part between two fractions of the visible width (a rubber-band selection).
    void select(double fromFraction, double toFraction);

    double from() const { return m_from; }
    double to() const { return m_to; }
    double span() const { return m_to - m_from; }
    // The x at `fraction` of the visible width.
    double xAt(double fraction) const { return m_from + fraction * span(); }
    // Whether the visible range differs from the home range.
    bool isZoomed() const;

private:
    double m_first = 0;
    double m_last = 0;
    double m_from = 0;
    double m_to = 0;
    double m_homeFrom = 0;
    double m_homeTo = 0;
};

} // namespace trailguard::ui
