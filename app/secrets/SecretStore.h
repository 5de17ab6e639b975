#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace trailguard {

// Remembers a callback's context (an object in the store's thread) and notices its destruction. A null
// context never expires. Take it when the operation is asked for, not when it finishes.
class CallbackContext {
public:
    explicit CallbackContext(QObject *context)
        : m_context(context)
        , m_given(context != nullptr)
    {}
    bool alive() const { return !m_given || !m_context.isNull(); }

private:
    QPointer<QObject> m_context;
    bool m_given;
};

// Where tokens and passwords live. Every operation is asynchronous: it never completes inside the
// call, and completes exactly once on the store's thread. When `context` is destroyed first, the
// callback is dropped; so are the callbacks of a store that is destroyed first. Secrets never pass through
// logs, QSettings or the database.
class SecretStore : public QObject {
    Q_OBJECT
public:
    using ReadCallback = std::function<void(Result<QByteArray>)>;
    using WriteCallback = std::function<void(Status)>;

    explicit SecretStore(QObject *parent = nullptr)
        : QObject(parent)
    {}

    // For the user: where secrets are kept, e.g. "the system keychain (Secret Service)".
    virtual QString location() const = 0;
    // False for the in-memory fallback: secrets are gone when the app exits.
    virtual bool isPersistent() const = 0;

    // An unknown key completes with ErrorCode::SecretNotFound.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &secret, QObject *context,
                       WriteCallback done) = 0;
    // Removing an unknown key succeeds.
    virtual void remove(const QString &key, QObject *context, WriteCallback done) = 0;

protected:
    // Calls `call` from this store's event loop, later, unless the callback's context is destroyed
    // first. A store that is destroyed drops the calls it has not made yet.
    void deliverLater(const CallbackContext &context, std::function<void()> call);
};

} // namespace trailguard
