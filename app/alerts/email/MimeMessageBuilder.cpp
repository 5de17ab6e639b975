#include "TrailguardVersion.h"

#include "alerts/email/MimeMessageBuilder.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace trailguard::MimeMessageBuilder {

namespace {

const QByteArray kCrlf = QByteArrayLiteral("\r\n");
constexpr qsizetype kFoldWidth = 78;        // preferred header line length (RFC 5322 §2.1.1)
constexpr qsizetype kMaxAsciiWord = 900;    // longer words in a header are sent as encoded-words
constexpr qsizetype kEncodedWordBytes = 36; // UTF-8 bytes per encoded-word: 48 base64 characters

// Header text on one line: line breaks and other control characters become spaces, so a value can
// never start a header of its own.
QString singleLine(const QString &value)
{
    QString line = value;
    for (auto &character : line) {
        if (character.unicode() < 0x20 || character.unicode() == 0x7f)
            character = QLatin1Char(' ');
    }
    return line;
}

bool isPrintableAscii(const QString &text)
{
    for (const auto character : text) {
        if (character.unicode() < 0x20 || character.unicode() > 0x7e)
            return false;
    }
    return true;
}

// "Name: word word ..." folded before a space whenever a line would pass kFoldWidth.
QByteArray foldAscii(const QByteArray &name, const QString &value)
{
    QByteArray field = name + ':';
    qsizetype lineStart = 0;
    const auto words = value.toLatin1().split(' ');
    for (const auto &word : words) {
        const qsizetype lineLength = field.size() - lineStart;
        if (!word.isEmpty() && lineLength + 1 + word.size() > kFoldWidth && lineLength > name.size() + 1) {
            field += kCrlf;
            lineStart = field.size();
        }
        field += ' ' + word;
    }
    return field;
}

// "Name: =?UTF-8?B?...?=" with one encoded-word per line, each holding whole characters only.
QByteArray foldEncoded(const QByteArray &name, const QString &value)
{
    QByteArray field = name + ':';
    QByteArray chunk;
    const auto flush = [&field, &chunk] {
        if (!field.endsWith(':'))
            field += kCrlf;
        field += " =?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < value.size(); ++i) {
        qsizetype length = 1;
        if (value.at(i).isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate())
            length = 2;
        const QByteArray character = value.mid(i, length).toUtf8();
        i += length - 1;
        if (chunk.size() + character.size() > kEncodedWordBytes)
            flush();
        chunk += character;
    }
    if (!chunk.isEmpty() || field.endsWith(':'))
        flush();
    return field;
}

bool needsEncodedWords(const QString &value)
{
    if (!isPrintableAscii(value) || value.contains(QLatin1String("=?")))
        return true;
    const auto words = value.split(QLatin1Char(' '));
    for (const auto &word : words) {
        if (word.size() > kMaxAsciiWord)
            return true;
    }
    return false;
}

// A display name as a phrase: atoms, a quoted string, or encoded-words.
QByteArray displayName(const QString &name)
{
    const QString clean = singleLine(name).trimmed();
    if (needsEncodedWords(clean)) {
        const QByteArray field = foldEncoded(QByteArray(), clean); // ": =?...?=..."
        return field.mid(2);
    }
    static const QRegularExpression atoms(QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$"));
    if (atoms.match(clean).hasMatch())
        return clean.toLatin1();
    QString quoted = clean;
    quoted.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    quoted.replace(QLatin1String("\""), QLatin1String("\\\""));
    return '"' + quoted.toLatin1() + '"';
}

QByteArray part(const QByteArray &contentType, const QString &body)
{
    return "Content-Type: " + contentType + "; charset=UTF-8" + kCrlf +
           "Content-Transfer-Encoding: quoted-printable" + kCrlf + kCrlf + encodeQuotedPrintable(body);
}

} // namespace

QString newMessageId(const QString &fromAddress)
{
    const qsizetype at = fromAddress.lastIndexOf(QLatin1Char('@'));
    const QString domain = at >= 0 && at + 1 < fromAddress.size() ? fromAddress.mid(at + 1)
                                                                  : QStringLiteral("trailguard.invalid");
    return QLatin1Char('<') + QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') + domain +
           QLatin1Char('>');
}

QByteArray formatDate(const QDateTime &date)
{
    static constexpr const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime when = date.isValid() ? date : QDateTime::currentDateTime();
    const int offsetMinutes = when.offsetFromUtc() / 60;
    const QDate day = when.date();
    const QTime time = when.time();
    const int absolute = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    return QByteArray(kDays[day.dayOfWeek() - 1]) + ", " + QByteArray::number(day.day()) + ' ' +
           kMonths[day.month() - 1] + ' ' + QByteArray::number(day.year()) + ' ' +
           QString::asprintf("%02d:%02d:%02d %c%02d%02d", time.hour(), time.minute(), time.second(),
                             offsetMinutes < 0 ? '-' : '+', absolute / 60, absolute % 60)
               .toLatin1();
}

QByteArray encodeQuotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QByteArray utf8 = normalized.toUtf8();

