#pragma once

#include <QColor>
#include <QList>

class QPalette;

namespace trailguard::ui {

// The chart's colours, taken from the widget palette so the chart follows the system's light or dark
// look (and its accent colour for the price line).
struct ChartColors {
    bool dark = false;
    QColor background;
    QColor text;
    QColor grid;
    QColor price;
    QColor peak;
    QColor stop;
    QColor alert;
    QColor crosshair;
    QColor tooltipBackground;
    QColor tooltipText;
    // Indicator lines, one colour each in turn: distinct from the price, stop and alert colours and legible
    // on the background.
    QList<QColor> indicators;
    QColor ruleMark;  // the days an alert rule fired
    QColor guide;     // the RSI's 30/70 lines, the MACD's zero line
    QColor histogram; // the MACD histogram's bars

    static ChartColors fromPalette(const QPalette &palette);
};

} // namespace trailguard::ui
