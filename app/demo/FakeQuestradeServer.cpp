#include "demo/FakeQuestradeServer.h"

#include "demo/DemoLogging.h"
#include "demo/FakeQuestradeEndpoints.h"
#include "demo/FakeQuoteStreamServer.h"
#include "demo/FakeRateLimiter.h"
#include "demo/LoopbackHttpServer.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>

// Behaviour where the contract (questrade-api.md) leaves room, decided here:
// * Order of checks on the API host: unknown path (404/1001), method (405/1012), Accept (400/1013),
//   Authorization (401/1014, 400/1015, 401/1017), rate limit (429/1006), then the endpoint itself
//   (see FakeQuestradeEndpoints.h for what each answers). Only requests that pass authentication are
//   counted by the rate limiter, and refused (429) requests are not counted. Every counted answer
//   carries X-RateLimit-Remaining/-Reset, error answers included; with no hourly limit they are left out.
//   A per-second refusal's X-RateLimit-Reset is the second by which a request fits again (usually the
//   next second boundary); an hourly refusal's is the end of the clock hour.
// * Faults come first, in this order: dropNextConnections (no answer, nothing else happens);
//   failNextRequests (the given status with JSON {code, message}; nothing else happens: no token is
//   used up, nothing counts against a limit). sendMalformedJson counts down only on answers that would
//   have been 200 and cuts their body in half; the request itself is carried out, so a refresh token IS
//   rotated even though the client cannot read the new one.
// * A query string longer than setMaxQueryLength (2,048 by default, IIS's limit) is refused with a bare
//   414 right after those faults, before the path, the token or the rate limit is looked at.
// * failNextTokenRequests and holdTokenAnswers apply to /oauth2/token only, after dropNextConnections and
//   before failNextRequests; a held answer waits for the longer of the hold and setResponseDelay.
// * setResponseDelay holds every answer back (faults and errors included, drops excepted); the request
//   is carried out when it arrives, and requestHandled is emitted when the answer leaves.
// * The login host's errors are bare text ("Bad Request"), as the real one's body format is unknown.
// * Protocol errors (unparsable requests) are answered and the connection closed by LoopbackHttpServer;
//   they are not recorded as requests, and faults do not apply to them.
// * The request log keeps the latest 100 000 requests.

namespace trailguard {

namespace {

constexpr int kDefaultAccessLifetimeSeconds = 1800;
constexpr qsizetype kMaxRecordedRequests = 100000;
// A stream-port request with a longer query is answered 414 (as FakeQuoteStreamServer does a long socket
// URL).
constexpr qsizetype kMaxStreamQueryLength = 2000;

namespace endpoints = FakeQuestradeEndpoints;

FakeQuestradeServer::Category categoryFor(const QString &path)
{
    if (path.startsWith(QLatin1String("/oauth2")))
        return FakeQuestradeServer::Category::Login;
    if (path.startsWith(QLatin1String("/v1/markets")))
        return FakeQuestradeServer::Category::MarketData;
    return FakeQuestradeServer::Category::Account;
}

QByteArray randomToken()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray token(32, Qt::Uninitialized);
    for (char &c : token)
        c = alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))];
    return token;
}

bool acceptsJson(const QByteArray &accept)
{
    if (accept.trimmed().isEmpty())
        return true;
    for (const QByteArray &range : accept.split(',')) {
        const QByteArray type = range.split(';').constFirst().trimmed().toLower();
        if (type == "*/*" || type == "application/*" || type == "application/json")
            return true;
    }
    return false;
}

// Splits a request-target into its raw path and query; absolute-form targets lose scheme and host.
bool splitTarget(const QByteArray &target, QByteArray *path, QByteArray *query)
{
    QByteArray rest = target;
    const qsizetype hash = rest.indexOf('#');
    if (hash >= 0)
        rest.truncate(hash);
    if (rest.startsWith("http://") || rest.startsWith("https://")) {
        const qsizetype slash = rest.indexOf('/', rest.indexOf("//") + 2);
        rest = slash < 0 ? QByteArrayLiteral("/") : rest.mid(slash);
    }
    if (!rest.startsWith('/'))
        return false;
    const qsizetype question = rest.indexOf('?');
    *path = question < 0 ? rest : rest.left(question);
    *query = question < 0 ? QByteArray() : rest.mid(question + 1);
    return true;
}

} // namespace

