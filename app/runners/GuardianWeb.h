#pragma once

#include "common/Result.h"
#include "web/ApiTypes.h"

#include <memory>

namespace trailguard::Web {
class WebDashboard;
}

namespace trailguard::Runners {

class GuardianCore;

// The web dashboard over an opened GuardianCore: the parts it works with, and the dashboard itself when
// `--web` or the setting web/listen asks for one (null otherwise). The error says what to set.
Web::WebServices webServicesOf(GuardianCore &core);
Result<std::unique_ptr<Web::WebDashboard>> startWebDashboard(GuardianCore &core);

} // namespace trailguard::Runners
