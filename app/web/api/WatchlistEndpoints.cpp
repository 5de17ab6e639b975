#include "web/api/WatchlistEndpoints.h"

#include "domain/StockJson.h"
#include "domain/StopStrategy.h"
#include "domain/Ticker.h"
#include "settings/Settings.h"
#include "watchlist/WatchlistService.h"
#include "web/api/ApiJson.h"

#include <QJsonArray>

namespace trailguard::Web {

namespace {
// The "rules" member: an array of spec strings (each checked by WatchlistService::add).
Result<QStringList> ruleSpecs(const QJsonObject &object)
{
    const QJsonValue value = object.value(QStringLiteral("rules"));
    if (value.isUndefined() || value.isNull())
        return QStringList();
    const Error wrong{ErrorCode::InvalidArguments,
                      ApiText::tr("\"rules\" must be an array of rule strings (\"cross-below-sma:50\").")};
    if (!value.isArray())
        return wrong;
    QStringList specs;
    for (const QJsonValue &rule : value.toArray()) {
        if (!rule.isString())
            return wrong;
        specs.append(rule.toString());
    }
    return specs;
}
} // namespace

WatchlistEndpoints::WatchlistEndpoints(const WebServices &services)
    : m_services(services)
{}

bool WatchlistEndpoints::handle(const ApiRequest &request, const Respond &respond)
{
    if (request.path.value(0) != QLatin1String("watchlist") || request.path.size() > 2)
        return false;
    const QByteArray &method = request.method;
    if (request.path.size() == 1) {
        if (method == "GET")
            respond(list());
        else if (method == "POST")
            respond(add(request.body));
        else
            respond(ApiResponse::error(405, ApiText::tr("Use GET or POST on /api/v1/watchlist.")));
        return true;
    }
    const QString ticker = request.path.at(1);
    if (method == "PATCH") {
        respond(edit(ticker, request.body));
    } else if (method == "DELETE") {
        respond(remove(ticker));
    } else if (method == "GET") {
        const Result<StockState> stock = watched(ticker);
        respond(stock.ok() ? ApiResponse::json(200, StockJson::toJson(stock.value()))
                           : ApiJson::error(stock.error()));
    } else {
        respond(ApiResponse::error(405, ApiText::tr("Use GET, PATCH or DELETE on a watched ticker.")));
    }
    return true;
}

Result<StockState> WatchlistEndpoints::watched(const QString &tickerInput) const
{
    const Result<QString> ticker = Ticker::normalize(tickerInput);
    if (!ticker.ok())
        return ticker.error();
    const Result<QList<StockState>> stocks = m_services.watchlist->stocks();
    if (!stocks.ok())
        return stocks.error();
    for (const StockState &stock : stocks.value()) {
        if (stock.ticker == ticker.value())
            return stock;
    }
    return Error{ErrorCode::UnknownTicker, ApiText::tr("%1 is not on the watchlist.").arg(ticker.value())};
}

ApiResponse WatchlistEndpoints::list() const
{
    const Result<QList<StockState>> stocks = m_services.watchlist->stocks();
    if (!stocks.ok())
        return ApiJson::error(stocks.error());
    return ApiResponse::json(200, StockJson::toJson(stocks.value()));
}

ApiResponse WatchlistEndpoints::add(const QByteArray &body)
{
    const Result<QJsonObject> object = ApiJson::object(body);
    if (!object.ok())
        return ApiJson::error(object.error());
    const QJsonObject &input = object.value();
    if (const Status known = ApiJson::onlyKnownKeys(
            input, {QStringLiteral("ticker"), QStringLiteral("ratio"), QStringLiteral("strategy"),
                    QStringLiteral("entry"), QStringLiteral("rules")});
        !known.ok())
        return ApiJson::error(known.error());
    const auto tickerText = ApiJson::text(input, QStringLiteral("ticker"));
    const auto ratio = ApiJson::number(input, QStringLiteral("ratio"));
    const auto strategyText = ApiJson::text(input, QStringLiteral("strategy"));
    const auto entry = ApiJson::number(input, QStringLiteral("entry"));
    const Result<QStringList> rules = ruleSpecs(input);
    for (const Error *wrong :
         {tickerText.ok() ? nullptr : &tickerText.error(), ratio.ok() ? nullptr : &ratio.error(),
          strategyText.ok() ? nullptr : &strategyText.error(), entry.ok() ? nullptr : &entry.error(),
          rules.ok() ? nullptr : &rules.error()}) {
        if (wrong)
            return ApiJson::error(*wrong);
    }
    if (!tickerText.value())
        return ApiResponse::error(400, ApiText::tr("\"ticker\" is missing."));
    // The same checks, in the same order and with the same messages, as `trailguard watch add`.
    const Result<QString> ticker = Ticker::normalize(*tickerText.value());
    if (!ticker.ok())
        return ApiJson::error(ticker.error());
    if (ratio.value()) {
        if (const Result<double> valid = StopRatio::validate(*ratio.value()); !valid.ok())
            return ApiJson::error(valid.error());
    }
    std::optional<StopStrategy> strategy;
    if (strategyText.value()) {
        if (ratio.value()) {
            return ApiResponse::error(
                400, ApiText::tr(
                         "Give either \"ratio\" or \"strategy\", not both (\"trailing:R\" sets the ratio)."));
        }
        const Result<StopStrategy> parsed = StopStrategy::parse(*strategyText.value());
        if (!parsed.ok())
            return ApiJson::error(parsed.error());
        strategy = parsed.value();
    }
    double useRatio = ratio.value().value_or(0);
    if (!strategy && !ratio.value()) {
        const Result<double> fallback = m_services.settings->defaultRatio();
        if (!fallback.ok())
            return ApiJson::error(fallback.error());
        useRatio = fallback.value();
    }
    const Result<StockState> added =
        strategy ? m_services.watchlist->add(ticker.value(), *strategy, entry.value(), rules.value())
                 : m_services.watchlist->add(ticker.value(), useRatio, entry.value(), rules.value());
    if (!added.ok())
        return ApiJson::error(added.error());
    return ApiResponse::json(201, StockJson::toJson(added.value()));
}

ApiResponse WatchlistEndpoints::edit(const QString &ticker, const QByteArray &body)
{
    const Result<QJsonObject> object = ApiJson::object(body);
    if (!object.ok())
        return ApiJson::error(object.error());
    const QJsonObject &input = object.value();
    if (const Status known =
            ApiJson::onlyKnownKeys(input, {QStringLiteral("ratio"), QStringLiteral("strategy"),
                                           QStringLiteral("entry"), QStringLiteral("resetPeak")});
        !known.ok())
        return ApiJson::error(known.error());
    const auto ratio = ApiJson::number(input, QStringLiteral("ratio"));
    const auto strategyText = ApiJson::text(input, QStringLiteral("strategy"));
    const auto entry = ApiJson::number(input, QStringLiteral("entry"));
    const auto resetPeak = ApiJson::boolean(input, QStringLiteral("resetPeak"));
    for (const Error *wrong :
         {ratio.ok() ? nullptr : &ratio.error(), strategyText.ok() ? nullptr : &strategyText.error(),
          entry.ok() ? nullptr : &entry.error(), resetPeak.ok() ? nullptr : &resetPeak.error()}) {
        if (wrong)
            return ApiJson::error(*wrong);
    }
    // Everything is checked before anything changes.
    if (ratio.value()) {
        if (const Result<double> valid = StopRatio::validate(*ratio.value()); !valid.ok())
            return ApiJson::error(valid.error());
    }
    if (ratio.value() && strategyText.value()) {
        return ApiResponse::error(
            400,
            ApiText::tr("Give either \"ratio\" or \"strategy\", not both (\"trailing:R\" sets the ratio)."));
    }
    std::optional<StopStrategy> strategy;
    if (strategyText.value()) {
        const Result<StopStrategy> parsed = StopStrategy::parse(*strategyText.value());
        if (!parsed.ok())
            return ApiJson::error(parsed.error());
        strategy = parsed.value();
    }
    if (entry.value() && !Price::isUsable(*entry.value())) {
        return ApiResponse::error(
            400, ApiText::tr("The entry price must be a number greater than 0, or left empty."));
    }
    WatchlistService &watchlist = *m_services.watchlist;
    // A PATCH with nothing to change still answers the ticker (404 when it is not watched).
    Result<StockState> current = watched(ticker);
    if (!current.ok())
        return ApiJson::error(current.error());
    if (input.contains(QStringLiteral("entry")))
        current = watchlist.changeEntry(ticker, entry.value());
    if (current.ok() && strategy)
        current = watchlist.changeStrategy(ticker, *strategy);
    if (current.ok() && ratio.value())
        current = watchlist.changeRatio(ticker, *ratio.value());
    if (current.ok() && resetPeak.value().value_or(false))
        current = watchlist.resetPeak(ticker);
    if (!current.ok())
        return ApiJson::error(current.error());
    return ApiResponse::json(200, StockJson::toJson(current.value()));
}

ApiResponse WatchlistEndpoints::remove(const QString &ticker)
{
    const Result<QString> canonical = Ticker::normalize(ticker);
    if (!canonical.ok())
        return ApiJson::error(canonical.error());
    if (const Status removed = m_services.watchlist->remove(canonical.value()); !removed.ok())
        return ApiJson::error(removed.error());
    return ApiResponse::noContent();
}

} // namespace trailguard::Web
