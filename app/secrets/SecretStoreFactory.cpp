#include "secrets/SecretStoreFactory.h"

#include "secrets/EncryptedFileSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretsLogging.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace trailguard {

namespace {

class SecretStoreFactory {
    Q_DECLARE_TR_FUNCTIONS(SecretStoreFactory)
};

// The bus names of the keychains QtKeychain talks to on Linux: the Secret Service (gnome-keyring,
// KeePassXC, recent KWallet) and KWallet's own daemons, which QtKeychain uses on KDE Plasma.
const QStringList kKeychainServices = {QStringLiteral("org.freedesktop.secrets"),
                                       QStringLiteral("org.kde.kwalletd5"),
                                       QStringLiteral("org.kde.kwalletd6")};
constexpr int kBusTimeoutMs = 2000;

// The session bus address libdbus and GDBus would use for this environment (without autolaunch).
QString sessionBusAddress(const QProcessEnvironment &env)
{
    const QString address = env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    if (!address.isEmpty())
        return address;
    const QString runtimeDir = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (runtimeDir.isEmpty())
        return {};
    const QString socket = runtimeDir + QStringLiteral("/bus");
    if (!QFileInfo::exists(socket))
        return {};
    return QStringLiteral("unix:path=") + socket;
}

QVariant askBus(const QDBusConnection &bus, const QString &method, const QVariantList &arguments)
{
    auto message = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
                                                  QStringLiteral("/org/freedesktop/DBus"),
                                                  QStringLiteral("org.freedesktop.DBus"), method);
    message.setArguments(arguments);
    const auto reply = bus.call(message, QDBus::Block, kBusTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qCInfo(lcSecrets) << "the session bus did not answer" << method << reply.errorMessage();
        return {};
    }
    return reply.arguments().constFirst();
}

bool hasKeychain(const QDBusConnection &bus)
{
    for (const auto &service : kKeychainServices) {
        if (askBus(bus, QStringLiteral("NameHasOwner"), {service}).toBool())
            return true;
    }
    const QStringList activatable = askBus(bus, QStringLiteral("ListActivatableNames"), {}).toStringList();
    return std::any_of(kKeychainServices.cbegin(), kKeychainServices.cend(),
                       [&activatable](const QString &service) { return activatable.contains(service); });
}

// Why no Secret Service can be used, or an empty string when one is on the bus.
QString secretServiceProblem(const QProcessEnvironment &env)
{
    const QString address = sessionBusAddress(env);
    if (address.isEmpty())
        return QStringLiteral("no D-Bus session bus");
    const QString name = QStringLiteral("trailguard-secret-service-probe-") +
                         QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        const QDBusConnection bus = QDBusConnection::connectToBus(address, name);
        if (!bus.isConnected()) {
            problem = QStringLiteral("the session bus cannot be reached: ") + bus.lastError().message();
        } else if (!hasKeychain(bus)) {
            problem =
                QStringLiteral("no Secret Service (org.freedesktop.secrets) or KWallet on the session bus");
        }
    }
    QDBusConnection::disconnectFromBus(name);
    return problem;
}

} // namespace

SecretStoreChoice createSecretStore(const QProcessEnvironment &env, const QString &dataDir, QObject *parent)
{
    const QString passphrase = env.value(QString::fromLatin1(kEncryptionKeyVariable));
    if (!passphrase.isEmpty()) {
        qCInfo(lcSecrets) << "encryption_key is set: secrets are kept in an encrypted file";
        return {std::make_unique<EncryptedFileSecretStore>(dataDir, passphrase.toUtf8(),
                                                           KdfStrength::Moderate, parent),
                {}};
    }
    const QString problem = secretServiceProblem(env);
    if (problem.isEmpty()) {
        qCInfo(lcSecrets) << "secrets are kept in the system keychain";
        auto keychain = std::make_unique<KeychainSecretStore>(KeychainSecretStore::defaultService(), parent);
        // The default data folder is AppPaths' (QStandardPaths::AppDataLocation).
        keychain->setKeyScope(KeychainSecretStore::keyScopeForDataDir(
            dataDir, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        return {std::move(keychain), {}};
    }
    qCWarning(lcSecrets).noquote() << "secrets are kept in memory only:" << problem;
    return {
        std::make_unique<MemorySecretStore>(parent),
        SecretStoreFactory::tr("No system keychain was found and encryption_key is not set: Questrade tokens "
                               "are kept in memory only and will be lost when Trailguard exits. Start a "
                               "keyring (e.g. gnome-keyring) or set encryption_key.")};
}

} // namespace trailguard
