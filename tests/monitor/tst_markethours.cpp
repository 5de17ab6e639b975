// Today's sessions as v1/markets gives them: which market a listing trades on, closed days and early
// closes from the server's data only, the current session's start (for stale quotes) and the state text.
#include "monitor/MarketHours.h"

#include "TestSupport.h"

#include <QTest>

using namespace trailguard;
using test::toronto;

namespace {
constexpr std::chrono::seconds kGrace{15 * 60};

MarketSession session(const QString &name, const QDateTime &start, const QDateTime &end)
{
    MarketSession market;
    market.name = name;
    market.start = start;
    market.end = end;
    return market;
}

// Monday 9 March 2026, the usual four markets open 09:30-16:00 Toronto time.
MarketCalendarDay monday(QList<MarketSession> extra = {})
{
    QList<MarketSession> sessions;
    for (const char *name : {"TSX", "TSXV", "NYSE", "NASDAQ"})
        sessions.append(
            session(QString::fromLatin1(name), toronto(2026, 3, 9, 9, 30), toronto(2026, 3, 9, 16)));
    return MarketCalendarDay(QDate(2026, 3, 9), sessions + extra);
}
} // namespace

class MarketHoursTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listingsMapToTheirMarket_data();
    void listingsMapToTheirMarket();
    void regularSessionWithGrace();
    void closedDayFromNullOrOtherDate();
    void earlyCloseIsAnEarlierEnd();
    void weekendIsClosedWhateverTheServerSays_data();
    void weekendIsClosedWhateverTheServerSays();
    void currentSessionStartForStaleQuotes();
    void stateAndNextOpen();
    void describeSaysClosedAndNextOpen();
};

void MarketHoursTest::listingsMapToTheirMarket_data()
{
    QTest::addColumn<QString>("exchange");
    QTest::addColumn<QString>("ticker");
    QTest::addColumn<QString>("market");
    QTest::newRow("TSX") << "TSX"
                         << "RY.TO"
                         << "TSX";
    QTest::newRow("TSXV") << "TSXV"
                          << "ABC.VN"
                          << "TSXV";
    QTest::newRow("CSE without its market") << "CNSX"
                                            << "XYZ.CN"
                                            << "TSX";
    QTest::newRow("NYSE") << "NYSE"
                          << "BRK.B"
                          << "NYSE";
    QTest::newRow("NASDAQ") << "NASDAQ"
                            << "AAPL"
                            << "NASDAQ";
    QTest::newRow("ARCA to NYSE") << "ARCA"
                                  << "SPY"
                                  << "NYSE";
    QTest::newRow("BATS to NYSE") << "BATS"
                                  << "XYZ"
                                  << "NYSE";
    QTest::newRow("NYSEAM to NYSE") << "NYSEAM"
                                    << "ABC"
                                    << "NYSE";
    QTest::newRow("unresolved Canadian") << ""
                                         << "SHOP.TO"
                                         << "TSX";
    QTest::newRow("unresolved venture") << ""
                                        << "ABC.V"
                                        << "TSXV";
    QTest::newRow("unresolved US") << ""
                                   << "MSFT"
                                   << "NYSE";
}

void MarketHoursTest::listingsMapToTheirMarket()
{
    QFETCH(QString, exchange);
    QFETCH(QString, ticker);
    QFETCH(QString, market);
    QCOMPARE(monday().marketFor(exchange, ticker), market);
    // When the server lists the CSE itself, its listings use it.
    const MarketCalendarDay withCse =
        monday({session(QStringLiteral("CNSX"), toronto(2026, 3, 9, 9, 30), toronto(2026, 3, 9, 16))});
    QCOMPARE(withCse.marketFor(QStringLiteral("CNSX"), QStringLiteral("XYZ.CN")), QStringLiteral("CNSX"));
}

void MarketHoursTest::regularSessionWithGrace()
{
    const MarketCalendarDay day = monday();
    const QString tsx = QStringLiteral("TSX");
    QVERIFY(!day.isOpen(tsx, toronto(2026, 3, 9, 9, 29, 59), kGrace));
    QVERIFY(day.isOpen(tsx, toronto(2026, 3, 9, 9, 30), kGrace));
    QVERIFY(day.isOpen(tsx, toronto(2026, 3, 9, 16, 14, 59), kGrace));
    QVERIFY(!day.isOpen(tsx, toronto(2026, 3, 9, 16, 15), kGrace));
    QVERIFY(!day.isOpen(tsx, toronto(2026, 3, 9, 16, 0), std::chrono::seconds(0)));
}

void MarketHoursTest::closedDayFromNullOrOtherDate()
{
    // A holiday in Canada: TSX with null times; TSXV still carrying Friday's times. The US trades.
    QList<MarketSession> sessions{
        session(QStringLiteral("TSX"), QDateTime(), QDateTime()),
        session(QStringLiteral("TSXV"), toronto(2026, 3, 6, 9, 30), toronto(2026, 3, 6, 16)),
        session(QStringLiteral("NYSE"), toronto(2026, 3, 9, 9, 30), toronto(2026, 3, 9, 16)),
    };
    const MarketCalendarDay day(QDate(2026, 3, 9), sessions);
    const QDateTime noon = toronto(2026, 3, 9, 12);
    QVERIFY(!day.sessionToday(QStringLiteral("TSX")));
    QVERIFY(!day.sessionToday(QStringLiteral("TSXV")));
    QVERIFY(!day.isOpen(QStringLiteral("TSX"), noon, kGrace));
    QVERIFY(!day.isOpen(QStringLiteral("TSXV"), noon, kGrace));
    QVERIFY(day.isOpen(QStringLiteral("NYSE"), noon, kGrace));
    const MarketState canada = day.state({QStringLiteral("TSX"), QStringLiteral("TSXV")}, noon, kGrace);
    QVERIFY(canada.known);
    QVERIFY(!canada.open);
    QVERIFY(!canada.nextOpen.isValid()); // not known before tomorrow's answer
    QVERIFY(day.state({QStringLiteral("TSX"), QStringLiteral("NYSE")}, noon, kGrace).open);
}