    QByteArray encoded;
    encoded.reserve(utf8.size() * 3 / 2);
    QList<QByteArray> lines = utf8.split('\n');
    if (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast(); // the text's own final line break is the body's final CRLF
    for (const auto &line : std::as_const(lines)) {
        qsizetype lineLength = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto byte = static_cast<unsigned char>(line.at(i));
            const bool last = i + 1 == line.size();
            QByteArray token;
            if ((byte >= 33 && byte <= 126 && byte != '=') || ((byte == ' ' || byte == '\t') && !last))
                token = QByteArray(1, static_cast<char>(byte));
            else
                token = '=' + QByteArray::number(byte, 16).toUpper().rightJustified(2, '0');
            // Leave room for the '=' of a soft line break, except after the line's last character.
            const qsizetype limit = last ? kEncodedLineLength : kEncodedLineLength - 1;
            if (lineLength + token.size() > limit) {
                encoded += '=' + kCrlf;
                lineLength = 0;
            }
            encoded += token;
            lineLength += token.size();
        }
        encoded += kCrlf;
    }
    return encoded;
}

QByteArray headerField(const QByteArray &name, const QString &value)
{
    const QString clean = singleLine(value);
    return needsEncodedWords(clean) ? foldEncoded(name, clean) : foldAscii(name, clean);
}

QByteArray build(const EmailContent &content)
{
    QByteArray message;
    const auto add = [&message](const QByteArray &field) { message += field + kCrlf; };

    add("Date: " + formatDate(content.date));
    const QByteArray from = content.fromAddress.toLatin1();
    add(content.fromName.trimmed().isEmpty() ? "From: " + from
                                             : "From: " + displayName(content.fromName) + " <" + from + '>');
    add(headerField("To", content.to.join(QLatin1String(", "))));
    add(headerField("Subject", content.subject));
    add("Message-ID: " + content.messageId.toLatin1());
    switch (content.priority) {
    case EmailContent::Priority::High:
        add("X-Priority: 1 (Highest)");
        add("Importance: high");
        break;
    case EmailContent::Priority::Low:
        add("X-Priority: 5 (Lowest)");
        add("Importance: low");
        break;
    case EmailContent::Priority::Normal:
        break;
    }
    add("Auto-Submitted: auto-generated");
    add("X-Mailer: Trailguard/" TRAILGUARD_VERSION);
    add("MIME-Version: 1.0");

    if (content.html.isEmpty()) {
        message += part("text/plain", content.text);
        return message;
    }

    // "=_" never occurs in quoted-printable text, so the boundary cannot appear in either body.
    const QByteArray boundary =
        "=_trailguard_" +
        QCryptographicHash::hash(content.messageId.toUtf8(), QCryptographicHash::Sha1).toHex().left(24);
    add("Content-Type: multipart/alternative; boundary=\"" + boundary + '"');
    message += kCrlf;
    add("This is a multi-part message in MIME format.");
    add("--" + boundary);
    message += part("text/plain", content.text);
    add("--" + boundary);
    message += part("text/html", content.html);
    add("--" + boundary + "--");
    return message;
}

} // namespace trailguard::MimeMessageBuilder
