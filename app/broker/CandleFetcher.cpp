#include "broker/CandleFetcher.h"

#include "broker/BrokerLogging.h"
#include "broker/DeliverLater.h"
#include "broker/QuestradeParsing.h"
#include "broker/QuestradeTransport.h"
#include "domain/MarketCalendar.h"

#include <QPointer>
#include <QUrl>

#include <algorithm>
#include <deque>

namespace trailguard {

namespace {

// Adds `candle` after the candles fetched so far (oldest first): a candle seen already is dropped (the
// more complete copy kept), and two clipped pieces of one candle are joined.
void appendCandle(QList<Candle> &candles, const Candle &candle, qint64 intervalSeconds)
{
    if (candles.isEmpty() || candle.start > candles.constLast().end) {
        candles.append(candle);
        return;
    }
    Candle &last = candles.last();
    if (candle.start < last.start)
        return; // older than what we have: a repeat
    if (candle.start == last.start) {
        if (candle.end > last.end)
            last = candle;
        return;
    }
    // Days and weeks may be an hour shorter or longer across a DST change.
    const qint64 tolerance = intervalSeconds >= 86400 ? 3600 : 0;
    const qint64 together = last.start.secsTo(candle.end);
    const bool overlaps = candle.start < last.end;
    if (!overlaps && together > intervalSeconds + tolerance) {
        candles.append(candle); // the next candle, starting where the last one ends
        return;
    }
    // The rest of the same candle (a piece clipped at a chunk boundary, or an overlapping copy).
    last.high = std::max(last.high, candle.high);
    last.low = std::min(last.low, candle.low);
    if (candle.end >= last.end) {
        last.close = candle.close;
        last.end = candle.end;
    }
    last.volume = overlaps ? std::max(last.volume, candle.volume) : last.volume + candle.volume;
}

} // namespace

struct CandleFetcher::Job {
    qint64 symbolId = 0;
    CandleInterval interval = CandleInterval::OneDay;
    QDateTime end;                                      // of the whole range
    std::deque<std::pair<QDateTime, QDateTime>> chunks; // still to fetch, oldest first
    QList<Candle> candles;
    QPointer<QObject> context;
    CandlesCallback done;
};

CandleFetcher::CandleFetcher(QuestradeTransport &transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{}

QList<std::pair<QDateTime, QDateTime>> CandleFetcher::chunks(const QDateTime &start, const QDateTime &end,
                                                             CandleInterval interval)
{
    QList<std::pair<QDateTime, QDateTime>> chunks;
    if (!start.isValid() || !end.isValid() || end <= start)
        return chunks;
    const qint64 seconds = candleIntervalSeconds(interval);
    const bool calendar = seconds >= 86400;
    QDateTime from = start.toUTC();
    const QDateTime until = end.toUTC();
    while (from < until) {
        // The boundary kMaxCandlesPerCall candles after the one `from` falls in: then a clipped first
        // candle plus the whole ones after it still make at most kMaxCandlesPerCall.
        QDateTime next;
        if (calendar) {
            const QDateTime local = from.toTimeZone(MarketCalendar::easternZone());
            // Weeks: one fewer, as we do not know on which day Questrade starts them.
            const qint64 days = interval == CandleInterval::OneWeek ? 7LL * (kMaxCandlesPerCall - 1)
                                                                    : qint64(kMaxCandlesPerCall);
            next = QDateTime(local.date().addDays(days), QTime(0, 0), MarketCalendar::easternZone()).toUTC();
        } else {
            const qint64 epoch = from.toSecsSinceEpoch();
            const qint64 bucket = epoch - (((epoch % seconds) + seconds) % seconds);
            next = QDateTime::fromSecsSinceEpoch(bucket + seconds * kMaxCandlesPerCall, QTimeZone::utc());
        }
        if (next <= from) // cannot happen for sane intervals; never loop forever
            next = from.addSecs(seconds * kMaxCandlesPerCall);
        if (next > until)
            next = until;
        chunks.append({from, next});
        from = next;
    }
    return chunks;
}

void CandleFetcher::fetch(qint64 symbolId, const QDateTime &start, const QDateTime &end,
                          CandleInterval interval, QObject *context, CandlesCallback done)
{
    auto job = std::make_shared<Job>();
    job->symbolId = symbolId;
    job->interval = interval;
    job->end = end.toUTC();
    job->context = context ? context : this;
    job->done = std::move(done);
    if (symbolId <= 0) {
        deliverLater<QList<Candle>>(
            this, job->context, job->done,
            Error{ErrorCode::InvalidArguments, tr("Candles need a Questrade symbol id.")});
        return;
    }
    const QList<std::pair<QDateTime, QDateTime>> ranges = chunks(start, end, interval);
    job->chunks.assign(ranges.cbegin(), ranges.cend());
    requestNext(job);
}

void CandleFetcher::requestNext(const std::shared_ptr<Job> &job)
{
    if (job->chunks.empty()) {
        deliverLater<QList<Candle>>(this, job->context, job->done, job->candles);
        return;
    }
    if (!job->context)
        return; // nobody waits for the rest
    const auto [from, to] = job->chunks.front();
    const auto encoded = [](const QDateTime &time) {
        return QString::fromLatin1(QUrl::toPercentEncoding(QuestradeParsing::queryTime(time)));
    };
    const QString query =
        QStringLiteral("startTime=%1&endTime=%2&interval=%3")
            .arg(encoded(from), encoded(to), QuestradeParsing::candleIntervalName(job->interval));
    m_transport.get(QStringLiteral("v1/markets/candles/%1").arg(job->symbolId), query,
                    [this, job](const QuestradeTransport::Answer &answer) {
                        const auto [from, to] = job->chunks.front();
                        job->chunks.pop_front();
                        const qint64 seconds = candleIntervalSeconds(job->interval);
                        if (!answer.body) {
                            if (answer.tooLarge && from.secsTo(to) > seconds) {
                                const QDateTime middle = from.addSecs(from.secsTo(to) / 2);
                                qCInfo(lcBroker, "Questrade found a candle range too wide: halving it");
                                job->chunks.push_front({middle, to});
                                job->chunks.push_front({from, middle});
                                requestNext(job);
                                return;
                            }
                            deliverLater<QList<Candle>>(this, job->context, job->done, answer.body.error());
                            return;
                        }
                        Result<QList<Candle>> candles = QuestradeParsing::parseCandles(answer.body.value());
                        if (!candles) {
                            deliverLater<QList<Candle>>(this, job->context, job->done, candles.error());
                            return;
                        }
                        QList<Candle> received = std::move(candles).value();
                        // Oldest first, as Questrade sends them; sorted anyway, since the merge relies on it.
                        std::stable_sort(received.begin(), received.end(),
                                         [](const Candle &a, const Candle &b) { return a.start < b.start; });
                        for (const Candle &candle : std::as_const(received)) {
                            if (candle.start < job->end)
                                appendCandle(job->candles, candle, seconds);
                        }
                        requestNext(job);
                    });
}

} // namespace trailguard
