#include "broker/QuestradeParsing.h"

#include "broker/BrokerLogging.h"
#include "domain/MarketCalendar.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>
#include <initializer_list>

namespace trailguard::QuestradeParsing {

namespace {
class Messages {
    Q_DECLARE_TR_FUNCTIONS(QuestradeParsing)
};

Error malformed(const QString &detail)
{
    return Error{ErrorCode::MalformedResponse,
                 Messages::tr("Questrade sent an answer Trailguard does not understand: %1.").arg(detail)};
}

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

// A string field that may be absent or null; anything else is malformed.
std::optional<QString> readOptionalString(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(key(name));
    if (value.isUndefined() || value.isNull())
        return QString();
    if (value.isString())
        return value.toString();
    return std::nullopt;
}

// A flag sent as a boolean or a number (`delay` is documented as Boolean and observed as 0/1).
std::optional<bool> readFlag(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return false;
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0.0;
    return std::nullopt;
}

// A price: null, absent or 0 mean "no trade"; negative or non-numeric values are malformed.
Result<std::optional<double>> readPrice(const QJsonValue &value, const QString &context)
{
    if (value.isUndefined() || value.isNull())
        return std::optional<double>();
    if (!value.isDouble())
        return malformed(Messages::tr("%1 is not a number").arg(context));
    const double price = value.toDouble();
    if (!std::isfinite(price) || price < 0)
        return malformed(Messages::tr("%1 is not a valid price").arg(context));
    if (price == 0.0)
        return std::optional<double>();
    return std::optional<double>(price);
}

Result<QJsonArray> readArray(const QJsonObject &object, const char *name)
{
    const QJsonValue value = object.value(key(name));
    if (!value.isArray())
        return malformed(Messages::tr("\"%1\" is missing or not a list").arg(key(name)));
    return value.toArray();
}
} // namespace

std::optional<qint64> readId(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 1 && number <= 9e15 && std::floor(number) == number)
            return static_cast<qint64>(number);
        return std::nullopt;
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().toLongLong(&ok);
        if (ok && number > 0)
            return number;
    }
    return std::nullopt;
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            Messages::tr("invalid JSON (%1 at offset %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return malformed(Messages::tr("the JSON is not an object"));
    return document.object();
}

Result<TokenAnswer> parseTokenAnswer(const QByteArray &body)
{
    Result<QJsonObject> object = parseObject(body);
    if (!object)
        return object.error();
    const QJsonObject &json = object.value();
    TokenAnswer answer;
    answer.accessToken = json.value(key("access_token")).toString().toUtf8();
    answer.refreshToken = json.value(key("refresh_token")).toString().toUtf8();
    answer.apiServer =
        QUrl(json.value(key("api_server")).toString().remove(QLatin1Char('\\')), QUrl::StrictMode);
    const std::optional<qint64> expiresIn = readId(json.value(key("expires_in")));
    if (answer.accessToken.isEmpty())
        return malformed(Messages::tr("the token answer has no access_token"));
    if (answer.refreshToken.isEmpty())
        return malformed(Messages::tr("the token answer has no refresh_token"));
    if (!answer.apiServer.isValid() || answer.apiServer.host().isEmpty())
        return malformed(Messages::tr("the token answer has no valid api_server"));
    if (!expiresIn)
        return malformed(Messages::tr("the token answer has no valid expires_in"));
    answer.expiresInSeconds = *expiresIn;
    return answer;
}

QByteArray salvageRefreshToken(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    return document.object().value(key("refresh_token")).toString().toUtf8();
}

std::optional<ApiError> parseApiError(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    const QJsonValue code = object.value(key("code"));
    const QJsonValue message = object.value(key("message"));
    if (code.isUndefined() && message.isUndefined())
        return std::nullopt;
    ApiError error;
    if (const std::optional<qint64> number = readId(code); number && *number < 100000)
        error.code = static_cast<int>(*number);
    error.message = message.toString();
    return error;
}

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    const QString text = value.toString().trimmed();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        // Older Qt versions accept at most three fractional digits: cut the rest.
        static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
        time =
            QDateTime::fromString(QString(text).replace(fraction, QStringLiteral("\\1")), Qt::ISODateWithMs);
    }
    // A time without an offset would be read as local time: not Questrade's format, so not a time.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return {};
    return time.toUTC();
}

