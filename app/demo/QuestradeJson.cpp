#include "demo/QuestradeJson.h"

#include <algorithm>
#include <cmath>

namespace trailguard::QuestradeJson {

namespace {

constexpr qint64 kTradeSize = 100;

QJsonValue number(std::optional<double> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

QJsonArray strings(std::initializer_list<const char *> values)
{
    QJsonArray array;
    for (const char *value : values)
        array.append(QString::fromLatin1(value));
    return array;
}

} // namespace

void applyQuote(Listing &listing, const FakeQuestradeServer::Quote &quote)
{
    listing.quote = quote;
    if (!quote.lastTradePrice)
        return;
    const double price = *quote.lastTradePrice;
    if (!listing.open) {
        listing.previousClose = price;
        listing.open = price;
        listing.high = price;
        listing.low = price;
        listing.high52w = roundTo(price * 1.18, 2);
        listing.low52w = roundTo(price * 0.74, 2);
    }
    listing.high = std::max(*listing.high, price);
    listing.low = std::min(*listing.low, price);
    listing.high52w = std::max(*listing.high52w, price);
    listing.low52w = std::min(*listing.low52w, price);
    if (listing.lastPrice) {
        listing.tick = price > *listing.lastPrice   ? QStringLiteral("Up")
                       : price < *listing.lastPrice ? QStringLiteral("Down")
                                                    : QStringLiteral("Equal");
    }
    listing.lastPrice = price;
    listing.volume += kTradeSize;
    listing.turnover += price * double(kTradeSize);
}

QTimeZone torontoZone()
{
    static const QTimeZone zone = [] {
        const QTimeZone toronto(QByteArrayLiteral("America/Toronto"));
        return toronto.isValid() ? toronto : QTimeZone(-5 * 3600);
    }();
    return zone;
}

QString time(const QDateTime &instant)
{
    const QDateTime local = instant.toTimeZone(torontoZone());
    const int offsetMinutes = std::abs(local.offsetFromUtc()) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz")) + QStringLiteral("000") +
           (local.offsetFromUtc() < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(offsetMinutes / 60, 2, 10, QLatin1Char('0'))
               .arg(offsetMinutes % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject quote(const Listing &listing)
{
    const FakeQuestradeServer::Quote current = listing.quote.value_or(FakeQuestradeServer::Quote{});
    const std::optional<double> price = current.lastTradePrice;
    // QJsonValue rather than std::optional here: GCC 12 -O2 warns falsely about optionals
    // (maybe-uninitialized).
    QJsonValue bid(QJsonValue::Null);
    QJsonValue ask(QJsonValue::Null);
    if (price) {
        const double halfSpread = std::max(0.005, *price * 0.0002);
        bid = roundTo(std::max(0.001, *price - halfSpread), 3);
        ask = roundTo(*price + halfSpread, 3);
    }
    const qint64 symbolId = listing.symbol ? listing.symbol->symbolId : 0;
    // Board lots that vary a little from call to call, deterministically.
    const int bidSize = price ? int(1 + (listing.volume / kTradeSize + symbolId) % 20) : 0;
    const int askSize = price ? int(1 + (listing.volume / kTradeSize + 7 * symbolId) % 20) : 0;
    QJsonValue vwap(QJsonValue::Null);
    if (listing.volume > 0)
        vwap = roundTo(listing.turnover / double(listing.volume), 3);

    return QJsonObject{
        {QStringLiteral("symbol"), listing.symbol ? listing.symbol->symbol : QString()},
        {QStringLiteral("symbolId"), symbolId},
        {QStringLiteral("tier"), QString()},
        {QStringLiteral("bidPrice"), bid},
        {QStringLiteral("bidSize"), bidSize},
        {QStringLiteral("askPrice"), ask},
        {QStringLiteral("askSize"), askSize},
        {QStringLiteral("lastTradePriceTrHrs"),
         number(current.separateRegularPrice ? current.regularTradePrice : price)},
        {QStringLiteral("lastTradePrice"), number(price)},
        {QStringLiteral("lastTradeSize"), price ? int(kTradeSize) : 0},
        {QStringLiteral("lastTradeTick"), listing.tick},
        {QStringLiteral("lastTradeTime"), current.lastTradeTime.isValid()
                                              ? QJsonValue(time(current.lastTradeTime))
                                              : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("volume"), listing.volume},
        {QStringLiteral("openPrice"), number(listing.open)},
        {QStringLiteral("highPrice"), number(listing.high)},
        {QStringLiteral("lowPrice"), number(listing.low)},
        {QStringLiteral("delay"), current.delay},
        {QStringLiteral("isHalted"), current.halted},
        {QStringLiteral("high52w"), number(listing.high52w)},
        {QStringLiteral("low52w"), number(listing.low52w)},
        {QStringLiteral("VWAP"), vwap},
    };
}

QJsonObject equitySymbol(const Listing &listing)
{
    const FakeQuestradeServer::Symbol symbol = listing.symbol.value_or(FakeQuestradeServer::Symbol{});
    return QJsonObject{
        {QStringLiteral("symbol"), symbol.symbol},
        {QStringLiteral("symbolId"), symbol.symbolId},
        {QStringLiteral("description"), symbol.description},
        {QStringLiteral("securityType"), QStringLiteral("Stock")},
        {QStringLiteral("listingExchange"), symbol.listingExchange},
        {QStringLiteral("isTradable"), true},
        {QStringLiteral("isQuotable"), true},
        {QStringLiteral("currency"), symbol.currency},
    };
}

QJsonObject symbolDetail(const Listing &listing)
{
    constexpr qint64 kOutstandingShares = 1'290'000'000;
    QJsonObject detail = equitySymbol(listing);
    const std::optional<double> reference = listing.previousClose;
    detail.insert(QStringLiteral("prevDayClosePrice"), number(reference));
    detail.insert(QStringLiteral("highPrice52"), number(listing.high52w));
    detail.insert(QStringLiteral("lowPrice52"), number(listing.low52w));
    detail.insert(QStringLiteral("averageVol3Months"), 1'250'000);
    detail.insert(QStringLiteral("averageVol20Days"), 1'100'000);
    detail.insert(QStringLiteral("outstandingShares"), kOutstandingShares);
    detail.insert(QStringLiteral("eps"), 2.5);
    detail.insert(QStringLiteral("pe"), reference ? QJsonValue(roundTo(*reference / 2.5, 2)) : QJsonValue());
    detail.insert(QStringLiteral("dividend"), 0.0);
    detail.insert(QStringLiteral("yield"), 0.0);
    detail.insert(QStringLiteral("exDate"), QJsonValue::Null);
    detail.insert(QStringLiteral("dividendDate"), QJsonValue::Null);
    detail.insert(QStringLiteral("marketCap"),
                  reference ? QJsonValue(roundTo(*reference * double(kOutstandingShares), 0)) : QJsonValue());
    detail.insert(QStringLiteral("tradeUnit"), 1);
    detail.insert(QStringLiteral("hasOptions"), false);
    detail.insert(QStringLiteral("minTicks"),
                  QJsonArray{QJsonObject{{QStringLiteral("pivot"), 0}, {QStringLiteral("minTick"), 0.005}},
                             QJsonObject{{QStringLiteral("pivot"), 0.5}, {QStringLiteral("minTick"), 0.01}}});
    detail.insert(QStringLiteral("industrySector"), QString());
    detail.insert(QStringLiteral("industryGroup"), QString());
    detail.insert(QStringLiteral("industrySubgroup"), QString());
    detail.insert(QStringLiteral("optionType"), QJsonValue::Null);
    detail.insert(QStringLiteral("optionDurationType"), QJsonValue::Null);
    detail.insert(QStringLiteral("optionRoot"), QString());
    detail.insert(
        QStringLiteral("optionContractDeliverables"),
        QJsonObject{{QStringLiteral("underlyings"), QJsonArray()}, {QStringLiteral("cashInLieu"), 0}});
    detail.insert(QStringLiteral("optionExerciseType"), QJsonValue::Null);
    detail.insert(QStringLiteral("optionExpiryDate"), QJsonValue::Null);
    detail.insert(QStringLiteral("optionStrikePrice"), QJsonValue::Null);
    return detail;
}

QJsonArray markets(const QDateTime &start, const QDateTime &end)
{
    struct Venue {
        const char *name;
        std::initializer_list<const char *> tradingVenues;
        std::initializer_list<const char *> level1Feeds;
        std::initializer_list<const char *> level2Feeds;
    };
    const Venue venues[] = {
        {"TSX", {"TSX", "ALPH", "CXC", "OMGA", "PURE"}, {"TSX"}, {"TSX", "ALPH", "CXC"}},
        {"TSXV", {"TSXV", "ALPH", "CXC", "OMGA", "PURE"}, {"TSXV"}, {"TSXV", "ALPH"}},
        {"NYSE", {"NYSE", "ARCA", "BATS", "EDGX"}, {"NYSE"}, {"NYSE", "ARCA"}},
        {"NASDAQ", {"NASDAQ", "ARCA", "BATS", "EDGX"}, {"NASDAQ"}, {"NASDAQ", "ARCA"}},
    };
    QJsonArray array;
    for (const Venue &venue : venues) {
        array.append(QJsonObject{
            {QStringLiteral("name"), QString::fromLatin1(venue.name)},
            {QStringLiteral("tradingVenues"), strings(venue.tradingVenues)},
            {QStringLiteral("defaultTradingVenue"), QStringLiteral("AUTO")},
            {QStringLiteral("primaryOrderRoutes"), strings({"AUTO"})},
            {QStringLiteral("secondaryOrderRoutes"), strings({venue.name, "AUTO"})},
            {QStringLiteral("level1Feeds"), strings(venue.level1Feeds)},
            {QStringLiteral("level2Feeds"), strings(venue.level2Feeds)},
            {QStringLiteral("extendedStartTime"), time(start.addSecs(-qint64(2 * 3600 + 1800)))},
            {QStringLiteral("startTime"), time(start)},
            {QStringLiteral("endTime"), time(end)},
            {QStringLiteral("extendedEndTime"), time(end.addSecs(qint64(4) * 3600))},
            {QStringLiteral("snapQuotesLimit"), 2147483647},
        });
    }
    return array;
}

QJsonObject account(const FakeQuestradeServer::Account &account)
{
    return QJsonObject{{QStringLiteral("type"), account.type},
                       {QStringLiteral("number"), account.number},
                       {QStringLiteral("status"), account.status},
                       {QStringLiteral("isPrimary"), account.isPrimary},
                       {QStringLiteral("isBilling"), account.isBilling},
                       {QStringLiteral("clientAccountType"), QStringLiteral("Individual")}};
}

QJsonObject position(const FakeQuestradeServer::Position &position)
{
    QJsonObject json{{QStringLiteral("symbol"), position.symbol},
                     {QStringLiteral("symbolId"), position.symbolId},
                     {QStringLiteral("openQuantity"), position.openQuantity}};
    const auto put = [&json](const char *name, const std::optional<double> &value) {
        if (value)
            json.insert(QString::fromLatin1(name), *value);
    };
    put("closedQuantity", position.closedQuantity);
    put("currentMarketValue", position.currentMarketValue);
    put("currentPrice", position.currentPrice);
    put("averageEntryPrice", position.averageEntryPrice);
    put("dayPnl", position.dayPnl);
    put("closedPnl", position.closedPnl);
    put("openPnl", position.openPnl);
    put("totalCost", position.totalCost);
    if (position.isRealTime)
        json.insert(QStringLiteral("isRealTime"), *position.isRealTime);
    if (position.isUnderReorg)
        json.insert(QStringLiteral("isUnderReorg"), *position.isUnderReorg);
    for (const QString &field : position.nullFields)
        json.insert(field, QJsonValue::Null);
    return json;
}

} // namespace trailguard::QuestradeJson
