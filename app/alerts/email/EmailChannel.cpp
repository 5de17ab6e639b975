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

void EmailChannel::addAckInstructions(const AlertMessage &message, QString &text, QString &html)
{
    if (message.kind != AlertMessage::Kind::Breach || message.alertId <= 0)
        return;
    QString textLine;
    QString htmlLine;
    if (message.ackUrl.isValid()) {
        const QString link = message.ackUrl.toString(QUrl::FullyEncoded);
        textLine = tr("Acknowledge this alert: %1 (a one-time link)").arg(link);
        htmlLine = QStringLiteral("<p><a href=\"%1\">%2</a> %3</p>")
                       .arg(link.toHtmlEscaped(), tr("Acknowledge this alert").toHtmlEscaped(),
                            tr("(a one-time link)").toHtmlEscaped());
    } else {
        textLine = tr("To acknowledge this alert, use Trailguard's alert history, the dashboard, or run "
                      "`trailguard alerts ack %1`.")
                       .arg(message.alertId);
        htmlLine = QStringLiteral("<p>%1</p>").arg(textLine.toHtmlEscaped());
    }
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
        text += QLatin1Char('\n');
    text += QLatin1Char('\n') + textLine + QLatin1Char('\n');
    if (html.isEmpty())
        return;
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"), -1, Qt::CaseInsensitive);
    if (end >= 0)
        html.insert(end, htmlLine);
    else
        html += htmlLine;
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
    addAckInstructions(message, content.text, content.html);
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
