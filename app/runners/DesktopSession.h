#pragma once

#include "cli/CommandLine.h"
#include "common/Result.h"

#include <QObject>

#include <memory>

namespace trailguard {
class SecretRedactor;
}

namespace trailguard::Runners {

// Everything one desktop run needs, built in order and torn down in reverse: the database and watchlist,
// the secret store, the Questrade session and monitor, the alert outbox and its channels, the window and
// the tray. A demo session uses the simulated market, an in-memory secret store and its own watchlist.
class DesktopSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        Cli::GlobalOptions global;
        bool demo = false;
    };

    DesktopSession(Options options, SecretRedactor &redactor, QObject *parent = nullptr);
    ~DesktopSession() override;

    // Opens everything and shows the window. An error (database, demo port) says what to do.
    Status start();

Q_SIGNALS:
    // The first look at the saved Questrade connection found none.
    void notConnectedAtStart();
    // The user asked for the demo market (banner button).
    void demoRequested();

private:
    struct Parts;
    void connectChannels();
    void wireSettingsAndHistory();

    Options m_options;
    SecretRedactor &m_redactor;
    std::unique_ptr<Parts> m_parts;
};

} // namespace trailguard::Runners
