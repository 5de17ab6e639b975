#include "broker/QuoteAnswerScanner.h"

#include "broker/QuestradeParsing.h"
#include "broker/QuestradeParsingReaders.h"

#include <QJsonValue>
#include <QString>

#include <cfloat>
#include <charconv>
#include <cmath>
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

// One field's value as the readers see it; an object or array is kept only as its kind.
struct ScannedValue {
    enum class Kind { Absent, Null, Bool, Number, String, Container } kind = Kind::Absent;
    double number = 0;
    bool flag = false;
    QString text;

    QJsonValue json() const
    {
        switch (kind) {
        case Kind::Absent:
            return QJsonValue(QJsonValue::Undefined);
        case Kind::Null:
            return QJsonValue(QJsonValue::Null);
        case Kind::Bool:
            return QJsonValue(flag);
        case Kind::Number:
            return QJsonValue(number);
        case Kind::String:
            return QJsonValue(text);
        case Kind::Container:
            break;
        }
        return QJsonValue(QJsonValue::Array);
    }
};

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// A pull parser over the answer's bytes. Every method answers false for what it does not accept; the
// whole scan then gives up (the QJsonDocument path decides what the answer means).
class QuotesAnswerScanner {
public:
    explicit QuotesAnswerScanner(QByteArrayView body)
        : m_at(body.begin())
        , m_end(body.end())
    {}

