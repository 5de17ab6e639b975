#pragma once

#include <QByteArray>

#include <deque>

namespace trailguard {

class SecretRedactor;

// Gives every token the auth sees to the log redactor, so no log line can show one, and keeps only the
// latest few there: spent tokens are harmless, but a late log line may still quote one of the last chains.
class TokenRedaction {
public:
    static constexpr size_t kKeptTokens = 8;

    // Not owned; may be null (nothing is redacted).
    explicit TokenRedaction(SecretRedactor *redactor);

    void add(const QByteArray &token);

private:
    SecretRedactor *m_redactor;
    std::deque<QByteArray> m_tokens; // given to the redactor, oldest first
};

} // namespace trailguard
