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
    (void)QuestradeParsing::parseSymbolSearch(*object);
    (void)QuestradeParsing::parseQuotes(*object);
    (void)QuestradeParsing::parseMarkets(*object);
    (void)QuestradeParsing::parseServerTime(*object);
    (void)QuestradeParsing::parseCandles(*object);
    (void)QuestradeParsing::parseAccounts(*object);
    (void)QuestradeParsing::parsePositions(*object);
    for (auto it = object->constBegin(); it != object->constEnd(); ++it)
        (void)QuestradeParsing::parseTime(it.value());
    return 0;
}
