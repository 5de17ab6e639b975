#include "broker/QuoteStream.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeClient.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeParsing.h"
#include "broker/StreamQuoteRecords.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>

#include <algorithm>

namespace trailguard {

namespace {

QList<qint64> normalized(const QList<qint64> &ids)
{
    QList<qint64> out;
    for (qint64 id : ids) {
        if (id > 0 && !out.contains(id))
            out.append(id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

QString idList(const QList<qint64> &ids)
{
    QStringList texts;
    for (qint64 id : ids)
        texts.append(QString::number(id));
    return texts.join(QLatin1Char(','));
}
} // namespace

QuoteStream::QuoteStream(QuestradeClient &client, QuestradeAuth &auth, Options options, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_auth(auth)
    , m_options(options)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &QuoteStream::connectNow);
    m_authTimer.setSingleShot(true);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        fail(tr("The quote stream was not connected and authenticated within %1 s.")
                 .arg(double(m_options.authTimeout.count()) / 1000.0));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, &QuoteStream::ping);
    m_pongDeadline.setSingleShot(true);
    connect(&m_pongDeadline, &QTimer::timeout, this, [this] {
        fail(tr("The quote stream did not answer a ping within %1 s: the connection is dead.")
                 .arg(double(m_options.pongTimeout.count()) / 1000.0));
    });
    connect(&m_keepAliveTimer, &QTimer::timeout, this, &QuoteStream::keepAlive);
}

QuoteStream::~QuoteStream()
{
    m_running = false;
    closeSocket();
}

QUrl QuoteStream::socketUrl(const QUrl &apiServer, quint16 port, const QList<qint64> &ids)
{
    QUrl url;
    url.setScheme(apiServer.scheme() == QLatin1String("http") ? QStringLiteral("ws") : QStringLiteral("wss"));
    url.setHost(apiServer.host());
    url.setPort(port);
    url.setPath(QStringLiteral("/v1/markets/quotes"));
    url.setQuery(QStringLiteral("ids=%1&stream=true&mode=WebSocket").arg(idList(ids)));
    return url;
}

quint64 QuoteStream::maxAllowedIncomingMessageSize() const
{
    return m_socket ? m_socket->maxAllowedIncomingMessageSize() : 0;
}

quint64 QuoteStream::maxAllowedIncomingFrameSize() const
{
    return m_socket ? m_socket->maxAllowedIncomingFrameSize() : 0;
}

void QuoteStream::setSymbolIds(const QList<qint64> &ids)
{
    const QList<qint64> next = normalized(ids);
    if (next == m_ids)
        return;
    m_ids = next;
    m_records.keepOnly(m_ids);
    if (!m_running)
        return;
    qCInfo(lcBroker, "Quote stream: the watched ids changed (%lld now): resubscribing",
           static_cast<long long>(m_ids.size()));
    m_failures = 0;
    closeSocket();
    ++m_generation;
    if (m_ids.isEmpty()) {
        m_retryTimer.stop();
        setState(State::Stopped);
        return;
    }
    // From the event loop, so a burst of watchlist edits costs one port request.
    setState(State::Connecting);
    m_retryTimer.start(0);
}

void QuoteStream::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    if (m_ids.isEmpty())
        return;
    setState(State::Connecting);
    m_retryTimer.start(0);
}

void QuoteStream::stop()
{
    m_running = false;
    ++m_generation;
    m_retryTimer.stop();
    closeSocket();
    setState(State::Stopped);
}

void QuoteStream::connectNow()
{
    if (!m_running || m_ids.isEmpty())
        return;
    closeSocket();
    const quint64 generation = ++m_generation;
    setState(State::Connecting);
    m_client.requestStreamPort(m_ids, m_attemptContext, [this, generation](Result<quint16> port) {
        if (generation != m_generation)
            return;
        if (!port && port.error().code == ErrorCode::RequestTooLong) {
            stopTooLong(tr("Questrade found the stream's list of %1 ids too long (%2).")
                            .arg(m_ids.size())
                            .arg(port.error().message));
            return;
        }
        if (!port) {
            const bool notOffered = port.error().code == ErrorCode::RequestRejected;
            fail(tr("Questrade gave no stream port (%1).").arg(port.error().message), notOffered);
            return;
        }
        m_auth.withAccessToken(
            m_attemptContext, [this, generation, port = port.value()](Result<AccessGrant> grant) {
                if (generation != m_generation)
                    return;
                if (!grant) {
                    fail(tr("No access token for the stream (%1).").arg(grant.error().message));
                    return;
                }
                openSocket(port, grant.value(), generation);
            });
    });
}

void QuoteStream::openSocket(quint16 port, const AccessGrant &grant, quint64 generation)
{
    const QUrl url = socketUrl(grant.apiServer, port, m_ids);
    if (url.scheme() == QLatin1String("ws") && !QuestradeHttp::isLoopback(grant.apiServer)) {
        fail(tr("The API server is not https: the stream would not be encrypted."));
        return;
    }
    const qsizetype urlLength = url.toString(QUrl::FullyEncoded).size();
    if (urlLength >= kMaxUrlLength) {
        stopTooLong(
            tr("The stream's URL for %1 ids would be %2 characters long.").arg(m_ids.size()).arg(urlLength));
        return;
    }
    ++m_attempts;
    m_sentToken = grant.accessToken;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    m_socket->setMaxAllowedIncomingFrameSize(kMaxFrameBytes);
    QNetworkRequest request(url);
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QuestradeHttp::userAgent());
    connect(m_socket, &QWebSocket::connected, this, [this, generation] {
        if (generation != m_generation)
            return;
        // The bare token, no "Bearer" (questrade-api.md §7).
        m_socket->sendTextMessage(QString::fromLatin1(m_sentToken));
        m_tokenSent = true;
    });
    connect(m_socket, &QWebSocket::pong, this, [this, generation] {
        if (generation != m_generation)
            return;
        ++m_pongs;
        m_pongDeadline.stop();
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this, generation](const QString &text) {
        if (generation == m_generation)
            handleText(text);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this, generation] {
        if (generation != m_generation || !m_socket)
            return;
        const QString reason = m_socket->closeReason();
        if (!m_authenticated && m_authTimer.isActive() && m_tokenSent) {
            // Closed after the token and before {"success"}: most likely a refused token. The next attempt
            // takes a fresh one.
            m_auth.reportInvalidAccessToken(m_sentToken);
        }
        fail(reason.isEmpty() ? tr("The quote stream closed.")
                              : tr("The quote stream closed (%1).").arg(reason));
    });
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, generation](QAbstractSocket::SocketError) {
                if (generation != m_generation || !m_socket)
                    return;
                const QString error = QuestradeHttp::withoutQueries(m_socket->errorString());
                // The opening handshake answered 414 URI Too Long (Qt says so only in the error text).
                static const QRegularExpression uriTooLong(QStringLiteral("\\b414\\b"));
                if (!m_tokenSent && uriTooLong.match(error).hasMatch()) {
                    stopTooLong(tr("The stream server found the socket URL too long (%1).").arg(error));
                    return;
                }
                fail(tr("The quote stream failed (%1).").arg(error));
            });
    qCInfo(lcBroker, "Quote stream: connecting to %s://%s:%u for %lld ids", qUtf8Printable(url.scheme()),
           qUtf8Printable(url.host()), unsigned(port), static_cast<long long>(m_ids.size()));
    m_authTimer.start(m_options.authTimeout); // a handshake that hangs is a fault too
    m_socket->open(request);
}

