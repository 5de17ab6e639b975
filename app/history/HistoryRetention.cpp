#include "history/HistoryRetention.h"

#include "common/Clock.h"
#include "history/HistoryLogging.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QFutureWatcher>
#include <QMap>
#include <QPointer>
#include <QtConcurrent>

#include <algorithm>

namespace trailguard {

namespace HistoryRetention {

namespace {
qint64 bucketOf(const QDateTime &time)
{
    const qint64 seconds = time.toSecsSinceEpoch();
    return seconds - (((seconds % kCandleSeconds) + kCandleSeconds) % kCandleSeconds);
}

// The 5-minute buckets of a ticker's quotes (oldest first), each a candle that keeps the last peak and stop
// held in its bucket (`held`: those recorded with the quotes, oldest first).
QList<StoredCandle> fold(const QList<PricePoint> &quotes, const QList<StopPoint> &held)
{
    QMap<qint64, StoredCandle> buckets; // bucket start (s since epoch) -> candle
    for (const PricePoint &quote : quotes) {
        const qint64 bucket = bucketOf(quote.time);
        auto it = buckets.find(bucket);
        if (it == buckets.end()) {
            StoredCandle candle;
            candle.start = QDateTime::fromSecsSinceEpoch(bucket, QTimeZone::utc());
            candle.end = candle.start.addSecs(kCandleSeconds);
            candle.open = candle.high = candle.low = quote.price;
            candle.close = quote.price;
            buckets.insert(bucket, candle);
            continue;
        }
        // Quotes come oldest first: the last one is the close.
        it->high = std::max(*it->high, quote.price);
        it->low = std::min(*it->low, quote.price);
        it->close = quote.price;
    }
    for (const StopPoint &point : held) {
        if (const auto it = buckets.find(bucketOf(point.time)); it != buckets.end()) {
            it->peak = point.peak;
            it->stop = point.stop;
        }
    }
    return buckets.values();
}

// `candle` (newer quotes) merged into a candle already stored for the same bucket.
StoredCandle mergeInto(const StoredCandle &existing, const StoredCandle &candle)
{
    StoredCandle merged = candle;
    merged.open = existing.open ? existing.open : candle.open;
    if (existing.high)
        merged.high = std::max(*existing.high, *candle.high);
    if (existing.low)
        merged.low = std::min(*existing.low, *candle.low);
    merged.volume = existing.volume;
    if (!candle.stop) {
        merged.peak = existing.peak;
        merged.stop = existing.stop;
    }
    return merged;
}
} // namespace

Result<RetentionReport> run(QSqlDatabase db, const QDateTime &now, std::chrono::hours age)
{
    const qint64 cutSeconds = now.addSecs(-qint64(age.count()) * 3600).toSecsSinceEpoch();
    const QDateTime cutoff = QDateTime::fromSecsSinceEpoch(
        cutSeconds - (((cutSeconds % kCandleSeconds) + kCandleSeconds) % kCandleSeconds), QTimeZone::utc());
    PriceHistoryRepository repository(db);
    return inTransaction(db, [&]() -> Result<RetentionReport> {
        RetentionReport report;
        const Result<QStringList> tickers = repository.tickersWithQuotesBefore(cutoff);
        if (!tickers)
            return tickers.error();
        for (const QString &ticker : tickers.value()) {
            const Result<QList<PricePoint>> quotes =
                repository.quotes(ticker, QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()), cutoff);
            if (!quotes)
                return quotes.error();
            const Result<QList<StopPoint>> held =
                repository.quoteHeldStops(ticker, QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc()), cutoff);
            if (!held)
                return held.error();
            QList<StoredCandle> candles = fold(quotes.value(), held.value());
            if (candles.isEmpty())
                continue;
            const Result<QList<StoredCandle>> existing = repository.candles(
                ticker, kCandleSeconds, candles.constFirst().start, candles.constLast().end);
            if (!existing)
                return existing.error();
            qsizetype e = 0;
            for (StoredCandle &candle : candles) {
                while (e < existing.value().size() && existing.value().at(e).start < candle.start)
                    ++e;
                if (e < existing.value().size() && existing.value().at(e).start == candle.start)
                    candle = mergeInto(existing.value().at(e), candle);
            }
            if (Status stored = repository.storeCandles(ticker, kCandleSeconds, candles); !stored)
                return stored.error();
            const Result<int> removed = repository.removeQuotesBefore(ticker, cutoff);
            if (!removed)
                return removed.error();
            ++report.tickers;
            report.quotesFolded += removed.value();
            report.candlesWritten += int(candles.size());
        }
        return report;
    });
}

} // namespace HistoryRetention

HistoryRetentionSchedule::HistoryRetentionSchedule(QString databaseFile, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_databaseFile(std::move(databaseFile))
    , m_clock(clock)
    , m_timer(clock.createTimer())
{
    connect(m_timer.get(), &ClockTimer::timeout, this, [this] { runNow(); });
}

HistoryRetentionSchedule::~HistoryRetentionSchedule() = default;

void HistoryRetentionSchedule::start(std::chrono::milliseconds period)
{
    m_timer->start(period);
    runNow();
}

void HistoryRetentionSchedule::stop()
{
    m_timer->stop();
}

bool HistoryRetentionSchedule::runNow()
{
    if (m_running)
        return false;
    m_running = true;
    const QString file = m_databaseFile;
    const QDateTime now = m_clock.now();
    const std::chrono::hours age = m_age;
    auto *watcher = new QFutureWatcher<Result<RetentionReport>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Result<RetentionReport> result = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (!result)
            qCWarning(lcHistory, "Price history retention failed: %s",
                      qUtf8Printable(result.error().message));
        else if (result.value().quotesFolded > 0)
            qCInfo(lcHistory, "Folded %d old quotes of %d tickers into %d five-minute candles",
                   result.value().quotesFolded, result.value().tickers, result.value().candlesWritten);
        Q_EMIT passFinished(result);
    });
    // The worker opens (and closes) its own connection: SQLite connections belong to one thread.
    watcher->setFuture(QtConcurrent::run([file, now, age]() -> Result<RetentionReport> {
        Result<std::unique_ptr<Database>> database = Database::open(file);
        if (!database)
            return database.error();
        return HistoryRetention::run(database.value()->connection(), now, age);
    }));
    return true;
}

} // namespace trailguard
