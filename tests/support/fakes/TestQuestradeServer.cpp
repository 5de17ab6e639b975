#include "fakes/TestQuestradeServer.h"

#include <QTimeZone>

#include <algorithm>

namespace trailguard::test {

TestQuestradeServer::TestQuestradeServer(QObject *parent)
    : FakeQuestradeServer(parent)
    , m_stream(*FakeQuestradeServer::streamServer())
{
    setHooks(this);
}

TestQuestradeServer::~TestQuestradeServer()
{
    setHooks(nullptr);
}

void TestQuestradeServer::openMarketNow()
{
    // Never from before midnight in Toronto: the app takes only a session dated today there as today's, so
    // from 00:00 to 01:00 Toronto time "an hour ago" read as "closed today".
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone toronto(QByteArrayLiteral("America/Toronto"));
    const QDateTime midnight = QDateTime(now.toTimeZone(toronto).date(), QTime(0, 0), toronto).toUTC();
    setMarketHours(std::max(now.addSecs(-3600), midnight), now.addSecs(6 * 3600));
}

QuestradeFaultPlan &TestQuestradeServer::faults()
{
    return m_faults;
}

const RequestLog &TestQuestradeServer::log() const
{
    return m_log;
}

TestQuoteStream *TestQuestradeServer::streamServer()
{
    return &m_stream;
}

void TestQuestradeServer::failNextRequests(int count, int httpStatus, int code)
{
    m_faults.failNextRequests(count, httpStatus, code);
}

void TestQuestradeServer::dropNextConnections(int count)
{
    m_faults.dropNextConnections(count);
}

void TestQuestradeServer::sendMalformedJson(int count)
{
    m_faults.sendMalformedJson(count);
}

void TestQuestradeServer::setResponseDelay(int milliseconds)
{
    m_faults.setResponseDelay(milliseconds);
}

void TestQuestradeServer::failNextTokenRequests(int count, int httpStatus, const QByteArray &body)
{
    m_faults.failNextTokenRequests(count, httpStatus, body);
}

void TestQuestradeServer::holdTokenAnswers(int milliseconds)
{
    m_faults.holdTokenAnswers(milliseconds);
}

void TestQuestradeServer::setUnknownQuoteIdsAnswer404(bool answer404)
{
    m_faults.setUnknownQuoteIdsAnswer404(answer404);
}

void TestQuestradeServer::setQuoteCorruption(qint64 symbolId, QuoteCorruption corruption)
{
    m_faults.setQuoteCorruption(symbolId, corruption);
}

int TestQuestradeServer::tokenRequestsReceived() const
{
    return m_tokenRequestsReceived;
}

QList<TestQuestradeServer::Request> TestQuestradeServer::requests() const
{
    return m_log.requests();
}

int TestQuestradeServer::requestCount(const QString &pathPrefix) const
{
    return m_log.count(pathPrefix);
}

int TestQuestradeServer::maxRequestsPerSecond(Category category) const
{
    return m_log.maxPerSecond(category);
}

void TestQuestradeServer::clearRequests()
{
    m_log.clear();
}

bool TestQuestradeServer::dropConnection(const Request &)
{
    return m_faults.takeDrop();
}

std::optional<http::Response> TestQuestradeServer::answerInstead(const Request &request)
{
    if (request.path == QLatin1String("/oauth2/token")) {
        ++m_tokenRequestsReceived;
        Q_EMIT tokenRequestReceived();
    }
    Q_EMIT requestReceived(request);
    return m_faults.answerInstead(request);
}

void TestQuestradeServer::alterAnswer(const Request &request, http::Response &response)
{
    m_faults.alterAnswer(request, response);
}

int TestQuestradeServer::answerDelayMs(const Request &request)
{
    return m_faults.answerDelayMs(request);
}

void TestQuestradeServer::answered(const Request &request)
{
    m_log.record(request);
    Q_EMIT requestHandled(request);
}

} // namespace trailguard::test
