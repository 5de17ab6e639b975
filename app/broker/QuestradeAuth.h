#pragma once

#include "broker/BrokerTypes.h"
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
#include <deque>
#include <functional>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace trailguard {

class SecretRedactor;
class SecretStore;

// Owns the Questrade token chain (questrade-api.md §1): loads it from the SecretStore, exchanges the
// single-use refresh token for an access token, and stores the whole new chain (one blob) BEFORE anyone
// uses the new access token. Only one exchange runs at a time; callers that need a token wait for it.
// Tokens are refreshed shortly before they expire and after a 401; a refused refresh token leaves the
// account Disconnected until the user pastes a new one. Tokens never reach a log line or a message.
//
// A lost answer (timeout, dropped connection, 5xx) is ambiguous: Questrade may or may not have spent the
// token. We keep the stored chain, go Offline and try it again at the next need; if Questrade then refuses
// it, the account is Disconnected like any refused token (nothing else can recover a lost rotation).
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
        // Every token this object sees is added to it, so no log line can show one. Not owned; may be null.
        SecretRedactor *redactor = nullptr;

        // loginUrlOverride from TRAILGUARD_LOGIN_URL, the rest default.
        static Options fromEnvironment(const QProcessEnvironment &environment);
    };
    using GrantCallback = std::function<void(Result<AccessGrant>)>;

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

Q_SIGNALS:
    // The connection state changed; `message` says what to do, in the user's language.
    void stateChanged(trailguard::ConnectionState state, const QString &message);
    // A new chain was stored (after every successful exchange).
    void tokensStored();

private:
    enum class Origin { Rotation, Connect, Bootstrap };
    struct Waiter {
        QPointer<QObject> context;
        GrantCallback done;
    };
    struct Exchange {
        QByteArray refreshToken;
        BrokerEnvironment environment = BrokerEnvironment::Live;
        QByteArray bootstrapHash;
        Origin origin = Origin::Rotation;
    };

    void load(std::function<void()> then);
    void finishLoading(Result<QByteArray> blob);
    void startExchange(Exchange exchange);
    void handleExchangeReply(QNetworkReply *reply, const Exchange &exchange, bool timedOut,
                             quint64 generation);
    void storeChain(TokenSet tokens, quint64 generation, std::optional<Error> failure);
    void exchangeFailed(const Error &error, ConnectionState state);
    void exchangeRejected(const Exchange &exchange, quint64 generation);
    void exchangeFinished();
    void serveWaiters();
    void failWaiters(const Error &error);
    void deliver(QPointer<QObject> context, GrantCallback done, Result<AccessGrant> result);
    void setState(ConnectionState state, const QString &message);
    Error notUsableError() const;
    QString rejectedMessage() const;
    void rememberSecret(const QByteArray &secret);

    QNetworkAccessManager *m_network;
    SecretStore &m_store;
    const Clock &m_clock;
    Options m_options;

    std::optional<TokenSet> m_tokens;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_exchanging = false;
    std::optional<Exchange> m_pendingConnect;
    QList<Waiter> m_waiters;
    std::vector<std::function<void()>> m_afterLoad; // run once the stored chain is loaded
    QPointer<QNetworkReply> m_reply;
    quint64 m_generation = 0; // bumped by disconnectAccount: late answers of older exchanges are ignored
    int m_exchangeCount = 0;
    std::deque<QByteArray> m_redacted; // tokens given to the redactor, oldest first
    ConnectionState m_state = ConnectionState::NotConfigured;
    QString m_stateMessage;
};

} // namespace trailguard
