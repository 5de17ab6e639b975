#include "TestSupport.h"
#include "fakes/TestQuestradeServer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace trailguard;
using Category = FakeQuestradeServer::Category;

namespace {

constexpr qint64 kRoyalBank = 34658;
constexpr qint64 kShopifyTsx = 4242001;
constexpr qint64 kShopifyNyse = 4242002;
constexpr qint64 kNoTrades = 777001; // listed, never traded: null prices
// 999999 is never listed.

const QByteArray kUserAgent = QByteArrayLiteral("Mozilla/5.0 (X11; Linux x86_64) Trailguard-tests/1.0");

// "2024-05-14T15:59:58.812000-04:00"
const QRegularExpression
    kQuestradeTime(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d$)"));

struct Reply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    bool jsonValid = false;
    QHash<QByteArray, QByteArray> headers; // lower-case names

    int code() const { return json.value(QStringLiteral("code")).toInt(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// One HTTP response read off a raw socket.
struct RawResponse {
    int status = 0;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

// Splits everything received on a raw socket into the complete responses in it.
QList<RawResponse> parseResponses(const QByteArray &data)
{
    QList<RawResponse> responses;
    qsizetype position = 0;
    for (;;) {
        const qsizetype end = data.indexOf("\r\n\r\n", position);
        if (end < 0)
            break;
        const QList<QByteArray> lines = data.mid(position, end - position).split('\n');
        RawResponse response;
        const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine.constFirst().startsWith("HTTP/1.1"))
            break;
        response.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                response.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                        lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = response.headers.value("content-length").toLongLong();
        if (data.size() < end + 4 + length)
            break;
        response.body = data.mid(end + 4, length);
        position = end + 4 + length;
        if (response.status != 100)
            responses.append(response);
    }
    return responses;
}

// A plain TCP client for what QNetworkAccessManager will not send: pipelining, garbage, split writes.
class RawClient : public QObject {
public:
    explicit RawClient(quint16 port)
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] { received += socket.readAll(); });
        connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }
    QList<RawResponse> responses() const { return parseResponses(received); }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

QByteArray rawGet(const QByteArray &target, const QByteArray &accessToken, bool close = false)
{
    QByteArray text =
        "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + accessToken + "\r\n";
    if (close)
        text += "Connection: close\r\n";
    return text + "\r\n";
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

class FakeQuestradeServerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    // tokens
    void tokenExchangeAnswersTheContractFields();
    void refreshTokenWorksOnlyOnce();
    void tokenByPostForm();
    void tokenWithReservedCharacters();
    void tokenRefusesOtherGrants();
    void accessTokenExpires();
    void expireAccessTokensSwitch();
    void revokeAllRejectsEverything();
    void authorizationErrors_data();
    void authorizationErrors();

    // symbols, quotes, markets
    void symbolSearch();
    void symbolSearchPagesAndMatchesTheBase();
    void namesLookupCanMissASymbol();
    void symbolLookup_data();
    void symbolLookup();
    void quotesBatchShape();
    void quoteOfAHaltedDelayedSymbol();
    void regularSessionPriceApart();
    void unknownQuoteIdsCanAnswer404();
    void corruptQuoteRecords();
    void longQueriesAreRefusedWith414();
    void quoteErrors_data();
    void quoteErrors();
    void maxIdsPerQuoteCall();
    void marketsAndTime();
    void unknownPathAndMethod();

    // rate limits
    void rateLimitHeadersOnEveryCall();
    void perSecondLimitIsExact();
    void burstOverMarketDataLimit();
    void hourlyLimit();
    void maxRequestsPerSecondUsesASlidingWindow();

    // faults
    void failNextRequests();
    void failedTokenRequestKeepsTheToken();
    void dropNextConnectionsRaw();
    void dropNextConnectionsThroughTheNetworkManager();
    void malformedJson();
    void malformedTokenAnswerStillRotates();
    void responseDelayDoesNotBlock();

    // HTTP
    void keepAliveReusesOneConnection();
    void pipelinedRequestsAnswerInOrder();
    void splitWritesAreReassembled();
    void connectionCloseIsHonoured();
    void recordsRequests();
    void garbageIsRefused_data();
    void garbageIsRefused();
    void randomBytesDoNotCrash();

private:
    Reply wait(QNetworkReply *reply);
    Reply get(const QString &pathAndQuery, const QByteArray &accessToken);
    Reply get(const QString &pathAndQuery) { return get(pathAndQuery, m_access); }
    Reply exchange(const QByteArray &refreshToken);
    bool login();
    bool serverStillAnswers();

    std::unique_ptr<ManualClock> m_clock; // given to the server by tests about time, which move it
    std::unique_ptr<test::TestQuestradeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QByteArray m_access;
    QByteArray m_refresh;
};

// ------------------------------------------------------------------------------------------------

void FakeQuestradeServerTest::init()
{
    m_clock = std::make_unique<ManualClock>(QDateTime::currentDateTimeUtc());
    m_server = std::make_unique<test::TestQuestradeServer>();
    QVERIFY(m_server->listen());
    QVERIFY(m_server->port() != 0);
    m_server->addSymbol({QStringLiteral("RY.TO"), kRoyalBank, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("ROYAL BANK OF CANADA")});
    m_server->addSymbol({QStringLiteral("SHOP.TO"), kShopifyTsx, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("SHOPIFY INC CL A SUB VTG")});
    m_server->addSymbol({QStringLiteral("SHOP"), kShopifyNyse, QStringLiteral("USD"), QStringLiteral("NYSE"),
                         QStringLiteral("SHOPIFY INC")});
    m_server->addSymbol({QStringLiteral("NOPX.VN"), kNoTrades, QStringLiteral("CAD"), QStringLiteral("TSXV"),
                         QStringLiteral("NO PRINTS YET CORP")});
    m_server->setPrice(kRoyalBank, 131.44);
    m_server->setPrice(kShopifyTsx, 102.40);
    m_server->setPrice(kShopifyNyse, 74.10);
    m_network = std::make_unique<QNetworkAccessManager>();
    QVERIFY(login());
}

void FakeQuestradeServerTest::cleanup()
{
    m_network.reset();
    m_server.reset();
    m_clock.reset();
}

Reply FakeQuestradeServerTest::wait(QNetworkReply *reply)
{
    std::unique_ptr<QNetworkReply> owner(reply);
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
    }
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &error);
    result.jsonValid = error.error == QJsonParseError::NoError && document.isObject();
    result.json = document.object();
    return result;
}

Reply FakeQuestradeServerTest::get(const QString &pathAndQuery, const QByteArray &accessToken)
{
    QNetworkRequest request(m_server->apiServer().resolved(QUrl(pathAndQuery)));
    request.setHeader(QNetworkRequest::UserAgentHeader, kUserAgent);
    request.setRawHeader("Accept", "application/json");
    if (!accessToken.isNull())
        request.setRawHeader("Authorization", "Bearer " + accessToken);
    return wait(m_network->get(request));
}

