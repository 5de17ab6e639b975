#include "charts/IndicatorOverlayBuilder.h"

#include "domain/MarketCalendar.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace trailguard::ui {

QString OverlayLine::name() const
{
    return component.isEmpty() ? spec.spec() : spec.spec() + QLatin1Char(' ') + component;
}

OverlayPlace IndicatorOverlayBuilder::placeOf(IndicatorSpec::Kind kind)
{
    switch (kind) {
    case IndicatorSpec::Kind::Sma:
    case IndicatorSpec::Kind::Ema:
    case IndicatorSpec::Kind::Bollinger:
        return OverlayPlace::Price;
    case IndicatorSpec::Kind::Rsi:
        return OverlayPlace::Rsi;
    case IndicatorSpec::Kind::Macd:
        return OverlayPlace::Macd;
    case IndicatorSpec::Kind::Atr:
        return OverlayPlace::Atr;
    }
    return OverlayPlace::Price;
}

double IndicatorOverlayBuilder::dayX(const QDate &day)
{
    static const QTimeZone eastern = MarketCalendar::easternZone();
    return static_cast<double>(QDateTime(day, QTime(16, 0), eastern).toMSecsSinceEpoch());
}

QList<OverlayLine> IndicatorOverlayBuilder::build(const QList<DailyBar> &bars,
                                                  const QList<IndicatorSpec> &specs)
{
    QList<double> xs;
    xs.reserve(bars.size());
    for (const DailyBar &bar : bars)
        xs.append(dayX(bar.date));

    QList<OverlayLine> lines;
    for (const IndicatorSpec &spec : specs) {
        const IndicatorValues values = Indicators::compute(spec, bars);
        const QStringList components = spec.components();
        const qsizetype count = std::max<qsizetype>(1, components.size());
        for (qsizetype c = 0; c < count; ++c) {
            OverlayLine line{
                spec, components.isEmpty() ? QString() : components.at(c), placeOf(spec.kind), {}};
            for (qsizetype row = 0; row < xs.size(); ++row) {
                if (const std::optional<double> value = values.value(row, c))
                    line.points.append(QPointF(xs.at(row), *value));
            }
            lines.append(line);
        }
    }
    return lines;
}

} // namespace trailguard::ui
