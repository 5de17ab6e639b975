#include "domain/Indicator.h"

#include <QCoreApplication>

#include <cmath>

namespace trailguard {

namespace {
// Gives the messages below one translation context, "Indicator".
class IndicatorText {
    Q_DECLARE_TR_FUNCTIONS(Indicator)
};

constexpr int kMaxPeriod = 1000;

Error invalidIndicator(const QString &message)
{
    return Error{ErrorCode::InvalidIndicator, message};
}

QString indicatorUsage()
{
    return IndicatorText::tr("use sma:N, ema:N, rsi:N, macd:F,S,G, bb:N,K or atr:N (for example sma:50, "
                             "ema:20, rsi:14, macd:12,26,9, bb:20,2, atr:14)");
}

Result<int> parsePeriod(const QString &spec, const QString &letter, const QString &text)
{
    bool ok = false;
    const int period = text.trimmed().toInt(&ok);
    if (!ok || period < 1 || period > kMaxPeriod) {
        return invalidIndicator(
            IndicatorText::tr("\"%1\": the period %2 must be a whole number from 1 to %3, not "
                              "\"%4\".")
                .arg(spec, letter)
                .arg(kMaxPeriod)
                .arg(text.trimmed()));
    }
    return period;
}

QList<std::optional<double>> undefinedColumn(qsizetype rows)
{
    return QList<std::optional<double>>(rows, std::nullopt);
}

// EMA of `values` from `first` on (the rows before are undefined input): seeded with the SMA of the first
// N defined values, at the N-th of them.
QList<std::optional<double>> ema(const QList<std::optional<double>> &values, int n)
{
    QList<std::optional<double>> out = undefinedColumn(values.size());
    const double alpha = 2.0 / (n + 1);
    int seen = 0;
    double sum = 0;
    std::optional<double> previous;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (!values[i])
            continue;
        const double x = *values[i];
        if (previous) {
            previous = alpha * x + (1 - alpha) * *previous;
        } else {
            sum += x;
            if (++seen == n)
                previous = sum / n;
        }
        out[i] = previous;
    }
    return out;
}

QList<std::optional<double>> closes(const QList<DailyBar> &bars)
{
    QList<std::optional<double>> out;
    out.reserve(bars.size());
    for (const DailyBar &bar : bars)
        out.append(bar.close);
    return out;
}

QList<std::optional<double>> sma(const QList<DailyBar> &bars, int n)
{
    QList<std::optional<double>> out = undefinedColumn(bars.size());
    double sum = 0;
    for (qsizetype i = 0; i < bars.size(); ++i) {
        sum += bars[i].close;
        if (i >= n)
            sum -= bars[i - n].close;
        if (i + 1 >= n)
            out[i] = sum / n;
    }
    return out;
}

QList<std::optional<double>> rsi(const QList<DailyBar> &bars, int n)
{
    QList<std::optional<double>> out = undefinedColumn(bars.size());
    Indicators::WilderAverage gains;
    Indicators::WilderAverage losses;
    for (qsizetype i = 1; i < bars.size(); ++i) {
        const double change = bars[i].close - bars[i - 1].close;
        gains.add(std::max(change, 0.0), n);
        losses.add(std::max(-change, 0.0), n);
        if (!gains.average)
            continue;
        const double gain = *gains.average;
        const double loss = *losses.average;
        if (loss == 0)
            out[i] = gain == 0 ? 50.0 : 100.0;
        else
            out[i] = 100.0 - 100.0 / (1.0 + gain / loss);
    }
    return out;
}

QList<QList<std::optional<double>>> macd(const QList<DailyBar> &bars, const IndicatorSpec &spec)
{
    const QList<std::optional<double>> close = closes(bars);
    const QList<std::optional<double>> fast = ema(close, spec.fast);
    const QList<std::optional<double>> slow = ema(close, spec.slow);
    QList<std::optional<double>> line = undefinedColumn(bars.size());
    for (qsizetype i = 0; i < bars.size(); ++i) {
        if (fast[i] && slow[i])
            line[i] = *fast[i] - *slow[i];
    }
    const QList<std::optional<double>> signal = ema(line, spec.signal);
    QList<std::optional<double>> histogram = undefinedColumn(bars.size());
    for (qsizetype i = 0; i < bars.size(); ++i) {
        if (line[i] && signal[i])
            histogram[i] = *line[i] - *signal[i];
    }
    return {line, signal, histogram};
}

QList<QList<std::optional<double>>> bollinger(const QList<DailyBar> &bars, int n, double k)
{
    const QList<std::optional<double>> middle = sma(bars, n);
    QList<std::optional<double>> upper = undefinedColumn(bars.size());
    QList<std::optional<double>> lower = undefinedColumn(bars.size());
    for (qsizetype i = n - 1; i < bars.size(); ++i) {
        // Deviations from the window's own mean: no cancellation of large squares.
        const double mean = *middle[i];
        double squares = 0;
        for (qsizetype j = i - n + 1; j <= i; ++j)
            squares += (bars[j].close - mean) * (bars[j].close - mean);
        const double sigma = std::sqrt(squares / n);
        upper[i] = mean + k * sigma;
        lower[i] = mean - k * sigma;
    }
    return {middle, upper, lower};
}

QList<std::optional<double>> atr(const QList<DailyBar> &bars, int n)
{
    QList<std::optional<double>> out = undefinedColumn(bars.size());
    Indicators::WilderAverage average;
    std::optional<double> previousClose;
    for (qsizetype i = 0; i < bars.size(); ++i) {
        const DailyBar &bar = bars[i];
        const bool hasRange = bar.high && bar.low && *bar.high >= *bar.low;
        const double high = hasRange ? *bar.high : bar.close;
        const double low = hasRange ? *bar.low : bar.close;
        average.add(Indicators::trueRange(high, low, previousClose), n);
        previousClose = bar.close;
        out[i] = average.average;
    }
    return out;
}
} // namespace

