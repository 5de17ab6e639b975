#include "broker/QuestradeParsing.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeParsingReaders.h"
#include "broker/QuestradeTimeText.h"
#include "broker/QuoteAnswerScanner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>
#include <initializer_list>

namespace trailguard::QuestradeParsing {

using namespace detail;

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
    return value.isString() ? parseTimeText(value.toString()) : QDateTime();
}

QDateTime parseTimeText(const QString &untrimmed)
{
    const QString text = untrimmed.trimmed();
    if (const std::optional<qint64> usual = usualTimeMs(text))
        return QDateTime::fromMSecsSinceEpoch(*usual, Qt::UTC);
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
    // Error texts are built only for a malformed record: a batch holds thousands of good ones.
    const auto name = [&quote] {
        return quote.symbol.isEmpty() ? QString::number(quote.symbolId) : quote.symbol;
    };
    Result<std::optional<double>> price = readPrice(
        json.value(key("lastTradePrice")), [&] { return Messages::tr("lastTradePrice of %1").arg(name()); });
    if (!price)
        return price.error();
    quote.lastTradePrice = price.value();
    Result<std::optional<double>> regular = readPrice(json.value(key("lastTradePriceTrHrs")), [&] {
        return Messages::tr("lastTradePriceTrHrs of %1").arg(name());
    });
    if (!regular)
        return regular.error();
    quote.regularTradePrice = regular.value();
    const std::optional<bool> halted = readFlag(json.value(key("isHalted")));
    const std::optional<bool> delayed = readFlag(json.value(key("delay")));
    if (!halted || !delayed)
        return malformed(Messages::tr("isHalted or delay of quote %1 is not a flag").arg(name()));
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

Result<QList<BrokerQuote>> parseQuotesAnswer(const QByteArray &body)
{
    if (std::optional<QList<BrokerQuote>> quotes = scanQuotesAnswer(body))
        return std::move(*quotes);
    Result<QJsonObject> object = parseObject(body);
    if (!object)
        return object.error();
    return parseQuotes(object.value());
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

} // namespace trailguard::QuestradeParsing
