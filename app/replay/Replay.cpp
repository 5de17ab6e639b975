#include "replay/Replay.h"

#include "common/Clock.h"

#include <QCoreApplication>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <vector>

namespace trailguard {

namespace {
// Gives the messages below one translation context, "Replay".
class ReplayText {
    Q_DECLARE_TR_FUNCTIONS(Replay)
};

constexpr qsizetype kProgressEvery = 4096;

// The instant of a row: 20:00 UTC on its date, the afternoon in Toronto (15:00 or 16:00), so the
// engine's market day is the row's date whatever the season.
QDateTime rowTime(const QDate &date)
{
    return QDateTime(date, QTime(20, 0), Qt::UTC);
}
} // namespace

QList<ReplaySeries> Replay::seriesFromRows(const QList<PriceRow> &rows, const QString &ticker)
{
    QList<ReplaySeries> series;
    QHash<QString, qsizetype> indexOf;
    for (const PriceRow &row : rows) {
        const QString name = row.symbol.isEmpty() ? ticker : row.symbol;
        auto found = indexOf.constFind(name);
        if (found == indexOf.constEnd()) {
            found = indexOf.insert(name, series.size());
            series.append(ReplaySeries{name, {}});
        }
        series[*found].rows.append(row);
    }
    for (ReplaySeries &one : series) {
        std::stable_sort(one.rows.begin(), one.rows.end(),
                         [](const PriceRow &a, const PriceRow &b) { return a.date < b.date; });
    }
    return series;
}

Status Replay::check(const QList<ReplaySeries> &series, const StopStrategy &strategy)
{
    if (!strategy.needsHighLow())
        return success();
    for (const ReplaySeries &one : series) {
        for (const PriceRow &row : one.rows) {
            if (!row.high || !row.low) {
                return Error{ErrorCode::InvalidStrategy,
                             ReplayText::tr("%1 needs daily highs and lows, and the prices of %2 have none "
                                            "(line %3); use a file with date,open,high,low,close rows or "
                                            "another strategy.")
                                 .arg(strategy.spec(), one.ticker)
                                 .arg(row.line)};
            }
        }
    }
    return success();
}

QList<DailyBar> Replay::dailyBars(const QList<PriceRow> &rows)
{
    QList<DailyBar> bars;
    for (const PriceRow &row : rows) {
        const double high = row.high.value_or(row.close);
        const double low = row.low.value_or(row.close);
        if (bars.isEmpty() || bars.constLast().date != row.date) {
            bars += DailyBar{row.date, row.close, high, low};
            continue;
        }
        DailyBar &day = bars.last();
        day.close = row.close;
        day.high = std::max(*day.high, high);
        day.low = std::min(*day.low, low);
    }
    return bars;
}

namespace {
// Appends the firings of every rule on the series' days, in date order, and counts them per rule.
void appendRuleAlerts(const ReplaySeries &one, const QList<AlertRule> &rules, QList<ReplayAlert> &alerts,
                      ReplaySeriesSummary &summary)
{
    if (rules.isEmpty())
        return;
    const QList<DailyBar> bars = Replay::dailyBars(one.rows);
    for (const AlertRule &rule : rules) {
        ReplayRuleSummary counted{rule, 0, std::nullopt, std::nullopt};
        for (const RuleFiring &firing : AlertRules::firings(rule, bars)) {
            auto side = std::make_shared<const ReplayRuleFiring>(ReplayRuleFiring{
                rule, firing.value, firing.threshold, AlertRules::message(rule, one.ticker, firing)});
            alerts.append(ReplayAlert{one.ticker, firing.date, firing.close, 0, 0, std::move(side)});
            if (counted.firings++ == 0) {
                counted.firstDate = firing.date;
                counted.firstClose = firing.close;
            }
        }
        summary.rules.append(counted);
    }
    // Breaches first, then each rule's firings: a stable sort by day keeps that order within a day.
    std::stable_sort(alerts.begin(), alerts.end(),
                     [](const ReplayAlert &a, const ReplayAlert &b) { return a.date < b.date; });
}
} // namespace

Result<ReplayResult> Replay::run(const QList<ReplaySeries> &series, const ReplayOptions &options,
                                 const Progress &progress, const std::atomic_bool *cancel)
{
    if (options.withStop) {
        if (const auto ok = check(series, options.strategy); !ok)
            return ok.error();
    }

    qsizetype total = 0;
    for (const ReplaySeries &one : series)
        total += one.rows.size();

    ReplayResult result;
    QList<QList<ReplayAlert>> alertsBySeries; // each in date order already
    alertsBySeries.reserve(series.size());
    qsizetype done = 0;
    ManualClock clock(QDateTime::fromMSecsSinceEpoch(0, Qt::UTC));
    for (qsizetype s = 0; s < series.size() && !result.cancelled; ++s) {
        const ReplaySeries &one = series[s];
        ReplaySeriesSummary summary;
        summary.ticker = one.ticker;
        summary.rows = one.rows.size();
        if (!one.rows.isEmpty()) {
            summary.firstDate = one.rows.constFirst().date;
            summary.lastDate = one.rows.constLast().date;
            summary.basis = options.entry ? *options.entry : one.rows.constFirst().close;
        }
        QList<ReplayAlert> &alerts = alertsBySeries.emplace_back();
        StockState state = StopLossEngine::initialState(one.ticker, options.strategy, options.entry,
                                                        rowTime(summary.firstDate).addDays(-1));
        for (const PriceRow &row : one.rows) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                result.cancelled = true;
                break;
            }
            summary.lastClose = row.close;
            summary.lastDate = row.date;
            if (options.withStop) {
                const QDateTime time = rowTime(row.date);
                clock.set(time);
                const Quote quote{one.ticker, row.close, time, row.high, row.low};
                StopLossEngine::Outcome outcome =
                    StopLossEngine::apply(state, quote, clock.now(), options.repeat);
                state = std::move(outcome.state);
                if (options.observe)
                    options.observe(s, row, state);
                if (outcome.breach) {
                    const Breach &breach = *outcome.breach;
                    alerts.append(ReplayAlert{one.ticker, row.date, breach.price, breach.peak, breach.stop});
                    ++summary.alertCount;
                    if (!summary.firstBreachDate) {
                        summary.firstBreachDate = row.date;
                        summary.firstBreachPrice = breach.price;
                    }
                }
            }
            ++done;
            if (progress && done % kProgressEvery == 0)
                progress(done, total);
        }
        if (options.withStop) {
            summary.finalPeak = state.peak;
            summary.finalStop = state.stop;
        }
        if (!result.cancelled)
            appendRuleAlerts(one, options.rules, alerts, summary);
        if (summary.basis > 0) {
            summary.holdReturn = summary.lastClose / summary.basis - 1.0;
            if (summary.firstBreachPrice)
                summary.exitReturn = *summary.firstBreachPrice / summary.basis - 1.0;
        }
        result.series.append(summary);
    }
    if (progress)
        progress(done, total);

    // Time order across series: each series is in date order already, so a counting sort by day that
    // visits the series in order keeps same-day alerts in series order (linear, no comparisons).
    qint64 firstDay = std::numeric_limits<qint64>::max();
    qint64 lastDay = std::numeric_limits<qint64>::min();
    qsizetype alertCount = 0;
    for (const QList<ReplayAlert> &alerts : alertsBySeries) {
        if (alerts.isEmpty())
            continue;
        firstDay = std::min(firstDay, alerts.constFirst().date.toJulianDay());
        lastDay = std::max(lastDay, alerts.constLast().date.toJulianDay());
        alertCount += alerts.size();
    }
    if (alertsBySeries.size() == 1) {
        result.alerts = alertsBySeries.constFirst();
    } else if (alertCount > 0) {
        std::vector<qsizetype> start(std::size_t(lastDay - firstDay + 2), 0);
        for (const QList<ReplayAlert> &alerts : alertsBySeries) {
            for (const ReplayAlert &alert : alerts)
                ++start[std::size_t(alert.date.toJulianDay() - firstDay + 1)];
        }
        for (std::size_t day = 1; day < start.size(); ++day)
            start[day] += start[day - 1];
        // Moved, not copied: an alert is large (a rule's message and values) and its ticker is shared.
        result.alerts.resize(alertCount);
        for (QList<ReplayAlert> &alerts : alertsBySeries) {
            for (ReplayAlert &alert : alerts) {
                const std::size_t day = std::size_t(alert.date.toJulianDay() - firstDay);
                result.alerts[start[day]++] = std::move(alert);
            }
        }
    }
    return result;
}

} // namespace trailguard
