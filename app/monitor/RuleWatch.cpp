#include "monitor/RuleWatch.h"

#include "domain/MarketCalendar.h"
#include "monitor/MonitorLogging.h"

#include <algorithm>

namespace trailguard {

namespace {
// How far back the rules look: the backfill keeps a year of daily candles; two cover a slow indicator
// (sma:200 plus its previous day) with room.
constexpr int kRuleHistoryDays = 730;
// Days after the last daily candle filled from recorded quotes (the backfill runs once per start).
constexpr int kRuleQuoteFillDays = 14;

QDateTime easternMidnight(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), MarketCalendar::easternZone());
}
} // namespace

RuleWatch::RuleWatch(QSqlDatabase db)
    : m_history(db)
    , m_rules(db)
{}

Result<QList<DailyBar>> RuleWatch::barsBefore(const QString &ticker, const QDate &marketDay) const
{
    const QDateTime end = easternMidnight(marketDay);
    const auto candles = m_history.candles(ticker, CandleInterval::OneDay,
                                           easternMidnight(marketDay.addDays(-kRuleHistoryDays)), end);
    if (!candles.ok())
        return candles.error();
    QList<DailyBar> bars;
    bars.reserve(candles.value().size() + kRuleQuoteFillDays);
    for (const StoredCandle &candle : candles.value()) {
        const QDate day = MarketCalendar::marketDay(ticker, candle.start);
        if (!bars.isEmpty() && bars.constLast().date >= day)
            continue; // a clipped duplicate of the same day
        bars.append(DailyBar{day, candle.close, candle.high, candle.low});
    }
    // Days since the last candle: the last quote the monitor recorded on each.
    const QDate fillFrom = std::max(bars.isEmpty() ? QDate() : bars.constLast().date.addDays(1),
                                    marketDay.addDays(-kRuleQuoteFillDays));
    if (fillFrom >= marketDay)
        return bars;
    const auto quotes = m_history.quotes(ticker, easternMidnight(fillFrom), end);
    if (!quotes.ok())
        return quotes.error();
    for (const PricePoint &point : quotes.value()) {
        const QDate day = MarketCalendar::marketDay(ticker, point.time);
        if (!bars.isEmpty() && bars.constLast().date == day) {
            DailyBar &bar = bars.last();
            bar.close = point.price;
            bar.high = std::max(bar.high.value_or(point.price), point.price);
            bar.low = std::min(bar.low.value_or(point.price), point.price);
        } else {
            bars.append(DailyBar{day, point.price, point.price, point.price});
        }
    }
    return bars;
}

RuleWatch::Day *RuleWatch::dayOf(const StockState &stock, const QDate &marketDay)
{
    auto it = m_days.find(stock.ticker);
    if (it != m_days.end() && it->marketDay == marketDay && it->specs == stock.rules)
        return &*it;
    Day day;
    day.marketDay = marketDay;
    day.specs = stock.rules;
    for (const QString &spec : stock.rules) {
        const Result<AlertRule> rule = AlertRule::parse(spec);
        if (!rule.ok()) {
            qCWarning(lcMonitor).noquote()
                << "Ignoring the rule" << spec << "of" << stock.ticker << ":" << rule.error().message;
            continue;
        }
        day.rules.append(rule.value());
        const Result<bool> fired = m_rules.hasFired(stock.ticker, rule.value().spec(), marketDay);
        if (fired.ok() && fired.value())
            day.fired.insert(rule.value().spec());
    }
    const Result<QList<DailyBar>> bars = barsBefore(stock.ticker, marketDay);
    if (!bars.ok()) {
        qCWarning(lcMonitor).noquote() << "Could not read the daily prices of" << stock.ticker
                                       << "for its rules:" << bars.error().message;
        m_days.remove(stock.ticker);
        return nullptr; // tried again at the next quote
    }
    day.bars = bars.value();
    day.bars.append(DailyBar{marketDay, 0, std::nullopt, std::nullopt});
    return &*m_days.insert(stock.ticker, day);
}

QList<RuleAlert> RuleWatch::evaluate(const QList<StockState> &states, const QDateTime &now)
{
    QList<RuleAlert> alerts;
    for (const StockState &stock : states) {
        if (stock.rules.isEmpty()) {
            m_days.remove(stock.ticker);
            continue;
        }
        if (!stock.lastPrice || !stock.lastQuoteAt.isValid())
            continue;
        if (stock.snoozedUntil.isValid() && now < stock.snoozedUntil)
            continue;
        const QDate marketDay = MarketCalendar::marketDay(stock.ticker, stock.lastQuoteAt);
        Day *day = dayOf(stock, marketDay);
        if (!day)
            continue;
        // Today's provisional bar: the latest price, within the range seen today.
        DailyBar &today = day->bars.last();
        const double price = *stock.lastPrice;
        today.close = price;
        today.high = std::max(today.high.value_or(price), price); // empty until today's first quote
        today.low = std::min(today.low.value_or(price), price);
        for (const AlertRule &rule : std::as_const(day->rules)) {
            const QString spec = rule.spec();
            if (day->fired.contains(spec))
                continue;
            const std::optional<RuleFiring> firing = AlertRules::firesOnLastBar(rule, day->bars);
            if (!firing)
                continue;
            alerts.append(RuleAlert{stock.ticker, spec, marketDay, *firing,
                                    AlertRules::message(rule, stock.ticker, *firing), stock.currency,
                                    stock.lastQuoteAt});
        }
    }
    return alerts;
}

Status RuleWatch::record(const QList<RuleAlert> &alerts, const QSet<QString> &skipped,
                         QList<RuleAlert> &recorded)
{
    for (const RuleAlert &alert : alerts) {
        if (skipped.contains(alert.ticker))
            continue;
        const Result<bool> fresh = m_rules.recordFiring(alert.ticker, alert.rule, alert.marketDay);
        if (!fresh.ok())
            return fresh.error();
        if (!fresh.value())
            continue; // fired earlier today (another process, or before a restart)
        if (m_recordAlert) {
            if (Status stored = m_recordAlert(alert); !stored.ok())
                return stored;
        }
        recorded.append(alert);
    }
    return success();
}

void RuleWatch::committed(const QList<RuleAlert> &recorded)
{
    for (const RuleAlert &alert : recorded) {
        auto it = m_days.find(alert.ticker);
        if (it != m_days.end() && it->marketDay == alert.marketDay)
            it->fired.insert(alert.rule);
    }
}

} // namespace trailguard
