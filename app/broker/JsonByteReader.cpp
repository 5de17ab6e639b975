#include "broker/JsonByteReader.h"

#include <array>
#include <cfloat>
#include <charconv>
#include <cmath>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace trailguard::QuestradeParsing::detail {

namespace {
int jsonHexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The bytes a string holds as they are: printable ASCII (and DEL) but the quote and the backslash.
constexpr std::array<bool, 256> kPlainBytes = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c)
        plain[c] = c != '"' && c != '\\';
    return plain;
}();

// Powers of ten a double holds exactly.
constexpr double kExactPowersOfTen[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

QString decoded(QByteArrayView raw, bool escaped);
} // namespace

QString JsonScalar::string() const
{
    return decoded(raw, escaped);
}

QJsonValue JsonScalar::json() const
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
        return QJsonValue(string());
    case Kind::Container:
        break;
    }
    return QJsonValue(QJsonValue::Array);
}

// A string's raw bytes between its quotes: printable ASCII, escapes checked (no NUL, no surrogates).
bool JsonByteReader::rawString(QByteArrayView &raw, bool &escaped)
{
    skipSpace();
    if (m_at >= m_end || *m_at != '"')
        return false;
    const char *start = ++m_at;
    escaped = false;
    for (;;) {
#if defined(__SSE2__)
        // Sixteen bytes at a time to the first quote, backslash, control byte or byte beyond ASCII (the
        // last two are the bytes below 0x20 as signed chars).
        while (m_end - m_at >= 16) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_at));
            const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                              _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))),
                                                 _mm_cmplt_epi8(bytes, _mm_set1_epi8(0x20)));
            if (const int mask = _mm_movemask_epi8(special)) {
                m_at += __builtin_ctz(static_cast<unsigned>(mask));
                break;
            }
            m_at += 16;
        }
#endif
        while (m_at < m_end && kPlainBytes[static_cast<unsigned char>(*m_at)])
            ++m_at;
        if (m_at >= m_end)
            return false;
        if (*m_at == '"') {
            raw = QByteArrayView(start, m_at - start);
            ++m_at;
            return true;
        }
        if (*m_at != '\\')
            return false; // a control character or a byte beyond ASCII
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
                const int digit = jsonHexDigit(m_at[i]);
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
        ++m_at;
    }
}

bool JsonByteReader::plainKey(QByteArrayView &key)
{
    bool escaped = false;
    return rawString(key, escaped) && !escaped && take(':');
}

namespace {
QString decoded(QByteArrayView raw, bool escaped)
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
                unit = char16_t(unit * 16 + jsonHexDigit(raw[i + k]));
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
} // namespace

// RFC 8259's number grammar only; the value as Qt reads it (correctly rounded), and only in a double's
// normal range, where Qt's reading and ours cannot differ. `result` null: only checked.
bool JsonByteReader::number(double *result)
{
    if (!result && skipPlainNumber())
        return true;
    const char *start = m_at;
    qint64 mantissa = 0; // of the first digits, while there are at most kFastDigits
    int digitCount = 0;
    int fractionDigits = 0;
    const auto digits = [&] {
        const char *from = m_at;
        for (; m_at < m_end && *m_at >= '0' && *m_at <= '9'; ++m_at) {
            if (++digitCount <= kFastDigits)
                mantissa = mantissa * 10 + (*m_at - '0');
        }
        return m_at - from;
    };
    bool nonZero = false;
    const bool negative = m_at < m_end && *m_at == '-';
    if (negative)
        ++m_at;
    if (m_at < m_end && *m_at == '0') {
        ++m_at;
        ++digitCount;
    } else {
        const char *integer = m_at;
        if (digits() == 0)
            return false;
        nonZero = *integer != '0';
    }
    if (m_at < m_end && *m_at == '.') {
        ++m_at;
        const char *fraction = m_at;
        fractionDigits = int(digits());
        if (fractionDigits == 0)
            return false;
        for (const char *c = fraction; c < m_at && !nonZero; ++c)
            nonZero = *c != '0';
    }
    bool exponent = false;
    if (m_at < m_end && (*m_at == 'e' || *m_at == 'E')) {
        exponent = true;
        ++m_at;
        if (m_at < m_end && (*m_at == '+' || *m_at == '-'))
            ++m_at;
        if (digits() == 0)
            return false;
    }
    if (!exponent) {
        // Without an exponent and under 300 characters a number is finite, and zero or at least 1e-299:
        // inside the normal range, so a skipped one needs no conversion.
        if (!result && m_at - start < 300)
            return true;
        // At most 15 digits: the digits and the power of ten are exact doubles, so one division is
        // correctly rounded (Clinger's fast path), as from_chars is.
        if (result && digitCount <= kFastDigits) {
            const double magnitude = double(mantissa) / kExactPowersOfTen[fractionDigits];
            *result = negative ? -magnitude : magnitude;
            return true;
        }
    }
    double value = 0;
    const auto [end, error] = std::from_chars(start, m_at, value);
    if (error != std::errc() || end != m_at || !std::isfinite(value))
        return false;
    if (result)
        *result = value;
    if (value == 0.0)
        return !nonZero; // an underflow to zero
    return std::fabs(value) >= DBL_MIN;
}

