// MimeMessageBuilder without a network: headers, both parts, UTF-8 encodings, line lengths and CRLF.
// The bodies are decoded here by a small quoted-printable decoder and, in tst_emailchannel, by Python's
// email package on the receiving server.

#include "alerts/email/MimeMessageBuilder.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QTest>
#include <QTimeZone>

using namespace trailguard;

Q_DECLARE_METATYPE(trailguard::EmailContent)
Q_DECLARE_METATYPE(trailguard::EmailContent::Priority)

namespace {

const QByteArray kCrlf = QByteArrayLiteral("\r\n");

EmailContent sample()
{
    EmailContent content;
    content.fromAddress = QStringLiteral("bot@example.com");
    content.fromName = QStringLiteral("Trailguard");
    content.to = {QStringLiteral("me@example.com"), QStringLiteral("you@example.org")};
    content.subject = QStringLiteral("Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)");
    content.text = QStringLiteral("SHOP.TO fell to 92.10 CAD.\nStop: 95.40\nPeak: 106.00\n");
    content.html = QStringLiteral("<p><b>SHOP.TO</b> fell to 92.10 CAD.</p>\n<p>Stop: 95.40</p>");
    content.priority = EmailContent::Priority::High;
    content.date = QDateTime(QDate(2025, 11, 25), QTime(14, 3, 7), QTimeZone(-5 * 3600));
    content.messageId = QStringLiteral("<0d7c1d5e-1b7a-4a53-9d0e-5f1f3e2c7a11@example.com>");
    return content;
}

// The header block, unfolded, as "name" (lower case) -> value.
QMultiHash<QByteArray, QByteArray> headersOf(const QByteArray &block)
{
    QByteArray unfolded = block;
    unfolded.replace("\r\n ", " ");
    unfolded.replace("\r\n\t", "\t");
    QMultiHash<QByteArray, QByteArray> headers;
    for (const auto &line : unfolded.split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        const qsizetype colon = trimmed.indexOf(':');
        if (colon > 0)
            headers.insert(trimmed.left(colon).toLower(), trimmed.mid(colon + 1).trimmed());
    }
    return headers;
}

QByteArray headerBlock(const QByteArray &message)
{
    return message.left(message.indexOf("\r\n\r\n") + 2);
}

QByteArray decodeQuotedPrintable(const QByteArray &encoded)
{
    QByteArray decoded;
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded.at(i) != '=') {
            decoded += encoded.at(i);
        } else if (encoded.mid(i + 1, 2) == kCrlf) {
            i += 2; // soft line break
        } else {
            decoded += static_cast<char>(encoded.mid(i + 1, 2).toInt(nullptr, 16));
            i += 2;
        }
    }
    return decoded;
}

