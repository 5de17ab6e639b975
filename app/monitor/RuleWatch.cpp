#include "monitor/RuleWatch.h"

#include "domain/MarketCalendar.h"
#include "monitor/MonitorLogging.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/Transaction.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>

namespace trailguard {

namespace {
// A connection without a file of its own cannot be opened again on a worker.
// States kept per ticker while its days are read (see evaluate()).
constexpr qsizetype kMaxWaitingStates = 256;

QString reopenableFile(const QSqlDatabase &db)
{
    const QString name = db.databaseName();
    if (name.isEmpty() || name == QLatin1String(":memory:") ||
        name.startsWith(QLatin1String("file::memory:")))
        return {};
    return name;
}
} // namespace

RuleWatch::RuleWatch(QSqlDatabase db, Reading reading, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_databaseFile(reading == Reading::OnWorker ? reopenableFile(db) : QString())
    , m_rules(db)
{}

// A read still running finishes on its worker; its watcher (a child) goes, so its reply is dropped.
RuleWatch::~RuleWatch() = default;

Result<QList<DailyBar>> RuleWatch::barsBefore(const QString &ticker, const QDate &marketDay) const
{
    return RuleDayReader::barsBefore(PriceHistoryRepository(m_db), ticker, marketDay);
}

RuleWatch::Day *RuleWatch::dayOf(const StockState &stock, const QDate &marketDay)
{
    auto it = m_days.find(stock.ticker);
    if (it != m_days.end() && it->marketDay == marketDay && it->specs == stock.rules)
        return &*it;
    Day day;
    day.marketDay = marketDay;
    day.specs = stock.rules;
    QStringList specs;
    for (const QString &spec : stock.rules) {
        const Result<AlertRule> rule = AlertRule::parse(spec);
        if (!rule.ok()) {
            qCWarning(lcMonitor).noquote()
                << "Ignoring the rule" << spec << "of" << stock.ticker << ":" << rule.error().message;
            continue;
        }
        day.rules.append(rule.value());
        specs.append(rule.value().spec());
    }
    // The same day with other rules (an edit): the bars read already serve; only the firings are new.
    if (it != m_days.end() && it->marketDay == marketDay && it->ready) {
        day.bars = it->bars;
        day.ready = true;
        for (const QString &spec : std::as_const(specs)) {
            const Result<bool> fired = m_rules.hasFired(stock.ticker, spec, marketDay);
            if (fired.ok() && fired.value())
                day.fired.insert(spec);
        }
        return &*m_days.insert(stock.ticker, day);
    }
    day.bars.append(DailyBar{marketDay, 0, std::nullopt, std::nullopt}); // today, empty until its quote
    day.serial = ++m_nextSerial;
    const RuleDayReader::Request request{stock.ticker, marketDay, specs, day.serial};
    Day *stored = &*m_days.insert(stock.ticker, day);
    if (!m_databaseFile.isEmpty()) {
        m_queued.append(request);
        if (!m_running && !m_startScheduled) {
            // The other tickers of this batch (and of this turn of the event loop) join the read.
            m_startScheduled = true;
            QTimer::singleShot(0, this, &RuleWatch::startReading);
        }
        return stored;
    }
    const RuleDayReader::Reply reply = RuleDayReader::read(m_db, {request}).constFirst();
    if (!reply.bars.ok()) {
        qCWarning(lcMonitor).noquote() << "Could not read the daily prices of" << stock.ticker
                                       << "for its rules:" << reply.bars.error().message;
        m_days.remove(stock.ticker);
        return nullptr; // tried again at the next quote
    }
    stored->bars = reply.bars.value() + stored->bars;
    stored->fired = reply.fired;
    stored->ready = true;
    return stored;
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
        if (day->ready) {
            alerts += evaluateDay(*day, stock);
        } else {
            // Judged when the days before arrive. A read takes about a second at worst; the cap only
            // bounds memory should the worker stall (the latest state always stays).
            if (day->waiting.size() >= kMaxWaitingStates)
                day->waiting.removeLast();
            day->waiting.append(stock);
        }
    }
    return alerts;
}

QList<RuleAlert> RuleWatch::evaluateDay(const Day &day, const StockState &stock,
                                        const QSet<QString> &alsoFired)
{
    QList<RuleAlert> alerts;
    for (const AlertRule &rule : day.rules) {
        const QString spec = rule.spec();
        if (day.fired.contains(spec) || alsoFired.contains(spec))
            continue;
        const std::optional<RuleFiring> firing = AlertRules::firesOnLastBar(rule, day.bars);
        if (!firing)
            continue;
        alerts.append(RuleAlert{stock.ticker, spec, day.marketDay, *firing,
                                AlertRules::message(rule, stock.ticker, *firing), stock.currency,
                                stock.lastQuoteAt});
    }
    return alerts;
}

void RuleWatch::startReading()
{
    m_startScheduled = false;
    if (m_running || m_queued.isEmpty())
        return;
    m_running = true;
    ++m_readsStarted;
    auto *watcher = new QFutureWatcher<QList<RuleDayReader::Reply>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_running = false;
        apply(watcher->result());
        if (!m_queued.isEmpty())
            startReading();
    });
    watcher->setFuture(
        QtConcurrent::run(&RuleDayReader::readOnOwnConnection, m_databaseFile, std::exchange(m_queued, {})));
}

