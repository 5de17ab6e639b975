#include "fakes/RequestLog.h"

#include <algorithm>

namespace trailguard::test {

namespace {

constexpr qsizetype kMaxRecordedRequests = 100000;

} // namespace

void RequestLog::record(const Request &request)
{
    if (m_requests.size() >= kMaxRecordedRequests)
        m_requests.removeFirst();
    m_requests.append(request);
}

QList<RequestLog::Request> RequestLog::requests() const
{
    return m_requests;
}

int RequestLog::count(const QString &pathPrefix) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(), [&pathPrefix](const Request &request) {
        return request.path.startsWith(pathPrefix);
    }));
}

int RequestLog::maxPerSecond(Category category) const
{
    QList<qint64> times;
    for (const Request &request : m_requests) {
        if (request.category == category)
            times.append(request.receivedAt.toMSecsSinceEpoch());
    }
    std::sort(times.begin(), times.end());
    // The largest number of requests in any window [t, t + 1 s).
    int best = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times.at(last) - times.at(first) >= 1000)
            ++first;
        best = std::max(best, int(last - first + 1));
    }
    return best;
}

void RequestLog::clear()
{
    m_requests.clear();
}

} // namespace trailguard::test
