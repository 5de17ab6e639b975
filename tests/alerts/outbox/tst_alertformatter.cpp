#include "TestSupport.h"
#include "alerts/AlertFormatter.h"
#include "domain/AlertMessageJson.h"

#include <QTest>

using namespace trailguard;
using trailguard::test::toronto;

class AlertFormatterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void breachSubjectAndBody();
    void quoteTimeInTheUsersZone();
    void jsonRoundTrip();
};

namespace {
Breach sampleBreach()
{
    return Breach{QStringLiteral("SHOP.TO"), 92.10, 106.0, 95.4, 0.9, toronto(2026, 11, 3, 15, 59, 58),
                  QDate(2026, 11, 3)};
}
} // namespace

void AlertFormatterTest::breachSubjectAndBody()
{
    const AlertMessage message =
        AlertFormatter::breach(sampleBreach(), QStringLiteral("CAD"), toronto(2026, 11, 3, 16),
                               QTimeZone(QByteArrayLiteral("America/Toronto")));
    QCOMPARE(message.subject, QStringLiteral("Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)"));
    QCOMPARE(message.kind, AlertMessage::Kind::Breach);
    QCOMPARE(message.priority, AlertMessage::Priority::High);
    QCOMPARE(message.ticker, QStringLiteral("SHOP.TO"));
    for (const char *expected : {"92.10 CAD", "95.40 CAD", "106.00 CAD", "0.90", "-3.58 %", "CAD"})
        QVERIFY2(message.text.contains(QLatin1String(expected)), expected);
    QVERIFY(message.html.contains(QStringLiteral("<table>")));
    QVERIFY(message.html.contains(QStringLiteral("95.40 CAD")));
    QCOMPARE(message.fields.size(), 7);
    QCOMPARE(message.fields.at(0).value, QStringLiteral("92.10 CAD"));
}

void AlertFormatterTest::quoteTimeInTheUsersZone()
{
    const QTimeZone vancouver(QByteArrayLiteral("America/Vancouver"));
    const AlertMessage message =
        AlertFormatter::breach(sampleBreach(), QStringLiteral("CAD"), toronto(2026, 11, 3, 16), vancouver);
    QVERIFY2(message.text.contains(QStringLiteral("2026-11-03 12:59:58")), qPrintable(message.text));
    const AlertMessage toronto_ =
        AlertFormatter::breach(sampleBreach(), QStringLiteral("CAD"), toronto(2026, 11, 3, 16),
                               QTimeZone(QByteArrayLiteral("America/Toronto")));
    QVERIFY2(toronto_.text.contains(QStringLiteral("2026-11-03 15:59:58")), qPrintable(toronto_.text));
}

void AlertFormatterTest::jsonRoundTrip()
{
    AlertMessage message =
        AlertFormatter::breach(sampleBreach(), QStringLiteral("CAD"), toronto(2026, 11, 3, 16));
    message.clickUrl = QUrl(QStringLiteral("https://example.com/x"));
    const auto back = AlertMessageJson::fromJson(AlertMessageJson::toJson(message));
    QVERIFY(back.ok());
    QCOMPARE(back.value().subject, message.subject);
    QCOMPARE(back.value().text, message.text);
    QCOMPARE(back.value().html, message.html);
    QCOMPARE(back.value().fields.size(), message.fields.size());
    QCOMPARE(back.value().fields.at(2).name, message.fields.at(2).name);
    QCOMPARE(back.value().tags, message.tags);
    QCOMPARE(back.value().clickUrl, message.clickUrl);
    QCOMPARE(back.value().createdAt, message.createdAt);
    QCOMPARE(back.value().priority, message.priority);
    QVERIFY(!AlertMessageJson::fromJson("not json").ok());
}

QTEST_GUILESS_MAIN(AlertFormatterTest)
#include "tst_alertformatter.moc"
