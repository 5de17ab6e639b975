#pragma once

#include "secrets/SecretStore.h"

#include <QProcessEnvironment>

#include <memory>

namespace trailguard {

// The environment variable whose passphrase selects the encrypted-file store.
inline constexpr char kEncryptionKeyVariable[] = "encryption_key";

struct SecretStoreChoice {
    std::unique_ptr<SecretStore> store;
    // Empty, or a translated sentence for the user: why secrets will not survive a restart and what to do.
    QString notice;
};

// Picks where secrets live:
//  1. encryption_key set and not empty: an EncryptedFileSecretStore in `dataDir`;
//  2. otherwise, when the session bus of `env` (DBUS_SESSION_BUS_ADDRESS, or $XDG_RUNTIME_DIR/bus) has
//     a keychain (org.freedesktop.secrets, or KWallet's org.kde.kwalletd5/6, owned or activatable):
//     a KeychainSecretStore, its entries scoped to `dataDir` (plain names for the default data folder);
//  3. otherwise a MemorySecretStore, with a notice.
// Step 2 asks the bus daemon two quick questions synchronously (at most two seconds each); call it once
// at start-up. QtKeychain itself uses the process's session bus, so pass the process environment in
// production. The caller owns the store; a `parent`, if given, must outlive the unique_ptr.
SecretStoreChoice createSecretStore(const QProcessEnvironment &env, const QString &dataDir,
                                    QObject *parent = nullptr);

} // namespace trailguard
