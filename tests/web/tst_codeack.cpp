// Acknowledging by one-time code over real HTTP on loopback (issue 17): the mail link's page (GET shows,
// only POST acknowledges, source "email"), the API for ntfy's http action (source "ntfy"), forged and spent
// codes, the per-address limit on wrong codes; and the logged-in API's ack going through the acknowledger.
#include "ApiFixture.h"
#include "access/ApiTokens.h"
#include "alerts/webhooks/NtfyChannel.h"
#include "domain/StockState.h"
#include "web/server/CodeAckGate.h"
#include "web/server/WebServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

using namespace trailguard;
using trailguard::test::ApiFixture;

namespace {
struct CodeAckAnswer {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray retryAfter;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};
} // namespace

class CodeAckTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void theLinkShowsTheAlertWithoutAcknowledging();
    void theFormAcknowledgesOnceFromEmail();
    void theApiAcknowledgesFromNtfy();
    void aForgedCodeIsRefusedWithoutDetail();
    void wrongCodesAreRateLimited();
    void theLoggedInAckGoesThroughTheAcknowledger();
    void endToEndFromWhatTheChannelsSend();

private:
    qint64 breach();
    CodeAckAnswer request(const QByteArray &method, const QString &path, const QByteArray &body = {},
                          const QByteArray &authorization = {});

    std::unique_ptr<ApiFixture> m_api;
    std::unique_ptr<Web::WebServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void CodeAckTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
    Web::WebServer::Config config;
    m_server =
        std::make_unique<Web::WebServer>(config, *m_api->m_settings, m_api->m_clock, m_api->m_health.get(),
                                         Web::makeApiEndpoints(m_api->services()), nullptr);
    m_server->setCodeAckGate(
        std::make_unique<Web::CodeAckGate>(m_api->m_clock, *m_api->m_acknowledger, *m_api->m_alerts));
    const Status started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void CodeAckTest::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_api.reset();
}

qint64 CodeAckTest::breach()
{
    const QDateTime now = m_api->m_clock.now();
    const Status recorded = m_api->m_outbox->recordBreach(
        Breach{QStringLiteral("SHOP.TO"), 92.1, 106, 95.4, 0.9, now, now.date()}, QStringLiteral("CAD"));
    if (!recorded.ok())
        return 0;
    m_api->m_clock.advance(60);
    return m_api->m_alerts->recent(1).value().constFirst().id;
}

CodeAckAnswer CodeAckTest::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QByteArray &authorization)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path)));
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20'000))
        qWarning("No answer to %s %s", method.constData(), qPrintable(path));
    CodeAckAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.contentType = reply->rawHeader("Content-Type");
    answer.retryAfter = reply->rawHeader("Retry-After");
    reply->deleteLater();
    return answer;
}

void CodeAckTest::theLinkShowsTheAlertWithoutAcknowledging()
{
    const qint64 id = breach();
    QVERIFY(id > 0);
    const QString code = m_api->m_ackCodes->codeFor(id);
    const CodeAckAnswer page = request("GET", QStringLiteral("/ack/") + code);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.contentType, QByteArray("text/html; charset=utf-8"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY2(html.contains(QStringLiteral("SHOP.TO")), page.body.constData());
    QVERIFY2(html.contains(QStringLiteral("95.40")), page.body.constData()); // the stop
    QVERIFY2(html.contains(QStringLiteral("92.10")), page.body.constData()); // the price
    QVERIFY(html.contains(QStringLiteral("<form method=\"post\" action=\"/ack/%1\">").arg(code)));
    QVERIFY(html.contains(QStringLiteral("href=\"/ack.css\"")));
    // Nothing inline for the CSP.
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("style=")));
    QVERIFY(!html.contains(QStringLiteral("<style")));
    // The stylesheet it names is served.
    QCOMPARE(request("GET", QStringLiteral("/ack.css")).status, 200);

    // A mail scanner fetching the link acknowledges nothing.
    QVERIFY(!m_api->m_alerts->find(id).value()->acknowledgedAt.isValid());
    QCOMPARE(request("HEAD", QStringLiteral("/ack/") + code).status, 405);
    QVERIFY(!m_api->m_alerts->find(id).value()->acknowledgedAt.isValid());
}

