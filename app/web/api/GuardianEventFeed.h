#pragma once

#include "domain/StockState.h"
#include "web/ApiTypes.h"

#include <QHash>
#include <QSet>

namespace trailguard::Web {

// The EventFeed of a running guardian: follows the WatchlistService (adds, edits, every saved quote batch),
// the outbox (alerts recorded, acknowledged, delivered), the health watch, the monitor's cycles and the quote
// stream, and publishes what changed. Changes are coalesced per event-loop turn: a ticker changed several
// times in one turn is sent once, as it is last.
class GuardianEventFeed : public EventFeed {
    Q_OBJECT
public:
    explicit GuardianEventFeed(const WebServices &services, QObject *parent = nullptr);

private:
    void stockChanged(const StockState &stock);
    void stockRemoved(const QString &ticker);
    void alertChanged(qint64 alertId);
    void statusChanged();
    void scheduleFlush();
    void flush();

    WebServices m_services;
    QHash<QString, StockState> m_stocks; // changed this turn, as last seen
    QList<QString> m_stockOrder;         // in the order they first changed
    QSet<qint64> m_alerts;
    QList<qint64> m_alertOrder;
    bool m_status = false;
    bool m_flushQueued = false;
};

} // namespace trailguard::Web
