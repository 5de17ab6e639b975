#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace trailguard::Cli {

// A table for the terminal: a header row and data rows in aligned columns two spaces apart, numbers
// right-aligned, words left-aligned, no trailing spaces. `watch list`, `positions list` and `replay`
// print their tables with it.
class TextTable {
public:
    enum class Align { Left, Right };

    // One alignment per column of `header`; missing ones are Left.
    TextTable(const QStringList &header, const QList<Align> &alignment);

    void addRow(const QStringList &row);
    qsizetype rowCount() const { return m_rows.size() - 1; } // without the header

    // Every line ends in a newline.
    QString text() const;

private:
    QList<QStringList> m_rows;
    QList<Align> m_alignment;
};

} // namespace trailguard::Cli
