#include "portfolio/PositionMapping.h"

#include "broker/SymbolMatching.h"
#include "domain/Ticker.h"

#include <QRegularExpression>

namespace trailguard::PositionMapping {

namespace {
QString suffixOf(const QString &symbol)
{
    const qsizetype dot = symbol.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? symbol.mid(dot + 1).toUpper() : QString();
}
} // namespace

QString defaultTicker(const QString &questradeSymbol)
{
    QString ticker = questradeSymbol.trimmed().toUpper();
    if (ticker.endsWith(QLatin1String(".VN")))
        ticker.chop(1);
    return ticker;
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
    const QString symbol = questradeSymbol.trimmed().toUpper();
    const QString suffix = suffixOf(symbol);
    static const QStringList canadian{QStringLiteral("TO"), QStringLiteral("VN"), QStringLiteral("V"),
                                      QStringLiteral("CN"), QStringLiteral("NE")};
    if (!canadian.contains(suffix))
        return QStringLiteral("USD");
    const QString base = symbol.left(symbol.size() - suffix.size() - 1);
    return base.endsWith(QLatin1String(".U")) ? QStringLiteral("USD") : QStringLiteral("CAD");
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
