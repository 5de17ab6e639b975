// QuestradeTimeText: Questrade's usual time form read by hand, from a QString and from raw bytes, must give
// exactly what QDateTime's ISO parser gives, and nothing for every form it leaves to QDateTime.
#include "broker/QuestradeParsing.h"
#include "broker/QuestradeTimeText.h"

#include <QDateTime>
#include <QTest>

using namespace trailguard;

class QuestradeTimeTextTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsAsQDateTime_data();
    void readsAsQDateTime();
};

void QuestradeTimeTextTest::readsAsQDateTime_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("byHand"); // the usual form: read without QDateTime
    const auto row = [](const char *text, bool byHand) { QTest::newRow(text) << QByteArray(text) << byHand; };
    row("2026-12-03T10:15:42.123000-05:00", true); // Questrade's own, six fractional digits
    row("2026-12-03T10:15:42.123-05:00", true);    // three digits
    row("2026-12-03T10:15:42.1-05:00", true);
    row("2026-12-03T10:15:42.999999-05:00", true); // rounds up into the next second
    row("2026-12-03T10:15:42.123456789+00:00", true);
    row("2026-12-03T10:15:42Z", true);
    row("2026-12-03T10:15:42.5Z", true);
    row("2026-12-03T10:15:42+05:30", true);
    row("2026-12-03T00:15:42-09:30", true); // a negative offset across midnight
    row("2026-12-31T23:59:59.9996+00:00", true);
    row("2024-02-29T12:00:00.000000-05:00", true);
    row("1969-12-31T23:59:59.999Z", true);              // before the epoch
    row("2026-12-03T10:15:42.0005-05:00", false);       // exactly halfway: Qt rounds through a double
    row("2026-12-03T10:15:42.1234567891-05:00", false); // ten fractional digits
    row(" 2026-12-03T10:15:42Z", false);
    row("2026-12-03T10:15:42Z ", false);
    row("2026-12-03T10:15:42", false); // no offset: local time, not Questrade's form
    row("2026-12-03T10:15:42-0500", false);
    row("2026-12-03T10:15:42.-05:00", false);
    row("2026-12-03 10:15:42Z", false);
    row("2023-02-29T10:15:42Z", false);
    row("2026-12-03T24:00:00Z", false);
    row("2026-12-03T10:15:42+24:00", false);
    row("0999-12-03T10:15:42Z", false);
    row("yesterday", false);
    row("", false);
}

void QuestradeTimeTextTest::readsAsQDateTime()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, byHand);
    const QString string = QString::fromLatin1(text);
    const std::optional<qint64> fromBytes = QuestradeParsing::usualTimeMs(QByteArrayView(text));
    const std::optional<qint64> fromString = QuestradeParsing::usualTimeMs(QStringView(string));
    QCOMPARE(fromBytes, fromString);
    QCOMPARE(fromBytes.has_value(), byHand);
    QDateTime expected = QDateTime::fromString(string.trimmed(), Qt::ISODateWithMs);
    if (expected.isValid() && expected.timeSpec() == Qt::LocalTime)
        expected = QDateTime();
    if (fromBytes) {
        QVERIFY(expected.isValid());
        QCOMPARE(*fromBytes, expected.toMSecsSinceEpoch());
    }
    // And parseTimeText, which takes the hand-read path first, still reads every form as QDateTime does.
    const QDateTime parsed = QuestradeParsing::parseTimeText(string);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(QuestradeTimeTextTest)
#include "tst_questradetimetext.moc"
