// How FakeQuestradeServer checks, routes and answers a request; the set-up API is in
// FakeQuestradeServer.cpp.

#include "demo/DemoLogging.h"
#include "demo/FakeQuestradeServerPrivate.h"

#include <QJsonObject>
#include <QRegularExpression>

// Behaviour where the contract (questrade-api.md) leaves room, decided here:
// * Order of checks on the API host: unknown path (404/1001), method (405/1012), Accept (400/1013),
//   Authorization (401/1014, 400/1015, 401/1017), rate limit (429/1006), then the endpoint itself
//   (see FakeQuestradeEndpoints.h for what each answers). Only requests that pass authentication are
//   counted by the rate limiter, and refused (429) requests are not counted. Every counted answer
//   carries X-RateLimit-Remaining/-Reset, error answers included; with no hourly limit they are left out.
//   A per-second refusal's X-RateLimit-Reset is the second by which a request fits again (usually the
//   next second boundary); an hourly refusal's is the end of the clock hour.
// * Hooks (faults, in tests only) come first: dropConnection (no answer, nothing else happens), then
//   answerInstead (nothing else happens: no token is used up, nothing counts against a limit). After the
//   request is carried out, alterAnswer may change its answer; answerDelayMs holds every answer back
//   (drops excepted), and answered is called when it leaves. See tests/support/fakes/QuestradeFaultPlan.h.
// * A query string longer than setMaxQueryLength (2,048 by default, IIS's limit) is refused with a bare
//   414 right after answerInstead, before the path, the token or the rate limit is looked at.
// * The login host's errors are bare text ("Bad Request"), as the real one's body format is unknown.
// * Protocol errors (unparsable requests) are answered and the connection closed by LoopbackHttpServer;
//   they are not recorded as requests, and faults do not apply to them.

namespace trailguard {

namespace {

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
    record.receivedAt = clock->now();

    if (hooks && hooks->dropConnection(record)) {
        qCDebug(lcDemo).noquote() << "Dropping the connection of" << record.method << record.path
                                  << "(fault)";
        answer.drop = true;
        record.status = 0;
    } else {
        answer.response = respond(request, record, rawQuery);
        answer.delayMs = hooks ? hooks->answerDelayMs(record) : 0;
        record.status = answer.response.status;
    }
    answer.done = [this, record] {
        qCDebug(lcDemo).noquote() << record.method << record.path << "->" << record.status;
        if (hooks)
            hooks->answered(record);
    };
    return answer;
}

http::Response FakeQuestradeServer::Private::respond(const http::Request &request, const Request &record,
                                                     const QByteArray &rawQuery)
{
    if (hooks) {
        if (std::optional<http::Response> instead = hooks->answerInstead(record))
            return *instead;
    }
    if (maxQueryLength > 0 && rawQuery.size() > maxQueryLength) {
        qCDebug(lcDemo).noquote() << "Refusing a query of" << rawQuery.size() << "characters (414)";
        return endpoints::loginError(414); // IIS: a bare status page, no JSON {code, message}
    }
    http::Response response = record.path == QLatin1String("/oauth2/token")
                                  ? tokenEndpoint(request, rawQuery)
                                  : apiEndpoint(request, record, rawQuery);
    if (hooks)
        hooks->alterAnswer(record, response);
    return response;
}

http::Response FakeQuestradeServer::Private::tokenEndpoint(const http::Request &request,
                                                           const QByteArray &rawQuery)
{
    if (request.method != "GET" && request.method != "POST")
        return endpoints::loginError(405);
    if (!loginLimiter.check(clock->now().toMSecsSinceEpoch()).allowed)
        return endpoints::loginError(429);
    return tokens.exchange(request, rawQuery, q->apiServer());
}

http::Response FakeQuestradeServer::Private::apiEndpoint(const http::Request &request, const Request &record,
                                                         const QByteArray &rawQuery)
{
    using endpoints::apiError;

    const endpoints::RouteMatch match = endpoints::matchRoute(record.path);
    if (match.route == endpoints::Route::Unknown)
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
    if (!tokens.acceptsAccessToken(token))
        return apiError(401, 1017);

    const FakeRateLimiter::Decision decision =
        limiter(record.category).check(record.receivedAt.toMSecsSinceEpoch());
    http::Response response;
    if (!decision.allowed) {
        response = apiError(429, 1006);
    } else {
        const endpoints::Params params = endpoints::parseForm(rawQuery);
        if (match.route == endpoints::Route::Quotes &&
            params.value(QStringLiteral("stream")) == QLatin1String("true"))
            response = streamPort(params, record.query);
        else
            response = state.answer(match, params, clock->now());
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

} // namespace trailguard
