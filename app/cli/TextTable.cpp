#include "cli/TextTable.h"

#include <algorithm>

namespace trailguard::Cli {

TextTable::TextTable(const QStringList &header, const QList<Align> &alignment)
    : m_rows{header}
    , m_alignment(alignment)
{}

void TextTable::addRow(const QStringList &row)
{
    m_rows.append(row);
}

QString TextTable::text() const
{
    QList<qsizetype> widths;
    for (const QStringList &row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    QString text;
    for (const QStringList &row : m_rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (column > 0)
                line += QStringLiteral("  ");
            line += m_alignment.value(column, Align::Left) == Align::Right
                        ? row.at(column).rightJustified(widths[column])
                        : row.at(column).leftJustified(widths[column]);
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

} // namespace trailguard::Cli