// Decodes every "=?UTF-8?B?...?=" word of an unfolded header value (whitespace between words dropped).
QString decodeEncodedWords(const QByteArray &value)
{
    static const QRegularExpression word(QStringLiteral(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)"));
    QByteArray utf8;
    auto matches = word.globalMatch(QString::fromLatin1(value));
    while (matches.hasNext())
        utf8 += QByteArray::fromBase64(matches.next().captured(1).toLatin1());
    return QString::fromUtf8(utf8);
}

struct Part {
    QMultiHash<QByteArray, QByteArray> headers;
    QByteArray body;
};

// The parts of a multipart message, split at the boundary its Content-Type names.
QList<Part> partsOf(const QByteArray &message)
{
    const auto headers = headersOf(headerBlock(message));
    static const QRegularExpression boundaryPattern(QStringLiteral("boundary=\"([^\"]+)\""));
    const auto match = boundaryPattern.match(QString::fromLatin1(headers.value("content-type")));
    if (!match.hasMatch())
        return {};
    const QByteArray delimiter = "\r\n--" + match.captured(1).toLatin1();
    QList<Part> parts;
    qsizetype position = message.indexOf(delimiter);
    while (position >= 0) {
        const qsizetype start = position + delimiter.size();
        if (message.mid(start, 2) == "--")
            break;
        const qsizetype next = message.indexOf(delimiter, start);
        const QByteArray raw = message.mid(start + 2, next - start - 2); // after the delimiter's CRLF
        const qsizetype bodyStart = raw.indexOf("\r\n\r\n");
        parts.append({headersOf(raw.left(bodyStart + 2)), raw.mid(bodyStart + 4) + kCrlf});
        position = next;
    }
    return parts;
}

// What a body decodes to: the text with CRLF line breaks, ending with one.
QString normalizedText(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    if (!text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    text.replace(QLatin1String("\n"), QLatin1String("\r\n"));
    return text;
}

} // namespace

class TestMimeMessageBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headers();
    void priorityHeaders_data();
    void priorityHeaders();
    void bothParts();
    void textOnly();
    void deterministic();
    void boundaryNeverInBodies();
    void nonAsciiBodies();
    void quotedPrintable_data();
    void quotedPrintable();
    void subjectEncoding_data();
    void subjectEncoding();
    void displayNameEncoding();
    void headerInjectionImpossible();
    void lineLengthsAndCrlf_data();
    void lineLengthsAndCrlf();
    void formatDate_data();
    void formatDate();
    void messageIds();
};

void TestMimeMessageBuilder::headers()
{
    const QByteArray message = MimeMessageBuilder::build(sample());
    const auto headers = headersOf(headerBlock(message));

    QCOMPARE(headers.value("date"), QByteArray("Tue, 25 Nov 2025 14:03:07 -0500"));
    QCOMPARE(headers.value("from"), QByteArray("Trailguard <bot@example.com>"));
    QCOMPARE(headers.value("to"), QByteArray("me@example.com, you@example.org"));
    QCOMPARE(headers.value("subject"), sample().subject.toLatin1());
    QCOMPARE(headers.value("message-id"), sample().messageId.toLatin1());
    QCOMPARE(headers.value("mime-version"), QByteArray("1.0"));
    QCOMPARE(headers.value("auto-submitted"), QByteArray("auto-generated"));
    QVERIFY(headers.value("content-type").startsWith("multipart/alternative; boundary=\"=_trailguard_"));
    for (const char *name : {"date", "from", "to", "subject", "message-id", "mime-version", "content-type"})
        QVERIFY2(headers.count(name) == 1, name);
    QVERIFY(message.startsWith("Date: "));
}

void TestMimeMessageBuilder::priorityHeaders_data()
{
    QTest::addColumn<EmailContent::Priority>("priority");
    QTest::addColumn<QByteArray>("xPriority");
    QTest::addColumn<QByteArray>("importance");

    QTest::newRow("high") << EmailContent::Priority::High << QByteArray("1 (Highest)") << QByteArray("high");
    QTest::newRow("normal") << EmailContent::Priority::Normal << QByteArray() << QByteArray();
    QTest::newRow("low") << EmailContent::Priority::Low << QByteArray("5 (Lowest)") << QByteArray("low");
}

void TestMimeMessageBuilder::priorityHeaders()
{
    QFETCH(EmailContent::Priority, priority);
    QFETCH(QByteArray, xPriority);
    QFETCH(QByteArray, importance);

    EmailContent content = sample();
    content.priority = priority;
    const auto headers = headersOf(headerBlock(MimeMessageBuilder::build(content)));
    QCOMPARE(headers.value("x-priority"), xPriority);
    QCOMPARE(headers.value("importance"), importance);
    QCOMPARE(headers.contains("x-priority"), !xPriority.isEmpty());
}

