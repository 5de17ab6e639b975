#include "history/PriceCsv.h"
#include "history/PriceCsvDetail.h"

#include <QRegularExpression>

namespace trailguard::PriceCsvDetail {

namespace {
enum class Column { Ignored, Symbol, Date, Open, High, Low, Close, AdjClose, Volume };

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
} // namespace

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
        return lineError(lineNumber, line, Text::tr("the header has no date column; %1").arg(formatsHint()));
    if (layout.close < 0)
        return lineError(lineNumber, line,
                         Text::tr("the header has no close (or price) column; %1").arg(formatsHint()));
    if ((layout.high < 0) != (layout.low < 0))
        return lineError(lineNumber, line,
                         Text::tr("the header has a high column without a low column "
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
            return lineError(lineNumber, line,
                             Text::tr("3 fields starting with a date; without a header row three "
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
            Text::tr("%1 without a header row; %2").arg(fieldCount(fields.size()), formatsHint()));
    }
}

} // namespace trailguard::PriceCsvDetail
