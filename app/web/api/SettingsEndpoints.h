#pragma once

#include "web/ApiTypes.h"
#include "web/api/SettingsJson.h"

#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace trailguard::Web {

// /api/v1/settings: the channels' plain values and whether each secret is set (never a secret's value), the
// check interval, the repeat policy and quiet hours (GET); changing them with the settings dialog's
// validation, applied to the running guardian at once (PATCH); replacing one secret
// (PUT …/secrets/{name}); and a channel's "Send test" (POST …/channels/{id}/test), answered when the test
// is done. Secrets are read and written asynchronously: every answer may come later.
class SettingsEndpoints : public ApiEndpoints {
public:
    explicit SettingsEndpoints(const WebServices &services);
    ~SettingsEndpoints() override;
    bool handle(const ApiRequest &request, const Respond &respond) override;

private:
    void read(const Respond &respond);
    void change(const QByteArray &body, const Respond &respond);
    void replaceSecret(const QString &name, const QByteArray &body, const Respond &respond);
    void sendTest(const QString &channel, const Respond &respond);
    // Loads the stored channel settings (secrets included), then calls `next`, or answers the error.
    void withChannels(const Respond &respond, std::function<void(ChannelSettingsData)> next);
    // Saves `channels` and then, given, the general settings; applies them and answers the new settings.
    void save(const ChannelSettingsData &channels, const std::optional<GeneralSettings> &general,
              const Respond &respond);

    WebServices m_services;
    std::unique_ptr<QObject> m_context;         // late callbacks are dropped once the endpoints are gone
    QNetworkAccessManager *m_network = nullptr; // the test sends' (child of m_context), made on first use
};

} // namespace trailguard::Web