void TestMimeMessageBuilder::bothParts()
{
    const EmailContent content = sample();
    const QList<Part> parts = partsOf(MimeMessageBuilder::build(content));
    QCOMPARE(parts.size(), 2);

    QCOMPARE(parts.at(0).headers.value("content-type"), QByteArray("text/plain; charset=UTF-8"));
    QCOMPARE(parts.at(0).headers.value("content-transfer-encoding"), QByteArray("quoted-printable"));
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(parts.at(0).body)), normalizedText(content.text));

    QCOMPARE(parts.at(1).headers.value("content-type"), QByteArray("text/html; charset=UTF-8"));
    QCOMPARE(parts.at(1).headers.value("content-transfer-encoding"), QByteArray("quoted-printable"));
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(parts.at(1).body)), normalizedText(content.html));
}

void TestMimeMessageBuilder::textOnly()
{
    EmailContent content = sample();
    content.html.clear();
    const QByteArray message = MimeMessageBuilder::build(content);
    const auto headers = headersOf(headerBlock(message));
    QCOMPARE(headers.value("content-type"), QByteArray("text/plain; charset=UTF-8"));
    QCOMPARE(headers.value("content-transfer-encoding"), QByteArray("quoted-printable"));
    QVERIFY(!message.contains("multipart"));
    const QByteArray body = message.mid(message.indexOf("\r\n\r\n") + 4);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(body)), normalizedText(content.text));
}

void TestMimeMessageBuilder::deterministic()
{
    QCOMPARE(MimeMessageBuilder::build(sample()), MimeMessageBuilder::build(sample()));
    EmailContent other = sample();
    other.messageId = QStringLiteral("<another@example.com>");
    QVERIFY(MimeMessageBuilder::build(other) != MimeMessageBuilder::build(sample()));
}

void TestMimeMessageBuilder::boundaryNeverInBodies()
{
    const auto headers = headersOf(headerBlock(MimeMessageBuilder::build(sample())));
    static const QRegularExpression boundaryPattern(QStringLiteral("boundary=\"([^\"]+)\""));
    const QString boundary =
        boundaryPattern.match(QString::fromLatin1(headers.value("content-type"))).captured(1);
    QVERIFY(!boundary.isEmpty());

    // A body that contains the boundary line itself, as text.
    EmailContent content = sample();
    content.text =
        QStringLiteral("--") + boundary + QStringLiteral("\n--") + boundary + QStringLiteral("--\n");
    content.html = content.text;
    const QByteArray message = MimeMessageBuilder::build(content);
    QCOMPARE(message.count("\r\n--" + boundary.toLatin1()), 3);
    QCOMPARE(partsOf(message).size(), 2);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(partsOf(message).at(0).body)),
             normalizedText(content.text));
}

void TestMimeMessageBuilder::nonAsciiBodies()
{
    EmailContent content = sample();
    content.text =
        QStringLiteral("Le titre a chut\u00e9 sous le stop : 92,10 \u20ac\nPeak \U0001F4C8 = 106\n");
    content.html = QStringLiteral("<p>Chut\u00e9 \u00e0 92,10&nbsp;\u20ac</p>");
    const QByteArray message = MimeMessageBuilder::build(content);
    QVERIFY(message.contains("chut=C3=A9"));
    QVERIFY(message.contains("92,10 =E2=82=AC"));
    QVERIFY(message.contains("=F0=9F=93=88"));
    QVERIFY(message.contains(" =3D 106"));
    for (const char byte : message)
        QVERIFY2(static_cast<unsigned char>(byte) < 0x80, "the message must be 7-bit");

    const QList<Part> parts = partsOf(message);
    QCOMPARE(parts.size(), 2);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(parts.at(0).body)), normalizedText(content.text));
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(parts.at(1).body)), normalizedText(content.html));
}

