#include "web/api/Api.h"

namespace trailguard::Web {

std::vector<std::unique_ptr<ApiEndpoints>> makeApiEndpoints(const WebServices &services)
{
    Q_UNUSED(services);
    return {};
}

std::unique_ptr<EventFeed> makeEventFeed(const WebServices &services)
{
    Q_UNUSED(services);
    return std::make_unique<EventFeed>();
}

} // namespace trailguard::Web
