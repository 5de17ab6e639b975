#pragma once

#include "broker/BrokerTypes.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

namespace trailguard {

// The last known fields of every streamed symbol. The stream sends only the fields that changed, so each
// record is merged into what came before and parsed whole (questrade-api.md §7).
class StreamQuoteRecords {
public:
    // Forgets the records of symbols no longer watched; the others keep their last known values.
    void keepOnly(const QList<qint64> &ids);
    // Merges the records of a {"quotes": [...]} message for the watched ids and returns them parsed;
    // records of other ids, and ones that do not parse (logged), are skipped.
    QList<BrokerQuote> merge(const QJsonObject &message, const QList<qint64> &watchedIds);

private:
    QHash<qint64, QJsonObject> m_records;
};

} // namespace trailguard