void TestMimeMessageBuilder::quotedPrintable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");

    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc\r\n");
    QTest::newRow("equals") << QStringLiteral("a=b") << QByteArray("a=3Db\r\n");
    QTest::newRow("e acute") << QStringLiteral("\u00e9") << QByteArray("=C3=A9\r\n");
    QTest::newRow("euro") << QStringLiteral("\u20ac") << QByteArray("=E2=82=AC\r\n");
    QTest::newRow("LF to CRLF") << QStringLiteral("a\nb") << QByteArray("a\r\nb\r\n");
    QTest::newRow("CRLF kept") << QStringLiteral("a\r\nb") << QByteArray("a\r\nb\r\n");
    QTest::newRow("lone CR") << QStringLiteral("a\rb") << QByteArray("a\r\nb\r\n");
    QTest::newRow("final line break") << QStringLiteral("a\n") << QByteArray("a\r\n");
    QTest::newRow("empty line kept") << QStringLiteral("a\n\nb\n\n") << QByteArray("a\r\n\r\nb\r\n\r\n");
    QTest::newRow("empty") << QString() << QByteArray("\r\n");
    QTest::newRow("trailing space") << QStringLiteral("price  \nnext") << QByteArray("price =20\r\nnext\r\n");
    QTest::newRow("trailing tab") << QStringLiteral("a\t") << QByteArray("a=09\r\n");
    QTest::newRow("inner tab") << QStringLiteral("a\tb") << QByteArray("a\tb\r\n");
    QTest::newRow("control character") << QStringLiteral("a\x01") << QByteArray("a=01\r\n");
    QTest::newRow("76 characters fit") << QString(76, QLatin1Char('x')) << QByteArray(76, 'x') + "\r\n";
    QTest::newRow("77 characters wrap")
        << QString(77, QLatin1Char('x')) << QByteArray(75, 'x') + "=\r\n" + "xx\r\n";
    QTest::newRow("escape not split") << QString(74, QLatin1Char('x')) + QStringLiteral("\u00e9")
                                      << QByteArray(74, 'x') + "=\r\n=C3=A9\r\n";
}

void TestMimeMessageBuilder::quotedPrintable()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(MimeMessageBuilder::encodeQuotedPrintable(text), encoded);
    QCOMPARE(QString::fromUtf8(decodeQuotedPrintable(encoded)), normalizedText(text));
}

void TestMimeMessageBuilder::subjectEncoding_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("encoded");

    QTest::newRow("ascii") << QStringLiteral("Stop-loss breach: SHOP.TO 92.10") << false;
    QTest::newRow("e acute and euro")
        << QStringLiteral("Alerte : SHOP.TO a chut\u00e9 sous 92,10 \u20ac") << true;
    QTest::newRow("emoji") << QStringLiteral("\U0001F4C9 SHOP.TO below stop") << true;
    QTest::newRow("long non-ASCII") << QStringLiteral("D\u00e9clenchement du stop \u20ac ").repeated(12) +
                                           QStringLiteral("\U0001F4C9")
                                    << true;
    QTest::newRow("looks like an encoded word") << QStringLiteral("=?UTF-8?B?abc?= literally") << true;
    QTest::newRow("long ascii") << QStringLiteral("word ").repeated(60).trimmed() << false;
    QTest::newRow("one huge ascii word") << QString(1500, QLatin1Char('w')) << true;
    QTest::newRow("empty") << QString() << false;
}

void TestMimeMessageBuilder::subjectEncoding()
{
    QFETCH(QString, subject);
    QFETCH(bool, encoded);

    const QByteArray field = MimeMessageBuilder::headerField("Subject", subject);
    QVERIFY(field.startsWith("Subject:"));
    QCOMPARE(field.contains("=?UTF-8?B?"), encoded);
    const QList<QByteArray> lines = field.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray text = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        QVERIFY2(text.size() <= 78, text.constData());
        if (i > 0)
            QVERIFY(text.startsWith(' ')); // a folded continuation
    }

    QByteArray unfolded = field.mid(8);
    unfolded.replace("\r\n", "");
    if (encoded) {
        QCOMPARE(decodeEncodedWords(unfolded), subject);
        // Every word holds whole characters: each decodes to valid UTF-8 on its own.
        static const QRegularExpression word(QStringLiteral(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)"));
        auto matches = word.globalMatch(QString::fromLatin1(unfolded));
        int words = 0;
        while (matches.hasNext()) {
            const auto match = matches.next();
            QVERIFY(match.capturedLength(0) <= 75);
            QStringDecoder decoder(QStringDecoder::Utf8);
            const QString piece = decoder(QByteArray::fromBase64(match.captured(1).toLatin1()));
            QVERIFY2(!decoder.hasError(), qPrintable(match.captured(0)));
            QVERIFY(!piece.isEmpty());
            ++words;
        }
        QVERIFY(words >= 1);
    } else {
        QCOMPARE(QString::fromLatin1(unfolded.mid(1)), subject);
    }
}

