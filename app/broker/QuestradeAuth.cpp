#include "broker/QuestradeAuth.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeParsing.h"
#include "secrets/Redact.h"
#include "secrets/SecretStore.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

namespace trailguard {

namespace {
constexpr size_t kRedactedTokens = 8;

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
    , m_stateMessage(tr("Connect a Questrade account: paste a refresh token from the API centre."))
{}

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
    m_tokens.reset();
    m_loaded = true;
    m_loading = false;
    m_afterLoad.clear();
    m_store.remove(TokenSet::secretKey(), this, [](Status status) {
        if (!status)
            qCWarning(lcBroker, "Could not remove the stored Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
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
    if (!m_exchanging && !m_tokens->rejected && !m_tokens->refreshToken.isEmpty()) {
        startExchange(Exchange{m_tokens->refreshToken, m_tokens->environment, m_tokens->bootstrapHash,
                               Origin::Rotation});
    }
}

void QuestradeAuth::refreshAccessTokenEarly()
{
    if (!m_tokens || m_tokens->rejected || m_tokens->refreshToken.isEmpty() || m_exchanging)
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
            m_tokens = tokens.value();
            rememberSecret(m_tokens->refreshToken);
            rememberSecret(m_tokens->accessToken);
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
        qCWarning(lcBroker, "The Questrade token exchange got no answer (%s); keeping the stored token",
                  timeout ? "timeout" : qUtf8Printable(QuestradeHttp::withoutQueries(reply->errorString())));
        exchangeFailed(
            Error{timeout ? ErrorCode::Timeout : ErrorCode::NetworkError,
                  tr("Questrade's login server did not answer (%1). Trailguard will try again.")
                      .arg(timeout ? tr("timed out") : QuestradeHttp::withoutQueries(reply->errorString()))},
            ConnectionState::Offline);
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
                exchangeFailed(*failure, ConnectionState::Offline);
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

    if (status == 400 || status == 401 || status == 403) {
        exchangeRejected(exchange, generation);
        return;
    }

    qCWarning(lcBroker, "Questrade's login server answered HTTP %d", status);
    const bool serverTrouble = status >= 500;
    exchangeFailed(
        Error{serverTrouble ? ErrorCode::ServerError
                            : (status == 429 ? ErrorCode::RateLimited : ErrorCode::RequestRejected),
              tr("Questrade's login server answered HTTP %1. Trailguard will try again.").arg(status)},
        ConnectionState::Offline);
}

void QuestradeAuth::storeChain(TokenSet tokens, quint64 generation, std::optional<Error> failure)
{
    rememberSecret(tokens.refreshToken);
    rememberSecret(tokens.accessToken);
    const QByteArray blob = tokens.toJson();
    m_store.write(TokenSet::secretKey(), blob, this, [this, tokens, generation, failure](Status status) {
        if (generation != m_generation) {
            // The account was disconnected while we wrote: do not leave the chain behind.
            m_store.remove(TokenSet::secretKey(), this, [](Status) {});
            return;
        }
        m_tokens = tokens;
        ++m_exchangeCount;
        if (!status) {
            qCWarning(lcBroker, "Could not save the new Questrade tokens: %s",
                      qUtf8Printable(status.error().message));
        } else {
            qCInfo(lcBroker, "Questrade tokens rotated and stored; API host %s",
                   qUtf8Printable(tokens.apiServer.host()));
        }
        Q_EMIT tokensStored();
        if (failure) {
            exchangeFailed(*failure, ConnectionState::Offline);
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
        TokenSet rejected = *m_tokens;
        rejected.refreshToken.clear();
        rejected.accessToken.clear();
        rejected.accessExpiresAt = QDateTime();
        rejected.rejected = true;
        m_tokens = rejected;
        m_store.write(TokenSet::secretKey(), rejected.toJson(), this, [this, generation](Status status) {
            if (generation != m_generation)
                m_store.remove(TokenSet::secretKey(), this, [](Status) {});
            else if (!status)
                qCWarning(lcBroker, "Could not save the refused state: %s",
                          qUtf8Printable(status.error().message));
        });
    }
    exchangeFailed(error, ConnectionState::Disconnected);
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