Reply FakeQuestradeServerTest::exchange(const QByteArray &refreshToken)
{
    QUrl url = m_server->loginUrl();
    url.setPath(QStringLiteral("/oauth2/token"));
    url.setQuery(QStringLiteral("grant_type=refresh_token&refresh_token=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(refreshToken))));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, kUserAgent);
    return wait(m_network->get(request));
}

bool FakeQuestradeServerTest::login()
{
    const Reply reply = exchange(m_server->issueRefreshToken());
    if (reply.status != 200)
        return false;
    m_access = reply.json.value(QStringLiteral("access_token")).toString().toLatin1();
    m_refresh = reply.json.value(QStringLiteral("refresh_token")).toString().toLatin1();
    return !m_access.isEmpty() && !m_refresh.isEmpty();
}

bool FakeQuestradeServerTest::serverStillAnswers()
{
    const Reply reply = get(QStringLiteral("v1/time"));
    return reply.status == 200 && reply.json.contains(QStringLiteral("time"));
}

// --- tokens -------------------------------------------------------------------------------------

void FakeQuestradeServerTest::tokenExchangeAnswersTheContractFields()
{
    const Reply reply = exchange(m_server->issueRefreshToken());
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.jsonValid);
    QCOMPARE(keysOf(reply.json), (QSet<QString>{QStringLiteral("access_token"), QStringLiteral("token_type"),
                                                QStringLiteral("expires_in"), QStringLiteral("refresh_token"),
                                                QStringLiteral("api_server")}));
    QCOMPARE(reply.json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 1800);
    const QString apiServer = reply.json.value(QStringLiteral("api_server")).toString();
    QVERIFY(apiServer.endsWith(QLatin1Char('/')));
    QCOMPARE(QUrl(apiServer), m_server->apiServer());
    QCOMPARE(m_server->tokenExchanges(), 2); // init() logged in once
}

void FakeQuestradeServerTest::refreshTokenWorksOnlyOnce()
{
    const QByteArray seed = m_server->issueRefreshToken();
    const Reply first = exchange(seed);
    QCOMPARE(first.status, 200);
    const QByteArray next = first.json.value(QStringLiteral("refresh_token")).toString().toLatin1();
    QVERIFY(next != seed);

    const Reply reused = exchange(seed);
    QCOMPARE(reused.status, 400);
    QVERIFY(!reused.jsonValid); // the login host's error body is opaque text
    QCOMPARE(reused.body, QByteArray("Bad Request"));

    const Reply rotated = exchange(next);
    QCOMPARE(rotated.status, 200);
    QCOMPARE(exchange(QByteArrayLiteral("never-issued")).status, 400);
    QCOMPARE(m_server->tokenExchanges(), 3);
}

void FakeQuestradeServerTest::tokenByPostForm()
{
    QUrl url = m_server->loginUrl();
    url.setPath(QStringLiteral("/oauth2/token"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    const QByteArray body = "grant_type=refresh_token&refresh_token=" + m_refresh;
    const Reply reply = wait(m_network->post(request, body));
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.value(QStringLiteral("access_token")).toString().isEmpty());
    // The POSTed token is used up as well.
    QCOMPARE(wait(m_network->post(request, body)).status, 400);
}

void FakeQuestradeServerTest::tokenWithReservedCharacters()
{
    // Sent without encoding, '+' arrives as a space, so the token is not recognised.
    m_server->addRefreshToken(QByteArrayLiteral("a+b/c"));
    QUrl url = m_server->loginUrl();
    url.setPath(QStringLiteral("/oauth2/token"));
    url.setQuery(QStringLiteral("grant_type=refresh_token&refresh_token=a+b/c"));
    QCOMPARE(wait(m_network->get(QNetworkRequest(url))).status, 400);
    // Percent-encoded, the same token works, and so does one made of nothing but reserved characters.
    QCOMPARE(exchange(QByteArrayLiteral("a+b/c")).status, 200);
    m_server->addRefreshToken(QByteArrayLiteral("x&y=z%w +/?#"));
    QCOMPARE(exchange(QByteArrayLiteral("x&y=z%w +/?#")).status, 200);
}

void FakeQuestradeServerTest::tokenRefusesOtherGrants()
{
    QUrl url = m_server->loginUrl();
    url.setPath(QStringLiteral("/oauth2/token"));
    url.setQuery(QStringLiteral("grant_type=password&refresh_token=") + QString::fromLatin1(m_refresh));
    QCOMPARE(wait(m_network->get(QNetworkRequest(url))).status, 400);
    // The token was not used up by the refused call.
    QCOMPARE(exchange(m_refresh).status, 200);
}

void FakeQuestradeServerTest::accessTokenExpires()
{
    m_server->setClock(*m_clock);
    m_server->setAccessTokenLifetime(1);
    const Reply reply = exchange(m_refresh);
    QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 1);
    const QByteArray shortLived = reply.json.value(QStringLiteral("access_token")).toString().toLatin1();
    m_clock->advance(std::chrono::milliseconds(999));
    QCOMPARE(get(QStringLiteral("v1/time"), shortLived).status, 200);
    m_clock->advance(std::chrono::milliseconds(1));
    const Reply expired = get(QStringLiteral("v1/time"), shortLived);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code(), 1017);
    QCOMPARE(expired.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Access token is invalid"));
    // The long-lived token from init() still works.
    QCOMPARE(get(QStringLiteral("v1/time")).status, 200);
}

void FakeQuestradeServerTest::expireAccessTokensSwitch()
{
    QCOMPARE(get(QStringLiteral("v1/time")).status, 200);
    m_server->expireAccessTokens();
    const Reply expired = get(QStringLiteral("v1/time"));
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.code(), 1017);
    // A refresh gives a working token again.
    const Reply refreshed = exchange(m_refresh);
    QCOMPARE(refreshed.status, 200);
    QCOMPARE(get(QStringLiteral("v1/time"),
                 refreshed.json.value(QStringLiteral("access_token")).toString().toLatin1())
                 .status,
             200);
}

void FakeQuestradeServerTest::revokeAllRejectsEverything()
{
    const QByteArray spare = m_server->issueRefreshToken();
    m_server->revokeAll();
    const Reply api = get(QStringLiteral("v1/time"));
    QCOMPARE(api.status, 401);
    QCOMPARE(api.code(), 1017);
    QCOMPARE(exchange(m_refresh).status, 400);
    QCOMPARE(exchange(spare).status, 400);
    // A newly created token works again, as after re-authorising in the API centre.
    QCOMPARE(exchange(m_server->issueRefreshToken()).status, 200);
}

void FakeQuestradeServerTest::authorizationErrors_data()
{
    QTest::addColumn<QByteArray>("authorization"); // null: header left out
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("missing") << QByteArray() << 401 << 1014;
    QTest::newRow("basic") << QByteArray("Basic dXNlcjpwYXNz") << 400 << 1015;
    QTest::newRow("no token") << QByteArray("Bearer") << 400 << 1015;
    QTest::newRow("unknown token") << QByteArray("Bearer abcdef") << 401 << 1017;
}

void FakeQuestradeServerTest::authorizationErrors()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(int, code);
    QNetworkRequest request(m_server->apiServer().resolved(QUrl(QStringLiteral("v1/time"))));
    if (!authorization.isNull())
        request.setRawHeader("Authorization", authorization);
    const Reply reply = wait(m_network->get(request));
    QCOMPARE(reply.status, status);
    QVERIFY(reply.jsonValid);
    QCOMPARE(reply.code(), code);
    QVERIFY(!reply.json.value(QStringLiteral("message")).toString().isEmpty());
}

