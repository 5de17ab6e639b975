// A price-history CSV file as the user imports it (history import, replay, the backtest dialog).
#include "FuzzSupport.h"
#include "history/PriceCsv.h"

using namespace trailguard;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content = fuzz::bytes(data, size);
    const auto rows = PriceCsv::parse(content);
    if (rows) {
        // Rows that parsed carry a date the file named and a line inside the file.
        for (const PriceRow &row : rows.value()) {
            if (!row.date.isValid() || row.line < 1)
                __builtin_trap();
        }
    }
    (void)PriceCsv::parseDate(QString::fromUtf8(content.left(64)));
    return 0;
}
