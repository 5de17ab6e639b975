// The web server in this process, on 127.0.0.1:0, over real HTTP(S) with a QNetworkAccessManager client:
// log-in, cookies, CSRF, API tokens, the rate limit, the Host check, headers, limits, the page's files, the
// event stream and TLS. Its endpoints here are a small test group; the real ones have their own tests.
#include "access/ApiTokens.h"
#include "access/WebPassword.h"
#include "alerts/AlertOutbox.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "common/Clock.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "web/ApiTypes.h"
#include "web/server/ApiGate.h"
#include "web/server/TlsFiles.h"
#include "web/server/WebDashboard.h"
#include "web/server/WebServer.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace trailguard;
using namespace trailguard::Web;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

// The client keeps no cookies: each test sends the ones it means to.
class NoCookieJar : public QNetworkCookieJar {
public:
    bool setCookiesFromUrl(const QList<QNetworkCookie> &, const QUrl &) override { return false; }
    QList<QNetworkCookie> cookiesForUrl(const QUrl &) const override { return {}; }
};

// A test endpoint group: GET/POST echo answers who asked and what was sent; GET later answers from the event
// loop (as a slow endpoint does); anything else is not this group's.
class EchoEndpoints : public ApiEndpoints {
public:
    bool handle(const ApiRequest &request, const Respond &respond) override
    {
        if (request.path == QStringList{QStringLiteral("echo")}) {
            respond(ApiResponse::json(
                200, QJsonObject{{QStringLiteral("principal"), request.principal},
                                 {QStringLiteral("method"), QString::fromLatin1(request.method)},
                                 {QStringLiteral("body"), QString::fromUtf8(request.body)}}));
            return true;
        }
        if (request.path == QStringList{QStringLiteral("later")}) {
            QTimer::singleShot(10, [respond] {
                respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("later"), true}}));
            });
            return true;
        }
        return false;
    }
};

struct Answer {
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

using Headers = QList<QPair<QByteArray, QByteArray>>;
} // namespace

class WebServerTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<EventFeed> m_feed;
    std::unique_ptr<WebServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_fingerprint;

    WebServer::Config config() const
    {
        WebServer::Config config;
        config.assetRoot = QStringLiteral(":/webtest");
        config.hostNames = {QStringLiteral("guardian.home.arpa")};
        return config;
    }

    void startServer(WebServer::Config config, HealthWatch *health = nullptr)
    {
        m_server.reset();
        std::vector<std::unique_ptr<ApiEndpoints>> endpoints;
        endpoints.push_back(std::make_unique<EchoEndpoints>());
        m_server = std::make_unique<WebServer>(std::move(config), *m_settings, *m_clock, health,
                                               std::move(endpoints), m_feed.get());
        const Status started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        QVERIFY(m_server->port() != 0);
    }

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(m_server->isSecure() ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_server->port())
                        .arg(path));
    }

    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                        const Headers &headers = {})
    {
        QNetworkRequest request(url(path));
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
        connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &errors) {
            // The client trusts the self-signed certificate by its fingerprint only.
            if (!errors.isEmpty() &&
                TlsFiles::fingerprint(errors.constFirst().certificate()) == m_fingerprint)
                reply->ignoreSslErrors();
        });
        return reply;
    }

    Answer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                   const Headers &headers = {})
    {
        QNetworkReply *reply = send(method, path, body, headers);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(20'000);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs())
            answer.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return answer;
    }

    // Logs in; the session's cookie ("tg_session=…") and CSRF token.
    QPair<QByteArray, QByteArray> logIn()
    {
        const Answer answer =
            request("POST", QStringLiteral("/api/v1/session"),
                    QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson());
        const QByteArray cookie = answer.header("Set-Cookie").split(';').constFirst();
        return {cookie, answer.json().value(QStringLiteral("csrf")).toString().toLatin1()};
    }

    // A raw exchange over a plain socket: the server's first answer, once its body is whole.
    QByteArray raw(const QByteArray &text)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        socket.write(text);
        const auto whole = [&] {
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QByteArray head = received.left(end).toLower();
            const qsizetype length = head.indexOf("content-length: ");
            const qsizetype size =
                length < 0 ? 0 : head.mid(length + 16, head.indexOf('\r', length) - length - 16).toLongLong();
            return received.size() >= end + 4 + (text.startsWith("HEAD ") ? 0 : size);
        };
        if (!QTest::qWaitFor(whole, 10'000))
            qWarning("No whole answer: %s", received.left(200).constData());
        return received;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_settings = Settings::forFile(m_folder.filePath(QStringLiteral("settings.ini")));
        auto database = Database::open(m_folder.filePath(QStringLiteral("trailguard.sqlite")));
        QVERIFY(database.ok());
        m_database = std::move(database).value();
        QVERIFY(WebPassword(*m_settings).set(kPassword).ok());
    }

    void init()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
        m_feed = std::make_unique<EventFeed>();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setCookieJar(new NoCookieJar);
        m_fingerprint.clear();
        startServer(config());
    }

    void cleanup()
    {
        m_network.reset();
        m_server.reset();
    }

    void healthNeedsNoLogIn()
    {
        const Answer answer = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(!answer.json().value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(answer.header("Cache-Control"), QByteArray("no-store"));
    }

    void healthIsDegradedWhileAHealthAlertIsActive()
    {
        // The guardian's own health watch over the outbox in the test's SQLite file.
        AlertRepository alerts(m_database->connection());
        OutboxDispatcher dispatcher(alerts, *m_clock);
        AlertOutbox outbox(alerts, dispatcher, *m_clock);
        HealthWatch health(outbox, *m_clock);
        startServer(config(), &health);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/health"))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("ok"));
        health.connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
        const Answer degraded = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(degraded.status, 200);
        QCOMPARE(degraded.json().value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY(!degraded.body.contains("refused")); // the health check says no more than that
        health.connectionStateChanged(ConnectionState::Connected, {});
        QCOMPARE(request("GET", QStringLiteral("/api/v1/health"))
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("ok"));
        m_server.reset(); // before the health watch it reads
    }

    void everyAnswerCarriesTheSecurityHeaders_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("api") << QStringLiteral("/api/v1/health");
        QTest::newRow("api, 401") << QStringLiteral("/api/v1/echo");
        QTest::newRow("page") << QStringLiteral("/");
        QTest::newRow("404") << QStringLiteral("/missing.html");
    }

    void everyAnswerCarriesTheSecurityHeaders()
    {
        QFETCH(QString, path);
        const Answer answer = request("GET", path);
        const QByteArray csp = answer.header("Content-Security-Policy");
        QVERIFY2(csp.contains("default-src 'self'") && csp.contains("script-src 'self'") &&
                     csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
                 csp.constData());
        QCOMPARE(answer.header("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(answer.header("Referrer-Policy"), QByteArray("no-referrer"));
        QCOMPARE(answer.header("X-Frame-Options"), QByteArray("DENY"));
    }

    void logInGivesAStrictHttpOnlyCookieAndACsrfToken()
    {
        const Answer answer =
            request("POST", QStringLiteral("/api/v1/session"),
                    QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson());
        QCOMPARE(answer.status, 200);
        const QByteArray cookie = answer.header("Set-Cookie");
        QVERIFY2(cookie.startsWith("tg_session="), cookie.constData());
        QVERIFY(cookie.contains("; HttpOnly"));
        QVERIFY(cookie.contains("; SameSite=Strict"));
        QVERIFY(cookie.contains("; Path=/"));
        QVERIFY(!cookie.contains("Secure")); // plain HTTP on loopback
        const QByteArray id = cookie.split(';').constFirst().mid(int(qstrlen("tg_session=")));
        QVERIFY(QByteArray::fromBase64(id, QByteArray::Base64UrlEncoding).size() == 32); // 256 bits
        const QString csrf = answer.json().value(QStringLiteral("csrf")).toString();
        QVERIFY(csrf.size() >= 43);
        QVERIFY(!answer.body.contains(kPassword.toUtf8()));

        // The page reloads: the cookie gives the same CSRF token back.
        const Answer again = request("GET", QStringLiteral("/api/v1/session"), {},
                                     {{"Cookie", cookie.split(';').constFirst()}});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QStringLiteral("csrf")).toString(), csrf);
    }

    void wrongPasswordIsRefusedWithoutEchoingIt()
    {
        const Answer answer = request("POST", QStringLiteral("/api/v1/session"),
                                      QByteArrayLiteral("{\"password\":\"guess-number-one\"}"));
        QCOMPARE(answer.status, 401);
        QVERIFY(answer.header("Set-Cookie").isEmpty());
        QVERIFY(!answer.body.contains("guess-number-one"));
        QVERIFY(!answer.json().value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(request("POST", QStringLiteral("/api/v1/session"), QByteArrayLiteral("not json")).status,
                 400);
    }

    void apiNeedsALogIn()
    {
        const Answer answer = request("GET", QStringLiteral("/api/v1/echo"));
        QCOMPARE(answer.status, 401);
        QVERIFY(answer.header("Content-Type").startsWith("application/json"));
        QCOMPARE(
            request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", "tg_session=made-up"}}).status,
            401);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/session")).status, 401);
    }

    void cookieSessionsNeedTheCsrfTokenToChangeState()
    {
        const auto [cookie, csrf] = logIn();
        QVERIFY(!csrf.isEmpty());
        // Reading needs none.
        const Answer read = request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", cookie}});
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QStringLiteral("principal")).toString(), QStringLiteral("session"));
        // Changing without it, or with a wrong one, is refused before any endpoint sees it.
        QCOMPARE(request("POST", QStringLiteral("/api/v1/echo"), "{}", {{"Cookie", cookie}}).status, 403);
        QCOMPARE(request("POST", QStringLiteral("/api/v1/echo"), "{}",
                         {{"Cookie", cookie}, {"X-CSRF-Token", "wrong"}})
                     .status,
                 403);
        QByteArray almost = csrf;
        almost[0] = almost.at(0) == 'A' ? 'B' : 'A';
        QCOMPARE(request("DELETE", QStringLiteral("/api/v1/echo"), {},
                         {{"Cookie", cookie}, {"X-CSRF-Token", almost}})
                     .status,
                 403);
        const Answer changed = request("POST", QStringLiteral("/api/v1/echo"), "{\"a\":1}",
                                       {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
    }

    void logOutEndsTheSession()
    {
        const auto [cookie, csrf] = logIn();
        const Answer out = request("DELETE", QStringLiteral("/api/v1/session"), {},
                                   {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
        QCOMPARE(out.status, 204);
        QVERIFY(out.header("Set-Cookie").contains("Max-Age=0"));
        QCOMPARE(request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", cookie}}).status, 401);
    }

    void sessionsExpireWhenIdle()
    {
        const auto [cookie, csrf] = logIn();
        m_clock->advance(std::chrono::minutes(29));
        QCOMPARE(request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", cookie}}).status, 200);
        m_clock->advance(std::chrono::minutes(29)); // 58 minutes in, but only 29 idle
        QCOMPARE(request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", cookie}}).status, 200);
        m_clock->advance(std::chrono::minutes(30));
        QCOMPARE(request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Cookie", cookie}}).status, 401);
    }

    void bearerTokensAuthenticateScriptsUntilRevoked()
    {
        // Made as `trailguard web token create` does: through another Settings over the same file.
        const std::unique_ptr<Settings> other =
            Settings::forFile(m_folder.filePath(QStringLiteral("settings.ini")));
        ApiTokens tokens(*other);
        const Result<QString> token =
            tokens.create(QStringLiteral("backup-script"), QDateTime::currentDateTimeUtc());
        QVERIFY(token.ok());
        const QByteArray bearer = "Bearer " + token.value().toLatin1();

        const Answer answer =
            request("POST", QStringLiteral("/api/v1/echo"), "{}", {{"Authorization", bearer}});
        QCOMPARE(answer.status, 200); // no CSRF token needed
        QCOMPARE(answer.json().value(QStringLiteral("principal")).toString(),
                 QStringLiteral("token:backup-script"));
        QCOMPARE(request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Authorization", "Bearer tg_madeup"}})
                     .status,
                 401);

        QVERIFY(tokens.revoke(QStringLiteral("backup-script")).ok());
        const Answer revoked =
            request("GET", QStringLiteral("/api/v1/echo"), {}, {{"Authorization", bearer}});
        QCOMPARE(revoked.status, 401);
        QVERIFY(!revoked.body.contains(token.value().toLatin1()));
    }

    void endpointsMayAnswerLaterAndUnknownOnesAre404()
    {
        const QByteArray bearer =
            "Bearer " + ApiTokens(*m_settings)
                            .create(QStringLiteral("later"), QDateTime::currentDateTimeUtc())
                            .value()
                            .toLatin1();
        const Answer later = request("GET", QStringLiteral("/api/v1/later"), {}, {{"Authorization", bearer}});
        QCOMPARE(later.status, 200);
        QCOMPARE(later.json().value(QStringLiteral("later")).toBool(), true);
        const Answer missing =
            request("GET", QStringLiteral("/api/v1/nothing-here"), {}, {{"Authorization", bearer}});
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.json().contains(QStringLiteral("error")));
        QVERIFY(ApiTokens(*m_settings).revoke(QStringLiteral("later")).ok());
    }

    void failedLogInsAreRateLimitedPerAddress()
    {
        for (int attempt = 0; attempt < 5; ++attempt)
            QCOMPARE(request("POST", QStringLiteral("/api/v1/session"), "{\"password\":\"wrong password\"}")
                         .status,
                     401);
        Answer limited =
            request("POST", QStringLiteral("/api/v1/session"),
                    QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson());
        QCOMPARE(limited.status, 429); // even the right password, until the minute is over
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("Retry-After").constData());
        m_clock->advance(std::chrono::seconds(61));
        QCOMPARE(request("POST", QStringLiteral("/api/v1/session"),
                         QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson())
                     .status,
                 200);
    }

    void hostHeaderMustNameThisServer_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("address and port") << QByteArray("127.0.0.1:%1") << true;
        QTest::newRow("localhost") << QByteArray("localhost:%1") << true;
        QTest::newRow("configured name") << QByteArray("guardian.home.arpa:%1") << true;
        QTest::newRow("this computer") << QHostInfo::localHostName().toLatin1() + ":%1" << true;
        QTest::newRow("rebinding name") << QByteArray("evil.example:%1") << false;
        QTest::newRow("other port") << QByteArray("127.0.0.1:1") << false;
        QTest::newRow("no host") << QByteArray() << false;
    }

    void hostHeaderMustNameThisServer()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, allowed);
        host.replace("%1", QByteArray::number(m_server->port()));
        const QByteArray hostLine = host.isEmpty() ? QByteArray() : "Host: " + host + "\r\n";
        const QByteArray answer =
            raw("GET /api/v1/health HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n");
        QVERIFY2(answer.startsWith(allowed ? "HTTP/1.1 200" : "HTTP/1.1 421"), answer.left(200).constData());
        QVERIFY(answer.contains("X-Frame-Options: DENY"));
    }

    void bodiesOverTheLimitAre413()
    {
        const auto [cookie, csrf] = logIn();
        const QByteArray big(70 * 1024, 'x');
        const Answer answer = request("POST", QStringLiteral("/api/v1/echo"), big,
                                      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
        QCOMPARE(answer.status, 413);
        QVERIFY(!answer.body.contains("xxxx"));
        // Far over it, the connection is answered and closed before the body is buffered.
        const QByteArray huge =
            raw("POST /api/v1/echo HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port()) +
                "\r\nContent-Length: 1048576\r\n\r\n" + QByteArray(90 * 1024, 'y'));
        QVERIFY2(huge.startsWith("HTTP/1.1 413"), huge.left(100).constData());
    }

    void slowClientsAreCutOff()
    {
        WebServer::Config quick = config();
        quick.limits.requestTimeout = std::chrono::milliseconds(200);
        startServer(quick);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // never finished
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void staticAssetsAreServedWithTheirTypes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("index") << QStringLiteral("/") << 200 << QByteArray("text/html; charset=utf-8");
        QTest::newRow("css") << QStringLiteral("/site.css") << 200 << QByteArray("text/css; charset=utf-8");
        QTest::newRow("unknown type") << QStringLiteral("/notes.md") << 404 << QByteArray();
        QTest::newRow("missing") << QStringLiteral("/nope.js") << 404 << QByteArray();
        QTest::newRow("traversal") << QStringLiteral("/%2e%2e/webtest/site.css") << 404 << QByteArray();
        QTest::newRow("encoded slash") << QStringLiteral("/..%2fwebtest%2fsite.css") << 404 << QByteArray();
        QTest::newRow("hidden") << QStringLiteral("/.site.css") << 404 << QByteArray();
    }

    void staticAssetsAreServedWithTheirTypes()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        const Answer answer = request("GET", path);
        QCOMPARE(answer.status, status);
        if (status == 200) {
            QCOMPARE(answer.header("Content-Type"), type);
            QVERIFY(!answer.body.isEmpty());
        }
    }

    void headAnswersWithoutTheBody()
    {
        const QByteArray get = raw(
            "GET /site.css HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port()) + "\r\n\r\n");
        QVERIFY2(get.contains("Content-Length: 23\r\n") && get.endsWith("body { color: black; }\n"),
                 get.constData());
        const QByteArray head =
            raw("HEAD /site.css HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port()) +
                "\r\n\r\n");
        QVERIFY2(head.startsWith("HTTP/1.1 200") && head.contains("Content-Length: 23\r\n") &&
                     head.endsWith("\r\n\r\n"),
                 head.constData());
    }

    void traversalOverRawHttpIsRefused()
    {
        const QByteArray answer =
            raw("GET /../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_server->port()) +
                "\r\nConnection: close\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.left(100).constData());
        QVERIFY(!answer.contains("root:"));
    }

    void eventStreamDeliversEventsAndKeepAlives()
    {
        WebServer::Config quick = config();
        quick.keepAlive = std::chrono::milliseconds(50);
        startServer(quick);
        QCOMPARE(request("GET", QStringLiteral("/api/v1/events")).status, 401);

        const auto [cookie, csrf] = logIn();
        QNetworkReply *stream = send("GET", QStringLiteral("/api/v1/events"), {}, {{"Cookie", cookie}});
        QByteArray received;
        connect(stream, &QNetworkReply::readyRead, stream, [&] { received += stream->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(m_server->api().events().listenerCount() == 1, 10'000);
        QTRY_VERIFY(received.contains(": keep-alive\n\n"));
        QCOMPARE(stream->header(QNetworkRequest::ContentTypeHeader).toString(),
                 QStringLiteral("text/event-stream"));
        QCOMPARE(stream->rawHeader("Cache-Control"), QByteArray("no-store"));

        Q_EMIT m_feed->event("stock", QJsonObject{{QStringLiteral("ticker"), QStringLiteral("SHOP.TO")}});
        QTRY_VERIFY(received.contains("event: stock\ndata: {\"ticker\":\"SHOP.TO\"}\n\n"));

        // Logging out ends the session's streams.
        QCOMPARE(request("DELETE", QStringLiteral("/api/v1/session"), {},
                         {{"Cookie", cookie}, {"X-CSRF-Token", csrf}})
                     .status,
                 204);
        QTRY_VERIFY(stream->isFinished());
        QTRY_COMPARE(m_server->api().events().listenerCount(), 0);
        stream->deleteLater();
    }

    void eventStreamsEndWhenTheirTokenIsRevoked()
    {
        WebServer::Config quick = config();
        quick.keepAlive = std::chrono::milliseconds(50);
        startServer(quick);
        ApiTokens tokens(*m_settings);
        const QByteArray bearer =
            "Bearer " +
            tokens.create(QStringLiteral("stream"), QDateTime::currentDateTimeUtc()).value().toLatin1();
        QNetworkReply *stream =
            send("GET", QStringLiteral("/api/v1/events"), {}, {{"Authorization", bearer}});
        QTRY_VERIFY_WITH_TIMEOUT(m_server->api().events().listenerCount() == 1, 10'000);
        QTest::qWait(60); // a keep-alive with the token still valid keeps it open
        QCOMPARE(m_server->api().events().listenerCount(), 1);
        QVERIFY(tokens.revoke(QStringLiteral("stream")).ok());
        QTRY_VERIFY(stream->isFinished());
        QCOMPARE(m_server->api().events().listenerCount(), 0);
        stream->deleteLater();
    }

    void listenAddressesAreParsed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("port only") << QStringLiteral("8080") << true << QStringLiteral("127.0.0.1") << 8080
                                   << true;
        QTest::newRow("any") << QStringLiteral("0.0.0.0:8443") << true << QStringLiteral("0.0.0.0") << 8443
                             << false;
        QTest::newRow("v6 loopback") << QStringLiteral("[::1]:9000") << true << QStringLiteral("::1") << 9000
                                     << true;
        QTest::newRow("localhost") << QStringLiteral("localhost:80") << true << QStringLiteral("127.0.0.1")
                                   << 80 << true;
        QTest::newRow("lan") << QStringLiteral("192.168.1.5:8080") << true << QStringLiteral("192.168.1.5")
                             << 8080 << false;
        QTest::newRow("name") << QStringLiteral("example.com:80") << false << QString() << 0 << false;
        QTest::newRow("no port") << QStringLiteral("127.0.0.1:") << false << QString() << 0 << false;
        QTest::newRow("big port") << QStringLiteral("70000") << false << QString() << 0 << false;
        QTest::newRow("empty") << QString() << false << QString() << 0 << false;
    }

    void listenAddressesAreParsed()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const Result<ListenAddress> parsed = ListenAddress::parse(text);
        QCOMPARE(parsed.ok(), valid);
        if (!valid) {
            QVERIFY(parsed.error().message.contains(QStringLiteral("PORT")));
            return;
        }
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(bool, loopback);
        QCOMPARE(parsed.value().address, QHostAddress(address));
        QCOMPARE(int(parsed.value().port), port);
        QCOMPARE(parsed.value().isLoopback(), loopback);
    }

    void tlsWithASelfSignedCertificate()
    {
        const QString folder = m_folder.filePath(QStringLiteral("tls"));
        QVERIFY(QDir().mkpath(folder));
        const Result<TlsMaterial> made = TlsFiles::selfSigned(folder, QHostAddress::LocalHost, {});
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
        QVERIFY(made.value().generated);
        const QString keyFile = QDir(folder).filePath(QStringLiteral("web-tls-key.pem"));
        QCOMPARE(QFile::permissions(keyFile) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // The next start reuses it: the fingerprint a client pinned stays valid.
        const Result<TlsMaterial> again = TlsFiles::selfSigned(folder, QHostAddress::LocalHost, {});
        QVERIFY(again.ok() && !again.value().generated);
        QCOMPARE(again.value().fingerprint, made.value().fingerprint);
        // The same pair given as files (web/tlsCertificate and web/tlsKey, or TRAILGUARD_WEB_CERT/_KEY).
        const Result<TlsMaterial> given =
            TlsFiles::load(QDir(folder).filePath(QStringLiteral("web-tls-certificate.pem")), keyFile);
        QVERIFY(given.ok());
        QCOMPARE(given.value().fingerprint, made.value().fingerprint);
        QVERIFY(!TlsFiles::load(keyFile, QDir(folder).filePath(QStringLiteral("missing.pem"))).ok());

        WebServer::Config secure = config();
        secure.tls = made.value().configuration;
        secure.limits.requestTimeout = std::chrono::milliseconds(300);
        startServer(secure);
        // A client that never starts the handshake is cut off.
        QTcpSocket silent;
        silent.connectToHost(QHostAddress::LocalHost, m_server->port());
        QTRY_COMPARE_WITH_TIMEOUT(silent.state(), QAbstractSocket::UnconnectedState, 5000);
        // Without the pinned fingerprint the client refuses the certificate...
        const Answer untrusted = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
        // ...with it, it talks.
        m_fingerprint = made.value().fingerprint;
        const Answer health = request("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(health.status, 200);
        const Answer logIn =
            request("POST", QStringLiteral("/api/v1/session"),
                    QJsonDocument(QJsonObject{{QStringLiteral("password"), kPassword}}).toJson());
        QCOMPARE(logIn.status, 200);
        QVERIFY(logIn.header("Set-Cookie").contains("; Secure"));
    }
};

QTEST_GUILESS_MAIN(WebServerTest)
#include "tst_webserver.moc"
