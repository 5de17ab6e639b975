#pragma once

#include "common/Result.h"
#include "domain/StockState.h"
#include "web/ApiTypes.h"

namespace trailguard::Web {

// /api/v1/watchlist: list, add, edit (ratio, strategy, entry, reset peak) and remove, through the
// WatchlistService the window and the CLI use, so the running guardian follows at once.
class WatchlistEndpoints : public ApiEndpoints {
public:
    explicit WatchlistEndpoints(const WebServices &services);
    bool handle(const ApiRequest &request, const Respond &respond) override;

private:
    // The watched stock `ticker` (any spelling Ticker::normalize accepts), or UnknownTicker.
    Result<StockState> watched(const QString &ticker) const;
    ApiResponse list() const;
    ApiResponse add(const QByteArray &body);
    ApiResponse edit(const QString &ticker, const QByteArray &body);
    ApiResponse remove(const QString &ticker);

    WebServices m_services;
};

} // namespace trailguard::Web
