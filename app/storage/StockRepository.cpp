#include "storage/StockRepository.h"

#include "storage/IsoTimeText.h"
#include "storage/RuleRepository.h"
#include "storage/SqlValues.h"
#include "storage/SqliteStatement.h"
#include "storage/StockColumns.h"
#include "storage/StorageLogging.h"
#include "storage/StorageText.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace trailguard {

namespace {
// Read in this order (fromQuery uses the positions), from both tables of a stock (migration 16).
const QString kColumns = QStringLiteral(
    "ticker, symbol_id, currency, last_price, last_quote_at, peak, stop_ratio, stop_price, entry_price, "
    "last_alert_at, last_alert_market_day, created_at, symbol_not_found, quote_delayed, halted, below_stop, "
    "snoozed_until, listing_exchange, checked_through, strategy, strategy_state, catch_up_from");
const QString kTables = QStringLiteral("stocks LEFT JOIN stock_quotes USING (ticker)");

constexpr quint32 kSettingColumns = StockColumns::kAll & ~StockColumns::kQuoteColumns;

bool inSettings(int column)
{
    return kSettingColumns & (1u << column);
}

QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

std::optional<double> optionalDouble(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

QDateTime dateTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return IsoTimeText::parse(value.toString());
}

std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

// A spec that no longer parses (or none, before migration 6 filled it) falls back to trailing at the
// stored ratio, which is what every ticker did before strategies existed.
void readStrategy(StockState &stock, const QString &spec, const QString &stateJson)
{
    const auto strategy = StopStrategy::parse(spec);
    stock.strategy = strategy ? strategy.value() : StopStrategy::trailing(stock.ratio);
    if (!strategy && !spec.isEmpty())
        qCWarning(lcStorage) << "Unknown strategy" << spec << "for" << stock.ticker << "- using trailing";
    if (stock.strategy.usesRatio())
        stock.ratio = stock.strategy.ratio; // the spec and the ratio column are written together
    stock.strategy.ratio = stock.ratio;

    if (stateJson.isEmpty() || !strategy)
        return; // the state of a strategy that has not started (most rows): nothing to parse
    const QJsonObject object = QJsonDocument::fromJson(stateJson.toUtf8()).object();
    if (object.isEmpty())
        return;
    StrategyState &run = stock.strategyState;
    run.basis = optionalDouble(object.value(QStringLiteral("basis")));
    run.activated = object.value(QStringLiteral("activated")).toBool();
    run.observations = object.value(QStringLiteral("observations")).toInt();
    run.trueRangeSum = object.value(QStringLiteral("trueRangeSum")).toDouble();
    run.atr = optionalDouble(object.value(QStringLiteral("atr")));
    run.previousClose = optionalDouble(object.value(QStringLiteral("previousClose")));
    run.atrStop = optionalDouble(object.value(QStringLiteral("atrStop")));
    for (const QJsonValue &high : object.value(QStringLiteral("highs")).toArray())
        run.highs.append(high.toDouble());
    const QJsonObject candle = object.value(QStringLiteral("candle")).toObject();
    if (!candle.isEmpty()) {
        run.candleDay = QDate::fromString(candle.value(QStringLiteral("day")).toString(), Qt::ISODate);
        run.candleHigh = candle.value(QStringLiteral("high")).toDouble();
        run.candleLow = candle.value(QStringLiteral("low")).toDouble();
        run.candleClose = candle.value(QStringLiteral("close")).toDouble();
    }
}

StockState fromQuery(const QSqlQuery &query)
{
    StockState stock;
    stock.ticker = query.value(0).toString();
    if (!query.value(1).isNull())
        stock.symbolId = query.value(1).toLongLong();
    stock.currency = query.value(2).toString();
    stock.lastPrice = optionalDouble(query.value(3));
    stock.lastQuoteAt = dateTime(query.value(4));
    stock.peak = optionalDouble(query.value(5));
    stock.ratio = query.value(6).toDouble();
    stock.stop = optionalDouble(query.value(7));
    stock.entry = optionalDouble(query.value(8));
    stock.lastAlertAt = dateTime(query.value(9));
    if (!query.value(10).isNull())
        stock.lastAlertMarketDay = QDate::fromString(query.value(10).toString(), Qt::ISODate);
    stock.createdAt = dateTime(query.value(11));
    stock.symbolNotFound = query.value(12).toBool();
    stock.quoteDelayed = query.value(13).toBool();
    stock.halted = query.value(14).toBool();
    stock.belowStop = query.value(15).toBool();
    stock.snoozedUntil = dateTime(query.value(16));
    stock.listingExchange = query.value(17).toString();
    stock.checkedThrough = dateTime(query.value(18));
    stock.catchUpFrom = dateTime(query.value(21));
    readStrategy(stock, query.value(19).toString(), query.value(20).toString());
    return stock;
}

// Binds the values of the columns kept in `stocks`, in their order, then the ticker and the creation time
// (an insert; the stock's quote row is added by a trigger and then updated).
void bindInsert(QSqlQuery &query, const StockState &stock)
{
    int position = 0;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (inSettings(column))
            query.bindValue(position++, StockColumns::value(stock, column));
    }
    query.bindValue(position++, stock.ticker);
    query.bindValue(position,
                    StockColumns::timeValue(stock.createdAt.isValid() ? stock.createdAt
                                                                      : QDateTime::currentDateTimeUtc()));
}

