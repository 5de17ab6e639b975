#include "secrets/Redact.h"

#include <QMutexLocker>
#include <QUrl>

#include <algorithm>

namespace trailguard {

namespace {

// The message handler's state. Guarded by gHandlerMutex so that a redactor being destroyed never runs
// inside another thread's message.
QMutex gHandlerMutex;
SecretRedactor *gActive = nullptr;
QtMessageHandler gPrevious = nullptr;

void redactingMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QString cleaned;
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&gHandlerMutex);
        cleaned = gActive != nullptr ? gActive->redact(message) : message;
        previous = gPrevious;
    }
    if (previous != nullptr)
        previous(type, context, cleaned);
}

// "a%2Fb" -> "a%2fb": the hex digits of each escape in lower case.
QString lowerCaseEscapes(QString encoded)
{
    for (qsizetype i = 0; i + 2 < encoded.size(); ++i) {
        if (encoded.at(i) == QLatin1Char('%')) {
            encoded[i + 1] = encoded.at(i + 1).toLower();
            encoded[i + 2] = encoded.at(i + 2).toLower();
            i += 2;
        }
    }
    return encoded;
}

} // namespace

QString redactedMarker()
{
    return QStringLiteral("[redacted]");
}

QString redact(QString text, const QList<QByteArray> &secrets)
{
    QStringList forms;
    for (const auto &secret : secrets) {
        if (secret.isEmpty())
            continue;
        const QString plain = QString::fromUtf8(secret);
        forms.append(plain);
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(plain));
        if (encoded != plain) {
            forms.append(encoded);
            forms.append(lowerCaseEscapes(encoded)); // %2f as well as %2F
        }
    }
    forms.removeDuplicates();
    // Longest first, so a secret that contains another is replaced whole.
    std::stable_sort(forms.begin(), forms.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
    const QString marker = redactedMarker();
    for (const auto &form : std::as_const(forms))
        text.replace(form, marker);
    return text;
}

SecretRedactor::~SecretRedactor()
{
    if (!m_installed)
        return;
    QMutexLocker lock(&gHandlerMutex);
    if (gActive == this) {
        qInstallMessageHandler(gPrevious);
        gActive = nullptr;
        gPrevious = nullptr;
    }
}

void SecretRedactor::addSecret(const QByteArray &secret)
{
    if (secret.size() < kMinimumLength)
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_secrets.contains(secret))
        m_secrets.append(secret);
}

void SecretRedactor::removeSecret(const QByteArray &secret)
{
    QMutexLocker lock(&m_mutex);
    m_secrets.removeAll(secret);
}

QString SecretRedactor::redact(const QString &text) const
{
    QMutexLocker lock(&m_mutex);
    if (m_secrets.isEmpty())
        return text;
    return trailguard::redact(text, m_secrets);
}

void SecretRedactor::installMessageHandler()
{
    QMutexLocker lock(&gHandlerMutex);
    if (gActive == this)
        return;
    gActive = this;
    const QtMessageHandler previous = qInstallMessageHandler(redactingMessageHandler);
    if (previous != redactingMessageHandler) // another redactor's handler is replaced, not chained
        gPrevious = previous;
    m_installed = true;
}

} // namespace trailguard