// --- symbols, quotes, markets -------------------------------------------------------------------

void FakeQuestradeServerTest::symbolSearch()
{
    const Reply shop = get(QStringLiteral("v1/symbols/search?prefix=sh"));
    QCOMPARE(shop.status, 200);
    const QJsonArray symbols = shop.json.value(QStringLiteral("symbols")).toArray();
    QCOMPARE(symbols.size(), 2);
    QCOMPARE(symbols.at(0).toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("SHOP"));
    const QJsonObject tsx = symbols.at(1).toObject();
    QCOMPARE(keysOf(tsx), (QSet<QString>{QStringLiteral("symbol"), QStringLiteral("symbolId"),
                                         QStringLiteral("description"), QStringLiteral("securityType"),
                                         QStringLiteral("listingExchange"), QStringLiteral("isTradable"),
                                         QStringLiteral("isQuotable"), QStringLiteral("currency")}));
    QCOMPARE(tsx.value(QStringLiteral("symbol")).toString(), QStringLiteral("SHOP.TO"));
    QCOMPARE(tsx.value(QStringLiteral("symbolId")).toInteger(), kShopifyTsx);
    QCOMPARE(tsx.value(QStringLiteral("securityType")).toString(), QStringLiteral("Stock"));
    QCOMPARE(tsx.value(QStringLiteral("listingExchange")).toString(), QStringLiteral("TSX"));
    QCOMPARE(tsx.value(QStringLiteral("currency")).toString(), QStringLiteral("CAD"));
    QCOMPARE(tsx.value(QStringLiteral("isQuotable")).toBool(), true);

    const Reply byDescription = get(QStringLiteral("v1/symbols/search?prefix=Royal"));
    QCOMPARE(byDescription.json.value(QStringLiteral("symbols")).toArray().size(), 1);
    QCOMPARE(byDescription.json.value(QStringLiteral("symbols"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("symbolId"))
                 .toInteger(),
             kRoyalBank);

    QCOMPARE(get(QStringLiteral("v1/symbols/search?prefix=sh&offset=1"))
                 .json.value(QStringLiteral("symbols"))
                 .toArray()
                 .size(),
             1);
    QCOMPARE(get(QStringLiteral("v1/symbols/search?prefix=zzz"))
                 .json.value(QStringLiteral("symbols"))
                 .toArray()
                 .size(),
             0);
    const Reply missing = get(QStringLiteral("v1/symbols/search"));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.code(), 1004);
}

void FakeQuestradeServerTest::symbolSearchPagesAndMatchesTheBase()
{
    // Enbridge's common shares behind 25 preferred series, plus a company whose description has "Enb...".
    m_server->addSymbol({QStringLiteral("ENB.TO"), 101, QStringLiteral("CAD"), QStringLiteral("TSX"),
                         QStringLiteral("ENBRIDGE INC")});
    for (int i = 0; i < 25; ++i) {
        const QString series =
            QStringLiteral("ENB.P%1.%2").arg(QChar(i < 13 ? u'F' : u'R')).arg(QChar(u'A' + i % 13));
        m_server->addSymbol({series, 200 + i, QStringLiteral("CAD"), QStringLiteral("TSX"),
                             QStringLiteral("ENBRIDGE INC PREF SER %1").arg(i + 1)});
    }
    m_server->addSymbol({QStringLiteral("AAA"), 300, QStringLiteral("USD"), QStringLiteral("NYSE"),
                         QStringLiteral("ACME ENBLOC HOLDINGS")});

    const auto symbolsOf = [](const Reply &reply) {
        QStringList symbols;
        for (const QJsonValue &value : reply.json.value(QStringLiteral("symbols")).toArray())
            symbols.append(value.toObject().value(QStringLiteral("symbol")).toString());
        return symbols;
    };
    // The full symbol matches on its base "ENB": 25 series + ENB.TO by symbol, then AAA by a description
    // word; 20 a page, and ENB.TO is not on the first one.
    const QStringList first = symbolsOf(get(QStringLiteral("v1/symbols/search?prefix=ENB.TO")));
    QCOMPARE(first.size(), 20);
    QVERIFY(!first.contains(QStringLiteral("ENB.TO")));
    QCOMPARE(first.constFirst(), QStringLiteral("ENB.PF.A"));
    const QStringList second = symbolsOf(get(QStringLiteral("v1/symbols/search?prefix=ENB.TO&offset=20")));
    QCOMPARE(second.size(), 7);
    QCOMPARE(second.at(5), QStringLiteral("ENB.TO"));
    QCOMPARE(second.at(6), QStringLiteral("AAA")); // description matches after symbol matches
    QVERIFY(symbolsOf(get(QStringLiteral("v1/symbols/search?prefix=ENB.TO&offset=40"))).isEmpty());
    QCOMPARE(get(QStringLiteral("v1/symbols/search?prefix=ENB&offset=-1")).code(), 1002);

    // The exact look-up has no such trap.
    QCOMPARE(symbolsOf(get(QStringLiteral("v1/symbols?names=ENB.TO"))),
             QStringList{QStringLiteral("ENB.TO")});
}

void FakeQuestradeServerTest::namesLookupCanMissASymbol()
{
    m_server->setMissedByNameLookup({QStringLiteral("ry.to")});
    const Reply both = get(QStringLiteral("v1/symbols?names=RY.TO,SHOP"));
    QCOMPARE(both.status, 200);
    const QJsonArray symbols = both.json.value(QStringLiteral("symbols")).toArray();
    QCOMPARE(symbols.size(), 1);
    QCOMPARE(symbols.at(0).toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("SHOP"));
    QCOMPARE(get(QStringLiteral("v1/symbols?names=RY.TO")).code(), 1019);
    // The search still finds it.
    QCOMPARE(get(QStringLiteral("v1/symbols/search?prefix=RY.TO"))
                 .json.value(QStringLiteral("symbols"))
                 .toArray()
                 .size(),
             1);
    m_server->setMissedByNameLookup({});
    QCOMPARE(get(QStringLiteral("v1/symbols?names=RY.TO")).status, 200);
}

void FakeQuestradeServerTest::symbolLookup_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("ids") << QStringLiteral("v1/symbols?ids=34658,4242001") << 200 << 0
                         << QList<qint64>{kRoyalBank, kShopifyTsx};
    QTest::newRow("names") << QStringLiteral("v1/symbols?names=ry.to,SHOP") << 200 << 0
                           << QList<qint64>{kRoyalBank, kShopifyNyse};
    QTest::newRow("path id") << QStringLiteral("v1/symbols/34658") << 200 << 0 << QList<qint64>{kRoyalBank};
    QTest::newRow("unknown id left out")
        << QStringLiteral("v1/symbols?ids=34658,999999") << 200 << 0 << QList<qint64>{kRoyalBank};
    QTest::newRow("unknown path id") << QStringLiteral("v1/symbols/999999") << 404 << 1019 << QList<qint64>{};
    QTest::newRow("unknown name") << QStringLiteral("v1/symbols?names=NOPE") << 404 << 1019
                                  << QList<qint64>{};
    QTest::newRow("ids and names") << QStringLiteral("v1/symbols?ids=34658&names=RY.TO") << 400 << 1002
                                   << QList<qint64>{};
    QTest::newRow("neither") << QStringLiteral("v1/symbols") << 400 << 1004 << QList<qint64>{};
    QTest::newRow("several ids in the path")
        << QStringLiteral("v1/symbols/34658,4242001") << 400 << 1002 << QList<qint64>{};
    QTest::newRow("malformed ids") << QStringLiteral("v1/symbols?ids=34658,abc") << 400 << 1002
                                   << QList<qint64>{};
}

