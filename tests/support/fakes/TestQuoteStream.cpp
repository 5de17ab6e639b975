#include "fakes/TestQuoteStream.h"

#include <QTcpSocket>
#include <QWebSocket>

#include <algorithm>

namespace trailguard::test {

TestQuoteStream::TestQuoteStream(FakeQuoteStreamServer &server)
    : m_server(server)
{
    m_server.setHooks(this);
}

TestQuoteStream::~TestQuoteStream()
{
    m_server.setHooks(nullptr);
}

void TestQuoteStream::dropAllConnections()
{
    const QList<QWebSocket *> sockets = m_server.sockets();
    for (QWebSocket *socket : sockets) {
        const bool unresponsive = m_unresponsive.remove(socket);
        socket->abort();
        if (unresponsive)
            m_server.forget(socket); // its disconnected() is blocked with the rest of its signals
    }
}

void TestQuoteStream::setRefuseTokens(bool refuse)
{
    m_refuseTokens = refuse;
}

void TestQuoteStream::setSilent(bool silent)
{
    m_silent = silent;
}

void TestQuoteStream::setPartialRecords(bool partial)
{
    m_partial = partial;
}

void TestQuoteStream::setAuthenticationDelay(int milliseconds)
{
    m_authDelayMs = std::max(0, milliseconds);
}

void TestQuoteStream::setUnresponsive(bool unresponsive)
{
    QList<QWebSocket *> closedMeanwhile;
    const QList<QWebSocket *> sockets = m_server.sockets();
    for (QWebSocket *socket : sockets) {
        QTcpSocket *tcp = m_server.transportOf(socket);
        if (m_unresponsive.contains(socket) == unresponsive || !tcp)
            continue;
        if (unresponsive)
            m_unresponsive.insert(socket);
        else
            m_unresponsive.remove(socket);
        tcp->blockSignals(unresponsive);
        if (!unresponsive && tcp->state() != QAbstractSocket::ConnectedState)
            closedMeanwhile.append(socket);
    }
    for (QWebSocket *socket : std::as_const(closedMeanwhile))
        m_server.forget(socket);
}

void TestQuoteStream::setMaxConnections(int maximum)
{
    m_maxConnections = std::max(0, maximum);
}

void TestQuoteStream::handshakeRequested(int urlLength)
{
    m_urlLengths.append(urlLength);
}

std::optional<QByteArray> TestQuoteStream::refuseHandshake(int openSockets)
{
    if (m_maxConnections > 0 && openSockets >= m_maxConnections)
        return QByteArrayLiteral("503 Service Unavailable");
    return std::nullopt;
}

void TestQuoteStream::handshakeRefused()
{
    ++m_handshakesRefused;
}

void TestQuoteStream::socketAccepted(int openSockets)
{
    ++m_accepted;
    m_maxOpen = std::max(m_maxOpen, openSockets);
}

bool TestQuoteStream::refuseToken(const QByteArray &)
{
    return m_refuseTokens;
}

void TestQuoteStream::tokenRefused()
{
    ++m_refused;
}

void TestQuoteStream::tokenAccepted(const QByteArray &token)
{
    m_acceptedTokens.append(token);
}

int TestQuoteStream::authenticationDelayMs()
{
    return m_authDelayMs;
}

bool TestQuoteStream::silent()
{
    return m_silent;
}

bool TestQuoteStream::partialRecords()
{
    return m_partial;
}

bool TestQuoteStream::pushTo(QWebSocket *socket)
{
    return !m_unresponsive.contains(socket);
}

void TestQuoteStream::messageSent()
{
    ++m_messages;
}

void TestQuoteStream::socketClosed(QWebSocket *socket)
{
    m_unresponsive.remove(socket);
}

} // namespace trailguard::test
