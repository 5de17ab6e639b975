#pragma once

#include "broker/BrokerTypes.h"

#include <QString>
#include <QStringList>

// How a Questrade position becomes a watchlist row: which positions can be watched at all, the ticker
// they get, and their currency.
namespace trailguard::PositionMapping {

enum class Kind {
    Stock,       // a long stock or ETF position: importable
    Short,       // openQuantity < 0: a trailing stop below the price makes no sense for it
    Option,      // an option contract ("BAC18Oct19C29.00"): not a ticker the watchlist follows
    Closed,      // openQuantity 0: sold today, nothing held
    Unsupported, // a symbol that is not a valid ticker
};

// Questrade's symbol in the form users type: ".VN" (TSX Venture) becomes ".V"; ".TO", ".CN" and US
// symbols ("AAPL", "BRK.B") stay as they are. Upper case.
QString defaultTicker(const QString &questradeSymbol);
// The ticker of `questradeSymbol` on this watchlist: an already watched ticker naming the same listing
// ("ABC.VN" or "ABC.V", "BBD-B.TO" or "BBD.B.TO"), else defaultTicker().
QString tickerFor(const QString &questradeSymbol, const QStringList &watchedTickers);
// Option symbols: a root, an expiry date (DDMonYY), C or P, and a strike, e.g. "BAC18Oct19C29.00".
bool isOptionSymbol(const QString &questradeSymbol);
// The trading currency the listing implies: CAD on Canadian exchanges (".TO", ".VN", ".CN", ".NE"),
// except US-dollar units ("DLR.U.TO"); USD otherwise.
QString currencyFor(const QString &questradeSymbol);
Kind kindOf(const BrokerPosition &position);

} // namespace trailguard::PositionMapping
