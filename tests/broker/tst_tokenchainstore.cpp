// TokenChainStore: the chain's blob in a real (in-memory) SecretStore, the count of writes under way,
// and which stored chain counts as newer than the one a process holds.
#include "broker/TokenChainStore.h"

#include "secrets/MemorySecretStore.h"

#include <QTest>
#include <QTimeZone>

using namespace trailguard;

namespace {
TokenSet chain(const QByteArray &refresh, int issuedMinute)
{
    TokenSet tokens;
    tokens.refreshToken = refresh;
    tokens.accessToken = refresh + "-access";
    tokens.apiServer = QUrl(QStringLiteral("https://api01.iq.questrade.com/"));
    tokens.accessIssuedAt = QDateTime(QDate(2026, 3, 9), QTime(14, issuedMinute), QTimeZone::utc());
    tokens.accessExpiresAt = tokens.accessIssuedAt.addSecs(1800);
    return tokens;
}
} // namespace

class TestTokenChainStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writeCountsUntilDoneThenReadsBack()
    {
        MemorySecretStore secrets;
        TokenChainStore store(secrets);
        std::optional<Status> written;
        store.write(chain("r1", 0), this, [&written](Status status) { written = status; });
        QCOMPARE(store.pending(), 1);
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());
        QCOMPARE(store.pending(), 0);

        std::optional<Result<QByteArray>> read;
        store.read(this, [&read](Result<QByteArray> blob) { read = std::move(blob); });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(TokenSet::fromJson(read->value()).value(), chain("r1", 0));

        std::optional<Status> removed;
        store.remove(this, [&removed](Status status) { removed = status; });
        QCOMPARE(store.pending(), 1);
        QTRY_VERIFY(removed.has_value());
        QCOMPARE(store.pending(), 0);
    }

    void newerChain_data()
    {
        QTest::addColumn<QByteArray>("storedRefresh");
        QTest::addColumn<int>("storedMinute");
        QTest::addColumn<bool>("heldSaved");
        QTest::addColumn<bool>("newer");
        QTest::newRow("the same chain") << QByteArray("held") << 0 << true << false;
        QTest::newRow("another process rotated it") << QByteArray("theirs") << 5 << true << true;
        QTest::newRow("rotated, even if issued earlier") << QByteArray("theirs") << 0 << true << true;
        QTest::newRow("our write failed; theirs is older") << QByteArray("theirs") << 0 << false << false;
        QTest::newRow("our write failed; theirs is newer") << QByteArray("theirs") << 10 << false << true;
    }

    void newerChain()
    {
        QFETCH(QByteArray, storedRefresh);
        QFETCH(int, storedMinute);
        QFETCH(bool, heldSaved);
        QFETCH(bool, newer);
        const TokenSet held = chain("held", 1);
        const Result<QByteArray> blob(chain(storedRefresh, storedMinute).toJson());
        const std::optional<TokenSet> found = TokenChainStore::newerChain(blob, held, heldSaved);
        QCOMPARE(found.has_value(), newer);
        if (newer)
            QCOMPARE(found->refreshToken, storedRefresh);
    }

    void nothingStoredOrUnreadableIsNeverNewer()
    {
        const TokenSet held = chain("held", 1);
        QVERIFY(!TokenChainStore::newerChain(Error{ErrorCode::SecretNotFound, QStringLiteral("none")}, held,
                                             true));
        QVERIFY(!TokenChainStore::newerChain(Result<QByteArray>(QByteArray("{not json")), held, true));
    }

    // Questrade refused a refresh token: only a live stored chain past that token is another process's.
    void rotatedPast_data()
    {
        QTest::addColumn<QByteArray>("stored"); // empty: nothing stored
        QTest::addColumn<bool>("storedRejected");
        QTest::addColumn<bool>("found");
        QTest::newRow("another process rotated past it") << QByteArray("theirs") << false << true;
        QTest::newRow("the store still holds the spent token") << QByteArray("spent") << false << false;
        QTest::newRow("the stored chain was refused too") << QByteArray("theirs") << true << false;
        QTest::newRow("nothing stored") << QByteArray() << false << false;
    }

    void rotatedPast()
    {
        QFETCH(QByteArray, stored);
        QFETCH(bool, storedRejected);
        QFETCH(bool, found);
        TokenSet tokens = chain(stored, 2);
        if (storedRejected)
            tokens = tokens.asRejected();
        const Result<QByteArray> blob =
            stored.isEmpty() ? Result<QByteArray>(Error{ErrorCode::SecretNotFound, QStringLiteral("none")})
                             : Result<QByteArray>(tokens.toJson());
        const std::optional<TokenSet> chainFound = TokenChainStore::rotatedPast(blob, "spent");
        QCOMPARE(chainFound.has_value(), found);
        if (found)
            QCOMPARE(chainFound->refreshToken, stored);
    }

    void rejectedChainKeepsNoToken()
    {
        const TokenSet rejected = chain("r1", 0).asRejected();
        QVERIFY(rejected.rejected);
        QVERIFY(rejected.refreshToken.isEmpty());
        QVERIFY(rejected.accessToken.isEmpty());
        QVERIFY(!rejected.accessExpiresAt.isValid());
        QCOMPARE(rejected.apiServer, chain("r1", 0).apiServer); // the rest of the chain stays
    }
};

QTEST_GUILESS_MAIN(TestTokenChainStore)
#include "tst_tokenchainstore.moc"
