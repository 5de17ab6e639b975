#pragma once

#include "common/Result.h"
#include "web/ApiTypes.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>

#include <memory>

namespace trailguard::Web {

class WebServer;

// Where to listen: "[ADDRESS:]PORT" ("8080", "0.0.0.0:8443", "[::1]:8080"); the address defaults to
// 127.0.0.1.
struct ListenAddress {
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;

    static Result<ListenAddress> parse(const QString &text);
    // Only this computer can connect (127.0.0.0/8, ::1).
    bool isLoopback() const { return address.isLoopback(); }
};

// The dashboard a guardian serves (`--web`, or web/listen): checks what must be set before anything
// listens (a password; TLS for an address other computers reach), then builds the endpoints, the event feed
// and the server over the running guardian's parts.
class WebDashboard {
    Q_DECLARE_TR_FUNCTIONS(WebDashboard)
public:
    struct Options {
        QString listen;          // --web, else the setting web/listen; empty: no dashboard
        bool selfSigned = false; // --web-self-signed, or the setting web/selfSigned
        QString dataDir;         // where a self-signed certificate is kept
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    };

    ~WebDashboard();

    static Result<std::unique_ptr<WebDashboard>> start(const WebServices &services, const Options &options);

    QString url() const;
    // The self-signed or given certificate's SHA-256 fingerprint; empty without TLS.
    QString fingerprint() const { return m_fingerprint; }
    WebServer &server() { return *m_server; }

private:
    WebDashboard() = default;

    std::unique_ptr<EventFeed> m_feed;
    std::unique_ptr<WebServer> m_server;
    QString m_fingerprint;
};

} // namespace trailguard::Web
