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

} // namespace

// A ticker's rows as the scan sees them go by.
struct PlanScan::Scan {
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

    TickerPlan finish() const
    {
        TickerPlan finished = plan;
        finished.sorted = ascending || descending;
        QList<std::pair<qint64, qint64>> sample = unsorted;
        QHash<qint64, qint64> counts = gaps;
        std::sort(sample.begin(), sample.end());
        for (qsizetype i = 1; i < sample.size(); ++i) {
            const qint64 gap = sample[i].second - sample[i - 1].second;
            if (sample[i].first == sample[i - 1].first && gap > 0)
                ++counts[gap];
        }
        qint64 mostCommon = 0;
        qint64 count = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > count || (it.value() == count && it.key() < mostCommon)) {
                mostCommon = it.key();
                count = it.value();
            }
        }
        finished.intervalSeconds =
            allTimed && mostCommon > 0 ? std::min(mostCommon, kDaySeconds) : kDaySeconds;
        const bool dividesAnHour = finished.intervalSeconds < 3600 && 3600 % finished.intervalSeconds == 0;
        finished.gridOrigin = dividesAnHour ? 0 : earliest.value_or(0);
        return finished;
    }
};

QString Plan::ownerOf(const PriceRow &row) const
{
    if (!hasSymbols)
        return onlyTicker;
    if (!onlyTicker.isEmpty() && row.symbol != onlyTicker)
        return {};
    return row.symbol;
}

PlanScan::PlanScan(QString csvPath, QString onlyTicker)
    : m_scans(std::make_unique<QMap<QString, Scan>>())
{
    m_plan.path = std::move(csvPath);
    m_plan.onlyTicker = std::move(onlyTicker);
}

PlanScan::~PlanScan() = default;

Result<QString> PlanScan::add(const PriceRow &row, RowInstants &instants)
{
    if (m_first) {
        m_first = false;
        m_plan.hasSymbols = !row.symbol.isEmpty();
        if (!m_plan.hasSymbols && m_plan.onlyTicker.isEmpty())
            return Error{
                ErrorCode::InvalidArguments,
                ImportPlanText::tr("The file has no symbol column: say which ticker its prices are for.")};
    }
    QString owner = m_plan.ownerOf(row);
    if (owner.isEmpty()) {
        ++m_plan.otherSymbolRows;
        return owner;
    }
    if (!m_last || m_last->plan.ticker != owner) {
        m_last = &(*m_scans)[owner];
        if (m_last->plan.ticker.isEmpty()) {
            m_last->plan.ticker = owner;
            m_last->zone = MarketCalendar::exchangeTimeZone(owner);
        }
    }
    m_last->add(row, instants.instant(row, m_last->zone));
    ++m_plan.rows;
    return owner;
}

bool PlanScan::inOrder(const QString &ticker) const
{
    const auto found = m_scans->constFind(ticker);
    return found == m_scans->cend() || found->ascending || found->descending;
}

Result<Plan> PlanScan::plan() const
{
    if (m_plan.rows == 0)
        return Error{ErrorCode::InvalidCsv,
                     ImportPlanText::tr("The file has no rows for %1.").arg(m_plan.onlyTicker)};
    Plan plan = m_plan;
    for (const Scan &scan : std::as_const(*m_scans))
        plan.tickers.append(scan.finish());
    return plan;
}

Result<QString> onlyTickerOf(const QString &ticker)
{
    if (ticker.trimmed().isEmpty())
        return QString();
    return Ticker::normalize(ticker);
}

Result<Plan> plan(const QString &csvPath, const QString &ticker)
{
    const Result<QString> onlyTicker = onlyTickerOf(ticker);
    if (!onlyTicker)
        return onlyTicker.error();
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::InvalidCsv,
                     ImportPlanText::tr("Cannot read %1: %2").arg(csvPath, file.errorString())};

    PriceCsvReader reader(file);
    RowInstants instants;
    PlanScan scan(csvPath, onlyTicker.value());
    while (true) {
        const Result<bool> read = reader.next();
        if (!read)
            return Error{ErrorCode::InvalidCsv,
                         ImportPlanText::tr("%1: %2").arg(csvPath, read.error().message)};
        if (!read.value())
            break;
        if (const Result<QString> owner = scan.add(reader.row(), instants); !owner)
            return owner.error();
    }
    return scan.plan();
}

} // namespace trailguard::PriceHistoryImport
