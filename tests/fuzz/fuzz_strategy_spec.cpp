// A stop-strategy spec as typed in the add form, the table or --strategy. A spec that parses must
// print a canonical spec that parses back to the same strategy.
#include "FuzzSupport.h"
#include "domain/StopStrategy.h"

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Result<StopStrategy> parsed = StopStrategy::parse(QString::fromUtf8(fuzz::bytes(data, size)));
    if (!parsed)
        return 0;
    const QString canonical = parsed.value().spec();
    const Result<StopStrategy> again = StopStrategy::parse(canonical);
    if (!again || again.value().spec() != canonical)
        __builtin_trap();
    return 0;
}
