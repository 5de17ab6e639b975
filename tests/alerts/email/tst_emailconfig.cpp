// EmailConfig: presets, validation with the exact reason, and the headless environment variables.

#include "alerts/email/EmailConfig.h"

#include <QTemporaryFile>
#include <QTest>

using namespace trailguard;

Q_DECLARE_METATYPE(trailguard::EmailConfig)
Q_DECLARE_METATYPE(trailguard::EmailConfig::Preset)
Q_DECLARE_METATYPE(trailguard::EmailConfig::Security)

namespace {

EmailConfig validCustom()
{
    EmailConfig config = EmailConfig::preset(EmailConfig::Preset::Custom);
    config.host = QStringLiteral("smtp.example.com");
    config.user = QStringLiteral("bot@example.com");
    config.password = QByteArrayLiteral("app password 123");
    config.from = QStringLiteral("bot@example.com");
    config.to = {QStringLiteral("me@example.com")};
    return config;
}

QProcessEnvironment environment(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const auto &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        env.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return env;
}

} // namespace

class TestEmailConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presets_data();
    void presets();
    void validate_data();
    void validate();
    void addresses_data();
    void addresses();
    void loopbackHosts_data();
    void loopbackHosts();
    void fromEnvironment_data();
    void fromEnvironment();
    void fromEnvironmentReadsCaFile();
};

void TestEmailConfig::presets_data()
{
    QTest::addColumn<EmailConfig::Preset>("preset");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("name");

    QTest::newRow("gmail") << EmailConfig::Preset::Gmail << QStringLiteral("smtp.gmail.com")
                           << QStringLiteral("gmail");
    QTest::newRow("outlook") << EmailConfig::Preset::Outlook << QStringLiteral("smtp.office365.com")
                             << QStringLiteral("outlook");
    QTest::newRow("custom") << EmailConfig::Preset::Custom << QString() << QStringLiteral("custom");
}

void TestEmailConfig::presets()
{
    QFETCH(EmailConfig::Preset, preset);
    QFETCH(QString, host);
    QFETCH(QString, name);

    const EmailConfig config = EmailConfig::preset(preset);
    QCOMPARE(config.provider, preset);
    QCOMPARE(config.host, host);
    QCOMPARE(config.port, 587);
    QCOMPARE(config.security, EmailConfig::Security::StartTls);
    QVERIFY(config.password.isEmpty());
    QCOMPARE(EmailConfig::presetName(preset), name);
}

