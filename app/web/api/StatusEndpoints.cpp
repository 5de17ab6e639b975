#include "web/api/StatusEndpoints.h"

#include "web/api/ApiJson.h"
#include "web/api/StatusJson.h"

namespace trailguard::Web {

StatusEndpoints::StatusEndpoints(const WebServices &services)
    : m_services(services)
{}

bool StatusEndpoints::handle(const ApiRequest &request, const Respond &respond)
{
    if (request.path != QStringList{QStringLiteral("status")})
        return false;
    respond(request.method == "GET" ? ApiResponse::json(200, StatusJson::toJson(m_services))
                                    : ApiResponse::error(405, ApiText::tr("Use GET on /api/v1/status.")));
    return true;
}

} // namespace trailguard::Web
