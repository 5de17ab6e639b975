#pragma once

#include "cli/HelpText.h"
#include "common/Result.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace trailguard {
class SecretRedactor;
}

namespace trailguard::Cli {

// Options that come before any subcommand: `trailguard [--data-dir DIR] [subcommand ...]`.
struct GlobalOptions {
    QString dataDir;        // empty: the standard location
    bool headless = false;  // --headless: the monitor without a window
    bool once = false;      // --once: one cycle, then exit (headless)
    bool demo = false;      // --demo: the simulated market instead of a Questrade account
    bool minimized = false; // --minimized: start hidden in the tray (autostart)
    // --demo-if-not-connected: the window opens the demo when no account is connected yet
    bool demoIfNotConnected = false;
    std::optional<int> intervalSeconds; // --interval SECONDS, 5-3600
    bool noStream = false;              // --no-stream: poll even when Questrade offers streaming quotes
    QString web;                        // --web [ADDRESS:]PORT: serve the web dashboard (headless)
    bool webSelfSigned = false;         // --web-self-signed: TLS with a certificate made on first use
    // Not an option: main's redactor, for commands that talk to Questrade (tokens never reach a log line).
    SecretRedactor *redactor = nullptr;
};

// The process exit codes of every command.
constexpr int kExitSuccess = 0;
constexpr int kExitFailure = 1; // the operation failed: duplicate or unknown ticker, database, STOP_LOSS
constexpr int kExitUsage = 2;   // the command line is wrong: unknown option, missing or invalid argument
// Another monitoring process (window, --headless, --once) holds the data folder; the message names it.
constexpr int kExitDataFolderInUse = 3;

// True when the arguments ask for the desktop window (no subcommand, no --help/--version). Decided
// before any QCoreApplication exists, so only the raw words are looked at.
bool wantsWindow(const QStringList &arguments);

// True when the arguments ask for the monitor without a window (--headless, no subcommand).
bool wantsHeadless(const QStringList &arguments);
// Parses the options of a --headless launch.
Result<GlobalOptions> parseHeadlessOptions(const QStringList &arguments);

// Parses the global options of a window launch. Errors say what is wrong (unknown option, ...).
Result<GlobalOptions> parseWindowOptions(const QStringList &arguments);

// Runs a non-window invocation (--help, --version, `watch ...`). Normal output goes to `out`, errors to
// `err`; `redactor` (may be null) learns every token a command sees. Returns the process exit code:
// 0 success, 1 failure, 2 usage error.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err, SecretRedactor *redactor = nullptr);

// Helpers shared by the commands.

// The exit code for a failed core call: kExitUsage for invalid input, kExitFailure otherwise.
int exitCodeFor(ErrorCode code);

} // namespace trailguard::Cli
