#include "alerts/email/SmtpTransfer.h"

#include "alerts/email/EmailLogging.h"
#include "secrets/Redact.h"

#include <QCoreApplication>
#include <QUrl>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace trailguard::SmtpTransfer {

namespace {

class SmtpTransferText {
    Q_DECLARE_TR_FUNCTIONS(SmtpTransfer)
};

constexpr qsizetype kMaxReplyLength = 400; // characters of a server reply kept for the message

// libcurl's global state, set up once per process (see ensureGlobalInit()).
class CurlGlobal {
public:
    CurlGlobal()
        : m_code(curl_global_init(CURL_GLOBAL_DEFAULT))
    {}
    ~CurlGlobal()
    {
        if (m_code == CURLE_OK)
            curl_global_cleanup();
    }
    CurlGlobal(const CurlGlobal &) = delete;
    CurlGlobal &operator=(const CurlGlobal &) = delete;
    CURLcode code() const { return m_code; }

private:
    CURLcode m_code;
};

const CurlGlobal &curlGlobal()
{
    static const CurlGlobal global;
    return global;
}

// Everything libcurl's callbacks read or write during one transfer.
struct Transfer {
    const QByteArray *payload = nullptr;
    qsizetype offset = 0;
    const std::atomic_bool *cancel = nullptr;
    QStringList replies;       // the last few SMTP replies, each with its lines joined
    bool replyComplete = true; // the last line of the latest reply ("250 ...", not "250-...") has arrived
};

constexpr qsizetype kRepliesKept = 8;

// The reply that carried `code`: after a refusal libcurl still sends QUIT, whose "221 Bye" comes last.
QString replyWithCode(const QStringList &replies, long code)
{
    const QString prefix = QString::number(code);
    for (auto reply = replies.crbegin(); reply != replies.crend(); ++reply) {
        if (reply->startsWith(prefix))
            return *reply;
    }
    return replies.isEmpty() ? QString() : replies.constLast();
}

// Feeds the message to libcurl, which adds the SMTP dot-stuffing and the final ".".
size_t readPayload(char *buffer, size_t size, size_t count, void *data)
{
    auto *transfer = static_cast<Transfer *>(data);
    const auto room = static_cast<qsizetype>(size * count);
    const qsizetype length = std::min(room, transfer->payload->size() - transfer->offset);
    std::memcpy(buffer, transfer->payload->constData() + transfer->offset, static_cast<size_t>(length));
    transfer->offset += length;
    return static_cast<size_t>(length);
}

// libcurl passes every SMTP reply line here (they are the protocol's "headers"); the last few replies are
// kept to explain a failure. Replies never contain what we sent, so no password.
size_t readReplyLine(char *buffer, size_t size, size_t count, void *data)
{
    auto *transfer = static_cast<Transfer *>(data);
    const size_t length = size * count;
    QString line = QString::fromUtf8(buffer, static_cast<qsizetype>(length)).trimmed();
    for (auto &character : line) {
        if (!character.isPrint())
            character = QLatin1Char(' ');
    }
    const bool last = line.size() <= 3 || line.at(3) != QLatin1Char('-');
    if (transfer->replyComplete) {
        transfer->replies.append(last ? line : line.left(3) + QLatin1Char(' ') + line.mid(4));
        if (transfer->replies.size() > kRepliesKept)
            transfer->replies.removeFirst();
    } else if (transfer->replies.constLast().size() < kMaxReplyLength) {
        transfer->replies.last() += QLatin1Char(' ') + line.mid(4); // continuation: without its code
    }
    transfer->replyComplete = last;
    return length;
}

size_t discardBody(char *, size_t size, size_t count, void *)
{
    return size * count;
}

int checkCancel(void *data, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *transfer = static_cast<const Transfer *>(data);
    return transfer->cancel->load() ? 1 : 0;
}

QString shortened(QString text)
{
    if (text.size() > kMaxReplyLength)
        text = text.left(kMaxReplyLength - 1) + QChar(0x2026);
    return text;
}

QString server(const EmailConfig &config)
{
    return QStringLiteral("%1:%2").arg(config.host).arg(config.port);
}

// Classification of an answer the server gave: 4xx → try again later, 5xx → permanent.
DeliveryResult classifyReply(const SmtpAttempt &attempt, const EmailConfig &config)
{
    const auto code = static_cast<CURLcode>(attempt.curlCode);
    const QString reply = shortened(attempt.serverReply.isEmpty() ? QString::number(attempt.responseCode)
                                                                  : attempt.serverReply);
    if (attempt.responseCode < 500) {
        if (code == CURLE_LOGIN_DENIED)
            return DeliveryResult::retryLater(
                SmtpTransferText::tr(
                    "The SMTP server %1 could not check the login for now (%2); the alert will be "
                    "sent again later.")
                    .arg(server(config), reply));
        return DeliveryResult::retryLater(
            SmtpTransferText::tr("The SMTP server %1 asked to try again later (%2).")
                .arg(server(config), reply));
    }
    if (code == CURLE_LOGIN_DENIED)
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server refused the login (%1): check the user and the app password.")
                .arg(reply));
    if (code == CURLE_USE_SSL_FAILED)
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server %1 does not offer STARTTLS (%2): choose SSL/TLS (usually port 465). "
                "Trailguard never sends the password unencrypted.")
                .arg(server(config), reply));
    if (attempt.responseCode == 530)
        return DeliveryResult::failed(
            SmtpTransferText::tr("The SMTP server requires a login (%1): enter the user and the password.")
                .arg(reply));
    // libcurl says which command was refused at the start of its error text ("RCPT failed: 550").
    if (attempt.curlError.startsWith(QLatin1String("RCPT")))
        return DeliveryResult::failed(
            SmtpTransferText::tr("The SMTP server refused a recipient (%1): check the To addresses.")
                .arg(reply));
    if (attempt.curlError.startsWith(QLatin1String("MAIL")))
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server refused the sender (%1): check the From address; many servers only "
                "accept the account's own address.")
                .arg(reply));
    return DeliveryResult::failed(
        SmtpTransferText::tr("The SMTP server refused the message (%1).").arg(reply));
}

} // namespace

