#include "storage/StockBatchWriter.h"

#include "storage/SqliteStatement.h"
#include "storage/StockColumns.h"

#include <QStringList>

namespace trailguard {

namespace {
// column1 of each VALUES row is the ticker, then the written columns in StockColumns' order.
QString batchUpdateSql(quint32 columns, int rows)
{
    QStringList assignments;
    int parameters = 1;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (columns & (1u << column)) {
            assignments.append(
                QStringLiteral("%1 = batch.column%2").arg(StockColumns::name(column)).arg(++parameters));
        }
    }
    QStringList marks(parameters, QStringLiteral("?"));
    const QString row = QLatin1Char('(') + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    return QStringLiteral(
               "UPDATE stocks SET %1 FROM (VALUES %2) AS batch WHERE stocks.ticker = batch.column1")
        .arg(assignments.join(QStringLiteral(", ")), QStringList(rows, row).join(QLatin1Char(',')));
}
} // namespace

StockBatchWriter::StockBatchWriter(QSqlDatabase db)
    : m_db(std::move(db))
{}

StockBatchWriter::~StockBatchWriter() = default;

SqliteStatement &StockBatchWriter::statement(quint32 columns, int rows)
{
    std::unique_ptr<SqliteStatement> &statement = m_statements[{columns, rows}];
    if (!statement)
        statement = std::make_unique<SqliteStatement>(m_db, batchUpdateSql(columns, rows));
    return *statement;
}

Result<int> StockBatchWriter::write(quint32 columns, const QList<const StockState *> &stocks)
{
    SqliteStatement &update = statement(columns, int(stocks.size()));
    int index = 0;
    for (const StockState *stock : stocks) {
        update.bindText(++index, stock->ticker);
        for (int column = 0; column < StockColumns::kCount; ++column) {
            if (columns & (1u << column))
                StockColumns::bind(update, ++index, *stock, column);
        }
    }
    if (Status executed = update.execute(); !executed)
        return executed.error();
    return update.changes();
}

} // namespace trailguard
