#pragma once

#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "broker/BrokerTypes.h"
#include "cli/CommandLine.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "secrets/SecretStoreFactory.h"

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace trailguard {
class BrokerSession;
class Database;
class HoldingRepository;
class Monitor;
class Portfolio;
class PortfolioImport;
class PortfolioSync;
class PriceHistory;
class SecretRedactor;
class SecretStore;
class Settings;
class SimulatedMarket;
class StockRepository;
class StreamSession;
class WatchlistService;
struct AppPaths;
} // namespace trailguard

namespace trailguard::Runners {
class GuardianAlerts;

// The guardian itself, built once for every mode so the window, `--headless` and `--headless --once` cannot
// drift apart: database and watchlist, secret store, Questrade session and monitor, market hours, price
// history, streaming quotes, portfolio sync, the alert outbox with its dispatcher and channels, the health
// watch and the daily digest, all wired together. The runners choose the mode and attach their outputs
// (the window and tray, or the log) to the signals and accessors; they build nothing of the core themselves.
class GuardianCore : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        Window,   // the desktop window: channels from the settings and the secret store
        Headless, // `--headless`: channels from the environment, a misconfigured one is fatal
        Once,     // `--headless --once`: one check, one attempt at every pending delivery, then done
    };

    struct Options {
        Mode mode = Mode::Window;
        // --data-dir, --demo, --interval, --no-stream (the demo keeps its own folder, see DemoSetup).
        Cli::GlobalOptions global;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Tests only: the secret store to use instead of the one the environment picks (not owned).
        SecretStore *secretStore = nullptr;
        // How long to wait before reading again a channel secret the keychain could not give.
        std::chrono::milliseconds keychainRetry{30'000};
    };

    GuardianCore(Options options, SecretRedactor &redactor, QObject *parent = nullptr);
    ~GuardianCore() override;

    // Locks the data folder (one monitoring process per folder, see DataFolderLock), then builds everything,
    // in order; nothing runs yet. An error (folder in use, database, demo port, a misconfigured channel in
    // headless mode) says what to do.
    Status open();
    // The last open() failed because another process watches the data folder (exit with
    // Cli::kExitDataFolderInUse).
    bool dataFolderInUse() const { return m_dataFolderInUse; }
    // The enabled channels whose secret the keychain could not give yet: their deliveries wait, and are sent
    // once it can (read again every Options::keychainRetry).
    QStringList waitingForKeychain() const;
    // Connects to Questrade (or the demo market) and starts what the mode runs.
    void start();
    // Stops checking and sending (a signal or quitting).
    void stop();
    // The window's settings were saved: applies them at once (interval, market hours, quiet hours, digest,
    // streaming, channels).
    void applySettings();

    const Options &options() const { return m_options; }
    const Clock &clock() const { return m_clock; }
    const AppPaths &paths() const;
    Database &database();
    Settings &settings();
    WatchlistService &watchlist();
    SecretStore &secrets();
    // Empty, or why secrets will not survive a restart (see SecretStoreChoice).
    QString secretStoreNotice() const;
    SimulatedMarket *market(); // null unless --demo
    // After the event loop returned: lets a token exchange in flight be stored (FinishTokenExchange.h).
    void finishTokenExchange();
    BrokerSession &session();
    Monitor &monitor();
    StreamSession *stream(); // null in --once and headless --no-stream runs
    PriceHistory &history();
    // The outbox, dispatcher, channels, acknowledgements, escalation, health watch and digest.
    GuardianAlerts &alerting();
    HoldingRepository &holdings();
    Portfolio &portfolio();
    PortfolioImport &portfolioImport();
    PortfolioSync &portfolioSync();

Q_SIGNALS:
    // The window's channel settings were read (the tray's part is the window's to apply).
    void channelSettingsLoaded(const trailguard::ChannelSettingsData &data);
    // Channels left out, or settings that could not be read: one translated sentence for the user.
    void channelProblem(const QString &message);
    // The channels waiting for the keychain changed (see waitingForKeychain()).
    void waitingForKeychainChanged(const QStringList &channelIds);
    // The first look at the Questrade connection found no usable account (window: not configured; headless:
    // not configured or refused). The message says what happened.
    void notConnectedAtStart(const QString &message);
    // Headless: there is an account (or it is offline for now); checking starts.
    void watching();
    // `--once` finished its check and its delivery attempts: the process exit code.
    void onceFinished(int exitCode);

private:
    struct Parts;
    QString modeName() const;
    Status openAlerts();
    void openPortfolio();
    void startHeadless();

    Options m_options;
    bool m_stopping = false; // stop() was called: a token arriving now starts nothing
    SecretRedactor &m_redactor;
    SystemClock m_clock;
    std::unique_ptr<Parts> m_parts;
    bool m_dataFolderInUse = false;
};

} // namespace trailguard::Runners
