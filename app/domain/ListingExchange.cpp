#include "domain/ListingExchange.h"

namespace trailguard::ListingExchange {

namespace {
struct Suffix {
    QLatin1StringView suffix; // as users or Questrade write it, without the dot
    QLatin1StringView questradeSuffix;
    QLatin1StringView exchange;
    QStringList exchanges;
};

const QList<Suffix> &canadianSuffixes()
{
    static const QList<Suffix> suffixes{
        {QLatin1StringView("TO"), QLatin1StringView("TO"), QLatin1StringView("TSX"), {QStringLiteral("TSX")}},
        {QLatin1StringView("V"),
         QLatin1StringView("VN"),
         QLatin1StringView("TSXV"),
         {QStringLiteral("TSXV")}},
        {QLatin1StringView("VN"),
         QLatin1StringView("VN"),
         QLatin1StringView("TSXV"),
         {QStringLiteral("TSXV")}},
        {QLatin1StringView("CN"),
         QLatin1StringView("CN"),
         QLatin1StringView("CNSX"),
         {QStringLiteral("CNSX"), QStringLiteral("CSE")}},
        {QLatin1StringView("CNSX"),
         QLatin1StringView("CN"),
         QLatin1StringView("CNSX"),
         {QStringLiteral("CNSX"), QStringLiteral("CSE")}},
        {QLatin1StringView("NE"),
         QLatin1StringView("NE"),
         QLatin1StringView("NEO"),
         {QStringLiteral("NEO"), QStringLiteral("NEOE"), QStringLiteral("CBOE CANADA")}},
    };
    return suffixes;
}

const QStringList &usExchanges()
{
    static const QStringList exchanges{QStringLiteral("NYSE"), QStringLiteral("NASDAQ"),
                                       QStringLiteral("ARCA"), QStringLiteral("NYSEAM"),
                                       QStringLiteral("BATS"), QStringLiteral("AMEX")};
    return exchanges;
}
} // namespace

QString canonicalSymbol(const QString &symbol)
{
    return symbol.trimmed().toUpper().replace(QLatin1Char('-'), QLatin1Char('.'));
}

TickerListing forTicker(const QString &ticker)
{
    const QString symbol = canonicalSymbol(ticker);
    const qsizetype dot = symbol.lastIndexOf(QLatin1Char('.'));
    if (dot > 0) {
        const QString suffix = symbol.mid(dot + 1);
        const QString base = symbol.left(dot);
        for (const Suffix &known : canadianSuffixes()) {
            if (suffix == known.suffix) {
                return {base, base + QLatin1Char('.') + known.questradeSuffix, QString(known.exchange),
                        known.exchanges, true};
            }
        }
    }
    return {symbol, symbol, QStringLiteral("NYSE"), usExchanges(), false};
}

QString userTicker(const QString &questradeSymbol)
{
    QString ticker = questradeSymbol.trimmed().toUpper();
    if (ticker.endsWith(QLatin1String(".VN")))
        ticker.chop(1);
    return ticker;
}

bool isCanadianExchange(const QString &listingExchange)
{
    static const QStringList others{QStringLiteral("TSE"), QStringLiteral("TSX-V"), QStringLiteral("CDNX"),
                                    QStringLiteral("MX")};
    const QString exchange = listingExchange.trimmed().toUpper();
    if (others.contains(exchange))
        return true;
    for (const Suffix &known : canadianSuffixes()) {
        if (known.exchanges.contains(exchange))
            return true;
    }
    return false;
}

} // namespace trailguard::ListingExchange
