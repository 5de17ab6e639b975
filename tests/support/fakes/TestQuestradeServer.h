#pragma once

#include "fakes/QuestradeFaultPlan.h"
#include "fakes/RequestLog.h"
#include "fakes/TestQuoteStream.h"

#include "demo/FakeQuestradeServer.h"

namespace trailguard::test {

// The fake Questrade server as tests use it: the product's FakeQuestradeServer with a fault plan and a
// request log attached through its hooks. The switches keep the names tests have always called.
class TestQuestradeServer : public FakeQuestradeServer, private FakeQuestradeServer::Hooks {
    Q_OBJECT
public:
    using QuoteCorruption = QuestradeFaultPlan::QuoteCorruption;

    explicit TestQuestradeServer(QObject *parent = nullptr);
    ~TestQuestradeServer() override;

    // The markets open from an hour ago (at most since midnight, Toronto time) to six hours from now: the
    // app polls only while a market is open, and a test must not depend on the time of day it runs. On a
    // Saturday or Sunday no market opens whatever the server says: such tests also call checkOnEveryDay().
    void openMarketNow();

    QuestradeFaultPlan &faults();
    const RequestLog &log() const;
    // The stream with its fault switches and counters (hides FakeQuestradeServer::streamServer()).
    TestQuoteStream *streamServer();

    // --- faults (see QuestradeFaultPlan) ---
    void failNextRequests(int count, int httpStatus, int code = 1008);
    void dropNextConnections(int count);
    void sendMalformedJson(int count);
    void setResponseDelay(int milliseconds);
    void failNextTokenRequests(int count, int httpStatus, const QByteArray &body = {});
    void holdTokenAnswers(int milliseconds);
    void setUnknownQuoteIdsAnswer404(bool answer404);
    void setQuoteCorruption(qint64 symbolId, QuoteCorruption corruption);
    int tokenRequestsReceived() const;

    // --- observations (see RequestLog) ---
    QList<Request> requests() const;
    int requestCount(const QString &pathPrefix) const;
    int maxRequestsPerSecond(Category category) const;
    void clearRequests();

Q_SIGNALS:
    // A request arrived, before its answer is worked out (or held back by a response delay).
    void requestReceived(const trailguard::FakeQuestradeServer::Request &request);
    // An answer left (after any response delay), or a connection was dropped (status 0).
    void requestHandled(const trailguard::FakeQuestradeServer::Request &request);
    // A token call arrived (before any hold of its answer).
    void tokenRequestReceived();

private:
    bool dropConnection(const Request &request) override;
    std::optional<http::Response> answerInstead(const Request &request) override;
    void alterAnswer(const Request &request, http::Response &response) override;
    int answerDelayMs(const Request &request) override;
    void answered(const Request &request) override;

    QuestradeFaultPlan m_faults;
    RequestLog m_log;
    TestQuoteStream m_stream;
    int m_tokenRequestsReceived = 0;
};

} // namespace trailguard::test
