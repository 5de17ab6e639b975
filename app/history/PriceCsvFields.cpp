#include "history/PriceCsvDetail.h"

#include <QRegularExpression>

#include <charconv>
#include <cmath>

namespace trailguard::PriceCsvDetail {

namespace {
constexpr qsizetype kMaxQuotedLine = 80;

QString quotedLine(const QString &line)
{
    const QString shown = line.size() > kMaxQuotedLine ? line.left(kMaxQuotedLine) + u'…' : line;
    return u'"' + shown + u'"';
}
} // namespace

Error lineError(int lineNumber, const QString &line, const QString &what)
{
    return Error{ErrorCode::InvalidCsv,
                 Text::tr("line %1: %2: %3").arg(lineNumber).arg(quotedLine(line), what)};
}

QString fieldCount(qsizetype count)
{
    return count == 1 ? Text::tr("1 field") : Text::tr("%1 fields").arg(count);
}

QString formatsHint()
{
    return Text::tr("expected date,close or date,open,high,low,close[,adjclose,volume] or "
                    "symbol,date,price, with or without a header row");
}

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
                return lineError(lineNumber, line, Text::tr("a quoted field is not closed"));
            while (i < n && (line[i] == u' ' || line[i] == u'\t'))
                ++i;
            if (i < n && line[i] != u',')
                return lineError(lineNumber, line, Text::tr("unexpected text after a closing quote"));
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

std::optional<double> parsePlainNumber(QByteArrayView text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || stop != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

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

} // namespace trailguard::PriceCsvDetail
