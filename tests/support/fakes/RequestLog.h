#pragma once

#include "demo/FakeQuestradeServer.h"

#include <QList>

namespace trailguard::test {

// The requests a fake Questrade server answered (or dropped), in the order the answers left; the latest
// 100 000 are kept.
class RequestLog {
public:
    using Request = FakeQuestradeServer::Request;
    using Category = FakeQuestradeServer::Category;

    void record(const Request &request);
    QList<Request> requests() const;
    int count(const QString &pathPrefix) const;
    // The most requests of a category received within any one-second window.
    int maxPerSecond(Category category) const;
    void clear();

private:
    QList<Request> m_requests;
};

} // namespace trailguard::test