void RuleWatch::apply(const QList<RuleDayReader::Reply> &replies)
{
    QList<RuleAlert> alerts;
    for (const RuleDayReader::Reply &reply : replies) {
        const auto it = m_days.find(reply.request.ticker);
        if (it == m_days.end() || it->serial != reply.request.serial || it->ready)
            continue; // the ticker's rules or day changed meanwhile: a newer read serves it
        if (!reply.bars.ok()) {
            qCWarning(lcMonitor).noquote() << "Could not read the daily prices of" << reply.request.ticker
                                           << "for its rules:" << reply.bars.error().message;
            m_days.erase(it); // tried again at the next quote
            continue;
        }
        it->bars = reply.bars.value() + it->bars; // then today's provisional bar, kept while reading
        it->fired = reply.fired;
        it->ready = true;
        // Each price quoted meanwhile as today's close in turn, as if the days had been there; today's
        // range already holds them all. Ends at the latest.
        QSet<QString> firedNow;
        for (const StockState &stock : std::as_const(it->waiting)) {
            it->bars.last().close = *stock.lastPrice;
            for (const RuleAlert &alert : evaluateDay(*it, stock, firedNow)) {
                firedNow.insert(alert.rule);
                alerts.append(alert);
            }
        }
        it->waiting.clear();
    }
    recordLate(alerts);
    Q_EMIT daysRead();
}

// Alerts judged outside a cycle, in a transaction of their own; should that fail (a ticker removed meanwhile
// has no stock row for its firing), each alone, so one keeps none of the others from being stored.
void RuleWatch::recordLate(const QList<RuleAlert> &alerts)
{
    if (alerts.isEmpty())
        return;
    QList<RuleAlert> recorded;
    if (!inTransaction(m_db, [&] { return record(alerts, {}, recorded); }).ok()) {
        recorded.clear();
        for (const RuleAlert &alert : alerts) {
            QList<RuleAlert> one;
            const Status stored = inTransaction(m_db, [&] { return record({alert}, {}, one); });
            if (!stored.ok()) {
                qCWarning(lcMonitor).noquote() << "Could not store the alert of rule" << alert.rule << "of"
                                               << alert.ticker << ":" << stored.error().message;
                continue; // not marked fired: judged again at the next quote
            }
            recorded += one;
        }
    }
    if (recorded.isEmpty())
        return;
    committed(recorded);
    for (const RuleAlert &alert : std::as_const(recorded))
        qCWarning(lcMonitor).noquote() << "Rule" << alert.rule << "fired:" << alert.message;
    Q_EMIT alertsRecorded(recorded);
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
