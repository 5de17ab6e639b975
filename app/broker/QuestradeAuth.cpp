#include "broker/QuestradeAuth.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeParsing.h"
#include "secrets/Redact.h"
#include "secrets/SecretStore.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace trailguard {

namespace {
constexpr size_t kRedactedTokens = 8;

// An OAuth error body that says the grant itself is bad (RFC 6749 §5.2): the token is dead whatever the
// status code.
bool saysInvalidGrant(const QByteArray &body)
{
    return body.contains("invalid_grant");
}

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
    , m_network(network)
    , m_store(store)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_retryTimer(new QTimer(this))
    , m_nextRetryDelay(m_options.retryDelay)
    , m_stateMessage(tr("Connect a Questrade account: paste a refresh token from the API centre."))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &QuestradeAuth::retryNow);
}

QuestradeAuth::~QuestradeAuth()
{
    ++m_generation;
    if (m_reply)
        m_reply->abort();
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
    rememberSecret(token);
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
    rememberSecret(token);
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
    if (m_reply)
        m_reply->abort();
    m_exchanging = false;
    m_pendingConnect.reset();
    m_retryTimer->stop();
    m_retryExchange.reset();
    m_retryError.reset();
    m_nextRetryDelay = m_options.retryDelay;
    m_tokens.reset();
    m_loaded = true;
    m_loading = false;
    m_afterLoad.clear();
    trackStoreWrite();
    m_store.remove(TokenSet::secretKey(), this, [this](Status status) {
        if (!status)
            qCWarning(lcBroker, "Could not remove the stored Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
        storeWriteDone();
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
    m_store.read(TokenSet::secretKey(), this, [this, generation](Result<QByteArray> blob) {
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
    m_store.read(TokenSet::secretKey(), this, [this, exchange, generation](Result<QByteArray> blob) {
        if (generation != m_generation)
            return;
        const std::optional<TokenSet> newer = newerStoredChain(blob);
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

std::optional<TokenSet> QuestradeAuth::newerStoredChain(const Result<QByteArray> &blob) const
{
    if (!blob || !m_tokens)
        return std::nullopt;
    Result<TokenSet> stored = TokenSet::fromJson(blob.value());
    if (!stored)
        return std::nullopt;
    const TokenSet &theirs = stored.value();
    if (theirs.refreshToken == m_tokens->refreshToken && theirs.rejected == m_tokens->rejected)
        return std::nullopt;
    // The store held our chain after our last read or write, so a different one was written since, by
    // someone else. Only when our last write failed may the store hold an OLDER chain: then the issue
    // times decide.
    if (!m_chainSaved && !(theirs.accessIssuedAt.isValid() && m_tokens->accessIssuedAt.isValid() &&
                           theirs.accessIssuedAt > m_tokens->accessIssuedAt))
        return std::nullopt;
    return theirs;
}

void QuestradeAuth::adoptStoredChain(const TokenSet &tokens)
{
    m_tokens = tokens;
    m_chainSaved = true;
    rememberSecret(tokens.refreshToken);
    rememberSecret(tokens.accessToken);
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
    QNetworkReply *reply = m_network->get(QuestradeHttp::makeRequest(
        QuestradeHttp::tokenRequestUrl(login.value(), exchange.refreshToken), m_options.requestTimeout));
    m_reply = reply;
    QuestradeHttp::limitReplySize(reply); // an oversized answer is cut off and fails to parse
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(m_options.requestTimeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, exchange, timedOut, generation] {
        reply->deleteLater();
        handleExchangeReply(reply, exchange, *timedOut, generation);
    });
}

void QuestradeAuth::handleExchangeReply(QNetworkReply *reply, const Exchange &exchange, bool timedOut,
                                        quint64 generation)
{
    if (generation != m_generation)
        return;
    m_reply.clear();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (timedOut || status == 0) {
        const bool timeout = timedOut || reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError;
        const QString detail =
            timeout ? tr("no answer: timed out")
                    : tr("no answer: %1").arg(QuestradeHttp::withoutQueries(reply->errorString()));
        couldNotRefresh(exchange,
                        Error{timeout ? ErrorCode::Timeout : ErrorCode::NetworkError,
                              tr("Questrade's login server did not answer (%1).").arg(detail)},
                        detail);
        return;
    }

    if (status == 200) {
        Result<QuestradeParsing::TokenAnswer> answer = QuestradeParsing::parseTokenAnswer(body);
        std::optional<Error> failure;
        if (answer) {
            const Result<QUrl> apiServer =
                QuestradeHttp::validateEndpoint(answer.value().apiServer, tr("Questrade's api_server"));
            if (!apiServer)
                failure = Error{ErrorCode::MalformedResponse, apiServer.error().message};
        } else {
            failure = answer.error();
        }
        TokenSet tokens;
        if (failure) {
            // The old token may be spent: keep a new refresh token if the answer has one.
            tokens.refreshToken = QuestradeParsing::salvageRefreshToken(body);
            if (tokens.refreshToken.isEmpty()) {
                couldNotRefresh(exchange, *failure, tr("unreadable answer"));
                return;
            }
        } else {
            const QDateTime now = m_clock.now().toUTC();
            tokens.refreshToken = answer.value().refreshToken;
            tokens.accessToken = answer.value().accessToken;
            tokens.apiServer = answer.value().apiServer;
            tokens.accessIssuedAt = now;
            tokens.accessExpiresAt = now.addSecs(answer.value().expiresInSeconds);
        }
        tokens.environment = exchange.environment;
        tokens.bootstrapHash = exchange.bootstrapHash;
        storeChain(std::move(tokens), generation, failure);
        return;
    }

    // Only a 400 (or an explicit invalid_grant) proves the token spent or revoked. A 403 has been seen when
    // the login host blocked a client with the token never used; 429 and 5xx say "not now".
    if (status == 400 || saysInvalidGrant(body)) {
        exchangeRejected(exchange, generation);
        return;
    }

    qCWarning(lcBroker, "Questrade's login server answered HTTP %d", status);
    const bool serverTrouble = status >= 500;
    couldNotRefresh(exchange,
                    Error{serverTrouble
                              ? ErrorCode::ServerError
                              : (status == 429 ? ErrorCode::RateLimited : ErrorCode::RequestRejected),
                          tr("Questrade's login server answered HTTP %1.").arg(status)},
                    tr("HTTP %1").arg(status));
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
    const auto nominal = m_nextRetryDelay;
    m_nextRetryDelay = std::min(nominal * 2, m_options.retryDelayMax);
    // Jitter (±20 %), so that several processes or a fleet do not come back at the same instant.
    const double factor = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const auto delay = std::min(std::chrono::milliseconds(qint64(double(nominal.count()) * factor)),
                                m_options.retryDelayMax);
    const qint64 seconds = (delay.count() + 500) / 1000;
    const QString when =
        seconds < 60 ? tr("%n s", nullptr, int(seconds)) : tr("%n min", nullptr, int((seconds + 30) / 60));
    m_retryExchange = exchange;
    m_retryError = Error{error.code,
                         tr("Could not refresh the Questrade token (%1); retrying in %2.").arg(detail, when)};
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
    rememberSecret(tokens.refreshToken);
    rememberSecret(tokens.accessToken);
    const QByteArray blob = tokens.toJson();
    trackStoreWrite();
    m_store.write(TokenSet::secretKey(), blob, this, [this, tokens, generation, failure](Status status) {
        if (generation != m_generation) {
            // The account was disconnected while we wrote: do not leave the chain behind.
            m_store.remove(TokenSet::secretKey(), this, [](Status) {});
            storeWriteDone();
            return;
        }
        m_tokens = tokens;
        m_chainSaved = status.ok();
        ++m_exchangeCount;
        m_nextRetryDelay = m_options.retryDelay;
        if (!status) {
            qCWarning(lcBroker, "Could not save the new Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
        } else {
            qCInfo(lcBroker, "Questrade tokens rotated and stored; API host %s",
                   qUtf8Printable(tokens.apiServer.host()));
        }
        Q_EMIT tokensStored();
        // Finishing the exchange below may start the next one: count this write as done first.
        --m_storeWrites;
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
        m_store.read(TokenSet::secretKey(), this, [this, exchange, generation](Result<QByteArray> blob) {
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
    trackStoreWrite();
    m_store.write(TokenSet::secretKey(), rejected.toJson(), this, [this, generation](Status status) {
        if (generation != m_generation)
            m_store.remove(TokenSet::secretKey(), this, [](Status) {});
        else if (!status)
            qCWarning(lcBroker, "Could not save the refused state: %s",
                      qUtf8Printable(status.error().message));
        storeWriteDone();
    });
}

void QuestradeAuth::trackStoreWrite()
{
    ++m_storeWrites;
}

void QuestradeAuth::storeWriteDone()
{
    --m_storeWrites;
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
    if (!exchangeInFlight())
        Q_EMIT exchangeSettled();
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

void QuestradeAuth::rememberSecret(const QByteArray &secret)
{
    if (!m_options.redactor || secret.isEmpty() ||
        std::find(m_redacted.cbegin(), m_redacted.cend(), secret) != m_redacted.cend())
        return;
    m_options.redactor->addSecret(secret);
    m_redacted.push_back(secret);
    // Spent tokens are harmless, but keep the last few chains anyway: a late log line may still quote one.
    while (m_redacted.size() > kRedactedTokens) {
        m_options.redactor->removeSecret(m_redacted.front());
        m_redacted.pop_front();
    }
}

} // namespace trailguard