Result<QList<SymbolCandidate>> parseSymbolSearch(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "symbols");
    if (!array)
        return array.error();
    QList<SymbolCandidate> candidates;
    for (const QJsonValue &entry : array.value()) {
        if (!entry.isObject())
            return malformed(Messages::tr("a symbol entry is not an object"));
        const QJsonObject json = entry.toObject();
        SymbolCandidate candidate;
        const std::optional<qint64> id = readId(json.value(key("symbolId")));
        const QJsonValue symbol = json.value(key("symbol"));
        if (!id || !symbol.isString() || symbol.toString().isEmpty())
            return malformed(Messages::tr("a symbol entry lacks a valid symbol or symbolId"));
        candidate.symbolId = *id;
        candidate.symbol = symbol.toString();
        const auto description = readOptionalString(json, "description");
        const auto securityType = readOptionalString(json, "securityType");
        const auto exchange = readOptionalString(json, "listingExchange");
        const auto currency = readOptionalString(json, "currency");
        if (!description || !securityType || !exchange || !currency)
            return malformed(Messages::tr("symbol %1 has a field of the wrong type").arg(candidate.symbol));
        candidate.description = *description;
        candidate.securityType = *securityType;
        candidate.listingExchange = *exchange;
        candidate.currency = *currency;
        const QJsonValue quotable = json.value(key("isQuotable"));
        if (quotable.isBool())
            candidate.isQuotable = quotable.toBool();
        candidates.append(candidate);
    }
    return candidates;
}

Result<BrokerQuote> parseQuote(const QJsonValue &entry)
{
    if (!entry.isObject())
        return malformed(Messages::tr("a quote is not an object"));
    const QJsonObject json = entry.toObject();
    BrokerQuote quote;
    const std::optional<QString> symbol = readOptionalString(json, "symbol");
    if (!symbol)
        return malformed(Messages::tr("the symbol of a quote is not text"));
    quote.symbol = *symbol;
    const std::optional<qint64> id = readId(json.value(key("symbolId")));
    if (!id)
        return malformed(Messages::tr("the quote of %1 lacks a valid symbolId").arg(quote.symbol));
    quote.symbolId = *id;
    const QString name = quote.symbol.isEmpty() ? QString::number(quote.symbolId) : quote.symbol;
    Result<std::optional<double>> price =
        readPrice(json.value(key("lastTradePrice")), Messages::tr("lastTradePrice of %1").arg(name));
    if (!price)
        return price.error();
    quote.lastTradePrice = price.value();
    Result<std::optional<double>> regular = readPrice(json.value(key("lastTradePriceTrHrs")),
                                                      Messages::tr("lastTradePriceTrHrs of %1").arg(name));
    if (!regular)
        return regular.error();
    quote.regularTradePrice = regular.value();
    const std::optional<bool> halted = readFlag(json.value(key("isHalted")));
    const std::optional<bool> delayed = readFlag(json.value(key("delay")));
    if (!halted || !delayed)
        return malformed(Messages::tr("isHalted or delay of quote %1 is not a flag").arg(name));
    quote.halted = *halted;
    quote.delayed = *delayed;
    quote.lastTradeTime = parseTime(json.value(key("lastTradeTime")));
    // The session's range is extra information: an unusable value is left out, not an error.
    for (auto [field, target] :
         {std::pair{"highPrice", &quote.highPrice}, std::pair{"lowPrice", &quote.lowPrice}}) {
        Result<std::optional<double>> extreme = readPrice(json.value(key(field)), QString());
        if (extreme)
            *target = extreme.value();
    }
    return quote;
}

Result<QList<BrokerQuote>> parseQuotes(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "quotes");
    if (!array)
        return array.error();
    QList<BrokerQuote> quotes;
    for (const QJsonValue &entry : array.value()) {
        Result<BrokerQuote> quote = parseQuote(entry);
        if (quote) {
            quotes.append(std::move(quote).value());
            continue;
        }
        // One bad record costs that record, not the prices of the others in the batch.
        const QString symbol = entry.toObject().value(key("symbol")).toString();
        qCWarning(lcBroker, "Dropped the quote of %s: %s",
                  symbol.isEmpty() ? "a record without a symbol" : qUtf8Printable(symbol),
                  qUtf8Printable(quote.error().message));
    }
    return quotes;
}