    std::optional<QList<BrokerQuote>> scan()
    {
        QList<BrokerQuote> quotes;
        bool sawQuotes = false;
        if (!take('{'))
            return std::nullopt;
        if (!take('}')) {
            do {
                QByteArrayView key;
                if (!plainKey(key))
                    return std::nullopt;
                if (key == QByteArrayView("quotes")) {
                    if (sawQuotes || !records(quotes))
                        return std::nullopt;
                    sawQuotes = true;
                } else if (!value(nullptr, 1)) {
                    return std::nullopt;
                }
            } while (take(','));
            if (!take('}'))
                return std::nullopt;
        }
        skipSpace();
        if (!sawQuotes || m_at != m_end)
            return std::nullopt;
        return quotes;
    }

private:
    static constexpr int kMaxDepth = 64; // far below Qt's own limit, so a deeper answer is Qt's to judge

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }
    bool take(char c)
    {
        skipSpace();
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    // A string's raw bytes between its quotes: printable ASCII, escapes checked (no NUL, no surrogates).
    bool rawString(QByteArrayView &raw, bool &escaped)
    {
        skipSpace();
        if (m_at >= m_end || *m_at != '"')
            return false;
        const char *start = ++m_at;
        escaped = false;
        while (m_at < m_end) {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
                raw = QByteArrayView(start, m_at - start);
                ++m_at;
                return true;
            }
            if (c < 0x20 || c >= 0x80)
                return false;
            if (c == '\\') {
                escaped = true;
                if (++m_at >= m_end)
                    return false;
                switch (*m_at) {
                case '"':
                case '\\':
                case '/':
                case 'b':
                case 'f':
                case 'n':
                case 'r':
                case 't':
                    break;
                case 'u': {
                    if (m_end - m_at < 5)
                        return false;
                    int unit = 0;
                    for (int i = 1; i <= 4; ++i) {
                        const int digit = hexDigit(m_at[i]);
                        if (digit < 0)
                            return false;
                        unit = unit * 16 + digit;
                    }
                    if (unit == 0 || (unit >= 0xD800 && unit <= 0xDFFF))
                        return false;
                    m_at += 4;
                    break;
                }
                default:
                    return false;
                }
            }
            ++m_at;
        }
        return false;
    }

    bool plainKey(QByteArrayView &key)
    {
        bool escaped = false;
        return rawString(key, escaped) && !escaped && take(':');
    }

    static QString decoded(QByteArrayView raw, bool escaped)
    {
        if (!escaped)
            return QString::fromLatin1(raw);
        QString text;
        text.reserve(raw.size());
        for (qsizetype i = 0; i < raw.size(); ++i) {
            if (raw[i] != '\\') {
                text.append(QLatin1Char(raw[i]));
                continue;
            }
            switch (raw[++i]) {
            case 'b':
                text.append(QChar(u'\b'));
                break;
            case 'f':
                text.append(QChar(u'\f'));
                break;
            case 'n':
                text.append(QChar(u'\n'));
                break;
            case 'r':
                text.append(QChar(u'\r'));
                break;
            case 't':
                text.append(QChar(u'\t'));
                break;
            case 'u': {
                char16_t unit = 0;
                for (int k = 1; k <= 4; ++k)
                    unit = char16_t(unit * 16 + hexDigit(raw[i + k]));
                text.append(QChar(unit));
                i += 4;
                break;
            }
            default:
                text.append(QLatin1Char(raw[i]));
                break; // " \ /
            }
        }
        return text;
    }

    // RFC 8259's number grammar only; the value as Qt reads it (correctly rounded), and only in a double's
    // normal range, where Qt's reading and ours cannot differ.
    bool number(double &result)
    {
        const char *start = m_at;
        const auto digits = [this] {
            const char *from = m_at;
            while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
                ++m_at;
            return m_at - from;
        };
        bool nonZero = false;
        if (m_at < m_end && *m_at == '-')
            ++m_at;
        if (m_at < m_end && *m_at == '0') {
            ++m_at;
        } else {
            const char *integer = m_at;
            if (digits() == 0)
                return false;
            nonZero = *integer != '0';
        }
        if (m_at < m_end && *m_at == '.') {
            ++m_at;
            const char *fraction = m_at;
            if (digits() == 0)
                return false;
            for (const char *c = fraction; c < m_at && !nonZero; ++c)
                nonZero = *c != '0';
        }
        if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
            ++m_at;
            if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
                ++m_at;
            if (digits() == 0)
                return false;
        }
        const auto [end, error] = std::from_chars(start, m_at, result);
        if (error != std::errc() || end != m_at || !std::isfinite(result))
            return false;
        if (result == 0.0)
            return !nonZero; // an underflow to zero
        return std::fabs(result) >= DBL_MIN;
    }

    bool literal(QByteArrayView word)
    {
        if (m_end - m_at < word.size() || QByteArrayView(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    // One value; read into `into` when given, else only checked and skipped.
    bool value(ScannedValue *into, int depth)
    {
        skipSpace();
        if (m_at >= m_end)
            return false;
        ScannedValue ignored;
        ScannedValue &out = into ? *into : ignored;
        switch (*m_at) {
        case '"': {
            QByteArrayView raw;
            bool escaped = false;
            if (!rawString(raw, escaped))
                return false;
            out.kind = ScannedValue::Kind::String;
            if (into)
                out.text = decoded(raw, escaped);
            return true;
        }
        case '{':
        case '[': {
            const char close = *m_at == '{' ? '}' : ']';
            if (depth >= kMaxDepth)
                return false;
            ++m_at;
            out.kind = ScannedValue::Kind::Container;
            if (take(close))
                return true;
            do {
                QByteArrayView key;
                if (close == '}' && !plainKeyOrEscaped(key))
                    return false;
                if (!value(nullptr, depth + 1))
                    return false;
            } while (take(','));
            return take(close);
        }
        case 't':
            out.kind = ScannedValue::Kind::Bool;
            out.flag = true;
            return literal("true");
        case 'f':
            out.kind = ScannedValue::Kind::Bool;
            out.flag = false;
            return literal("false");
        case 'n':
            out.kind = ScannedValue::Kind::Null;
            return literal("null");
        default:
            out.kind = ScannedValue::Kind::Number;
            return number(out.number);
        }
    }

    // A key of a skipped object: its text does not matter, escapes included.
    bool plainKeyOrEscaped(QByteArrayView &key)
    {
        bool escaped = false;
        return rawString(key, escaped) && take(':');
    }

    bool records(QList<BrokerQuote> &quotes)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        do {
            BrokerQuote quote;
            if (!record(quote))
                return false;
            quotes.append(std::move(quote));
        } while (take(','));
        return take(']');
    }

    bool record(BrokerQuote &quote)
    {
        if (!take('{'))
            return false;
        ScannedValue fields[int(QuoteField::Count)];
        if (!take('}')) {
            do {
                QByteArrayView key;
                if (!plainKey(key))
                    return false;
                const QuoteField field = quoteFieldNamed(key);
                if (field == QuoteField::Other) {
                    if (!value(nullptr, 3))
                        return false;
                    continue;
                }
                ScannedValue &target = fields[int(field)];
                if (target.kind != ScannedValue::Kind::Absent || !value(&target, 3))
                    return false; // a field twice is left to Qt's rules
            } while (take(','));
            if (!take('}'))
                return false;
        }
        return fill(quote, fields);
    }

    // parseQuote()'s rules on the scanned fields; a record it would refuse is not filled.
    static bool fill(BrokerQuote &quote, const ScannedValue *fields)
    {
        const auto at = [fields](QuoteField field) -> const ScannedValue & { return fields[int(field)]; };
        const ScannedValue &symbol = at(QuoteField::Symbol);
        if (symbol.kind == ScannedValue::Kind::String)
            quote.symbol = symbol.text;
        else if (symbol.kind != ScannedValue::Kind::Absent && symbol.kind != ScannedValue::Kind::Null)
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
        if (const ScannedValue &time = at(QuoteField::LastTradeTime); time.kind == ScannedValue::Kind::String)
            quote.lastTradeTime = parseTimeText(time.text);
        for (auto [field, target] : {std::pair{QuoteField::HighPrice, &quote.highPrice},
                                     std::pair{QuoteField::LowPrice, &quote.lowPrice}}) {
            if (const Result<std::optional<double>> extreme = readPrice(at(field).json(), QString()))
                *target = extreme.value();
        }
        return true;
    }

    const char *m_at;
    const char *m_end;
};

} // namespace

std::optional<QList<BrokerQuote>> scanQuotesAnswer(QByteArrayView body)
{
    return QuotesAnswerScanner(body).scan();
}

} // namespace trailguard::QuestradeParsing
