#include "broker/QuestradeTimeText.h"

#include <QDate>

namespace trailguard::QuestradeParsing {

namespace {
char16_t unit(QChar c)
{
    return c.unicode();
}

char16_t unit(char c)
{
    return static_cast<unsigned char>(c);
}

// Digits at text[at, at + count) as a number, or -1.
template <typename Text>
qint64 digitsAt(Text text, qsizetype at, qsizetype count)
{
    qint64 number = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = unit(text[i]);
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number;
}

template <typename Text>
std::optional<qint64> readUsualTime(Text text)
{
    const auto at = [text](qsizetype i) { return unit(text[i]); };
    if (text.size() < 20 || at(4) != u'-' || at(7) != u'-' || at(10) != u'T' || at(13) != u':' ||
        at(16) != u':')
        return std::nullopt;
    const int year = int(digitsAt(text, 0, 4));
    const int month = int(digitsAt(text, 5, 2));
    const int day = int(digitsAt(text, 8, 2));
    const int hour = int(digitsAt(text, 11, 2));
    const int minute = int(digitsAt(text, 14, 2));
    const int second = int(digitsAt(text, 17, 2));
    const QDate date(year, month, day);
    if (year < 1000 || !date.isValid() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 59)
        return std::nullopt;
    qsizetype pos = 19;
    qint64 msec = 0;
    if (at(pos) == u'.') {
        // Rounded to the nearest millisecond, as QDateTime does.
        const qsizetype start = ++pos;
        while (pos < text.size() && pos - start < 9 && at(pos) >= u'0' && at(pos) <= u'9')
            ++pos;
        const qsizetype count = pos - start;
        if (count == 0 || (pos < text.size() && at(pos) >= u'0' && at(pos) <= u'9'))
            return std::nullopt;
        const qint64 fraction = digitsAt(text, start, count);
        qint64 scale = 1;
        for (qsizetype i = 0; i < count; ++i)
            scale *= 10;
        const qint64 twice = 2 * fraction * 1000;
        if (twice % scale == 0 && (twice / scale) % 2 == 1)
            return std::nullopt; // exactly halfway
        msec = (twice + scale) / (2 * scale);
    }
    int offsetSeconds = 0;
    const qsizetype zone = text.size() - pos;
    if (zone == 1 && at(pos) == u'Z') {
        offsetSeconds = 0;
    } else if (zone == 6 && (at(pos) == u'+' || at(pos) == u'-') && at(pos + 3) == u':') {
        const int hours = int(digitsAt(text, pos + 1, 2));
        const int minutes = int(digitsAt(text, pos + 4, 2));
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59)
            return std::nullopt;
        offsetSeconds = (at(pos) == u'-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    } else {
        return std::nullopt;
    }
    constexpr qint64 kUnixEpochJulianDay = 2440588;
    const qint64 seconds = (date.toJulianDay() - kUnixEpochJulianDay) * 86400 + hour * 3600 + minute * 60 +
                           second - offsetSeconds;
    return seconds * 1000 + msec;
}
} // namespace

std::optional<qint64> usualTimeMs(QStringView text)
{
    return readUsualTime(text);
}

std::optional<qint64> usualTimeMs(QByteArrayView text)
{
    return readUsualTime(text);
}

} // namespace trailguard::QuestradeParsing
