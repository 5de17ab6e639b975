#include "broker/SymbolMatching.h"

#include "domain/ListingExchange.h"

#include <QSet>

#include <algorithm>

namespace trailguard::SymbolMatching {

namespace {
using ListingExchange::canonicalSymbol;

bool isListing(const QuestradeParsing::SymbolCandidate &candidate)
{
    return candidate.securityType.compare(QStringLiteral("Option"), Qt::CaseInsensitive) != 0 &&
           candidate.isQuotable != false;
}

SymbolInfo infoOf(const QString &ticker, const QuestradeParsing::SymbolCandidate &candidate)
{
    return SymbolInfo{ticker,
                      candidate.symbol,
                      candidate.symbolId,
                      candidate.currency,
                      candidate.listingExchange,
                      candidate.description};
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
    if (!query.canadian && !ListingExchange::isCanadianExchange(exchange))
        return static_cast<int>(query.exchanges.size()) + 1; // e.g. PinkSheets: only when nothing better
    return -1;
}
} // namespace

Query queryFor(const QString &ticker)
{
    const ListingExchange::TickerListing listing = ListingExchange::forTicker(ticker);
    return {ticker.trimmed().toUpper(), listing.base, listing.symbol, listing.exchanges, listing.canadian};
}

std::optional<SymbolInfo> pick(const Query &query, const QList<QuestradeParsing::SymbolCandidate> &candidates)
{
    const QuestradeParsing::SymbolCandidate *best = nullptr;
    int bestRank = -1;
    for (const QuestradeParsing::SymbolCandidate &candidate : candidates) {
        if (canonicalSymbol(candidate.symbol) != query.symbol || !isListing(candidate))
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
    return infoOf(query.ticker, *best);
}

QList<SymbolInfo> closest(const Query &query, const QList<QuestradeParsing::SymbolCandidate> &candidates,
                          int count)
{
    // "ENB.XX" is an unknown suffix on "ENB", "BRK.C" an unknown class of "BRK": both bases count.
    const qsizetype lastDot = query.base.lastIndexOf(QLatin1Char('.'));
    const QStringList bases{query.base, lastDot > 0 ? query.base.left(lastDot) : query.base};
    const QString stem = query.base.section(QLatin1Char('.'), 0, 0);
    const auto closeness = [&bases, &stem](const QuestradeParsing::SymbolCandidate &candidate) {
        const QString symbol = canonicalSymbol(candidate.symbol);
        if (bases.contains(ListingExchange::forTicker(symbol).base))
            return 0;
        return symbol.startsWith(stem) ? 1 : 2;
    };
    QList<const QuestradeParsing::SymbolCandidate *> listings;
    QSet<qint64> seen;
    for (const QuestradeParsing::SymbolCandidate &candidate : candidates) {
        if (isListing(candidate) && !seen.contains(candidate.symbolId)) {
            seen.insert(candidate.symbolId);
            listings.append(&candidate);
        }
    }
    std::stable_sort(listings.begin(), listings.end(),
                     [&closeness](const auto *a, const auto *b) { return closeness(*a) < closeness(*b); });
    QList<SymbolInfo> infos;
    for (const auto *candidate : std::as_const(listings)) {
        if (infos.size() >= count)
            break;
        infos.append(infoOf(ListingExchange::userTicker(candidate->symbol), *candidate));
    }
    return infos;
}

} // namespace trailguard::SymbolMatching
