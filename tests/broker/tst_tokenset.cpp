#include "broker/TokenSet.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;

namespace {
TokenSet sample()
{
    TokenSet tokens;
    tokens.refreshToken = "r7Tt2w-EXAMPLE-REFRESH-Lk9d";
    tokens.accessToken = "Zx81kQ-EXAMPLE-ACCESS-mP0q";
    tokens.apiServer = QUrl(QStringLiteral("https://api03.iq.questrade.com/"));
    tokens.accessIssuedAt = QDateTime(QDate(2026, 3, 9), QTime(14, 0, 0, 250), QTimeZone::utc());
    tokens.accessExpiresAt = tokens.accessIssuedAt.addSecs(1800);
    tokens.environment = BrokerEnvironment::Practice;
    tokens.bootstrapHash = TokenSet::hashBootstrapToken("seed-token-123");
    return tokens;
}
} // namespace

class TestTokenSet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const TokenSet tokens = sample();
        const Result<TokenSet> read = TokenSet::fromJson(tokens.toJson());
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
        QCOMPARE(read.value(), tokens);
    }

    void roundTripOfARefusedChain()
    {
        TokenSet tokens = sample();
        tokens.refreshToken.clear();
        tokens.accessToken.clear();
        tokens.rejected = true;
        const Result<TokenSet> read = TokenSet::fromJson(tokens.toJson());
        QVERIFY(read.ok());
        QVERIFY(read.value().rejected);
        QVERIFY(read.value().refreshToken.isEmpty());
    }

    void theBlobIsOneJsonObjectWithEveryPart()
    {
        const QJsonObject object = QJsonDocument::fromJson(sample().toJson()).object();
        for (const char *key :
             {"refreshToken", "accessToken", "apiServer", "accessExpiresAt", "environment", "bootstrapHash"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value(QStringLiteral("environment")).toString(), QStringLiteral("practice"));
    }

    void bootstrapHashIsNotTheToken()
    {
        const QByteArray hash = TokenSet::hashBootstrapToken("seed-token-123");
        QCOMPARE(hash, QCryptographicHash::hash("seed-token-123", QCryptographicHash::Sha256).toHex());
        QVERIFY(!sample().toJson().contains("seed-token-123"));
        // Surrounding whitespace from an environment variable does not make it another token.
        QCOMPARE(TokenSet::hashBootstrapToken(" seed-token-123\n"), hash);
        QVERIFY(TokenSet::hashBootstrapToken("seed-token-124") != hash);
    }

    void accessTokenUsable_data()
    {
        QTest::addColumn<int>("secondsAfterIssue");
        QTest::addColumn<int>("lifetime");
        QTest::addColumn<bool>("usable");
        QTest::newRow("fresh") << 0 << 1800 << true;
        QTest::newRow("61 s left") << 1739 << 1800 << true;
        QTest::newRow("59 s left: refresh ahead") << 1741 << 1800 << false;
        QTest::newRow("expired") << 1801 << 1800 << false;
        QTest::newRow("short-lived token, fresh") << 0 << 10 << true;
        QTest::newRow("short-lived token, 4 s left") << 6 << 10 << false;
    }
    void accessTokenUsable()
    {
        QFETCH(int, secondsAfterIssue);
        QFETCH(int, lifetime);
        QFETCH(bool, usable);
        TokenSet tokens = sample();
        tokens.accessExpiresAt = tokens.accessIssuedAt.addSecs(lifetime);
        QCOMPARE(tokens.accessTokenUsable(tokens.accessIssuedAt.addSecs(secondsAfterIssue),
                                          std::chrono::seconds(60)),
                 usable);
    }

    void noAccessTokenIsNeverUsable()
    {
        TokenSet tokens = sample();
        tokens.accessToken.clear();
        QVERIFY(!tokens.accessTokenUsable(tokens.accessIssuedAt, std::chrono::seconds(60)));
        tokens = sample();
        tokens.rejected = true;
        QVERIFY(!tokens.accessTokenUsable(tokens.accessIssuedAt, std::chrono::seconds(60)));
    }

    void fromJsonRefusesDamage_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("r7Tt2w-EXAMPLE");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("wrong format") << QByteArray(R"({"format": 99})");
        QByteArray noRefresh = sample().toJson();
        noRefresh.replace("r7Tt2w-EXAMPLE-REFRESH-Lk9d", "");
        QTest::newRow("no refresh token, not refused") << noRefresh;
        QByteArray badEnvironment = sample().toJson();
        badEnvironment.replace("practice", "paper");
        QTest::newRow("unknown environment") << badEnvironment;
    }
    void fromJsonRefusesDamage()
    {
        QFETCH(QByteArray, blob);
        const Result<TokenSet> read = TokenSet::fromJson(blob);
        QVERIFY(!read.ok());
        QVERIFY(!read.error().message.isEmpty());
        QVERIFY(!read.error().message.contains(QStringLiteral("EXAMPLE")));
    }
};

QTEST_GUILESS_MAIN(TestTokenSet)
#include "tst_tokenset.moc"
