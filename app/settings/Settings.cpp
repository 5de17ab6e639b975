#include "settings/Settings.h"

#include "domain/Ticker.h"
#include "settings/SettingsLogging.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <optional>

namespace trailguard {

namespace {
class SettingsText {
    Q_DECLARE_TR_FUNCTIONS(SettingsText)
};

// The values a number read at runtime may take. The file can be edited by hand, so a value outside
// the range is clamped where it is read (and reported), not only in the settings dialog.
struct Range {
    double minimum;
    double maximum;
};

struct Key {
    const char *name;
    QVariant defaultValue;
    std::optional<Range> range = std::nullopt;
};

// Every key Trailguard stores, with its default and, for numbers, the range the dialog allows.
const Key kKeys[] = {
    {"watchlist/defaultRatio", StopRatio::kDefault}, // checked by defaultRatio(): StopRatio's rule
    {"ui/mainWindowGeometry", QByteArray()},
    {"ui/mainWindowState", QByteArray()},
    {"ui/watchlistHeaderState", QByteArray()},
    {"monitor/checkIntervalSeconds", 300, Range{5, 3600}},
    // Market hours: scheduled checks only while a watched market is open, and this long after its close.
    {"monitor/marketHoursOnly", true},
    {"monitor/closeGraceMinutes", 15, Range{0, 240}},
    // Extended-hours trades move stops too (off: stops follow the regular session's last trade).
    {"monitor/includeExtendedHours", false},
    {"alerts/repeatPolicy", QStringLiteral("daily")},
    {"ui/startMinimized", false},
    {"ui/welcomeShown", false}, // the first-run welcome was shown once
    {"alerts/tray/enabled", true},
    {"alerts/digest/enabled", false},
    {"alerts/digest/time", QStringLiteral("17:00")},
    {"alerts/digest/withinPercent", 5.0, Range{0.0, 50.0}},
    {"alerts/quiet/enabled", false},
    {"alerts/quiet/start", QStringLiteral("22:00")},
    {"alerts/quiet/end", QStringLiteral("07:00")},
    {"alerts/escalation", QStringLiteral("off")},
    {"alerts/email/enabled", false},
    {"alerts/email/provider", QStringLiteral("gmail")},
    {"alerts/email/host", QString()},
    {"alerts/email/port", 587, Range{1, 65535}},
    {"alerts/email/security", QStringLiteral("starttls")},
    {"alerts/email/user", QString()},
    {"alerts/email/from", QString()},
    {"alerts/email/to", QString()},
    {"alerts/discord/enabled", false},
    {"alerts/ntfy/enabled", false},
    {"alerts/ntfy/server", QStringLiteral("https://ntfy.sh")},
    {"alerts/ntfy/topic", QString()},
    {"alerts/telegram/enabled", false}, // the bot token is a secret (TelegramConfig::botTokenSecretKey)
    {"alerts/telegram/chatId", QString()},
    {"alerts/telegram/apiUrl", QStringLiteral("https://api.telegram.org")},
    // How ntfy's "Acknowledge" button answers: "dashboard", "reply", "off"; empty: dashboard when
    // web/publicUrl is set, else reply (NtfyConfig::AckMode).
    {"alerts/ntfy/ackMode", QString()},
    // Real-time quotes over Questrade's stream (polling while it is down); --no-stream overrides it.
    {"quotes/useStreaming", true},
    // Price history: raw quotes older than this many days are folded into 5-minute candles.
    {"history/rawQuoteDays", 30, Range{1, 3650}},
    // The web dashboard (off unless web/listen or --web is set); see SettingsWeb.cpp.
    {"web/listen", QString()},
    {"web/passwordHash", QString()},
    {"web/tlsCertificate", QString()},
    {"web/tlsKey", QString()},
    {"web/selfSigned", false},
    {"web/sessionIdleMinutes", 30, Range{1, 1440}},
    {"web/hostNames", QStringList()},
    // The dashboard's address as a phone reaches it (acknowledgement links and buttons);
    // TRAILGUARD_PUBLIC_URL.
    {"web/publicUrl", QString()},
};

const Key &entryFor(const char *key)
{
    for (const Key &entry : kKeys) {
        if (qstrcmp(entry.name, key) == 0)
            return entry;
    }
    Q_ASSERT_X(false, "Settings", "unknown key");
    static const Key unknown{"", QVariant()};
    return unknown;
}

// `stored` as a number of the default's type within `range`; nullopt when it is no number at all.
std::optional<QVariant> numberWithin(const QVariant &stored, const QVariant &defaultValue, Range range)
{
    bool ok = false;
    const double number = stored.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return std::nullopt;
    const double clamped = std::clamp(number, range.minimum, range.maximum);
    if (defaultValue.typeId() == QMetaType::Int)
        return QVariant(int(std::lround(clamped)));
    return QVariant(clamped);
}

const QString kStopLossVariable = QStringLiteral("STOP_LOSS");
} // namespace

Settings::Settings(std::unique_ptr<QSettings> store, QProcessEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_environment(std::move(environment))
{}

Settings::~Settings() = default;

std::unique_ptr<Settings> Settings::forFile(const QString &settingsFile, QProcessEnvironment environment)
{
    auto store = settingsFile.isEmpty()
                     ? std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                                   QStringLiteral("trailguard"), QStringLiteral("trailguard"))
                     : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
    return std::make_unique<Settings>(std::move(store), std::move(environment));
}

QVariant Settings::value(const char *key) const
{
    const Key &entry = entryFor(key);
    const QVariant stored = m_store->value(QLatin1String(key));
    if (!stored.isValid())
        return entry.defaultValue;
    if (!entry.range)
        return stored;
    const std::optional<QVariant> number = numberWithin(stored, entry.defaultValue, *entry.range);
    const QVariant used = number.value_or(entry.defaultValue);
    if (!number || used.toDouble() != stored.toString().trimmed().toDouble())
        reportInvalid(key, stored.toString(), used.toString());
    return used;
}

void Settings::reportInvalid(const char *key, const QString &stored, const QString &used) const
{
    // Once per key and value: accessors are read every cycle.
    const QString report = QLatin1String(key) + QLatin1Char('=') + stored;
    if (m_reported.contains(report))
        return;
    m_reported.insert(report);
    qCWarning(lcSettings).noquote() << QStringLiteral("Invalid setting %1=\"%2\" in %3; using %4 instead")
                                           .arg(QLatin1String(key), stored, m_store->fileName(), used);
}

void Settings::setValue(const char *key, const QVariant &value)
{
    if (m_store->value(QLatin1String(key)) == value)
        return;
    m_store->setValue(QLatin1String(key), value);
    Q_EMIT changed(QLatin1String(key));
}

bool Settings::contains(const char *key) const
{
    return m_store->contains(QLatin1String(key));
}

void Settings::remove(const char *key)
{
    if (!contains(key))
        return;
    m_store->remove(QLatin1String(key));
    Q_EMIT changed(QLatin1String(key));
}

bool Settings::defaultRatioFromEnvironment() const
{
    return m_environment.contains(kStopLossVariable);
}

Result<double> Settings::defaultRatio() const
{
    if (defaultRatioFromEnvironment()) {
        const QString text = m_environment.value(kStopLossVariable);
        const Result<double> ratio = StopRatio::parse(text);
        if (!ratio.ok()) {
            return Error{
                ErrorCode::InvalidSetting,
                SettingsText::tr("The environment variable STOP_LOSS=\"%1\" is not a valid stop ratio. "
                                 "Set it to a number from 0.01 to less than 1 (for example 0.9), "
                                 "or unset it.")
                    .arg(text)};
        }
        return ratio;
    }
    const QVariant stored = value("watchlist/defaultRatio");
    bool ok = false;
    const double ratio = stored.toString().trimmed().toDouble(&ok);
    if (!ok || !StopRatio::isValid(ratio)) {
        // A hand-edited, broken settings file falls back to the default, and says so.
        reportInvalid("watchlist/defaultRatio", stored.toString(), QString::number(StopRatio::kDefault));
        return StopRatio::kDefault;
    }
    return ratio;
}

Status Settings::setDefaultRatio(double ratio)
{
    const Result<double> valid = StopRatio::validate(ratio);
    if (!valid.ok())
        return valid.error();
    setValue("watchlist/defaultRatio", ratio);
    return success();
}

QByteArray Settings::mainWindowGeometry() const
{
    return value("ui/mainWindowGeometry").toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray &geometry)
{
    setValue("ui/mainWindowGeometry", geometry);
}

QByteArray Settings::mainWindowState() const
{
    return value("ui/mainWindowState").toByteArray();
}

void Settings::setMainWindowState(const QByteArray &state)
{
    setValue("ui/mainWindowState", state);
}

QByteArray Settings::watchlistHeaderState() const
{
    return value("ui/watchlistHeaderState").toByteArray();
}

void Settings::setWatchlistHeaderState(const QByteArray &state)
{
    setValue("ui/watchlistHeaderState", state);
}

RepeatPolicy Settings::repeatPolicy() const
{
    return value("alerts/repeatPolicy").toString() == QLatin1String("once-per-breach")
               ? RepeatPolicy::OncePerBreach
               : RepeatPolicy::DailyWhileBelow;
}

void Settings::setRepeatPolicy(RepeatPolicy policy)
{
    setValue("alerts/repeatPolicy", policy == RepeatPolicy::OncePerBreach ? QStringLiteral("once-per-breach")
                                                                          : QStringLiteral("daily"));
}

bool Settings::startMinimized() const
{
    return value("ui/startMinimized").toBool();
}

void Settings::setStartMinimized(bool minimized)
{
    setValue("ui/startMinimized", minimized);
}

bool Settings::includeExtendedHours() const
{
    return value("monitor/includeExtendedHours").toBool();
}

void Settings::setIncludeExtendedHours(bool include)
{
    setValue("monitor/includeExtendedHours", include);
}

std::chrono::seconds Settings::checkInterval() const
{
    return std::chrono::seconds(value("monitor/checkIntervalSeconds").toInt()); // clamped by value()
}

std::chrono::minutes Settings::closeGraceMinutes() const
{
    return std::chrono::minutes(value("monitor/closeGraceMinutes").toInt()); // clamped by value()
}

void Settings::setCheckInterval(std::chrono::seconds interval)
{
    setValue("monitor/checkIntervalSeconds", int(std::clamp<qint64>(interval.count(), 5, 3600)));
}

bool Settings::marketHoursOnly() const
{
    return value("monitor/marketHoursOnly").toBool();
}

void Settings::setMarketHoursOnly(bool only)
{
    setValue("monitor/marketHoursOnly", only);
}

void Settings::setCloseGraceMinutes(std::chrono::minutes grace)
{
    setValue("monitor/closeGraceMinutes", int(std::clamp<qint64>(grace.count(), 0, 240)));
}

bool Settings::useStreaming() const
{
    return value("quotes/useStreaming").toBool();
}

void Settings::setUseStreaming(bool use)
{
    setValue("quotes/useStreaming", use);
}

bool Settings::welcomeShown() const
{
    return value("ui/welcomeShown").toBool();
}

void Settings::setWelcomeShown(bool shown)
{
    setValue("ui/welcomeShown", shown);
}

int Settings::rawQuoteDays() const
{
    return value("history/rawQuoteDays").toInt(); // clamped by value()
}

void Settings::setRawQuoteDays(int days)
{
    setValue("history/rawQuoteDays", std::clamp(days, 1, 3650));
}

void Settings::sync()
{
    m_store->sync();
}

} // namespace trailguard
