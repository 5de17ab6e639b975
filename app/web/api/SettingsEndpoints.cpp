#include "web/api/SettingsEndpoints.h"

#include "alerts/AlertFormatter.h"
#include "alerts/ChannelFactory.h"
#include "alerts/ChannelSettings.h"
#include "common/Clock.h"
#include "settings/Settings.h"
#include "web/api/ApiJson.h"
#include "web/api/SettingsJson.h"

#include <QNetworkAccessManager>

namespace trailguard::Web {

namespace {
const QStringList kTestableChannels{QStringLiteral("email"), QStringLiteral("discord"),
                                    QStringLiteral("ntfy"), QStringLiteral("telegram")};

// The stored configuration of `channel` alone, turned on, for a test send.
ChannelSettingsData onlyChannel(ChannelSettingsData data, const QString &channel)
{
    data.trayEnabled = false;
    data.emailEnabled = channel == QLatin1String("email");
    data.discordEnabled = channel == QLatin1String("discord");
    data.ntfyEnabled = channel == QLatin1String("ntfy");
    data.telegramEnabled = channel == QLatin1String("telegram");
    return data;
}
} // namespace

SettingsEndpoints::SettingsEndpoints(const WebServices &services)
    : m_services(services)
    , m_context(std::make_unique<QObject>())
{}

SettingsEndpoints::~SettingsEndpoints() = default;

bool SettingsEndpoints::handle(const ApiRequest &request, const Respond &respond)
{
    const QStringList &path = request.path;
    if (path.value(0) != QLatin1String("settings"))
        return false;
    const QByteArray &method = request.method;
    if (path.size() == 1) {
        if (method == "GET")
            read(respond);
        else if (method == "PATCH")
            change(request.body, respond);
        else
            respond(ApiResponse::error(405, ApiText::tr("Use GET or PATCH on /api/v1/settings.")));
        return true;
    }
    if (path.size() == 3 && path.at(1) == QLatin1String("secrets")) {
        if (method != "PUT")
            respond(ApiResponse::error(405, ApiText::tr("Secrets are replaced with PUT, never read.")));
        else
            replaceSecret(path.at(2), request.body, respond);
        return true;
    }
    if (path.size() == 4 && path.at(1) == QLatin1String("channels") && path.at(3) == QLatin1String("test")) {
        if (method != "POST")
            respond(ApiResponse::error(405, ApiText::tr("Use POST to send a test.")));
        else
            sendTest(path.at(2), respond);
        return true;
    }
    return false;
}

void SettingsEndpoints::withChannels(const Respond &respond, std::function<void(ChannelSettingsData)> next)
{
    ChannelSettings::load(*m_services.settings, *m_services.secrets, m_context.get(),
                          [respond, next = std::move(next)](Result<ChannelSettingsData> loaded) {
                              if (!loaded.ok())
                                  respond(ApiResponse::error(500, loaded.error().message));
                              else
                                  next(loaded.value());
                          });
}

void SettingsEndpoints::read(const Respond &respond)
{
    withChannels(respond, [this, respond](const ChannelSettingsData &channels) {
        respond(ApiResponse::json(
            200, SettingsJson::toJson(GeneralSettings::read(*m_services.settings), channels)));
    });
}

void SettingsEndpoints::change(const QByteArray &body, const Respond &respond)
{
    const Result<QJsonObject> patch = ApiJson::object(body);
    if (!patch.ok()) {
        respond(ApiJson::error(patch.error()));
        return;
    }
    withChannels(respond, [this, respond, patch = patch.value()](ChannelSettingsData channels) {
        GeneralSettings general = GeneralSettings::read(*m_services.settings);
        if (const Status applied = SettingsJson::applyPatch(patch, general, channels); !applied.ok()) {
            respond(ApiJson::error(applied.error()));
            return;
        }
        save(channels, general, respond);
    });
}

void SettingsEndpoints::replaceSecret(const QString &name, const QByteArray &body, const Respond &respond)
{
    if (!SettingsJson::secretNames().contains(name)) {
        respond(ApiResponse::error(
            404, ApiText::tr("There is no secret \"%1\"; the secrets are: %2.")
                     .arg(name.left(40), SettingsJson::secretNames().join(QStringLiteral(", ")))));
        return;
    }
    const Result<QJsonObject> object = ApiJson::object(body);
    if (!object.ok()) {
        respond(ApiJson::error(object.error()));
        return;
    }
    const Result<std::optional<QString>> value = ApiJson::text(object.value(), QStringLiteral("value"));
    if (!value.ok() || !value.value()) {
        respond(
            ApiResponse::error(400, ApiText::tr("\"value\" must be a string (empty removes the secret).")));
        return;
    }
    withChannels(respond, [this, respond, name, secret = *value.value()](ChannelSettingsData channels) {
        if (const Status set = SettingsJson::setSecret(name, secret, channels); !set.ok()) {
            respond(ApiJson::error(set.error()));
            return;
        }
        save(channels, std::nullopt, respond);
    });
}

void SettingsEndpoints::save(const ChannelSettingsData &channels,
                             const std::optional<GeneralSettings> &general, const Respond &respond)
{
    ChannelSettings::save(
        channels, *m_services.settings, *m_services.secrets, m_context.get(),
        [this, respond, channels, general](const Status &saved) {
            if (!saved.ok()) {
                respond(ApiJson::error(saved.error()));
                return;
            }
            if (general)
                general->write(*m_services.settings);
            m_services.settings->sync();
            if (m_services.applySettings)
                m_services.applySettings();
            respond(ApiResponse::json(
                200, SettingsJson::toJson(GeneralSettings::read(*m_services.settings), channels)));
        });
}

void SettingsEndpoints::sendTest(const QString &channel, const Respond &respond)
{
    if (!kTestableChannels.contains(channel)) {
        respond(ApiResponse::error(
            404, ApiText::tr("There is no channel \"%1\" to test here; the channels are: %2.")
                     .arg(channel.left(40), kTestableChannels.join(QStringLiteral(", ")))));
        return;
    }
    withChannels(respond, [this, respond, channel](const ChannelSettingsData &stored) {
        const ChannelSettingsData data = onlyChannel(stored, channel);
        if (const Status valid = data.validate(); !valid.ok()) {
            respond(ApiJson::error(valid.error()));
            return;
        }
        if (!m_network)
            m_network = new QNetworkAccessManager(m_context.get());
        ChannelSet built = channelsFromSettings(data, m_network, nullptr);
        if (built.channels.empty()) {
            respond(ApiResponse::error(400, built.problems.value(0)));
            return;
        }
        // Kept alive until its answer, then deleted from the event loop (it is inside its own callback).
        AlertChannel *sender = built.channels.front().release();
        sender->setParent(m_context.get());
        sender->send(
            AlertFormatter::test(m_services.clock->now()), m_context.get(),
            [respond, sender](const DeliveryResult &result) {
                sender->deleteLater();
                if (result.outcome == DeliveryResult::Outcome::Delivered)
                    respond(ApiResponse::json(200, QJsonObject{{QStringLiteral("delivered"), true}}));
                else
                    respond(ApiResponse::error(502, result.reason));
            });
    });
}

} // namespace trailguard::Web
