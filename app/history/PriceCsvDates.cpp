#include "history/PriceCsv.h"

#include <QRegularExpression>

namespace trailguard {

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

int digitsAt(const QString &text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

std::optional<QDate> parseIsoDate(const QString &text)
{
    if (text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return std::nullopt;
    const int year = digitsAt(text, 0, 4);
    const int month = digitsAt(text, 5, 2);
    const int day = digitsAt(text, 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    if (text.size() == 10)
        return date;
    // An ISO date-time: its date as written, once the time checks out.
    static const QRegularExpression time(QStringLiteral(
        "^[T ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?\\s*(Z|[+-]\\d{2}(:?\\d{2})?)?$"));
    if (!time.match(QStringView(text).mid(10)).hasMatch())
        return std::nullopt;
    return date;
}

} // namespace

std::optional<QDate> PriceCsv::parseDate(const QString &input)
{
    const QString text = input.trimmed();
    if (const auto iso = parseIsoDate(text))
        return iso;
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
    return date;
}

} // namespace trailguard
