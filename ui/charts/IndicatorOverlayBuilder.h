#pragma once

#include "domain/DailyBar.h"
#include "domain/Indicator.h"

#include <QDate>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace trailguard::ui {

// Where an indicator is drawn: on the price (sma, ema, bb) or in its own chart of the pane below it.
enum class OverlayPlace { Price, Rsi, Macd, Atr };

// One line of an indicator (one component: "upper", "signal"… or the single value), as plot points:
// x = the market day's close in milliseconds since the epoch, y = the value. Days on which the indicator
// is undefined have no point, so the line starts where the indicator does (never a zero).
struct OverlayLine {
    IndicatorSpec spec;
    QString component; // empty for a single value
    OverlayPlace place = OverlayPlace::Price;
    QList<QPointF> points;

    // "sma:50", "bb:20,2 upper", "macd:12,26,9 signal".
    QString name() const;
    // What the legend says: "SMA 50", "Bollinger 20, 2", "MACD 12, 26, 9", "Signal", "RSI 14".
    QString label() const;

    // The names of `lines` placed `place` (or anywhere, without it), in order: whether a chart must make
    // new series or only give its series new points.
    static QStringList namesOf(const QList<OverlayLine> &lines,
                               std::optional<OverlayPlace> place = std::nullopt);
};

// Turns daily bars and chosen indicators into plot lines, with Indicators::compute (the one
// implementation the alert rules, replay and the CLI use). Pure: no widgets.
namespace IndicatorOverlayBuilder {

// Where `kind` is drawn.
OverlayPlace placeOf(IndicatorSpec::Kind kind);
// The x of a market day: its close, 16:00 New York time, where the price line puts a daily close.
double dayX(const QDate &day);
// One line per component of each spec, in the order given.
QList<OverlayLine> build(const QList<DailyBar> &bars, const QList<IndicatorSpec> &specs);

} // namespace IndicatorOverlayBuilder

} // namespace trailguard::ui
