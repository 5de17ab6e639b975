#include "broker/QuestradeAuth.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeTokenExchange.h"

#include <QMetaObject>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace trailguard {

namespace {

QByteArray environmentToken(const QProcessEnvironment &environment)
{
    QByteArray token = environment.value(QStringLiteral("QUESTRADE_REFRESH_TOKEN")).trimmed().toUtf8();
    if (token.isEmpty())
        token = environment.value(QStringLiteral("refresh_token")).trimmed().toUtf8();
    return token;
}
} // namespace

QuestradeAuth::Options QuestradeAuth::Options::fromEnvironment(const QProcessEnvironment &environment)
{
    Options options;
    options.loginUrlOverride = environment.value(QString::fromLatin1(QuestradeHttp::kLoginUrlVariable));
    return options;
}

QuestradeAuth::QuestradeAuth(QNetworkAccessManager *network, SecretStore &store, const Clock &clock,
                             Options options, QObject *parent)
    : QObject(parent)
    , m_chain(store)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_exchangeCall(new QuestradeTokenExchange(network, clock, m_options.requestTimeout, this))
    , m_retryTimer(new QTimer(this))
    , m_backoff(m_options.retryDelay, m_options.retryDelayMax)
    , m_redaction(m_options.redactor)
    , m_stateMessage(tr("Connect a Questrade account: paste a refresh token from the API centre."))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &QuestradeAuth::retryNow);
}

QuestradeAuth::~QuestradeAuth()
{
    ++m_generation;
    m_exchangeCall->abort();
}

void QuestradeAuth::start()
{
    load({});
}

void QuestradeAuth::bootstrapFromEnvironment(const QProcessEnvironment &environment)
{
    const QByteArray token = environmentToken(environment);
    if (token.isEmpty()) {
        start();
        return;
    }
    m_redaction.add(token);
    const QByteArray hash = TokenSet::hashBootstrapToken(token);
    load([this, token, hash] {
        if (m_tokens && m_tokens->bootstrapHash == hash) {
            qCInfo(lcBroker,
                   "The environment's refresh token was exchanged before: continuing the stored chain");
            return;
        }
        qCInfo(lcBroker, "Exchanging the refresh token from the environment");
        const Exchange exchange{token, m_options.environment, hash, Origin::Bootstrap};
        if (m_exchanging)
            m_pendingConnect = exchange;
        else
            startExchange(exchange);
    });
}

void QuestradeAuth::connectWithRefreshToken(const QByteArray &refreshToken, BrokerEnvironment environment)
{
    const QByteArray token = refreshToken.trimmed();
    if (token.isEmpty()) {
        setState(m_state, tr("Paste the refresh token Questrade's API centre shows for your personal app."));
        return;
    }
    m_redaction.add(token);
    load([this, token, environment] {
        const Exchange exchange{token, environment, QByteArray(), Origin::Connect};
        if (m_exchanging)
            m_pendingConnect = exchange;
        else
            startExchange(exchange);
    });
}

