#include "broker/SymbolMatching.h"

namespace trailguard::SymbolMatching {

namespace {
QString canonical(const QString &symbol)
{
    return symbol.trimmed().toUpper().replace(QLatin1Char('-'), QLatin1Char('.'));
}

const QStringList &canadianExchanges()
{
    static const QStringList exchanges{QStringLiteral("TSX"), QStringLiteral("TSXV"), QStringLiteral("CNSX"),
                                       QStringLiteral("CSE"), QStringLiteral("NEO"),  QStringLiteral("MX")};
    return exchanges;
}

const QStringList &usExchanges()
{
    static const QStringList exchanges{QStringLiteral("NYSE"), QStringLiteral("NASDAQ"),
                                       QStringLiteral("ARCA"), QStringLiteral("NYSEAM"),
                                       QStringLiteral("BATS"), QStringLiteral("AMEX")};
    return exchanges;
}

// Lower is better; -1: not acceptable.
int rank(const Query &query, const QuestradeParsing::SymbolCandidate &candidate)
{
    const QString exchange = candidate.listingExchange.trimmed().toUpper();
    if (exchange.isEmpty())
        return static_cast<int>(query.exchanges.size()); // unknown exchange: after every named one
    const qsizetype index = query.exchanges.indexOf(exchange);
    if (index >= 0)
        return static_cast<int>(index);
    if (!query.canadian && !canadianExchanges().contains(exchange))
        return static_cast<int>(query.exchanges.size()) + 1; // e.g. PinkSheets: only when nothing better
    return -1;
}
} // namespace

Query queryFor(const QString &ticker)
{
    Query query;
    query.ticker = ticker.trimmed().toUpper();
    const QString symbol = canonical(query.ticker);
    const qsizetype dot = symbol.lastIndexOf(QLatin1Char('.'));
    const QString suffix = dot > 0 ? symbol.mid(dot + 1) : QString();
    const QString base = dot > 0 ? symbol.left(dot) : symbol;

    if (suffix == QStringLiteral("TO")) {
        query = {query.ticker, base, base + QStringLiteral(".TO"), {QStringLiteral("TSX")}, true};
    } else if (suffix == QStringLiteral("V") || suffix == QStringLiteral("VN")) {
        query = {query.ticker, base, base + QStringLiteral(".VN"), {QStringLiteral("TSXV")}, true};
    } else if (suffix == QStringLiteral("CN")) {
        query = {query.ticker,
                 base,
                 base + QStringLiteral(".CN"),
                 {QStringLiteral("CNSX"), QStringLiteral("CSE")},
                 true};
    } else {
        query = {query.ticker, symbol, symbol, usExchanges(), false};
    }
    return query;
}

std::optional<SymbolInfo> pick(const Query &query, const QList<QuestradeParsing::SymbolCandidate> &candidates)
{
    const QuestradeParsing::SymbolCandidate *best = nullptr;
    int bestRank = -1;
    for (const QuestradeParsing::SymbolCandidate &candidate : candidates) {
        if (canonical(candidate.symbol) != query.symbol)
            continue;
        if (candidate.securityType.compare(QStringLiteral("Option"), Qt::CaseInsensitive) == 0)
            continue;
        if (candidate.isQuotable == false)
            continue;
        const int candidateRank = rank(query, candidate);
        if (candidateRank < 0)
            continue;
        if (!best || candidateRank < bestRank) {
            best = &candidate;
            bestRank = candidateRank;
        }
    }
    if (!best)
        return std::nullopt;
    return SymbolInfo{query.ticker,   best->symbol,          best->symbolId,
                      best->currency, best->listingExchange, best->description};
}

} // namespace trailguard::SymbolMatching
