// PortfolioSync against the fake Questrade server: quantities kept current, disappeared positions reported.
#include "PortfolioFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace trailguard;
using namespace trailguard::test;
using Server = test::TestQuestradeServer;

class TestPortfolioSync : public QObject {
    Q_OBJECT

private:
    PortfolioFixture f;

    std::optional<PortfolioSyncReport> syncNow()
    {
        QSignalSpy finished(f.sync.get(), &PortfolioSync::syncFinished);
        f.sync->syncNow();
        if (!finished.wait(kWaitMs))
            return std::nullopt;
        return finished.constFirst().constFirst().value<PortfolioSyncReport>();
    }

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<PortfolioSyncReport>(); }

    void init()
    {
        QVERIFY(f.setUp());
        f.server->setAccounts({Server::Account{QStringLiteral("111"), QStringLiteral("TFSA")},
                               Server::Account{QStringLiteral("222"), QStringLiteral("Margin")}});
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 50, 118.20, 6572.0, 662.0),
                                                       position("AAPL", 8049, 10, 150.0, 1895.0, 395.0)});
        f.server->setPositions(QStringLiteral("222"),
                               {position("XEQT.TO", 26094519, 400, 27.8, 12500.0, 1380.0)});
        QVERIFY(f.importAll());
        f.server->clearRequests();
    }
    void cleanup() { f.tearDown(); }

    void nothingToDoWithoutImportedAccounts()
    {
        QVERIFY(f.holdings->removeAccount(QStringLiteral("111")).ok());
        QVERIFY(f.holdings->removeAccount(QStringLiteral("222")).ok());
        QSignalSpy started(f.sync.get(), &PortfolioSync::syncStarted);
        f.sync->syncNow();
        QTest::qWait(50);
        QCOMPARE(started.count(), 0);
        QCOMPARE(f.server->requests().size(), 0);
    }

    void keepsQuantitiesAndValuesCurrent()
    {
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 80, 120.0, 10600.0, 1000.0),
                                                       position("AAPL", 8049, 10, 150.0, 1950.0, 450.0)});
        f.clock->advance(300);
        const auto report = syncNow();
        QVERIFY(report);
        QVERIFY(report->ok());
        QCOMPARE(report->accounts, 2);
        QCOMPARE(report->accountsUpdated, 2);
        QVERIFY(report->disappeared.isEmpty());
        const auto ry = f.portfolio->positionOf(QStringLiteral("RY.TO"));
        QCOMPARE(ry->quantity, 80.0);
        QCOMPARE(ry->marketValue, std::optional<double>(10600.0));
        QCOMPARE(ry->updatedAt, f.clock->now());
        QCOMPARE(f.portfolio->positionOf(QStringLiteral("AAPL"))->marketValue, std::optional<double>(1950.0));
        // The watchlist's own stop data is not touched by a sync.
        QCOMPARE(f.stock(QStringLiteral("RY.TO"))->entry, std::optional<double>(118.20));
        QCOMPARE(f.server->requestCount(QStringLiteral("/v1/accounts/")), 2);
    }

    void aPositionThatDisappearedIsReportedAndStillWatched()
    {
        QSignalSpy disappeared(f.sync.get(), &PortfolioSync::positionsDisappeared);
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 50, 118.20, 6572.0, 662.0)});
        const auto report = syncNow();
        QVERIFY(report);
        QCOMPARE(report->disappeared, QStringList{QStringLiteral("AAPL")});
        QCOMPARE(disappeared.count(), 1);
        QCOMPARE(disappeared.constFirst().constFirst().toStringList(), QStringList{QStringLiteral("AAPL")});
        QVERIFY(f.stock(QStringLiteral("AAPL"))); // nothing removed: the window asks
        QVERIFY(!f.portfolio->positionOf(QStringLiteral("AAPL")));

        // Asked once: the next sync does not report it again.
        const auto again = syncNow();
        QVERIFY(again && again->disappeared.isEmpty());
        QCOMPARE(disappeared.count(), 1);
    }

    void aPositionMovedToAnotherAccountDidNotDisappear()
    {
        QSignalSpy disappeared(f.sync.get(), &PortfolioSync::positionsDisappeared);
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 50, 118.20)});
        f.server->setPositions(QStringLiteral("222"),
                               {position("XEQT.TO", 26094519, 400, 27.8), position("AAPL", 8049, 10, 150.0)});
        const auto report = syncNow();
        QVERIFY(report && report->disappeared.isEmpty());
        QCOMPARE(disappeared.count(), 0);
        QCOMPARE(f.portfolio->positionOf(QStringLiteral("AAPL"))->accounts,
                 QStringList{QStringLiteral("222")});
    }

    void anUnwatchedPositionIsNotAskedAbout()
    {
        QVERIFY(f.watchlist->remove(QStringLiteral("AAPL")).ok());
        f.server->setPositions(QStringLiteral("111"), {position("RY.TO", 34658, 50, 118.20)});
        const auto report = syncNow();
        QVERIFY(report && report->disappeared.isEmpty());
    }

    void aFailingAccountKeepsItsLastPositions()
    {
        f.server->setAccounts(
            {Server::Account{QStringLiteral("222"), QStringLiteral("Margin")}}); // 111 unknown now
        const auto report = syncNow();
        QVERIFY(report);
        QVERIFY(!report->ok());
        QCOMPARE(report->accountsUpdated, 1);
        QVERIFY(report->problems.constFirst().contains(QStringLiteral("111")));
        QVERIFY(report->disappeared.isEmpty());
        QCOMPARE(f.portfolio->positionOf(QStringLiteral("AAPL"))->quantity, 10.0);
    }

    void startSyncsAtOnceAndThenOnTheInterval()
    {
        f.sync->setInterval(std::chrono::minutes(10));
        QSignalSpy started(f.sync.get(), &PortfolioSync::syncStarted);
        QSignalSpy finished(f.sync.get(), &PortfolioSync::syncFinished);
        f.sync->start();
        QVERIFY(f.sync->isActive());
        QCOMPARE(started.count(), 1); // at once
        QVERIFY(finished.wait(kWaitMs));
        f.clock->advance(599);
        QCOMPARE(started.count(), 1);
        f.clock->advance(1);
        QCOMPARE(started.count(), 2); // on the interval
        QTRY_COMPARE(finished.count(), 2);
        f.sync->stop();
        QVERIFY(!f.sync->isActive());
        f.clock->advance(3600);
        QCOMPARE(started.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPortfolioSync)
#include "tst_portfoliosync.moc"
