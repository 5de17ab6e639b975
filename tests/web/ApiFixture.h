#pragma once

#include "TestSupport.h"
#include "alerts/AlertOutbox.h"
#include "alerts/HealthWatch.h"
#include "alerts/OutboxDispatcher.h"
#include "alerts/ack/AlertAcknowledger.h"
#include "common/Clock.h"
#include "secrets/MemorySecretStore.h"
#include "settings/Settings.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"
#include "web/api/Api.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace trailguard::test {

// The guardian's parts the endpoints work with, on a real SQLite file in a temporary folder, a settings
// file beside it, an in-memory secret store and a manual clock; and the endpoint groups of
// makeApiEndpoints(), asked the way the server asks them.
class ApiFixture {
public:
    // Returns an error message, empty on success.
    QString open()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        auto database = Database::open(m_dir.filePath(QStringLiteral("trailguard.sqlite")));
        if (!database.ok())
            return database.error().message;
        m_database = std::move(database).value();
        m_stocks = std::make_unique<StockRepository>(m_database->connection());
        m_watchlist = std::make_unique<WatchlistService>(*m_stocks, m_clock);
        m_alerts = std::make_unique<AlertRepository>(m_database->connection());
        m_dispatcher = std::make_unique<OutboxDispatcher>(*m_alerts, m_clock);
        m_outbox = std::make_unique<AlertOutbox>(*m_alerts, *m_dispatcher, m_clock);
        m_acknowledger = std::make_unique<AlertAcknowledger>(*m_alerts, *m_dispatcher, m_clock);
        m_ackCodes = std::make_shared<const AckCodes>(AckCodes::newKey());
        m_acknowledger->setAckCodes(m_ackCodes);
        m_dispatcher->setAckCodes(m_ackCodes);
        m_outbox->setChannelIds({QStringLiteral("email"), QStringLiteral("ntfy")});
        m_health = std::make_unique<HealthWatch>(*m_outbox, m_clock);
        m_settings = Settings::forFile(m_dir.filePath(QStringLiteral("settings.ini")), QProcessEnvironment());
        m_endpoints = Web::makeApiEndpoints(services());
        return {};
    }

    Web::WebServices services()
    {
        Web::WebServices services;
        services.clock = &m_clock;
        services.database = m_database.get();
        services.settings = m_settings.get();
        services.watchlist = m_watchlist.get();
        services.alerts = m_alerts.get();
        services.outbox = m_outbox.get();
        services.dispatcher = m_dispatcher.get();
        services.acknowledger = m_acknowledger.get();
        services.health = m_health.get();
        services.secrets = &m_secrets;
        services.applySettings = [this] { ++m_applied; };
        return services;
    }

    // Asks the groups in order, as the server does, and waits (running the event loop) for the answer.
    // nullopt when no group took the request or none answered within 10 s.
    std::optional<Web::ApiResponse> request(const QByteArray &method, const QString &path,
                                            const QByteArray &body = {})
    {
        Web::ApiRequest request;
        request.method = method;
        const QUrl url(QStringLiteral("http://localhost/") + path);
        for (const QString &segment : url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts))
            request.path.append(QUrl::fromPercentEncoding(segment.toUtf8()));
        request.query = QUrlQuery(url);
        request.body = body;
        request.principal = QStringLiteral("session");
        auto answer = std::make_shared<std::optional<Web::ApiResponse>>();
        auto answers = std::make_shared<int>(0);
        bool taken = false;
        for (const auto &group : m_endpoints) {
            taken = group->handle(request, [answer, answers](const Web::ApiResponse &response) {
                *answer = response;
                ++*answers;
            });
            if (taken)
                break;
        }
        if (!taken)
            return std::nullopt;
        QElapsedTimer timer;
        timer.start();
        while (!answer->has_value() && timer.elapsed() < 10000)
            QTest::qWait(5);
        QTest::qWait(0);
        if (*answers > 1)
            qWarning("Answered %d times", *answers);
        return *answer;
    }

    static QJsonValue json(const Web::ApiResponse &response)
    {
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }

    static QJsonObject body(const std::optional<Web::ApiResponse> &response)
    {
        return response ? QJsonDocument::fromJson(response->body).object() : QJsonObject();
    }

    QTemporaryDir m_dir;
    ManualClock m_clock{utc(2026, 11, 24, 15)};
    std::unique_ptr<Database> m_database;
    std::unique_ptr<StockRepository> m_stocks;
    std::unique_ptr<WatchlistService> m_watchlist;
    std::unique_ptr<AlertRepository> m_alerts;
    std::unique_ptr<OutboxDispatcher> m_dispatcher;
    std::unique_ptr<AlertOutbox> m_outbox;
    std::unique_ptr<AlertAcknowledger> m_acknowledger;
    std::shared_ptr<const AckCodes> m_ackCodes;
    std::unique_ptr<HealthWatch> m_health;
    std::unique_ptr<Settings> m_settings;
    MemorySecretStore m_secrets;
    std::vector<std::unique_ptr<Web::ApiEndpoints>> m_endpoints;
    int m_applied = 0;
};

} // namespace trailguard::test