void TestMimeMessageBuilder::displayNameEncoding()
{
    EmailContent content = sample();
    content.fromName = QStringLiteral("Trailguard \u2014 alertes");
    auto headers = headersOf(headerBlock(MimeMessageBuilder::build(content)));
    const QByteArray from = headers.value("from");
    QVERIFY2(from.startsWith("=?UTF-8?B?") && from.endsWith("?= <bot@example.com>"), from.constData());
    QCOMPARE(decodeEncodedWords(from), content.fromName);

    content.fromName = QStringLiteral("Trail \"guard\"");
    headers = headersOf(headerBlock(MimeMessageBuilder::build(content)));
    QCOMPARE(headers.value("from"), QByteArray("\"Trail \\\"guard\\\"\" <bot@example.com>"));

    content.fromName = QStringLiteral("Trailguard (SHOP.TO)");
    headers = headersOf(headerBlock(MimeMessageBuilder::build(content)));
    QCOMPARE(headers.value("from"), QByteArray("\"Trailguard (SHOP.TO)\" <bot@example.com>"));

    content.fromName.clear();
    headers = headersOf(headerBlock(MimeMessageBuilder::build(content)));
    QCOMPARE(headers.value("from"), QByteArray("bot@example.com"));
}

void TestMimeMessageBuilder::headerInjectionImpossible()
{
    EmailContent content = sample();
    content.subject = QStringLiteral("Hello\r\nBcc: spy@example.com\nX-Evil: 1");
    content.fromName = QStringLiteral("Bot\r\nBcc: spy@example.com");
    const QByteArray message = MimeMessageBuilder::build(content);
    const QByteArray headers = headerBlock(message);
    QVERIFY(!headers.contains("\r\nBcc:"));
    QVERIFY(!headers.contains("\r\nX-Evil:"));
    QCOMPARE(headersOf(headers).value("subject"), QByteArray("Hello  Bcc: spy@example.com X-Evil: 1"));
}

void TestMimeMessageBuilder::lineLengthsAndCrlf_data()
{
    QTest::addColumn<EmailContent>("content");

    QTest::newRow("sample") << sample();

    EmailContent content = sample();
    content.text = QString(5000, QLatin1Char('a')) + QStringLiteral("\n") + QString(3000, QChar(0x20ac)) +
                   QStringLiteral("\r\nmixed\rline\r\n\n") + QStringLiteral("word ").repeated(400);
    content.html = QStringLiteral("<p>") + QString(4000, QLatin1Char('x')) + QStringLiteral("</p>");
    content.subject = QStringLiteral("word ").repeated(400) + QString(2000, QLatin1Char('z'));
    QStringList many;
    for (int i = 0; i < 60; ++i)
        many.append(QStringLiteral("recipient%1@a-rather-long-domain-name.example.com").arg(i));
    content.to = many;
    QTest::newRow("long everything") << content;

    content = sample();
    content.subject = QStringLiteral("\u00e9\u20ac").repeated(600);
    content.text = QStringLiteral("\u00e9").repeated(2000);
    content.html.clear();
    QTest::newRow("long non-ASCII, text only") << content;
}