class FakeQuestradeServer::Private {
public:
    explicit Private(FakeQuestradeServer *owner)
        : q(owner)
    {
        http.setHandler([this](const http::Request &request) { return handle(request); });
        stream = new FakeQuoteStreamServer(
            [this](const QByteArray &token) {
                const auto access = accessTokens.constFind(token);
                return access != accessTokens.cend() && QDateTime::currentDateTimeUtc() < access.value();
            },
            [this](qint64 symbolId) -> std::optional<QJsonObject> {
                const auto it = market.find(symbolId);
                if (it == market.end() || !it->second.symbol)
                    return std::nullopt;
                return QuestradeJson::quote(it->second);
            },
            q);
    }

    LoopbackHttpServer::Answer handle(const http::Request &request);
    http::Response respond(const http::Request &request, const Request &record, const QByteArray &rawQuery);
    http::Response tokenEndpoint(const http::Request &request, const QByteArray &rawQuery);
    http::Response apiEndpoint(const http::Request &request, const Request &record,
                               const QByteArray &rawQuery);
    http::Response marketsNow() const;
    FakeRateLimiter &limiter(Category category);
    void record(const Request &request);

    FakeQuestradeServer *q;

    // tokens
    QSet<QByteArray> refreshTokens;
    QHash<QByteArray, QDateTime> accessTokens; // token -> expiry (UTC)
    int accessLifetime = kDefaultAccessLifetimeSeconds;
    int exchanges = 0;

    // market
    endpoints::Market market;
    endpoints::CandleSeries candleSeries; // set by setCandles
    QSet<QString> missedByNames;          // set by setMissedByNameLookup
    std::optional<std::pair<QDateTime, QDateTime>> marketHours;
    QList<std::pair<QString, std::pair<QDateTime, QDateTime>>> marketSessions; // per-market overrides

    // accounts and positions
    QList<Account> accounts;
    QHash<QString, QList<Position>> positions; // account number -> its positions

    // limits
    FakeRateLimiter accountLimiter{30, 30000};
    FakeRateLimiter marketLimiter{20, 15000};
    FakeRateLimiter loginLimiter{0, 0};
    int maxIdsPerQuoteCall = 0;
    int maxQueryLength = FakeQuestradeServer::kIisMaxQueryLength;

    // quote faults
    bool unknownQuoteIdsAnswer404 = false;
    QHash<qint64, QuoteCorruption> quoteCorruptions;

    // faults
    int dropNext = 0;
    int failNext = 0;
    int failStatus = 500;
    int failCode = 1008;
    int malformedNext = 0;
    int delayMs = 0;
    int tokenFailNext = 0;
    int tokenFailStatus = 403;
    QByteArray tokenFailBody;
    int tokenHoldMs = 0;
    int tokenRequestsReceived = 0;

    QList<Request> log;

    // streaming: the WebSocket side, created in the constructor, listening from listen() on
    FakeQuoteStreamServer *stream = nullptr; // a child of the server, so moveToThread takes it along
    bool streamingOffered = true;
    http::Response streamPort(const endpoints::Params &params, const QString &rawQuery) const;

    // Last, so it goes first: no answer is delivered into a half-destroyed server.
    LoopbackHttpServer http;
};

LoopbackHttpServer::Answer FakeQuestradeServer::Private::handle(const http::Request &request)
{
    LoopbackHttpServer::Answer answer;
    QByteArray rawPath;
    QByteArray rawQuery;
    if (!splitTarget(request.target, &rawPath, &rawQuery)) {
        answer.response = endpoints::loginError(400);
        answer.close = true;
        return answer;
    }

    Request record;
    record.method = QString::fromLatin1(request.method);
    record.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    record.query = QString::fromUtf8(rawQuery);
    record.category = categoryFor(record.path);
    record.userAgent = request.header("user-agent");
    record.receivedAt = QDateTime::currentDateTimeUtc();

    if (dropNext > 0) {
        --dropNext;
        qCDebug(lcDemo).noquote() << "Dropping the connection of" << record.method << record.path
                                  << "(fault)";
        answer.drop = true;
        record.status = 0;
    } else {
        const bool tokenCall = record.path == QLatin1String("/oauth2/token");
        if (tokenCall) {
            ++tokenRequestsReceived;
            Q_EMIT q->tokenRequestReceived();
        }
        answer.response = respond(request, record, rawQuery);
        answer.delayMs = tokenCall ? std::max(delayMs, tokenHoldMs) : delayMs;
        record.status = answer.response.status;
    }
    answer.done = [this, record] {
        qCDebug(lcDemo).noquote() << record.method << record.path << "->" << record.status;
        this->record(record);
        Q_EMIT q->requestHandled(record);
    };
    return answer;
}

