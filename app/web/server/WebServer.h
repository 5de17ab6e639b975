#pragma once

#include "common/Result.h"
#include "web/ApiTypes.h"
#include "web/server/ConnectionGuard.h"
#include "web/server/HostCheck.h"
#include "web/server/StaticAssets.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QSslConfiguration>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace trailguard::Web {

class ApiGate;
class CodeAckGate;

// The dashboard's HTTP(S) server over Qt HttpServer: it owns the dispatch (so it can answer later and keep
// event streams open) and puts the same rules on every request: the Host check, the body limit, the security
// headers; then /api/ goes to the ApiGate and every other GET to the page's compiled-in files.
class WebServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    struct Config {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0; // 0: any free port (tests)
        std::optional<QSslConfiguration> tls;
        QStringList hostNames; // besides IP addresses and localhost
        std::chrono::minutes sessionIdle{30};
        std::chrono::milliseconds keepAlive{15'000};
        qint64 maxBodyBytes = 64 * 1024;
        ConnectionLimits limits;
        QString assetRoot = QStringLiteral(":/web");
    };

    WebServer(Config config, Settings &settings, const Clock &clock, HealthWatch *health,
              std::vector<std::unique_ptr<ApiEndpoints>> endpoints, EventFeed *feed,
              QObject *parent = nullptr);
    ~WebServer() override;

    // Starts listening; the error says why it cannot (the port is taken, ...).
    Status start();
    quint16 port() const { return m_port; }
    bool isSecure() const { return m_config.tls.has_value(); }
    // "http://127.0.0.1:8080/" (a wildcard address shows as this machine's name).
    QString url() const;
    ApiGate &api() { return *m_api; }
    // Serves the one-time acknowledgement routes (/ack/<code>, /api/v1/ack/<code>); without it they are 404.
    void setCodeAckGate(std::unique_ptr<CodeAckGate> gate);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Config m_config;
    HostCheck m_hostCheck;
    StaticAssets m_assets;
    std::unique_ptr<ApiGate> m_api;
    std::unique_ptr<CodeAckGate> m_codeAck;
    quint16 m_port = 0;
};

} // namespace trailguard::Web
