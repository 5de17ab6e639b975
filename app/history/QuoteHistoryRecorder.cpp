#include "history/QuoteHistoryRecorder.h"

#include "storage/PriceHistoryRepository.h"

namespace trailguard {

QuoteRecorder quoteHistoryRecorder(QSqlDatabase db)
{
    return [repository = PriceHistoryRepository(std::move(db))](const QList<RecordedQuote> &quotes,
                                                                QuoteOrigin origin) mutable -> Status {
        if (origin == QuoteOrigin::CatchUp)
            return success();
        for (const RecordedQuote &held : quotes) {
            const Quote &quote = held.quote;
            if (!quote.price || !(*quote.price > 0) || !quote.time.isValid())
                continue;
            if (Status recorded =
                    repository.recordQuote(quote.ticker, quote.time, *quote.price, held.peak, held.stop);
                !recorded)
                return recorded;
        }
        return success();
    };
}

} // namespace trailguard
