// AccessTokenWaiters: answers come later from the event loop, never to a caller whose context is gone.
#include "broker/AccessTokenWaiters.h"

#include <QTest>

#include <memory>

using namespace trailguard;

class TestAccessTokenWaiters : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void failAllAnswersEveryLiveWaiterLater()
    {
        AccessTokenWaiters waiters(this);
        QObject alive;
        auto gone = std::make_unique<QObject>();
        QList<Result<AccessGrant>> answers;
        bool goneAnswered = false;
        waiters.add(&alive, [&answers](Result<AccessGrant> result) { answers.append(result); });
        waiters.add(gone.get(), [&goneAnswered](Result<AccessGrant>) { goneAnswered = true; });
        waiters.add(&alive, [&answers](Result<AccessGrant> result) { answers.append(result); });
        QVERIFY(!waiters.isEmpty());

        waiters.failAll(Error{ErrorCode::NotConfigured, QStringLiteral("disconnected")});
        QVERIFY(waiters.isEmpty());
        QVERIFY(answers.isEmpty()); // not inside the call
        gone.reset();
        QTRY_COMPARE(answers.size(), 2);
        QCOMPARE(answers.constFirst().error().code, ErrorCode::NotConfigured);
        QTest::qWait(10);
        QVERIFY(!goneAnswered);
    }

    void takeAllEmptiesTheQueueInOrder()
    {
        AccessTokenWaiters waiters(this);
        QList<int> order;
        for (int i = 0; i < 3; ++i)
            waiters.add(this, [&order, i](Result<AccessGrant>) { order.append(i); });
        const QList<AccessTokenWaiters::Waiter> taken = waiters.takeAll();
        QVERIFY(waiters.isEmpty());
        QCOMPARE(taken.size(), 3);
        for (const AccessTokenWaiters::Waiter &waiter : taken)
            waiters.deliver(waiter.context, waiter.done, AccessGrant{"token", QUrl()});
        QTRY_COMPARE(order, (QList<int>{0, 1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestAccessTokenWaiters)
#include "tst_accesstokenwaiters.moc"
