#pragma once

#include "broker/TokenSet.h"
#include "common/Result.h"

#include <QByteArray>

#include <functional>
#include <optional>

class QObject;

namespace trailguard {

class SecretStore;

// The Questrade token chain in the SecretStore (one blob under TokenSet::secretKey()): reads, writes and
// removals, with the writes and removals still under way counted so that quitting can wait for them;
// and the rule for whether a stored chain is newer than the one a process holds.
class TokenChainStore {
public:
    explicit TokenChainStore(SecretStore &store);

    void read(QObject *context, std::function<void(Result<QByteArray>)> done);
    // `done` runs once the write is finished and no longer counted.
    void write(const TokenSet &tokens, QObject *context, std::function<void(Status)> done);
    void remove(QObject *context, std::function<void(Status)> done);
    // Writes and removals not finished yet.
    int pending() const { return m_pending; }

    // The chain in `blob` when it is newer than `held`: another process rotated it. `heldSaved`: the store
    // held `held` after our last read or write of it, so any different chain was written since, by
    // someone else. Only when our last write failed may the store hold an OLDER chain: then the issue
    // times decide.
    static std::optional<TokenSet> newerChain(const Result<QByteArray> &blob, const TokenSet &held,
                                              bool heldSaved);

    // The chain in `blob` when another process rotated past `spentRefreshToken` (Questrade refused it because
    // it was spent there a moment ago): a live chain with another refresh token.
    static std::optional<TokenSet> rotatedPast(const Result<QByteArray> &blob,
                                               const QByteArray &spentRefreshToken);

private:
    SecretStore &m_store;
    int m_pending = 0;
};

} // namespace trailguard
