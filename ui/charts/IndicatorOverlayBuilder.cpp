#include "charts/IndicatorOverlayBuilder.h"

#include "domain/MarketCalendar.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

namespace trailguard::ui {

QString OverlayLine::name() const
{
    return component.isEmpty() ? spec.spec() : spec.spec() + QLatin1Char(' ') + component;
}

// The strings keep the translation context of the panel they are shown in.
QString OverlayLine::label() const
{
    const auto text = [](const char *source) {
        return QCoreApplication::translate("trailguard::ui::PriceChartPanel", source);
    };
    switch (spec.kind) {
    case IndicatorSpec::Kind::Sma:
        return text("SMA %1").arg(spec.period);
    case IndicatorSpec::Kind::Ema:
        return text("EMA %1").arg(spec.period);
    case IndicatorSpec::Kind::Bollinger:
        return text("Bollinger %1, %2").arg(spec.period).arg(spec.width);
    case IndicatorSpec::Kind::Rsi:
        return text("RSI %1").arg(spec.period);
    case IndicatorSpec::Kind::Atr:
        return text("ATR %1").arg(spec.period);
    case IndicatorSpec::Kind::Macd:
        if (component == QLatin1String("signal"))
            return text("Signal");
        if (component == QLatin1String("histogram"))
            return text("Histogram");
        return text("MACD %1, %2, %3").arg(spec.fast).arg(spec.slow).arg(spec.signal);
    }
    return name();
}

QStringList OverlayLine::namesOf(const QList<OverlayLine> &lines, std::optional<OverlayPlace> place)
{
    QStringList names;
    for (const OverlayLine &line : lines) {
        if (!place || line.place == *place)
            names.append(line.name());
    }
    return names;
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