void TestEmailConfig::validate_data()
{
    QTest::addColumn<EmailConfig>("config");
    QTest::addColumn<QString>("error"); // a part of the message; empty when valid

    const EmailConfig base = validCustom();
    QTest::newRow("valid custom") << base << QString();

    EmailConfig config = EmailConfig::preset(EmailConfig::Preset::Gmail);
    config.user = QStringLiteral("bot@gmail.com");
    config.password = QByteArrayLiteral("abcd efgh ijkl mnop");
    config.from = QStringLiteral("bot@gmail.com");
    config.to = {QStringLiteral("me@example.com"), QStringLiteral("you@example.org")};
    QTest::newRow("gmail preset") << config << QString();

    config.user.clear();
    config.password.clear();
    QTest::newRow("gmail without login") << config << QStringLiteral("Gmail needs a login");

    config = EmailConfig::preset(EmailConfig::Preset::Outlook);
    config.from = QStringLiteral("bot@outlook.com");
    config.to = {QStringLiteral("me@example.com")};
    QTest::newRow("outlook without login") << config << QStringLiteral("Outlook / Office 365 needs a login");

    config = base;
    config.host = QStringLiteral("127.0.0.1");
    config.port = 8025;
    config.security = EmailConfig::Security::None;
    config.user.clear();
    config.password.clear();
    QTest::newRow("plain to 127.0.0.1 without login") << config << QString();
    config.host = QStringLiteral("localhost");
    QTest::newRow("plain to localhost") << config << QString();
    config.host = QStringLiteral("::1");
    QTest::newRow("plain to ::1") << config << QString();
    config.host = QStringLiteral("smtp.example.com");
    QTest::newRow("plain to a remote host")
        << config << QStringLiteral("plain SMTP is only allowed to 127.0.0.1/localhost");
    config.host = QStringLiteral("127.0.0.1.example.com");
    QTest::newRow("plain to a name that starts like loopback")
        << config << QStringLiteral("plain SMTP is only allowed to 127.0.0.1/localhost");
    config.host = QStringLiteral("192.168.1.10");
    QTest::newRow("plain to a LAN address")
        << config << QStringLiteral("plain SMTP is only allowed to 127.0.0.1/localhost");

    config = base;
    config.host.clear();
    QTest::newRow("no host") << config << QStringLiteral("The SMTP server is missing");
    config.host = QStringLiteral("   ");
    QTest::newRow("blank host") << config << QStringLiteral("The SMTP server is missing");
    config.host = QStringLiteral("smtp example.com");
    QTest::newRow("host with a space")
        << config << QStringLiteral("\"smtp example.com\" is not a valid host");
    config.host = QStringLiteral("smtp.example.com:587");
    QTest::newRow("host with a port") << config << QStringLiteral("is not a valid host name");
    config.host = QStringLiteral("2001:db8::25");
    QTest::newRow("IPv6 host") << config << QString();

    config = base;
    config.port = 0;
    QTest::newRow("port 0") << config << QStringLiteral("The SMTP port 0 is out of range");
    config.port = 65536;
    QTest::newRow("port 65536") << config << QStringLiteral("The SMTP port 65536 is out of range");
    config.port = -25;
    QTest::newRow("negative port") << config << QStringLiteral("The SMTP port -25 is out of range");
    config.port = 65535;
    QTest::newRow("port 65535") << config << QString();
    config.port = 1;
    QTest::newRow("port 1") << config << QString();

    config = base;
    config.from.clear();
    QTest::newRow("no from") << config << QStringLiteral("The From address is missing");
    config.from = QStringLiteral("bot");
    QTest::newRow("from without domain")
        << config << QStringLiteral("The From address \"bot\" is not a valid email address");
    config.from = QStringLiteral("Trailguard <bot@example.com>");
    QTest::newRow("from with a display name") << config << QStringLiteral("is not a valid email address");

    config = base;
    config.to.clear();
    QTest::newRow("no recipient") << config << QStringLiteral("There is no recipient");
    config.to = {QStringLiteral("me@example.com"), QStringLiteral("you@@example.com")};
    QTest::newRow("second recipient invalid")
        << config << QStringLiteral("The recipient \"you@@example.com\" is not a valid email address");
    config.to = {QStringLiteral("me@example.com\r\nBcc: spy@example.com")};
    QTest::newRow("recipient with a line break") << config << QStringLiteral("is not a valid email address");
    config.to = {QStringLiteral("me@example.com"), QStringLiteral("you@example.org"),
                 QStringLiteral("them@example.net")};
    QTest::newRow("three recipients") << config << QString();

    config = base;
    config.password.clear();
    QTest::newRow("login without password")
        << config << QStringLiteral("The login \"bot@example.com\" has no password");
    config = base;
    config.user.clear();
    QTest::newRow("password without login") << config << QStringLiteral("no login (user)");
    config.password.clear();
    QTest::newRow("custom server without login") << config << QString();

    config = base;
    config.caFile = QStringLiteral("/nonexistent/ca.pem");
    QTest::newRow("missing CA file") << config
                                     << QStringLiteral(
                                            "\"/nonexistent/ca.pem\" does not exist or cannot be read");

    config = base;
    config.connectTimeout = std::chrono::seconds(0);
    QTest::newRow("zero connect timeout") << config << QStringLiteral("at least one second");
    config = base;
    config.timeout = std::chrono::seconds(-1);
    QTest::newRow("negative timeout") << config << QStringLiteral("at least one second");
}

void TestEmailConfig::validate()
{
    QFETCH(EmailConfig, config);
    QFETCH(QString, error);

    const Status status = config.validate();
    if (error.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::InvalidSetting);
    QVERIFY2(status.error().message.contains(error), qPrintable(status.error().message));
    QVERIFY(!status.error().message.contains(QString::fromUtf8(config.password)) ||
            config.password.isEmpty());
}

