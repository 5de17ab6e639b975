#include "web/api/GuardianEventFeed.h"

#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/escalation/AlertRecordJson.h"
#include "domain/StockJson.h"
#include "monitor/Monitor.h"
#include "monitor/StreamSession.h"
#include "storage/AlertRepository.h"
#include "watchlist/WatchlistService.h"
#include "web/WebLogging.h"
#include "web/api/StatusJson.h"

namespace trailguard::Web {

GuardianEventFeed::GuardianEventFeed(const WebServices &services, QObject *parent)
    : EventFeed(parent)
    , m_services(services)
{
    if (WatchlistService *watchlist = services.watchlist) {
        connect(watchlist, &WatchlistService::stockAdded, this, &GuardianEventFeed::stockChanged);
        connect(watchlist, &WatchlistService::stockChanged, this, &GuardianEventFeed::stockChanged);
        connect(watchlist, &WatchlistService::stocksChanged, this, [this](const QList<StockState> &stocks) {
            for (const StockState &stock : stocks)
                stockChanged(stock);
        });
        connect(watchlist, &WatchlistService::stockRemoved, this, &GuardianEventFeed::stockRemoved);
    }
    if (OutboxDispatcher *dispatcher = services.dispatcher) {
        connect(dispatcher, &OutboxDispatcher::alertChanged, this, &GuardianEventFeed::alertChanged);
        connect(dispatcher, &OutboxDispatcher::deliveryFinished, this,
                [this](const Delivery &delivery) { alertChanged(delivery.alertId); });
    }
    if (services.health)
        connect(services.health, &HealthWatch::stateChanged, this, &GuardianEventFeed::statusChanged);
    if (services.monitor)
        connect(services.monitor, &Monitor::cycleFinished, this, &GuardianEventFeed::statusChanged);
    if (services.stream)
        connect(services.stream, &StreamSession::modeChanged, this, &GuardianEventFeed::statusChanged);
}

void GuardianEventFeed::stockChanged(const StockState &stock)
{
    if (!m_stocks.contains(stock.ticker))
        m_stockOrder.append(stock.ticker);
    m_stocks.insert(stock.ticker, stock);
    scheduleFlush();
}

void GuardianEventFeed::stockRemoved(const QString &ticker)
{
    // A change queued before the removal would bring the ticker back on the page.
    if (m_stocks.remove(ticker))
        m_stockOrder.removeOne(ticker);
    Q_EMIT event("removed", QJsonObject{{QStringLiteral("ticker"), ticker}});
}

void GuardianEventFeed::alertChanged(qint64 alertId)
{
    if (!m_alerts.contains(alertId)) {
        m_alerts.insert(alertId);
        m_alertOrder.append(alertId);
    }
    m_status = true; // a delivery's outcome may change the failing channels
    scheduleFlush();
}

void GuardianEventFeed::statusChanged()
{
    m_status = true;
    scheduleFlush();
}

void GuardianEventFeed::scheduleFlush()
{
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &GuardianEventFeed::flush, Qt::QueuedConnection);
}

void GuardianEventFeed::flush()
{
    m_flushQueued = false;
    const QList<QString> tickers = std::exchange(m_stockOrder, {});
    const QHash<QString, StockState> stocks = std::exchange(m_stocks, {});
    for (const QString &ticker : tickers)
        Q_EMIT event("stock", StockJson::toJson(stocks.value(ticker)));

    const QList<qint64> alerts = std::exchange(m_alertOrder, {});
    m_alerts.clear();
    for (const qint64 alertId : alerts) {
        if (!m_services.alerts)
            break;
        const Result<std::optional<AlertRecord>> record = m_services.alerts->find(alertId);
        if (!record.ok())
            qCWarning(lcWeb) << "The event feed could not read alert" << alertId << record.error().message;
        else if (record.value()) // gone: its transaction was rolled back
            Q_EMIT event("alert", AlertRecordJson::toJson(*record.value()));
    }
    if (std::exchange(m_status, false))
        Q_EMIT event("status", StatusJson::toJson(m_services));
}

} // namespace trailguard::Web
