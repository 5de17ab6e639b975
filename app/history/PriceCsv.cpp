#include "history/PriceCsv.h"

#include "domain/Ticker.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

#include <cmath>

namespace trailguard {

namespace {

// Gives the messages below one translation context, "PriceCsv".
class PriceCsvText {
    Q_DECLARE_TR_FUNCTIONS(PriceCsv)
};

enum class Column { Ignored, Symbol, Date, Open, High, Low, Close, AdjClose, Volume };

// Which field holds what; -1 when the file has no such column.
struct Layout {
    int symbol = -1;
    int date = -1;
    int open = -1;
    int high = -1;
    int low = -1;
    int close = -1;
    int adjClose = -1;
    int volume = -1;
    qsizetype fieldCount = 0;
};

constexpr qsizetype kMaxQuotedLine = 80;

QString quotedLine(const QString &line)
{
    const QString shown = line.size() > kMaxQuotedLine ? line.left(kMaxQuotedLine) + u'…' : line;
    return u'"' + shown + u'"';
}

Error lineError(int lineNumber, const QString &line, const QString &what)
{
    return Error{ErrorCode::InvalidCsv,
                 PriceCsvText::tr("line %1: %2: %3").arg(lineNumber).arg(quotedLine(line), what)};
}

QString fieldCount(qsizetype count)
{
    return count == 1 ? PriceCsvText::tr("1 field") : PriceCsvText::tr("%1 fields").arg(count);
}

QString formatsHint()
{
    return PriceCsvText::tr("expected date,close or date,open,high,low,close[,adjclose,volume] or "
                            "symbol,date,price, with or without a header row");
}

// Splits one line into fields: commas separate, double quotes enclose a field that may hold commas
// ("" inside quotes is one quote), spaces around a field are dropped.
Result<QStringList> splitFields(const QString &line, int lineNumber)
{
    QStringList fields;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (true) {
        while (i < n && (line[i] == u' ' || line[i] == u'\t'))
            ++i;
        QString field;
        if (i < n && line[i] == u'"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (line[i] == u'"') {
                    if (i + 1 < n && line[i + 1] == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    closed = true;
                    ++i;
                    break;
                }
                field += line[i++];
            }
            if (!closed)
                return lineError(lineNumber, line, PriceCsvText::tr("a quoted field is not closed"));
            while (i < n && (line[i] == u' ' || line[i] == u'\t'))
                ++i;
            if (i < n && line[i] != u',')
                return lineError(lineNumber, line, PriceCsvText::tr("unexpected text after a closing quote"));
            field = field.trimmed();
        } else {
            const qsizetype start = i;
            while (i < n && line[i] != u',')
                ++i;
            field = line.mid(start, i - start).trimmed();
        }
        fields += field;
        if (i >= n)
            break;
        ++i; // the comma
    }
    return fields;
}

// A number as price files write it: plain, with a leading '$', or with thousands separators
// ("1,234.50", which only fits in a quoted field).
std::optional<double> parseNumber(QString text)
{
    if (text.startsWith(u'$'))
        text.remove(0, 1);
    if (text.contains(u',')) {
        static const QRegularExpression thousands(QStringLiteral("^[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?$"));
        if (!thousands.match(text).hasMatch())
            return std::nullopt;
        text.remove(u',');
    }
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Column columnNamed(const QString &header)
{
    QString name = header.toLower();
    name.remove(QRegularExpression(QStringLiteral("[\\s_\\-./*]")));
    if (name == u"symbol" || name == u"ticker")
        return Column::Symbol;
    if (name == u"date" || name == u"day" || name == u"datetime" || name == u"timestamp" || name == u"time")
        return Column::Date;
    if (name == u"open")
        return Column::Open;
    if (name == u"high")
        return Column::High;
    if (name == u"low")
        return Column::Low;
    if (name == u"close" || name == u"price" || name == u"closelast" || name == u"last")
        return Column::Close;
    if (name == u"adjclose" || name == u"adjustedclose")
        return Column::AdjClose;
    if (name == u"volume" || name == u"vol")
        return Column::Volume;
    return Column::Ignored;
}

// A first line with no number and no date in it is a header.
bool looksLikeHeader(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (parseNumber(field) || PriceCsv::parseDate(field))
            return false;
    }
    return true;
}

Result<Layout> layoutFromHeader(const QStringList &fields, int lineNumber, const QString &line)
{
    Layout layout;
    layout.fieldCount = fields.size();
    for (int i = 0; i < fields.size(); ++i) {
        const auto set = [&](int &slot, bool preferThis = false) {
            if (slot < 0 || preferThis)
                slot = i;
        };
        switch (columnNamed(fields[i])) {
        case Column::Symbol:
            set(layout.symbol);
            break;
        case Column::Date:
            set(layout.date);
            break;
        case Column::Open:
            set(layout.open);
            break;
        case Column::High:
            set(layout.high);
            break;
        case Column::Low:
            set(layout.low);
            break;
        case Column::Close:
            // "close" wins over a "price" or "last" column in the same file.
            set(layout.close, fields[i].compare(u"close", Qt::CaseInsensitive) == 0);
            break;
        case Column::AdjClose:
            set(layout.adjClose);
            break;
        case Column::Volume:
            set(layout.volume);
            break;
        case Column::Ignored:
            break;
        }
    }
    if (layout.date < 0)
        return lineError(lineNumber, line,
                         PriceCsvText::tr("the header has no date column; %1").arg(formatsHint()));
    if (layout.close < 0)
        return lineError(
            lineNumber, line,
            PriceCsvText::tr("the header has no close (or price) column; %1").arg(formatsHint()));
    if ((layout.high < 0) != (layout.low < 0))
        return lineError(lineNumber, line,
                         PriceCsvText::tr("the header has a high column without a low column "
                                          "or a low column without a high column"));
    return layout;
}

Result<Layout> layoutFromFieldCount(const QStringList &fields, int lineNumber, const QString &line)
{
    Layout layout;
    layout.fieldCount = fields.size();
    switch (fields.size()) {
    case 2:
        layout.date = 0;
        layout.close = 1;
        return layout;
    case 3:
        if (PriceCsv::parseDate(fields[0])) {
            // Most likely an unquoted "1,234.50" split in two.
            return lineError(
                lineNumber, line,
                PriceCsvText::tr("3 fields starting with a date; without a header row three "
                                 "fields are symbol,date,price (quote numbers that have commas)"));
        }
        layout.symbol = 0;
        layout.date = 1;
        layout.close = 2;
        return layout;
    case 7:
        layout.volume = 6;
        [[fallthrough]];
    case 6:
        layout.adjClose = 5;
        [[fallthrough]];
    case 5:
        layout.date = 0;
        layout.open = 1;
        layout.high = 2;
        layout.low = 3;
        layout.close = 4;
        return layout;
    default:
        return lineError(
            lineNumber, line,
            PriceCsvText::tr("%1 without a header row; %2").arg(fieldCount(fields.size()), formatsHint()));
    }
}

struct Line {
    int number = 0;
    QString text;
};

QList<Line> splitLines(const QString &text)
{
    QList<Line> lines;
    int number = 1;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i <= n; ++i) {
        if (i == n || text[i] == u'\n' || text[i] == u'\r') {
            lines += Line{number++, text.mid(start, i - start)};
            if (i < n && text[i] == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            start = i + 1;
        }
    }
    return lines;
}

bool isBlank(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!field.isEmpty())
            return false;
    }
    return true;
}

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

