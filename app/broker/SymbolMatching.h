#pragma once

#include "broker/BrokerTypes.h"
#include "broker/QuestradeParsing.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// How a watchlist ticker maps to a Questrade listing. Questrade's symbology: TSX listings end in ".TO",
// TSX Venture in ".VN", CSE in ".CN"; US listings have no suffix; share classes use '.' ("BRK.B",
// "BBD.B.TO"). Users write ".V" for the Venture and often '-' for classes (Yahoo style, "BBD-B.TO").
namespace trailguard::SymbolMatching {

struct Query {
    QString ticker;        // as on the watchlist, upper case
    QString prefix;        // what to send to v1/symbols/search, e.g. "SHOP" for "SHOP.TO"
    QString symbol;        // the exact Questrade symbol to pick, e.g. "SHOP.TO", "ABC.VN", "BRK.B"
    QStringList exchanges; // acceptable listingExchange values, most preferred first
    bool canadian = false; // false: a US listing (other non-Canadian listings as a last resort)
};

// "SHOP.TO" → {prefix "SHOP", symbol "SHOP.TO", exchanges [TSX]}; "ABC.V" → {"ABC", "ABC.VN", [TSXV]};
// "XYZ.CN" → {"XYZ", "XYZ.CN", [CNSX, CSE]}; "AAPL" → {"AAPL", "AAPL", [NYSE, NASDAQ, ARCA, NYSEAM, BATS,
// …]}.
Query queryFor(const QString &ticker);

// The candidate whose symbol equals query.symbol exactly ('-' and '.' count as the same) on an acceptable
// exchange (an empty listingExchange is accepted), skipping options and entries marked not quotable.
// Empty when there is none: the ticker is "not found".
std::optional<SymbolInfo> pick(const Query &query,
                               const QList<QuestradeParsing::SymbolCandidate> &candidates);

} // namespace trailguard::SymbolMatching
