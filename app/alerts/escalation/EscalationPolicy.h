#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

namespace trailguard {

// What happens when a breach stays unacknowledged (issue 17): nothing more ("off", the default), or steps
// that repeat the alert through more channels after a delay counted from when the alert was raised.
//
//   off
//   10m:ntfy-urgent;30m:email,discord
//   2s:ntfy;4s:discord;repeat=3;market-hours
//
// A step is DELAY:CHANNEL[,CHANNEL…]; the delay is a whole number of seconds, minutes or hours (s, m, h),
// above zero, each step later than the one before. Channels: email, discord, ntfy, telegram, and
// ntfy-urgent (ntfy at its most urgent priority); the tray is not one (it shows every alert already).
// `repeat=N` repeats the last step N more times at the spacing of the last two steps (its own delay when it
// is the only one). `market-hours` escalates only while the stock's market is open (a step due while it is
// closed waits for the next open); without it, steps go out after the close too.
class EscalationPolicy {
public:
    struct Target {
        QString channel;     // AlertChannel::id()
        bool urgent = false; // ntfy-urgent
        bool operator==(const Target &) const = default;
    };
    struct Step {
        std::chrono::seconds delay{0}; // after the alert was raised
        QList<Target> targets;
        bool operator==(const Step &) const = default;
    };

    static constexpr int kMaxRepeat = 20;
    static constexpr int kMaxSteps = 50;

    // "off" (or blank) gives the policy that never escalates; anything else must be valid. The error
    // (ErrorCode::InvalidSetting) names the bad part and what to write instead.
    static Result<EscalationPolicy> parse(const QString &text);

    bool isOff() const { return m_steps.isEmpty(); }
    // The steps as written (without repeats).
    const QList<Step> &steps() const { return m_steps; }
    int repeat() const { return m_repeat; }
    bool marketHoursOnly() const { return m_marketHoursOnly; }
    // Every step that goes out, repeats included, in order: escalation step k (1, 2, …) is element k - 1.
    QList<Step> schedule() const;
    // The canonical text, parse() gives it back: "off" or "10m:ntfy-urgent;30m:email,discord;repeat=2".
    QString text() const;
    // The channel names a step may use ("email", "ntfy-urgent", …), for help texts.
    static QStringList channelNames();
    static QString example() { return QStringLiteral("10m:ntfy-urgent;30m:email,discord"); }

    bool operator==(const EscalationPolicy &) const = default;

private:
    QList<Step> m_steps;
    int m_repeat = 0;
    bool m_marketHoursOnly = false;
};

} // namespace trailguard
