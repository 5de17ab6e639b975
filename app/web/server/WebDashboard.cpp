#include "web/server/WebDashboard.h"

#include "access/WebPassword.h"
#include "settings/Settings.h"
#include "web/WebLogging.h"
#include "web/api/Api.h"
#include "web/server/CodeAckGate.h"
#include "web/server/TlsFiles.h"
#include "web/server/WebServer.h"

namespace trailguard::Web {

namespace {
const QString kCertificateVariable = QStringLiteral("TRAILGUARD_WEB_CERT");
const QString kKeyVariable = QStringLiteral("TRAILGUARD_WEB_KEY");
} // namespace

Result<ListenAddress> ListenAddress::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    ListenAddress listen;
    QString portText = trimmed;
    if (const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        QString host = trimmed.left(colon);
        portText = trimmed.mid(colon + 1);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (host == QLatin1String("localhost"))
            host = QStringLiteral("127.0.0.1");
        if (!listen.address.setAddress(host))
            return Error{
                ErrorCode::InvalidArguments,
                WebDashboard::tr("\"%1\" is no IP address; use [ADDRESS:]PORT, for example 127.0.0.1:8080 "
                                 "or 0.0.0.0:8443.")
                    .arg(host)};
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535)
        return Error{
            ErrorCode::InvalidArguments,
            WebDashboard::tr("\"%1\" is no port; use [ADDRESS:]PORT, for example 8080 or 0.0.0.0:8443.")
                .arg(trimmed)};
    listen.port = quint16(port);
    return listen;
}

WebDashboard::~WebDashboard() = default;

Result<std::unique_ptr<WebDashboard>> WebDashboard::start(const WebServices &services, const Options &options)
{
    Q_ASSERT(services.settings && services.clock);
    Settings &settings = *services.settings;
    const Result<ListenAddress> listen = ListenAddress::parse(options.listen);
    if (!listen.ok())
        return listen.error();

    WebPassword password(settings);
    if (const Status fromEnvironment = password.applyEnvironment(options.environment); !fromEnvironment.ok())
        return fromEnvironment.error();
    if (!password.isSet())
        return Error{ErrorCode::InvalidSetting,
                     tr("The web dashboard needs a password: set one with `trailguard web password` or "
                        "TRAILGUARD_WEB_PASSWORD.")};

    WebServer::Config config;
    config.address = listen.value().address;
    config.port = listen.value().port;
    config.hostNames = settings.webHostNames();
    config.sessionIdle = settings.webSessionIdle();

    QString certificate = options.environment.value(kCertificateVariable, settings.webTlsCertificate());
    QString key = options.environment.value(kKeyVariable, settings.webTlsKey());
    std::optional<Result<TlsMaterial>> tls;
    if (!certificate.isEmpty() || !key.isEmpty())
        tls = TlsFiles::load(certificate, key);
    else if (options.selfSigned || settings.webSelfSigned())
        tls = TlsFiles::selfSigned(options.dataDir, config.address, config.hostNames);
    if (tls && !tls->ok())
        return tls->error();
    if (!tls && !listen.value().isLoopback())
        return Error{
            ErrorCode::InvalidSetting,
            tr("Serving the web dashboard on %1, which other computers can reach, needs TLS: set "
               "web/tlsCertificate and web/tlsKey (or TRAILGUARD_WEB_CERT and TRAILGUARD_WEB_KEY), or "
               "add --web-self-signed.")
                .arg(config.address.toString())};

    std::unique_ptr<WebDashboard> dashboard(new WebDashboard);
    if (tls) {
        config.tls = tls->value().configuration;
        dashboard->m_fingerprint = tls->value().fingerprint;
    }
    dashboard->m_feed = makeEventFeed(services);
    dashboard->m_server =
        std::make_unique<WebServer>(std::move(config), settings, *services.clock, services.health,
                                    makeApiEndpoints(services), dashboard->m_feed.get());
    if (services.acknowledger && services.alerts)
        dashboard->m_server->setCodeAckGate(
            std::make_unique<CodeAckGate>(*services.clock, *services.acknowledger, *services.alerts));
    if (const Status started = dashboard->m_server->start(); !started.ok())
        return started.error();
    return Result<std::unique_ptr<WebDashboard>>(std::move(dashboard));
}

QString WebDashboard::url() const
{
    return m_server->url();
}

} // namespace trailguard::Web
