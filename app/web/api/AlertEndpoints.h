#pragma once

#include "web/ApiTypes.h"

namespace trailguard::Web {

// /api/v1/alerts: the recent alerts with their deliveries, acknowledging one (recorded once, from "web"),
// and snoozing its ticker (WatchlistService::snooze, as the window does).
class AlertEndpoints : public ApiEndpoints {
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaximumLimit = 1000;

    explicit AlertEndpoints(const WebServices &services);
    bool handle(const ApiRequest &request, const Respond &respond) override;

private:
    ApiResponse list(const QUrlQuery &query) const;
    ApiResponse acknowledge(qint64 alertId);
    ApiResponse snooze(qint64 alertId, const QByteArray &body);

    WebServices m_services;
};

} // namespace trailguard::Web