void TestMimeMessageBuilder::lineLengthsAndCrlf()
{
    QFETCH(EmailContent, content);
    const QByteArray message = MimeMessageBuilder::build(content);
    QVERIFY(message.endsWith(kCrlf));

    qsizetype lineStart = 0;
    bool inBody = false;
    for (qsizetype i = 0; i < message.size(); ++i) {
        const char byte = message.at(i);
        if (byte == '\r') {
            QVERIFY2(i + 1 < message.size() && message.at(i + 1) == '\n', "bare CR");
        } else if (byte == '\n') {
            QVERIFY2(i > 0 && message.at(i - 1) == '\r', "bare LF");
            const qsizetype length = i - 1 - lineStart;
            QVERIFY2(length <= MimeMessageBuilder::kMaxLineLength, "line longer than 998");
            if (inBody)
                QVERIFY2(length <= MimeMessageBuilder::kEncodedLineLength, "body line longer than 76");
            else
                QVERIFY2(length <= 78 || message.mid(lineStart, length).startsWith("Content-Type"),
                         message.mid(lineStart, length).constData());
            if (length == 0)
                inBody = true;
            lineStart = i + 1;
        }
        QVERIFY2(static_cast<unsigned char>(byte) < 0x80, "the message must be 7-bit");
    }

    const auto headers = headersOf(headerBlock(message));
    QByteArray subject = headers.value("subject");
    const QString expectedSubject = content.subject;
    if (subject.startsWith("=?UTF-8?B?"))
        QCOMPARE(decodeEncodedWords(subject), expectedSubject);
    else
        QCOMPARE(QString::fromLatin1(subject), expectedSubject);
    QCOMPARE(QString::fromLatin1(headers.value("to")).split(QStringLiteral(", ")), content.to);
}

void TestMimeMessageBuilder::formatDate_data()
{
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QByteArray>("formatted");

    QTest::newRow("Toronto winter") << QDateTime(QDate(2025, 11, 25), QTime(14, 3, 7), QTimeZone(-5 * 3600))
                                    << QByteArray("Tue, 25 Nov 2025 14:03:07 -0500");
    QTest::newRow("UTC") << QDateTime(QDate(2026, 1, 4), QTime(0, 0, 59), QTimeZone::utc())
                         << QByteArray("Sun, 4 Jan 2026 00:00:59 +0000");
    QTest::newRow("India") << QDateTime(QDate(2026, 3, 9), QTime(21, 30), QTimeZone(5 * 3600 + 1800))
                           << QByteArray("Mon, 9 Mar 2026 21:30:00 +0530");
    QTest::newRow("Newfoundland") << QDateTime(QDate(2026, 7, 1), QTime(9, 5, 1),
                                               QTimeZone(-(2 * 3600 + 1800)))
                                  << QByteArray("Wed, 1 Jul 2026 09:05:01 -0230");
}

void TestMimeMessageBuilder::formatDate()
{
    QFETCH(QDateTime, date);
    QFETCH(QByteArray, formatted);
    QCOMPARE(MimeMessageBuilder::formatDate(date), formatted);
}

void TestMimeMessageBuilder::messageIds()
{
    const QString first = MimeMessageBuilder::newMessageId(QStringLiteral("bot@example.com"));
    const QString second = MimeMessageBuilder::newMessageId(QStringLiteral("bot@example.com"));
    static const QRegularExpression pattern(QStringLiteral(R"(^<[0-9a-f-]{36}@example\.com>$)"));
    QVERIFY2(pattern.match(first).hasMatch(), qPrintable(first));
    QVERIFY(first != second);
    QVERIFY(MimeMessageBuilder::newMessageId(QStringLiteral("nodomain"))
                .endsWith(QLatin1String("@trailguard.invalid>")));
}

QTEST_GUILESS_MAIN(TestMimeMessageBuilder)
#include "tst_mimemessagebuilder.moc"
