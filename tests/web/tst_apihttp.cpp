// The real endpoints behind the real server, over HTTP on loopback: one exchange (at least) per group, an API
// token for scripts and a cookie session with its CSRF token for the browser, and the event stream fed by
// the guardian's signals.
#include "ApiFixture.h"
#include "access/ApiTokens.h"
#include "access/WebPassword.h"
#include "alerts/webhooks/NtfyConfig.h"
#include "storage/PriceHistoryRepository.h"
#include "web/server/ApiGate.h"
#include "web/server/EventStream.h"
#include "web/server/WebServer.h"

#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace trailguard;
using trailguard::test::ApiFixture;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
const QByteArray kTopic = "apiHttpTopicNeverShown";

struct HttpAnswer {
    int status = 0;
    QByteArray body;
    QByteArray setCookie;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// Each test sends the cookies it means to.
class ApiHttpCookieJar : public QNetworkCookieJar {
public:
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
};
} // namespace

class ApiHttpTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void watchlistOverHttp();
    void alertsOverHttp();
    void historyAndStatusOverHttp();
    void settingsOverHttpNeverShowASecret();
    void aBrowserSessionNeedsItsCsrfToken();
    void theEventStreamCarriesTheGuardiansEvents();

private:
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body,
                        const Headers &headers);
    HttpAnswer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       Headers headers = {});

    std::unique_ptr<ApiFixture> m_api;
    std::unique_ptr<Web::EventFeed> m_feed;
    std::unique_ptr<Web::WebServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QByteArray m_bearer;
};

void ApiHttpTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
    QVERIFY(WebPassword(*m_api->m_settings).set(kPassword).ok());
    const Result<QString> token =
        ApiTokens(*m_api->m_settings).create(QStringLiteral("tests"), m_api->m_clock.now());
    QVERIFY(token.ok());
    m_bearer = "Bearer " + token.value().toLatin1();
    m_feed = Web::makeEventFeed(m_api->services());
    Web::WebServer::Config config;
    config.keepAlive = std::chrono::milliseconds(50);
    m_server =
        std::make_unique<Web::WebServer>(config, *m_api->m_settings, m_api->m_clock, m_api->m_health.get(),
                                         Web::makeApiEndpoints(m_api->services()), m_feed.get());
    const Status started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setCookieJar(new ApiHttpCookieJar);
}

void ApiHttpTest::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_feed.reset();
    m_api.reset();
}

QNetworkReply *ApiHttpTest::send(const QByteArray &method, const QString &path, const QByteArray &body,
                                 const Headers &headers)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    return m_network->sendCustomRequest(request, method, body);
}

// Bearer-authenticated unless `headers` say otherwise.
HttpAnswer ApiHttpTest::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                Headers headers)
{
    if (headers.isEmpty())
        headers = {{"Authorization", m_bearer}};
    QNetworkReply *reply = send(method, path, body, headers);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20'000))
        qWarning("No answer to %s %s", method.constData(), qPrintable(path));
    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.setCookie = reply->rawHeader("Set-Cookie");
    reply->deleteLater();
    return answer;
}

void ApiHttpTest::watchlistOverHttp()
{
    const HttpAnswer added =
        request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":"shop.to","entry":100})");
    QCOMPARE(added.status, 201);
    QCOMPARE(added.json().value(QStringLiteral("ticker")).toString(), QStringLiteral("SHOP.TO"));
    QCOMPARE(m_api->m_watchlist->stocks().value().size(), 1); // in the running guardian at once

    QCOMPARE(request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":"SHOP.TO"})").status, 409);
    const HttpAnswer bad = request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":)");
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("JSON")));

    const HttpAnswer listed = request("GET", QStringLiteral("/api/v1/watchlist"));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.array().size(), 1);
    QCOMPARE(request("PATCH", QStringLiteral("/api/v1/watchlist/SHOP.TO"), R"({"ratio":0.8})").status, 200);
    QCOMPARE(request("PATCH", QStringLiteral("/api/v1/watchlist/NOPE.TO"), R"({"ratio":0.8})").status, 404);
    const HttpAnswer removed = request("DELETE", QStringLiteral("/api/v1/watchlist/SHOP.TO"));
    QCOMPARE(removed.status, 204);
    QVERIFY(removed.body.isEmpty());
    QCOMPARE(m_api->m_watchlist->stocks().value().size(), 0);
}

void ApiHttpTest::alertsOverHttp()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    const QDateTime now = m_api->m_clock.now();
    QVERIFY(m_api->m_outbox
                ->recordBreach(Breach{QStringLiteral("RY.TO"), 90, 110, 99, 0.9, now, now.date()},
                               QStringLiteral("CAD"))
                .ok());
    const HttpAnswer listed = request("GET", QStringLiteral("/api/v1/alerts?limit=5"));
    QCOMPARE(listed.status, 200);
    QCOMPARE(listed.array().size(), 1);
    const qint64 id = listed.array().first().toObject().value(QStringLiteral("id")).toInteger();
    QCOMPARE(request("GET", QStringLiteral("/api/v1/alerts?limit=5000")).status, 400);

    const HttpAnswer acked = request("POST", QStringLiteral("/api/v1/alerts/%1/ack").arg(id));
    QCOMPARE(acked.status, 200);
    QCOMPARE(acked.json().value(QStringLiteral("ackSource")).toString(), QStringLiteral("web"));
    QCOMPARE(request("POST", QStringLiteral("/api/v1/alerts/999/ack")).status, 404);
    QCOMPARE(request("POST", QStringLiteral("/api/v1/alerts/%1/snooze").arg(id), R"({"days":2})").status,
             200);
    QVERIFY(m_api->m_watchlist->stocks().value().constFirst().snoozedUntil.isValid());
    QCOMPARE(request("POST", QStringLiteral("/api/v1/alerts/%1/snooze").arg(id), R"({"days":400})").status,
             400);
}