void QuestradeAuth::disconnectAccount()
{
    ++m_generation;
    m_exchangeCall->abort();
    m_exchanging = false;
    m_pendingConnect.reset();
    m_retryTimer->stop();
    m_retryExchange.reset();
    m_retryError.reset();
    m_backoff.reset();
    m_tokens.reset();
    m_loaded = true;
    m_loading = false;
    m_afterLoad.clear();
    m_chain.remove(this, [this](Status status) {
        if (!status)
            qCWarning(lcBroker, "Could not remove the stored Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
        settleIfIdle();
    });
    failWaiters(Error{ErrorCode::NotConfigured, tr("The Questrade account was disconnected.")});
    setState(ConnectionState::NotConfigured,
             tr("Connect a Questrade account: paste a refresh token from the API centre."));
}

void QuestradeAuth::withAccessToken(QObject *context, GrantCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    if (!m_loaded) {
        m_waiters.append(Waiter{guard, std::move(done)});
        load({});
        return;
    }
    if (m_exchanging) {
        m_waiters.append(Waiter{guard, std::move(done)});
        return;
    }
    if (std::optional<AccessGrant> grant = currentGrant()) {
        deliver(guard, std::move(done), *grant);
        return;
    }
    if (m_retryError && m_retryTimer->isActive()) {
        // Could not refresh a moment ago: the retry is scheduled; asking again now would only hammer.
        deliver(guard, std::move(done), *m_retryError);
        return;
    }
    if (m_tokens && !m_tokens->rejected && !m_tokens->refreshToken.isEmpty()) {
        m_waiters.append(Waiter{guard, std::move(done)});
        startExchange(Exchange{m_tokens->refreshToken, m_tokens->environment, m_tokens->bootstrapHash,
                               Origin::Rotation});
        return;
    }
    deliver(guard, std::move(done), notUsableError());
}

std::optional<AccessGrant> QuestradeAuth::currentGrant() const
{
    if (!m_loaded || m_exchanging || !m_tokens ||
        !m_tokens->accessTokenUsable(m_clock.now(), m_options.refreshMargin))
        return std::nullopt;
    return AccessGrant{m_tokens->accessToken, m_tokens->apiServer};
}

void QuestradeAuth::reportInvalidAccessToken(const QByteArray &accessToken)
{
    if (!m_tokens || accessToken.isEmpty() || m_tokens->accessToken != accessToken)
        return; // already replaced by a newer token
    qCInfo(lcBroker, "Questrade refused the access token: refreshing it");
    m_tokens->accessExpiresAt = QDateTime();
    if (!m_exchanging && !m_retryTimer->isActive() && !m_tokens->rejected &&
        !m_tokens->refreshToken.isEmpty()) {
        startExchange(Exchange{m_tokens->refreshToken, m_tokens->environment, m_tokens->bootstrapHash,
                               Origin::Rotation});
    }
}

void QuestradeAuth::refreshAccessTokenEarly()
{
    if (!m_tokens || m_tokens->rejected || m_tokens->refreshToken.isEmpty() || m_exchanging ||
        m_retryTimer->isActive())
        return;
    qCInfo(lcBroker, "Renewing the access token early (streaming session)");
    m_tokens->accessExpiresAt = QDateTime();
    startExchange(
        Exchange{m_tokens->refreshToken, m_tokens->environment, m_tokens->bootstrapHash, Origin::Rotation});
}

BrokerEnvironment QuestradeAuth::environment() const
{
    return m_tokens ? m_tokens->environment : m_options.environment;
}

void QuestradeAuth::load(std::function<void()> then)
{
    if (m_loaded) {
        if (then)
            then();
        serveWaiters();
        return;
    }
    if (then)
        m_afterLoad.push_back(std::move(then));
    if (m_loading)
        return;
    m_loading = true;
    setState(ConnectionState::Connecting, tr("Loading the saved Questrade connection…"));
    const quint64 generation = m_generation;
    m_chain.read(this, [this, generation](Result<QByteArray> blob) {
        if (generation != m_generation)
            return; // disconnectAccount() ran meanwhile
        finishLoading(std::move(blob));
    });
}

void QuestradeAuth::finishLoading(Result<QByteArray> blob)
{
    m_loading = false;
    m_loaded = true;
    if (blob) {
        Result<TokenSet> tokens = TokenSet::fromJson(blob.value());
        if (tokens) {
            adoptStoredChain(tokens.value());
            if (m_tokens->rejected)
                setState(ConnectionState::Disconnected, rejectedMessage());
            else
                setState(ConnectionState::Connected, tr("Connected to Questrade."));
        } else {
            qCWarning(lcBroker, "The stored Questrade tokens are unreadable: %s",
                      qUtf8Printable(tokens.error().message));
            setState(ConnectionState::NotConfigured, tokens.error().message);
        }
    } else if (blob.error().code == ErrorCode::SecretNotFound) {
        setState(ConnectionState::NotConfigured,
                 tr("Connect a Questrade account: paste a refresh token from the API centre."));
    } else {
        qCWarning(lcBroker, "Could not read the stored Questrade tokens: %s",
                  qUtf8Printable(blob.error().message));
        setState(ConnectionState::NotConfigured,
                 tr("Could not read the saved Questrade connection: %1").arg(blob.error().message));
    }
    const std::vector<std::function<void()>> afterLoad = std::exchange(m_afterLoad, {});
    for (const std::function<void()> &then : afterLoad)
        then();
    serveWaiters();
}

void QuestradeAuth::startExchange(Exchange exchange)
{
    m_exchanging = true;
    m_retryTimer->stop();
    m_retryExchange.reset();
    m_retryError.reset();
    if (exchange.origin != Origin::Rotation) {
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
        sendExchange(
            Exchange{newer->refreshToken, newer->environment, newer->bootstrapHash, Origin::Rotation});
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
    if (exchange.origin != Origin::Rotation || m_state != ConnectionState::Connected)
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
    if (exchange.origin == Origin::Connect) {
        // The user is at the connect dialog and tries again; a saved chain stays as it was.
        exchangeFailed(Error{error.code, tr("%1 Try again in a moment.").arg(error.message)},
                       ConnectionState::Offline);
        return;
    }
    const std::chrono::milliseconds delay = m_backoff.next();
    m_retryExchange = exchange;
    m_retryError = Error{error.code, tr("Could not refresh the Questrade token (%1); retrying in %2.")
                                         .arg(detail, RefreshBackoff::describe(delay))};
    m_retryTimer->start(delay);
    // An access token that is still good (an early renewal failed) keeps the account connected meanwhile.
    const bool stillUsable = m_tokens && m_tokens->accessTokenUsable(m_clock.now(), m_options.refreshMargin);
    const Error failure = *m_retryError;
    exchangeFailed(failure, stillUsable ? ConnectionState::Connected : ConnectionState::Offline);
}

void QuestradeAuth::retryNow()
{
    if (m_exchanging || !m_retryExchange)
        return;
    Exchange next = *std::exchange(m_retryExchange, std::nullopt);
    m_retryError.reset();
    if (next.origin == Origin::Rotation) {
        if (!m_tokens || m_tokens->rejected || m_tokens->refreshToken.isEmpty())
            return;
        next = Exchange{m_tokens->refreshToken, m_tokens->environment, m_tokens->bootstrapHash,
                        Origin::Rotation};
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
        m_backoff.reset();
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
            couldNotRefresh(
                Exchange{tokens.refreshToken, tokens.environment, tokens.bootstrapHash, Origin::Rotation},
                *failure, tr("unreadable answer"));
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
    if (exchange.origin != Origin::Rotation && m_tokens && !m_tokens->rejected) {
        // A new token was refused, but the saved chain still stands and serves the waiting callers.
        setState(ConnectionState::Connected,
                 tr("Questrade refused the new refresh token; Trailguard keeps using "
                    "the saved connection. Copy a fresh token from the API centre."));
        exchangeFinished();
        return;
    }
    if (exchange.origin == Origin::Rotation && m_tokens) {
        // Before the chain is declared dead: another process may have spent this very token a moment ago
        // and stored the chain that follows. Then that one is used, and nothing is written over it.
        m_chain.read(this, [this, exchange, generation](Result<QByteArray> blob) {
            if (generation != m_generation)
                return;
            const Result<TokenSet> stored =
                blob ? TokenSet::fromJson(blob.value()) : Result<TokenSet>(blob.error());
            if (stored && !stored.value().rejected && stored.value().refreshToken != exchange.refreshToken) {
                qCInfo(lcBroker, "Another Trailguard process had already rotated the token: using its chain");
                adoptStoredChain(stored.value());
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
    TokenSet rejected = *m_tokens;
    rejected.refreshToken.clear();
    rejected.accessToken.clear();
    rejected.accessExpiresAt = QDateTime();
    rejected.rejected = true;
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

void QuestradeAuth::settleIfIdle()
{
    if (!exchangeInFlight())
        Q_EMIT exchangeSettled();
}

void QuestradeAuth::whenIdle(QObject *context, std::chrono::milliseconds bound, std::function<void()> then)
{
    auto pending = std::make_shared<std::function<void()>>(std::move(then));
    const auto fire = [pending] {
        if (*pending)
            std::exchange(*pending, nullptr)();
    };
    if (!exchangeInFlight()) {
        QMetaObject::invokeMethod(context, fire, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcBroker, "Waiting for the Questrade token exchange in flight to be stored");
    auto settled = std::make_shared<QMetaObject::Connection>();
    *settled = connect(
        this, &QuestradeAuth::exchangeSettled, context,
        [fire, settled] {
            QObject::disconnect(*settled);
            fire();
        },
        Qt::QueuedConnection);
    QTimer::singleShot(bound, context, [fire, settled, pending] {
        QObject::disconnect(*settled);
        if (*pending)
            qCWarning(lcBroker, "The Questrade token exchange did not finish in time; quitting anyway");
        fire();
    });
}

void QuestradeAuth::exchangeFailed(const Error &error, ConnectionState state)
{
    setState(state, error.message);
    failWaiters(error);
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

void QuestradeAuth::serveWaiters()
{
    if (!m_loaded || m_exchanging)
        return;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            withAccessToken(waiter.context, waiter.done);
    }
}

void QuestradeAuth::failWaiters(const Error &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        deliver(waiter.context, waiter.done, error);
}

void QuestradeAuth::deliver(QPointer<QObject> context, GrantCallback done, Result<AccessGrant> result)
{
    QMetaObject::invokeMethod(
        this,
        [context, done = std::move(done), result = std::move(result)] {
            if (context)
                done(result);
        },
        Qt::QueuedConnection);
}

void QuestradeAuth::setState(ConnectionState state, const QString &message)
{
    if (state == m_state && message == m_stateMessage)
        return;
    m_state = state;
    m_stateMessage = message;
    Q_EMIT stateChanged(state, message);
}

Error QuestradeAuth::notUsableError() const
{
    if (m_tokens && m_tokens->rejected)
        return Error{ErrorCode::AuthRejected, rejectedMessage()};
    return Error{ErrorCode::NotConfigured,
                 tr("No Questrade account is connected: paste a refresh token from the API centre.")};
}

QString QuestradeAuth::rejectedMessage() const
{
    return tr("Questrade refused the saved token. Reconnect: paste a new refresh token from the API centre.");
}

} // namespace trailguard