void FakeQuestradeServerTest::symbolLookup()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(int, code);
    QFETCH(QList<qint64>, ids);
    const Reply reply = get(target);
    QCOMPARE(reply.status, status);
    QVERIFY(reply.jsonValid);
    if (status != 200) {
        QCOMPARE(reply.code(), code);
        return;
    }
    QList<qint64> received;
    for (const QJsonValue &value : reply.json.value(QStringLiteral("symbols")).toArray()) {
        const QJsonObject detail = value.toObject();
        received.append(detail.value(QStringLiteral("symbolId")).toInteger());
        for (const char *key : {"symbol", "description", "securityType", "listingExchange", "currency",
                                "isTradable", "isQuotable", "prevDayClosePrice", "highPrice52", "lowPrice52",
                                "outstandingShares", "tradeUnit", "hasOptions", "minTicks"}) {
            QVERIFY2(detail.contains(QLatin1String(key)), key);
        }
    }
    QCOMPARE(received, ids);
}

void FakeQuestradeServerTest::quotesBatchShape()
{
    FakeQuestradeServer::Quote quote;
    quote.lastTradePrice = 131.44;
    quote.lastTradeTime = test::toronto(2024, 5, 14, 15, 59, 58).addMSecs(812);
    m_server->setQuote(kRoyalBank, quote);

    const Reply reply = get(QStringLiteral("v1/markets/quotes?ids=34658,777001,999999,34658"));
    QCOMPARE(reply.status, 200);
    const QJsonArray quotes = reply.json.value(QStringLiteral("quotes")).toArray();
    QCOMPARE(quotes.size(), 2); // the unknown id is left out, the duplicate answered once

    const QSet<QString> fields{QStringLiteral("symbol"),
                               QStringLiteral("symbolId"),
                               QStringLiteral("tier"),
                               QStringLiteral("bidPrice"),
                               QStringLiteral("bidSize"),
                               QStringLiteral("askPrice"),
                               QStringLiteral("askSize"),
                               QStringLiteral("lastTradePriceTrHrs"),
                               QStringLiteral("lastTradePrice"),
                               QStringLiteral("lastTradeSize"),
                               QStringLiteral("lastTradeTick"),
                               QStringLiteral("lastTradeTime"),
                               QStringLiteral("volume"),
                               QStringLiteral("openPrice"),
                               QStringLiteral("highPrice"),
                               QStringLiteral("lowPrice"),
                               QStringLiteral("delay"),
                               QStringLiteral("isHalted"),
                               QStringLiteral("high52w"),
                               QStringLiteral("low52w"),
                               QStringLiteral("VWAP")};

    const QJsonObject royal = quotes.at(0).toObject();
    QCOMPARE(keysOf(royal), fields);
    QCOMPARE(royal.value(QStringLiteral("symbol")).toString(), QStringLiteral("RY.TO"));
    QCOMPARE(royal.value(QStringLiteral("symbolId")).toInteger(), kRoyalBank);
    QCOMPARE(royal.value(QStringLiteral("tier")).toString(), QString());
    QCOMPARE(royal.value(QStringLiteral("lastTradePrice")).toDouble(), 131.44);
    QCOMPARE(royal.value(QStringLiteral("lastTradePriceTrHrs")).toDouble(), 131.44);
    QVERIFY(royal.value(QStringLiteral("bidPrice")).toDouble() < 131.44);
    QVERIFY(royal.value(QStringLiteral("askPrice")).toDouble() > 131.44);
    QCOMPARE(royal.value(QStringLiteral("lastTradeTime")).toString(),
             QStringLiteral("2024-05-14T15:59:58.812000-04:00"));
    QVERIFY(royal.value(QStringLiteral("delay")).isDouble()); // an integer, as observed, not a bool
    QCOMPARE(royal.value(QStringLiteral("delay")).toInt(), 0);
    QCOMPARE(royal.value(QStringLiteral("isHalted")).toBool(true), false);
    QVERIFY(royal.value(QStringLiteral("volume")).toInteger() > 0);
    QVERIFY(royal.value(QStringLiteral("VWAP")).isDouble());

    const QJsonObject empty = quotes.at(1).toObject();
    QCOMPARE(keysOf(empty), fields);
    QCOMPARE(empty.value(QStringLiteral("symbolId")).toInteger(), kNoTrades);
    QVERIFY(empty.value(QStringLiteral("lastTradePrice")).isNull());
    QVERIFY(empty.value(QStringLiteral("bidPrice")).isNull());
    QVERIFY(empty.value(QStringLiteral("askPrice")).isNull());
    QVERIFY(empty.value(QStringLiteral("lastTradeTime")).isNull());
    QCOMPARE(empty.value(QStringLiteral("volume")).toInteger(), qint64(0));
}

void FakeQuestradeServerTest::regularSessionPriceApart()
{
    FakeQuestradeServer::Quote quote;
    quote.lastTradePrice = 129.8; // after hours
    quote.lastTradeTime = QDateTime::currentDateTimeUtc();
    quote.separateRegularPrice = true;
    quote.regularTradePrice = 131.44;
    m_server->setQuote(kRoyalBank, quote);
    quote.regularTradePrice.reset();
    m_server->setQuote(kShopifyTsx, quote);
    const Reply reply = get(QStringLiteral("v1/markets/quotes?ids=34658,4242001"));
    QCOMPARE(reply.status, 200);
    const QJsonArray quotes = reply.json.value(QStringLiteral("quotes")).toArray();
    QCOMPARE(quotes.at(0).toObject().value(QStringLiteral("lastTradePrice")).toDouble(), 129.8);
    QCOMPARE(quotes.at(0).toObject().value(QStringLiteral("lastTradePriceTrHrs")).toDouble(), 131.44);
    QCOMPARE(quotes.at(1).toObject().value(QStringLiteral("lastTradePrice")).toDouble(), 129.8);
    QVERIFY(quotes.at(1).toObject().value(QStringLiteral("lastTradePriceTrHrs")).isNull());
}

void FakeQuestradeServerTest::unknownQuoteIdsCanAnswer404()
{
    m_server->setUnknownQuoteIdsAnswer404(true);
    const Reply refused = get(QStringLiteral("v1/markets/quotes?ids=34658,999999"));
    QCOMPARE(refused.status, 404);
    QCOMPARE(refused.code(), 1019);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658,777001")).status, 200); // all known
    m_server->setUnknownQuoteIdsAnswer404(false);
    const Reply lenient = get(QStringLiteral("v1/markets/quotes?ids=34658,999999"));
    QCOMPARE(lenient.status, 200);
    QCOMPARE(lenient.json.value(QStringLiteral("quotes")).toArray().size(), 1);
}

