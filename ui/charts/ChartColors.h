#pragma once

#include <QColor>

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

    static ChartColors fromPalette(const QPalette &palette);
};

} // namespace trailguard::ui