Error unknownTicker(const QString &ticker)
{
    return Error{
        ErrorCode::UnknownTicker,
        StorageText::tr("%1 is not on the watchlist. Check the spelling, or list the watchlist first.")
            .arg(ticker)};
}

// `columns` lie in one table: all quote columns or none.
QString updateSql(quint32 columns)
{
    QStringList assignments;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (columns & (1u << column))
            assignments.append(StockColumns::name(column) + QStringLiteral(" = ?"));
    }
    const bool quotes = (columns & StockColumns::kQuoteColumns) == columns;
    return QStringLiteral("UPDATE %1 SET %2 WHERE ticker = ?")
        .arg(quotes ? QStringLiteral("stock_quotes") : QStringLiteral("stocks"),
             assignments.join(QStringLiteral(", ")));
}

QString insertSql()
{
    QStringList names;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (inSettings(column))
            names.append(StockColumns::name(column));
    }
    return QStringLiteral("INSERT INTO stocks (%1, ticker, created_at) VALUES (%2)")
        .arg(names.join(QStringLiteral(", ")), placeholders(names.size() + 2));
}
} // namespace

StockRepository::StockRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

StockRepository::~StockRepository() = default;
StockRepository::StockRepository(StockRepository &&) noexcept = default;
StockRepository &StockRepository::operator=(StockRepository &&) noexcept = default;

SqliteStatement &StockRepository::updateStatement(quint32 columns)
{
    std::unique_ptr<SqliteStatement> &statement = m_updateStatements[columns];
    if (!statement)
        statement = std::make_unique<SqliteStatement>(m_db, updateSql(columns));
    return *statement;
}

Status StockRepository::writeColumns(const StockState &stock, quint32 columns)
{
    const quint32 quotes = columns & StockColumns::kQuoteColumns;
    const quint32 settings = columns & kSettingColumns;
    if (!quotes || !settings)
        return writeColumnsOfOneTable(stock, columns);
    const auto both = [&]() -> Status {
        if (Status written = writeColumnsOfOneTable(stock, quotes); !written.ok())
            return written;
        return writeColumnsOfOneTable(stock, settings);
    };
    // Both rows or neither: inside the caller's transaction already (a cycle, updateAll), else in one.
    return SqliteStatement::inTransaction(m_db) ? both() : inTransaction(m_db, both);
}

