#pragma once

#include <QByteArrayView>
#include <QJsonValue>
#include <QString>

// The byte-level half of QuoteAnswerScanner (not for use elsewhere): a pull reader over JSON text that
// accepts only what it reads exactly as QJsonDocument does.
namespace trailguard::QuestradeParsing::detail {

// One value as QuestradeParsing's readers see it; an object or array is kept only as its kind. A string
// is kept as its raw bytes (between the quotes, escapes undone only by string()), valid while the text is.
struct JsonScalar {
    enum class Kind { Absent, Null, Bool, Number, String, Container } kind = Kind::Absent;
    double number = 0;
    bool flag = false;
    bool escaped = false; // the raw string holds a backslash escape
    QByteArrayView raw;

    QString string() const;
    QJsonValue json() const;
};

// Plain, well-formed ASCII JSON only: strict RFC 8259 numbers in a double's normal range, strings without
// control characters, NUL or surrogate escapes, nesting up to kMaxDepth. Every method answers false for
// anything else, and its caller then leaves the whole text to QJsonDocument.
class JsonByteReader {
public:
    static constexpr int kMaxDepth = 64; // far below Qt's own limit, so a deeper text is Qt's to judge

    explicit JsonByteReader(QByteArrayView text)
        : m_at(text.begin())
        , m_end(text.end())
    {}

    // Consumes `c` when it is the next byte after whitespace. Inline, as skipSpace: called ~50 times a quote.
    bool take(char c)
    {
        skipSpace();
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }
    // Nothing but whitespace is left.
    bool atEnd();
    // An object key without escapes, and its colon.
    bool plainKey(QByteArrayView &key);
    // One value at nesting `depth`; read into `into` when given, else only checked and skipped (a skipped
    // plain number is then not converted: its grammar alone shows that Qt reads it alike).
    bool value(JsonScalar *into, int depth);

private:
    static constexpr int kFastDigits = 15; // digits a number may have to be read without from_chars

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }
    bool rawString(QByteArrayView &raw, bool &escaped);
    bool number(double *result);
    bool skipPlainNumber();
    bool literal(QByteArrayView word);
    bool anyKey();

    const char *m_at;
    const char *m_end;
};

} // namespace trailguard::QuestradeParsing::detail
