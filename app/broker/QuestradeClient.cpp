#include "broker/QuestradeClient.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeParsing.h"
#include "domain/MarketCalendar.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace trailguard {

namespace {
constexpr int kInvalidToken = 1017;
constexpr int kRateLimited = 1006;
constexpr int kArgumentTooLong = 1003;
constexpr int kRequestTooLarge = 1005;
constexpr int kSymbolNotFound = 1019;
constexpr int kAccountNotFound = 1018;
constexpr int kOutsideScopes = 1016;
constexpr int kUriTooLong = 414;

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

bool isBackEndError(int code)
{
    return (code >= 1007 && code <= 1011) || code == 1021;
}

// Runs `done(result)` from the event loop, unless `context` is gone by then.
template <typename T>
void deliverLater(QObject *receiver, QPointer<QObject> context, std::function<void(Result<T>)> done,
                  Result<T> result)
{
    QMetaObject::invokeMethod(
        receiver,
        [context, done = std::move(done), result = std::move(result)] {
            if (context)
                done(result);
        },
        Qt::QueuedConnection);
}
} // namespace

struct QuestradeClient::Call {
    QString path;
    QString query;
    RateLimiter::Category category = RateLimiter::Category::Account;
    int failures = 0;    // 5xx, timeouts and network errors so far
    int rateLimited = 0; // 429s so far
    bool tokenRetried = false;
    AnswerCallback done;
};

struct QuestradeClient::QuoteJob {
    QList<qint64> ids;
    QHash<qint64, BrokerQuote> quotes;
    QList<qint64> unknownIds;
    int pending = 0;
    std::optional<Error> error;
    QPointer<QObject> context;
    QuotesCallback done;
};

struct QuestradeClient::CandleJob {
    qint64 symbolId = 0;
    CandleInterval interval = CandleInterval::OneDay;
    QDateTime end;                                      // of the whole range
    std::deque<std::pair<QDateTime, QDateTime>> chunks; // still to fetch, oldest first
    QList<Candle> candles;
    QPointer<QObject> context;
    CandlesCallback done;
};

