#pragma once

#include "alerts/escalation/EscalationPolicy.h"
#include "cli/CommandLine.h"

#include <QProcessEnvironment>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

namespace trailguard {
class AlertOutbox;
class BrokerSession;
class DailyDigest;
class EscalationGate;
class OutboxDispatcher;
class Settings;
class StreamSession;
} // namespace trailguard

namespace trailguard::Runners {

// The preferences the running core follows (interval, market hours, repeat policy, extended hours, quiet
// hours, digest, streaming, the channels alerts are recorded for), applied when the core opens and again
// whenever the window saves them. The command line wins over the settings: --interval, --demo, --no-stream.
class GuardianSettings {
public:
    struct Targets {
        BrokerSession &session;
        AlertOutbox &outbox;
        DailyDigest &digest;
        StreamSession *stream;                  // null without streaming
        EscalationGate *gate;                   // the escalation policy's market-hours option; may be null
        OutboxDispatcher *dispatcher = nullptr; // the acknowledgement links' public dashboard URL
    };
    enum class Scope {
        Window,   // everything, the window's channels included
        Headless, // channels come from the environment
        Once,     // no digest either: one check, then done
    };

    GuardianSettings(const Settings &settings, const Cli::GlobalOptions &global, Scope scope);

    // --interval wins, then the demo's own, then the settings (default 5 min).
    std::chrono::seconds startInterval() const;
    // Streaming quotes, unless --no-stream or the setting says otherwise (and there is a stream at all).
    bool streamingWanted(const StreamSession *stream) const;

    // Headless: TRAILGUARD_ESCALATION (when set) replaces the settings' alerts/escalation from now on.
    // Either one invalid is an error (ErrorCode::InvalidSetting, the parser's message): fatal for a
    // headless start, like a misconfigured channel.
    Status useEscalationFromEnvironment(const QProcessEnvironment &environment);
    // The policy in force: the environment's, else the settings' (off, with a warning, when invalid).
    EscalationPolicy escalationPolicy() const;

    // Before anything runs: the monitor's interval and rules, market hours, quiet hours and digest.
    void applyAtOpen(Targets targets);
    // The settings changed while running: applies them at once, streaming included.
    void applyChanges(Targets targets);
    // From now on, applies the changes Settings::changed reports for the keys the core follows (monitor,
    // quotes, alerts), once per turn of the event loop however many keys a save wrote; an applyChanges()
    // in between makes the pending one moot.
    void followChanges(std::function<Targets()> targets);
    // The core follows this key live.
    static bool follows(const QString &key);

private:
    void applyShared(Targets targets);

    const Settings &m_settings;
    Cli::GlobalOptions m_global;
    std::optional<EscalationPolicy> m_escalationOverride; // TRAILGUARD_ESCALATION
    Scope m_scope;
    std::chrono::seconds m_appliedInterval{0}; // the check interval the settings had when last applied
    QTimer m_pendingChanges; // a followed key changed: apply on the next turn of the event loop
};

} // namespace trailguard::Runners