http::Response FakeQuestradeServer::Private::respond(const http::Request &request, const Request &record,
                                                     const QByteArray &rawQuery)
{
    if (tokenFailNext > 0 && record.path == QLatin1String("/oauth2/token")) {
        --tokenFailNext;
        http::Response response = endpoints::loginError(tokenFailStatus);
        if (!tokenFailBody.isEmpty()) {
            response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
            response.body = tokenFailBody;
        }
        return response;
    }
    if (failNext > 0) {
        --failNext;
        return endpoints::apiError(failStatus, failCode);
    }
    if (maxQueryLength > 0 && rawQuery.size() > maxQueryLength) {
        qCDebug(lcDemo).noquote() << "Refusing a query of" << rawQuery.size() << "characters (414)";
        return endpoints::loginError(414); // IIS: a bare status page, no JSON {code, message}
    }
    http::Response response = record.path == QLatin1String("/oauth2/token")
                                  ? tokenEndpoint(request, rawQuery)
                                  : apiEndpoint(request, record, rawQuery);
    if (response.status == 200 && malformedNext > 0) {
        --malformedNext;
        // A strict prefix of a JSON object is never valid JSON.
        response.body.truncate(std::max<qsizetype>(1, response.body.size() / 2));
    }
    return response;
}

http::Response FakeQuestradeServer::Private::tokenEndpoint(const http::Request &request,
                                                           const QByteArray &rawQuery)
{
    if (request.method != "GET" && request.method != "POST")
        return endpoints::loginError(405);
    if (!loginLimiter.check(QDateTime::currentMSecsSinceEpoch()).allowed)
        return endpoints::loginError(429);

    endpoints::Params params = endpoints::parseForm(rawQuery);
    if (request.method == "POST") {
        const QByteArray type = request.header("content-type").toLower();
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            const endpoints::Params form = endpoints::parseForm(request.body);
            for (auto it = form.cbegin(); it != form.cend(); ++it)
                params.insert(it.key(), it.value());
        }
    }
    if (params.value(QStringLiteral("grant_type")) != QLatin1String("refresh_token"))
        return endpoints::loginError(400);
    const QByteArray refreshToken = params.value(QStringLiteral("refresh_token")).toUtf8();
    if (refreshToken.isEmpty() || !refreshTokens.remove(refreshToken)) {
        qCDebug(lcDemo) << "Refused a refresh token that is unknown, used or revoked";
        return endpoints::loginError(400);
    }

    const QByteArray accessToken = randomToken();
    const QByteArray nextRefreshToken = randomToken();
    accessTokens.insert(accessToken, QDateTime::currentDateTimeUtc().addSecs(accessLifetime));
    refreshTokens.insert(nextRefreshToken);
    ++exchanges;

    http::Response response = endpoints::jsonResponse(
        200, QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(accessToken)},
                         {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                         {QStringLiteral("expires_in"), accessLifetime},
                         {QStringLiteral("refresh_token"), QString::fromLatin1(nextRefreshToken)},
                         {QStringLiteral("api_server"), q->apiServer().toString()}});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

