// Accounts and positions (questrade-api.md §6): the parsing rules, and QuestradeClient::fetchAccounts /
// fetchPositions against the fake Questrade server over loopback HTTP.
#include "broker/QuestradeClient.h"

#include "BrokerTestSupport.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeParsing.h"
#include "broker/RateLimiter.h"
#include "fakes/QuestradeClientFixture.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

namespace {
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}
} // namespace

class TestQuestradeAccounts : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QuestradeClientFixture> m_fixture;
    Server *m_server = nullptr;
    QuestradeClient *m_client = nullptr;

    std::optional<Result<QList<BrokerAccount>>> accounts()
    {
        QObject context;
        std::optional<Result<QList<BrokerAccount>>> out;
        m_client->fetchAccounts(&context,
                                [&out](Result<QList<BrokerAccount>> result) { out = std::move(result); });
        (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
        return out;
    }
    std::optional<Result<QList<BrokerPosition>>> positions(const QString &number)
    {
        QObject context;
        std::optional<Result<QList<BrokerPosition>>> out;
        m_client->fetchPositions(number, &context,
                                 [&out](Result<QList<BrokerPosition>> result) { out = std::move(result); });
        (void)QTest::qWaitFor([&out] { return out.has_value(); }, kWaitMs);
        return out;
    }

private Q_SLOTS:
    void init()
    {
        QuestradeClient::Options options;
        options.retryBaseDelay = std::chrono::milliseconds(50);
        options.requestTimeout = std::chrono::milliseconds(3000);
        m_fixture = std::make_unique<QuestradeClientFixture>(options);
        m_server = &m_fixture->server();
        QVERIFY(m_fixture->connect());
        m_client = &m_fixture->client();
    }

    void cleanup()
    {
        m_client = nullptr;
        m_server = nullptr;
        m_fixture.reset();
    }

    // --- parsing ------------------------------------------------------------------------------------

    void parsesAccountsWithNumberAsText()
    {
        const auto parsed = QuestradeParsing::parseAccounts(json(R"({"accounts": [
            {"type": "TFSA", "number": "00123456", "status": "Active", "isPrimary": true, "isBilling": false,
             "clientAccountType": "Individual"},
            {"type": "Margin", "number": 26598145}], "userId": 3000124})"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed.value().size(), 2);
        QCOMPARE(parsed.value().at(0).number, QStringLiteral("00123456")); // leading zeros kept
        QCOMPARE(parsed.value().at(0).type, QStringLiteral("TFSA"));
        QVERIFY(parsed.value().at(0).isPrimary);
        QCOMPARE(parsed.value().at(1).number, QStringLiteral("26598145"));
        QVERIFY(!parsed.value().at(1).isPrimary);
    }

    void refusesAccountsWithoutNumber_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no list") << QByteArray(R"({"userId": 1})");
        QTest::newRow("no number") << QByteArray(R"({"accounts": [{"type": "TFSA"}]})");
        QTest::newRow("empty number") << QByteArray(R"({"accounts": [{"type": "TFSA", "number": ""}]})");
        QTest::newRow("not an object") << QByteArray(R"({"accounts": [5]})");
    }
    void refusesAccountsWithoutNumber()
    {
        QFETCH(QByteArray, body);
        const auto parsed = QuestradeParsing::parseAccounts(QJsonDocument::fromJson(body).object());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::MalformedResponse);
    }

    void parsesPositionsWithLowerCasePnl()
    {
        const auto parsed = QuestradeParsing::parsePositions(json(R"({"positions": [
            {"symbol": "RY.TO", "symbolId": 34658, "openQuantity": 50, "closedQuantity": 0,
             "currentMarketValue": 6572.0, "currentPrice": 131.44, "averageEntryPrice": 118.20,
             "dayPnl": 27.0, "closedPnl": 1.5, "openPnl": 662.0, "totalCost": 5910.0,
             "isRealTime": true, "isUnderReorg": false}]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 1);
        const BrokerPosition &p = parsed.value().constFirst();
        QCOMPARE(p.symbol, QStringLiteral("RY.TO"));
        QCOMPARE(p.symbolId, qint64(34658));
        QCOMPARE(p.openQuantity, 50.0);
        QCOMPARE(p.currentMarketValue, std::optional<double>(6572.0));
        QCOMPARE(p.averageEntryPrice, std::optional<double>(118.20));
        QCOMPARE(p.openPnl, std::optional<double>(662.0));
        QCOMPARE(p.closedPnl, std::optional<double>(1.5));
        QCOMPARE(p.dayPnl, std::optional<double>(27.0));
        QCOMPARE(p.isRealTime, std::optional<bool>(true));
    }

    void positionFieldsBeyondTheThreeAreOptional()
    {
        // Only symbol, symbolId, openQuantity; the documented casing and the docs' type errors
        // ("totalCost": false, "isRealTime": "Individual") are tolerated.
        const auto parsed = QuestradeParsing::parsePositions(json(R"({"positions": [
            {"symbol": "AAPL", "symbolId": 8049, "openQuantity": -10},
            {"symbol": "BRK.B", "symbolId": "1634", "openQuantity": 3.5, "openPnL": 12.5, "totalCost": false,
             "isRealTime": "Individual", "currentMarketValue": null}]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 2);
        QCOMPARE(parsed.value().at(0).openQuantity, -10.0);
        QVERIFY(!parsed.value().at(0).currentMarketValue);
        QVERIFY(!parsed.value().at(0).openPnl);
        QVERIFY(!parsed.value().at(0).averageEntryPrice);
        QCOMPARE(parsed.value().at(1).symbolId, qint64(1634));
        QCOMPARE(parsed.value().at(1).openPnl, std::optional<double>(12.5));
        QVERIFY(!parsed.value().at(1).totalCost);
        QVERIFY(!parsed.value().at(1).isRealTime);
        QVERIFY(!parsed.value().at(1).currentMarketValue);
    }

    void nullQuantityIsAClosedPosition()
    {
        // questrade-api.md §6 (corrections): openQuantity can be null; that position is closed (0), and the
        // other positions of the answer are still read.
        const auto parsed = QuestradeParsing::parsePositions(json(R"({"positions": [
            {"symbol": "ENB.TO", "symbolId": 1, "openQuantity": null, "averageEntryPrice": null,
             "totalCost": null},
            {"symbol": "RY.TO", "symbolId": 2, "openQuantity": 5}]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value().size(), 2);
        QCOMPARE(parsed.value().at(0).openQuantity, 0.0);
        QVERIFY(!parsed.value().at(0).averageEntryPrice);
        QCOMPARE(parsed.value().at(1).openQuantity, 5.0);
    }

    void refusesPositionsMissingRequiredFields_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no symbol") << QByteArray(R"({"positions": [{"symbolId": 1, "openQuantity": 1}]})");
        QTest::newRow("no symbolId") << QByteArray(R"({"positions": [{"symbol": "A", "openQuantity": 1}]})");
        QTest::newRow("no quantity") << QByteArray(R"({"positions": [{"symbol": "A", "symbolId": 1}]})");
        QTest::newRow("quantity text")
            << QByteArray(R"({"positions": [{"symbol": "A", "symbolId": 1, "openQuantity": "1"}]})");
        QTest::newRow("no list") << QByteArray(R"({"position": []})");
    }
    void refusesPositionsMissingRequiredFields()
    {
        QFETCH(QByteArray, body);
        const auto parsed = QuestradeParsing::parsePositions(QJsonDocument::fromJson(body).object());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::MalformedResponse);
    }

    // --- client against the fake server -----------------------------------------------------------

    void fetchesAccountsAsAnAccountCall()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("00012345"), QStringLiteral("TFSA"),
                                               QStringLiteral("Active"), true, false},
                               Server::Account{QStringLiteral("51443018"), QStringLiteral("Margin"),
                                               QStringLiteral("Active"), false, true}});
        const auto result = accounts();
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 2);
        QCOMPARE(result->value().at(0).number, QStringLiteral("00012345"));
        QCOMPARE(result->value().at(0).type, QStringLiteral("TFSA"));
        QCOMPARE(result->value().at(1).type, QStringLiteral("Margin"));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().constFirst().path, QStringLiteral("/v1/accounts"));
        QCOMPARE(m_server->requests().constFirst().category, Server::Category::Account);
    }

    void fetchesPositionsOfOneAccount()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("51443017")}});
        Server::Position ry;
        ry.symbol = QStringLiteral("RY.TO");
        ry.symbolId = 34658;
        ry.openQuantity = 50;
        ry.currentMarketValue = 6572.0;
        ry.averageEntryPrice = 118.2;
        ry.openPnl = 662.0;
        Server::Position bare; // only the three required fields
        bare.symbol = QStringLiteral("AAPL");
        bare.symbolId = 8049;
        bare.openQuantity = 10;
        m_server->setPositions(QStringLiteral("51443017"), {ry, bare});

        const auto result = positions(QStringLiteral("51443017"));
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(result->value().size(), 2);
        QCOMPARE(result->value().at(0).symbol, QStringLiteral("RY.TO"));
        QCOMPARE(result->value().at(0).openPnl, std::optional<double>(662.0));
        QCOMPARE(result->value().at(0).averageEntryPrice, std::optional<double>(118.2));
        QCOMPARE(result->value().at(1).openQuantity, 10.0);
        QVERIFY(!result->value().at(1).currentMarketValue);
        QCOMPARE(m_server->requests().constFirst().path, QStringLiteral("/v1/accounts/51443017/positions"));
        QCOMPARE(m_server->requests().constFirst().category, Server::Category::Account);
    }

    void anAccountWithoutPositionsHasNone()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("1")}});
        const auto result = positions(QStringLiteral("1"));
        QVERIFY(succeeded(result));
        QVERIFY(result->value().isEmpty());
    }

    void unknownAccountIsAccountNotFound()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("51443017")}});
        const auto result = positions(QStringLiteral("99999999"));
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, ErrorCode::AccountNotFound);
        // Not retried: one request, answered 404.
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/accounts/")), 1);
        QCOMPARE(m_server->requests().constFirst().status, 404);
    }

    void serverErrorsAreRetried()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("7")}});
        m_server->failNextRequests(2, 500, 1008);
        const auto result = accounts();
        QVERIFY2(succeeded(result), describe(result).constData());
        QCOMPARE(m_server->requestCount(QStringLiteral("/v1/accounts")), 3);
    }

    void malformedAnswerIsAnError()
    {
        m_server->setAccounts({Server::Account{QStringLiteral("7")}});
        m_server->sendMalformedJson(1);
        const auto result = positions(QStringLiteral("7"));
        QVERIFY(result.has_value() && !result->ok());
        QCOMPARE(result->error().code, ErrorCode::MalformedResponse);
    }
};

QTEST_GUILESS_MAIN(TestQuestradeAccounts)
#include "tst_questradeaccounts.moc"
