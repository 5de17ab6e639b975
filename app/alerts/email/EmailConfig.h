#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace trailguard {

// Where and how the email channel sends: an SMTP server, a login and the addresses. A value type; the
// password lives only in memory (it comes from the SecretStore under passwordSecretKey(), or from the
// EMAIL_PASSWORD environment variable in headless mode) and is never written to settings or logs.
struct EmailConfig {
    Q_DECLARE_TR_FUNCTIONS(EmailConfig)

public:
    enum class Preset { Gmail, Outlook, Custom };
    // SslTls: TLS from the first byte (smtps, usually port 465). StartTls: plain connection upgraded
    // with STARTTLS before anything else is sent (usually port 587); never falls back to plain text.
    // None: no encryption at all, only allowed to a loopback host (a local relay or a test server).
    enum class Security { SslTls, StartTls, None };

    static constexpr int kDefaultStartTlsPort = 587;
    static constexpr int kDefaultSslTlsPort = 465;

    Preset provider = Preset::Custom; // which preset this started from
    QString host;
    int port = kDefaultStartTlsPort;
    Security security = Security::StartTls;
    QString user;        // login; empty = no AUTH (only for Custom servers)
    QByteArray password; // in memory only
    QString from;        // envelope sender and From: header
    QStringList to;      // one or more recipients
    QString caFile;      // optional PEM bundle to trust instead of the system's CAs (a private CA)
    std::chrono::seconds connectTimeout{20}; // TCP, TLS and, for SMTP, the greeting and login too
    std::chrono::seconds timeout{60};        // the whole send, connection included

    // Gmail: smtp.gmail.com:587 STARTTLS; Outlook / Office 365: smtp.office365.com:587 STARTTLS;
    // Custom: nothing filled in but the defaults (port 587, STARTTLS).
    static EmailConfig preset(Preset preset);

    // Reads the headless configuration: BOT_EMAIL (From and default login), EMAIL_PASSWORD,
    // USER_EMAIL (recipients, comma-separated), PROVIDER (gmail|outlook) or a custom server with
    // SMTP_HOST, SMTP_PORT, SMTP_SECURITY (ssl|starttls|none), plus SMTP_USER (login, for any server)
    // and SMTP_CA_FILE (a PEM bundle to trust). Empty variables count as unset.
    // nullopt when none of these is set; an error naming the variable when the email setup is partial
    // or invalid; otherwise a configuration that passed validate().
    static Result<std::optional<EmailConfig>> fromEnvironment(const QProcessEnvironment &environment);

    // Checks everything that can be checked without a network: the host, the port, the security (none
    // only to loopback), the addresses, that a login has a password, the CA file. The error says exactly
    // what is wrong (ErrorCode::InvalidSetting).
    Status validate() const;

    // True for 127.0.0.0/8, ::1 and "localhost".
    static bool isLoopbackHost(const QString &host);
    // A simple sane check of one bare address (local@domain): no display name, no spaces, an ASCII
    // dot-atom local part and a domain of letters, digits and hyphens with at least one dot
    // (or "localhost").
    static bool isValidAddress(const QString &address);
    // The key under which the SMTP password is kept in the SecretStore.
    static QString passwordSecretKey();

    static QString presetName(Preset preset);       // "gmail", "outlook", "custom"
    static QString securityName(Security security); // "ssl", "starttls", "none"
};

} // namespace trailguard
