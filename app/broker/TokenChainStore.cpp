#include "broker/TokenChainStore.h"

#include "secrets/SecretStore.h"

namespace trailguard {

TokenChainStore::TokenChainStore(SecretStore &store)
    : m_store(store)
{}

void TokenChainStore::read(QObject *context, std::function<void(Result<QByteArray>)> done)
{
    m_store.read(TokenSet::secretKey(), context, std::move(done));
}

void TokenChainStore::write(const TokenSet &tokens, QObject *context, std::function<void(Status)> done)
{
    ++m_pending;
    m_store.write(TokenSet::secretKey(), tokens.toJson(), context,
                  [this, done = std::move(done)](Status status) {
                      --m_pending;
                      done(std::move(status));
                  });
}

void TokenChainStore::remove(QObject *context, std::function<void(Status)> done)
{
    ++m_pending;
    m_store.remove(TokenSet::secretKey(), context, [this, done = std::move(done)](Status status) {
        --m_pending;
        done(std::move(status));
    });
}

std::optional<TokenSet> TokenChainStore::newerChain(const Result<QByteArray> &blob, const TokenSet &held,
                                                    bool heldSaved)
{
    if (!blob)
        return std::nullopt;
    Result<TokenSet> stored = TokenSet::fromJson(blob.value());
    if (!stored)
        return std::nullopt;
    const TokenSet &theirs = stored.value();
    if (theirs.refreshToken == held.refreshToken && theirs.rejected == held.rejected)
        return std::nullopt;
    if (!heldSaved && !(theirs.accessIssuedAt.isValid() && held.accessIssuedAt.isValid() &&
                        theirs.accessIssuedAt > held.accessIssuedAt))
        return std::nullopt;
    return theirs;
}

std::optional<TokenSet> TokenChainStore::rotatedPast(const Result<QByteArray> &blob,
                                                     const QByteArray &spentRefreshToken)
{
    if (!blob)
        return std::nullopt;
    Result<TokenSet> stored = TokenSet::fromJson(blob.value());
    if (!stored || stored.value().rejected || stored.value().refreshToken == spentRefreshToken)
        return std::nullopt;
    return stored.value();
}

} // namespace trailguard