Result<IndicatorSpec> IndicatorSpec::parse(const QString &input)
{
    const QString spec = input.trimmed();
    const qsizetype colon = spec.indexOf(u':');
    const QString name = (colon < 0 ? spec : spec.left(colon)).trimmed().toLower();
    const QStringList params = colon < 0 ? QStringList() : spec.mid(colon + 1).split(u',');
    if (spec.isEmpty())
        return invalidIndicator(IndicatorText::tr("No indicator given: %1.").arg(indicatorUsage()));
    const auto expectParams = [&](int count) -> Status {
        if (colon < 0 || params.size() != count) {
            return invalidIndicator(
                IndicatorText::tr("\"%1\": %2 takes %n parameter(s) separated by commas; %3.", nullptr, count)
                    .arg(spec, name, indicatorUsage()));
        }
        return success();
    };

    IndicatorSpec indicator;
    if (name == u"sma" || name == u"ema" || name == u"rsi" || name == u"atr") {
        if (const auto ok = expectParams(1); !ok)
            return ok.error();
        const auto period = parsePeriod(spec, QStringLiteral("N"), params[0]);
        if (!period)
            return period.error();
        indicator.kind = name == u"sma"   ? Kind::Sma
                         : name == u"ema" ? Kind::Ema
                         : name == u"rsi" ? Kind::Rsi
                                          : Kind::Atr;
        indicator.period = period.value();
        return indicator;
    }
    if (name == u"macd") {
        if (const auto ok = expectParams(3); !ok)
            return ok.error();
        const auto fast = parsePeriod(spec, QStringLiteral("F"), params[0]);
        if (!fast)
            return fast.error();
        const auto slow = parsePeriod(spec, QStringLiteral("S"), params[1]);
        if (!slow)
            return slow.error();
        const auto signal = parsePeriod(spec, QStringLiteral("G"), params[2]);
        if (!signal)
            return signal.error();
        if (fast.value() >= slow.value()) {
            return invalidIndicator(
                IndicatorText::tr("\"%1\": the fast period F must be shorter than the slow period "
                                  "S (for example macd:12,26,9).")
                    .arg(spec));
        }
        indicator.kind = Kind::Macd;
        indicator.fast = fast.value();
        indicator.slow = slow.value();
        indicator.signal = signal.value();
        return indicator;
    }
    if (name == u"bb") {
        if (const auto ok = expectParams(2); !ok)
            return ok.error();
        const auto period = parsePeriod(spec, QStringLiteral("N"), params[0]);
        if (!period)
            return period.error();
        bool ok = false;
        const double width = params[1].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(width) || width <= 0) {
            return invalidIndicator(
                IndicatorText::tr("\"%1\": the band width K must be a number greater than 0 (2 "
                                  "puts the bands two standard deviations away), not \"%2\".")
                    .arg(spec, params[1].trimmed()));
        }
        indicator.kind = Kind::Bollinger;
        indicator.period = period.value();
        indicator.width = width;
        return indicator;
    }
    return invalidIndicator(IndicatorText::tr("\"%1\" is not an indicator: %2.").arg(spec, indicatorUsage()));
}

