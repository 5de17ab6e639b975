#pragma once

#include "cli/CommandLine.h"
#include "common/Result.h"

#include <QObject>

#include <memory>
#include <optional>

namespace trailguard {
class SecretRedactor;
}

namespace trailguard::Runners {

// One desktop run: the guardian's core (GuardianCore, in Window mode) with the window and the tray attached
// to it. A demo session uses the simulated market, an in-memory secret store and its own watchlist.
class DesktopSession : public QObject {
    Q_OBJECT
public:
    struct Options {
        Cli::GlobalOptions global;
        bool demo = false;
        // The welcome step to open at once: the demo replaced a window whose welcome was open.
        std::optional<int> welcomePage;
    };

    DesktopSession(Options options, SecretRedactor &redactor, QObject *parent = nullptr);
    ~DesktopSession() override;

    // Opens everything and shows the window. An error (database, demo port) says what to do.
    Status start();
    // Shows, raises and activates the window (another launch asked for it, see SingleInstance).
    void raiseWindow();
    // Writes what is only in memory (window layout, settings) now: before quitting and when the desktop
    // session ends. The watchlist and the outbox are in the database already, one transaction per change.
    void flushPendingWrites();
    // start() failed because another process watches the data folder (see DataFolderLock).
    bool dataFolderInUse() const;
    // Lets a token exchange in flight finish and be stored before quitting (see FinishTokenExchange.h).
    void finishTokenExchange();
    // The step of the welcome while it is open (WelcomeWizard::PageId), else empty.
    std::optional<int> welcomePage() const;

Q_SIGNALS:
    // The first look at the saved Questrade connection found none.
    void notConnectedAtStart();
    // The user asked for the demo market (banner button).
    void demoRequested();

private:
    struct Parts;
    void wireSettingsAndHistory();

    Options m_options;
    SecretRedactor &m_redactor;
    std::unique_ptr<Parts> m_parts;
};

} // namespace trailguard::Runners
