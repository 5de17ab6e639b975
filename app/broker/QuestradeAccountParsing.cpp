// QuestradeParsing: accounts and positions (questrade-api.md §6).
#include "broker/QuestradeParsing.h"

#include "broker/QuestradeParsingReaders.h"

#include <initializer_list>

namespace trailguard::QuestradeParsing {

using namespace detail;

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

} // namespace trailguard::QuestradeParsing