void QuoteStream::handleText(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (!document.isObject()) {
        qCWarning(lcBroker, "Quote stream: ignored a message that is not a JSON object");
        return;
    }
    const QJsonObject message = document.object();
    if (!m_authenticated) {
        if (message.value(QLatin1String("success")).toBool()) {
            qCInfo(lcBroker, "Quote stream: authenticated, streaming %lld ids",
                   static_cast<long long>(m_ids.size()));
            becomeLive();
            return;
        }
        if (message.contains(QLatin1String("code"))) {
            const std::optional<QuestradeParsing::ApiError> apiError =
                QuestradeParsing::parseApiError(text.toUtf8());
            if (apiError && apiError->code == QuestradeHttp::kInvalidTokenCode)
                m_auth.reportInvalidAccessToken(m_sentToken);
            fail(tr("Questrade refused the stream (%1).").arg(apiError ? apiError->message : QString()));
            return;
        }
        // Quotes before {"success"}: the server evidently accepted the token.
        if (!message.contains(QLatin1String("quotes")))
            return;
        becomeLive();
    }
    if (message.contains(QLatin1String("quotes")))
        handleQuotes(message);
}

void QuoteStream::handleQuotes(const QJsonObject &message)
{
    const QList<BrokerQuote> quotes = m_records.merge(message, m_ids);
    if (quotes.isEmpty())
        return;
    if (!m_receivedQuotes) {
        m_receivedQuotes = true;
        m_failures = 0; // the stream proved healthy: the next drop reconnects after the shortest backoff
    }
    Q_EMIT quotesReceived(quotes);
}

