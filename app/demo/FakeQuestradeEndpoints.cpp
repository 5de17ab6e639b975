#include "demo/FakeQuestradeEndpoints.h"

#include "broker/QuestradeParsing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtMath>

#include <algorithm>
#include <optional>

namespace trailguard::FakeQuestradeEndpoints {

namespace {

http::Response symbolList(const QJsonArray &symbols)
{
    return jsonResponse(200, QJsonObject{{QStringLiteral("symbols"), symbols}});
}

// "ENB" of "ENB.TO", "BRK" of "BRK.B": what the search matches symbols and description words against.
QString searchBase(const QString &prefix)
{
    const qsizetype dot = prefix.indexOf(QLatin1Char('.'));
    return dot > 0 ? prefix.left(dot) : prefix;
}

bool aDescriptionWordStartsWith(const QString &description, const QString &base)
{
    static const QRegularExpression separators(QStringLiteral("[^A-Za-z0-9]+"));
    const QStringList words = description.split(separators, Qt::SkipEmptyParts);
    return std::any_of(words.cbegin(), words.cend(),
                       [&base](const QString &word) { return word.startsWith(base, Qt::CaseInsensitive); });
}

http::Response symbolSearch(const Market &market, const Params &params)
{
    const QString prefix = params.value(QStringLiteral("prefix"));
    if (prefix.isEmpty())
        return apiError(400, 1004);
    int offset = 0;
    if (params.contains(QStringLiteral("offset"))) {
        bool ok = false;
        offset = params.value(QStringLiteral("offset")).toInt(&ok);
        if (!ok || offset < 0)
            return apiError(400, 1002);
    }
    const QString base = searchBase(prefix);
    const auto symbolMatches = [&base](const QuestradeJson::Listing *listing) {
        return listing->symbol->symbol.startsWith(base, Qt::CaseInsensitive);
    };
    QList<const QuestradeJson::Listing *> found;
    for (const auto &[id, listing] : market) {
        if (listing.symbol &&
            (symbolMatches(&listing) || aDescriptionWordStartsWith(listing.symbol->description, base)))
            found.append(&listing);
    }
    std::stable_sort(found.begin(), found.end(), [&symbolMatches](const auto *a, const auto *b) {
        if (symbolMatches(a) != symbolMatches(b))
            return symbolMatches(a);
        return a->symbol->symbol < b->symbol->symbol;
    });
    QJsonArray array;
    for (qsizetype i = offset; i < found.size() && i < qsizetype(offset) + kSearchPageSize; ++i)
        array.append(QuestradeJson::equitySymbol(*found.at(i)));
    return symbolList(array);
}

} // namespace

std::optional<QList<qint64>> parseIds(const QString &text)
{
    QList<qint64> ids;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 id = part.trimmed().toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

bool isListed(const Market &market, qint64 symbolId)
{
    const auto it = market.find(symbolId);
    return it != market.end() && it->second.symbol.has_value();
}

RouteMatch matchRoute(const QString &path)
{
    static const QString quotesPrefix = QStringLiteral("/v1/markets/quotes/");
    static const QString symbolsPrefix = QStringLiteral("/v1/symbols/");
    if (path == QLatin1String("/v1/time"))
        return {Route::Time, {}};
    if (path == QLatin1String("/v1/markets"))
        return {Route::Markets, {}};
    if (path == QLatin1String("/v1/markets/quotes"))
        return {Route::Quotes, {}};
    if (path == QLatin1String("/v1/symbols"))
        return {Route::Symbols, {}};
    if (path == QLatin1String("/v1/symbols/search"))
        return {Route::SymbolSearch, {}};
    if (path == QLatin1String("/v1/accounts"))
        return {Route::Accounts, {}};
    static const QString accountsPrefix = QStringLiteral("/v1/accounts/");
    static const QString positionsSuffix = QStringLiteral("/positions");
    if (path.startsWith(accountsPrefix) && path.endsWith(positionsSuffix)) {
        const QString number =
            path.mid(accountsPrefix.size(), path.size() - accountsPrefix.size() - positionsSuffix.size());
        if (!number.isEmpty() && !number.contains(QLatin1Char('/')))
            return {Route::Positions, number};
    }
    static const QString candlesPrefix = QStringLiteral("/v1/markets/candles/");
    for (const auto &[prefix, route] :
         {std::pair{quotesPrefix, Route::QuoteById}, std::pair{symbolsPrefix, Route::SymbolById},
          std::pair{candlesPrefix, Route::Candles}}) {
        if (path.startsWith(prefix)) {
            const QString id = path.mid(prefix.size());
            if (!id.isEmpty() && !id.contains(QLatin1Char('/')))
                return {route, id};
        }
    }
    return {};
}

Params parseForm(const QByteArray &text)
{
    Params values;
    for (const QByteArray &pair : text.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QByteArray key = equals < 0 ? pair : pair.left(equals);
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(key));
        if (!values.contains(name))
            values.insert(name, QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return values;
}

QString errorMessage(int code)
{
    switch (code) {
    case 1001:
        return QStringLiteral("Invalid endpoint");
    case 1002:
        return QStringLiteral("Invalid or malformed argument");
    case 1003:
        return QStringLiteral("Argument length exceeds imposed limit");
    case 1004:
        return QStringLiteral("Missing required argument");
    case 1005:
        return QStringLiteral("Request too large");
    case 1006:
        return QStringLiteral("Rate limit exceeded.");
    case 1007:
        return QStringLiteral("Business error from the back end");
    case 1008:
        return QStringLiteral("Technical error from the back end");
    case 1009:
        return QStringLiteral("Unexpected error from the back end");
    case 1010:
        return QStringLiteral("Invalid response from the back end");
    case 1011:
        return QStringLiteral("Back end timed out");
    case 1012:
        return QStringLiteral("Method not allowed");
    case 1013:
        return QStringLiteral("Requested content type is not supported");
    case 1014:
        return QStringLiteral("Missing authorization header");
    case 1015:
        return QStringLiteral("Malformed authorization header");
    case 1016:
        return QStringLiteral("Request is outside the granted scopes");
    case 1017:
        return QStringLiteral("Access token is invalid");
    case 1018:
        return QStringLiteral("Account number not found");
    case 1019:
        return QStringLiteral("Symbol not found");
    case 1020:
        return QStringLiteral("Order not found");
    default:
        return QStringLiteral("Unexpected error");
    }
}

http::Response jsonResponse(int status, const QJsonObject &object)
{
    http::Response response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

http::Response apiError(int status, int code, const QString &message)
{
    return jsonResponse(
        status, QJsonObject{{QStringLiteral("code"), code},
                            {QStringLiteral("message"), message.isEmpty() ? errorMessage(code) : message}});
}

http::Response loginError(int status)
{
    http::Response response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = http::reasonPhrase(status);
    return response;
}

http::Response time(const QDateTime &now)
{
    return jsonResponse(200, QJsonObject{{QStringLiteral("time"), QuestradeJson::time(now)}});
}

http::Response markets(const QDateTime &start, const QDateTime &end)
{
    return jsonResponse(200, QJsonObject{{QStringLiteral("markets"), QuestradeJson::markets(start, end)}});
}

http::Response quotes(const Market &market, const RouteMatch &match, const Params &params, int maxIds)
{
    const QString idsKey = QStringLiteral("ids");
    const auto answer = [](const QJsonArray &quotes) {
        return jsonResponse(200, QJsonObject{{QStringLiteral("quotes"), quotes}});
    };

    if (match.route == Route::QuoteById) {
        if (params.contains(idsKey))
            return apiError(400, 1002, QStringLiteral("ids cannot be combined with an id in the path"));
        const auto ids = parseIds(match.pathId);
        if (!ids || ids->size() != 1)
            return apiError(400, 1002);
        if (!isListed(market, ids->constFirst()))
            return apiError(404, 1019);
        return answer(QJsonArray{QuestradeJson::quote(market.at(ids->constFirst()))});
    }

    if (params.value(QStringLiteral("stream")) == QLatin1String("true"))
        return apiError(400, 1002, QStringLiteral("Streaming is not offered by this server"));
    const QString idsText = params.value(idsKey);
    if (idsText.isEmpty())
        return apiError(400, 1004);
    const auto ids = parseIds(idsText);
    if (!ids)
        return apiError(400, 1002);
    if (maxIds > 0 && ids->size() > maxIds)
        return apiError(400, 1003);
    QJsonArray array;
    for (const qint64 id : *ids) {
        if (isListed(market, id))
            array.append(QuestradeJson::quote(market.at(id)));
    }
    return answer(array);
}

http::Response symbols(const Market &market, const RouteMatch &match, const Params &params,
                       const QSet<QString> &missedByNames)
{
    if (match.route == Route::SymbolSearch)
        return symbolSearch(market, params);

    if (match.route == Route::SymbolById) {
        const auto ids = parseIds(match.pathId);
        if (!ids || ids->size() != 1)
            return apiError(400, 1002);
        if (!isListed(market, ids->constFirst()))
            return apiError(404, 1019);
        return symbolList(QJsonArray{QuestradeJson::symbolDetail(market.at(ids->constFirst()))});
    }

    const bool hasIds = params.contains(QStringLiteral("ids"));
    const bool hasNames = params.contains(QStringLiteral("names"));
    if (hasIds && hasNames)
        return apiError(400, 1002, QStringLiteral("Send ids or names, not both"));
    if (!hasIds && !hasNames)
        return apiError(400, 1004);
    QJsonArray array;
    if (hasIds) {
        const auto ids = parseIds(params.value(QStringLiteral("ids")));
        if (!ids)
            return apiError(400, 1002);
        for (const qint64 id : *ids) {
            if (isListed(market, id))
                array.append(QuestradeJson::symbolDetail(market.at(id)));
        }
    } else {
        QSet<qint64> seen;
        for (const QString &name : params.value(QStringLiteral("names")).split(QLatin1Char(','))) {
            const QString wanted = name.trimmed();
            if (wanted.isEmpty())
                return apiError(400, 1002);
            for (const auto &[id, listing] : market) {
                if (listing.symbol && !seen.contains(id) &&
                    listing.symbol->symbol.compare(wanted, Qt::CaseInsensitive) == 0 &&
                    !missedByNames.contains(listing.symbol->symbol.toUpper())) {
                    seen.insert(id);
                    array.append(QuestradeJson::symbolDetail(listing));
                }
            }
        }
    }
    if (array.isEmpty())
        return apiError(404, 1019);
    return symbolList(array);
}

http::Response accounts(const QList<FakeQuestradeServer::Account> &accounts, qint64 userId)
{
    QJsonArray array;
    for (const FakeQuestradeServer::Account &account : accounts)
        array.append(QuestradeJson::account(account));
    return jsonResponse(200,
                        QJsonObject{{QStringLiteral("accounts"), array}, {QStringLiteral("userId"), userId}});
}

http::Response positions(const QList<FakeQuestradeServer::Account> &accounts,
                         const QHash<QString, QList<FakeQuestradeServer::Position>> &positions,
                         const RouteMatch &match)
{
    const bool known = std::any_of(accounts.cbegin(), accounts.cend(),
                                   [&match](const auto &account) { return account.number == match.pathId; });
    if (!known)
        return apiError(404, 1018);
    QJsonArray array;
    for (const FakeQuestradeServer::Position &position : positions.value(match.pathId))
        array.append(QuestradeJson::position(position));
    return jsonResponse(200, QJsonObject{{QStringLiteral("positions"), array}});
}

} // namespace trailguard::FakeQuestradeEndpoints
