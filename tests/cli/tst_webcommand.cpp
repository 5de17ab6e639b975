// `trailguard web password` and `trailguard web token create|list|revoke` through the real executable: what
// they store in the settings file is what the web server checks.
#include "access/ApiTokens.h"
#include "access/WebPassword.h"
#include "settings/Settings.h"

#include "CliFixture.h"

#include <QDir>
#include <QTest>

using namespace trailguard;

using Run = test::CliRun;

class WebCommandTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::CliFixture> m_cli;

    QString dataDir() const { return m_cli->dataDir(); }
    std::unique_ptr<Settings> settings() const
    {
        return Settings::forFile(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
    }

    QByteArray settingsText() const
    {
        QFile file(QDir(dataDir()).filePath(QStringLiteral("settings.ini")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Not a terminal: stdin is a pipe, so `web password` reads one line of `input`.
    Run trailguard(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_cli->inDataDir(QStringList{QStringLiteral("web")} + arguments, input);
    }

private Q_SLOTS:
    void init()
    {
        m_cli = std::make_unique<test::CliFixture>(QStringLiteral(TRAILGUARD_EXECUTABLE));
        QVERIFY(m_cli->isValid());
    }

    void passwordFromStdinIsStoredAsAnArgon2idHash()
    {
        const Run run = trailguard({QStringLiteral("password")}, "a good long password\n");
        QCOMPARE(run.exitCode, 0);
        const QString hash = settings()->webPasswordHash();
        QVERIFY2(hash.startsWith(QLatin1String("$argon2id$")), qPrintable(hash));
        QVERIFY(WebPassword::verify(hash, QStringLiteral("a good long password")));
        QVERIFY(!WebPassword::verify(hash, QStringLiteral("a good long password\n")));
        QVERIFY(settingsText().contains("argon2id"));
        // Readable by its owner only: a hash others can read can be guessed at offline.
        QCOMPARE(QFile::permissions(QDir(dataDir()).filePath(QStringLiteral("settings.ini"))) &
                     (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                      QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(!settingsText().contains("good long"));
    }

    void badPasswordsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("\n") << QStringLiteral("empty");
        QTest::newRow("no input") << QByteArray() << QStringLiteral("No password");
        QTest::newRow("short") << QByteArray("short\n") << QStringLiteral("at least 8");
    }

    void badPasswordsAreRefused()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const Run run = trailguard({QStringLiteral("password")}, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QVERIFY(settings()->webPasswordHash().isEmpty());
    }

    void tokensAreCreatedListedAndRevoked()
    {
        const Run created =
            trailguard({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("backup")});
        QCOMPARE(created.exitCode, 0);
        const QString token = created.out.trimmed();
        QVERIFY2(token.startsWith(QLatin1String("tg_")) && token.size() >= 46, qPrintable(token));
        QVERIFY(created.err.contains(QStringLiteral("only time")));
        QCOMPARE(ApiTokens(*settings()).nameFor(token.toLatin1()),
                 std::optional<QString>(QStringLiteral("backup")));
        QVERIFY(settingsText().contains("backup"));
        QVERIFY(!settingsText().contains(token.toLatin1()));

        QCOMPARE(trailguard({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("backup")})
                     .exitCode,
                 1);
        QCOMPARE(trailguard({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("bad name!")})
                     .exitCode,
                 2);

        const Run listed = trailguard({QStringLiteral("token"), QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(QStringLiteral("backup")), qPrintable(listed.out));
        QVERIFY(!listed.out.contains(token));

        QCOMPARE(trailguard({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("backup")})
                     .exitCode,
                 0);
        QCOMPARE(ApiTokens(*settings()).nameFor(token.toLatin1()), std::nullopt);
        QVERIFY(!trailguard({QStringLiteral("token"), QStringLiteral("list")})
                     .out.contains(QStringLiteral("backup")));
        const Run again =
            trailguard({QStringLiteral("token"), QStringLiteral("revoke"), QStringLiteral("backup")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains(QStringLiteral("no token named")));
    }

    void helpAndUsage()
    {
        const Run help = trailguard({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("web token create NAME")));
        QCOMPARE(trailguard({QStringLiteral("token"), QStringLiteral("create")}).exitCode, 2);
        QCOMPARE(trailguard({QStringLiteral("frobnicate")}).exitCode, 2);
        const Run actionHelp = trailguard({QStringLiteral("password"), QStringLiteral("--help")});
        QCOMPARE(actionHelp.exitCode, 0);
        QVERIFY(actionHelp.out.contains(QStringLiteral("Argon2id")));
    }
};

QTEST_GUILESS_MAIN(WebCommandTest)
#include "tst_webcommand.moc"
