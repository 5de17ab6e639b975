#pragma once

#include "broker/TokenSet.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

// One refresh-token exchange with Questrade's login host (questrade-api.md §1): the request, its timeout,
// and what the answer means for the token chain. Only an answer that proves the refresh token dead (400,
// or an explicit invalid_grant) is Rejected; anything else that yields no usable chain is NotNow.
class QuestradeTokenExchange : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        enum class Kind {
            Exchanged, // `tokens` is the new chain (without environment and bootstrap hash)
            Rejected,  // the refresh token is spent or revoked
            NotNow,    // could not refresh now: `error` for callers, `detail` for the log and the state
        };
        Kind kind = Kind::NotNow;
        TokenSet tokens;
        // Exchanged: set when the answer was unreadable but carried a new refresh token (then only
        // tokens.refreshToken is set). NotNow: what went wrong.
        std::optional<Error> error;
        QString detail;
    };
    using Done = std::function<void(const Outcome &)>;

    QuestradeTokenExchange(QNetworkAccessManager *network, const Clock &clock,
                           std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~QuestradeTokenExchange() override;

    // Exchanges `refreshToken` at `loginUrl`; `done` runs once with the outcome, unless abort() comes first.
    // One exchange at a time.
    void send(const QUrl &loginUrl, const QByteArray &refreshToken, Done done);
    // Drops the exchange in flight; its `done` never runs.
    void abort();

private:
    Outcome outcomeOf(QNetworkReply *reply, bool timedOut) const;

    QNetworkAccessManager *m_network;
    const Clock &m_clock;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
};

} // namespace trailguard