void QuoteStream::fail(const QString &reason, bool notOffered)
{
    if (!m_running)
        return;
    closeSocket();
    ++m_generation;
    ++m_failures;
    const qint64 base = m_options.backoffBase.count();
    const qint64 cap = std::max<qint64>(base, m_options.backoffMax.count());
    const qint64 delay = std::min(cap, base << std::min(m_failures - 1, 20));
    qint64 jittered = std::min(cap, delay + static_cast<qint64>(QRandomGenerator::global()->bounded(0.5) *
                                                                static_cast<double>(delay)));
    if (notOffered)
        jittered = std::max<qint64>(jittered, m_options.notOfferedDelay.count());
    qCWarning(lcBroker, "Quote stream: %s Polling meanwhile; next stream attempt in %lld ms",
              qUtf8Printable(reason), static_cast<long long>(jittered));
    setState(State::Waiting);
    Q_EMIT faulted(reason);
    m_retryTimer.start(std::chrono::milliseconds(jittered));
}

void QuoteStream::stopTooLong(const QString &reason)
{
    qCWarning(lcBroker, "Quote stream: %s Stopped: the ids must be split over several streams",
              qUtf8Printable(reason));
    m_running = false;
    closeSocket();
    ++m_generation;
    m_retryTimer.stop();
    setState(State::Stopped);
    Q_EMIT subscriptionTooLong();
}

void QuoteStream::closeSocket()
{
    m_authTimer.stop();
    m_pingTimer.stop();
    m_pongDeadline.stop();
    m_tokenSent = false;
    m_keepAliveTimer.stop();
    delete m_attemptContext; // drops the callbacks of a port request or token wait in flight
    m_attemptContext = new QObject(this);
    m_authenticated = false;
    m_receivedQuotes = false;
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->close();
    socket->deleteLater();
}

void QuoteStream::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void QuoteStream::becomeLive()
{
    m_authenticated = true;
    m_authTimer.stop();
    setState(State::Live);
    m_keepAliveTimer.start(m_options.keepAliveInterval);
    m_pingTimer.start(m_options.pingInterval);
}

void QuoteStream::ping()
{
    if (!m_socket)
        return;
    // The deadline runs from the oldest unanswered ping: any pong proves the connection alive.
    if (!m_pongDeadline.isActive())
        m_pongDeadline.start(m_options.pongTimeout);
    m_socket->ping();
}

void QuoteStream::keepAlive()
{
    if (m_options.keepSessionAlive)
        keepSessionAlive(m_client, m_auth, this);
}

void QuoteStream::keepSessionAlive(QuestradeClient &client, QuestradeAuth &auth, QObject *context)
{
    auth.refreshAccessTokenEarly();
    client.fetchServerTime(context, [](Result<QDateTime> time) {
        if (!time)
            qCWarning(lcBroker, "Quote stream: the keep-alive call failed: %s",
                      qUtf8Printable(time.error().message));
    });
}

} // namespace trailguard