void TestEmailConfig::addresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << QStringLiteral("a@b.co") << true;
    QTest::newRow("dots and plus") << QStringLiteral("first.last+alerts@mail.example.org") << true;
    QTest::newRow("apostrophe") << QStringLiteral("o'brien@example.ie") << true;
    QTest::newRow("localhost") << QStringLiteral("root@localhost") << true;
    QTest::newRow("hyphenated domain") << QStringLiteral("x@my-host.example.com") << true;
    QTest::newRow("64-character local part")
        << QString(64, QLatin1Char('a')) + QStringLiteral("@example.com") << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no at") << QStringLiteral("plain.example.com") << false;
    QTest::newRow("no local part") << QStringLiteral("@example.com") << false;
    QTest::newRow("no domain") << QStringLiteral("a@") << false;
    QTest::newRow("two ats") << QStringLiteral("a@b@example.com") << false;
    QTest::newRow("space") << QStringLiteral("a b@example.com") << false;
    QTest::newRow("single-label domain") << QStringLiteral("a@example") << false;
    QTest::newRow("leading dot") << QStringLiteral(".a@example.com") << false;
    QTest::newRow("double dot") << QStringLiteral("a..b@example.com") << false;
    QTest::newRow("domain starts with hyphen") << QStringLiteral("a@-example.com") << false;
    QTest::newRow("domain double dot") << QStringLiteral("a@example..com") << false;
    QTest::newRow("underscore in domain") << QStringLiteral("a@exam_ple.com") << false;
    QTest::newRow("angle brackets") << QStringLiteral("<a@example.com>") << false;
    QTest::newRow("line break") << QStringLiteral("a@example.com\r\nBcc: b@example.com") << false;
    QTest::newRow("non-ASCII") << QStringLiteral("jos\u00e9@example.com") << false;
    QTest::newRow("65-character local part")
        << QString(65, QLatin1Char('a')) + QStringLiteral("@example.com") << false;
}

void TestEmailConfig::addresses()
{
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(EmailConfig::isValidAddress(address), valid);
}

void TestEmailConfig::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");

    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.1.2.3") << QStringLiteral("127.1.2.3") << true;
    QTest::newRow("localhost") << QStringLiteral("localhost") << true;
    QTest::newRow("LocalHost") << QStringLiteral("LocalHost") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
    QTest::newRow("localhost.example.com") << QStringLiteral("localhost.example.com") << false;
    QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEmailConfig::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(EmailConfig::isLoopbackHost(host), loopback);
}

