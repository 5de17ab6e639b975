#include "fakes/QuestradeFaultPlan.h"

#include "demo/FakeQuestradeEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace trailguard::test {

namespace {

namespace endpoints = FakeQuestradeEndpoints;

bool isTokenCall(const FakeQuestradeServer::Request &request)
{
    return request.path == QLatin1String("/oauth2/token");
}

} // namespace

void QuestradeFaultPlan::failNextRequests(int count, int httpStatus, int code)
{
    m_failNext = std::max(0, count);
    m_failStatus = httpStatus;
    m_failCode = code;
}

void QuestradeFaultPlan::dropNextConnections(int count)
{
    m_dropNext = std::max(0, count);
}

void QuestradeFaultPlan::sendMalformedJson(int count)
{
    m_malformedNext = std::max(0, count);
}

void QuestradeFaultPlan::setResponseDelay(int milliseconds)
{
    m_delayMs = std::max(0, milliseconds);
}

void QuestradeFaultPlan::failNextTokenRequests(int count, int httpStatus, const QByteArray &body)
{
    m_tokenFailNext = std::max(0, count);
    m_tokenFailStatus = httpStatus;
    m_tokenFailBody = body;
}

void QuestradeFaultPlan::holdTokenAnswers(int milliseconds)
{
    m_tokenHoldMs = std::max(0, milliseconds);
}

void QuestradeFaultPlan::setUnknownQuoteIdsAnswer404(bool answer404)
{
    m_unknownQuoteIdsAnswer404 = answer404;
}

void QuestradeFaultPlan::setQuoteCorruption(qint64 symbolId, QuoteCorruption corruption)
{
    if (corruption == QuoteCorruption::None)
        m_quoteCorruptions.remove(symbolId);
    else
        m_quoteCorruptions.insert(symbolId, corruption);
}

bool QuestradeFaultPlan::takeDrop()
{
    if (m_dropNext <= 0)
        return false;
    --m_dropNext;
    return true;
}

std::optional<http::Response> QuestradeFaultPlan::answerInstead(const Request &request)
{
    if (m_tokenFailNext > 0 && isTokenCall(request)) {
        --m_tokenFailNext;
        http::Response response = endpoints::loginError(m_tokenFailStatus);
        if (!m_tokenFailBody.isEmpty()) {
            response.contentType = QByteArrayLiteral("application/json; charset=utf-8");
            response.body = m_tokenFailBody;
        }
        return response;
    }
    if (m_failNext > 0) {
        --m_failNext;
        return endpoints::apiError(m_failStatus, m_failCode);
    }
    return std::nullopt;
}

void QuestradeFaultPlan::alterAnswer(const Request &request, http::Response &response)
{
    applyQuoteFaults(request, response);
    if (response.status == 200 && m_malformedNext > 0) {
        --m_malformedNext;
        // A strict prefix of a JSON object is never valid JSON.
        response.body.truncate(std::max<qsizetype>(1, response.body.size() / 2));
    }
}

int QuestradeFaultPlan::answerDelayMs(const Request &request) const
{
    return isTokenCall(request) ? std::max(m_delayMs, m_tokenHoldMs) : m_delayMs;
}

// Works on the 200 answer of markets/quotes?ids= (the stream port excepted), which lists each known id
// once and leaves unknown ones out.
void QuestradeFaultPlan::applyQuoteFaults(const Request &request, http::Response &response) const
{
    if (response.status != 200 || request.path != QLatin1String("/v1/markets/quotes") ||
        (!m_unknownQuoteIdsAnswer404 && m_quoteCorruptions.isEmpty()))
        return;
    const endpoints::Params params = endpoints::parseForm(request.query.toUtf8());
    if (params.value(QStringLiteral("stream")) == QLatin1String("true"))
        return;
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QJsonArray quotes = body.value(QStringLiteral("quotes")).toArray();
    const auto ids = endpoints::parseIds(params.value(QStringLiteral("ids")));
    if (m_unknownQuoteIdsAnswer404 && ids && ids->size() > quotes.size()) {
        const http::Response notFound = endpoints::apiError(404, 1019);
        response.status = notFound.status;
        response.body = notFound.body;
        return;
    }
    for (qsizetype i = 0; i < quotes.size(); ++i) {
        QJsonObject record = quotes.at(i).toObject();
        const qint64 id = record.value(QStringLiteral("symbolId")).toInteger();
        switch (m_quoteCorruptions.value(id, QuoteCorruption::None)) {
        case QuoteCorruption::None:
            continue;
        case QuoteCorruption::MissingSymbolId:
            record.remove(QStringLiteral("symbolId"));
            break;
        case QuoteCorruption::PriceAsText:
            record.insert(QStringLiteral("lastTradePrice"),
                          QString::number(record.value(QStringLiteral("lastTradePrice")).toDouble()));
            break;
        }
        quotes.replace(i, record);
    }
    body.insert(QStringLiteral("quotes"), quotes);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace trailguard::test
