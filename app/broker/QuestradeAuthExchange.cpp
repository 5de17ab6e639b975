// QuestradeAuth, second part: one token exchange from start to stored chain (the check for a chain another
// process rotated, the request, its outcome, the retry after "could not refresh now", the refused chain).
// The first part, QuestradeAuth.cpp, loads the chain and serves access tokens.
#include "broker/QuestradeAuth.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/RefreshRetry.h"

#include <utility>

namespace trailguard {

void QuestradeAuth::startExchange(Exchange exchange)
{
    m_exchanging = true;
    m_retry->cancel();
    if (exchange.origin != Exchange::Origin::Rotation) {
        sendExchange(exchange);
        return;
    }
    // Another process on the same store (the window beside the service) may have rotated the chain since
    // it was read here: then its refresh token is the live one and ours is already spent.
    const quint64 generation = m_generation;
    m_chain.read(this, [this, exchange, generation](Result<QByteArray> blob) {
        if (generation != m_generation)
            return;
        const std::optional<TokenSet> newer =
            m_tokens ? TokenChainStore::newerChain(blob, *m_tokens, m_chainSaved) : std::nullopt;
        if (!newer) {
            sendExchange(exchange);
            return;
        }
        qCInfo(lcBroker, "Another Trailguard process stored a newer Questrade token chain: using it");
        adoptStoredChain(*newer);
        if (newer->rejected) {
            exchangeFailed(Error{ErrorCode::AuthRejected, rejectedMessage()}, ConnectionState::Disconnected);
            return;
        }
        if (newer->accessTokenUsable(m_clock.now(), m_options.refreshMargin)) {
            setState(ConnectionState::Connected, tr("Connected to Questrade."));
            exchangeFinished();
            return;
        }
        sendExchange(Exchange::rotationOf(*newer));
    });
}

void QuestradeAuth::adoptStoredChain(const TokenSet &tokens)
{
    m_tokens = tokens;
    m_chainSaved = true;
    m_redaction.add(tokens.refreshToken);
    m_redaction.add(tokens.accessToken);
}

void QuestradeAuth::sendExchange(const Exchange &exchange)
{
    if (exchange.origin != Exchange::Origin::Rotation || m_state != ConnectionState::Connected)
        setState(ConnectionState::Connecting, tr("Connecting to Questrade…"));

    const Result<QUrl> login = QuestradeHttp::loginUrl(exchange.environment, m_options.loginUrlOverride);
    if (!login) {
        // Nothing was sent: the token is not spent.
        exchangeFailed(login.error(), ConnectionState::Disconnected);
        return;
    }
    const quint64 generation = m_generation;
    m_exchangeCall->send(login.value(), exchange.refreshToken,
                         [this, exchange, generation](const QuestradeTokenExchange::Outcome &outcome) {
                             if (generation == m_generation)
                                 handleOutcome(outcome, exchange, generation);
                         });
}

void QuestradeAuth::handleOutcome(const QuestradeTokenExchange::Outcome &outcome, const Exchange &exchange,
                                  quint64 generation)
{
    switch (outcome.kind) {
    case QuestradeTokenExchange::Outcome::Kind::Exchanged: {
        TokenSet tokens = outcome.tokens;
        tokens.environment = exchange.environment;
        tokens.bootstrapHash = exchange.bootstrapHash;
        storeChain(std::move(tokens), generation, outcome.error);
        return;
    }
    case QuestradeTokenExchange::Outcome::Kind::Rejected:
        exchangeRejected(exchange, generation);
        return;
    case QuestradeTokenExchange::Outcome::Kind::NotNow:
        couldNotRefresh(exchange, outcome.error.value_or(Error{}), outcome.detail);
        return;
    }
}

void QuestradeAuth::couldNotRefresh(const Exchange &exchange, const Error &error, const QString &detail)
{
    qCWarning(lcBroker, "Could not refresh the Questrade token (%s); the stored chain is kept",
              qUtf8Printable(detail));
    if (exchange.origin == Exchange::Origin::Connect) {
        // The user is at the connect dialog and tries again; a saved chain stays as it was.
        exchangeFailed(Error{error.code, tr("%1 Try again in a moment.").arg(error.message)},
                       ConnectionState::Offline);
        return;
    }
    const std::chrono::milliseconds delay = m_retry->nextDelay();
    const Error failure{error.code, tr("Could not refresh the Questrade token (%1); retrying in %2.")
                                        .arg(detail, RefreshBackoff::describe(delay))};
    m_retry->schedule(exchange, failure, delay);
    // An access token that is still good (an early renewal failed) keeps the account connected meanwhile.
    const bool stillUsable = m_tokens && m_tokens->accessTokenUsable(m_clock.now(), m_options.refreshMargin);
    exchangeFailed(failure, stillUsable ? ConnectionState::Connected : ConnectionState::Offline);
}

void QuestradeAuth::retryNow(const Exchange &request)
{
    if (m_exchanging)
        return;
    Exchange next = request;
    if (next.origin == Exchange::Origin::Rotation) {
        if (!m_tokens || m_tokens->rejected || m_tokens->refreshToken.isEmpty())
            return;
        next = Exchange::rotationOf(*m_tokens);
    }
    qCInfo(lcBroker, "Trying the Questrade token refresh again");
    startExchange(next);
}

void QuestradeAuth::storeChain(TokenSet tokens, quint64 generation, std::optional<Error> failure)
{
    m_redaction.add(tokens.refreshToken);
    m_redaction.add(tokens.accessToken);
    m_chain.write(tokens, this, [this, tokens, generation, failure](Status status) {
        if (generation != m_generation) {
            // The account was disconnected while we wrote: do not leave the chain behind.
            m_chain.remove(this, [this](Status) { settleIfIdle(); });
            settleIfIdle();
            return;
        }
        m_tokens = tokens;
        m_chainSaved = status.ok();
        ++m_exchangeCount;
        m_retry->resetBackoff();
        if (!status) {
            qCWarning(lcBroker, "Could not save the new Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
        } else {
            qCInfo(lcBroker, "Questrade tokens rotated and stored; API host %s",
                   qUtf8Printable(tokens.apiServer.host()));
        }
        Q_EMIT tokensStored();
        if (failure) {
            // The answer was unreadable but carried a new refresh token, now stored: refresh with it later.
            couldNotRefresh(Exchange::rotationOf(tokens), *failure, tr("unreadable answer"));
            return;
        }
        setState(
            ConnectionState::Connected,
            status ? tr("Connected to Questrade.")
                   : tr("Connected to Questrade, but the new token could not be saved (%1); you may have to "
                        "reconnect after a restart.")
                         .arg(status.error().message));
        exchangeFinished();
    });
}

void QuestradeAuth::exchangeRejected(const Exchange &exchange, quint64 generation)
{
    qCWarning(lcBroker, "Questrade refused the refresh token");
    const Error error{ErrorCode::AuthRejected, rejectedMessage()};
    if (exchange.origin != Exchange::Origin::Rotation && m_tokens && !m_tokens->rejected) {
        // A new token was refused, but the saved chain still stands and serves the waiting callers.
        setState(ConnectionState::Connected,
                 tr("Questrade refused the new refresh token; Trailguard keeps using "
                    "the saved connection. Copy a fresh token from the API centre."));
        exchangeFinished();
        return;
    }
    if (exchange.origin == Exchange::Origin::Rotation && m_tokens) {
        // Before the chain is declared dead: another process may have spent this very token a moment ago
        // and stored the chain that follows. Then that one is used, and nothing is written over it.
        m_chain.read(this, [this, exchange, generation](Result<QByteArray> blob) {
            if (generation != m_generation)
                return;
            if (const std::optional<TokenSet> stored =
                    TokenChainStore::rotatedPast(blob, exchange.refreshToken)) {
                qCInfo(lcBroker, "Another Trailguard process had already rotated the token: using its chain");
                adoptStoredChain(*stored);
                setState(ConnectionState::Connected, tr("Connected to Questrade."));
                exchangeFinished();
                return;
            }
            markRejected(generation);
            exchangeFailed(Error{ErrorCode::AuthRejected, rejectedMessage()}, ConnectionState::Disconnected);
        });
        return;
    }
    exchangeFailed(error, ConnectionState::Disconnected);
}

void QuestradeAuth::markRejected(quint64 generation)
{
    const TokenSet rejected = m_tokens->asRejected();
    m_tokens = rejected;
    m_chain.write(rejected, this, [this, generation](Status status) {
        if (generation != m_generation)
            m_chain.remove(this, [this](Status) { settleIfIdle(); });
        else if (!status)
            qCWarning(lcBroker, "Could not save the refused state: %s",
                      qUtf8Printable(status.error().message));
        settleIfIdle();
    });
}

void QuestradeAuth::exchangeFailed(const Error &error, ConnectionState state)
{
    setState(state, error.message);
    m_waiters.failAll(error);
    exchangeFinished();
}

void QuestradeAuth::exchangeFinished()
{
    m_exchanging = false;
    if (m_pendingConnect) {
        const Exchange next = *std::exchange(m_pendingConnect, std::nullopt);
        startExchange(next);
        return;
    }
    serveWaiters();
    settleIfIdle();
}

} // namespace trailguard
