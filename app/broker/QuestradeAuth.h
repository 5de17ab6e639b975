#pragma once

#include "broker/AccessTokenWaiters.h"
#include "broker/BrokerTypes.h"
#include "broker/QuestradeTokenExchange.h"
#include "broker/TokenChainStore.h"
#include "broker/TokenExchangeRequest.h"
#include "broker/TokenRedaction.h"
#include "broker/TokenSet.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QTimer;

namespace trailguard {

class RefreshRetry;
class SecretRedactor;
class SecretStore;

// Owns the Questrade token chain (questrade-api.md §1): loads it from the SecretStore (TokenChainStore),
// exchanges the single-use refresh token for an access token, and stores the whole new chain (one blob)
// BEFORE anyone uses the new access token. Only one exchange runs at a time; callers that need a token wait
// for it. Tokens are refreshed shortly before they expire and after a 401. Before each refresh the stored
// chain is read again: another process on the same store (the window beside the service) may have rotated it,
// and its newer chain is used instead of spending the dead token held here.
//
// Only an answer that proves the refresh token dead (400, or an explicit invalid_grant) leaves the account
// Disconnected until the user pastes a new token. Anything else (403, 429, 5xx, no answer) means "could not
// refresh now": the stored chain is kept untouched and the refresh is retried with backoff (30 s doubling
// to 15 min, with jitter), and the state says so. A lost answer is still ambiguous (Questrade may have
// spent the token): if the retry is then refused, nothing else could have recovered the rotation.
// Tokens never reach a log line or a message.
class QuestradeAuth : public QObject {
    Q_OBJECT
public:
    struct Options {
        // TRAILGUARD_LOGIN_URL; empty: Questrade's login host for the chain's environment.
        QString loginUrlOverride;
        // The environment of a token from bootstrapFromEnvironment.
        BrokerEnvironment environment = BrokerEnvironment::Live;
        std::chrono::milliseconds requestTimeout{15000};
        // Refresh when the access token has less than this left (at most half its lifetime).
        std::chrono::seconds refreshMargin{60};
        // "Could not refresh now": the first retry after this (with jitter), doubling up to retryDelayMax.
        std::chrono::milliseconds retryDelay{30000};
        std::chrono::milliseconds retryDelayMax{15 * 60 * 1000};
        // Every token this object sees is added to it, so no log line can show one. Not owned; may be null.
        SecretRedactor *redactor = nullptr;

        // loginUrlOverride from TRAILGUARD_LOGIN_URL, the rest default.
        static Options fromEnvironment(const QProcessEnvironment &environment);
    };
    using GrantCallback = std::function<void(Result<AccessGrant>)>;
    // How long quitting waits for an exchange in flight to be stored (see whenIdle).
    static constexpr std::chrono::seconds kQuitGrace{10};

    QuestradeAuth(QNetworkAccessManager *network, SecretStore &store, const Clock &clock, Options options,
                  QObject *parent = nullptr);
    ~QuestradeAuth() override;

    // Loads the stored chain; then the state is Connected, Disconnected (refused earlier) or NotConfigured.
    void start();
    // Loads the stored chain, then uses the refresh token from `refresh_token` or QUESTRADE_REFRESH_TOKEN
    // (the latter wins when both are set) as a bootstrap: exchanged once, remembered only as a hash. A
    // later run that sees the same value keeps the stored, rotated chain; a different value replaces it.
    // Without either variable it behaves like start(). Call instead of start() in headless mode.
    void bootstrapFromEnvironment(const QProcessEnvironment &environment);
    // Exchanges a refresh token the user pasted (the connect dialog); on success it replaces the chain.
    void connectWithRefreshToken(const QByteArray &refreshToken, BrokerEnvironment environment);
    // Forgets the account: removes the stored chain; state NotConfigured.
    void disconnectAccount();

