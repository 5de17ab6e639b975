#pragma once

#include "broker/BrokerTypes.h"
#include "broker/QuestradeParsing.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// How a watchlist ticker maps to a Questrade listing; which suffix means which exchange is
// ListingExchange's business (the one map), this file picks among the listings Questrade answered.
namespace trailguard::SymbolMatching {

struct Query {
    QString ticker;        // as on the watchlist, upper case
    QString base;          // the ticker without its exchange suffix, e.g. "SHOP" for "SHOP.TO"
    QString symbol;        // the exact Questrade symbol to pick, e.g. "SHOP.TO", "ABC.VN", "BRK.B"
    QStringList exchanges; // acceptable listingExchange values, most preferred first
    bool canadian = false; // false: a US listing (other non-Canadian listings as a last resort)
};

// "SHOP.TO" → {base "SHOP", symbol "SHOP.TO", exchanges [TSX]}; "ABC.V" → {"ABC", "ABC.VN", [TSXV]};
// "XYZ.CN" → {"XYZ", "XYZ.CN", [CNSX, CSE]}; "XYZ.NE" → {"XYZ", "XYZ.NE", [NEO, ...]}; "AAPL" → {"AAPL",
// "AAPL", [NYSE, NASDAQ, ARCA, NYSEAM, BATS, …]}.
Query queryFor(const QString &ticker);

// The candidate whose symbol equals query.symbol exactly ('-' and '.' count as the same) on an acceptable
// exchange (an empty listingExchange is accepted), skipping options and entries marked not quotable.
// Empty when there is none: the ticker is "not found".
std::optional<SymbolInfo> pick(const Query &query,
                               const QList<QuestradeParsing::SymbolCandidate> &candidates);

// Up to `count` of `candidates` that a user who typed query.ticker most likely meant, best first: the
// same base on any exchange ("ENB" and "ENB.TO" for "ENB.XX" or "ENB.V"), then symbols starting with
// the same root (preferred series, classes: "ENB.PF.A"), then the rest, each group in Questrade's order.
// Options, unquotable entries and repeats are left out. For a "not found" message.
QList<SymbolInfo> closest(const Query &query, const QList<QuestradeParsing::SymbolCandidate> &candidates,
                          int count);

} // namespace trailguard::SymbolMatching