Status StockRepository::writeColumnsOfOneTable(const StockState &stock, quint32 columns)
{
    SqliteStatement &statement = updateStatement(columns);
    int index = 0;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (columns & (1u << column))
            StockColumns::bind(statement, ++index, stock, column);
    }
    statement.bindText(++index, stock.ticker);
    if (Status executed = statement.execute(); !executed)
        return executed;
    if (statement.changes() == 0)
        return unknownTicker(stock.ticker);
    return success();
}

Result<qint64> StockRepository::dataVersion() const
{
    if (!m_dataVersionQuery) {
        m_dataVersionQuery = std::make_unique<QSqlQuery>(m_db);
        m_dataVersionQuery->setForwardOnly(true);
        m_dataVersionQuery->prepare(QStringLiteral("PRAGMA data_version"));
    }
    QSqlQuery &query = *m_dataVersionQuery;
    if (!query.exec() || !query.next())
        return SqlValues::queryError(query);
    const qint64 version = query.value(0).toLongLong();
    query.finish();
    return version;
}

Result<QList<StockState>> StockRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY ticker").arg(kColumns, kTables)))
        return SqlValues::queryError(query);
    QList<StockState> stocks;
    while (query.next())
        stocks.append(fromQuery(query));
    const auto rules = RuleRepository(m_db).all();
    if (!rules.ok())
        return rules.error();
    if (!rules.value().isEmpty()) {
        for (StockState &stock : stocks)
            stock.rules = rules.value().value(stock.ticker);
    }
    return stocks;
}

Result<std::optional<StockState>> StockRepository::find(const QString &ticker) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE ticker = :ticker").arg(kColumns, kTables));
    query.bindValue(QStringLiteral(":ticker"), ticker);
    if (!query.exec())
        return SqlValues::queryError(query);
    if (!query.next())
        return std::optional<StockState>();
    StockState stock = fromQuery(query);
    const auto rules = RuleRepository(m_db).rules(stock.ticker);
    if (!rules.ok())
        return rules.error();
    stock.rules = rules.value();
    return std::optional<StockState>(std::move(stock));
}

Status StockRepository::insert(const StockState &stock)
{
    return inTransaction(m_db, [&]() -> Status {
        const auto existing = find(stock.ticker);
        if (!existing.ok())
            return existing.error();
        if (existing.value()) {
            return Error{
                ErrorCode::DuplicateTicker,
                StorageText::tr("%1 is already on the watchlist; nothing was changed.").arg(stock.ticker)};
        }
        QSqlQuery query(m_db);
        query.prepare(insertSql());
        bindInsert(query, stock);
        if (!query.exec())
            return SqlValues::queryError(query);
        if (Status quote = writeColumnsOfOneTable(stock, StockColumns::kQuoteColumns); !quote.ok())
            return quote;
        RuleRepository rules(m_db);
        for (const QString &spec : stock.rules) {
            if (Status added = rules.add(stock.ticker, spec); !added.ok())
                return added;
        }
        return success();
    });
}

Status StockRepository::update(const StockState &stock)
{
    return writeColumns(stock, StockColumns::kAll);
}

Status StockRepository::updateChanged(const StockState &before, const StockState &stock)
{
    quint32 columns = 0;
    for (int column = 0; column < StockColumns::kCount; ++column) {
        if (StockColumns::differs(before, stock, column))
            columns |= 1u << column;
    }
    return columns ? writeColumns(stock, columns) : success();
}

Status StockRepository::updateAll(const QList<StockState> &stocks)
{
    return inTransaction(m_db, [&]() -> Status {
        for (const StockState &stock : stocks) {
            if (Status one = update(stock); !one.ok())
                return one;
        }
        return success();
    });
}

Status StockRepository::remove(const QString &ticker)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM stocks WHERE ticker = :ticker"));
    query.bindValue(QStringLiteral(":ticker"), ticker);
    if (!query.exec())
        return SqlValues::queryError(query);
    if (query.numRowsAffected() == 0)
        return unknownTicker(ticker);
    return success();
}

} // namespace trailguard
