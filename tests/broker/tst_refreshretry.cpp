// RefreshRetry: the exchange tried again after its delay, the error callers get meanwhile, and cancelling.
#include "broker/RefreshRetry.h"

#include <QSignalSpy>
#include <QTest>

using namespace trailguard;

class TestRefreshRetry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dueAfterItsDelayWithTheRequest()
    {
        RefreshRetry retry(std::chrono::milliseconds(20), std::chrono::milliseconds(80));
        QSignalSpy due(&retry, &RefreshRetry::due);
        QVERIFY(!retry.isScheduled());
        QVERIFY(!retry.error());

        TokenExchangeRequest request;
        request.refreshToken = "r1";
        request.origin = TokenExchangeRequest::Origin::Bootstrap;
        retry.schedule(request, Error{ErrorCode::ServerError, QStringLiteral("retrying")},
                       std::chrono::milliseconds(10));
        QVERIFY(retry.isScheduled());
        QCOMPARE(retry.error()->message, QStringLiteral("retrying"));
        QCOMPARE(due.count(), 0); // never at once

        QTRY_COMPARE(due.count(), 1);
        const auto fired = due.constFirst().constFirst().value<TokenExchangeRequest>();
        QCOMPARE(fired.refreshToken, QByteArray("r1"));
        QVERIFY(fired.origin == TokenExchangeRequest::Origin::Bootstrap);
        QVERIFY(!retry.isScheduled());
        QVERIFY(!retry.error()); // callers may ask again
    }

    void cancelledRetryNeverFires()
    {
        RefreshRetry retry(std::chrono::milliseconds(20), std::chrono::milliseconds(80));
        QSignalSpy due(&retry, &RefreshRetry::due);
        retry.schedule(TokenExchangeRequest{}, Error{ErrorCode::Timeout, QStringLiteral("later")},
                       std::chrono::milliseconds(5));
        retry.cancel();
        QVERIFY(!retry.isScheduled());
        QVERIFY(!retry.error());
        QTest::qWait(30);
        QCOMPARE(due.count(), 0);
    }

    void delaysDoubleUntilReset()
    {
        RefreshRetry retry(std::chrono::milliseconds(1000), std::chrono::milliseconds(4000));
        const auto first = retry.nextDelay();
        const auto second = retry.nextDelay();
        QVERIFY2(second > first, "the backoff grows");
        retry.resetBackoff();
        QVERIFY2(retry.nextDelay() < second, "a success starts again from the first delay");
    }
};

QTEST_GUILESS_MAIN(TestRefreshRetry)
#include "tst_refreshretry.moc"
