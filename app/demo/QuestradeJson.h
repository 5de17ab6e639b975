#pragma once

#include "demo/FakeQuestradeServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <optional>

namespace trailguard::QuestradeJson {

// What the fake server knows about one symbol: its listing, the latest quote and the session
// statistics derived from the quotes it was given.
struct Listing {
    std::optional<FakeQuestradeServer::Symbol> symbol; // empty: quoted but never added
    std::optional<FakeQuestradeServer::Quote> quote;
    std::optional<double> previousClose; // the first price seen
    std::optional<double> open;
    std::optional<double> high;
    std::optional<double> low;
    std::optional<double> high52w;
    std::optional<double> low52w;
    std::optional<double> lastPrice; // for lastTradeTick
    QString tick = QStringLiteral("Equal");
    qint64 volume = 0;
    double turnover = 0.0; // sum of price x size, for VWAP
};

// Stores the quote and, when it has a price, updates the session statistics as one 100-share trade.
void applyQuote(Listing &listing, const FakeQuestradeServer::Quote &quote);

// Questrade's time zone, America/Toronto (a fixed -05:00 if the time zone database lacks it).
QTimeZone torontoZone();
// ISO 8601 with six fractional digits and the Toronto offset: "2024-05-14T15:59:58.812000-04:00".
QString time(const QDateTime &instant);

QJsonObject quote(const Listing &listing);        // the Quote record of §3
QJsonObject equitySymbol(const Listing &listing); // the EquitySymbol record of §2a
QJsonObject symbolDetail(const Listing &listing); // the SymbolDetail record of §2b (stock fields)
// TSX, TSXV, NYSE and NASDAQ with the regular session [start, end]; the extended session runs from
// 2 h 30 min before the start to 4 h after the end (07:00-20:00 for the default 09:30-16:00).
QJsonArray markets(const QDateTime &start, const QDateTime &end);

// The Account record of §6 (`number` as text).
QJsonObject account(const FakeQuestradeServer::Account &account);
// The Position record of §6, with the real lower-case `openPnl`/`closedPnl`; empty optionals are left out.
QJsonObject position(const FakeQuestradeServer::Position &position);

} // namespace trailguard::QuestradeJson
