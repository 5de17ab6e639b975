#include "storage/StockRepository.h"

#include "storage/StorageLogging.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace trailguard {

namespace {
class Storage {
    Q_DECLARE_TR_FUNCTIONS(Storage)
};

const QString kColumns = QStringLiteral(
    "ticker, symbol_id, currency, last_price, last_quote_at, peak, stop_ratio, stop_price, entry_price, "
    "last_alert_at, last_alert_market_day, created_at, symbol_not_found, quote_delayed, halted, below_stop, "
    "snoozed_until, listing_exchange, checked_through, strategy, strategy_state, catch_up_from");

QVariant toVariant(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QVariant toVariant(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant toVariant(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs))
                          : QVariant(QMetaType(QMetaType::QString));
}

QVariant toVariant(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
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
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.toUTC();
}

// Strategies (migration 6): the spec string, and the strategy's running state as a small JSON object.
QJsonValue jsonValue(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}

QString strategyStateJson(const StrategyState &run)
{
    if (run == StrategyState())
        return QStringLiteral("");
    QJsonObject object{{QStringLiteral("basis"), jsonValue(run.basis)},
                       {QStringLiteral("activated"), run.activated},
                       {QStringLiteral("observations"), run.observations},
                       {QStringLiteral("trueRangeSum"), run.trueRangeSum},
                       {QStringLiteral("atr"), jsonValue(run.atr)},
                       {QStringLiteral("previousClose"), jsonValue(run.previousClose)},
                       {QStringLiteral("atrStop"), jsonValue(run.atrStop)}};
    QJsonArray highs;
    for (double high : run.highs)
        highs.append(high);
    object.insert(QStringLiteral("highs"), highs);
    if (run.candleDay.isValid()) {
        object.insert(QStringLiteral("candle"),
                      QJsonObject{{QStringLiteral("day"), run.candleDay.toString(Qt::ISODate)},
                                  {QStringLiteral("high"), run.candleHigh},
                                  {QStringLiteral("low"), run.candleLow},
                                  {QStringLiteral("close"), run.candleClose}});
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
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

    const QJsonObject object = QJsonDocument::fromJson(stateJson.toUtf8()).object();
    if (object.isEmpty() || !strategy)
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
    // Market hours and catch-up (migration 8), read by name so other columns may be added around them.
    const QSqlRecord record = query.record();
    stock.listingExchange = query.value(record.indexOf(QStringLiteral("listing_exchange"))).toString();
    stock.checkedThrough = dateTime(query.value(record.indexOf(QStringLiteral("checked_through"))));
    stock.catchUpFrom = dateTime(query.value(record.indexOf(QStringLiteral("catch_up_from"))));
    readStrategy(stock, query.value(record.indexOf(QStringLiteral("strategy"))).toString(),
                 query.value(record.indexOf(QStringLiteral("strategy_state"))).toString());
    return stock;
}

void bindState(QSqlQuery &query, const StockState &stock)
{
    query.bindValue(QStringLiteral(":ticker"), stock.ticker);
    query.bindValue(QStringLiteral(":symbol_id"), toVariant(stock.symbolId));
    query.bindValue(QStringLiteral(":currency"),
                    stock.currency.isNull() ? QStringLiteral("") : stock.currency);
    query.bindValue(QStringLiteral(":last_price"), toVariant(stock.lastPrice));
    query.bindValue(QStringLiteral(":last_quote_at"), toVariant(stock.lastQuoteAt));
    query.bindValue(QStringLiteral(":peak"), toVariant(stock.peak));
    query.bindValue(QStringLiteral(":stop_ratio"), stock.ratio);
    query.bindValue(QStringLiteral(":stop_price"), toVariant(stock.stop));
    query.bindValue(QStringLiteral(":entry_price"), toVariant(stock.entry));
    query.bindValue(QStringLiteral(":last_alert_at"), toVariant(stock.lastAlertAt));
    query.bindValue(QStringLiteral(":last_alert_market_day"), toVariant(stock.lastAlertMarketDay));
    query.bindValue(QStringLiteral(":symbol_not_found"), stock.symbolNotFound ? 1 : 0);
    query.bindValue(QStringLiteral(":quote_delayed"), stock.quoteDelayed ? 1 : 0);
    query.bindValue(QStringLiteral(":halted"), stock.halted ? 1 : 0);
    query.bindValue(QStringLiteral(":below_stop"), stock.belowStop ? 1 : 0);
    query.bindValue(QStringLiteral(":snoozed_until"), toVariant(stock.snoozedUntil));
    query.bindValue(QStringLiteral(":listing_exchange"),
                    stock.listingExchange.isNull() ? QStringLiteral("") : stock.listingExchange);
    query.bindValue(QStringLiteral(":checked_through"), toVariant(stock.checkedThrough));
    query.bindValue(QStringLiteral(":catch_up_from"), toVariant(stock.catchUpFrom));
    query.bindValue(QStringLiteral(":strategy"), stock.strategySpec());
    query.bindValue(QStringLiteral(":strategy_state"), strategyStateJson(stock.strategyState));
}

Error queryError(const QSqlQuery &query)
{
    const QString reason = query.lastError().text();
    qCWarning(lcStorage) << "Query failed:" << reason;
    return Error{ErrorCode::DatabaseQuery, Storage::tr("A database command failed: %1").arg(reason)};
}

Error unknownTicker(const QString &ticker)
{
    return Error{ErrorCode::UnknownTicker,
                 Storage::tr("%1 is not on the watchlist. Check the spelling, or list the watchlist first.")
                     .arg(ticker)};
}

const QString kUpdateSql = QStringLiteral(
    "UPDATE stocks SET symbol_id = :symbol_id, currency = :currency, last_price = :last_price, "
    "last_quote_at = :last_quote_at, peak = :peak, stop_ratio = :stop_ratio, stop_price = :stop_price, "
    "entry_price = :entry_price, last_alert_at = :last_alert_at, "
    "last_alert_market_day = :last_alert_market_day, symbol_not_found = :symbol_not_found, "
    "quote_delayed = :quote_delayed, halted = :halted, below_stop = :below_stop, snoozed_until = "
    ":snoozed_until, listing_exchange = :listing_exchange, checked_through = :checked_through, "
    "strategy = :strategy, strategy_state = :strategy_state, catch_up_from = :catch_up_from "
    "WHERE ticker = :ticker");
} // namespace

StockRepository::StockRepository(QSqlDatabase db)
    : m_db(std::move(db))
{}

StockRepository::~StockRepository() = default;
StockRepository::StockRepository(StockRepository &&) noexcept = default;
StockRepository &StockRepository::operator=(StockRepository &&) noexcept = default;

QSqlQuery &StockRepository::updateQuery()
{
    if (!m_updateQuery) {
        m_updateQuery = std::make_unique<QSqlQuery>(m_db);
        m_updateQuery->prepare(kUpdateSql);
    }
    return *m_updateQuery;
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
        return queryError(query);
    const qint64 version = query.value(0).toLongLong();
    query.finish();
    return version;
}

Result<QList<StockState>> StockRepository::all() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM stocks ORDER BY ticker").arg(kColumns)))
        return queryError(query);
    QList<StockState> stocks;
    while (query.next())
        stocks.append(fromQuery(query));
    return stocks;
}

