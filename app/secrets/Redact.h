#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>

namespace trailguard {

// What a secret is replaced with in logs and messages.
QString redactedMarker();

// Replaces every occurrence of each secret in `text`, as UTF-8 text and in its percent-encoded (URL)
// form (upper- or lower-case escapes), by "[redacted]". Longer secrets are replaced first; empty ones are
// ignored.
QString redact(QString text, const QList<QByteArray> &secrets);

// The secrets currently in use (tokens, passwords), so that every log line can be cleaned of them.
// The broker layer adds a token when it gets one. Thread-safe. Secrets shorter than six characters are
// ignored: they would redact ordinary words.
//
// installMessageHandler() is the one documented exception to "no globals": a Qt message handler is
// process-wide by nature. main.cpp owns one SecretRedactor for the whole run, installs it once, and
// destroys it last; destruction puts the previous handler back.
class SecretRedactor {
public:
    static constexpr qsizetype kMinimumLength = 6;

    SecretRedactor() = default;
    ~SecretRedactor();
    SecretRedactor(const SecretRedactor &) = delete;
    SecretRedactor &operator=(const SecretRedactor &) = delete;

    void addSecret(const QByteArray &secret);
    // For a token that was replaced and is no longer valid.
    void removeSecret(const QByteArray &secret);
    QString redact(const QString &text) const;

    // Filters every qDebug/qInfo/qWarning/qCritical/qFatal message through redact() before the handler
    // that was installed before (Qt's default one, normally).
    void installMessageHandler();

private:
    mutable QMutex m_mutex;
    QList<QByteArray> m_secrets;
    bool m_installed = false;
};

} // namespace trailguard
