// A sequence of stream messages, one per line, handled as QuoteStream handles them: a JSON object per
// frame, partial quote records merged by symbolId into the last known record, then parsed as a quote.
#include "FuzzSupport.h"
#include "broker/QuestradeParsing.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QHash<qint64, QJsonObject> records;
    const QList<QByteArray> frames = fuzz::bytes(data, size).split('\n');
    for (const QByteArray &frame : frames) {
        const QJsonDocument document = QJsonDocument::fromJson(frame);
        if (!document.isObject())
            continue;
        const QJsonObject message = document.object();
        (void)QuestradeParsing::parseApiError(frame);
        const QJsonArray quotes = message.value(QLatin1String("quotes")).toArray();
        for (const QJsonValue &entry : quotes) {
            const QJsonObject record = entry.toObject();
            const std::optional<qint64> id =
                QuestradeParsing::readId(record.value(QLatin1String("symbolId")));
            if (!id)
                continue;
            QJsonObject &merged = records[*id];
            for (auto it = record.constBegin(); it != record.constEnd(); ++it)
                merged.insert(it.key(), it.value());
            (void)QuestradeParsing::parseQuotes(QJsonObject{{QStringLiteral("quotes"), QJsonArray{merged}}});
        }
    }
    return 0;
}