void TestEmailConfig::fromEnvironment_data()
{
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("error");   // part of the message; empty when it must succeed
    QTest::addColumn<bool>("configured"); // a configuration, not nullopt
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<EmailConfig::Security>("security");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("to");

    using S = EmailConfig::Security;
    const QString bot = QStringLiteral("BOT_EMAIL=bot@gmail.com");
    const QString me = QStringLiteral("USER_EMAIL=me@example.com");
    const QString password = QStringLiteral("EMAIL_PASSWORD=abcd efgh ijkl mnop");
    const QStringList one = {QStringLiteral("me@example.com")};

    QTest::newRow("nothing set") << QStringList() << QString() << false << QString() << 0 << S::None
                                 << QString() << QStringList();
    QTest::newRow("only unrelated variables")
        << QStringList{QStringLiteral("HOME=/root"), QStringLiteral("QUESTRADE_REFRESH_TOKEN=x")} << QString()
        << false << QString() << 0 << S::None << QString() << QStringList();
    QTest::newRow("empty values count as unset")
        << QStringList{QStringLiteral("BOT_EMAIL="), QStringLiteral("USER_EMAIL= ")} << QString() << false
        << QString() << 0 << S::None << QString() << QStringList();

    QTest::newRow("gmail") << QStringList{bot, me, password, QStringLiteral("PROVIDER=gmail")} << QString()
                           << true << QStringLiteral("smtp.gmail.com") << 587 << S::StartTls
                           << QStringLiteral("bot@gmail.com") << one;
    QTest::newRow("outlook, several recipients")
        << QStringList{QStringLiteral("BOT_EMAIL=bot@outlook.com"),
                       QStringLiteral("USER_EMAIL= me@example.com , you@example.org,,me@example.com"),
                       password, QStringLiteral("PROVIDER=Outlook")}
        << QString() << true << QStringLiteral("smtp.office365.com") << 587 << S::StartTls
        << QStringLiteral("bot@outlook.com")
        << QStringList{QStringLiteral("me@example.com"), QStringLiteral("you@example.org")};
    QTest::newRow("gmail with another login")
        << QStringList{bot, me, password, QStringLiteral("PROVIDER=gmail"),
                       QStringLiteral("SMTP_USER=owner@gmail.com")}
        << QString() << true << QStringLiteral("smtp.gmail.com") << 587 << S::StartTls
        << QStringLiteral("owner@gmail.com") << one;
    QTest::newRow("custom, port 465 means SSL/TLS")
        << QStringList{bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"),
                       QStringLiteral("SMTP_PORT=465")}
        << QString() << true << QStringLiteral("mail.example.com") << 465 << S::SslTls
        << QStringLiteral("bot@gmail.com") << one;
    QTest::newRow("custom, ssl means port 465") << QStringList{bot,
                                                               me,
                                                               password,
                                                               QStringLiteral("SMTP_HOST=mail.example.com"),
                                                               QStringLiteral("SMTP_SECURITY=SSL"),
                                                               QStringLiteral("SMTP_USER=relay-user")}
                                                << QString() << true << QStringLiteral("mail.example.com")
                                                << 465 << S::SslTls << QStringLiteral("relay-user") << one;
    QTest::newRow("custom, defaults")
        << QStringList{bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com")} << QString() << true
        << QStringLiteral("mail.example.com") << 587 << S::StartTls << QStringLiteral("bot@gmail.com") << one;
    QTest::newRow("custom, starttls on 2525")
        << QStringList{bot,
                       me,
                       password,
                       QStringLiteral("SMTP_HOST=mail.example.com"),
                       QStringLiteral("SMTP_PORT=2525"),
                       QStringLiteral("SMTP_SECURITY=starttls")}
        << QString() << true << QStringLiteral("mail.example.com") << 2525 << S::StartTls
        << QStringLiteral("bot@gmail.com") << one;
    QTest::newRow("local relay, plain, no login")
        << QStringList{bot, me, QStringLiteral("SMTP_HOST=127.0.0.1"), QStringLiteral("SMTP_PORT=25"),
                       QStringLiteral("SMTP_SECURITY=none")}
        << QString() << true << QStringLiteral("127.0.0.1") << 25 << S::None << QString() << one;

    const auto error = [](const char *name, const QStringList &variables, const QString &message) {
        QTest::newRow(name) << variables << message << false << QString() << 0 << EmailConfig::Security::None
                            << QString() << QStringList();
    };
    error("password alone", {password},
          QStringLiteral("EMAIL_PASSWORD is set but BOT_EMAIL and USER_EMAIL are not"));
    error("provider alone", {QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("PROVIDER is set but BOT_EMAIL and USER_EMAIL are not"));
    error("smtp host alone", {QStringLiteral("SMTP_HOST=mail.example.com")},
          QStringLiteral("SMTP_HOST is set but BOT_EMAIL and USER_EMAIL are not"));
    error("bot without recipient", {bot, password, QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("BOT_EMAIL is set but USER_EMAIL is not"));
    error("recipient without bot", {me}, QStringLiteral("USER_EMAIL is set but BOT_EMAIL is not"));
    error("bad bot address",
          {QStringLiteral("BOT_EMAIL=bot.gmail.com"), me, password, QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("BOT_EMAIL \"bot.gmail.com\" is not a valid email address"));
    error("bad recipient",
          {bot, QStringLiteral("USER_EMAIL=me@example.com, you(at)example.org"), password,
           QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("USER_EMAIL: \"you(at)example.org\" is not a valid email address"));
    error("only commas in recipients",
          {bot, QStringLiteral("USER_EMAIL=, ,"), password, QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("USER_EMAIL has no address"));
    error("no server", {bot, me, password}, QStringLiteral("set PROVIDER (gmail or outlook) or SMTP_HOST"));
    error("unknown provider", {bot, me, password, QStringLiteral("PROVIDER=yahoo")},
          QStringLiteral("PROVIDER \"yahoo\" is not known"));
    error("provider and host",
          {bot, me, password, QStringLiteral("PROVIDER=gmail"), QStringLiteral("SMTP_HOST=x.example.com")},
          QStringLiteral("Both PROVIDER and SMTP_HOST are set"));
    error("gmail without password", {bot, me, QStringLiteral("PROVIDER=gmail")},
          QStringLiteral("EMAIL_PASSWORD is not set: Gmail needs"));
    error("outlook with a port",
          {bot, me, password, QStringLiteral("PROVIDER=outlook"), QStringLiteral("SMTP_PORT=25")},
          QStringLiteral("SMTP_PORT only applies to a custom server"));
    error("gmail with a security",
          {bot, me, password, QStringLiteral("PROVIDER=gmail"), QStringLiteral("SMTP_SECURITY=none")},
          QStringLiteral("SMTP_SECURITY only applies to a custom server"));
    error("port not a number",
          {bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"), QStringLiteral("SMTP_PORT=smtp")},
          QStringLiteral("SMTP_PORT \"smtp\" is not a port number"));
    error(
        "port too large",
        {bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"), QStringLiteral("SMTP_PORT=70000")},
        QStringLiteral("SMTP_PORT \"70000\" is not a port number"));
    error("unknown security",
          {bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"),
           QStringLiteral("SMTP_SECURITY=tls1.3")},
          QStringLiteral("SMTP_SECURITY \"tls1.3\" is not known"));
    error("plain to a remote host",
          {bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"),
           QStringLiteral("SMTP_SECURITY=none")},
          QStringLiteral("SMTP_SECURITY=none is refused for mail.example.com: plain SMTP is only allowed to "
                         "127.0.0.1/localhost"));
    error("bad host", {bot, me, password, QStringLiteral("SMTP_HOST=mail example.com")},
          QStringLiteral("SMTP_HOST \"mail example.com\" is not a valid host name"));
    error("login without password",
          {bot, me, QStringLiteral("SMTP_HOST=127.0.0.1"), QStringLiteral("SMTP_SECURITY=none"),
           QStringLiteral("SMTP_USER=relay")},
          QStringLiteral("SMTP_USER is set but EMAIL_PASSWORD is not"));
    error("missing CA file",
          {bot, me, password, QStringLiteral("SMTP_HOST=mail.example.com"),
           QStringLiteral("SMTP_CA_FILE=/nonexistent/ca.pem")},
          QStringLiteral("SMTP_CA_FILE \"/nonexistent/ca.pem\" does not exist"));
}

void TestEmailConfig::fromEnvironment()
{
    QFETCH(QStringList, variables);
    QFETCH(QString, error);
    QFETCH(bool, configured);

    const auto result = EmailConfig::fromEnvironment(environment(variables));
    if (!error.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidSetting);
        QVERIFY2(result.error().message.contains(error), qPrintable(result.error().message));
        QVERIFY2(!result.error().message.contains(QStringLiteral("abcd efgh")), "the password leaked");
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result.value().has_value(), configured);
    if (!configured)
        return;

    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(EmailConfig::Security, security);
    QFETCH(QString, user);
    QFETCH(QStringList, to);
    const EmailConfig &config = *result.value();
    QCOMPARE(config.host, host);
    QCOMPARE(config.port, port);
    QCOMPARE(config.security, security);
    QCOMPARE(config.user, user);
    QCOMPARE(config.to, to);
    QCOMPARE(config.from, environment(variables).value(QStringLiteral("BOT_EMAIL")));
    QCOMPARE(config.password, environment(variables).value(QStringLiteral("EMAIL_PASSWORD")).toUtf8());
    QVERIFY(config.validate().ok());
}

void TestEmailConfig::fromEnvironmentReadsCaFile()
{
    QTemporaryFile ca;
    QVERIFY(ca.open());
    const auto result = EmailConfig::fromEnvironment(environment(
        {QStringLiteral("BOT_EMAIL=bot@example.com"), QStringLiteral("USER_EMAIL=me@example.com"),
         QStringLiteral("EMAIL_PASSWORD=secret-password"), QStringLiteral("SMTP_HOST=mail.example.com"),
         QStringLiteral("SMTP_CA_FILE=") + ca.fileName()}));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QVERIFY(result.value().has_value());
    QCOMPARE(result.value()->caFile, ca.fileName());
    QCOMPARE(result.value()->provider, EmailConfig::Preset::Custom);
}

QTEST_GUILESS_MAIN(TestEmailConfig)
#include "tst_emailconfig.moc"
