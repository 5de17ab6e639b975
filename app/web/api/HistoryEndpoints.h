#pragma once

#include "common/Result.h"
#include "web/ApiTypes.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace trailguard::Web {

// GET /api/v1/history/{ticker}?from=&to=&points=N: the ticker's decimated price, peak and stop series
// (HistorySeries). Read on a worker thread with a connection of its own, as the window's chart does, and
// answered when done.
class HistoryEndpoints : public ApiEndpoints {
public:
    static constexpr int kDefaultPoints = 500;
    static constexpr int kMinimumPoints = 4;
    static constexpr int kMaximumPoints = 10000;

    explicit HistoryEndpoints(const WebServices &services);
    ~HistoryEndpoints() override;
    bool handle(const ApiRequest &request, const Respond &respond) override;

    // "2026-01-05" (a whole UTC day: its start for `from`, the next day's start for `to`) or an ISO 8601 time
    // with a zone ("2026-01-05T14:30:00Z"); an empty text gives `fallback`.
    static Result<QDateTime> parseTime(const QString &text, bool endOfDay, const QDateTime &fallback);

private:
    WebServices m_services;
    std::unique_ptr<QObject> m_context; // late answers are dropped once the endpoints are gone
};

} // namespace trailguard::Web
