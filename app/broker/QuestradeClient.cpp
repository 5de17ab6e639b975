#include "broker/QuestradeClient.h"

#include "broker/BrokerLogging.h"
#include "broker/CandleFetcher.h"
#include "broker/DeliverLater.h"
#include "broker/QuestradeParsing.h"
#include "broker/QuestradeTransport.h"

#include <QPointer>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace trailguard {

namespace {

QuestradeTransport::Options transportOptions(const QuestradeClient::Options &options)
{
    QuestradeTransport::Options transport;
    transport.maxResponseBytes = options.maxResponseBytes;
    transport.requestTimeout = options.requestTimeout;
    transport.maxRetries = options.maxRetries;
    transport.retryBaseDelay = options.retryBaseDelay;
    transport.retryMaxDelay = options.retryMaxDelay;
    transport.maxInFlight = options.maxInFlight;
    return transport;
}

} // namespace

struct QuestradeClient::QuoteJob {
    QList<qint64> ids;
    QHash<qint64, BrokerQuote> quotes;
    QList<qint64> unknownIds;
    int pending = 0;
    std::optional<Error> error;
    QPointer<QObject> context;
    QuotesCallback done;
};

QuestradeClient::QuestradeClient(QNetworkAccessManager *network, QuestradeAuth &auth, RateLimiter &limiter,
                                 Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_idsPerQuoteCall(std::max(1, options.idsPerQuoteCall))
    , m_transport(new QuestradeTransport(network, auth, limiter, transportOptions(options), this))
    , m_candles(new CandleFetcher(*m_transport, this))
    , m_symbols(
          [this](const QString &path, const QString &query, std::function<void(SymbolResolver::Reply)> done) {
              get(path, query, [done = std::move(done)](const QuestradeTransport::Answer &answer) {
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
    get(
        QStringLiteral("v1/markets/quotes"), QStringLiteral("ids=") + idTexts.join(QLatin1Char(',')),
        [this, job, ids](const QuestradeTransport::Answer &answer) {
            if (answer.body) {
                // Parsed from the bytes: building a QJsonDocument was most of a cycle's parsing cost.
                Result<QList<BrokerQuote>> quotes = QuestradeParsing::parseQuotesAnswer(answer.raw);
                if (quotes) {
                    for (const BrokerQuote &quote : quotes.value())
                        job->quotes.insert(quote.symbolId, quote);
                } else {
                    qCWarning(lcBroker, "v1/markets/quotes: %s", qUtf8Printable(quotes.error().message));
                    if (!job->error)
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
        },
        QuestradeTransport::BodyForm::Raw);
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
    get(QStringLiteral("v1/markets"), {},
        [guard, done = std::move(done)](const QuestradeTransport::Answer &answer) {
            if (guard)
                done(answer.body ? QuestradeParsing::parseMarkets(answer.body.value())
                                 : Result<QList<MarketSession>>(answer.body.error()));
        });
}

void QuestradeClient::fetchServerTime(QObject *context, TimeCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    get(QStringLiteral("v1/time"), {},
        [guard, done = std::move(done)](const QuestradeTransport::Answer &answer) {
            if (guard)
                done(answer.body ? QuestradeParsing::parseServerTime(answer.body.value())
                                 : Result<QDateTime>(answer.body.error()));
        });
}

void QuestradeClient::fetchAccounts(QObject *context, AccountsCallback done)
{
    QPointer<QObject> guard(context ? context : this);
    get(QStringLiteral("v1/accounts"), {},
        [guard, done = std::move(done)](const QuestradeTransport::Answer &answer) {
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
    get(path, {}, [guard, done = std::move(done)](const QuestradeTransport::Answer &answer) {
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
    get(QStringLiteral("v1/markets/quotes"), query,
        [guard, done = std::move(done)](const QuestradeTransport::Answer &answer) {
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
    return CandleFetcher::chunks(start, end, interval);
}

void QuestradeClient::fetchCandles(qint64 symbolId, const QDateTime &start, const QDateTime &end,
                                   CandleInterval interval, QObject *context, CandlesCallback done)
{
    m_candles->fetch(symbolId, start, end, interval, context ? context : this, std::move(done));
}

void QuestradeClient::get(const QString &path, const QString &query, QuestradeTransport::AnswerCallback done,
                          QuestradeTransport::BodyForm form)
{
    m_transport->get(path, query, std::move(done), form);
}

} // namespace trailguard