void ApiHttpTest::historyAndStatusOverHttp()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("SHOP.TO"), 0.9).ok());
    PriceHistoryRepository history(m_api->m_database->connection());
    QVERIFY(
        history.recordQuote(QStringLiteral("SHOP.TO"), m_api->m_clock.now().addSecs(-60), 100, 100, 90).ok());
    const HttpAnswer series = request("GET", QStringLiteral("/api/v1/history/SHOP.TO?points=100"));
    QCOMPARE(series.status, 200);
    QCOMPARE(series.json().value(QStringLiteral("prices")).toArray().size(), 1);
    QCOMPARE(request("GET", QStringLiteral("/api/v1/history/SHOP.TO?from=never")).status, 400);
    QCOMPARE(request("GET", QStringLiteral("/api/v1/history/NOPE.TO")).status, 404);

    const HttpAnswer status = request("GET", QStringLiteral("/api/v1/status"));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(QStringLiteral("quoteMode")).toString(), QStringLiteral("polling"));
}

void ApiHttpTest::settingsOverHttpNeverShowASecret()
{
    const HttpAnswer put = request("PUT", QStringLiteral("/api/v1/settings/secrets/ntfy-topic"),
                                   QByteArray(R"({"value":")") + kTopic + R"("})");
    QCOMPARE(put.status, 200);
    QVERIFY(!put.body.contains(kTopic));
    const HttpAnswer read = request("GET", QStringLiteral("/api/v1/settings"));
    QCOMPARE(read.status, 200);
    QVERIFY(!read.body.contains(kTopic));
    QCOMPARE(read.json()
                 .value(QStringLiteral("channels"))
                 .toObject()
                 .value(QStringLiteral("ntfy"))
                 .toObject()
                 .value(QStringLiteral("topicSet"))
                 .toBool(),
             true);
    const HttpAnswer patched =
        request("PATCH", QStringLiteral("/api/v1/settings"), R"({"checkIntervalSeconds":120})");
    QCOMPARE(patched.status, 200);
    QCOMPARE(m_api->m_settings->checkInterval(), std::chrono::seconds(120));
    QCOMPARE(m_api->m_applied, 2); // the secret, then the patch
    QCOMPARE(request("PATCH", QStringLiteral("/api/v1/settings"), R"({"checkIntervalSeconds":1})").status,
             400);
    QCOMPARE(request("GET", QStringLiteral("/api/v1/settings/secrets/ntfy-topic")).status, 405);
}

void ApiHttpTest::aBrowserSessionNeedsItsCsrfToken()
{
    const HttpAnswer logIn =
        request("POST", QStringLiteral("/api/v1/session"),
                QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson(),
                {{"X-Test", "no bearer"}});
    QCOMPARE(logIn.status, 200);
    const QByteArray cookie = logIn.setCookie.split(';').constFirst();
    const QByteArray csrf = logIn.json().value(QStringLiteral("csrf")).toString().toLatin1();
    QCOMPARE(
        request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":"RY.TO"})", {{"Cookie", cookie}})
            .status,
        403);
    QCOMPARE(m_api->m_watchlist->stocks().value().size(), 0);
    const HttpAnswer added = request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":"RY.TO"})",
                                     {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
    QCOMPARE(added.status, 201);
    QCOMPARE(request("GET", QStringLiteral("/api/v1/watchlist"), {}, {{"X-Test", "nobody"}}).status, 401);
}

void ApiHttpTest::theEventStreamCarriesTheGuardiansEvents()
{
    QNetworkReply *stream = send("GET", QStringLiteral("/api/v1/events"), {}, {{"Authorization", m_bearer}});
    QByteArray received;
    connect(stream, &QNetworkReply::readyRead, stream, [&] { received += stream->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(m_server->api().events().listenerCount() == 1, 10'000);

    QCOMPARE(request("POST", QStringLiteral("/api/v1/watchlist"), R"({"ticker":"SHOP.TO"})").status, 201);
    QTRY_VERIFY(received.contains("event: stock\ndata: {"));
    QVERIFY(received.contains("\"ticker\":\"SHOP.TO\""));
    QCOMPARE(request("DELETE", QStringLiteral("/api/v1/watchlist/SHOP.TO")).status, 204);
    QTRY_VERIFY(received.contains("event: removed\ndata: {\"ticker\":\"SHOP.TO\"}\n\n"));
    m_api->m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
    QTRY_VERIFY(received.contains("event: status\ndata: {"));
    QTRY_VERIFY(received.contains("event: alert\ndata: {"));
    stream->abort();
    stream->deleteLater();
}

QTEST_GUILESS_MAIN(ApiHttpTest)
#include "tst_apihttp.moc"
