#pragma once

// Helpers for the webhook channel tests: readable outcomes in QCOMPARE, a send that waits for its
// result while the event loop runs, sample alerts, and a log recorder for checking redaction.

#include "alerts/AlertChannel.h"

#include <QMutex>
#include <QStringList>
#include <QTest>
#include <QTimeZone>

#include <optional>

namespace trailguard {

inline const char *outcomeName(DeliveryResult::Outcome outcome)
{
    switch (outcome) {
    case DeliveryResult::Outcome::Delivered:
        return "Delivered";
    case DeliveryResult::Outcome::RetryLater:
        return "RetryLater";
    case DeliveryResult::Outcome::Failed:
        return "Failed";
    }
    return "?";
}

// Found by QCOMPARE through argument-dependent lookup (QTest frees the copy).
inline char *toString(const DeliveryResult::Outcome &outcome)
{
    return qstrdup(outcomeName(outcome));
}

namespace test {

constexpr int kSendWaitMs = 15000;

// Sends `message` and waits (running the event loop) for the one callback; empty if none came.
inline std::optional<DeliveryResult> sendAndWait(AlertChannel &channel, const AlertMessage &message)
{
    QObject context;
    std::optional<DeliveryResult> out;
    channel.send(message, &context, [&out](DeliveryResult result) { out = std::move(result); });
    (void)QTest::qWaitFor([&out] { return out.has_value(); }, kSendWaitMs);
    return out;
}

// For QVERIFY2: an outcome and its reason.
inline QByteArray describe(const std::optional<DeliveryResult> &result)
{
    if (!result)
        return "no result";
    return QByteArray(outcomeName(result->outcome)) + ": " + result->reason.toUtf8();
}

// A breach as the formatter would make it.
inline AlertMessage breachMessage()
{
    AlertMessage message;
    message.kind = AlertMessage::Kind::Breach;
    message.priority = AlertMessage::Priority::High;
    message.ticker = QStringLiteral("SHOP.TO");
    message.subject = QStringLiteral("Stop-loss breach: SHOP.TO 92.10 < stop 95.40 (peak 106.00)");
    message.text = QStringLiteral("SHOP.TO traded at 92.10 CAD, below its trailing stop of 95.40 CAD.");
    message.fields = {{QStringLiteral("Price"), QStringLiteral("92.10 CAD")},
                      {QStringLiteral("Stop"), QStringLiteral("95.40 CAD")},
                      {QStringLiteral("Peak"), QStringLiteral("106.00 CAD")}};
    message.tags = {QStringLiteral("chart_with_downwards_trend"), QStringLiteral("SHOP.TO")};
    message.clickUrl = QUrl(QStringLiteral("https://my.questrade.com/trading/quote/SHOP.TO"));
    message.createdAt = QDateTime(QDate(2026, 3, 9), QTime(19, 30, 0, 250), QTimeZone::utc());
    return message;
}

// Records every log message while alive (and passes it on), to check that no secret is logged.
class LogRecorder {
public:
    LogRecorder()
    {
        s_active = this;
        m_previous = qInstallMessageHandler(&LogRecorder::handle);
    }
    ~LogRecorder()
    {
        qInstallMessageHandler(m_previous);
        s_active = nullptr;
    }
    LogRecorder(const LogRecorder &) = delete;
    LogRecorder &operator=(const LogRecorder &) = delete;

    QStringList messages() const
    {
        QMutexLocker lock(&m_mutex);
        return m_messages;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_active == nullptr)
            return;
        {
            QMutexLocker lock(&s_active->m_mutex);
            s_active->m_messages.append(message);
        }
        if (s_active->m_previous)
            s_active->m_previous(type, context, message);
    }

    static inline LogRecorder *s_active = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_messages;
};

} // namespace test
} // namespace trailguard

Q_DECLARE_METATYPE(trailguard::DeliveryResult::Outcome)
Q_DECLARE_METATYPE(trailguard::AlertMessage::Kind)
Q_DECLARE_METATYPE(trailguard::AlertMessage::Priority)
