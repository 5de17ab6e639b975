#pragma once

#include "common/Result.h"
#include "domain/StopLossEngine.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QTime>
#include <QUrl>

#include <chrono>
#include <memory>

namespace trailguard {

// Typed access to the user's preferences. Keys and defaults live in Settings.cpp, in one table.
// The environment (STOP_LOSS, the seed project's name) overrides the stored default ratio.
class Settings : public QObject {
    Q_OBJECT
public:
    Settings(std::unique_ptr<QSettings> store, QProcessEnvironment environment, QObject *parent = nullptr);
    ~Settings() override;

    // Builds the settings for the given file (see AppPaths::settingsFile; empty for the standard place).
    static std::unique_ptr<Settings>
    forFile(const QString &settingsFile,
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    // The ratio new tickers get when none is given. An invalid STOP_LOSS is an error, never ignored.
    Result<double> defaultRatio() const;
    bool defaultRatioFromEnvironment() const;
    Status setDefaultRatio(double ratio);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray &geometry);
    QByteArray mainWindowState() const;
    void setMainWindowState(const QByteArray &state);
    QByteArray watchlistHeaderState() const;
    void setWatchlistHeaderState(const QByteArray &state);

    // A stored value by key from the table in Settings.cpp: what the typed accessors below read and write
    // (code outside app/settings uses those; tests use these to write a file as a user might). Secrets
    // never go here: they live in the SecretStore. A number outside the key's range (the file may be
    // edited by hand) is clamped, and one that is no number gets the default; either is logged once as a
    // warning naming the key, the bad value and the value used.
    QVariant value(const char *key) const;
    void setValue(const char *key, const QVariant &value);
    // Whether the file holds `key` itself (not its default), and removing it (the default applies again).
    bool contains(const char *key) const;
    void remove(const char *key);

    RepeatPolicy repeatPolicy() const;
    void setRepeatPolicy(RepeatPolicy policy);
    bool startMinimized() const;
    void setStartMinimized(bool minimized);

    // Whether pre-market and after-hours trades move stops (raise the peak, raise a breach); off by
    // default, so stops follow the regular session. The price history records them either way.
    bool includeExtendedHours() const;
    void setIncludeExtendedHours(bool include);

    std::chrono::seconds checkInterval() const;
    void setCheckInterval(std::chrono::seconds interval);
    // Scheduled checks only while a watched market is open (on by default).
    bool marketHoursOnly() const;
    void setMarketHoursOnly(bool only);
    // How long after a watched market's close scheduled checks go on (0-240 minutes).
    std::chrono::minutes closeGraceMinutes() const;
    void setCloseGraceMinutes(std::chrono::minutes grace);
    // Real-time quotes over Questrade's stream (polling while it is down); --no-stream overrides it.
    bool useStreaming() const;
    void setUseStreaming(bool use);

    // The first-run welcome was shown once.
    bool welcomeShown() const;
    void setWelcomeShown(bool shown);
    // Price history: raw quotes older than this many days are folded into 5-minute candles (1-3650).
    int rawQuoteDays() const;
    void setRawQuoteDays(int days);

    // --- alert channels: the plain values (their secrets live in the SecretStore; SettingsAlerts.cpp) ---
    bool trayAlertsEnabled() const;
    void setTrayAlertsEnabled(bool enabled);
    bool emailEnabled() const;
    void setEmailEnabled(bool enabled);
    QString emailProvider() const; // a preset name ("gmail", "custom", see EmailConfig::presetName)
    void setEmailProvider(const QString &provider);
    QString emailHost() const; // host, port and security count for the "custom" provider only
    void setEmailHost(const QString &host);
    int emailPort() const;
    void setEmailPort(int port);
    QString emailSecurity() const; // see EmailConfig::securityName
    void setEmailSecurity(const QString &security);
    QString emailUser() const;
    void setEmailUser(const QString &user);
    QString emailFrom() const;
    void setEmailFrom(const QString &from);
    QString emailTo() const; // addresses separated by commas
    void setEmailTo(const QString &to);
    bool discordEnabled() const;
    void setDiscordEnabled(bool enabled);
    bool ntfyEnabled() const;
    void setNtfyEnabled(bool enabled);
    QUrl ntfyServer() const;
    void setNtfyServer(const QUrl &server);
    // The ntfy topic as versions before it became a secret kept it: read to move it, then removed.
    QString legacyNtfyTopic() const;
    bool hasLegacyNtfyTopic() const;
    void removeLegacyNtfyTopic();
    bool telegramEnabled() const;
    void setTelegramEnabled(bool enabled);
    QString telegramChatId() const;
    void setTelegramChatId(const QString &chatId);
    QUrl telegramApiUrl() const;
    void setTelegramApiUrl(const QUrl &url);
    // "dashboard", "reply", "off", or empty (automatic); see NtfyConfig::AckMode.
    QString ntfyAckMode() const;
    void setNtfyAckMode(const QString &mode);

