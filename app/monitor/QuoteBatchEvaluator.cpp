#include "monitor/QuoteBatchEvaluator.h"

#include "domain/MarketCalendar.h"
#include "domain/PriceFormat.h"

#include <algorithm>

namespace trailguard::QuoteBatchEvaluator {

QuoteBatchEvaluation evaluate(const QList<StockState> &states, const QList<BrokerQuote> &quotes,
                              const QDateTime &now, const QuoteBatchRules &rules)
{
    // By id, pointing into `quotes` (the last of an id wins, as inserting copies did): no quote is copied.
    QHash<qint64, const BrokerQuote *> bySymbol;
    bySymbol.reserve(quotes.size());
    for (const BrokerQuote &quote : quotes)
        bySymbol.insert(quote.symbolId, &quote);

    QuoteBatchEvaluation result;
    const qsizetype mostChanged = std::min(states.size(), quotes.size()); // only a quoted stock changes
    result.changed.reserve(mostChanged);
    result.changedFrom.reserve(mostChanged);
    for (const StockState &stock : states) {
        const BrokerQuote *quoted = stock.symbolId ? bySymbol.value(*stock.symbolId) : nullptr;
        if (!quoted)
            continue;
        const BrokerQuote &brokerQuote = *quoted;
        ++result.quoted;
        result.quotedTickers.append(stock.ticker);
        // A halted symbol's last trade is not a price to act on. Unless extended-hours trades are
        // included, the stop follows the regular session's last trade.
        const std::optional<double> lastPrice = brokerQuote.usablePrice();
        Quote quote{stock.ticker, rules.includeExtendedHours ? lastPrice : brokerQuote.regularPrice(),
                    brokerQuote.lastTradeTime};
        if (!rules.includeExtendedHours && brokerQuote.lastTradeIsExtendedHours() && lastPrice)
            result.notes.append({QtDebugMsg, QStringLiteral("%1 traded at %2 outside the regular session: "
                                                            "recorded, not applied to its stop")
                                                 .arg(stock.ticker)
                                                 .arg(*lastPrice)});
        auto outcome = StopLossEngine::apply(stock, quote, now, rules.repeatPolicy);
        if (!outcome.warning.isEmpty())
            result.engineWarnings.insert(stock.ticker, outcome.warning);
        outcome.state.halted = brokerQuote.halted;
        outcome.state.quoteDelayed = brokerQuote.delayed;
        if (rules.origin != QuoteOrigin::CatchUp) {
            // Watched up to now: a later catch-up starts here. A gap the catch-up has yet to check (the
            // stream's first quote after a start or a wake-up often comes before it) keeps its start.
            if (rules.uncheckedGapStart) {
                if (const QDateTime gap = rules.uncheckedGapStart(stock, now); gap.isValid())
                    outcome.state.catchUpFrom = gap;
            }
            outcome.state.checkedThrough = now;
            // A trade from before the current session (Friday's close on Monday before the open) was
            // judged in its own session: the state keeps the price, but no breach is raised from it, and
            // the alert bookkeeping stays as it was so a breach in the session itself is still alerted.
            if (outcome.breach && rules.isStale && rules.isStale(stock, brokerQuote.lastTradeTime)) {
                result.notes.append(
                    {QtInfoMsg, QStringLiteral("%1 is below its stop on a trade from before the current "
                                               "session ( %2 ): no alert")
                                    .arg(stock.ticker, brokerQuote.lastTradeTime.toString(Qt::ISODate))});
                outcome.breach.reset();
                outcome.state.lastAlertAt = stock.lastAlertAt;
                outcome.state.lastAlertMarketDay = stock.lastAlertMarketDay;
                outcome.state.belowStop = stock.belowStop;
            }
        } else if (outcome.breach) {
            outcome.breach->whileOffline = true;
        }
        if (!(outcome.state == stock)) {
            result.changed.append(outcome.state);
            result.changedFrom.append(stock);
        }
        // The price history (the chart) records every trade, extended hours included.
        if (lastPrice && *lastPrice > 0) {
            Quote trade = quote;
            trade.price = lastPrice;
            if (!trade.time.isValid())
                trade.time = now;
            result.trades.append(RecordedQuote{trade, outcome.state.peak, outcome.state.stop});
        }
        // A snoozed ticker keeps trailing; its breaches are kept quiet until the snooze ends.
        const bool snoozed = stock.snoozedUntil.isValid() && stock.snoozedUntil > now;
        if (outcome.breach && snoozed) {
            result.notes.append(
                {QtInfoMsg, QStringLiteral("%1 is below its stop but snoozed until %2")
                                .arg(stock.ticker, stock.snoozedUntil.toString(Qt::ISODate))});
        } else if (outcome.breach) {
            result.breaches.append(*outcome.breach);
            result.breachedStates.append(outcome.state);
        }
    }
    return result;
}

QString describeBreach(const Breach &breach)
{
    QString line = QStringLiteral("Stop-loss breach: %1 %2 < stop %3 (peak %4, ratio %5)")
                       .arg(breach.ticker, PriceFormat::text(breach.price), PriceFormat::text(breach.stop),
                            PriceFormat::text(breach.peak), QString::number(breach.ratio, 'g', 4));
    if (breach.whileOffline)
        line += QStringLiteral(" - stop breached while offline at %1 Toronto time")
                    .arg(breach.quoteTime.toTimeZone(MarketCalendar::exchangeTimeZone(breach.ticker))
                             .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return line;
}

} // namespace trailguard::QuoteBatchEvaluator