void CodeAckTest::theFormAcknowledgesOnceFromEmail()
{
    const qint64 id = breach();
    const QString code = m_api->m_ackCodes->codeFor(id);
    QSignalSpy acknowledged(m_api->m_acknowledger.get(), &AlertAcknowledger::acknowledged);
    const CodeAckAnswer done = request("POST", QStringLiteral("/ack/") + code, "x=1");
    QCOMPARE(done.status, 200);
    QVERIFY2(done.body.contains("acknowledged"), done.body.constData());
    QCOMPARE(acknowledged.size(), 1);
    const AlertRecord stored = *m_api->m_alerts->find(id).value();
    QCOMPARE(stored.ackSource, AckSource::email());
    QCOMPARE(stored.acknowledgedAt, m_api->m_clock.now());

    m_api->m_clock.advance(60);
    const CodeAckAnswer again = request("POST", QStringLiteral("/ack/") + code, "x=1");
    QCOMPARE(again.status, 409);
    QVERIFY2(again.body.contains("already acknowledged at 2026-11-24 15:01 UTC from email"),
             again.body.constData());
    QCOMPARE(acknowledged.size(), 1);
    QCOMPARE(m_api->m_alerts->find(id).value()->acknowledgedAt, stored.acknowledgedAt);

    // The link now says so, without a button.
    const CodeAckAnswer page = request("GET", QStringLiteral("/ack/") + code);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("already acknowledged"));
    QVERIFY(!page.body.contains("<form"));
}

void CodeAckTest::theApiAcknowledgesFromNtfy()
{
    const qint64 id = breach();
    const QString code = m_api->m_ackCodes->codeFor(id);
    // No session, no CSRF token, no API token: ntfy's http action sends only the URL (and an empty body).
    const CodeAckAnswer done = request("POST", QStringLiteral("/api/v1/ack/") + code);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(QStringLiteral("id")).toInteger(), id);
    QCOMPARE(done.json().value(QStringLiteral("ackSource")).toString(), AckSource::ntfy());
    QCOMPARE(m_api->m_alerts->find(id).value()->ackSource, AckSource::ntfy());

    const CodeAckAnswer again = request("POST", QStringLiteral("/api/v1/ack/") + code);
    QCOMPARE(again.status, 409);
    QVERIFY2(again.json().value(QStringLiteral("error")).toString().contains(QStringLiteral("from ntfy")),
             again.body.constData());
    QCOMPARE(request("GET", QStringLiteral("/api/v1/ack/") + code).status, 405);
}

void CodeAckTest::aForgedCodeIsRefusedWithoutDetail()
{
    const qint64 id = breach();
    const QString genuine = m_api->m_ackCodes->codeFor(id);
    const QString forged = QString::number(id) + QLatin1Char('-') + QString(22, QLatin1Char('A'));
    const QString otherKey = AckCodes(AckCodes::newKey()).codeFor(id);
    for (const QString &code : {forged, otherKey, genuine.left(genuine.size() - 1), QStringLiteral("1")}) {
        const CodeAckAnswer api = request("POST", QStringLiteral("/api/v1/ack/") + code);
        QCOMPARE(api.status, 404);
        QVERIFY2(!api.body.contains("SHOP.TO"), api.body.constData());
        m_api->m_clock.advance(61); // stay under the limit
    }
    const CodeAckAnswer page = request("POST", QStringLiteral("/ack/") + forged, "x=1");
    QCOMPARE(page.status, 404);
    QVERIFY(!page.body.contains("SHOP.TO"));
    QCOMPARE(request("GET", QStringLiteral("/ack/") + forged).status, 404);
    QVERIFY(!m_api->m_alerts->find(id).value()->acknowledgedAt.isValid());
}

