#include "domain/StockJson.h"

namespace trailguard::StockJson {

QJsonValue time(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QJsonValue number(std::optional<double> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject toJson(const StockState &stock)
{
    QJsonObject object;
    object.insert(QStringLiteral("ticker"), stock.ticker);
    object.insert(QStringLiteral("symbolId"),
                  stock.symbolId ? QJsonValue(*stock.symbolId) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("currency"),
                  stock.currency.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(stock.currency));
    object.insert(QStringLiteral("lastPrice"), number(stock.lastPrice));
    object.insert(QStringLiteral("lastQuoteAt"), time(stock.lastQuoteAt));
    object.insert(QStringLiteral("peak"), number(stock.peak));
    object.insert(QStringLiteral("stop"), number(stock.stop));
    object.insert(QStringLiteral("ratio"), stock.ratio);
    object.insert(QStringLiteral("strategy"), stock.strategySpec());
    object.insert(QStringLiteral("entry"), number(stock.entry));
    object.insert(QStringLiteral("lastAlertAt"), time(stock.lastAlertAt));
    object.insert(QStringLiteral("rules"), QJsonArray::fromStringList(stock.rules));
    return object;
}

QJsonArray toJson(const QList<StockState> &stocks)
{
    QJsonArray array;
    for (const StockState &stock : stocks)
        array.append(toJson(stock));
    return array;
}

} // namespace trailguard::StockJson
