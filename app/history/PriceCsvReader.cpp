#include "history/PriceCsvReader.h"

#include "domain/Ticker.h"

#include <QVarLengthArray>

#include <cmath>

namespace trailguard {

using namespace PriceCsvDetail;

namespace {
constexpr qint64 kChunkBytes = 64 * 1024;

QByteArrayView trimmed(QByteArrayView field)
{
    while (!field.isEmpty() && (field.front() == ' ' || field.front() == '\t'))
        field = field.sliced(1);
    while (!field.isEmpty() && (field.back() == ' ' || field.back() == '\t'))
        field.chop(1);
    return field;
}

// A price of the fast path: a plain number greater than 0.
std::optional<double> fastPrice(QByteArrayView field)
{
    const auto number = parsePlainNumber(field);
    if (!number || *number <= 0)
        return std::nullopt;
    return number;
}
} // namespace

PriceCsvReader::PriceCsvReader(QIODevice &device)
    : m_device(device)
{}

bool PriceCsvReader::nextLine()
{
    while (true) {
        const char *begin = m_buffer.constData() + m_pos;
        const char *end = m_buffer.constData() + m_buffer.size();
        const char *stop = begin;
        while (stop < end && *stop != '\n' && *stop != '\r')
            ++stop;
        const bool atEnd = m_device.atEnd();
        // A line ends at LF, CR or CRLF; a CR at the end of the buffer waits to see whether LF follows.
        if (stop < end && (*stop == '\n' || stop + 1 < end || atEnd)) {
            m_line = QByteArrayView(begin, stop);
            m_pos = stop - m_buffer.constData() + 1;
            if (*stop == '\r' && stop + 1 < end && stop[1] == '\n')
                ++m_pos;
            ++m_lineNumber;
            return true;
        }
        if (atEnd) {
            if (begin == end)
                return false;
            m_line = QByteArrayView(begin, end); // the last line, without a line end
            m_pos = m_buffer.size();
            ++m_lineNumber;
            return true;
        }
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        const QByteArray chunk = m_device.read(kChunkBytes);
        if (chunk.isEmpty() && !m_device.atEnd())
            return false; // a read error ends the file
        m_bytesRead += chunk.size();
        if (m_lineNumber == 0 && m_buffer.isEmpty() && chunk.startsWith("\xEF\xBB\xBF"))
            m_buffer.append(chunk.sliced(3));
        else
            m_buffer.append(chunk);
    }
}

bool PriceCsvReader::fastSymbol(QByteArrayView field)
{
    if (field == m_lastSymbolText) {
        m_row.symbol = m_lastSymbol;
        return true;
    }
    const Result<QString> ticker = Ticker::normalize(QString::fromLatin1(field));
    if (!ticker)
        return false;
    m_lastSymbolText = field.toByteArray();
    m_lastSymbol = ticker.value();
    m_row.symbol = m_lastSymbol;
    return true;
}

// A plain line read straight from its bytes. Anything unusual (quotes, non-ASCII text, dates with month
// names, "$" or thousands separators, or an error to word) is left to fullRow().
PriceCsvReader::Fast PriceCsvReader::fastRow()
{
    if (!m_layout)
        return Fast::Unsure;
    const Layout &layout = *m_layout;
    QVarLengthArray<QByteArrayView, 16> fields;
    qsizetype start = 0;
    bool blank = true;
    for (qsizetype i = 0; i <= m_line.size(); ++i) {
        const char c = i < m_line.size() ? m_line[i] : ',';
        if (c == '"' || (c & 0x80))
            return Fast::Unsure;
        if (c == ',') {
            fields.append(trimmed(m_line.sliced(start, i - start)));
            blank = blank && fields.back().isEmpty();
            start = i + 1;
        }
    }
    if (blank)
        return Fast::Blank;
    if (fields.size() != layout.fieldCount)
        return Fast::Unsure;

    if (layout.symbol >= 0 && (fields[layout.symbol].isEmpty() || !fastSymbol(fields[layout.symbol])))
        return Fast::Unsure;
    const auto date = parseIsoDateTime(fields[layout.date]);
    if (!date)
        return Fast::Unsure;
    const auto close = fastPrice(fields[layout.close]);
    if (!close)
        return Fast::Unsure;
    m_row.date = date->date;
    m_row.time = date->time;
    m_row.utcOffset = date->utcOffset;
    m_row.close = *close;
    m_row.open.reset();
    m_row.high.reset();
    m_row.low.reset();
    m_row.volume.reset();
    if (layout.open >= 0) {
        m_row.open = fastPrice(fields[layout.open]);
        if (!m_row.open)
            return Fast::Unsure;
    }
    if (layout.high >= 0) {
        m_row.high = fastPrice(fields[layout.high]);
        m_row.low = fastPrice(fields[layout.low]);
        if (!m_row.high || !m_row.low || *m_row.high < *m_row.low)
            return Fast::Unsure;
    }
    if (layout.adjClose >= 0 && !fields[layout.adjClose].isEmpty() &&
        !parsePlainNumber(fields[layout.adjClose]))
        return Fast::Unsure;
    if (layout.volume >= 0 && !fields[layout.volume].isEmpty()) {
        const auto volume = parsePlainNumber(fields[layout.volume]);
        if (!volume || *volume < 0)
            return Fast::Unsure;
        m_row.volume = qint64(std::llround(*volume));
    }
    m_row.line = m_lineNumber;
    return Fast::Row;
}

// The line by PriceCsv's full rules: the header or layout on the first line, then a row or the error.
Result<bool> PriceCsvReader::fullRow()
{
    const Line line{m_lineNumber, QString::fromUtf8(m_line)};
    if (line.text.trimmed().isEmpty())
        return false;
    const Result<QStringList> split = splitFields(line.text, line.number);
    if (!split)
        return split.error();
    const QStringList &fields = split.value();
    if (isBlank(fields))
        return false;
    if (!m_layout) {
        const bool header = looksLikeHeader(fields);
        Result<Layout> layout = header ? layoutFromHeader(fields, line.number, line.text)
                                       : layoutFromFieldCount(fields, line.number, line.text);
        if (!layout)
            return layout.error();
        m_layout = layout.value();
        if (header)
            return false;
    }
    Result<PriceRow> row = rowFrom(fields, *m_layout, line);
    if (!row)
        return row.error();
    m_row = std::move(row).value();
    return true;
}

Result<bool> PriceCsvReader::next()
{
    while (nextLine()) {
        const Fast fast = fastRow();
        if (fast == Fast::Blank)
            continue;
        if (fast == Fast::Unsure) {
            const Result<bool> full = fullRow();
            if (!full)
                return full.error();
            if (!full.value())
                continue;
        }
        ++m_rows;
        return true;
    }
    if (m_rows == 0)
        return Error{ErrorCode::InvalidCsv, Text::tr("the file has no price rows; %1").arg(formatsHint())};
    return false;
}

} // namespace trailguard