bool PriceCsv::hasHighLow(const QList<PriceRow> &rows)
{
    if (rows.isEmpty())
        return false;
    for (const PriceRow &row : rows) {
        if (!row.high || !row.low)
            return false;
    }
    return true;
}

Result<QList<PriceRow>> PriceCsv::parse(const QByteArray &content)
{
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);

    QList<PriceRow> rows;
    std::optional<Layout> layout;
    for (const Line &line : splitLines(text)) {
        if (line.text.trimmed().isEmpty())
            continue;
        auto split = splitFields(line.text, line.number);
        if (!split)
            return split.error();
        const QStringList &fields = split.value();
        if (isBlank(fields))
            continue;

        if (!layout) {
            if (looksLikeHeader(fields)) {
                auto fromHeader = layoutFromHeader(fields, line.number, line.text);
                if (!fromHeader)
                    return fromHeader.error();
                layout = fromHeader.value();
                continue;
            }
            auto fromCount = layoutFromFieldCount(fields, line.number, line.text);
            if (!fromCount)
                return fromCount.error();
            layout = fromCount.value();
        }

        const auto bad = [&](const QString &what) { return lineError(line.number, line.text, what); };
        if (fields.size() != layout->fieldCount) {
            return bad(PriceCsvText::tr("%1 where the file has %2")
                           .arg(fieldCount(fields.size()))
                           .arg(layout->fieldCount));
        }

        PriceRow row;
        row.line = line.number;
        if (layout->symbol >= 0) {
            const QString symbol = fields[layout->symbol];
            if (symbol.isEmpty())
                return bad(PriceCsvText::tr("the symbol is missing"));
            const auto ticker = Ticker::normalize(symbol);
            if (!ticker)
                return bad(PriceCsvText::tr("\"%1\" is not a valid symbol").arg(symbol));
            row.symbol = ticker.value();
        }

        const QString dateText = fields[layout->date];
        if (dateText.isEmpty())
            return bad(PriceCsvText::tr("the date is missing; use YYYY-MM-DD or like Jan 1 2000"));
        const auto date = parseDate(dateText);
        if (!date)
            return bad(PriceCsvText::tr("the date is not valid; use YYYY-MM-DD or like Jan 1 2000"));
        row.date = *date;

        // Prices: present, numbers, and greater than 0.
        const auto price = [&](int column, const QString &name) -> Result<double> {
            const QString value = fields[column];
            if (value.isEmpty())
                return bad(PriceCsvText::tr("the %1 is missing").arg(name));
            const auto number = parseNumber(value);
            if (!number)
                return bad(PriceCsvText::tr("the %1 \"%2\" is not a number").arg(name, value));
            if (*number <= 0)
                return bad(PriceCsvText::tr("the %1 %2 is not a price greater than 0").arg(name, value));
            return *number;
        };

        const auto close =
            price(layout->close, fields.size() == 3 && layout->symbol >= 0 ? PriceCsvText::tr("price")
                                                                           : PriceCsvText::tr("close"));
        if (!close)
            return close.error();
        row.close = close.value();
        if (layout->open >= 0) {
            const auto open = price(layout->open, PriceCsvText::tr("open"));
            if (!open)
                return open.error();
            row.open = open.value();
        }
        if (layout->high >= 0) {
            const auto high = price(layout->high, PriceCsvText::tr("high"));
            if (!high)
                return high.error();
            const auto low = price(layout->low, PriceCsvText::tr("low"));
            if (!low)
                return low.error();
            if (high.value() < low.value())
                return bad(PriceCsvText::tr("the high is below the low"));
            row.high = high.value();
            row.low = low.value();
        }
        if (layout->adjClose >= 0) {
            const QString value = fields[layout->adjClose];
            if (!value.isEmpty() && !parseNumber(value))
                return bad(PriceCsvText::tr("the adjusted close \"%1\" is not a number").arg(value));
        }
        if (layout->volume >= 0 && !fields[layout->volume].isEmpty()) {
            const QString value = fields[layout->volume];
            const auto volume = parseNumber(value);
            if (!volume || *volume < 0)
                return bad(PriceCsvText::tr("the volume \"%1\" is not a number of 0 or more").arg(value));
            row.volume = qint64(std::llround(*volume));
        }
        rows += row;
    }
    if (rows.isEmpty()) {
        return Error{ErrorCode::InvalidCsv,
                     PriceCsvText::tr("the file has no price rows; %1").arg(formatsHint())};
    }
    return rows;
}

Result<QList<PriceRow>> PriceCsv::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::InvalidCsv,
                     PriceCsvText::tr("Cannot read %1: %2").arg(path, file.errorString())};
    }
    auto rows = parse(file.readAll());
    if (!rows)
        return Error{ErrorCode::InvalidCsv, PriceCsvText::tr("%1: %2").arg(path, rows.error().message)};
    return rows;
}

} // namespace trailguard
