#pragma once

// The pieces PriceCsv is made of, shared by its files only: fields and numbers (PriceCsvFields.cpp), the
// column layout (PriceCsvLayout.cpp) and dates (PriceCsvDates.cpp). Not for use outside history/PriceCsv*.

#include "common/Result.h"

#include "history/PriceCsv.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace trailguard::PriceCsvDetail {

// Gives the messages one translation context, "PriceCsv".
class Text {
    Q_DECLARE_TR_FUNCTIONS(PriceCsv)
};

// "line 4: "text": what is wrong", the error every bad line gets.
Error lineError(int lineNumber, const QString &line, const QString &what);
// "1 field", "3 fields".
QString fieldCount(qsizetype count);
// The accepted layouts, for messages.
QString formatsHint();

struct Line {
    int number = 0;
    QString text;
};
// The lines of a file, numbered from 1; CRLF, CR and LF all end a line.
QList<Line> splitLines(const QString &text);
// Splits one line into fields: commas separate, double quotes enclose a field that may hold commas
// ("" inside quotes is one quote), spaces around a field are dropped.
Result<QStringList> splitFields(const QString &line, int lineNumber);
// Every field is empty.
bool isBlank(const QStringList &fields);
// A number as price files write it: plain, with a leading '$', or with thousands separators
// ("1,234.50", which only fits in a quoted field).
std::optional<double> parseNumber(QString text);
// A plain number ("12.5", "1e3"): the fast path's, with no '$' or thousands separators.
std::optional<double> parsePlainNumber(QByteArrayView text);

// A date, with its time of day and UTC offset when an ISO date-time gives them.
struct DateTimeParts {
    QDate date;
    QTime time;                   // invalid for a date alone
    std::optional<int> utcOffset; // seconds east of UTC when the text names its zone (Z, +02:00)
};
// An ISO date or date-time as trimmed ASCII ("2024-05-14", "2024-05-14 09:30", "2024-05-14T09:30:00Z").
std::optional<DateTimeParts> parseIsoDateTime(QByteArrayView text);
// Any accepted form of date (PriceCsv::parseDate), with the time of an ISO date-time.
std::optional<DateTimeParts> parseDateTime(const QString &text);

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
// A first line with no number and no date in it is a header.
bool looksLikeHeader(const QStringList &fields);
// The layout a header row names (by column name, in any order).
Result<Layout> layoutFromHeader(const QStringList &fields, int lineNumber, const QString &line);
// The layout of a file without a header, told by its number of fields.
Result<Layout> layoutFromFieldCount(const QStringList &fields, int lineNumber, const QString &line);
// One data line as a row, by the full rules (any accepted form of date and number), or what is wrong.
Result<PriceRow> rowFrom(const QStringList &fields, const Layout &layout, const Line &line);

} // namespace trailguard::PriceCsvDetail
