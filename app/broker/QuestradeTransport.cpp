#include "broker/QuestradeTransport.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeAuth.h"
#include "broker/QuestradeParsing.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace trailguard {

namespace {
constexpr int kRateLimited = 1006;
constexpr int kArgumentTooLong = 1003;
constexpr int kRequestTooLarge = 1005;
constexpr int kSymbolNotFound = 1019;
constexpr int kAccountNotFound = 1018;
constexpr int kOutsideScopes = 1016;
constexpr int kUriTooLong = 414;

bool isBackEndError(int code)
{
    return (code >= 1007 && code <= 1011) || code == 1021;
}
} // namespace

struct QuestradeTransport::Call {
    QString path;
    QString query;
    RateLimiter::Category category = RateLimiter::Category::Account;
    int failures = 0;    // 5xx, timeouts and network errors so far
    int rateLimited = 0; // 429s so far
    bool tokenRetried = false;
    BodyForm form = BodyForm::Object;
    AnswerCallback done;
};

QuestradeTransport::QuestradeTransport(QNetworkAccessManager *network, QuestradeAuth &auth,
                                       RateLimiter &limiter, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_options(options)
{}

QuestradeTransport::~QuestradeTransport() = default;

void QuestradeTransport::get(const QString &path, const QString &query, AnswerCallback done, BodyForm form)
{
    auto call = std::make_shared<Call>();
    call->form = form;
    call->path = path;
    call->query = query;
    call->category = RateLimiter::categoryForPath(path);
    call->done = std::move(done);
    start(call);
}

void QuestradeTransport::start(const std::shared_ptr<Call> &call)
{
    // Token first, then a free connection, then the rate limiter, then send at once: a burst of callers
    // released by a token refresh or a slow server still goes out at the limiter's pace.
    m_auth.withAccessToken(this, [this, call](Result<AccessGrant> grant) {
        if (!grant) {
            call->done(Answer{grant.error()});
            return;
        }
        withSendSlot(call->category, [this, call, grant = grant.value()] {
            m_limiter.acquire(call->category, this, [this, call, grant] {
                // The token may have been refreshed while we waited: take the newest one.
                send(call, m_auth.currentGrant().value_or(grant));
            });
        });
    });
}

void QuestradeTransport::withSendSlot(RateLimiter::Category category, std::function<void()> go)
{
    SendSlots &slots = category == RateLimiter::Category::MarketData ? m_marketDataSlots : m_accountSlots;
    if (slots.inFlight < std::max(1, m_options.maxInFlight)) {
        ++slots.inFlight;
        go();
        return;
    }
    slots.waiting.push_back(std::move(go));
}

void QuestradeTransport::releaseSendSlot(RateLimiter::Category category)
{
    SendSlots &slots = category == RateLimiter::Category::MarketData ? m_marketDataSlots : m_accountSlots;
    --slots.inFlight;
    if (!slots.waiting.empty()) {
        std::function<void()> next = std::move(slots.waiting.front());
        slots.waiting.pop_front();
        ++slots.inFlight;
        next();
    }
}

void QuestradeTransport::send(const std::shared_ptr<Call> &call, const AccessGrant &grant)
{
    QNetworkRequest request = QuestradeHttp::makeRequest(
        QuestradeHttp::apiUrl(grant.apiServer, call->path, call->query), m_options.requestTimeout);
    request.setRawHeader(QByteArrayLiteral("Authorization"),
                         QByteArrayLiteral("Bearer ") + grant.accessToken);
    QNetworkReply *reply = m_network->get(request);
    QuestradeHttp::limitReplySize(reply, m_options.maxResponseBytes);
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(m_options.requestTimeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, call, grant, reply, timedOut] {
        reply->deleteLater();
        releaseSendSlot(call->category);
        handleReply(call, grant, reply, *timedOut);
    });
}

void QuestradeTransport::handleReply(const std::shared_ptr<Call> &call, const AccessGrant &grant,
                                     QNetworkReply *reply, bool timedOut)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_limiter.noteResponse(call->category, RateLimitHeaders::fromReply(*reply), status);
    if (QuestradeHttp::replyTooLarge(reply)) {
        // Never a price from a body cut off in the middle; asking again would bring the same flood.
        qCWarning(lcBroker, "%s: the answer exceeded %lld bytes and was refused", qUtf8Printable(call->path),
                  static_cast<long long>(m_options.maxResponseBytes));
        call->done(
            Answer{Error{ErrorCode::MalformedResponse,
                         tr("Questrade's answer was larger than %1 MiB and was refused.")
                             .arg(double(m_options.maxResponseBytes) / (1024.0 * 1024.0), 0, 'g', 3)}});
        return;
    }
    const QByteArray body = reply->readAll();

    if (timedOut || status == 0) {
        const bool timeout = timedOut || reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError;
        const QString reason =
            timeout ? tr("no answer within %1 s").arg(m_options.requestTimeout.count() / 1000.0)
                    : QuestradeHttp::withoutQueries(reply->errorString());
        retryLater(call, Error{timeout ? ErrorCode::Timeout : ErrorCode::NetworkError,
                               tr("Could not reach Questrade (%1).").arg(reason)});
        return;
    }
    if (status >= 200 && status < 300 && call->form == BodyForm::Raw) {
        call->done(Answer{QJsonObject(), false, body});
        return;
    }
    if (status >= 200 && status < 300) {
        Result<QJsonObject> object = QuestradeParsing::parseObject(body);
        if (!object)
            qCWarning(lcBroker, "%s: %s", qUtf8Printable(call->path), qUtf8Printable(object.error().message));
        call->done(Answer{std::move(object)});
        return;
    }

    handleError(call, grant, status, body);
}

