#include "runners/GuardianWeb.h"

#include "runners/GuardianAlerts.h"
#include "runners/GuardianCore.h"
#include "runners/RunnersLogging.h"
#include "settings/AppPaths.h"
#include "settings/Settings.h"
#include "web/server/WebDashboard.h"

namespace trailguard::Runners {

Web::WebServices webServicesOf(GuardianCore &core)
{
    Web::WebServices services;
    services.clock = &core.clock();
    services.database = &core.database();
    services.settings = &core.settings();
    services.watchlist = &core.watchlist();
    services.monitor = &core.monitor();
    services.stream = core.stream();
    services.alerts = &core.alerting().alerts();
    services.outbox = &core.alerting().outbox();
    services.dispatcher = &core.alerting().dispatcher();
    services.acknowledger = &core.alerting().acknowledger();
    services.health = &core.alerting().health();
    services.secrets = &core.secrets();
    services.applySettings = [&core] { core.applySettings(); };
    return services;
}

Result<std::unique_ptr<Web::WebDashboard>> startWebDashboard(GuardianCore &core)
{
    Web::WebDashboard::Options options;
    options.listen = core.options().global.web;
    if (options.listen.isEmpty())
        options.listen = core.settings().webListen();
    if (options.listen.isEmpty())
        return std::unique_ptr<Web::WebDashboard>();
    options.selfSigned = core.options().global.webSelfSigned;
    options.dataDir = core.paths().dataDir;
    options.environment = core.options().environment;
    Result<std::unique_ptr<Web::WebDashboard>> dashboard =
        Web::WebDashboard::start(webServicesOf(core), options);
    if (dashboard.ok()) {
        qCInfo(lcRunners).noquote() << "Web dashboard:" << dashboard.value()->url();
        if (!dashboard.value()->fingerprint().isEmpty())
            qCInfo(lcRunners).noquote()
                << "Web dashboard TLS certificate SHA-256 fingerprint:" << dashboard.value()->fingerprint();
    }
    return dashboard;
}

} // namespace trailguard::Runners
