#include "broker/QuestradeTokenExchange.h"

#include "broker/BrokerLogging.h"
#include "broker/QuestradeHttp.h"
#include "broker/QuestradeParsing.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>
#include <utility>

namespace trailguard {

namespace {

// An OAuth error body that says the grant itself is bad (RFC 6749 §5.2): the token is dead whatever the
// status code.
bool saysInvalidGrant(const QByteArray &body)
{
    return body.contains("invalid_grant");
}

} // namespace

QuestradeTokenExchange::QuestradeTokenExchange(QNetworkAccessManager *network, const Clock &clock,
                                               std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_clock(clock)
    , m_timeout(timeout)
{}

QuestradeTokenExchange::~QuestradeTokenExchange()
{
    abort();
}

void QuestradeTokenExchange::send(const QUrl &loginUrl, const QByteArray &refreshToken, Done done)
{
    QNetworkReply *reply = m_network->get(
        QuestradeHttp::makeRequest(QuestradeHttp::tokenRequestUrl(loginUrl, refreshToken), m_timeout));
    m_reply = reply;
    QuestradeHttp::limitReplySize(reply); // an oversized answer is cut off and fails to parse
    auto timedOut = std::make_shared<bool>(false);
    QTimer::singleShot(m_timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, timedOut, done = std::move(done)] {
        reply->deleteLater();
        m_reply.clear();
        done(outcomeOf(reply, *timedOut));
    });
}

void QuestradeTokenExchange::abort()
{
    if (!m_reply)
        return;
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

QuestradeTokenExchange::Outcome QuestradeTokenExchange::outcomeOf(QNetworkReply *reply, bool timedOut) const
{
    using Kind = Outcome::Kind;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (timedOut || status == 0) {
        const bool timeout = timedOut || reply->error() == QNetworkReply::OperationCanceledError ||
                             reply->error() == QNetworkReply::TimeoutError;
        const QString detail =
            timeout ? tr("no answer: timed out")
                    : tr("no answer: %1").arg(QuestradeHttp::withoutQueries(reply->errorString()));
        return Outcome{Kind::NotNow,
                       {},
                       Error{timeout ? ErrorCode::Timeout : ErrorCode::NetworkError,
                             tr("Questrade's login server did not answer (%1).").arg(detail)},
                       detail};
    }

    if (status == 200) {
        Result<QuestradeParsing::TokenAnswer> answer = QuestradeParsing::parseTokenAnswer(body);
        std::optional<Error> failure;
        if (answer) {
            const Result<QUrl> apiServer =
                QuestradeHttp::validateEndpoint(answer.value().apiServer, tr("Questrade's api_server"));
            if (!apiServer)
                failure = Error{ErrorCode::MalformedResponse, apiServer.error().message};
        } else {
            failure = answer.error();
        }
        TokenSet tokens;
        if (failure) {
            // The old token may be spent: keep a new refresh token if the answer has one.
            tokens.refreshToken = QuestradeParsing::salvageRefreshToken(body);
            if (tokens.refreshToken.isEmpty())
                return Outcome{Kind::NotNow, {}, failure, tr("unreadable answer")};
        } else {
            const QDateTime now = m_clock.now().toUTC();
            tokens.refreshToken = answer.value().refreshToken;
            tokens.accessToken = answer.value().accessToken;
            tokens.apiServer = answer.value().apiServer;
            tokens.accessIssuedAt = now;
            tokens.accessExpiresAt = now.addSecs(answer.value().expiresInSeconds);
        }
        return Outcome{Kind::Exchanged, tokens, failure, {}};
    }

    // Only a 400 (or an explicit invalid_grant) proves the token spent or revoked. A 403 has been seen when
    // the login host blocked a client with the token never used; 429 and 5xx say "not now".
    if (status == 400 || saysInvalidGrant(body))
        return Outcome{Kind::Rejected, {}, std::nullopt, {}};

    qCWarning(lcBroker, "Questrade's login server answered HTTP %d", status);
    const ErrorCode code = status >= 500   ? ErrorCode::ServerError
                           : status == 429 ? ErrorCode::RateLimited
                                           : ErrorCode::RequestRejected;
    return Outcome{Kind::NotNow,
                   {},
                   Error{code, tr("Questrade's login server answered HTTP %1.").arg(status)},
                   tr("HTTP %1").arg(status)};
}

} // namespace trailguard