http::Response FakeQuestradeServer::Private::apiEndpoint(const http::Request &request, const Request &record,
                                                         const QByteArray &rawQuery)
{
    using endpoints::apiError;
    using endpoints::Route;

    const endpoints::RouteMatch match = endpoints::matchRoute(record.path);
    if (match.route == Route::Unknown)
        return apiError(404, 1001);
    if (request.method != "GET")
        return apiError(405, 1012);
    if (!acceptsJson(request.header("accept")))
        return apiError(400, 1013);

    if (!request.hasHeader("authorization"))
        return apiError(401, 1014);
    const QByteArray authorization = request.header("authorization");
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray token = space < 0 ? QByteArray() : authorization.mid(space + 1).trimmed();
    if (space <= 0 || authorization.left(space).toLower() != "bearer" || token.isEmpty() ||
        token.contains(' '))
        return apiError(400, 1015);
    const auto access = accessTokens.constFind(token);
    if (access == accessTokens.cend() || QDateTime::currentDateTimeUtc() >= access.value())
        return apiError(401, 1017);

    const FakeRateLimiter::Decision decision =
        limiter(record.category).check(record.receivedAt.toMSecsSinceEpoch());
    http::Response response;
    if (!decision.allowed) {
        response = apiError(429, 1006);
    } else {
        const endpoints::Params params = endpoints::parseForm(rawQuery);
        switch (match.route) {
        case Route::Time:
            response = endpoints::time(QDateTime::currentDateTimeUtc());
            break;
        case Route::Markets:
            response = marketsNow();
            break;
        case Route::Quotes:
        case Route::QuoteById:
            if (match.route == Route::Quotes &&
                params.value(QStringLiteral("stream")) == QLatin1String("true")) {
                response = streamPort(params, record.query);
                break;
            }
            response = endpoints::quotes(market, match, params, maxIdsPerQuoteCall, unknownQuoteIdsAnswer404,
                                         quoteCorruptions);
            break;
        case Route::Symbols:
        case Route::SymbolSearch:
        case Route::SymbolById:
            response = endpoints::symbols(market, match, params, missedByNames);
            break;
        case Route::Accounts:
            response = endpoints::accounts(accounts, 1000001);
            break;
        case Route::Positions:
            response = endpoints::positions(accounts, positions, match);
            break;
        case Route::Candles:
            response =
                endpoints::candles(market, candleSeries, match, params, QDateTime::currentDateTimeUtc());
            break;
        case Route::Unknown:
            response = apiError(404, 1001);
            break;
        }
    }
    if (decision.remaining)
        response.headers.append(
            {QByteArrayLiteral("X-RateLimit-Remaining"), QByteArray::number(*decision.remaining)});
    if (decision.resetAt)
        response.headers.append(
            {QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(*decision.resetAt)});
    return response;
}

http::Response FakeQuestradeServer::Private::streamPort(const endpoints::Params &params,
                                                        const QString &rawQuery) const
{
    // A front end with IIS's limits refuses a long query before Questrade sees it: a bare 414, no JSON.
    if (rawQuery.size() > kMaxStreamQueryLength)
        return endpoints::loginError(414);
    const QString ids = params.value(QStringLiteral("ids"));
    if (ids.isEmpty())
        return endpoints::apiError(400, 1004);
    static const QRegularExpression idList(QStringLiteral("^[0-9]+(,[0-9]+)*$"));
    if (!idList.match(ids).hasMatch())
        return endpoints::apiError(400, 1002);
    if (!streamingOffered || params.value(QStringLiteral("mode")) != QLatin1String("WebSocket"))
        return endpoints::apiError(400, 1002, QStringLiteral("Streaming is not offered by this server"));
    return endpoints::jsonResponse(200, QJsonObject{{QStringLiteral("streamPort"), int(stream->port())}});
}

http::Response FakeQuestradeServer::Private::marketsNow() const
{
    const QTimeZone zone = QuestradeJson::torontoZone();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const auto hours = marketHours.value_or(
        std::make_pair(QDateTime(today, QTime(9, 30), zone), QDateTime(today, QTime(16, 0), zone)));
    if (marketSessions.isEmpty())
        return endpoints::markets(hours.first, hours.second);
    QJsonArray array = QuestradeJson::markets(hours.first, hours.second);
    const auto timeOrNull = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(QuestradeJson::time(time)) : QJsonValue(QJsonValue::Null);
    };
    for (const auto &[name, session] : marketSessions) {
        qsizetype index = 0;
        while (index < array.size() &&
               array.at(index).toObject().value(QStringLiteral("name")).toString() != name)
            ++index;
        QJsonObject market = array.at(index < array.size() ? index : 0).toObject();
        market.insert(QStringLiteral("name"), name);
        const auto &[start, end] = session;
        market.insert(QStringLiteral("extendedStartTime"),
                      timeOrNull(start.isValid() ? start.addSecs(-qint64(2 * 3600 + 1800)) : QDateTime()));
        market.insert(QStringLiteral("startTime"), timeOrNull(start));
        market.insert(QStringLiteral("endTime"), timeOrNull(end));
        market.insert(QStringLiteral("extendedEndTime"),
                      timeOrNull(end.isValid() ? end.addSecs(qint64(4) * 3600) : QDateTime()));
        if (index < array.size())
            array.replace(index, market);
        else
            array.append(market);
    }
    return endpoints::jsonResponse(200, QJsonObject{{QStringLiteral("markets"), array}});
}

