#include "cli/PositionsReport.h"
#include "cli/JsonValues.h"

#include "cli/CellText.h"
#include "cli/TextTable.h"

#include <QJsonObject>

#include <optional>

namespace trailguard::Cli {

namespace {
QString formatNumber(std::optional<double> value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : CellText::unknown();
}

QString kindName(PositionMapping::Kind kind)
{
    switch (kind) {
    case PositionMapping::Kind::Stock:
        return QStringLiteral("stock");
    case PositionMapping::Kind::Short:
        return QStringLiteral("short");
    case PositionMapping::Kind::Option:
        return QStringLiteral("option");
    case PositionMapping::Kind::Closed:
        return QStringLiteral("closed");
    case PositionMapping::Kind::Unsupported:
        break;
    }
    return QStringLiteral("unsupported");
}
} // namespace

QJsonArray PositionsReport::toJson(const QList<AccountPositions> &accounts, const QStringList &watchedTickers)
{
    QJsonArray array;
    for (const auto &[account, positions] : accounts) {
        QJsonArray positionArray;
        for (const BrokerPosition &position : positions) {
            const PositionMapping::Kind kind = PositionMapping::kindOf(position);
            const bool watchable =
                kind != PositionMapping::Kind::Option && kind != PositionMapping::Kind::Unsupported;
            QJsonObject object;
            object.insert(QStringLiteral("symbol"), position.symbol);
            object.insert(QStringLiteral("symbolId"), position.symbolId);
            object.insert(QStringLiteral("ticker"),
                          watchable ? QJsonValue(PositionMapping::tickerFor(position.symbol, watchedTickers))
                                    : QJsonValue(QJsonValue::Null));
            object.insert(QStringLiteral("kind"), kindName(kind));
            object.insert(QStringLiteral("openQuantity"), position.openQuantity);
            object.insert(QStringLiteral("averageEntryPrice"), jsonNumber(position.averageEntryPrice));
            object.insert(QStringLiteral("currentPrice"), jsonNumber(position.currentPrice));
            object.insert(QStringLiteral("currentMarketValue"), jsonNumber(position.currentMarketValue));
            object.insert(QStringLiteral("openPnl"), jsonNumber(position.openPnl));
            object.insert(QStringLiteral("totalCost"), jsonNumber(position.totalCost));
            object.insert(QStringLiteral("currency"), PositionMapping::currencyFor(position.symbol));
            positionArray.append(object);
        }
        QJsonObject object;
        object.insert(QStringLiteral("number"), account.number);
        object.insert(QStringLiteral("type"), account.type);
        object.insert(QStringLiteral("status"), account.status);
        object.insert(QStringLiteral("positions"), positionArray);
        array.append(object);
    }
    return array;
}

QString PositionsReport::toTable(const QList<AccountPositions> &accounts)
{
    if (accounts.isEmpty())
        return tr("This Questrade login has no accounts.") + QLatin1Char('\n');

    using Align = TextTable::Align;
    TextTable table(
        {tr("Account"), tr("Type"), tr("Symbol"), tr("Quantity"), tr("Avg entry"), tr("Market value"),
         tr("Open P/L"), tr("Currency")},
        {Align::Left, Align::Left, Align::Left, Align::Right, Align::Right, Align::Right, Align::Right});
    QStringList empty;
    for (const auto &[account, positions] : accounts) {
        if (positions.isEmpty())
            empty.append(tr("Account %1 (%2) holds no positions.").arg(account.number, account.type));
        for (const BrokerPosition &position : positions) {
            table.addRow({account.number, account.type, position.symbol, quantity(position.openQuantity),
                          CellText::price(position.averageEntryPrice),
                          formatNumber(position.currentMarketValue, 2), formatNumber(position.openPnl, 2),
                          PositionMapping::currencyFor(position.symbol)});
        }
    }
    QString text = table.rowCount() > 0 ? table.text() : QString();
    for (const QString &line : std::as_const(empty))
        text += line + QLatin1Char('\n');
    return text;
}

QString PositionsReport::quantity(double quantity)
{
    return QString::number(quantity, 'g', 12);
}

QString PositionsReport::skipReason(PositionMapping::Kind kind)
{
    switch (kind) {
    case PositionMapping::Kind::Short:
        return tr("a short position (a stop below the price does not protect it)");
    case PositionMapping::Kind::Option:
        return tr("an option, not a stock");
    case PositionMapping::Kind::Closed:
        return tr("closed (no open quantity)");
    case PositionMapping::Kind::Unsupported:
        return tr("not a ticker Trailguard can watch");
    case PositionMapping::Kind::Stock:
        break;
    }
    return tr("already watched (its peak, stop and entry are kept)");
}

} // namespace trailguard::Cli
