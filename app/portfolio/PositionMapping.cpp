#include "portfolio/PositionMapping.h"

#include "broker/SymbolMatching.h"
#include "domain/ListingExchange.h"
#include "domain/Ticker.h"

#include <QRegularExpression>

namespace trailguard::PositionMapping {

QString defaultTicker(const QString &questradeSymbol)
{
    return ListingExchange::userTicker(questradeSymbol);
}

QString tickerFor(const QString &questradeSymbol, const QStringList &watchedTickers)
{
    const QString listing = SymbolMatching::queryFor(questradeSymbol).symbol;
    for (const QString &watched : watchedTickers) {
        if (SymbolMatching::queryFor(watched).symbol == listing)
            return watched;
    }
    return defaultTicker(questradeSymbol);
}

bool isOptionSymbol(const QString &questradeSymbol)
{
    static const QRegularExpression option(
        QStringLiteral("^[A-Z][A-Z0-9.]*\\d{1,2}[A-Z][a-z]{2}\\d{2}[CP]\\d+(\\.\\d+)?$"));
    return option.match(questradeSymbol.trimmed()).hasMatch();
}

QString currencyFor(const QString &questradeSymbol)
{
    const ListingExchange::TickerListing listing = ListingExchange::forTicker(questradeSymbol);
    if (!listing.canadian)
        return QStringLiteral("USD");
    return listing.base.endsWith(QLatin1String(".U")) ? QStringLiteral("USD") : QStringLiteral("CAD");
}

Kind kindOf(const BrokerPosition &position)
{
    if (isOptionSymbol(position.symbol))
        return Kind::Option;
    if (position.openQuantity < 0)
        return Kind::Short;
    if (position.openQuantity == 0)
        return Kind::Closed;
    if (!Ticker::normalize(defaultTicker(position.symbol)).ok())
        return Kind::Unsupported;
    return Kind::Stock;
}

} // namespace trailguard::PositionMapping
