#pragma once

#include "common/Result.h"
#include "history/PriceCsv.h"
#include "history/PriceCsvDetail.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QString>

#include <optional>

namespace trailguard {

// Reads a price file (the layouts and rules of PriceCsv) one row at a time, holding one chunk of the file
// at a time: a file of any size reads in constant memory. Plain lines (unquoted ASCII fields, ISO dates,
// plain numbers) take a fast path over the bytes; any other line goes through PriceCsv's full rules,
// which also word the error. The first bad line ends the reading with an error that names it.
class PriceCsvReader {
public:
    explicit PriceCsvReader(QIODevice &device);

    // Reads the next row into row(): true when there is one, false at the end of the file. A file without
    // any row is an error.
    Result<bool> next();
    const PriceRow &row() const { return m_row; }
    // Bytes of the file read so far, for progress.
    qint64 bytesRead() const { return m_bytesRead; }

private:
    enum class Fast { Row, Blank, Unsure };

    bool nextLine();
    Fast fastRow();
    Result<bool> fullRow();
    bool fastSymbol(QByteArrayView field);

    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    QByteArrayView m_line;
    int m_lineNumber = 0;
    qint64 m_bytesRead = 0;
    qint64 m_rows = 0;
    std::optional<PriceCsvDetail::Layout> m_layout;
    PriceRow m_row;
    QByteArray m_lastSymbolText; // the symbol field of the row before, as written
    QString m_lastSymbol;        // and normalized
};

} // namespace trailguard
