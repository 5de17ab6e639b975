#include "demo/HttpMessage.h"

#include <QRandomGenerator>
#include <QTest>

using namespace trailguard::http;

class HttpMessageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void completeRequestWithBody();
    void everyPrefixIsIncomplete();
    void pipelinedRequestsAreSplit();
    void keepAlive_data();
    void keepAlive();
    void errors_data();
    void errors();
    void expectContinue();
    void randomBytesNeverCrash();
    void responseSerialization();
};

namespace {
const QByteArray kPost = QByteArrayLiteral("POST /oauth2/token HTTP/1.1\r\n"
                                           "Host: 127.0.0.1\r\n"
                                           "Content-Type: application/x-www-form-urlencoded\r\n"
                                           "Content-Length: 45\r\n"
                                           "\r\n"
                                           "grant_type=refresh_token&refresh_token=abc123");
}

void HttpMessageTest::completeRequestWithBody()
{
    QCOMPARE(kPost.size() - kPost.indexOf("\r\n\r\n") - 4, 45);
    const ParseResult result = RequestParser::parse(kPost);
    QCOMPARE(result.status, ParseStatus::Complete);
    QCOMPARE(result.consumed, kPost.size());
    QCOMPARE(result.request.method, QByteArray("POST"));
    QCOMPARE(result.request.target, QByteArray("/oauth2/token"));
    QCOMPARE(result.request.version, QByteArray("HTTP/1.1"));
    QCOMPARE(result.request.header("CONTENT-TYPE"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(result.request.body, QByteArray("grant_type=refresh_token&refresh_token=abc123"));
}

void HttpMessageTest::everyPrefixIsIncomplete()
{
    for (qsizetype length = 0; length < kPost.size(); ++length) {
        const ParseResult result = RequestParser::parse(kPost.left(length));
        QVERIFY2(result.status == ParseStatus::Incomplete, QByteArray::number(length).constData());
    }
}

void HttpMessageTest::pipelinedRequestsAreSplit()
{
    const QByteArray get = QByteArrayLiteral("GET /v1/time HTTP/1.1\r\nHost: x\r\n\r\n");
    const QByteArray buffer = kPost + get + QByteArrayLiteral("GET /v1/mar");
    const ParseResult first = RequestParser::parse(buffer);
    QCOMPARE(first.status, ParseStatus::Complete);
    QCOMPARE(first.consumed, kPost.size());
    const ParseResult second = RequestParser::parse(buffer.mid(first.consumed));
    QCOMPARE(second.status, ParseStatus::Complete);
    QCOMPARE(second.request.target, QByteArray("/v1/time"));
    QVERIFY(second.request.body.isEmpty());
    const ParseResult third = RequestParser::parse(buffer.mid(first.consumed + second.consumed));
    QCOMPARE(third.status, ParseStatus::Incomplete);
}

void HttpMessageTest::keepAlive_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n")
                              << false;
    QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
}

void HttpMessageTest::keepAlive()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, keepAlive);
    const ParseResult result = RequestParser::parse(text);
    QCOMPARE(result.status, ParseStatus::Complete);
    QCOMPARE(result.request.keepAlive(), keepAlive);
}

void HttpMessageTest::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("status");
    QTest::newRow("binary") << QByteArray("\x01\x02\x03\xff\r\n\r\n", 8) << 400;
    QTest::newRow("two words") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("http 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("not http") << QByteArray("GET / FTP/1.0\r\n\r\n") << 400;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
    QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nA: b\x01\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
    QTest::newRow("huge length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")
                                 << 413;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("long target") << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\n\r\n") << 414;
    QTest::newRow("huge header, unfinished")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a')) << 431;
    QTest::newRow("huge header, finished")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a') + "\r\n\r\n") << 431;
    QTest::newRow("only blank lines") << QByteArray(200, '\n') << 400;
}

void HttpMessageTest::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, status);
    const ParseResult result = RequestParser::parse(text);
    QCOMPARE(result.status, ParseStatus::Error);
    QCOMPARE(result.errorStatus, status);
}

void HttpMessageTest::expectContinue()
{
    const ParseResult result = RequestParser::parse(
        QByteArrayLiteral("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\nabc"));
    QCOMPARE(result.status, ParseStatus::Incomplete);
    QVERIFY(result.expectsContinue);
}

void HttpMessageTest::randomBytesNeverCrash()
{
    QRandomGenerator random(7);
    int errors = 0;
    for (int round = 0; round < 2000; ++round) {
        QByteArray bytes(random.bounded(1, 600), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        if (round % 2 == 0) // give half of them a header end so they are judged, not waited on
            bytes.append("\r\n\r\n");
        const ParseResult result = RequestParser::parse(bytes);
        if (result.status == ParseStatus::Error) {
            ++errors;
            QVERIFY(result.errorStatus >= 400);
        }
    }
    QVERIFY(errors >= 1000); // every terminated random blob is rejected
}

void HttpMessageTest::responseSerialization()
{
    Response response;
    response.status = 429;
    response.headers.append({QByteArray("X-RateLimit-Remaining"), QByteArray("0")});
    response.body = QByteArray("{\"code\":1006}");
    const QByteArray text = response.serialize(false);
    QVERIFY(text.startsWith("HTTP/1.1 429 Too Many Requests\r\n"));
    QVERIFY(text.contains("\r\nContent-Length: 13\r\n"));
    QVERIFY(text.contains("\r\nConnection: close\r\n"));
    QVERIFY(text.contains("\r\nX-RateLimit-Remaining: 0\r\n"));
    QVERIFY(text.endsWith("\r\n\r\n{\"code\":1006}"));
    QVERIFY(response.serialize(true).contains("\r\nConnection: keep-alive\r\n"));
}

QTEST_GUILESS_MAIN(HttpMessageTest)
#include "tst_httpmessage.moc"
