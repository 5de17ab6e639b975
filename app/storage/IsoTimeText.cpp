#include "storage/IsoTimeText.h"

namespace trailguard::IsoTimeText {

namespace {
constexpr qint64 kMsPerDay = 24 * 3600 * 1000;

template <typename Char>
void putDigits(Char *&out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = Char('0' + value % 10);
        value /= 10;
    }
    out += width;
}

template <typename Char>
void putChar(Char *&out, char c)
{
    *out++ = Char(char16_t(c));
}

// The proleptic Gregorian date of a day counted from 1970-01-01, as QDate gives it, by arithmetic alone
// (Howard Hinnant's civil_from_days): a cycle formats two times a stock.
void civilFromDays(qint64 days, int &year, int &month, int &dayOfMonth)
{
    days += 719468; // from 0000-03-01
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153; // from March
    dayOfMonth = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    year = int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
}

// Writes the kLength characters of `time`'s text; false when its year is outside 1-9999.
template <typename Char>
bool writeIsoTime(const QDateTime &time, Char *out)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 day = ms >= 0 ? ms / kMsPerDay : (ms - kMsPerDay + 1) / kMsPerDay;
    int year = 0;
    int month = 0;
    int dayOfMonth = 0;
    civilFromDays(day, year, month, dayOfMonth);
    if (year < 1 || year > 9999)
        return false;
    int msOfDay = int(ms - day * kMsPerDay);
    putDigits(out, year, 4);
    putChar(out, '-');
    putDigits(out, month, 2);
    putChar(out, '-');
    putDigits(out, dayOfMonth, 2);
    putChar(out, 'T');
    putDigits(out, msOfDay / 3'600'000, 2);
    msOfDay %= 3'600'000;
    putChar(out, ':');
    putDigits(out, msOfDay / 60'000, 2);
    msOfDay %= 60'000;
    putChar(out, ':');
    putDigits(out, msOfDay / 1000, 2);
    putChar(out, '.');
    putDigits(out, msOfDay % 1000, 3);
    putChar(out, 'Z');
    return true;
}

// The digits at [from, from + width), or -1 when one is not a digit.
int digits(const QChar *text, qsizetype from, int width)
{
    int value = 0;
    for (qsizetype i = from; i < from + width; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}
} // namespace

QString format(const QDateTime &time)
{
    QString text(kLength, Qt::Uninitialized);
    if (!writeIsoTime(time, text.data()))
        return time.toUTC().toString(Qt::ISODateWithMs);
    return text;
}

bool formatAscii(const QDateTime &time, char *out)
{
    return writeIsoTime(time, out); // checks the year before writing anything
}

QDateTime parse(const QString &text)
{
    const QChar *in = text.constData();
    if (text.size() == kLength && in[4] == u'-' && in[7] == u'-' && in[10] == u'T' && in[13] == u':' &&
        in[16] == u':' && in[19] == u'.' && in[23] == u'Z') {
        const QDate date(digits(in, 0, 4), digits(in, 5, 2), digits(in, 8, 2));
        const int hour = digits(in, 11, 2);
        const int minute = digits(in, 14, 2);
        const int second = digits(in, 17, 2);
        const int ms = digits(in, 20, 3);
        if (date.isValid() && date.year() >= 1 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 &&
            second >= 0 && second < 60 && ms >= 0)
            return QDateTime(date, QTime(hour, minute, second, ms), Qt::UTC); // as toUTC() gives
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

} // namespace trailguard::IsoTimeText
