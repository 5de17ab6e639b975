#include "web/api/Api.h"

#include "web/api/AlertEndpoints.h"
#include "web/api/GuardianEventFeed.h"
#include "web/api/HistoryEndpoints.h"
#include "web/api/SettingsEndpoints.h"
#include "web/api/StatusEndpoints.h"
#include "web/api/WatchlistEndpoints.h"

namespace trailguard::Web {

std::vector<std::unique_ptr<ApiEndpoints>> makeApiEndpoints(const WebServices &services)
{
    std::vector<std::unique_ptr<ApiEndpoints>> groups;
    groups.push_back(std::make_unique<WatchlistEndpoints>(services));
    groups.push_back(std::make_unique<AlertEndpoints>(services));
    groups.push_back(std::make_unique<HistoryEndpoints>(services));
    groups.push_back(std::make_unique<StatusEndpoints>(services));
    if (services.secrets) // the settings need the secret store
        groups.push_back(std::make_unique<SettingsEndpoints>(services));
    return groups;
}

std::unique_ptr<EventFeed> makeEventFeed(const WebServices &services)
{
    return std::make_unique<GuardianEventFeed>(services);
}

} // namespace trailguard::Web
