#pragma once

#include "demo/FakeQuestradeServer.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace trailguard::test {

// The fault switches of the fake Questrade server, for tests only (the demo never carries them).
// Each count applies to the next requests to the API or login paths, in the order FakeQuestradeServer.cpp
// lists: drops first, then token faults, failNextRequests, then (on answers of requests carried out)
// unknown quote ids, quote corruption and malformed bodies.
class QuestradeFaultPlan {
public:
    using Request = FakeQuestradeServer::Request;

    // How setQuoteCorruption spoils a symbol's record in markets/quotes?ids= answers.
    enum class QuoteCorruption {
        None,
        MissingSymbolId, // the record has no symbolId
        PriceAsText,     // lastTradePrice is a string ("12.5") instead of a number
    };

    // Note: QNetworkAccessManager resends a request once, silently, when its connection closes with no
    // answer, so dropNextConnections(1) goes unnoticed by it; 2 make it fail (RemoteHostClosedError).
    // sendMalformedJson counts only answers that would have been 200 and cuts their body in half; the
    // request is still carried out (a refresh token is rotated). failNextRequests answers JSON
    // {code, message} instead of carrying the request out (no token used, nothing counted).
    void failNextRequests(int count, int httpStatus, int code = 1008);
    void dropNextConnections(int count);
    void sendMalformedJson(int count);
    // Holds every answer back (faults and errors included, drops excepted).
    void setResponseDelay(int milliseconds);
    // The token endpoint only: the next `count` token calls are answered `httpStatus` with `body` (empty:
    // the login host's bare reason text) and spend no refresh token; they come before failNextRequests.
    void failNextTokenRequests(int count, int httpStatus, const QByteArray &body = {});
    // Token calls are carried out when they arrive and answered after the longer of this and the
    // response delay.
    void holdTokenAnswers(int milliseconds);
    // true: markets/quotes?ids= naming any id that is not listed answers 404 / 1019 for the whole batch
    // (false, the default: unknown ids are left out of a 200).
    void setUnknownQuoteIdsAnswer404(bool answer404);
    // The symbol's record in markets/quotes?ids= answers is spoiled as `corruption` says (None:
    // repaired). The rest of the batch is sent as usual; the stream is not affected.
    void setQuoteCorruption(qint64 symbolId, QuoteCorruption corruption);

    // The steps of FakeQuestradeServer::Hooks.
    bool takeDrop();
    std::optional<http::Response> answerInstead(const Request &request);
    void alterAnswer(const Request &request, http::Response &response);
    int answerDelayMs(const Request &request) const;

private:
    void applyQuoteFaults(const Request &request, http::Response &response) const;

    int m_dropNext = 0;
    int m_failNext = 0;
    int m_failStatus = 500;
    int m_failCode = 1008;
    int m_malformedNext = 0;
    int m_delayMs = 0;
    int m_tokenFailNext = 0;
    int m_tokenFailStatus = 403;
    QByteArray m_tokenFailBody;
    int m_tokenHoldMs = 0;
    bool m_unknownQuoteIdsAnswer404 = false;
    QHash<qint64, QuoteCorruption> m_quoteCorruptions;
};

} // namespace trailguard::test
