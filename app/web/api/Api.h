#pragma once

#include "web/ApiTypes.h"

#include <memory>
#include <vector>

namespace trailguard::Web {

// The /api/v1/ endpoint groups (watchlist, alerts, history, status, settings) over the running guardian's
// parts, in the order the server asks them.
std::vector<std::unique_ptr<ApiEndpoints>> makeApiEndpoints(const WebServices &services);

// The events the browsers are sent (see EventFeed), fed by the guardian's signals.
std::unique_ptr<EventFeed> makeEventFeed(const WebServices &services);

} // namespace trailguard::Web
