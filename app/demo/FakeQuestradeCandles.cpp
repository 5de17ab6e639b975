#include "demo/FakeQuestradeEndpoints.h"

#include "broker/QuestradeParsing.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtMath>

#include <algorithm>

// markets/candles/{id} of the fake server, and the generated daily series behind it.
namespace trailguard::FakeQuestradeEndpoints {

namespace {

// A number in [0, 1) fixed by the two inputs (a small integer hash, so the series is the same everywhere).
double noise(qint64 a, qint64 b)
{
    quint64 x = quint64(a) * 0x9E3779B97F4A7C15ULL ^ (quint64(b) + 0x632BE59BD9B4E019ULL);
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;
    return double(x >> 11) / double(1ULL << 53);
}

// The shape of the generated series around 1.0 on a day (a Julian day number).
double shape(qint64 symbolId, qint64 day)
{
    const double phase = double(symbolId % 97);
    return 1.0 + 0.15 * std::sin(double(day) / 45.0 + phase) +
           0.06 * std::sin(double(day) / 11.0 + 2 * phase) + 0.02 * (noise(symbolId, day) - 0.5);
}

double cents(double value)
{
    return std::round(value * 100.0) / 100.0;
}

QJsonObject candleJson(const Candle &candle)
{
    return QJsonObject{{QStringLiteral("start"), QuestradeJson::time(candle.start)},
                       {QStringLiteral("end"), QuestradeJson::time(candle.end)},
                       {QStringLiteral("open"), candle.open},
                       {QStringLiteral("high"), candle.high},
                       {QStringLiteral("low"), candle.low},
                       {QStringLiteral("close"), candle.close},
                       {QStringLiteral("volume"), candle.volume},
                       {QStringLiteral("VWAP"), cents((candle.high + candle.low + candle.close) / 3.0)}};
}

} // namespace

QList<Candle> generatedDailyCandles(qint64 symbolId, double anchor, QDate from, QDate to,
                                    const QDateTime &now)
{
    const QTimeZone zone = QuestradeJson::torontoZone();
    const QDate today = now.toTimeZone(zone).date();
    const double scale = anchor / shape(symbolId, today.toJulianDay());
    QList<Candle> candles;
    for (QDate day = from; day.isValid() && day <= to && day <= today; day = day.addDays(1)) {
        if (day.dayOfWeek() > 5)
            continue;
        const qint64 julian = day.toJulianDay();
        Candle candle;
        candle.start = QDateTime(day, QTime(0, 0), zone).toUTC();
        candle.end = day == today ? now.toUTC() : QDateTime(day.addDays(1), QTime(0, 0), zone).toUTC();
        candle.close = cents(scale * shape(symbolId, julian));
        candle.open = cents(scale * shape(symbolId, julian - 1));
        candle.high =
            cents(std::max(candle.open, candle.close) * (1.0 + 0.015 * noise(symbolId + 1, julian)));
        candle.low = cents(std::min(candle.open, candle.close) * (1.0 - 0.015 * noise(symbolId + 2, julian)));
        candle.volume = 100000 + qint64(noise(symbolId + 3, julian) * 900000.0);
        candles.append(candle);
    }
    return candles;
}

http::Response candles(const Market &market, const CandleSeries &series, const RouteMatch &match,
                       const Params &params, const QDateTime &now)
{
    const auto ids = parseIds(match.pathId);
    if (!ids || ids->size() != 1)
        return apiError(400, 1002);
    const qint64 id = ids->constFirst();
    const QString startText = params.value(QStringLiteral("startTime"));
    const QString endText = params.value(QStringLiteral("endTime"));
    const QString intervalText = params.value(QStringLiteral("interval"));
    if (startText.isEmpty() || endText.isEmpty() || intervalText.isEmpty())
        return apiError(400, 1004);
    // Questrade's own reader of times: ISO 8601 with an offset ('Z' or ±hh:mm), else invalid.
    const QDateTime start = QuestradeParsing::parseTime(QJsonValue(startText));
    const QDateTime end = QuestradeParsing::parseTime(QJsonValue(endText));
    if (!start.isValid() || !end.isValid())
        return apiError(400, 1002,
                        QStringLiteral("startTime and endTime must be ISO 8601 times with an offset"));
    if (end <= start)
        return apiError(400, 1002, QStringLiteral("endTime must be after startTime"));
    const std::optional<CandleInterval> interval = QuestradeParsing::candleIntervalFromName(intervalText);
    if (!interval)
        return apiError(400, 1002, QStringLiteral("Unknown interval"));

    QList<Candle> source;
    const auto explicitSeries = series.find({id, *interval});
    if (explicitSeries != series.end()) {
        source = explicitSeries->second;
    } else if (isListed(market, id)) {
        if (*interval == CandleInterval::OneDay) {
            const QuestradeJson::Listing &listing = market.at(id);
            const double anchor = listing.previousClose ? *listing.previousClose : 20.0 + double(id % 180);
            const QTimeZone zone = QuestradeJson::torontoZone();
            source = generatedDailyCandles(id, anchor, start.toTimeZone(zone).date(),
                                           end.addMSecs(-1).toTimeZone(zone).date(), now);
        }
    } else {
        const bool hasCandles = std::any_of(series.begin(), series.end(),
                                            [id](const auto &entry) { return entry.first.first == id; });
        if (!hasCandles)
            return apiError(404, 1019);
    }

    QJsonArray array;
    for (Candle candle : std::as_const(source)) {
        if (candle.start >= end || candle.end <= start)
            continue;
        candle.start = std::max(candle.start, start);
        candle.end = std::min(candle.end, end);
        array.append(candleJson(candle));
    }
    if (array.size() > kMaxCandlesPerAnswer)
        return apiError(
            400, 1003,
            QStringLiteral("Argument length exceeds imposed limit: more than %1 candles requested")
                .arg(kMaxCandlesPerAnswer));
    return jsonResponse(200, QJsonObject{{QStringLiteral("candles"), array}});
}

} // namespace trailguard::FakeQuestradeEndpoints