void MarketHoursTest::earlyCloseIsAnEarlierEnd()
{
    const MarketCalendarDay day(
        QDate(2026, 11, 27),
        {session(QStringLiteral("NYSE"), toronto(2026, 11, 27, 9, 30), toronto(2026, 11, 27, 13))});
    QVERIFY(day.isOpen(QStringLiteral("NYSE"), toronto(2026, 11, 27, 13, 10), kGrace));
    QVERIFY(!day.isOpen(QStringLiteral("NYSE"), toronto(2026, 11, 27, 13, 15), kGrace));
    QVERIFY(!day.isOpen(QStringLiteral("NYSE"), toronto(2026, 11, 27, 14), kGrace));
}

void MarketHoursTest::weekendIsClosedWhateverTheServerSays_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("trades");
    QTest::newRow("Friday") << QDate(2026, 3, 6) << true;
    QTest::newRow("Saturday") << QDate(2026, 3, 7) << false;
    QTest::newRow("Sunday") << QDate(2026, 3, 8) << false;
    QTest::newRow("Monday") << QDate(2026, 3, 9) << true;
}

void MarketHoursTest::weekendIsClosedWhateverTheServerSays()
{
    // The server answers every day with regular hours dated that day.
    QFETCH(QDate, day);
    QFETCH(bool, trades);
    const auto at = [&day](int hour, int minute = 0) {
        return toronto(day.year(), day.month(), day.day(), hour, minute);
    };
    QList<MarketSession> sessions;
    for (const char *name : {"TSX", "NYSE"})
        sessions.append(session(QString::fromLatin1(name), at(9, 30), at(16)));
    const MarketCalendarDay calendar(day, sessions);
    QCOMPARE(calendar.isWeekend(), !trades);
    QCOMPARE(calendar.sessionToday(QStringLiteral("TSX")).has_value(), trades);
    QCOMPARE(calendar.isOpen(QStringLiteral("TSX"), at(11), kGrace), trades);
    const MarketState state = calendar.state({}, at(11), kGrace);
    QVERIFY(state.known);
    QCOMPARE(state.open, trades);
    // Closed all day: nothing opens later today, and Friday's trades are from an earlier session.
    const MarketState morning = calendar.state({QStringLiteral("NYSE")}, at(8), kGrace);
    QCOMPARE(morning.nextOpen.isValid(), trades);
    QCOMPARE(calendar.currentSessionStart(QStringLiteral("TSX")), trades ? at(9, 30) : at(0));
}

void MarketHoursTest::currentSessionStartForStaleQuotes()
{
    const MarketCalendarDay day = monday({session(QStringLiteral("CNSX"), QDateTime(), QDateTime())});
    // Before and after the open, today's start is the boundary: Friday's close is older.
    QCOMPARE(day.currentSessionStart(QStringLiteral("TSX")), toronto(2026, 3, 9, 9, 30));
    QVERIFY(toronto(2026, 3, 6, 15, 59) < day.currentSessionStart(QStringLiteral("TSX")));
    // Closed today: every trade from before today is from an earlier session.
    QCOMPARE(day.currentSessionStart(QStringLiteral("CNSX")), toronto(2026, 3, 9, 0));
}

void MarketHoursTest::stateAndNextOpen()
{
    const MarketCalendarDay day = monday();
    const QStringList watched{QStringLiteral("TSX")};
    const MarketState early = day.state(watched, toronto(2026, 3, 9, 8), kGrace);
    QVERIFY(early.known && !early.open);
    QCOMPARE(early.nextOpen, toronto(2026, 3, 9, 9, 30));
    const MarketState during = day.state(watched, toronto(2026, 3, 9, 11), kGrace);
    QVERIFY(during.open);
    const MarketState evening = day.state(watched, toronto(2026, 3, 9, 20), kGrace);
    QVERIFY(!evening.open);
    QVERIFY(!evening.nextOpen.isValid());
    QVERIFY(!MarketCalendarDay().state(watched, toronto(2026, 3, 9, 11), kGrace).known);
}

void MarketHoursTest::describeSaysClosedAndNextOpen()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    MarketState state;
    QVERIFY(MarketHours::describe(state, now).isEmpty());
    state.known = true;
    state.open = true;
    QCOMPARE(MarketHours::describe(state, now), QStringLiteral("Market open"));
    state.open = false;
    QCOMPARE(MarketHours::describe(state, now),
             QStringLiteral("Market closed \u2014 next open on the next trading day"));
    state.nextOpen = now.addSecs(3600);
    const QString text = MarketHours::describe(state, now);
    QVERIFY2(text.startsWith(QStringLiteral("Market closed \u2014 next open ")), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(state.nextOpen.toLocalTime().time(), QLocale::ShortFormat)),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(MarketHoursTest)
#include "tst_markethours.moc"