    // Calls `done` (always later, from the event loop; never when `context` is gone) with a usable access
    // token, refreshing it first when needed. Fails with NotConfigured, AuthRejected, InvalidSetting,
    // NetworkError, Timeout, ServerError or MalformedResponse.
    void withAccessToken(QObject *context, GrantCallback done);
    // The current access token when it is usable right now without an exchange; otherwise empty.
    std::optional<AccessGrant> currentGrant() const;
    // An API call was answered 401 / 1017 with `accessToken`: refresh, unless a newer token already
    // replaced it. Callers retry once, never more.
    void reportInvalidAccessToken(const QByteArray &accessToken);
    // Exchanges the refresh token now although the access token is still good: a streaming session
    // (questrade-api.md §7) renews its token around minute 25 instead of waiting for a REST call to need it.
    void refreshAccessTokenEarly();

    ConnectionState state() const { return m_state; }
    // The sentence for the status bar that goes with state().
    QString stateMessage() const { return m_stateMessage; }
    // The environment of the current chain (Options::environment when there is none).
    BrokerEnvironment environment() const;
    // Successful exchanges by this object (for diagnostics and tests).
    int exchangeCount() const { return m_exchangeCount; }

    // An exchange (or the write of its result) is under way: quitting now could lose the rotated chain,
    // since Questrade has spent the old refresh token once it answers.
    bool exchangeInFlight() const { return m_exchanging || m_chain.pending() > 0; }
    // Calls `then` (later, from the event loop; never when `context` is gone) once no exchange is in
    // flight, or after `bound` at the latest. Used before quitting (signals, logout, Quit).
    void whenIdle(QObject *context, std::chrono::milliseconds bound, std::function<void()> then);

Q_SIGNALS:
    // The connection state changed; `message` says what to do, in the user's language.
    void stateChanged(trailguard::ConnectionState state, const QString &message);
    // A new chain was stored (after every successful exchange).
    void tokensStored();
    // exchangeInFlight() became false.
    void exchangeSettled();

private:
    using Exchange = TokenExchangeRequest;

    void load(std::function<void()> then);
    void finishLoading(Result<QByteArray> blob);
    void startExchange(Exchange exchange);
    void sendExchange(const Exchange &exchange);
    void adoptStoredChain(const TokenSet &tokens);
    void couldNotRefresh(const Exchange &exchange, const Error &error, const QString &detail);
    void retryNow(const Exchange &request);
    void markRejected(quint64 generation);
    void settleIfIdle();
    void handleOutcome(const QuestradeTokenExchange::Outcome &outcome, const Exchange &exchange,
                       quint64 generation);
    void storeChain(TokenSet tokens, quint64 generation, std::optional<Error> failure);
    void exchangeFailed(const Error &error, ConnectionState state);
    void exchangeRejected(const Exchange &exchange, quint64 generation);
    void exchangeFinished();
    void serveWaiters();
    void setState(ConnectionState state, const QString &message);
    Error notUsableError() const;
    QString rejectedMessage() const;

    TokenChainStore m_chain;
    const Clock &m_clock;
    Options m_options;
    QuestradeTokenExchange *m_exchangeCall; // a child; one exchange at a time

    std::optional<TokenSet> m_tokens;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_exchanging = false;
    std::optional<Exchange> m_pendingConnect;
    AccessTokenWaiters m_waiters;
    std::vector<std::function<void()>> m_afterLoad; // run once the stored chain is loaded
    RefreshRetry
        *m_retry; // a child: "could not refresh now", what is retried when, what callers get meanwhile
    bool m_chainSaved = true; // the store held m_tokens after our last read or write of it
    quint64 m_generation = 0; // bumped by disconnectAccount: late answers of older exchanges are ignored
    int m_exchangeCount = 0;
    TokenRedaction m_redaction;
    ConnectionState m_state = ConnectionState::NotConfigured;
    QString m_stateMessage;
};

} // namespace trailguard