FakeRateLimiter &FakeQuestradeServer::Private::limiter(Category category)
{
    switch (category) {
    case Category::MarketData:
        return marketLimiter;
    case Category::Login:
        return loginLimiter;
    case Category::Account:
        break;
    }
    return accountLimiter;
}

void FakeQuestradeServer::Private::record(const Request &request)
{
    if (log.size() >= kMaxRecordedRequests)
        log.removeFirst();
    log.append(request);
}

// ------------------------------------------------------------------------------------------------

FakeQuestradeServer::FakeQuestradeServer(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

FakeQuestradeServer::~FakeQuestradeServer() = default;

bool FakeQuestradeServer::listen(quint16 port)
{
    if (!d->http.listen(port)) {
        qCWarning(lcDemo) << "The fake Questrade server cannot listen on port" << port << ":"
                          << d->http.errorString();
        return false;
    }
    if (!d->stream->listen()) {
        qCWarning(lcDemo) << "The fake Questrade stream cannot listen on 127.0.0.1";
        return false;
    }
    qCInfo(lcDemo) << "Fake Questrade server listening on" << apiServer().toString();
    return true;
}

quint16 FakeQuestradeServer::port() const
{
    return d->http.port();
}

QUrl FakeQuestradeServer::loginUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl FakeQuestradeServer::apiServer() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port()));
}

QByteArray FakeQuestradeServer::issueRefreshToken()
{
    QByteArray token = randomToken();
    d->refreshTokens.insert(token);
    return token;
}

void FakeQuestradeServer::addRefreshToken(const QByteArray &token)
{
    if (!token.isEmpty())
        d->refreshTokens.insert(token);
}

void FakeQuestradeServer::setAccessTokenLifetime(int seconds)
{
    d->accessLifetime = std::max(0, seconds);
}

void FakeQuestradeServer::expireAccessTokens()
{
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (auto it = d->accessTokens.begin(); it != d->accessTokens.end(); ++it)
        it.value() = past;
}

void FakeQuestradeServer::revokeAll()
{
    d->refreshTokens.clear();
    d->accessTokens.clear();
}

int FakeQuestradeServer::tokenExchanges() const
{
    return d->exchanges;
}

void FakeQuestradeServer::addSymbol(const Symbol &symbol)
{
    d->market[symbol.symbolId].symbol = symbol;
}

void FakeQuestradeServer::setMissedByNameLookup(const QStringList &symbols)
{
    d->missedByNames.clear();
    for (const QString &symbol : symbols)
        d->missedByNames.insert(symbol.trimmed().toUpper());
}

void FakeQuestradeServer::setQuote(qint64 symbolId, const Quote &quote)
{
    QuestradeJson::applyQuote(d->market[symbolId], quote);
    d->stream->publish(symbolId);
}

void FakeQuestradeServer::setPrice(qint64 symbolId, double price)
{
    Quote quote;
    quote.lastTradePrice = price;
    quote.lastTradeTime = QDateTime::currentDateTimeUtc();
    setQuote(symbolId, quote);
}

std::optional<FakeQuestradeServer::Quote> FakeQuestradeServer::quote(qint64 symbolId) const
{
    const auto it = d->market.find(symbolId);
    if (it == d->market.end())
        return std::nullopt;
    if (it->second.quote)
        return it->second.quote;
    if (it->second.symbol)
        return Quote{}; // listed but never traded: no price
    return std::nullopt;
}

void FakeQuestradeServer::setMarketHours(const QDateTime &start, const QDateTime &end)
{
    if (start.isValid() && end.isValid())
        d->marketHours = std::make_pair(start, end);
    else
        d->marketHours.reset();
}

void FakeQuestradeServer::setMarketSession(const QString &market, const QDateTime &start,
                                           const QDateTime &end)
{
    for (auto &entry : d->marketSessions) {
        if (entry.first == market) {
            entry.second = std::make_pair(start, end);
            return;
        }
    }
    d->marketSessions.append({market, std::make_pair(start, end)});
}

