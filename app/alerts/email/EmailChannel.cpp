#include "alerts/email/EmailChannel.h"

#include "alerts/email/EmailLogging.h"
#include "alerts/email/SmtpTransfer.h"
#include "secrets/SecretStore.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

namespace trailguard {

EmailChannel::EmailChannel(EmailConfig config, QObject *parent)
    : AlertChannel(parent)
    , m_config(std::move(config))
{
    SmtpTransfer::ensureGlobalInit();
    m_worker.setMaxThreadCount(1);
    m_worker.setObjectName(QStringLiteral("EmailChannel worker"));
}

EmailChannel::~EmailChannel()
{
    m_shuttingDown = true;
    m_worker.waitForDone();
}

QString EmailChannel::id() const
{
    return QStringLiteral("email");
}

QString EmailChannel::displayName() const
{
    return tr("Email");
}

void EmailChannel::setConfig(EmailConfig config)
{
    m_config = std::move(config);
}

EmailContent EmailChannel::composeEmail(const AlertMessage &message, const EmailConfig &config)
{
    EmailContent content;
    content.fromAddress = config.from;
    content.fromName = QStringLiteral("Trailguard");
    content.to = config.to;
    content.subject = message.subject;
    content.text = message.text;
    content.html = message.html;
    switch (message.priority) {
    case AlertMessage::Priority::High:
        content.priority = EmailContent::Priority::High;
        break;
    case AlertMessage::Priority::Normal:
        content.priority = EmailContent::Priority::Normal;
        break;
    case AlertMessage::Priority::Low:
        content.priority = EmailContent::Priority::Low;
        break;
    }
    content.date = message.createdAt.isValid() ? message.createdAt : QDateTime::currentDateTime();
    content.messageId = MimeMessageBuilder::newMessageId(config.from);
    return content;
}

void EmailChannel::send(const AlertMessage &message, QObject *context, SendCallback done)
{
    const CallbackContext callbackContext(context);
    const Status valid = m_config.validate();
    if (!valid) {
        qCWarning(lcEmail) << "Email alert not sent:" << valid.error().message;
        QMetaObject::invokeMethod(
            this,
            [callbackContext, done = std::move(done), reason = valid.error().message] {
                if (callbackContext.alive())
                    done(DeliveryResult::failed(reason));
            },
            Qt::QueuedConnection);
        return;
    }

    const QByteArray mime = MimeMessageBuilder::build(composeEmail(message, m_config));
    QtConcurrent::run(&m_worker, [this, config = m_config, mime] {
        return SmtpTransfer::send(config, mime, m_shuttingDown);
    }).then(this, [callbackContext, done = std::move(done), host = m_config.host](DeliveryResult result) {
        switch (result.outcome) {
        case DeliveryResult::Outcome::Delivered:
            qCInfo(lcEmail) << "Email alert delivered through" << host;
            break;
        case DeliveryResult::Outcome::RetryLater:
            qCWarning(lcEmail) << "Email alert not sent yet, will retry:" << result.reason;
            break;
        case DeliveryResult::Outcome::Failed:
            qCWarning(lcEmail) << "Email alert failed:" << result.reason;
            break;
        }
        if (callbackContext.alive())
            done(std::move(result));
    });
}

} // namespace trailguard