Result<QList<MarketSession>> parseMarkets(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "markets");
    if (!array)
        return array.error();
    QList<MarketSession> markets;
    for (const QJsonValue &entry : array.value()) {
        const QJsonObject json = entry.toObject();
        const QJsonValue name = json.value(key("name"));
        if (!entry.isObject() || !name.isString() || name.toString().isEmpty())
            return malformed(Messages::tr("a market entry lacks a name"));
        MarketSession market;
        market.name = name.toString();
        market.extendedStart = parseTime(json.value(key("extendedStartTime")));
        market.start = parseTime(json.value(key("startTime")));
        market.end = parseTime(json.value(key("endTime")));
        market.extendedEnd = parseTime(json.value(key("extendedEndTime")));
        markets.append(market);
    }
    return markets;
}

Result<QDateTime> parseServerTime(const QJsonObject &object)
{
    const QDateTime time = parseTime(object.value(key("time")));
    if (!time.isValid())
        return malformed(Messages::tr("\"time\" is missing or not a time"));
    return time;
}

Result<QList<BrokerAccount>> parseAccounts(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "accounts");
    if (!array)
        return array.error();
    QList<BrokerAccount> accounts;
    for (const QJsonValue &entry : array.value()) {
        if (!entry.isObject())
            return malformed(Messages::tr("an account entry is not an object"));
        const QJsonObject json = entry.toObject();
        BrokerAccount account;
        const QJsonValue number = json.value(key("number"));
        if (number.isString())
            account.number = number.toString().trimmed();
        else if (const std::optional<qint64> digits = readId(number))
            account.number = QString::number(*digits); // documented as text; tolerate a number
        if (account.number.isEmpty())
            return malformed(Messages::tr("an account entry lacks its number"));
        account.type = json.value(key("type")).toString();
        account.status = json.value(key("status")).toString();
        account.clientAccountType = json.value(key("clientAccountType")).toString();
        account.isPrimary = json.value(key("isPrimary")).toBool();
        account.isBilling = json.value(key("isBilling")).toBool();
        accounts.append(account);
    }
    return accounts;
}

namespace {
// An optional number: absent, null or not a finite number gives nothing. `names` are tried in order.
std::optional<double> readOptionalNumber(const QJsonObject &json, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QJsonValue value = json.value(key(name));
        if (value.isDouble() && std::isfinite(value.toDouble()))
            return value.toDouble();
    }
    return std::nullopt;
}

std::optional<bool> readOptionalBool(const QJsonObject &json, const char *name)
{
    const QJsonValue value = json.value(key(name));
    if (value.isBool())
        return value.toBool();
    return std::nullopt;
}
} // namespace

Result<QList<BrokerPosition>> parsePositions(const QJsonObject &object)
{
    Result<QJsonArray> array = readArray(object, "positions");
    if (!array)
        return array.error();
    QList<BrokerPosition> positions;
    for (const QJsonValue &entry : array.value()) {
        if (!entry.isObject())
            return malformed(Messages::tr("a position is not an object"));
        const QJsonObject json = entry.toObject();
        BrokerPosition position;
        const QJsonValue symbol = json.value(key("symbol"));
        const std::optional<qint64> id = readId(json.value(key("symbolId")));
        if (!symbol.isString() || symbol.toString().trimmed().isEmpty() || !id)
            return malformed(Messages::tr("a position lacks a valid symbol or symbolId"));
        position.symbol = symbol.toString().trimmed();
        position.symbolId = *id;
        // A null openQuantity is a closed position (questrade-api.md §6, corrections), not a broken answer.
        const QJsonValue quantity = json.value(key("openQuantity"));
        if (quantity.isNull())
            position.openQuantity = 0;
        else if (!quantity.isDouble() || !std::isfinite(quantity.toDouble()))
            return malformed(
                Messages::tr("the openQuantity of %1 is missing or not a number").arg(position.symbol));
        else
            position.openQuantity = quantity.toDouble();
        position.closedQuantity = readOptionalNumber(json, {"closedQuantity"});
        position.currentMarketValue = readOptionalNumber(json, {"currentMarketValue"});
        position.currentPrice = readOptionalNumber(json, {"currentPrice"});
        position.averageEntryPrice = readOptionalNumber(json, {"averageEntryPrice"});
        position.openPnl = readOptionalNumber(json, {"openPnl", "openPnL"});
        position.closedPnl = readOptionalNumber(json, {"closedPnl", "closedPnL"});
        position.dayPnl = readOptionalNumber(json, {"dayPnl", "dayPnL"});
        position.totalCost = readOptionalNumber(json, {"totalCost"});
        position.isRealTime = readOptionalBool(json, "isRealTime");
        position.isUnderReorg = readOptionalBool(json, "isUnderReorg");
        positions.append(position);
    }
    return positions;
}

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
