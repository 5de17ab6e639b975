#include "broker/QuoteAnswerScanner.h"

#include "broker/JsonByteReader.h"
#include "broker/QuestradeParsing.h"
#include "broker/QuestradeParsingReaders.h"

#include <utility>

namespace trailguard::QuestradeParsing {

using namespace detail;

namespace {

// The fields of a quote record that parseQuote() reads; every other field is skipped.
enum class QuoteField {
    Symbol,
    SymbolId,
    LastTradePrice,
    RegularTradePrice,
    LastTradeTime,
    IsHalted,
    Delay,
    HighPrice,
    LowPrice,
    Count,
    Other = Count
};

QuoteField quoteFieldNamed(QByteArrayView key)
{
    static constexpr std::pair<const char *, QuoteField> kFields[] = {
        {"symbol", QuoteField::Symbol},
        {"symbolId", QuoteField::SymbolId},
        {"lastTradePrice", QuoteField::LastTradePrice},
        {"lastTradePriceTrHrs", QuoteField::RegularTradePrice},
        {"lastTradeTime", QuoteField::LastTradeTime},
        {"isHalted", QuoteField::IsHalted},
        {"delay", QuoteField::Delay},
        {"highPrice", QuoteField::HighPrice},
        {"lowPrice", QuoteField::LowPrice},
    };
    for (const auto &[name, field] : kFields) {
        if (key == QByteArrayView(name))
            return field;
    }
    return QuoteField::Other;
}

// The answer's structure over JsonByteReader: anything either does not accept ends the scan, and the
// QJsonDocument path decides what the answer means.
class QuotesAnswerScanner {
public:
    explicit QuotesAnswerScanner(QByteArrayView body)
        : m_json(body)
    {}

    std::optional<QList<BrokerQuote>> scan()
    {
        QList<BrokerQuote> quotes;
        bool sawQuotes = false;
        if (!m_json.take('{'))
            return std::nullopt;
        if (!m_json.take('}')) {
            do {
                QByteArrayView key;
                if (!m_json.plainKey(key))
                    return std::nullopt;
                if (key == QByteArrayView("quotes")) {
                    if (sawQuotes || !records(quotes))
                        return std::nullopt;
                    sawQuotes = true;
                } else if (!m_json.value(nullptr, 1)) {
                    return std::nullopt;
                }
            } while (m_json.take(','));
            if (!m_json.take('}'))
                return std::nullopt;
        }
        if (!sawQuotes || !m_json.atEnd())
            return std::nullopt;
        return quotes;
    }

private:
    bool records(QList<BrokerQuote> &quotes)
    {
        if (!m_json.take('['))
            return false;
        if (m_json.take(']'))
            return true;
        do {
            BrokerQuote quote;
            if (!record(quote))
                return false;
            quotes.append(std::move(quote));
        } while (m_json.take(','));
        return m_json.take(']');
    }

    bool record(BrokerQuote &quote)
    {
        if (!m_json.take('{'))
            return false;
        JsonScalar fields[int(QuoteField::Count)];
        if (!m_json.take('}')) {
            do {
                QByteArrayView key;
                if (!m_json.plainKey(key))
                    return false;
                const QuoteField field = quoteFieldNamed(key);
                if (field == QuoteField::Other) {
                    if (!m_json.value(nullptr, 3))
                        return false;
                    continue;
                }
                JsonScalar &target = fields[int(field)];
                if (target.kind != JsonScalar::Kind::Absent || !m_json.value(&target, 3))
                    return false; // a field twice is left to Qt's rules
            } while (m_json.take(','));
            if (!m_json.take('}'))
                return false;
        }
        return fill(quote, fields);
    }

    // parseQuote()'s rules on the scanned fields; a record it would refuse is not filled.
    static bool fill(BrokerQuote &quote, const JsonScalar *fields)
    {
        const auto at = [fields](QuoteField field) -> const JsonScalar & { return fields[int(field)]; };
        const JsonScalar &symbol = at(QuoteField::Symbol);
        if (symbol.kind == JsonScalar::Kind::String)
            quote.symbol = symbol.text;
        else if (symbol.kind != JsonScalar::Kind::Absent && symbol.kind != JsonScalar::Kind::Null)
            return false;
        const std::optional<qint64> id = readId(at(QuoteField::SymbolId).json());
        if (!id)
            return false;
        quote.symbolId = *id;
        const Result<std::optional<double>> price =
            readPrice(at(QuoteField::LastTradePrice).json(), QString());
        const Result<std::optional<double>> regular =
            readPrice(at(QuoteField::RegularTradePrice).json(), QString());
        const std::optional<bool> halted = readFlag(at(QuoteField::IsHalted).json());
        const std::optional<bool> delayed = readFlag(at(QuoteField::Delay).json());
        if (!price || !regular || !halted || !delayed)
            return false;
        quote.lastTradePrice = price.value();
        quote.regularTradePrice = regular.value();
        quote.halted = *halted;
        quote.delayed = *delayed;
        if (const JsonScalar &time = at(QuoteField::LastTradeTime); time.kind == JsonScalar::Kind::String)
            quote.lastTradeTime = parseTimeText(time.text);
        for (auto [field, target] : {std::pair{QuoteField::HighPrice, &quote.highPrice},
                                     std::pair{QuoteField::LowPrice, &quote.lowPrice}}) {
            if (const Result<std::optional<double>> extreme = readPrice(at(field).json(), QString()))
                *target = extreme.value();
        }
        return true;
    }

    JsonByteReader m_json;
};

} // namespace

std::optional<QList<BrokerQuote>> scanQuotesAnswer(QByteArrayView body)
{
    return QuotesAnswerScanner(body).scan();
}

} // namespace trailguard::QuestradeParsing