void ensureGlobalInit()
{
    (void)curlGlobal();
}

QString serverUrl(const EmailConfig &config)
{
    QUrl url;
    url.setScheme(config.security == EmailConfig::Security::SslTls ? QStringLiteral("smtps")
                                                                   : QStringLiteral("smtp"));
    url.setHost(config.host);
    url.setPort(config.port);
    return url.toString(QUrl::FullyEncoded);
}

DeliveryResult classify(const SmtpAttempt &attempt, const EmailConfig &config)
{
    const auto code = static_cast<CURLcode>(attempt.curlCode);
    if (code == CURLE_OK)
        return DeliveryResult::delivered();
    // A failure the server explained with an SMTP reply code.
    if (attempt.responseCode >= 400 && attempt.responseCode < 600)
        return classifyReply(attempt, config);

    const QString detail = shortened(attempt.curlError.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code))
                                                                 : attempt.curlError);
    switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
        return DeliveryResult::retryLater(
            SmtpTransferText::tr(
                "Could not find the SMTP server %1 (%2): check the host name and the network "
                "connection.")
                .arg(config.host, detail));
    case CURLE_COULDNT_CONNECT:
        return DeliveryResult::retryLater(
            SmtpTransferText::tr("Could not connect to the SMTP server %1 (%2).")
                .arg(server(config), detail));
    case CURLE_OPERATION_TIMEDOUT:
        return DeliveryResult::retryLater(
            SmtpTransferText::tr("The SMTP server %1 did not answer in time (%2).")
                .arg(server(config), detail));
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
        return DeliveryResult::retryLater(
            SmtpTransferText::tr("The connection to the SMTP server %1 broke off (%2).")
                .arg(server(config), detail));
    case CURLE_SSL_CONNECT_ERROR:
        // A reachable server whose TLS handshake failed: often passing trouble, so retried; the reason
        // points at the usual permanent cause.
        return DeliveryResult::retryLater(
            SmtpTransferText::tr(
                "The secure connection to the SMTP server %1 could not be set up (%2). If this "
                "persists, check the security setting: SSL/TLS usually uses port 465, STARTTLS port "
                "587.")
                .arg(server(config), detail));
    case CURLE_PEER_FAILED_VERIFICATION:
        // The same server and trust store give the same answer next time: the user has to act (or
        // someone is intercepting the connection). Never ignored, never retried silently.
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server %1 presented a certificate that cannot be trusted (%2): check the "
                "host name, or for a private server give the file of the CA that signed it.")
                .arg(server(config), detail));
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CRL_BADFILE:
        return DeliveryResult::failed(
            SmtpTransferText::tr("The CA certificate file \"%1\" cannot be used (%2).")
                .arg(config.caFile, detail));
    case CURLE_USE_SSL_FAILED:
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server %1 does not offer STARTTLS (%2): choose SSL/TLS (usually port 465). "
                "Trailguard never sends the password unencrypted.")
                .arg(server(config), detail));
    case CURLE_LOGIN_DENIED:
    case CURLE_AUTH_ERROR:
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The SMTP server %1 refused the login (%2): check the user and the password.")
                .arg(server(config), detail));
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_REMOTE_ACCESS_DENIED:
        return DeliveryResult::failed(
            SmtpTransferText::tr(
                "The server at %1 did not answer like an SMTP server (%2): check the host, the port "
                "and the security setting.")
                .arg(server(config), detail));
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_FAILED_INIT:
    case CURLE_URL_MALFORMAT:
    case CURLE_NOT_BUILT_IN:
    case CURLE_BAD_FUNCTION_ARGUMENT:
    case CURLE_UNKNOWN_OPTION:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_INITFAILED:
        return DeliveryResult::failed(
            SmtpTransferText::tr("libcurl cannot send this email (%1).").arg(detail));
    case CURLE_ABORTED_BY_CALLBACK:
        return DeliveryResult::retryLater(
            SmtpTransferText::tr("The email was not sent: Trailguard is shutting down."));
    default:
        break;
    }
    // Anything else is treated as passing trouble: an alert is never dropped for an unknown reason.
    return DeliveryResult::retryLater(
        SmtpTransferText::tr("Sending to the SMTP server %1 failed (%2).").arg(server(config), detail));
}

