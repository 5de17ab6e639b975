// QuoteAnswerScanner, the quotes answer's fast reader: it must never crash, and whenever it accepts an
// answer it must give exactly what the QJsonDocument path (parseObject + parseQuotes) gives.
#include "FuzzSupport.h"
#include "broker/QuestradeParsing.h"
#include "broker/QuoteAnswerScanner.h"

#include <cstdio>
#include <cstdlib>

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const std::optional<QList<BrokerQuote>> scanned = QuestradeParsing::scanQuotesAnswer(body);
    if (!scanned)
        return 0;
    const Result<QJsonObject> object = QuestradeParsing::parseObject(body);
    if (!object) {
        std::fprintf(stderr, "the scanner accepted an answer Qt refuses\n");
        std::abort();
    }
    const Result<QList<BrokerQuote>> expected = QuestradeParsing::parseQuotes(object.value());
    if (!expected || expected.value() != *scanned) {
        std::fprintf(stderr, "the scanner read an answer differently from the QJsonDocument path\n");
        std::abort();
    }
    return 0;
}
