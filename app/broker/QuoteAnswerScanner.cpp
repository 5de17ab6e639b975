#include "broker/QuoteAnswerScanner.h"

#include "broker/JsonByteReader.h"
#include "broker/QuestradeParsing.h"
#include "broker/QuestradeTimeText.h"

#include <cmath>
#include <cstring>
#include <string_view>
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
    static constexpr std::pair<std::string_view, QuoteField> kFields[] = {
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
    // Sizes first: most of a record's 21 keys match no name's size or differ in the first bytes.
    for (const auto &[name, field] : kFields) {
        if (std::size_t(key.size()) == name.size() && std::memcmp(key.data(), name.data(), name.size()) == 0)
            return field;
    }
    return QuoteField::Other;
}

// readPrice(), readFlag() and readId() on a scanned value, without a QJsonValue or an error text. The
// reader holds only finite numbers, so the rules reduce to these.
std::optional<std::optional<double>> scannedPrice(const JsonScalar &value)
{
    if (value.kind == JsonScalar::Kind::Absent || value.kind == JsonScalar::Kind::Null)
        return std::optional<double>();
    if (value.kind != JsonScalar::Kind::Number || value.number < 0)
        return std::nullopt;
    return value.number == 0.0 ? std::optional<double>() : std::optional<double>(value.number);
}

std::optional<bool> scannedFlag(const JsonScalar &value)
{
    switch (value.kind) {
    case JsonScalar::Kind::Absent:
    case JsonScalar::Kind::Null:
        return false;
    case JsonScalar::Kind::Bool:
        return value.flag;
    case JsonScalar::Kind::Number:
        return value.number != 0.0;
    default:
        return std::nullopt;
    }
}

std::optional<qint64> scannedId(const JsonScalar &value)
{
    if (value.kind == JsonScalar::Kind::Number) {
        if (value.number >= 1 && value.number <= 9e15 && std::floor(value.number) == value.number)
            return static_cast<qint64>(value.number);
        return std::nullopt;
    }
    return value.kind == JsonScalar::Kind::String ? readId(value.json()) : std::nullopt; // text: rare
}

// parseTimeText() on a scanned string: the usual form straight from its bytes, anything else as before.
QDateTime scannedTime(const JsonScalar &value)
{
    if (!value.escaped) {
        if (const std::optional<qint64> ms = usualTimeMs(value.raw))
            return QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
    }
    return parseTimeText(value.string());
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
            quote.symbol = symbol.string();
        else if (symbol.kind != JsonScalar::Kind::Absent && symbol.kind != JsonScalar::Kind::Null)
            return false;
        const std::optional<qint64> id = scannedId(at(QuoteField::SymbolId));
        if (!id)
            return false;
        quote.symbolId = *id;
        const std::optional<std::optional<double>> price = scannedPrice(at(QuoteField::LastTradePrice));
        const std::optional<std::optional<double>> regular = scannedPrice(at(QuoteField::RegularTradePrice));
        const std::optional<bool> halted = scannedFlag(at(QuoteField::IsHalted));
        const std::optional<bool> delayed = scannedFlag(at(QuoteField::Delay));
        if (!price || !regular || !halted || !delayed)
            return false;
        quote.lastTradePrice = *price;
        quote.regularTradePrice = *regular;
        quote.halted = *halted;
        quote.delayed = *delayed;
        if (const JsonScalar &time = at(QuoteField::LastTradeTime); time.kind == JsonScalar::Kind::String)
            quote.lastTradeTime = scannedTime(time);
        for (auto [field, target] : {std::pair{QuoteField::HighPrice, &quote.highPrice},
                                     std::pair{QuoteField::LowPrice, &quote.lowPrice}}) {
            if (const std::optional<std::optional<double>> extreme = scannedPrice(at(field)))
                *target = *extreme;
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