void FakeQuestradeServer::clearMarketSessions()
{
    d->marketSessions.clear();
}

void FakeQuestradeServer::setAccounts(const QList<Account> &accounts)
{
    d->accounts = accounts;
}

QList<FakeQuestradeServer::Account> FakeQuestradeServer::accounts() const
{
    return d->accounts;
}

void FakeQuestradeServer::setPositions(const QString &accountNumber, const QList<Position> &positions)
{
    d->positions.insert(accountNumber, positions);
}

QList<FakeQuestradeServer::Position> FakeQuestradeServer::positions(const QString &accountNumber) const
{
    return d->positions.value(accountNumber);
}

FakeQuoteStreamServer *FakeQuestradeServer::streamServer() const
{
    return d->stream;
}

void FakeQuestradeServer::setStreamingOffered(bool offered)
{
    d->streamingOffered = offered;
}

void FakeQuestradeServer::setRateLimits(Category category, int perSecond, int perHour)
{
    d->limiter(category).setLimits(perSecond, perHour);
}

void FakeQuestradeServer::setCandles(qint64 symbolId, CandleInterval interval, QList<Candle> candles)
{
    std::sort(candles.begin(), candles.end(),
              [](const Candle &a, const Candle &b) { return a.start < b.start; });
    d->candleSeries[{symbolId, interval}] = std::move(candles);
}

void FakeQuestradeServer::setMaxIdsPerQuoteCall(int maximum)
{
    d->maxIdsPerQuoteCall = maximum;
}

void FakeQuestradeServer::setMaxQueryLength(int maximum)
{
    d->maxQueryLength = std::max(0, maximum);
}

void FakeQuestradeServer::setUnknownQuoteIdsAnswer404(bool answer404)
{
    d->unknownQuoteIdsAnswer404 = answer404;
}

void FakeQuestradeServer::setQuoteCorruption(qint64 symbolId, QuoteCorruption corruption)
{
    if (corruption == QuoteCorruption::None)
        d->quoteCorruptions.remove(symbolId);
    else
        d->quoteCorruptions.insert(symbolId, corruption);
}

void FakeQuestradeServer::failNextRequests(int count, int httpStatus, int code)
{
    d->failNext = std::max(0, count);
    d->failStatus = httpStatus;
    d->failCode = code;
}

void FakeQuestradeServer::dropNextConnections(int count)
{
    d->dropNext = std::max(0, count);
}

void FakeQuestradeServer::sendMalformedJson(int count)
{
    d->malformedNext = std::max(0, count);
}

void FakeQuestradeServer::setResponseDelay(int milliseconds)
{
    d->delayMs = std::max(0, milliseconds);
}

void FakeQuestradeServer::failNextTokenRequests(int count, int httpStatus, const QByteArray &body)
{
    d->tokenFailNext = std::max(0, count);
    d->tokenFailStatus = httpStatus;
    d->tokenFailBody = body;
}

void FakeQuestradeServer::holdTokenAnswers(int milliseconds)
{
    d->tokenHoldMs = std::max(0, milliseconds);
}

int FakeQuestradeServer::tokenRequestsReceived() const
{
    return d->tokenRequestsReceived;
}

QList<FakeQuestradeServer::Request> FakeQuestradeServer::requests() const
{
    return d->log;
}

int FakeQuestradeServer::requestCount(const QString &pathPrefix) const
{
    return int(std::count_if(d->log.cbegin(), d->log.cend(), [&pathPrefix](const Request &request) {
        return request.path.startsWith(pathPrefix);
    }));
}

int FakeQuestradeServer::maxRequestsPerSecond(Category category) const
{
    QList<qint64> times;
    for (const Request &request : std::as_const(d->log)) {
        if (request.category == category)
            times.append(request.receivedAt.toMSecsSinceEpoch());
    }
    std::sort(times.begin(), times.end());
    // The largest number of requests in any window [t, t + 1 s).
    int best = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times.at(last) - times.at(first) >= 1000)
            ++first;
        best = std::max(best, int(last - first + 1));
    }
    return best;
}

void FakeQuestradeServer::clearRequests()
{
    d->log.clear();
}

int FakeQuestradeServer::connectionsAccepted() const
{
    return d->http.connectionsAccepted();
}

} // namespace trailguard
