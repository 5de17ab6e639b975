#include "history/PriceCsv.h"
#include "history/PriceCsvDetail.h"

#include <QRegularExpression>

namespace trailguard {

using PriceCsvDetail::DateTimeParts;

namespace {

int monthNamed(const QString &name)
{
    static const QStringList kMonths = {
        QStringLiteral("january"), QStringLiteral("february"), QStringLiteral("march"),
        QStringLiteral("april"),   QStringLiteral("may"),      QStringLiteral("june"),
        QStringLiteral("july"),    QStringLiteral("august"),   QStringLiteral("september"),
        QStringLiteral("october"), QStringLiteral("november"), QStringLiteral("december")};
    const QString lower = name.toLower();
    if (lower.size() < 3)
        return 0;
    if (lower == u"sept")
        return 9;
    for (int i = 0; i < kMonths.size(); ++i) {
        // The full name or its three-letter abbreviation.
        if (lower == kMonths[i] || (lower.size() == 3 && kMonths[i].startsWith(lower)))
            return i + 1;
    }
    return 0;
}

// Reads ISO text left to right; every read fails (-1) past the end or on a non-digit.
class Cursor {
public:
    explicit Cursor(QByteArrayView text)
        : m_text(text)
    {}
    bool atEnd() const { return m_at >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_at]; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_at;
        return true;
    }
    int digits(int count)
    {
        int value = 0;
        for (int i = 0; i < count; ++i, ++m_at) {
            const char c = peek();
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
    void skipSpaces()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_at;
    }

private:
    QByteArrayView m_text;
    qsizetype m_at = 0;
};

// After the date: [T ]HH:MM[:SS[.fff]], spaces, then Z or +HH[[:]MM] or nothing (what the old
// "^[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$" accepted).
bool readTime(Cursor &cursor, DateTimeParts &parts)
{
    if (!cursor.take('T') && !cursor.take(' '))
        return false;
    const int hour = cursor.digits(2);
    if (hour < 0 || hour > 23 || !cursor.take(':'))
        return false;
    const int minute = cursor.digits(2);
    if (minute < 0 || minute > 59)
        return false;
    int second = 0;
    int millisecond = 0;
    if (cursor.take(':')) {
        second = cursor.digits(2);
        if (second < 0 || second > 59)
            return false;
        if (cursor.take('.')) {
            int count = 0;
            for (; cursor.peek() >= '0' && cursor.peek() <= '9'; ++count) {
                const int digit = cursor.digits(1);
                if (count < 3) // milliseconds; finer digits are dropped
                    millisecond = millisecond * 10 + digit;
            }
            if (count == 0)
                return false;
            for (; count < 3; ++count)
                millisecond *= 10;
        }
    }
    parts.time = QTime(hour, minute, second, millisecond);
    cursor.skipSpaces();
    if (cursor.take('Z')) {
        parts.utcOffset = 0;
    } else if (cursor.peek() == '+' || cursor.peek() == '-') {
        const int sign = cursor.peek() == '-' ? -1 : 1;
        cursor.take(cursor.peek());
        const int hours = cursor.digits(2);
        if (hours < 0)
            return false;
        int minutes = 0;
        if (!cursor.atEnd()) {
            cursor.take(':');
            minutes = cursor.digits(2);
            if (minutes < 0)
                return false;
        }
        parts.utcOffset = sign * (hours * 3600 + minutes * 60);
    }
    return cursor.atEnd();
}

} // namespace

std::optional<DateTimeParts> PriceCsvDetail::parseIsoDateTime(QByteArrayView text)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    Cursor cursor(text);
    const int year = cursor.digits(4);
    cursor.take('-');
    const int month = cursor.digits(2);
    cursor.take('-');
    const int day = cursor.digits(2);
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    DateTimeParts parts;
    parts.date = QDate(year, month, day);
    if (!parts.date.isValid())
        return std::nullopt;
    if (!cursor.atEnd() && !readTime(cursor, parts))
        return std::nullopt;
    return parts;
}

std::optional<DateTimeParts> PriceCsvDetail::parseDateTime(const QString &input)
{
    const QString text = input.trimmed();
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        const QByteArray bytes = text.toLatin1();
        if (auto iso = parseIsoDateTime(bytes))
            return iso;
    }
    // "Jan 1 2000", "Jan 01 2000", "January 1, 2000", "Jan. 1, 2000"
    static const QRegularExpression monthFirst(
        QStringLiteral("^([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})$"));
    // "1 Jan 2000", "01-Jan-2000"
    static const QRegularExpression dayFirst(
        QStringLiteral("^(\\d{1,2})[\\s-]([A-Za-z]+)\\.?,?[\\s-](\\d{4})$"));
    int month = 0;
    int day = 0;
    int year = 0;
    if (const auto m = monthFirst.match(text); m.hasMatch()) {
        month = monthNamed(m.captured(1));
        day = m.captured(2).toInt();
        year = m.captured(3).toInt();
    } else if (const auto d = dayFirst.match(text); d.hasMatch()) {
        day = d.captured(1).toInt();
        month = monthNamed(d.captured(2));
        year = d.captured(3).toInt();
    }
    if (month == 0)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return DateTimeParts{date, QTime(), std::nullopt};
}

std::optional<QDate> PriceCsv::parseDate(const QString &input)
{
    const auto parts = PriceCsvDetail::parseDateTime(input);
    if (!parts)
        return std::nullopt;
    return parts->date;
}

} // namespace trailguard