void QuestradeTransport::handleError(const std::shared_ptr<Call> &call, const AccessGrant &grant, int status,
                                     const QByteArray &body)
{
    const std::optional<QuestradeParsing::ApiError> apiError = QuestradeParsing::parseApiError(body);
    const int code = apiError && apiError->code ? *apiError->code : 0;
    const QString serverMessage = apiError ? apiError->message : QString();
    qCInfo(lcBroker, "%s answered HTTP %d, code %d: %s", qUtf8Printable(call->path), status, code,
           qUtf8Printable(serverMessage));

    if (status == 401 || code == QuestradeHttp::kInvalidTokenCode) {
        if (!call->tokenRetried) {
            call->tokenRetried = true;
            m_auth.reportInvalidAccessToken(grant.accessToken);
            start(call);
            return;
        }
        call->done(
            Answer{Error{ErrorCode::AuthRejected,
                         tr("Questrade refused a freshly issued access token (%1). Reconnect the account "
                            "if this persists.")
                             .arg(serverMessage)}});
        return;
    }
    if (status == 429 || code == kRateLimited) {
        if (++call->rateLimited <= m_options.maxRetries) {
            start(call); // the limiter holds it until the pause is over
            return;
        }
        call->done(Answer{
            Error{ErrorCode::RateLimited,
                  tr("Questrade's rate limit was still exceeded after %1 tries.").arg(call->rateLimited)}});
        return;
    }
    if (status == 413 || status == kUriTooLong || code == kArgumentTooLong || code == kRequestTooLarge) {
        call->done(Answer{Error{ErrorCode::RequestRejected,
                                tr("Questrade found the request too long (%1).").arg(serverMessage)},
                          true});
        return;
    }
    if (code == kOutsideScopes) {
        qCWarning(lcBroker, "%s is outside the scopes of the Questrade app (1016)",
                  qUtf8Printable(call->path));
        call->done(
            Answer{Error{ErrorCode::MissingPermission,
                         tr("This Questrade app lacks market-data permission: enable it in the App Hub "
                            "and reconnect")}});
        return;
    }
    if (code == kAccountNotFound) {
        call->done(Answer{Error{ErrorCode::AccountNotFound,
                                tr("Questrade does not know this account (%1). Reload the list of accounts.")
                                    .arg(serverMessage)}});
        return;
    }
    if (code == kSymbolNotFound) {
        call->done(Answer{Error{ErrorCode::SymbolNotFound, tr("Questrade does not know the symbol.")}});
        return;
    }
    if (status >= 500 || isBackEndError(code)) {
        retryLater(call,
                   Error{ErrorCode::ServerError,
                         tr("Questrade had a server problem (HTTP %1: %2).").arg(status).arg(serverMessage)});
        return;
    }
    call->done(
        Answer{Error{ErrorCode::RequestRejected, tr("Questrade rejected the request (HTTP %1, code %2: %3).")
                                                     .arg(status)
                                                     .arg(code)
                                                     .arg(serverMessage)}});
}

void QuestradeTransport::retryLater(const std::shared_ptr<Call> &call, const Error &error)
{
    if (call->failures >= m_options.maxRetries) {
        qCWarning(lcBroker, "%s failed %d times, giving up: %s", qUtf8Printable(call->path),
                  call->failures + 1, qUtf8Printable(error.message));
        call->done(Answer{error});
        return;
    }
    ++call->failures;
    const qint64 base = m_options.retryBaseDelay.count();
    const qint64 cap = m_options.retryMaxDelay.count();
    const qint64 delay = std::min(cap, base << std::min(call->failures - 1, 20));
    const qint64 jittered =
        std::min(cap, delay + static_cast<qint64>(QRandomGenerator::global()->bounded(0.5) *
                                                  static_cast<double>(delay)));
    qCInfo(lcBroker, "%s: %s Retrying in %lld ms", qUtf8Printable(call->path), qUtf8Printable(error.message),
           static_cast<long long>(jittered));
    QTimer::singleShot(std::chrono::milliseconds(jittered), this, [this, call] { start(call); });
}

} // namespace trailguard