void FakeQuestradeServerTest::corruptQuoteRecords()
{
    m_server->setPrice(kRoyalBank, 131.44);
    m_server->setPrice(kShopifyTsx, 102.5);
    m_server->setQuoteCorruption(kRoyalBank, test::TestQuestradeServer::QuoteCorruption::PriceAsText);
    m_server->setQuoteCorruption(kShopifyTsx, test::TestQuestradeServer::QuoteCorruption::MissingSymbolId);
    const Reply reply = get(QStringLiteral("v1/markets/quotes?ids=34658,4242001,777001"));
    QCOMPARE(reply.status, 200);
    const QJsonArray quotes = reply.json.value(QStringLiteral("quotes")).toArray();
    QCOMPARE(quotes.size(), 3);
    QCOMPARE(quotes.at(0).toObject().value(QStringLiteral("lastTradePrice")).toString(),
             QStringLiteral("131.44"));
    QVERIFY(!quotes.at(1).toObject().contains(QStringLiteral("symbolId")));
    QCOMPARE(quotes.at(1).toObject().value(QStringLiteral("symbol")).toString(), QStringLiteral("SHOP.TO"));
    QCOMPARE(quotes.at(2).toObject().value(QStringLiteral("symbolId")).toInteger(), kNoTrades); // intact
    m_server->setQuoteCorruption(kRoyalBank, test::TestQuestradeServer::QuoteCorruption::None);
    QVERIFY(get(QStringLiteral("v1/markets/quotes?ids=34658"))
                .json.value(QStringLiteral("quotes"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("lastTradePrice"))
                .isDouble());
}

void FakeQuestradeServerTest::longQueriesAreRefusedWith414()
{
    QString ids = QStringLiteral("34658");
    while (ids.size() + 4 <= FakeQuestradeServer::kIisMaxQueryLength - 6)
        ids += QStringLiteral(",34658");
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=") + ids).status, 200); // within 2,048
    ids += QStringLiteral(",34658");
    QVERIFY(ids.size() + 4 > FakeQuestradeServer::kIisMaxQueryLength);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=") + ids).status, 414);
    QCOMPARE(m_server->requests().constLast().status, 414); // logged, with its query
    QCOMPARE(m_server->requests().constLast().query.size(), ids.size() + 4);
    m_server->setMaxQueryLength(0); // no limit
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=") + ids).status, 200);
    m_server->setMaxQueryLength(10);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658,34658")).status, 414);
}

void FakeQuestradeServerTest::quoteOfAHaltedDelayedSymbol()
{
    FakeQuestradeServer::Quote quote;
    quote.lastTradePrice = 102.5;
    quote.lastTradeTime = test::toronto(2024, 1, 15, 10, 0, 0);
    quote.halted = true;
    quote.delay = 1;
    m_server->setQuote(kShopifyTsx, quote);
    QCOMPARE(m_server->quote(kShopifyTsx)->halted, true);

    const Reply reply = get(QStringLiteral("v1/markets/quotes/4242001"));
    QCOMPARE(reply.status, 200);
    const QJsonObject shop = reply.json.value(QStringLiteral("quotes")).toArray().at(0).toObject();
    QCOMPARE(shop.value(QStringLiteral("isHalted")).toBool(), true);
    QCOMPARE(shop.value(QStringLiteral("delay")).toInt(), 1);
    QCOMPARE(shop.value(QStringLiteral("lastTradeTick")).toString(),
             QStringLiteral("Up")); // 102.40 -> 102.50
    // Winter: Eastern Standard Time.
    QCOMPARE(shop.value(QStringLiteral("lastTradeTime")).toString(),
             QStringLiteral("2024-01-15T10:00:00.000000-05:00"));
}

void FakeQuestradeServerTest::quoteErrors_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown single") << QStringLiteral("v1/markets/quotes/999999") << 404 << 1019;
    QTest::newRow("several in the path") << QStringLiteral("v1/markets/quotes/34658,4242001") << 400 << 1002;
    QTest::newRow("path and ids") << QStringLiteral("v1/markets/quotes/34658?ids=34658") << 400 << 1002;
    QTest::newRow("no ids") << QStringLiteral("v1/markets/quotes") << 400 << 1004;
    QTest::newRow("bad ids") << QStringLiteral("v1/markets/quotes?ids=1,,2") << 400 << 1002;
    QTest::newRow("stream") << QStringLiteral("v1/markets/quotes?ids=34658&stream=true&mode=RawSocket") << 400
                            << 1002;
}

void FakeQuestradeServerTest::quoteErrors()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(int, code);
    const Reply reply = get(target);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.code(), code);
}

