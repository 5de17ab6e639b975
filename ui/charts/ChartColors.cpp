#include "charts/ChartColors.h"

#include <QPalette>

#include <cstdlib>

namespace trailguard::ui {

namespace {
QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// The accent colour, unless it is too close to the background to draw a thin line with.
QColor priceColor(const QPalette &palette, bool dark)
{
    const QColor accent = palette.color(QPalette::Active, QPalette::Highlight);
    const int contrast = std::abs(accent.lightness() - palette.color(QPalette::Base).lightness());
    if (accent.isValid() && contrast >= 60 && accent.hsvSaturation() > 40)
        return accent;
    return dark ? QColor(0x6c, 0xb4, 0xff) : QColor(0x1a, 0x5f, 0xb4);
}
} // namespace

ChartColors ChartColors::fromPalette(const QPalette &palette)
{
    ChartColors colors;
    colors.background = palette.color(QPalette::Base);
    colors.text = palette.color(QPalette::Text);
    colors.dark = colors.background.lightness() < 128;
    colors.grid = withAlpha(colors.text, colors.dark ? 45 : 35);
    colors.price = priceColor(palette, colors.dark);
    colors.peak = withAlpha(colors.text, 150);
    colors.stop = colors.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    colors.alert = colors.dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xe6, 0x51, 0x00);
    colors.crosshair = withAlpha(colors.text, 120);
    colors.tooltipBackground = withAlpha(palette.color(QPalette::ToolTipBase), 235);
    colors.tooltipText = palette.color(QPalette::ToolTipText);
    colors.indicators =
        colors.dark
            ? QList<QColor>{QColor(0xff, 0xd5, 0x4f), QColor(0xb3, 0x9d, 0xdb), QColor(0x4d, 0xd0, 0xe1),
                            QColor(0xf4, 0x8f, 0xb1), QColor(0xae, 0xd5, 0x81)}
            : QList<QColor>{QColor(0xb2, 0x6a, 0x00), QColor(0x6a, 0x1b, 0x9a), QColor(0x00, 0x83, 0x8f),
                            QColor(0xad, 0x14, 0x57), QColor(0x38, 0x8e, 0x3c)};
    colors.ruleMark = colors.dark ? QColor(0x80, 0xcb, 0xc4) : QColor(0x00, 0x69, 0x5c);
    colors.guide = withAlpha(colors.text, colors.dark ? 110 : 90);
    colors.histogram = withAlpha(colors.text, colors.dark ? 90 : 70);
    return colors;
}

} // namespace trailguard::ui
