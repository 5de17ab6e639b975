#pragma once

#include "broker/BrokerTypes.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <utility>

namespace trailguard {

class QuestradeTransport;

// The candles of one symbol over a range of any length (v1/markets/candles/{id}, questrade-api.md §4):
// the range is cut into calls of at most kMaxCandlesPerCall candles fetched one after the other, and the
// answers are merged into one series.
class CandleFetcher : public QObject {
    Q_OBJECT
public:
    // Questrade answers at most this many candles per call.
    static constexpr int kMaxCandlesPerCall = 2000;
    using CandlesCallback = std::function<void(Result<QList<Candle>>)>;

    explicit CandleFetcher(QuestradeTransport &transport, QObject *parent = nullptr);

    // The candles in [start, end), oldest first. A chunk Questrade still finds too large (1003/1005/413)
    // is halved and retried. Candles repeated across chunks are dropped, clipped pieces of one candle are
    // joined, and the first and last candle may be clipped to the range (the last may be in progress).
    // Fails as a whole on the first chunk that fails. `done` runs later, unless `context` is gone.
    void fetch(qint64 symbolId, const QDateTime &start, const QDateTime &end, CandleInterval interval,
               QObject *context, CandlesCallback done);

    // [start, end) cut into consecutive ranges that each hold at most kMaxCandlesPerCall candles: every
    // inner boundary falls on a candle boundary (a multiple of the interval; Eastern midnight for days
    // and weeks), so no candle is split between two calls. Empty when end <= start.
    static QList<std::pair<QDateTime, QDateTime>> chunks(const QDateTime &start, const QDateTime &end,
                                                         CandleInterval interval);

private:
    struct Job;
    void requestNext(const std::shared_ptr<Job> &job);

    QuestradeTransport &m_transport;
};

} // namespace trailguard
