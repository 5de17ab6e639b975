// QuestradeParsing: candles, their intervals and Questrade's times in queries (questrade-api.md §4).
#include "broker/QuestradeParsing.h"

#include "broker/QuestradeParsingReaders.h"

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
    qint64 seconds;
};
constexpr IntervalName kIntervals[] = {
    {CandleInterval::OneMinute, "OneMinute", 60},
    {CandleInterval::FiveMinutes, "FiveMinutes", 5 * 60},
    {CandleInterval::FifteenMinutes, "FifteenMinutes", 15 * 60},
    {CandleInterval::HalfHour, "HalfHour", 30 * 60},
    {CandleInterval::OneHour, "OneHour", 3600},
    {CandleInterval::OneDay, "OneDay", 86400},
    {CandleInterval::OneWeek, "OneWeek", 7 * 86400},
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

qint64 candleIntervalSeconds(CandleInterval interval)
{
    for (const IntervalName &entry : kIntervals) {
        if (entry.interval == interval)
            return entry.seconds;
    }
    return 86400;
}

QTimeZone easternZone()
{
    static const QTimeZone eastern = [] {
        const QTimeZone toronto(QByteArrayLiteral("America/Toronto"));
        return toronto.isValid() ? toronto : QTimeZone(-5 * 3600);
    }();
    return eastern;
}

QString queryTime(const QDateTime &time)
{
    const QDateTime local = time.toTimeZone(easternZone());
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace trailguard::QuestradeParsing
