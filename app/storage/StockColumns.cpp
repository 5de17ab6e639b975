#include "storage/StockColumns.h"

#include "storage/IsoTimeText.h"
#include "storage/SqliteStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trailguard::StockColumns {

namespace {
const QStringList kNames{QStringLiteral("symbol_id"),
                         QStringLiteral("currency"),
                         QStringLiteral("last_price"),
                         QStringLiteral("last_quote_at"),
                         QStringLiteral("peak"),
                         QStringLiteral("stop_ratio"),
                         QStringLiteral("stop_price"),
                         QStringLiteral("entry_price"),
                         QStringLiteral("last_alert_at"),
                         QStringLiteral("last_alert_market_day"),
                         QStringLiteral("symbol_not_found"),
                         QStringLiteral("quote_delayed"),
                         QStringLiteral("halted"),
                         QStringLiteral("below_stop"),
                         QStringLiteral("snoozed_until"),
                         QStringLiteral("listing_exchange"),
                         QStringLiteral("checked_through"),
                         QStringLiteral("strategy"),
                         QStringLiteral("strategy_state"),
                         QStringLiteral("catch_up_from")};

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
    return time.isValid() ? QVariant(IsoTimeText::format(time)) : QVariant(QMetaType(QMetaType::QString));
}

QVariant toVariant(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

// The strategy's running state (migration 6) as a small JSON object (read back by StockRepository).
QJsonValue jsonValue(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
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

} // namespace

const QStringList &names()
{
    return kNames;
}

QString name(int column)
{
    return kNames.at(column);
}

QVariant timeValue(const QDateTime &time)
{
    return toVariant(time);
}

QVariant value(const StockState &stock, int column)
{
    switch (column) {
    case 0:
        return toVariant(stock.symbolId);
    case 1:
        return stock.currency.isNull() ? QStringLiteral("") : stock.currency;
    case 2:
        return toVariant(stock.lastPrice);
    case 3:
        return toVariant(stock.lastQuoteAt);
    case 4:
        return toVariant(stock.peak);
    case 5:
        return stock.ratio;
    case 6:
        return toVariant(stock.stop);
    case 7:
        return toVariant(stock.entry);
    case 8:
        return toVariant(stock.lastAlertAt);
    case 9:
        return toVariant(stock.lastAlertMarketDay);
    case 10:
        return stock.symbolNotFound ? 1 : 0;
    case 11:
        return stock.quoteDelayed ? 1 : 0;
    case 12:
        return stock.halted ? 1 : 0;
    case 13:
        return stock.belowStop ? 1 : 0;
    case 14:
        return toVariant(stock.snoozedUntil);
    case 15:
        return stock.listingExchange.isNull() ? QStringLiteral("") : stock.listingExchange;
    case 16:
        return toVariant(stock.checkedThrough);
    case 17:
        return stock.strategySpec();
    case 18:
        return strategyStateJson(stock.strategyState);
    case 19:
        return toVariant(stock.catchUpFrom);
    }
    return {};
}

namespace {
void bindTime(SqliteStatement &statement, int index, const QDateTime &time)
{
    char text[IsoTimeText::kLength];
    if (!time.isValid())
        statement.bindNull(index);
    else if (IsoTimeText::formatAscii(time, text))
        statement.bindUtf8(index, text, IsoTimeText::kLength);
    else
        statement.bindText(index, IsoTimeText::format(time));
}

void bindNonNullText(SqliteStatement &statement, int index, const QString &text)
{
    statement.bindText(index, text.isNull() ? QStringLiteral("") : text);
}
} // namespace

void bind(SqliteStatement &statement, int index, const StockState &stock, int column)
{
    switch (column) {
    case 0:
        return stock.symbolId ? statement.bindInt64(index, *stock.symbolId) : statement.bindNull(index);
    case 1:
        return bindNonNullText(statement, index, stock.currency);
    case 2:
        return statement.bindOptionalDouble(index, stock.lastPrice);
    case 3:
        return bindTime(statement, index, stock.lastQuoteAt);
    case 4:
        return statement.bindOptionalDouble(index, stock.peak);
    case 5:
        return statement.bindDouble(index, stock.ratio);
    case 6:
        return statement.bindOptionalDouble(index, stock.stop);
    case 7:
        return statement.bindOptionalDouble(index, stock.entry);
    case 8:
        return bindTime(statement, index, stock.lastAlertAt);
    case 9:
        return stock.lastAlertMarketDay.isValid()
                   ? statement.bindText(index, stock.lastAlertMarketDay.toString(Qt::ISODate))
                   : statement.bindNull(index);
    case 10:
        return statement.bindInt64(index, stock.symbolNotFound ? 1 : 0);
    case 11:
        return statement.bindInt64(index, stock.quoteDelayed ? 1 : 0);
    case 12:
        return statement.bindInt64(index, stock.halted ? 1 : 0);
    case 13:
        return statement.bindInt64(index, stock.belowStop ? 1 : 0);
    case 14:
        return bindTime(statement, index, stock.snoozedUntil);
    case 15:
        return bindNonNullText(statement, index, stock.listingExchange);
    case 16:
        return bindTime(statement, index, stock.checkedThrough);
    case 17:
        return statement.bindText(index, stock.strategySpec());
    case 18:
        return statement.bindText(index, strategyStateJson(stock.strategyState));
    case 19:
        return bindTime(statement, index, stock.catchUpFrom);
    }
}

bool differs(const StockState &before, const StockState &after, int column)
{
    switch (column) {
    case 0:
        return before.symbolId != after.symbolId;
    case 1:
        return before.currency != after.currency;
    case 2:
        return before.lastPrice != after.lastPrice;
    case 3:
        return before.lastQuoteAt != after.lastQuoteAt;
    case 4:
        return before.peak != after.peak;
    case 5:
        return before.ratio != after.ratio;
    case 6:
        return before.stop != after.stop;
    case 7:
        return before.entry != after.entry;
    case 8:
        return before.lastAlertAt != after.lastAlertAt;
    case 9:
        return before.lastAlertMarketDay != after.lastAlertMarketDay;
    case 10:
        return before.symbolNotFound != after.symbolNotFound;
    case 11:
        return before.quoteDelayed != after.quoteDelayed;
    case 12:
        return before.halted != after.halted;
    case 13:
        return before.belowStop != after.belowStop;
    case 14:
        return before.snoozedUntil != after.snoozedUntil;
    case 15:
        return before.listingExchange != after.listingExchange;
    case 16:
        return before.checkedThrough != after.checkedThrough;
    case 17:
        return !(before.strategy == after.strategy) || before.ratio != after.ratio;
    case 18:
        return !(before.strategyState == after.strategyState);
    case 19:
        return before.catchUpFrom != after.catchUpFrom;
    }
    return true;
}

} // namespace trailguard::StockColumns