DeliveryResult send(const EmailConfig &config, const QByteArray &message, const std::atomic_bool &cancel)
{
    const QList<QByteArray> secrets = {config.password};
    if (curlGlobal().code() != CURLE_OK)
        return DeliveryResult::failed(SmtpTransferText::tr("libcurl could not be initialised (%1).")
                                          .arg(QString::fromUtf8(curl_easy_strerror(curlGlobal().code()))));
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl)
        return DeliveryResult::failed(SmtpTransferText::tr("libcurl could not be initialised."));

    Transfer transfer;
    transfer.payload = &message;
    transfer.cancel = &cancel;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(nullptr, &curl_slist_free_all);
    for (const auto &address : config.to) {
        const QByteArray rcpt = '<' + address.toUtf8() + '>';
        curl_slist *appended = curl_slist_append(recipients.get(), rcpt.constData());
        if (appended == nullptr)
            return DeliveryResult::retryLater(
                SmtpTransferText::tr("Out of memory while preparing the email."));
        (void)recipients.release();
        recipients.reset(appended);
    }

    const QByteArray url = serverUrl(config).toUtf8();
    const QByteArray from = '<' + config.from.toUtf8() + '>';
    const QByteArray user = config.user.toUtf8();
    const QByteArray caFile = config.caFile.toLocal8Bit();
    const auto milliseconds = [](std::chrono::seconds seconds) {
        return static_cast<long>(std::chrono::milliseconds(seconds).count());
    };

    // Every option is checked: an option this libcurl lacks must not weaken the connection silently.
    CURLcode setup = CURLE_OK;
    const auto set = [&setup, &curl](CURLoption option, auto value) {
        if (setup == CURLE_OK)
            setup = curl_easy_setopt(curl.get(), option, value);
    };
    set(CURLOPT_ERRORBUFFER, errorBuffer);
    set(CURLOPT_URL, url.constData());
    set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    set(CURLOPT_NOSIGNAL, 1L);
    set(CURLOPT_VERBOSE, 0L); // the protocol trace would show the AUTH exchange
    set(CURLOPT_USE_SSL,
        static_cast<long>(config.security == EmailConfig::Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    set(CURLOPT_SSL_VERIFYPEER, 1L);
    set(CURLOPT_SSL_VERIFYHOST, 2L);
    set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!caFile.isEmpty())
        set(CURLOPT_CAINFO, caFile.constData());
    if (!user.isEmpty()) {
        set(CURLOPT_USERNAME, user.constData());
        set(CURLOPT_PASSWORD, config.password.constData());
    }
    set(CURLOPT_MAIL_FROM, from.constData());
    set(CURLOPT_MAIL_RCPT, recipients.get());
    set(CURLOPT_UPLOAD, 1L);
    set(CURLOPT_READFUNCTION, &readPayload);
    set(CURLOPT_READDATA, static_cast<void *>(&transfer));
    set(CURLOPT_HEADERFUNCTION, &readReplyLine);
    set(CURLOPT_HEADERDATA, static_cast<void *>(&transfer));
    set(CURLOPT_WRITEFUNCTION, &discardBody);
    set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(config.connectTimeout));
    set(CURLOPT_TIMEOUT_MS, milliseconds(config.timeout));
    set(CURLOPT_NOPROGRESS, 0L);
    set(CURLOPT_XFERINFOFUNCTION, &checkCancel);
    set(CURLOPT_XFERINFODATA, static_cast<void *>(&transfer));
    if (setup != CURLE_OK)
        return DeliveryResult::failed(SmtpTransferText::tr("libcurl cannot send this email (%1).")
                                          .arg(QString::fromUtf8(curl_easy_strerror(setup))));

    SmtpAttempt attempt;
    attempt.curlCode = curl_easy_perform(curl.get());
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &attempt.responseCode);
    attempt.serverReply = replyWithCode(transfer.replies, attempt.responseCode);
    attempt.curlError = QString::fromUtf8(errorBuffer);
    qCDebug(lcEmail) << "SMTP attempt to" << server(config) << "ended with libcurl code" << attempt.curlCode
                     << "and reply" << attempt.responseCode;

    DeliveryResult result = classify(attempt, config);
    result.reason = redact(result.reason, secrets);
    return result;
}

} // namespace trailguard::SmtpTransfer
