#include "broker/SymbolResolver.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeParsing.h"

#include <QSet>
#include <QUrl>

namespace trailguard {

namespace {
QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

const QString &namesKey()
{
    static const QString key = QStringLiteral("names=");
    return key;
}

// `symbols` cut into runs whose names= query stays within maxQueryLength (a lone symbol may exceed it).
QList<QStringList> lookupBatches(const QStringList &symbols, int maxQueryLength)
{
    QList<QStringList> batches;
    qsizetype length = 0;
    for (const QString &symbol : symbols) {
        const qsizetype added = encoded(symbol).size() + 1; // with its comma (or the key's '=')
        if (batches.isEmpty() || namesKey().size() - 1 + length + added > maxQueryLength) {
            batches.append(QStringList());
            length = 0;
        }
        batches.last().append(symbol);
        length += added;
    }
    return batches;
}

QString namesQuery(const QStringList &symbols)
{
    QStringList names;
    for (const QString &symbol : symbols)
        names.append(encoded(symbol));
    return namesKey() + names.join(QLatin1Char(','));
}
} // namespace

struct SymbolResolver::Job {
    QHash<QString, QList<SymbolMatching::Query>> bySymbol; // Questrade symbol → the tickers naming it
    SymbolMap found;
    int pending = 0;
    std::optional<Error> error;
    Done done;
};

struct SymbolResolver::Search {
    QString symbol;
    int offset = 0;
    int pages = 0;
    QList<QuestradeParsing::SymbolCandidate> seen; // every listing of the pages so far, for "closest"
};

SymbolResolver::SymbolResolver(Fetch fetch, Options options)
    : m_fetch(std::move(fetch))
    , m_options(options)
{}

QStringList SymbolResolver::lookupQueries(const QStringList &symbols, int maxQueryLength)
{
    QStringList queries;
    for (const QStringList &batch : lookupBatches(symbols, maxQueryLength))
        queries.append(namesQuery(batch));
    return queries;
}

QString SymbolResolver::notFoundMessage(const QString &ticker, const QList<SymbolInfo> &closest)
{
    if (closest.isEmpty())
        return tr("%1 was not found on Questrade, and Questrade offered no similar listing.").arg(ticker);
    QStringList listings;
    for (const SymbolInfo &info : closest) {
        listings.append(
            info.description.isEmpty()
                ? info.ticker
                : tr("%1 (%2)", "a ticker and its company name").arg(info.ticker, info.description));
    }
    return tr("%1 was not found on Questrade. Closest listings: %2.")
        .arg(ticker, listings.join(tr(", ", "between listings")));
}

void SymbolResolver::resolve(const QStringList &tickers, Done done)
{
    auto job = std::make_shared<Job>();
    job->done = std::move(done);

    QStringList symbols;
    QSet<QString> seen;
    for (const QString &ticker : tickers) {
        if (seen.contains(ticker))
            continue;
        seen.insert(ticker);
        if (const auto known = m_known.constFind(ticker); known != m_known.constEnd()) {
            job->found.insert(ticker, SymbolLookup{*known, {}});
            continue;
        }
        SymbolMatching::Query query = SymbolMatching::queryFor(ticker);
        query.ticker = ticker;
        if (!job->bySymbol.contains(query.symbol))
            symbols.append(query.symbol);
        job->bySymbol[query.symbol].append(query);
    }
    if (symbols.isEmpty()) {
        job->done(job->found);
        return;
    }
    const QList<QStringList> batches = lookupBatches(symbols, m_options.maxQueryLength);
    job->pending = static_cast<int>(batches.size());
    for (const QStringList &batch : batches)
        lookUp(job, batch);
}

void SymbolResolver::lookUp(const std::shared_ptr<Job> &job, const QStringList &symbols)
{
    m_fetch(QStringLiteral("v1/symbols"), namesQuery(symbols), [this, job, symbols](Reply reply) {
        if (job->error) {
            finishOne(job);
            return;
        }
        QList<QuestradeParsing::SymbolCandidate> candidates;
        if (reply.body) {
            Result<QList<QuestradeParsing::SymbolCandidate>> parsed =
                QuestradeParsing::parseSymbolSearch(reply.body.value());
            if (!parsed) {
                job->error = parsed.error();
                finishOne(job);
                return;
            }
            candidates = std::move(parsed).value();
        } else if (reply.tooLong && symbols.size() > 1) {
            ++job->pending; // this batch becomes two
            const qsizetype half = symbols.size() / 2;
            lookUp(job, symbols.mid(0, half));
            lookUp(job, symbols.mid(half));
            return;
        } else if (reply.body.error().code != ErrorCode::SymbolNotFound && !reply.tooLong) {
            job->error = reply.body.error();
            finishOne(job);
            return;
        }
        // 404 / 1019: none of the names is a listing as written; the search may still find them.
        for (const QString &symbol : symbols) {
            const QList<SymbolMatching::Query> queries = job->bySymbol.value(symbol);
            if (const std::optional<SymbolInfo> info =
                    SymbolMatching::pick(queries.constFirst(), candidates)) {
                for (const SymbolMatching::Query &query : queries) {
                    SymbolInfo listing = *info;
                    listing.ticker = query.ticker;
                    settle(job, query, SymbolLookup{listing, {}});
                }
                continue;
            }
            ++job->pending;
            auto next = std::make_shared<Search>();
            next->symbol = symbol;
            search(job, next);
        }
        finishOne(job);
    });
}

void SymbolResolver::search(const std::shared_ptr<Job> &job, const std::shared_ptr<Search> &search)
{
    QString query = QStringLiteral("prefix=") + encoded(search->symbol);
    if (search->offset > 0)
        query += QStringLiteral("&offset=%1").arg(search->offset);
    m_fetch(QStringLiteral("v1/symbols/search"), query, [this, job, search](Reply reply) {
        if (job->error) {
            finishOne(job);
            return;
        }
        QList<QuestradeParsing::SymbolCandidate> page;
        if (reply.body) {
            Result<QList<QuestradeParsing::SymbolCandidate>> parsed =
                QuestradeParsing::parseSymbolSearch(reply.body.value());
            if (!parsed) {
                job->error = parsed.error();
                finishOne(job);
                return;
            }
            page = std::move(parsed).value();
        } else if (reply.body.error().code != ErrorCode::SymbolNotFound) {
            job->error = reply.body.error();
            finishOne(job);
            return;
        }
        ++search->pages;
        const QList<SymbolMatching::Query> queries = job->bySymbol.value(search->symbol);
        if (const std::optional<SymbolInfo> info = SymbolMatching::pick(queries.constFirst(), page)) {
            for (const SymbolMatching::Query &query : queries) {
                SymbolInfo listing = *info;
                listing.ticker = query.ticker;
                settle(job, query, SymbolLookup{listing, {}});
            }
            finishOne(job);
            return;
        }
        search->seen += page;
        if (page.size() >= m_options.searchPageSize && search->pages < m_options.maxSearchPages) {
            search->offset += static_cast<int>(page.size());
            this->search(job, search);
            return;
        }
        const QList<SymbolInfo> closest =
            SymbolMatching::closest(queries.constFirst(), search->seen, m_options.closestCount);
        for (const SymbolMatching::Query &query : queries) {
            qCInfo(lcBroker, "%s (searched %d page(s))",
                   qUtf8Printable(notFoundMessage(query.ticker, closest)), search->pages);
            settle(job, query, SymbolLookup{std::nullopt, closest});
        }
        finishOne(job);
    });
}

void SymbolResolver::settle(const std::shared_ptr<Job> &job, const SymbolMatching::Query &query,
                            SymbolLookup lookup)
{
    if (lookup.listing)
        m_known.insert(query.ticker, *lookup.listing);
    job->found.insert(query.ticker, std::move(lookup));
}

void SymbolResolver::finishOne(const std::shared_ptr<Job> &job)
{
    if (--job->pending > 0)
        return;
    if (job->error)
        job->done(*job->error);
    else
        job->done(job->found);
}

} // namespace trailguard
