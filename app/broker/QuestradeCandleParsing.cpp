// QuestradeParsing: candles, their intervals and Questrade's times in queries (questrade-api.md §4).
#include "broker/QuestradeParsing.h"

#include "broker/QuestradeParsingReaders.h"
#include "domain/MarketCalendar.h"

#include <QTimeZone>

#include <cmath>

namespace trailguard::QuestradeParsing {

using namespace detail;

Result<QList<Candle>> parseCandles(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "candles");
    if (!array)
        return array.error();
    QList<Candle> candles;
    for (const QJsonValue &entry : array.value()) {
        if (!entry.isObject())
            return malformed(Messages::tr("a candle is not an object"));
        const QJsonObject json = entry.toObject();
        Candle candle;
        candle.start = parseTime(json.value(key("start")));
        candle.end = parseTime(json.value(key("end")));
        if (!candle.start.isValid() || !candle.end.isValid() || candle.end < candle.start)
            return malformed(Messages::tr("a candle lacks a valid start or end"));
        const QString context = Messages::tr("a candle of %1").arg(candle.start.toString(Qt::ISODate));
        bool traded = true;
        for (auto [field, target] : {std::pair{"open", &candle.open}, std::pair{"high", &candle.high},
                                     std::pair{"low", &candle.low}, std::pair{"close", &candle.close}}) {
            Result<std::optional<double>> price = readPrice(json.value(key(field)), context);
            if (!price)
                return price.error();
            if (!price.value())
                traded = false;
            else
                *target = *price.value();
        }
        const QJsonValue volume = json.value(key("volume"));
        if (volume.isDouble() && volume.toDouble() >= 0 && volume.toDouble() < 9e18)
            candle.volume = static_cast<qint64>(volume.toDouble());
        else if (!volume.isUndefined() && !volume.isNull())
            return malformed(Messages::tr("the volume of %1 is not a number").arg(context));
        if (traded)
            candles.append(candle);
    }
    return candles;
}

namespace {
struct IntervalName {
    CandleInterval interval;
    const char *name;
};
constexpr IntervalName kIntervals[] = {
    {CandleInterval::OneMinute, "OneMinute"},
    {CandleInterval::FiveMinutes, "FiveMinutes"},
    {CandleInterval::FifteenMinutes, "FifteenMinutes"},
    {CandleInterval::HalfHour, "HalfHour"},
    {CandleInterval::OneHour, "OneHour"},
    {CandleInterval::OneDay, "OneDay"},
    {CandleInterval::OneWeek, "OneWeek"},
};
} // namespace

QString candleIntervalName(CandleInterval interval)
{
    for (const IntervalName &entry : kIntervals) {
        if (entry.interval == interval)
            return QString::fromLatin1(entry.name);
    }
    return {};
}

std::optional<CandleInterval> candleIntervalFromName(const QString &name)
{
    for (const IntervalName &entry : kIntervals) {
        if (name == QLatin1String(entry.name))
            return entry.interval;
    }
    return std::nullopt;
}

QString queryTime(const QDateTime &time)
{
    const QDateTime local = time.toTimeZone(MarketCalendar::easternZone());
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace trailguard::QuestradeParsing
