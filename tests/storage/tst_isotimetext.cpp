#include "storage/IsoTimeText.h"

#include <QTest>
#include <QTimeZone>

using namespace trailguard;

// The hand-written writer and reader must give exactly what QDateTime gives, or stored rows would change.
class IsoTimeTextTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsAsQDateTimeDoes_data();
    void formatsAsQDateTimeDoes();
    void parsesAsQDateTimeDoes_data();
    void parsesAsQDateTimeDoes();
    void formatsEveryCalendarDayAsQDateTimeDoes();
};

void IsoTimeTextTest::formatsAsQDateTimeDoes_data()
{
    QTest::addColumn<QDateTime>("time");
    const QTimeZone toronto("America/Toronto");
    QTest::newRow("utc") << QDateTime(QDate(2026, 11, 24), QTime(14, 30, 5, 7), Qt::UTC);
    QTest::newRow("epoch") << QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    QTest::newRow("before epoch") << QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("leap day, last ms") << QDateTime(QDate(2028, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("zone with dst") << QDateTime(QDate(2026, 7, 1), QTime(9, 30), toronto);
    QTest::newRow("offset") << QDateTime(QDate(2026, 1, 2), QTime(1, 2, 3), Qt::OffsetFromUTC, -5 * 3600);
    QTest::newRow("time zone utc") << QDateTime(QDate(2030, 3, 4), QTime(5, 6, 7, 8), QTimeZone::utc());
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("year 9999") << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("year 10000, falls back") << QDateTime(QDate(10000, 1, 1), QTime(0, 0), Qt::UTC);
}

void IsoTimeTextTest::formatsAsQDateTimeDoes()
{
    QFETCH(QDateTime, time);
    QCOMPARE(IsoTimeText::format(time), time.toUTC().toString(Qt::ISODateWithMs));
}

// The writer's calendar arithmetic against QDate's: every day of 1899-2101 (leap years, century rules),
// and every 37th day from year 1 to 9999, each with the day's last millisecond too.
void IsoTimeTextTest::formatsEveryCalendarDayAsQDateTimeDoes()
{
    const auto check = [](const QDate &date) {
        for (const QTime &time : {QTime(0, 0), QTime(23, 59, 59, 999)}) {
            const QDateTime moment(date, time, Qt::UTC);
            char ascii[IsoTimeText::kLength];
            QVERIFY(IsoTimeText::formatAscii(moment, ascii));
            QCOMPARE(QLatin1StringView(ascii, IsoTimeText::kLength), moment.toString(Qt::ISODateWithMs));
        }
    };
    for (QDate date(1899, 1, 1); date <= QDate(2101, 12, 31); date = date.addDays(1)) {
        check(date);
        if (QTest::currentTestFailed())
            return;
    }
    for (QDate date(1, 1, 1); date.year() <= 9999; date = date.addDays(37)) {
        check(date);
        if (QTest::currentTestFailed())
            return;
    }
}

void IsoTimeTextTest::parsesAsQDateTimeDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("stored form") << QStringLiteral("2026-11-24T14:30:05.007Z");
    QTest::newRow("midnight") << QStringLiteral("2026-01-01T00:00:00.000Z");
    QTest::newRow("leap day") << QStringLiteral("2028-02-29T23:59:59.999Z");
    QTest::newRow("no such day") << QStringLiteral("2027-02-29T10:00:00.000Z");
    QTest::newRow("hour 24") << QStringLiteral("2026-01-01T24:00:00.000Z");
    QTest::newRow("letter in digits") << QStringLiteral("2026-0x-01T10:00:00.000Z");
    QTest::newRow("no milliseconds") << QStringLiteral("2026-11-24T14:30:05Z");
    QTest::newRow("offset") << QStringLiteral("2026-11-24T14:30:05.007-05:00");
    QTest::newRow("no zone") << QStringLiteral("2026-11-24T14:30:05.007");
    QTest::newRow("empty") << QString();
}

void IsoTimeTextTest::parsesAsQDateTimeDoes()
{
    QFETCH(QString, text);
    const QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
    const QDateTime parsed = IsoTimeText::parse(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    QCOMPARE(parsed, expected);
    QCOMPARE(parsed.timeSpec(), expected.timeSpec());
}

QTEST_GUILESS_MAIN(IsoTimeTextTest)
#include "tst_isotimetext.moc"
