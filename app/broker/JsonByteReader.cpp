#include "broker/JsonByteReader.h"

#include <cfloat>
#include <charconv>
#include <cmath>

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
} // namespace

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
        return QJsonValue(text);
    case Kind::Container:
        break;
    }
    return QJsonValue(QJsonValue::Array);
}

void JsonByteReader::skipSpace()
{
    while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
        ++m_at;
}

bool JsonByteReader::take(char c)
{
    skipSpace();
    if (m_at < m_end && *m_at == c) {
        ++m_at;
        return true;
    }
    return false;
}

// A string's raw bytes between its quotes: printable ASCII, escapes checked (no NUL, no surrogates).
bool JsonByteReader::rawString(QByteArrayView &raw, bool &escaped)
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
        }
        ++m_at;
    }
    return false;
}

bool JsonByteReader::plainKey(QByteArrayView &key)
{
    bool escaped = false;
    return rawString(key, escaped) && !escaped && take(':');
}

QString JsonByteReader::decoded(QByteArrayView raw, bool escaped)
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

// RFC 8259's number grammar only; the value as Qt reads it (correctly rounded), and only in a double's
// normal range, where Qt's reading and ours cannot differ.
bool JsonByteReader::number(double &result)
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
        return number(out.number);
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