void FakeQuestradeServerTest::maxIdsPerQuoteCall()
{
    m_server->setMaxIdsPerQuoteCall(2);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658,4242001")).status, 200);
    const Reply tooMany = get(QStringLiteral("v1/markets/quotes?ids=34658,4242001,4242002"));
    QCOMPARE(tooMany.status, 400);
    QCOMPARE(tooMany.code(), 1003);
    QCOMPARE(tooMany.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Argument length exceeds imposed limit"));
}

void FakeQuestradeServerTest::marketsAndTime()
{
    const Reply defaults = get(QStringLiteral("v1/markets"));
    QCOMPARE(defaults.status, 200);
    const QJsonArray markets = defaults.json.value(QStringLiteral("markets")).toArray();
    QStringList names;
    for (const QJsonValue &market : markets)
        names.append(market.toObject().value(QStringLiteral("name")).toString());
    QCOMPARE(names, (QStringList{QStringLiteral("TSX"), QStringLiteral("TSXV"), QStringLiteral("NYSE"),
                                 QStringLiteral("NASDAQ")}));
    const QJsonObject tsx = markets.at(0).toObject();
    QVERIFY(!tsx.contains(QStringLiteral("currency"))); // absent in real answers
    QCOMPARE(tsx.value(QStringLiteral("snapQuotesLimit")).toInteger(), qint64(2147483647));
    const QString today = QDateTime::currentDateTimeUtc()
                              .toTimeZone(QTimeZone(QByteArrayLiteral("America/Toronto")))
                              .date()
                              .toString(Qt::ISODate);
    QVERIFY(kQuestradeTime.match(tsx.value(QStringLiteral("startTime")).toString()).hasMatch());
    QVERIFY2(tsx.value(QStringLiteral("startTime"))
                 .toString()
                 .startsWith(today + QStringLiteral("T09:30:00.000000")),
             qPrintable(tsx.value(QStringLiteral("startTime")).toString()));

    m_server->setMarketHours(test::toronto(2024, 5, 14, 9, 30), test::toronto(2024, 5, 14, 16));
    const QJsonObject nasdaq =
        get(QStringLiteral("v1/markets")).json.value(QStringLiteral("markets")).toArray().at(3).toObject();
    QCOMPARE(nasdaq.value(QStringLiteral("extendedStartTime")).toString(),
             QStringLiteral("2024-05-14T07:00:00.000000-04:00"));
    QCOMPARE(nasdaq.value(QStringLiteral("startTime")).toString(),
             QStringLiteral("2024-05-14T09:30:00.000000-04:00"));
    QCOMPARE(nasdaq.value(QStringLiteral("endTime")).toString(),
             QStringLiteral("2024-05-14T16:00:00.000000-04:00"));
    QCOMPARE(nasdaq.value(QStringLiteral("extendedEndTime")).toString(),
             QStringLiteral("2024-05-14T20:00:00.000000-04:00"));

    const Reply time = get(QStringLiteral("v1/time"));
    QCOMPARE(time.status, 200);
    const QString text = time.json.value(QStringLiteral("time")).toString();
    QVERIFY2(kQuestradeTime.match(text).hasMatch(), qPrintable(text));
    // Cut the fraction to milliseconds before parsing (contract §0).
    const QDateTime parsed = QDateTime::fromString(text.left(23) + text.mid(26), Qt::ISODateWithMs);
    QVERIFY(parsed.isValid());
    QVERIFY(std::abs(parsed.msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
}

void FakeQuestradeServerTest::unknownPathAndMethod()
{
    const Reply unknown = get(QStringLiteral("v1/nothing"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.code(), 1001);
    QCOMPARE(get(QStringLiteral("v1/time/")).code(), 1001); // paths match exactly
    QCOMPARE(get(QStringLiteral("/v1//time")).code(), 1001);

    QNetworkRequest request(m_server->apiServer().resolved(QUrl(QStringLiteral("v1/time"))));
    request.setRawHeader("Authorization", "Bearer " + m_access);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const Reply post = wait(m_network->post(request, QByteArrayLiteral("{}")));
    QCOMPARE(post.status, 405);
    QCOMPARE(post.code(), 1012);

    request.setRawHeader("Accept", "text/html");
    const Reply html = wait(m_network->get(request));
    QCOMPARE(html.status, 400);
    QCOMPARE(html.code(), 1013);
}

// --- rate limits --------------------------------------------------------------------------------

void FakeQuestradeServerTest::rateLimitHeadersOnEveryCall()
{
    const qint64 hourEndBefore = (QDateTime::currentSecsSinceEpoch() / 3600 + 1) * 3600;
    const Reply market = get(QStringLiteral("v1/markets/quotes?ids=34658"));
    const Reply account = get(QStringLiteral("v1/time"));
    const Reply symbols = get(QStringLiteral("v1/symbols/34658")); // the account bucket, as observed
    const Reply notFound = get(QStringLiteral("v1/markets/quotes/999999"));
    const qint64 hourEndAfter = (QDateTime::currentSecsSinceEpoch() / 3600 + 1) * 3600;

    QCOMPARE(market.header("x-ratelimit-remaining"), QByteArray("14999"));
    QCOMPARE(account.header("x-ratelimit-remaining"), QByteArray("29999"));
    QCOMPARE(symbols.header("x-ratelimit-remaining"), QByteArray("29998"));
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.header("x-ratelimit-remaining"), QByteArray("14998"));
    for (const Reply *reply : {&market, &account, &symbols, &notFound}) {
        const qint64 reset = reply->header("x-ratelimit-reset").toLongLong();
        QVERIFY(reset == hourEndBefore || reset == hourEndAfter);
    }
    // The login host is not rate-limited by the API buckets.
    QCOMPARE(exchange(m_refresh).header("x-ratelimit-remaining"), QByteArray());
}

void FakeQuestradeServerTest::perSecondLimitIsExact()
{
    m_server->setClock(*m_clock);
    m_server->setRateLimits(Category::MarketData, 5, 100);
    RawClient client(m_server->port());
    QByteArray burst;
    for (int i = 0; i < 8; ++i)
        burst += rawGet("/v1/markets/quotes?ids=34658", m_access, i == 7);
    const qint64 before = m_clock->now().toSecsSinceEpoch();
    client.socket.write(burst);
    QTRY_VERIFY(client.closed);
    const QList<RawResponse> responses = client.responses();
    QCOMPARE(responses.size(), 8);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(responses.at(i).status, 200);
        QCOMPARE(responses.at(i).headers.value("x-ratelimit-remaining").toInt(), 100 - 1 - i);
    }
    for (int i = 5; i < 8; ++i) {
        const RawResponse &limited = responses.at(i);
        QCOMPARE(limited.status, 429);
        QCOMPARE(QJsonDocument::fromJson(limited.body).object().value(QStringLiteral("code")).toInt(), 1006);
        QCOMPARE(QJsonDocument::fromJson(limited.body).object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("Rate limit exceeded."));
        QCOMPARE(limited.headers.value("x-ratelimit-remaining").toInt(), 95); // refusals are not counted
        // Per-second refusal: the reset is the second by which the window has room again.
        const qint64 reset = limited.headers.value("x-ratelimit-reset").toLongLong();
        QVERIFY2(reset >= before + 1 && reset <= before + 2, QByteArray::number(reset));
    }
    // Until the window has passed, calls are refused; then they succeed again.
    m_clock->advance(std::chrono::milliseconds(999));
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658")).status, 429);
    m_clock->advance(std::chrono::milliseconds(1));
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658")).status, 200);
}

void FakeQuestradeServerTest::burstOverMarketDataLimit()
{
    QList<QNetworkReply *> replies;
    for (int i = 0; i < 30; ++i) {
        QNetworkRequest request(
            m_server->apiServer().resolved(QUrl(QStringLiteral("v1/markets/quotes?ids=34658"))));
        request.setRawHeader("Authorization", "Bearer " + m_access);
        replies.append(m_network->get(request));
    }
    int limited = 0;
    for (QNetworkReply *pending : std::as_const(replies)) {
        const Reply reply = wait(pending);
        QVERIFY(reply.status == 200 || reply.status == 429);
        QVERIFY(!reply.header("x-ratelimit-remaining").isEmpty());
        QVERIFY(reply.header("x-ratelimit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch() - 2);
        if (reply.status == 429) {
            ++limited;
            QCOMPARE(reply.code(), 1006);
        }
    }
    QVERIFY(limited >= 1);
    QVERIFY(m_server->maxRequestsPerSecond(Category::MarketData) > 20);

    // The answered (non-429) calls never exceed 20 in any one-second window.
    QList<qint64> accepted;
    for (const FakeQuestradeServer::Request &request : m_server->requests()) {
        if (request.category == Category::MarketData && request.status == 200)
            accepted.append(request.receivedAt.toMSecsSinceEpoch());
    }
    std::sort(accepted.begin(), accepted.end());
    for (qsizetype first = 0, last = 0; last < accepted.size(); ++last) {
        while (accepted.at(last) - accepted.at(first) >= 1000)
            ++first;
        QVERIFY(last - first + 1 <= 20);
    }
}

void FakeQuestradeServerTest::hourlyLimit()
{
    m_server->setRateLimits(Category::Account, 100, 3);
    QCOMPARE(get(QStringLiteral("v1/time")).header("x-ratelimit-remaining"), QByteArray("2"));
    QCOMPARE(get(QStringLiteral("v1/time")).header("x-ratelimit-remaining"), QByteArray("1"));
    QCOMPARE(get(QStringLiteral("v1/time")).header("x-ratelimit-remaining"), QByteArray("0"));
    const qint64 hourEnd = (QDateTime::currentSecsSinceEpoch() / 3600 + 1) * 3600;
    const Reply refused = get(QStringLiteral("v1/time"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(refused.code(), 1006);
    QCOMPARE(refused.header("x-ratelimit-remaining"), QByteArray("0"));
    const qint64 reset = refused.header("x-ratelimit-reset").toLongLong();
    QVERIFY(reset == hourEnd || reset == hourEnd + 3600);
    // Market data has its own bucket.
    QCOMPARE(get(QStringLiteral("v1/markets")).status, 200);
}

void FakeQuestradeServerTest::maxRequestsPerSecondUsesASlidingWindow()
{
    m_server->setClock(*m_clock);
    m_server->clearRequests();
    QCOMPARE(m_server->maxRequestsPerSecond(Category::Account), 0);
    {
        RawClient client(m_server->port());
        QByteArray burst;
        for (int i = 0; i < 6; ++i)
            burst += rawGet("/v1/time", m_access, i == 5);
        client.socket.write(burst);
        QTRY_VERIFY(client.closed);
        QCOMPARE(client.responses().size(), 6);
    }
    QCOMPARE(m_server->maxRequestsPerSecond(Category::Account), 6);
    QCOMPARE(m_server->maxRequestsPerSecond(Category::MarketData), 0);
    m_clock->advance(std::chrono::milliseconds(1100));
    for (int i = 0; i < 4; ++i)
        QCOMPARE(get(QStringLiteral("v1/time")).status, 200);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/time")), 10);
    QCOMPARE(m_server->maxRequestsPerSecond(Category::Account), 6); // not 10: the windows do not add up
}

// --- faults -------------------------------------------------------------------------------------

void FakeQuestradeServerTest::failNextRequests()
{
    m_server->failNextRequests(2, 503, 1011);
    for (int i = 0; i < 2; ++i) {
        const Reply failed = get(QStringLiteral("v1/markets/quotes?ids=34658"));
        QCOMPARE(failed.status, 503);
        QVERIFY(failed.jsonValid);
        QCOMPARE(failed.code(), 1011);
        QVERIFY(!failed.json.value(QStringLiteral("message")).toString().isEmpty());
    }
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658")).status, 200);

    m_server->failNextRequests(1, 500); // default code 1008
    const Reply failed = get(QStringLiteral("v1/time"));
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.code(), 1008);
}

void FakeQuestradeServerTest::failedTokenRequestKeepsTheToken()
{
    m_server->failNextRequests(1, 500, 1008);
    QCOMPARE(exchange(m_refresh).status, 500);
    QCOMPARE(exchange(m_refresh).status, 200);
}

void FakeQuestradeServerTest::dropNextConnectionsRaw()
{
    m_server->dropNextConnections(1);
    RawClient dropped(m_server->port());
    dropped.socket.write(rawGet("/v1/time", m_access));
    QTRY_VERIFY(dropped.closed);
    QVERIFY(dropped.received.isEmpty());
    QCOMPARE(m_server->requests().constLast().status, 0);

    RawClient next(m_server->port());
    next.socket.write(rawGet("/v1/time", m_access, true));
    QTRY_VERIFY(next.closed);
    QCOMPARE(next.responses().size(), 1);
    QCOMPARE(next.responses().constFirst().status, 200);
}

void FakeQuestradeServerTest::dropNextConnectionsThroughTheNetworkManager()
{
    // QNetworkAccessManager (Qt 6.4) quietly resends a request once when its connection closes without
    // an answer, so a single drop goes unnoticed by it; enough drops are armed to exhaust its retries.
    m_server->dropNextConnections(5);
    const int before = m_server->requestCount(QStringLiteral("/v1/time"));
    const Reply dropped = get(QStringLiteral("v1/time"));
    QVERIFY2(dropped.error != QNetworkReply::NoError, qPrintable(QString::number(dropped.error)));
    QCOMPARE(dropped.status, 0);
    QVERIFY(m_server->requestCount(QStringLiteral("/v1/time")) > before);
    m_server->dropNextConnections(0);
    QVERIFY(serverStillAnswers());
}

void FakeQuestradeServerTest::malformedJson()
{
    m_server->sendMalformedJson(1);
    const Reply broken = get(QStringLiteral("v1/markets/quotes?ids=34658"));
    QCOMPARE(broken.status, 200);
    QVERIFY(!broken.body.isEmpty());
    QVERIFY(!broken.jsonValid);
    const Reply fine = get(QStringLiteral("v1/markets/quotes?ids=34658"));
    QCOMPARE(fine.status, 200);
    QVERIFY(fine.jsonValid);

    // Error answers do not use up the fault.
    m_server->sendMalformedJson(1);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes/999999")).code(), 1019);
    QVERIFY(!get(QStringLiteral("v1/time")).jsonValid);
}

void FakeQuestradeServerTest::malformedTokenAnswerStillRotates()
{
    m_server->sendMalformedJson(1);
    const Reply broken = exchange(m_refresh);
    QCOMPARE(broken.status, 200);
    QVERIFY(!broken.jsonValid);
    // The server did its work before the answer broke: the old token is used up.
    QCOMPARE(exchange(m_refresh).status, 400);
}

void FakeQuestradeServerTest::responseDelayDoesNotBlock()
{
    m_server->setResponseDelay(800);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(50);

    QElapsedTimer elapsed;
    elapsed.start();
    QNetworkRequest request(m_server->apiServer().resolved(QUrl(QStringLiteral("v1/time"))));
    request.setRawHeader("Authorization", "Bearer " + m_access);
    QNetworkReply *first = m_network->get(request);
    QNetworkReply *second = m_network->get(request);
    QCOMPARE(wait(first).status, 200);
    QCOMPARE(wait(second).status, 200);
    QVERIFY(elapsed.elapsed() >= 750);
    QVERIFY2(elapsed.elapsed() < 1500, qPrintable(QString::number(elapsed.elapsed()))); // side by side
    QVERIFY(ticks >= 8); // the event loop kept running

    // Error answers are delayed too, and answers on one connection keep their order.
    m_server->setResponseDelay(200);
    RawClient client(m_server->port());
    client.socket.write(rawGet("/v1/time", m_access) + rawGet("/v1/markets/quotes/999999", m_access, true));
    QTRY_VERIFY(client.closed);
    QCOMPARE(client.responses().size(), 2);
    QCOMPARE(client.responses().at(0).status, 200);
    QCOMPARE(client.responses().at(1).status, 404);
}

// --- HTTP ---------------------------------------------------------------------------------------

void FakeQuestradeServerTest::keepAliveReusesOneConnection()
{
    QNetworkAccessManager fresh;
    const int before = m_server->connectionsAccepted();
    for (int i = 0; i < 5; ++i) {
        QNetworkRequest request(m_server->apiServer().resolved(QUrl(QStringLiteral("v1/time"))));
        request.setRawHeader("Authorization", "Bearer " + m_access);
        QCOMPARE(wait(fresh.get(request)).status, 200);
    }
    QCOMPARE(m_server->connectionsAccepted() - before, 1);
}

void FakeQuestradeServerTest::pipelinedRequestsAnswerInOrder()
{
    RawClient client(m_server->port());
    client.socket.write(rawGet("/v1/time", m_access) + rawGet("/v1/markets", m_access) +
                        rawGet("/v1/markets/quotes?ids=34658", m_access));
    QTRY_COMPARE(client.responses().size(), 3);
    QVERIFY(!client.closed); // keep-alive
    const QList<RawResponse> responses = client.responses();
    QVERIFY(QJsonDocument::fromJson(responses.at(0).body).object().contains(QStringLiteral("time")));
    QVERIFY(QJsonDocument::fromJson(responses.at(1).body).object().contains(QStringLiteral("markets")));
    QVERIFY(QJsonDocument::fromJson(responses.at(2).body).object().contains(QStringLiteral("quotes")));
    QCOMPARE(responses.at(2).headers.value("connection"), QByteArray("keep-alive"));

    // The same connection takes more requests afterwards.
    client.socket.write(rawGet("/v1/time", m_access));
    QTRY_COMPARE(client.responses().size(), 4);
}

void FakeQuestradeServerTest::splitWritesAreReassembled()
{
    const QByteArray body = "grant_type=refresh_token&refresh_token=" + m_refresh;
    const QByteArray request = "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/x-www-form-urlencoded\r\n"
                               "Content-Length: " +
                               QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    RawClient client(m_server->port());
    QTRY_COMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    qsizetype written = 0;
    for (const qsizetype cut :
         {qsizetype(3), qsizetype(20), request.indexOf("\r\n\r\n") + 2, request.size() - 5}) {
        client.socket.write(request.mid(written, cut - written));
        client.socket.flush();
        written = cut;
        QTest::qWait(20);
        QVERIFY(client.received.isEmpty());
    }
    client.socket.write(request.right(5));
    QTRY_VERIFY(client.closed);
    QCOMPARE(client.responses().size(), 1);
    QCOMPARE(client.responses().constFirst().status, 200);
}

void FakeQuestradeServerTest::connectionCloseIsHonoured()
{
    RawClient closing(m_server->port());
    closing.socket.write(rawGet("/v1/time", m_access, true));
    QTRY_VERIFY(closing.closed);
    QCOMPARE(closing.responses().size(), 1);
    QCOMPARE(closing.responses().constFirst().headers.value("connection"), QByteArray("close"));

    // HTTP/1.0 closes unless asked to keep the connection.
    RawClient old(m_server->port());
    old.socket.write("GET /v1/time HTTP/1.0\r\nAuthorization: Bearer " + m_access + "\r\n\r\n");
    QTRY_VERIFY(old.closed);
    QCOMPARE(old.responses().size(), 1);
    QCOMPARE(old.responses().constFirst().status, 200);
}

void FakeQuestradeServerTest::recordsRequests()
{
    m_server->clearRequests();
    QSignalSpy handled(m_server.get(), &test::TestQuestradeServer::requestHandled);
    QCOMPARE(get(QStringLiteral("v1/markets/quotes?ids=34658,4242001")).status, 200);
    QCOMPARE(get(QStringLiteral("v1/symbols/999999")).status, 404);
    QCOMPARE(handled.count(), 2);

    const QList<FakeQuestradeServer::Request> requests = m_server->requests();
    QCOMPARE(requests.size(), 2);
    const FakeQuestradeServer::Request &quotes = requests.at(0);
    QCOMPARE(quotes.method, QStringLiteral("GET"));
    QCOMPARE(quotes.path, QStringLiteral("/v1/markets/quotes"));
    QCOMPARE(quotes.query, QStringLiteral("ids=34658,4242001"));
    QCOMPARE(quotes.category, Category::MarketData);
    QCOMPARE(quotes.status, 200);
    QCOMPARE(quotes.userAgent, kUserAgent);
    QVERIFY(std::abs(quotes.receivedAt.msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
    QCOMPARE(quotes.receivedAt.timeSpec(), Qt::UTC);
    QCOMPARE(requests.at(1).category, Category::Account);
    QCOMPARE(requests.at(1).status, 404);
    const auto signalled = handled.at(1).at(0).value<FakeQuestradeServer::Request>();
    QCOMPARE(signalled.path, QStringLiteral("/v1/symbols/999999"));

    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/markets")), 1);
    QCOMPARE(m_server->requestCount(QStringLiteral("/v1/")), 2);
    QVERIFY(exchange(m_refresh).status == 200);
    QCOMPARE(m_server->requests().constLast().category, Category::Login);
    m_server->clearRequests();
    QCOMPARE(m_server->requests().size(), 0);
}

void FakeQuestradeServerTest::garbageIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::newRow("binary") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    QTest::newRow("no version") << QByteArray("GET /v1/time\r\n\r\n") << 400;
    QTest::newRow("http 2") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
    QTest::newRow("asterisk") << QByteArray("OPTIONS * HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad header") << QByteArray("GET /v1/time HTTP/1.1\r\nno colon here\r\n\r\n") << 400;
    QTest::newRow("negative length") << QByteArray(
                                            "POST /oauth2/token HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                     << 400;
    QTest::newRow("huge body") << QByteArray(
                                      "POST /oauth2/token HTTP/1.1\r\nContent-Length: 5000000000\r\n\r\n")
                               << 413;
    QTest::newRow("chunked")
        << QByteArray("POST /oauth2/token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 501;
    QTest::newRow("huge header") << QByteArray("GET /v1/time HTTP/1.1\r\nX-Junk: " +
                                               QByteArray(64 * 1024, 'x'))
                                 << 431;
    QTest::newRow("long target") << QByteArray("GET /" + QByteArray(10000, 'a') + " HTTP/1.1\r\n\r\n") << 414;
}

void FakeQuestradeServerTest::garbageIsRefused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    RawClient client(m_server->port());
    client.socket.write(bytes);
    QTRY_VERIFY(client.closed);
    const QList<RawResponse> responses = client.responses();
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.constFirst().status, status);
    QCOMPARE(responses.constFirst().headers.value("connection"), QByteArray("close"));
    QVERIFY(serverStillAnswers());
}

void FakeQuestradeServerTest::randomBytesDoNotCrash()
{
    QRandomGenerator random(1234);
    const QByteArray valid = rawGet("/v1/markets/quotes?ids=34658", m_access);
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < 60; ++i) {
        QByteArray bytes;
        if (i % 2 == 0) {
            bytes.resize(random.bounded(1, 8192));
            for (char &c : bytes)
                c = char(random.bounded(256));
        } else { // a valid request with a few bytes flipped
            bytes = valid;
            for (int flips = 0; flips < 3; ++flips)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
        }
        if (i % 3 == 0)
            bytes += "\r\n\r\n";
        clients.push_back(std::make_unique<RawClient>(m_server->port()));
        clients.back()->socket.write(bytes);
    }
    // A request on a connection opened after all of them is answered only once the server has read
    // what came in before it.
    QVERIFY(serverStillAnswers());
    for (const auto &client : clients) {
        for (const RawResponse &response : client->responses())
            QVERIFY(response.status >= 200 && response.status < 600);
        if (!client->received.isEmpty())
            QVERIFY(client->received.startsWith("HTTP/1.1 "));
    }
    clients.clear();
    QVERIFY(serverStillAnswers());
}

QTEST_GUILESS_MAIN(FakeQuestradeServerTest)
#include "tst_fakequestradeserver.moc"
