#include "broker/TokenRedaction.h"

#include "secrets/Redact.h"

#include <algorithm>

namespace trailguard {

TokenRedaction::TokenRedaction(SecretRedactor *redactor)
    : m_redactor(redactor)
{}

void TokenRedaction::add(const QByteArray &token)
{
    if (!m_redactor || token.isEmpty() ||
        std::find(m_tokens.cbegin(), m_tokens.cend(), token) != m_tokens.cend())
        return;
    m_redactor->addSecret(token);
    m_tokens.push_back(token);
    while (m_tokens.size() > kKeptTokens) {
        m_redactor->removeSecret(m_tokens.front());
        m_tokens.pop_front();
    }
}

} // namespace trailguard
