#include "history/PriceHistoryImportPlan.h"

#include "domain/MarketCalendar.h"
#include "domain/Ticker.h"
#include "history/PriceCsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>

namespace trailguard::PriceHistoryImport {

namespace {
class ImportPlanText {
    Q_DECLARE_TR_FUNCTIONS(PriceHistoryImport)
};

// A ticker's rows as the first pass sees them go by.
struct Scan {
    TickerPlan plan;
    QTimeZone zone;
    bool ascending = true;
    bool descending = true;
    std::optional<qint64> lastInstant;
    std::optional<qint64> earliest;
    QDate lastDate;
    QTime lastTime;
    bool allTimed = true;
    QHash<qint64, qint64> gaps; // seconds between two rows of one day → how often
    // Once rows go back in time, the gaps between neighbours in the file mean nothing: the rows from then
    // on (up to kMaxUnsortedSample) are kept, as day and instant, and their gaps counted once sorted.
    QList<std::pair<qint64, qint64>> unsorted;

    static constexpr qsizetype kMaxUnsortedSample = 200'000;

    void add(const PriceRow &row, qint64 instant)
    {
        ++plan.rows;
        allTimed = allTimed && row.time.isValid();
        if (lastInstant) {
            ascending = ascending && instant >= *lastInstant;
            descending = descending && instant <= *lastInstant;
            if (!ascending && !descending) {
                if (unsorted.size() < kMaxUnsortedSample && row.time.isValid())
                    unsorted.append({row.date.toJulianDay(), instant});
            } else if (row.time.isValid() && lastTime.isValid() && row.date == lastDate) {
                const qint64 gap = std::abs(instant - *lastInstant);
                if (gap > 0)
                    ++gaps[gap];
            }
        }
        lastInstant = instant;
        earliest = std::min(earliest.value_or(instant), instant);
        lastDate = row.date;
        lastTime = row.time;
    }

    TickerPlan finish()
    {
        plan.sorted = ascending || descending;
        std::sort(unsorted.begin(), unsorted.end());
        for (qsizetype i = 1; i < unsorted.size(); ++i) {
            const qint64 gap = unsorted[i].second - unsorted[i - 1].second;
            if (unsorted[i].first == unsorted[i - 1].first && gap > 0)
                ++gaps[gap];
        }
        qint64 mostCommon = 0;
        qint64 count = 0;
        for (auto it = gaps.cbegin(); it != gaps.cend(); ++it) {
            if (it.value() > count || (it.value() == count && it.key() < mostCommon)) {
                mostCommon = it.key();
                count = it.value();
            }
        }
        plan.intervalSeconds = allTimed && mostCommon > 0 ? std::min(mostCommon, kDaySeconds) : kDaySeconds;
        const bool dividesAnHour = plan.intervalSeconds < 3600 && 3600 % plan.intervalSeconds == 0;
        plan.gridOrigin = dividesAnHour ? 0 : earliest.value_or(0);
        return plan;
    }
};
} // namespace

QString Plan::ownerOf(const PriceRow &row) const
{
    if (!hasSymbols)
        return onlyTicker;
    if (!onlyTicker.isEmpty() && row.symbol != onlyTicker)
        return {};
    return row.symbol;
}

Result<Plan> plan(const QString &csvPath, const QString &ticker)
{
    Plan plan;
    plan.path = csvPath;
    if (!ticker.trimmed().isEmpty()) {
        const Result<QString> normalized = Ticker::normalize(ticker);
        if (!normalized)
            return normalized.error();
        plan.onlyTicker = normalized.value();
    }
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidCsv,
                     ImportPlanText::tr("Cannot read %1: %2").arg(csvPath, file.errorString())};

    PriceCsvReader reader(file);
    RowInstants instants;
    QMap<QString, Scan> scans;
    Scan *last = nullptr;
    bool first = true;
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return Error{ErrorCode::InvalidCsv,
                         ImportPlanText::tr("%1: %2").arg(csvPath, read.error().message)};
        if (!read.value())
            break;
        const PriceRow &row = reader.row();
        if (first) {
            first = false;
            plan.hasSymbols = !row.symbol.isEmpty();
            if (!plan.hasSymbols && plan.onlyTicker.isEmpty())
                return Error{ErrorCode::InvalidArguments,
                             ImportPlanText::tr(
                                 "The file has no symbol column: say which ticker its prices are for.")};
        }
        const QString owner = plan.ownerOf(row);
        if (owner.isEmpty()) {
            ++plan.otherSymbolRows;
            continue;
        }
        if (!last || last->plan.ticker != owner) {
            last = &scans[owner];
            if (last->plan.ticker.isEmpty()) {
                last->plan.ticker = owner;
                last->zone = MarketCalendar::exchangeTimeZone(owner);
            }
        }
        last->add(row, instants.instant(row, last->zone));
        ++plan.rows;
    }
    if (plan.rows == 0)
        return Error{ErrorCode::InvalidCsv,
                     ImportPlanText::tr("The file has no rows for %1.").arg(plan.onlyTicker)};
    for (Scan &scan : scans)
        plan.tickers.append(scan.finish());
    return plan;
}

} // namespace trailguard::PriceHistoryImport