Result<std::optional<StockState>> StockRepository::find(const QString &ticker) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM stocks WHERE ticker = :ticker").arg(kColumns));
    query.bindValue(QStringLiteral(":ticker"), ticker);
    if (!query.exec())
        return queryError(query);
    if (!query.next())
        return std::optional<StockState>();
    return std::optional<StockState>(fromQuery(query));
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
                Storage::tr("%1 is already on the watchlist; nothing was changed.").arg(stock.ticker)};
        }
        QSqlQuery query(m_db);
        query.prepare(
            QStringLiteral("INSERT INTO stocks (%1) VALUES (:ticker, :symbol_id, :currency, :last_price, "
                           ":last_quote_at, :peak, "
                           ":stop_ratio, :stop_price, :entry_price, :last_alert_at, :last_alert_market_day, "
                           ":created_at, "
                           ":symbol_not_found, :quote_delayed, :halted, :below_stop, :snoozed_until, "
                           ":listing_exchange, :checked_through, :strategy, :strategy_state, "
                           ":catch_up_from)")
                .arg(kColumns));
        bindState(query, stock);
        query.bindValue(
            QStringLiteral(":created_at"),
            toVariant(stock.createdAt.isValid() ? stock.createdAt : QDateTime::currentDateTimeUtc()));
        if (!query.exec())
            return queryError(query);
        return success();
    });
}

Status StockRepository::update(const StockState &stock)
{
    QSqlQuery &query = updateQuery();
    bindState(query, stock);
    if (!query.exec())
        return queryError(query);
    if (query.numRowsAffected() == 0)
        return unknownTicker(stock.ticker);
    return success();
}

Status StockRepository::updateAll(const QList<StockState> &stocks)
{
    return inTransaction(m_db, [&]() -> Status {
        QSqlQuery &query = updateQuery();
        for (const StockState &stock : stocks) {
            bindState(query, stock);
            if (!query.exec())
                return queryError(query);
            if (query.numRowsAffected() == 0)
                return unknownTicker(stock.ticker);
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
        return queryError(query);
    if (query.numRowsAffected() == 0)
        return unknownTicker(ticker);
    return success();
}

} // namespace trailguard
