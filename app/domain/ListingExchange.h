#pragma once

#include <QString>
#include <QStringList>

// The one map from a ticker's suffix to the exchange that lists it (every place that needs it asks here).
// Questrade's symbology: TSX listings end in ".TO", TSX Venture in ".VN", CSE in ".CN", NEO (Cboe Canada)
// in ".NE"; US listings have no suffix; share classes use '.' ("BRK.B", "BBD.B.TO"). Users write ".V" for
// the Venture and often '-' for classes (Yahoo style, "BBD-B.TO").
namespace trailguard::ListingExchange {

struct TickerListing {
    QString base;          // the ticker without its exchange suffix: "SHOP", "BBD.B" (of "BBD-B.TO"), "BRK.B"
    QString symbol;        // the Questrade symbol: "SHOP.TO", "ABC.VN", "XYZ.NE", "BBD.B.TO", "BRK.B"
    QString exchange;      // "TSX", "TSXV", "CNSX", "NEO"; "NYSE" stands for every US exchange
    QStringList exchanges; // listingExchange values Questrade may give the listing, most likely first
    bool canadian = false; // false: a US listing
};

// "SHOP.TO" → {SHOP, SHOP.TO, TSX}; "ABC.V" and "ABC.VN" → {ABC, ABC.VN, TSXV}; "XYZ.CN" → {XYZ, XYZ.CN,
// CNSX}; "XYZ.NE" → {XYZ, XYZ.NE, NEO}; "AAPL", "BRK.B" and any unknown suffix → a US listing.
TickerListing forTicker(const QString &ticker);

// The ticker as users write it for a Questrade symbol: ".VN" becomes ".V"; everything else is kept.
QString userTicker(const QString &questradeSymbol);

// Whether Questrade's listingExchange names a Canadian venue (TSX, TSXV, CNSX/CSE, NEO, MX, ...).
bool isCanadianExchange(const QString &listingExchange);

// '-' and '.' count as the same in share classes; upper case, trimmed.
QString canonicalSymbol(const QString &symbol);

} // namespace trailguard::ListingExchange