QuestradeClient::QuestradeClient(QNetworkAccessManager *network, QuestradeAuth &auth, RateLimiter &limiter,
                                 Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_options(options)
    , m_idsPerQuoteCall(std::max(1, options.idsPerQuoteCall))
    , m_symbols(
          [this](const QString &path, const QString &query, std::function<void(SymbolResolver::Reply)> done) {
              get(path, query, [done = std::move(done)](const Answer &answer) {
                  done(SymbolResolver::Reply{answer.body, answer.tooLarge});
              });
          },
          options.symbols)
{}

QuestradeClient::~QuestradeClient() = default;

void QuestradeClient::resolveSymbols(const QStringList &tickers, QObject *context, SymbolsCallback done)
{
    QPointer<QObject> receiver = context ? context : this;
    m_symbols.resolve(tickers, [this, receiver, done = std::move(done)](Result<SymbolMap> result) {
        deliverLater<SymbolMap>(this, receiver, done, std::move(result));
    });
}

void QuestradeClient::fetchQuotes(const QList<qint64> &symbolIds, QObject *context, QuotesCallback done)
{
    auto job = std::make_shared<QuoteJob>();
    job->context = context ? context : this;
    job->done = std::move(done);
    QSet<qint64> seen;
    for (qint64 id : symbolIds) {
        if (id > 0 && !seen.contains(id)) {
            seen.insert(id);
            job->ids.append(id);
        }
    }
    if (job->ids.isEmpty()) {
        finishQuotes(job);
        return;
    }
    const qsizetype idsKeyLength = 4; // "ids="
    for (const QList<qint64> &batch :
         QuestradeHttp::idBatches(job->ids, m_idsPerQuoteCall, idsKeyLength, m_options.maxQueryLength))
        requestQuotes(job, batch);
}

void QuestradeClient::requestQuotes(const std::shared_ptr<QuoteJob> &job, const QList<qint64> &ids)
{
    ++job->pending;
    QStringList idTexts;
    for (qint64 id : ids)
        idTexts.append(QString::number(id));
    get(QStringLiteral("v1/markets/quotes"), QStringLiteral("ids=") + idTexts.join(QLatin1Char(',')),
        [this, job, ids](const Answer &answer) {
            if (answer.body) {
                Result<QList<BrokerQuote>> quotes = QuestradeParsing::parseQuotes(answer.body.value());
                if (quotes) {
                    for (const BrokerQuote &quote : quotes.value())
                        job->quotes.insert(quote.symbolId, quote);
                } else if (!job->error) {
                    job->error = quotes.error();
                }
            } else if (answer.tooLarge && ids.size() > 1) {
                const qsizetype half = (ids.size() + 1) / 2;
                m_idsPerQuoteCall = std::min(m_idsPerQuoteCall, static_cast<int>(half));
                qCInfo(lcBroker,
                       "Questrade found %lld ids too many for one quote call: splitting, now %d per call",
                       static_cast<long long>(ids.size()), m_idsPerQuoteCall);
                requestQuotes(job, ids.mid(0, half));
                requestQuotes(job, ids.mid(half));
            } else if (answer.body.error().code == ErrorCode::SymbolNotFound && ids.size() > 1) {
                // Questrade refuses the whole batch for one id it does not know: halve it until that id
                // stands alone, so the others are still quoted. The batch size stays as it was.
                const qsizetype half = (ids.size() + 1) / 2;
                qCInfo(lcBroker, "Questrade does not know an id among %lld: splitting the quote call",
                       static_cast<long long>(ids.size()));
                requestQuotes(job, ids.mid(0, half));
                requestQuotes(job, ids.mid(half));
            } else if (answer.body.error().code == ErrorCode::SymbolNotFound) {
                qCWarning(lcBroker, "Questrade does not know symbol id %lld: no quote for it",
                          static_cast<long long>(ids.constFirst()));
                job->unknownIds.append(ids.constFirst());
            } else if (!job->error) {
                job->error = answer.body.error();
            }
            if (--job->pending == 0)
                finishQuotes(job);
        });
}

void QuestradeClient::finishQuotes(const std::shared_ptr<QuoteJob> &job)
{
    if (job->error) {
        deliverLater<QuoteBatch>(this, job->context, job->done, *job->error);
        return;
    }
    QuoteBatch batch;
    for (qint64 id : std::as_const(job->ids)) {
        if (const auto quote = job->quotes.constFind(id); quote != job->quotes.constEnd())
            batch.quotes.append(*quote);
        else if (job->unknownIds.contains(id))
            batch.unknownIds.append(id);
    }
    deliverLater<QuoteBatch>(this, job->context, job->done, batch);
}

void QuestradeClient::fetchMarkets(QObject *context, MarketsCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    get(QStringLiteral("v1/markets"), {}, [guard, done = std::move(done)](const Answer &answer) {
        if (guard)
            done(answer.body ? QuestradeParsing::parseMarkets(answer.body.value())
                             : Result<QList<MarketSession>>(answer.body.error()));
    });
}

void QuestradeClient::fetchServerTime(QObject *context, TimeCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    get(QStringLiteral("v1/time"), {}, [guard, done = std::move(done)](const Answer &answer) {
        if (guard)
            done(answer.body ? QuestradeParsing::parseServerTime(answer.body.value())
                             : Result<QDateTime>(answer.body.error()));
    });
}

void QuestradeClient::fetchAccounts(QObject *context, AccountsCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    get(QStringLiteral("v1/accounts"), {}, [guard, done = std::move(done)](const Answer &answer) {
        if (guard)
            done(answer.body ? QuestradeParsing::parseAccounts(answer.body.value())
                             : Result<QList<BrokerAccount>>(answer.body.error()));
    });
}

void QuestradeClient::fetchPositions(const QString &accountNumber, QObject *context, PositionsCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    const QString number = accountNumber.trimmed();
    if (number.isEmpty()) {
        deliverLater<QList<BrokerPosition>>(
            this, guard, std::move(done),
            Error{ErrorCode::AccountNotFound, tr("No account number was given.")});
        return;
    }
    const QString path = QStringLiteral("v1/accounts/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(number)) + QStringLiteral("/positions");
    get(path, {}, [guard, done = std::move(done)](const Answer &answer) {
        if (guard)
            done(answer.body ? QuestradeParsing::parsePositions(answer.body.value())
                             : Result<QList<BrokerPosition>>(answer.body.error()));
    });
}

void QuestradeClient::requestStreamPort(const QList<qint64> &symbolIds, QObject *context,
                                        StreamPortCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    QStringList idTexts;
    for (qint64 id : symbolIds)
        idTexts.append(QString::number(id));
    const QString query =
        QStringLiteral("ids=%1&stream=true&mode=WebSocket").arg(idTexts.join(QLatin1Char(',')));
    get(QStringLiteral("v1/markets/quotes"), query, [guard, done = std::move(done)](const Answer &answer) {
        if (!guard)
            return;
        if (!answer.body) {
            if (answer.tooLarge) // the stream must be split into several with fewer ids each
                done(Error{ErrorCode::RequestTooLong, answer.body.error().message});
            else
                done(answer.body.error());
            return;
        }
        const QJsonValue port = answer.body.value().value(QLatin1String("streamPort"));
        const double number = port.toDouble(-1);
        if (!port.isDouble() || number < 1 || number > 65535 || number != double(int(number))) {
            done(Error{ErrorCode::MalformedResponse,
                       tr("Questrade's stream answer has no valid streamPort.")});
            return;
        }
        done(quint16(number));
    });
}

QList<std::pair<QDateTime, QDateTime>>
QuestradeClient::candleChunks(const QDateTime &start, const QDateTime &end, CandleInterval interval)
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

void QuestradeClient::fetchCandles(qint64 symbolId, const QDateTime &start, const QDateTime &end,
                                   CandleInterval interval, QObject *context, CandlesCallback done)
{
    auto job = std::make_shared<CandleJob>();
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
    const QList<std::pair<QDateTime, QDateTime>> chunks = candleChunks(start, end, interval);
    job->chunks.assign(chunks.cbegin(), chunks.cend());
    requestNextCandles(job);
}

void QuestradeClient::requestNextCandles(const std::shared_ptr<CandleJob> &job)
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
    get(QStringLiteral("v1/markets/candles/%1").arg(job->symbolId), query, [this, job](const Answer &answer) {
        const auto [from, to] = job->chunks.front();
        job->chunks.pop_front();
        const qint64 seconds = candleIntervalSeconds(job->interval);
        if (!answer.body) {
            if (answer.tooLarge && from.secsTo(to) > seconds) {
                const QDateTime middle = from.addSecs(from.secsTo(to) / 2);
                qCInfo(lcBroker, "Questrade found a candle range too wide: halving it");
                job->chunks.push_front({middle, to});
                job->chunks.push_front({from, middle});
                requestNextCandles(job);
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
        requestNextCandles(job);
    });
}

void QuestradeClient::get(const QString &path, const QString &query, AnswerCallback done)
{
    auto call = std::make_shared<Call>();
    call->path = path;
    call->query = query;
    call->category = RateLimiter::categoryForPath(path);
    call->done = std::move(done);
    start(call);
}

void QuestradeClient::start(const std::shared_ptr<Call> &call)
{
    // Token first, then a free connection, then the rate limiter, then send at once: a burst of callers
    // released by a token refresh or a slow server still goes out at the limiter's pace.
    m_auth.withAccessToken(this, [this, call](Result<AccessGrant> grant) {
        if (!grant) {
            call->done(Answer{grant.error()});
            return;
        }
        withSendSlot(call->category, [this, call, grant = grant.value()] {
            m_limiter.acquire(call->category, this, [this, call, grant] {
                // The token may have been refreshed while we waited: take the newest one.
                send(call, m_auth.currentGrant().value_or(grant));
            });
        });
    });
}

void QuestradeClient::withSendSlot(RateLimiter::Category category, std::function<void()> go)
{
    SendSlots &slots = category == RateLimiter::Category::MarketData ? m_marketDataSlots : m_accountSlots;
    if (slots.inFlight < std::max(1, m_options.maxInFlight)) {
        ++slots.inFlight;
        go();
        return;
    }
    slots.waiting.push_back(std::move(go));
}

void QuestradeClient::releaseSendSlot(RateLimiter::Category category)
{
    SendSlots &slots = category == RateLimiter::Category::MarketData ? m_marketDataSlots : m_accountSlots;
    --slots.inFlight;
    if (!slots.waiting.empty()) {
        std::function<void()> next = std::move(slots.waiting.front());
        slots.waiting.pop_front();
        ++slots.inFlight;
        next();
    }
}

void QuestradeClient::send(const std::shared_ptr<Call> &call, const AccessGrant &grant)
{
    QNetworkRequest request = QuestradeHttp::makeRequest(
        QuestradeHttp::apiUrl(grant.apiServer, call->path, call->query), m_options.requestTimeout);
    request.setRawHeader(QByteArrayLiteral("Authorization"),
                         QByteArrayLiteral("Bearer ") + grant.accessToken);
    QNetworkReply *reply = m_network->get(request);
    QuestradeHttp::limitReplySize(reply, m_options.maxResponseBytes);
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(m_options.requestTimeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, grant, reply, timedOut] {
        reply->deleteLater();
        releaseSendSlot(call->category);
        handleReply(call, grant, reply, *timedOut);
    });
}

void QuestradeClient::handleReply(const std::shared_ptr<Call> &call, const AccessGrant &grant,
                                  QNetworkReply *reply, bool timedOut)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_limiter.noteResponse(call->category, RateLimitHeaders::fromReply(*reply), status);
    if (QuestradeHttp::replyTooLarge(reply)) {
        // Never a price from a body cut off in the middle; asking again would bring the same flood.
        qCWarning(lcBroker, "%s: the answer exceeded %lld bytes and was refused", qUtf8Printable(call->path),
                  static_cast<long long>(m_options.maxResponseBytes));
        call->done(
            Answer{Error{ErrorCode::MalformedResponse,
                         tr("Questrade's answer was larger than %1 MiB and was refused.")
                             .arg(double(m_options.maxResponseBytes) / (1024.0 * 1024.0), 0, 'g', 3)}});
        return;
    }
    const QByteArray body = reply->readAll();

    if (timedOut || status == 0) {
        const bool timeout = timedOut || reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError;
        const QString reason =
            timeout ? tr("no answer within %1 s").arg(m_options.requestTimeout.count() / 1000.0)
                    : QuestradeHttp::withoutQueries(reply->errorString());
        retryLater(call, Error{timeout ? ErrorCode::Timeout : ErrorCode::NetworkError,
                               tr("Could not reach Questrade (%1).").arg(reason)});
        return;
    }
    if (status >= 200 && status < 300) {
        Result<QJsonObject> object = QuestradeParsing::parseObject(body);
        if (!object)
            qCWarning(lcBroker, "%s: %s", qUtf8Printable(call->path), qUtf8Printable(object.error().message));
        call->done(Answer{std::move(object)});
        return;
    }

    const std::optional<QuestradeParsing::ApiError> apiError = QuestradeParsing::parseApiError(body);
    const int code = apiError && apiError->code ? *apiError->code : 0;
    const QString serverMessage = apiError ? apiError->message : QString();
    qCInfo(lcBroker, "%s answered HTTP %d, code %d: %s", qUtf8Printable(call->path), status, code,
           qUtf8Printable(serverMessage));

    if (status == 401 || code == kInvalidToken) {
        if (!call->tokenRetried) {
            call->tokenRetried = true;
            m_auth.reportInvalidAccessToken(grant.accessToken);
            start(call);
            return;
        }
        call->done(
            Answer{Error{ErrorCode::AuthRejected,
                         tr("Questrade refused a freshly issued access token (%1). Reconnect the account "
                            "if this persists.")
                             .arg(serverMessage)}});
        return;
    }
    if (status == 429 || code == kRateLimited) {
        if (++call->rateLimited <= m_options.maxRetries) {
            start(call); // the limiter holds it until the pause is over
            return;
        }
        call->done(Answer{
            Error{ErrorCode::RateLimited,
                  tr("Questrade's rate limit was still exceeded after %1 tries.").arg(call->rateLimited)}});
        return;
    }
    if (status == 413 || status == kUriTooLong || code == kArgumentTooLong || code == kRequestTooLarge) {
        call->done(Answer{Error{ErrorCode::RequestRejected,
                                tr("Questrade found the request too long (%1).").arg(serverMessage)},
                          true});
        return;
    }
    if (code == kOutsideScopes) {
        qCWarning(lcBroker, "%s is outside the scopes of the Questrade app (1016)",
                  qUtf8Printable(call->path));
        call->done(
            Answer{Error{ErrorCode::MissingPermission,
                         tr("This Questrade app lacks market-data permission: enable it in the App Hub "
                            "and reconnect")}});
        return;
    }
    if (code == kAccountNotFound) {
        call->done(Answer{Error{ErrorCode::AccountNotFound,
                                tr("Questrade does not know this account (%1). Reload the list of accounts.")
                                    .arg(serverMessage)}});
        return;
    }
    if (code == kSymbolNotFound) {
        call->done(Answer{Error{ErrorCode::SymbolNotFound, tr("Questrade does not know the symbol.")}});
        return;
    }
    if (status >= 500 || isBackEndError(code)) {
        retryLater(call,
                   Error{ErrorCode::ServerError,
                         tr("Questrade had a server problem (HTTP %1: %2).").arg(status).arg(serverMessage)});
        return;
    }
    call->done(
        Answer{Error{ErrorCode::RequestRejected, tr("Questrade rejected the request (HTTP %1, code %2: %3).")
                                                     .arg(status)
                                                     .arg(code)
                                                     .arg(serverMessage)}});
}

void QuestradeClient::retryLater(const std::shared_ptr<Call> &call, const Error &error)
{
    if (call->failures >= m_options.maxRetries) {
        qCWarning(lcBroker, "%s failed %d times, giving up: %s", qUtf8Printable(call->path),
                  call->failures + 1, qUtf8Printable(error.message));
        call->done(Answer{error});
        return;
    }
    ++call->failures;
    const qint64 base = m_options.retryBaseDelay.count();
    const qint64 cap = m_options.retryMaxDelay.count();
    const qint64 delay = std::min(cap, base << std::min(call->failures - 1, 20));
    const qint64 jittered =
        std::min(cap, delay + static_cast<qint64>(QRandomGenerator::global()->bounded(0.5) *
                                                  static_cast<double>(delay)));
    qCInfo(lcBroker, "%s: %s Retrying in %lld ms", qUtf8Printable(call->path), qUtf8Printable(error.message),
           static_cast<long long>(jittered));
    QTimer::singleShot(std::chrono::milliseconds(jittered), this, [this, call] { start(call); });
}

} // namespace trailguard
