#pragma once

#include "web/ApiTypes.h"

namespace trailguard::Web {

// GET /api/v1/status: the guardian's health for the page (StatusJson).
class StatusEndpoints : public ApiEndpoints {
public:
    explicit StatusEndpoints(const WebServices &services);
    bool handle(const ApiRequest &request, const Respond &respond) override;

private:
    WebServices m_services;
};

} // namespace trailguard::Web
