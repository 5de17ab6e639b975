// Every parser of a Questrade REST answer, fed the same bytes: the token answer, error bodies and each
// endpoint's object. They must never crash, hang or read out of bounds, whatever the server sends.
#include "FuzzSupport.h"
#include "broker/QuestradeParsing.h"

#include <QJsonObject>

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    (void)QuestradeParsing::parseTokenAnswer(body);
    (void)QuestradeParsing::salvageRefreshToken(body);
    (void)QuestradeParsing::parseApiError(body);
    const Result<QJsonObject> object = QuestradeParsing::parseObject(body);
    if (!object)
        return 0;
    (void)QuestradeParsing::parseSymbolSearch(object.value());
    (void)QuestradeParsing::parseQuotes(object.value());
    (void)QuestradeParsing::parseMarkets(object.value());
    (void)QuestradeParsing::parseServerTime(object.value());
    (void)QuestradeParsing::parseCandles(object.value());
    (void)QuestradeParsing::parseAccounts(object.value());
    (void)QuestradeParsing::parsePositions(object.value());
    for (auto it = object.value().constBegin(); it != object.value().constEnd(); ++it)
        (void)QuestradeParsing::parseTime(it.value());
    return 0;
}