void CodeAckTest::wrongCodesAreRateLimited()
{
    const qint64 id = breach();
    const QString forged = QString::number(id) + QLatin1Char('-') + QString(22, QLatin1Char('B'));
    for (int i = 0; i < Web::LoginThrottle::kAttempts; ++i)
        QCOMPARE(request("POST", QStringLiteral("/api/v1/ack/") + forged).status, 404);
    // Even the genuine code waits now: guessing cannot go on at full speed.
    const CodeAckAnswer refused =
        request("POST", QStringLiteral("/api/v1/ack/") + m_api->m_ackCodes->codeFor(id));
    QCOMPARE(refused.status, 429);
    QVERIFY(refused.retryAfter.toInt() > 0);
    QCOMPARE(request("GET", QStringLiteral("/ack/") + forged).status, 429);
    QVERIFY(!m_api->m_alerts->find(id).value()->acknowledgedAt.isValid());

    m_api->m_clock.advance(61);
    QCOMPARE(request("POST", QStringLiteral("/api/v1/ack/") + m_api->m_ackCodes->codeFor(id)).status, 200);
}

void CodeAckTest::theLoggedInAckGoesThroughTheAcknowledger()
{
    const qint64 id = breach();
    const Result<QString> token =
        ApiTokens(*m_api->m_settings).create(QStringLiteral("tests"), m_api->m_clock.now());
    QVERIFY(token.ok());
    QSignalSpy acknowledged(m_api->m_acknowledger.get(), &AlertAcknowledger::acknowledged);
    const QByteArray bearer = "Bearer " + token.value().toLatin1();
    const CodeAckAnswer done = request("POST", QStringLiteral("/api/v1/alerts/%1/ack").arg(id), {}, bearer);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.json().value(QStringLiteral("ackSource")).toString(), AckSource::web());
    QCOMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.first().at(1).toString(), AckSource::web());
    // The id of no alert is still a 404.
    QCOMPARE(request("POST", QStringLiteral("/api/v1/alerts/999/ack"), {}, bearer).status, 404);
}

// What the dispatcher gives a delivery (the code and the mail's link under the public URL) and what the ntfy
// channel publishes (the dashboard mode's http action), followed the way a phone and a mail reader would.
void CodeAckTest::endToEndFromWhatTheChannelsSend()
{
    const QUrl publicUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server->port()));
    m_api->m_dispatcher->setPublicDashboardUrl(publicUrl);
    const qint64 mailed = breach();
    const qint64 pushed = breach();
    const QList<Delivery> deliveries = m_api->m_alerts->pendingDeliveries().value();
    const auto deliveryOf = [&deliveries](qint64 alertId) {
        for (const Delivery &delivery : deliveries) {
            if (delivery.alertId == alertId)
                return delivery;
        }
        return Delivery{};
    };
    const AlertMessage mail =
        m_api->m_dispatcher->forDelivery(m_api->m_alerts->find(mailed).value()->message, deliveryOf(mailed));
    QVERIFY(mail.ackUrl.isValid());
    QCOMPARE(mail.ackUrl.path(), QStringLiteral("/ack/") + mail.ackCode);
    QCOMPARE(request("GET", mail.ackUrl.path()).status, 200);
    QCOMPARE(request("POST", mail.ackUrl.path(), "x=1").status, 200);
    QCOMPARE(m_api->m_alerts->find(mailed).value()->ackSource, AckSource::email());

    NtfyConfig ntfy;
    ntfy.topic = QStringLiteral("alerts");
    ntfy.dashboardUrl = publicUrl;
    const AlertMessage push =
        m_api->m_dispatcher->forDelivery(m_api->m_alerts->find(pushed).value()->message, deliveryOf(pushed));
    const QJsonObject action =
        NtfyChannel::payload(push, ntfy).value(QStringLiteral("actions")).toArray().first().toObject();
    QCOMPARE(action.value(QStringLiteral("action")).toString(), QStringLiteral("http"));
    const QUrl target(action.value(QStringLiteral("url")).toString());
    QCOMPARE(target.port(), int(m_server->port()));
    const CodeAckAnswer done =
        request(action.value(QStringLiteral("method")).toString().toLatin1(), target.path());
    QCOMPARE(done.status, 200);
    QCOMPARE(m_api->m_alerts->find(pushed).value()->ackSource, AckSource::ntfy());
}

QTEST_GUILESS_MAIN(CodeAckTest)
#include "tst_codeack.moc"
