#include "history/PriceCsv.h"

#include "domain/Ticker.h"
#include "history/PriceCsvDetail.h"
#include "history/PriceCsvReader.h"

#include <QBuffer>
#include <QFile>

#include <cmath>

namespace trailguard {

using namespace PriceCsvDetail;

Result<PriceRow> PriceCsvDetail::rowFrom(const QStringList &fields, const Layout &layoutRef, const Line &line)
{
    const Layout *layout = &layoutRef;
    const auto bad = [&](const QString &what) { return lineError(line.number, line.text, what); };
    if (fields.size() != layout->fieldCount) {
        return bad(
            Text::tr("%1 where the file has %2").arg(fieldCount(fields.size())).arg(layout->fieldCount));
    }

    PriceRow row;
    row.line = line.number;
    if (layout->symbol >= 0) {
        const QString symbol = fields[layout->symbol];
        if (symbol.isEmpty())
            return bad(Text::tr("the symbol is missing"));
        const auto ticker = Ticker::normalize(symbol);
        if (!ticker)
            return bad(Text::tr("\"%1\" is not a valid symbol").arg(symbol));
        row.symbol = ticker.value();
    }

    const QString dateText = fields[layout->date];
    if (dateText.isEmpty())
        return bad(Text::tr("the date is missing; use YYYY-MM-DD or like Jan 1 2000"));
    const auto date = parseDateTime(dateText);
    if (!date)
        return bad(Text::tr("the date is not valid; use YYYY-MM-DD or like Jan 1 2000"));
    row.date = date->date;
    row.time = date->time;
    row.utcOffset = date->utcOffset;

    // Prices: present, numbers, and greater than 0.
    const auto price = [&](int column, const QString &name) -> Result<double> {
        const QString value = fields[column];
        if (value.isEmpty())
            return bad(Text::tr("the %1 is missing").arg(name));
        const auto number = parseNumber(value);
        if (!number)
            return bad(Text::tr("the %1 \"%2\" is not a number").arg(name, value));
        if (*number <= 0)
            return bad(Text::tr("the %1 %2 is not a price greater than 0").arg(name, value));
        return *number;
    };

    const auto close = price(layout->close, fields.size() == 3 && layout->symbol >= 0 ? Text::tr("price")
                                                                                      : Text::tr("close"));
    if (!close)
        return close.error();
    row.close = close.value();
    if (layout->open >= 0) {
        const auto open = price(layout->open, Text::tr("open"));
        if (!open)
            return open.error();
        row.open = open.value();
    }
    if (layout->high >= 0) {
        const auto high = price(layout->high, Text::tr("high"));
        if (!high)
            return high.error();
        const auto low = price(layout->low, Text::tr("low"));
        if (!low)
            return low.error();
        if (high.value() < low.value())
            return bad(Text::tr("the high is below the low"));
        row.high = high.value();
        row.low = low.value();
    }
    if (layout->adjClose >= 0) {
        const QString value = fields[layout->adjClose];
        if (!value.isEmpty() && !parseNumber(value))
            return bad(Text::tr("the adjusted close \"%1\" is not a number").arg(value));
    }
    if (layout->volume >= 0 && !fields[layout->volume].isEmpty()) {
        const QString value = fields[layout->volume];
        const auto volume = parseNumber(value);
        if (!volume || *volume < 0)
            return bad(Text::tr("the volume \"%1\" is not a number of 0 or more").arg(value));
        row.volume = qint64(std::llround(*volume));
    }
    return row;
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
    QBuffer buffer;
    buffer.setData(content);
    buffer.open(QIODevice::ReadOnly);
    return readAll(buffer);
}

Result<QList<PriceRow>> PriceCsv::readAll(QIODevice &device)
{
    PriceCsvReader reader(device);
    QList<PriceRow> rows;
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return read.error();
        if (!read.value())
            return rows;
        rows.append(reader.row());
    }
}

Result<QList<PriceRow>> PriceCsv::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{ErrorCode::InvalidCsv, Text::tr("Cannot read %1: %2").arg(path, file.errorString())};
    }
    auto rows = readAll(file);
    if (!rows)
        return Error{ErrorCode::InvalidCsv, Text::tr("%1: %2").arg(path, rows.error().message)};
    return rows;
}

} // namespace trailguard
