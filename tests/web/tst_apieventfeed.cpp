#include "ApiFixture.h"
#include "domain/StopLossEngine.h"

#include <QSignalSpy>

using namespace trailguard;
using trailguard::test::ApiFixture;

// makeEventFeed(): what the browsers are sent, from the guardian's signals.
class ApiEventFeedTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addAndEditSendTheStock();
    void aBatchOfQuotesIsSentOncePerTicker();
    void removalIsSentAndDropsAQueuedChange();
    void alertsAreSentWhenRaisedAndAcknowledged();
    void statusIsSentOnHealthChanges();

private:
    QList<QPair<QByteArray, QJsonObject>> named(const QSignalSpy &spy, const QByteArray &name) const;
    std::unique_ptr<ApiFixture> m_api;
    std::unique_ptr<Web::EventFeed> m_feed;
};

void ApiEventFeedTest::init()
{
    m_api = std::make_unique<ApiFixture>();
    QCOMPARE(m_api->open(), QString());
    m_feed = Web::makeEventFeed(m_api->services());
}

void ApiEventFeedTest::cleanup()
{
    m_feed.reset();
    m_api.reset();
}

QList<QPair<QByteArray, QJsonObject>> ApiEventFeedTest::named(const QSignalSpy &spy,
                                                              const QByteArray &name) const
{
    QList<QPair<QByteArray, QJsonObject>> events;
    for (const QList<QVariant> &arguments : spy) {
        if (arguments.at(0).toByteArray() == name)
            events.append({name, arguments.at(1).toJsonObject()});
    }
    return events;
}

void ApiEventFeedTest::addAndEditSendTheStock()
{
    QSignalSpy events(m_feed.get(), &Web::EventFeed::event);
    QVERIFY(
        m_api->request("POST", QStringLiteral("watchlist"), R"({"ticker":"SHOP.TO","entry":100})")->status ==
        201);
    QTRY_COMPARE(named(events, "stock").size(), 1);
    QCOMPARE(named(events, "stock").constFirst().second.value(QStringLiteral("ticker")).toString(),
             QStringLiteral("SHOP.TO"));
    QVERIFY(m_api->request("PATCH", QStringLiteral("watchlist/SHOP.TO"), R"({"ratio":0.8})")->status == 200);
    QTRY_COMPARE(named(events, "stock").size(), 2);
    QCOMPARE(named(events, "stock").constLast().second.value(QStringLiteral("stop")).toDouble(), 80.0);
}

void ApiEventFeedTest::aBatchOfQuotesIsSentOncePerTicker()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("TD.TO"), 0.9).ok());
    QSignalSpy events(m_feed.get(), &Web::EventFeed::event);
    QList<StockState> stocks = m_api->m_watchlist->stocks().value();
    // Three saves in one event-loop turn, as the stream and the poll may do: one event per ticker, as last.
    for (double price : {100.0, 101.0, 102.0}) {
        for (StockState &stock : stocks)
            stock = StopLossEngine::apply(stock, Quote{stock.ticker, price, m_api->m_clock.now()},
                                          m_api->m_clock.now())
                        .state;
        QVERIFY(m_api->m_watchlist->saveCycle(stocks).ok());
    }
    QTRY_COMPARE(named(events, "stock").size(), 2);
    QTest::qWait(20);
    const auto sent = named(events, "stock");
    QCOMPARE(sent.size(), 2);
    for (const auto &event : sent)
        QCOMPARE(event.second.value(QStringLiteral("lastPrice")).toDouble(), 102.0);
}

void ApiEventFeedTest::removalIsSentAndDropsAQueuedChange()
{
    QVERIFY(m_api->m_watchlist->add(QStringLiteral("RY.TO"), 0.9).ok());
    QSignalSpy events(m_feed.get(), &Web::EventFeed::event);
    QVERIFY(m_api->m_watchlist->changeRatio(QStringLiteral("RY.TO"), 0.8).ok());
    QVERIFY(m_api->m_watchlist->remove(QStringLiteral("RY.TO")).ok());
    QCOMPARE(named(events, "removed").size(), 1);
    QCOMPARE(named(events, "removed").constFirst().second.value(QStringLiteral("ticker")).toString(),
             QStringLiteral("RY.TO"));
    QTest::qWait(20);
    QCOMPARE(named(events, "stock").size(), 0);
}

void ApiEventFeedTest::alertsAreSentWhenRaisedAndAcknowledged()
{
    QSignalSpy events(m_feed.get(), &Web::EventFeed::event);
    const QDateTime now = m_api->m_clock.now();
    QVERIFY(m_api->m_outbox
                ->recordBreach(Breach{QStringLiteral("RY.TO"), 90, 110, 99, 0.9, now, now.date()},
                               QStringLiteral("CAD"))
                .ok());
    QTRY_COMPARE(named(events, "alert").size(), 1);
    const QJsonObject raised = named(events, "alert").constFirst().second;
    QCOMPARE(raised.value(QStringLiteral("kind")).toString(), QStringLiteral("stop"));
    QVERIFY(raised.value(QStringLiteral("acknowledgedAt")).isNull());

    const qint64 id = raised.value(QStringLiteral("id")).toInteger();
    QVERIFY(m_api->request("POST", QStringLiteral("alerts/%1/ack").arg(id))->status == 200);
    QTRY_COMPARE(named(events, "alert").size(), 2);
    QCOMPARE(named(events, "alert").constLast().second.value(QStringLiteral("ackSource")).toString(),
             QStringLiteral("web"));
}

void ApiEventFeedTest::statusIsSentOnHealthChanges()
{
    QSignalSpy events(m_feed.get(), &Web::EventFeed::event);
    m_api->m_health->connectionStateChanged(ConnectionState::Disconnected, QStringLiteral("refused"));
    QTRY_VERIFY(!named(events, "status").isEmpty());
    QCOMPARE(named(events, "status").constLast().second.value(QStringLiteral("reconnectNeeded")).toBool(),
             true);
    const qsizetype before = named(events, "status").size();
    m_api->m_health->connectionStateChanged(ConnectionState::Connected, {});
    QTRY_VERIFY(named(events, "status").size() > before);
    QCOMPARE(named(events, "status").constLast().second.value(QStringLiteral("connected")).toBool(), true);
}

QTEST_GUILESS_MAIN(ApiEventFeedTest)
#include "tst_apieventfeed.moc"
