#include "broker/QuestradeAuth.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeTokenExchange.h"
#include "broker/RefreshRetry.h"
#include "broker/SettleWait.h"

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
    , m_waiters(this)
    , m_retry(new RefreshRetry(m_options.retryDelay, m_options.retryDelayMax, this))
    , m_redaction(m_options.redactor)
    , m_stateMessage(tr("Connect a Questrade account: paste a refresh token from the API centre."))
{
    connect(m_retry, &RefreshRetry::due, this, &QuestradeAuth::retryNow);
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
        const Exchange exchange{token, m_options.environment, hash, Exchange::Origin::Bootstrap};
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
        const Exchange exchange{token, environment, QByteArray(), Exchange::Origin::Connect};
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
    m_retry->cancel();
    m_retry->resetBackoff();
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
    m_waiters.failAll(Error{ErrorCode::NotConfigured, tr("The Questrade account was disconnected.")});
    setState(ConnectionState::NotConfigured,
             tr("Connect a Questrade account: paste a refresh token from the API centre."));
}

void QuestradeAuth::withAccessToken(QObject *context, GrantCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    if (!m_loaded) {
        m_waiters.add(guard, std::move(done));
        load({});
        return;
    }
    if (m_exchanging) {
        m_waiters.add(guard, std::move(done));
        return;
    }
    if (std::optional<AccessGrant> grant = currentGrant()) {
        m_waiters.deliver(guard, std::move(done), *grant);
        return;
    }
    if (m_retry->error() && m_retry->isScheduled()) {
        // Could not refresh a moment ago: the retry is scheduled; asking again now would only hammer.
        m_waiters.deliver(guard, std::move(done), *m_retry->error());
        return;
    }
    if (m_tokens && !m_tokens->rejected && !m_tokens->refreshToken.isEmpty()) {
        m_waiters.add(guard, std::move(done));
        startExchange(Exchange::rotationOf(*m_tokens));
        return;
    }
    m_waiters.deliver(guard, std::move(done), notUsableError());
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
    if (!m_exchanging && !m_retry->isScheduled() && !m_tokens->rejected && !m_tokens->refreshToken.isEmpty())
        startExchange(Exchange::rotationOf(*m_tokens));
}

void QuestradeAuth::refreshAccessTokenEarly()
{
    if (!m_tokens || m_tokens->rejected || m_tokens->refreshToken.isEmpty() || m_exchanging ||
        m_retry->isScheduled())
        return;
    qCInfo(lcBroker, "Renewing the access token early (streaming session)");
    m_tokens->accessExpiresAt = QDateTime();
    startExchange(Exchange::rotationOf(*m_tokens));
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

void QuestradeAuth::settleIfIdle()
{
    if (!exchangeInFlight())
        Q_EMIT exchangeSettled();
}

void QuestradeAuth::whenIdle(QObject *context, std::chrono::milliseconds bound, std::function<void()> then)
{
    if (!exchangeInFlight()) {
        QMetaObject::invokeMethod(context, std::move(then), Qt::QueuedConnection);
        return;
    }
    qCInfo(lcBroker, "Waiting for the Questrade token exchange in flight to be stored");
    callWhenSettled(this, &QuestradeAuth::exchangeSettled, context, bound, std::move(then), [] {
        qCWarning(lcBroker, "The Questrade token exchange did not finish in time; quitting anyway");
    });
}

void QuestradeAuth::serveWaiters()
{
    if (!m_loaded || m_exchanging)
        return;
    const QList<AccessTokenWaiters::Waiter> waiters = m_waiters.takeAll();
    for (const AccessTokenWaiters::Waiter &waiter : waiters) {
        if (waiter.context)
            withAccessToken(waiter.context, waiter.done);
    }
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
