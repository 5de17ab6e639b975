#include "history/QuoteHistoryRecorder.h"

#include "storage/PriceHistoryRepository.h"

namespace trailguard {

QuoteRecorder quoteHistoryRecorder(QSqlDatabase db)
{
    return [repository = PriceHistoryRepository(std::move(db))](const QList<Quote> &quotes,
                                                                QuoteOrigin origin) mutable -> Status {
        if (origin == QuoteOrigin::CatchUp)
            return success();
        for (const Quote &quote : quotes) {
            if (!quote.price || !(*quote.price > 0) || !quote.time.isValid())
                continue;
            if (Status recorded = repository.recordQuote(quote.ticker, quote.time, *quote.price); !recorded)
                return recorded;
        }
        return success();
    };
}

} // namespace trailguard
