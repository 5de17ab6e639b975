#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace trailguard {

// What one email says and to whom, before MIME encoding.
struct EmailContent {
    enum class Priority { High, Normal, Low };

    QString fromAddress; // bare address, "bot@example.com"
    QString fromName;    // optional display name, "Trailguard"
    QStringList to;      // bare addresses
    QString subject;     // any Unicode; line breaks become spaces
    QString text;        // plain-text part (always sent)
    QString html;        // HTML part; when empty the message is text/plain only
    Priority priority = Priority::Normal;
    QDateTime date;    // the Date: header, with its UTC offset
    QString messageId; // "<unique@domain>", see MimeMessageBuilder::newMessageId()
};

// Turns an EmailContent into an RFC 5322 message: pure functions, no I/O, the same input always gives the
// same bytes. Every line ends in CRLF and is at most 76 characters in the bodies (quoted-printable UTF-8)
// and at most 998 anywhere (headers are folded at spaces; a non-ASCII Subject or display name becomes
// RFC 2047 encoded-words). Text and HTML go in one multipart/alternative; High priority adds
// X-Priority: 1 and Importance: high, Low X-Priority: 5 and Importance: low.
namespace MimeMessageBuilder {

constexpr qsizetype kMaxLineLength = 998;    // RFC 5322 §2.1.1, CRLF not counted
constexpr qsizetype kEncodedLineLength = 76; // RFC 2045 quoted-printable and RFC 2047 limits

QByteArray build(const EmailContent &content);

// "<random-uuid@domain-of-from>"; the domain is "trailguard.invalid" when the address has none.
QString newMessageId(const QString &fromAddress);
// "Tue, 25 Nov 2025 14:03:07 -0500": English names whatever the locale, the date's own offset.
QByteArray formatDate(const QDateTime &date);
// Quoted-printable of the text's UTF-8 with CRLF line breaks (any of CRLF, LF, CR in the input).
QByteArray encodeQuotedPrintable(const QString &text);
// A whole header field "Name: value", folded; the value as is when it is printable ASCII, otherwise as
// "=?UTF-8?B?...?=" encoded-words that never split a character.
QByteArray headerField(const QByteArray &name, const QString &value);

} // namespace MimeMessageBuilder

} // namespace trailguard
