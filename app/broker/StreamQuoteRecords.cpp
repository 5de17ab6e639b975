#include "broker/StreamQuoteRecords.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeParsing.h"

#include <QJsonArray>

namespace trailguard {

void StreamQuoteRecords::keepOnly(const QList<qint64> &ids)
{
    for (auto it = m_records.begin(); it != m_records.end();) {
        if (ids.contains(it.key()))
            ++it;
        else
            it = m_records.erase(it);
    }
}

QList<BrokerQuote> StreamQuoteRecords::merge(const QJsonObject &message, const QList<qint64> &watchedIds)
{
    const QJsonArray records = message.value(QLatin1String("quotes")).toArray();
    QList<BrokerQuote> quotes;
    for (const QJsonValue &entry : records) {
        const QJsonObject record = entry.toObject();
        const std::optional<qint64> id = QuestradeParsing::readId(record.value(QLatin1String("symbolId")));
        if (!id || !watchedIds.contains(*id))
            continue;
        // Missing keys keep their last known value; present ones (null included) replace it.
        QJsonObject &merged = m_records[*id];
        for (auto it = record.constBegin(); it != record.constEnd(); ++it)
            merged.insert(it.key(), it.value());
        const Result<QList<BrokerQuote>> parsed =
            QuestradeParsing::parseQuotes(QJsonObject{{QStringLiteral("quotes"), QJsonArray{merged}}});
        if (!parsed) {
            qCWarning(lcBroker, "Quote stream: skipped a record of %lld: %s", static_cast<long long>(*id),
                      qUtf8Printable(parsed.error().message));
            continue;
        }
        quotes += parsed.value();
    }
    return quotes;
}

} // namespace trailguard