QString IndicatorSpec::spec() const
{
    switch (kind) {
    case Kind::Sma:
        return QStringLiteral("sma:%1").arg(period);
    case Kind::Ema:
        return QStringLiteral("ema:%1").arg(period);
    case Kind::Rsi:
        return QStringLiteral("rsi:%1").arg(period);
    case Kind::Atr:
        return QStringLiteral("atr:%1").arg(period);
    case Kind::Macd:
        return QStringLiteral("macd:%1,%2,%3").arg(fast).arg(slow).arg(signal);
    case Kind::Bollinger:
        return QStringLiteral("bb:%1,%2").arg(period).arg(QString::number(width, 'g', 15));
    }
    return {};
}

QStringList IndicatorSpec::components() const
{
    switch (kind) {
    case Kind::Macd:
        return {QStringLiteral("macd"), QStringLiteral("signal"), QStringLiteral("histogram")};
    case Kind::Bollinger:
        return {QStringLiteral("middle"), QStringLiteral("upper"), QStringLiteral("lower")};
    case Kind::Sma:
    case Kind::Ema:
    case Kind::Rsi:
    case Kind::Atr:
        break;
    }
    return {};
}

IndicatorValues Indicators::compute(const IndicatorSpec &spec, const QList<DailyBar> &bars)
{
    IndicatorValues values{spec, {}};
    switch (spec.kind) {
    case IndicatorSpec::Kind::Sma:
        values.columns = {sma(bars, spec.period)};
        break;
    case IndicatorSpec::Kind::Ema:
        values.columns = {ema(closes(bars), spec.period)};
        break;
    case IndicatorSpec::Kind::Rsi:
        values.columns = {rsi(bars, spec.period)};
        break;
    case IndicatorSpec::Kind::Macd:
        values.columns = macd(bars, spec);
        break;
    case IndicatorSpec::Kind::Bollinger:
        values.columns = bollinger(bars, spec.period, spec.width);
        break;
    case IndicatorSpec::Kind::Atr:
        values.columns = {atr(bars, spec.period)};
        break;
    }
    return values;
}

void Indicators::WilderAverage::add(double x, int n)
{
    ++count;
    if (count < n) {
        sum += x;
    } else if (!average) {
        average = (sum + x) / n;
        sum = 0;
    } else {
        average = (*average * (n - 1) + x) / n;
    }
}

double Indicators::trueRange(double high, double low, std::optional<double> previousClose)
{
    double range = high - low;
    if (previousClose)
        range = std::max({range, std::fabs(high - *previousClose), std::fabs(low - *previousClose)});
    return range;
}

} // namespace trailguard