// A skipped number in the plain form -?(0|[1-9][0-9]*)(.[0-9]+)? under 300 characters, consumed; it is in
// range whatever its digits (see number()). Anything else is left untouched for number() to judge.
bool JsonByteReader::skipPlainNumber()
{
    const char *at = m_at;
    const auto isDigit = [this](const char *c) { return c < m_end && *c >= '0' && *c <= '9'; };
    if (at < m_end && *at == '-')
        ++at;
    if (at < m_end && *at == '0') {
        ++at;
    } else {
        if (!isDigit(at))
            return false;
        while (isDigit(at))
            ++at;
    }
    if (at < m_end && *at == '.') {
        if (!isDigit(++at))
            return false;
        while (isDigit(at))
            ++at;
    }
    if ((at < m_end && (*at == 'e' || *at == 'E')) || at - m_at >= 300)
        return false;
    m_at = at;
    return true;
}

bool JsonByteReader::literal(QByteArrayView word)
{
    if (m_end - m_at < word.size() || QByteArrayView(m_at, word.size()) != word)
        return false;
    m_at += word.size();
    return true;
}

// One value; read into `into` when given, else only checked and skipped.
bool JsonByteReader::value(JsonScalar *into, int depth)
{
    skipSpace();
    if (m_at >= m_end)
        return false;
    JsonScalar ignored;
    JsonScalar &out = into ? *into : ignored;
    switch (*m_at) {
    case '"': {
        QByteArrayView raw;
        bool escaped = false;
        if (!rawString(raw, escaped))
            return false;
        out.kind = JsonScalar::Kind::String;
        out.raw = raw;
        out.escaped = escaped;
        return true;
    }
    case '{':
    case '[': {
        const char close = *m_at == '{' ? '}' : ']';
        if (depth >= kMaxDepth)
            return false;
        ++m_at;
        out.kind = JsonScalar::Kind::Container;
        if (take(close))
            return true;
        do {
            if (close == '}' && !anyKey())
                return false;
            if (!value(nullptr, depth + 1))
                return false;
        } while (take(','));
        return take(close);
    }
    case 't':
        out.kind = JsonScalar::Kind::Bool;
        out.flag = true;
        return literal("true");
    case 'f':
        out.kind = JsonScalar::Kind::Bool;
        out.flag = false;
        return literal("false");
    case 'n':
        out.kind = JsonScalar::Kind::Null;
        return literal("null");
    default:
        out.kind = JsonScalar::Kind::Number;
        return number(into ? &out.number : nullptr);
    }
}

// A key of a skipped object: its text does not matter, escapes included.
bool JsonByteReader::anyKey()
{
    QByteArrayView key;
    bool escaped = false;
    return rawString(key, escaped) && take(':');
}

bool JsonByteReader::atEnd()
{
    skipSpace();
    return m_at == m_end;
}

} // namespace trailguard::QuestradeParsing::detail