    // --- the daily digest and quiet hours (SettingsAlerts.cpp) ---
    bool digestEnabled() const;
    void setDigestEnabled(bool enabled);
    QTime digestTime() const; // invalid when the file holds no HH:mm time
    void setDigestTime(QTime time);
    double digestWithinPercent() const; // 0-50
    void setDigestWithinPercent(double percent);
    bool quietHoursEnabled() const;
    void setQuietHoursEnabled(bool enabled);
    QTime quietHoursStart() const;
    void setQuietHoursStart(QTime start);
    QTime quietHoursEnd() const;
    void setQuietHoursEnd(QTime end);
    // The escalation policy as written ("off", "10m:ntfy-urgent;30m:email,discord"; EscalationPolicy parses
    // it); TRAILGUARD_ESCALATION overrides it for --headless.
    QString escalationPolicy() const;
    void setEscalationPolicy(const QString &policy);

    // --- the chart (SettingsChart.cpp) ---
    // The indicator overlays chosen for `ticker`'s chart ("sma:50", "rsi:14"…), in the order chosen; empty
    // when none. Kept per ticker under chart/overlays/<TICKER>, outside the key table (one key a ticker).
    QStringList chartOverlays(const QString &ticker) const;
    void setChartOverlays(const QString &ticker, const QStringList &specs);

    // --- the web dashboard (SettingsWeb.cpp) ---
    // Where `--headless` serves it: "[ADDRESS:]PORT", empty when off (the default).
    QString webListen() const;
    void setWebListen(const QString &listen);
    // The dashboard password's Argon2id hash (crypto_pwhash_str text), empty when none is set.
    QString webPasswordHash() const;
    void setWebPasswordHash(const QString &hash);
    // TLS: certificate and key files (PEM); or a self-signed pair made on first use in the data folder.
    QString webTlsCertificate() const;
    QString webTlsKey() const;
    bool webSelfSigned() const;
    void setWebSelfSigned(bool selfSigned);
    // A browser session ends after this long without a request (1-1440 minutes, default 30).
    std::chrono::minutes webSessionIdle() const;
    // Host names the dashboard answers to besides its address and localhost (DNS-rebinding defence).
    QStringList webHostNames() const;
    void setWebHostNames(const QStringList &names);
    // The dashboard's address as the user's phone reaches it ("https://guard.example.net:8443"), for the
    // acknowledgement links in mails and ntfy's buttons: TRAILGUARD_PUBLIC_URL, else web/publicUrl. Invalid
    // when neither is set or the text is no usable URL (publicUrlProblem() says why).
    QUrl webPublicUrl() const;
    // What is wrong with webPublicUrl()'s text; empty when it is fine or unset.
    QString webPublicUrlProblem() const;
    // The text web/publicUrl holds (the settings dialog's field; the environment is not looked at).
    QString webPublicUrlText() const;
    void setWebPublicUrl(const QString &url);
    // Empty when `text` is a usable public URL (https://, or http:// to this computer) or empty; else why
    // not.
    static QString publicUrlProblem(const QString &text);
    static constexpr char kPublicUrlVariable[] = "TRAILGUARD_PUBLIC_URL";
    // API tokens: name → "SHA256HEX CREATED-ISO", kept under web/tokens/<NAME> (one key a token, outside the
    // key table). The token itself is never stored.
    QStringList webTokenNames() const;
    QString webTokenRecord(const QString &name) const;
    void setWebTokenRecord(const QString &name, const QString &record);
    void removeWebToken(const QString &name);

    // Reads the file again (another process, e.g. `trailguard web token create`, may have changed it).
    void sync();

Q_SIGNALS:
    // A stored value changed (through any setter): what follows the settings live applies it.
    void changed(const QString &key);

private:
    void reportInvalid(const char *key, const QString &stored, const QString &used) const;

    std::unique_ptr<QSettings> m_store;
    QProcessEnvironment m_environment;
    mutable QSet<QString> m_reported; // "key=value" already warned about
};

} // namespace trailguard
