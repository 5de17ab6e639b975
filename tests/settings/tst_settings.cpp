#include "settings/AppPaths.h"
#include "settings/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

class SettingsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultRatioFromEnvironment_data();
    void defaultRatioFromEnvironment();
    void storedRatioPersists();
    void publicUrlIsValidatedAndTheEnvironmentWins_data();
    void publicUrlIsValidatedAndTheEnvironmentWins();
    void refusesInvalidStoredRatio();
    void brokenFileFallsBackToDefault();
    void runtimeNumbersAreClampedAndReported_data();
    void runtimeNumbersAreClampedAndReported();
    void tooSmallStoredRatioIsRefused();
    void windowStatePersistsAndSignals();
    void chartOverlaysPersistPerTicker();
    void typedAccessorsHaveDefaultsPersistAndSignal();
    void dataDirOptionHoldsEverything();
    void dataFolderIsPrivateToTheOwner();
    void standardLocationFollowsXdg();
};

void SettingsTest::defaultRatioFromEnvironment_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("expected");
    QTest::newRow("valid") << "0.85" << true << 0.85;
    QTest::newRow("spaces") << " 0.8 " << true << 0.8;
    QTest::newRow("text") << "abc" << false << 0.0;
    QTest::newRow("one") << "1" << false << 0.0;
    QTest::newRow("too small") << "0.001" << false << 0.0;
    QTest::newRow("nan") << "nan" << false << 0.0;
    QTest::newRow("empty") << "" << false << 0.0;
}

void SettingsTest::defaultRatioFromEnvironment()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(double, expected);
    QTemporaryDir dir;
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("STOP_LOSS"), value);
    auto settings = Settings::forFile(dir.filePath(QStringLiteral("s.ini")), environment);
    QVERIFY(settings->setDefaultRatio(0.7).ok()); // the environment wins over the stored value
    const auto ratio = settings->defaultRatio();
    QCOMPARE(ratio.ok(), valid);
    QVERIFY(settings->defaultRatioFromEnvironment());
    if (valid) {
        QCOMPARE(ratio.value(), expected);
    } else {
        QCOMPARE(ratio.error().code, ErrorCode::InvalidSetting);
        QVERIFY(ratio.error().message.contains(QStringLiteral("STOP_LOSS")));
    }
}

void SettingsTest::publicUrlIsValidatedAndTheEnvironmentWins_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // empty: not usable
    QTest::newRow("https with a port") << "https://guard.example.net:8443"
                                       << "https://guard.example.net:8443";
    QTest::newRow("trailing slashes dropped") << "https://guard.example.net/tg//"
                                              << "https://guard.example.net/tg";
    QTest::newRow("http to loopback (tests)") << "http://127.0.0.1:8080"
                                              << "http://127.0.0.1:8080";
    QTest::newRow("plain http elsewhere") << "http://guard.example.net"
                                          << "";
    QTest::newRow("no scheme") << "guard.example.net"
                               << "";
    QTest::newRow("a query") << "https://guard.example.net/?a=1"
                             << "";
    QTest::newRow("a user") << "https://me@guard.example.net"
                            << "";
    QTest::newRow("ftp") << "ftp://guard.example.net"
                         << "";
}

void SettingsTest::publicUrlIsValidatedAndTheEnvironmentWins()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    auto stored = Settings::forFile(dir.filePath(QStringLiteral("s.ini")), QProcessEnvironment());
    QCOMPARE(stored->webPublicUrl(), QUrl());
    stored->setWebPublicUrl(text);
    QCOMPARE(stored->webPublicUrlText(), text);
    QCOMPARE(stored->webPublicUrl(), expected.isEmpty() ? QUrl() : QUrl(expected));
    QCOMPARE(stored->webPublicUrlProblem().isEmpty(), !expected.isEmpty());
    QCOMPARE(Settings::publicUrlProblem(text).isEmpty(), !expected.isEmpty());

    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(Settings::kPublicUrlVariable), text);
    auto fromEnvironment = Settings::forFile(dir.filePath(QStringLiteral("e.ini")), environment);
    fromEnvironment->setWebPublicUrl(QStringLiteral("https://ignored.example.net"));
    QCOMPARE(fromEnvironment->webPublicUrl(), expected.isEmpty() ? QUrl() : QUrl(expected));
    if (expected.isEmpty())
        QVERIFY(fromEnvironment->webPublicUrlProblem().startsWith(QStringLiteral("TRAILGUARD_PUBLIC_URL: ")));
}

void SettingsTest::storedRatioPersists()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        auto settings = Settings::forFile(file, QProcessEnvironment());
        QCOMPARE(settings->defaultRatio().value(), 0.9);
        QVERIFY(settings->setDefaultRatio(0.75).ok());
    }
    auto reopened = Settings::forFile(file, QProcessEnvironment());
    QCOMPARE(reopened->defaultRatio().value(), 0.75);
}

void SettingsTest::refusesInvalidStoredRatio()
{
    QTemporaryDir dir;
    auto settings = Settings::forFile(dir.filePath(QStringLiteral("s.ini")), QProcessEnvironment());
    QSignalSpy changed(settings.get(), &Settings::changed);
    QVERIFY(!settings->setDefaultRatio(1.2).ok());
    QVERIFY(!settings->setDefaultRatio(0.0).ok());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings->defaultRatio().value(), 0.9);
}

void SettingsTest::brokenFileFallsBackToDefault()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    QFile broken(file);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("[watchlist]\ndefaultRatio=7\n");
    broken.close();
    auto settings = Settings::forFile(file, QProcessEnvironment());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "Invalid setting watchlist/defaultRatio=\"7\" .*; using 0.9")));
    QCOMPARE(settings->defaultRatio().value(), 0.9);
}

void SettingsTest::runtimeNumbersAreClampedAndReported_data()
{
    QTest::addColumn<QByteArray>("section");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QVariant>("expected");
    QTest::addColumn<bool>("reported");
    QTest::newRow("grace in range") << QByteArray("monitor") << QByteArray("closeGraceMinutes")
                                    << QByteArray("30") << QVariant(30) << false;
    QTest::newRow("grace negative") << QByteArray("monitor") << QByteArray("closeGraceMinutes")
                                    << QByteArray("-5") << QVariant(0) << true;
    QTest::newRow("grace huge") << QByteArray("monitor") << QByteArray("closeGraceMinutes")
                                << QByteArray("100000") << QVariant(240) << true;
    QTest::newRow("grace text") << QByteArray("monitor") << QByteArray("closeGraceMinutes")
                                << QByteArray("soon") << QVariant(15) << true;
    QTest::newRow("interval too short") << QByteArray("monitor") << QByteArray("checkIntervalSeconds")
                                        << QByteArray("1") << QVariant(5) << true;
    QTest::newRow("digest percent") << QByteArray("alerts") << QByteArray("digest\\withinPercent")
                                    << QByteArray("500") << QVariant(50.0) << true;
    QTest::newRow("port zero") << QByteArray("alerts") << QByteArray("email\\port") << QByteArray("0")
                               << QVariant(1) << true;
    QTest::newRow("raw days nan") << QByteArray("history") << QByteArray("rawQuoteDays") << QByteArray("nan")
                                  << QVariant(30) << true;
}

void SettingsTest::runtimeNumbersAreClampedAndReported()
{
    QFETCH(QByteArray, section);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, stored);
    QFETCH(QVariant, expected);
    QFETCH(bool, reported);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    QFile edited(file);
    QVERIFY(edited.open(QIODevice::WriteOnly));
    edited.write("[" + section + "]\n" + name + "=" + stored + "\n");
    edited.close();
    auto settings = Settings::forFile(file, QProcessEnvironment());
    const QByteArray key = section + '/' + QByteArray(name).replace('\\', '/');
    if (reported) {
        // The warning names the key, the bad value and the value used.
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(
                QStringLiteral("Invalid setting %1=\"%2\" in .*s\\.ini; using %3")
                    .arg(QString::fromLatin1(key), QString::fromLatin1(stored), expected.toString())));
    } else {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    }
    QCOMPARE(settings->value(key.constData()), expected);
    // Reported once, however often it is read.
    QCOMPARE(settings->value(key.constData()), expected);
}

void SettingsTest::tooSmallStoredRatioIsRefused()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    QFile edited(file);
    QVERIFY(edited.open(QIODevice::WriteOnly));
    edited.write("[watchlist]\ndefaultRatio=1e-320\n");
    edited.close();
    auto settings = Settings::forFile(file, QProcessEnvironment());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "Invalid setting watchlist/defaultRatio=\"1e-320\"")));
    QCOMPARE(settings->defaultRatio().value(), 0.9);
    QVERIFY(!settings->setDefaultRatio(0.005).ok());
    QCOMPARE(settings->closeGraceMinutes(), std::chrono::minutes(15));
}

void SettingsTest::windowStatePersistsAndSignals()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        auto settings = Settings::forFile(file, QProcessEnvironment());
        QSignalSpy changed(settings.get(), &Settings::changed);
        settings->setMainWindowGeometry(QByteArrayLiteral("geometry"));
        settings->setWatchlistHeaderState(QByteArrayLiteral("header"));
        settings->setWatchlistHeaderState(QByteArrayLiteral("header")); // unchanged: no signal
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).toString(), QStringLiteral("ui/watchlistHeaderState"));
    }
    auto reopened = Settings::forFile(file, QProcessEnvironment());
    QCOMPARE(reopened->mainWindowGeometry(), QByteArrayLiteral("geometry"));
    QCOMPARE(reopened->watchlistHeaderState(), QByteArrayLiteral("header"));
    QVERIFY(reopened->mainWindowState().isEmpty());
}

void SettingsTest::chartOverlaysPersistPerTicker()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    const QStringList chosen{QStringLiteral("sma:50"), QStringLiteral("bb:20,2"),
                             QStringLiteral("macd:12,26,9")};
    {
        auto settings = Settings::forFile(file, QProcessEnvironment());
        QVERIFY(settings->chartOverlays(QStringLiteral("SHOP.TO")).isEmpty());
        QSignalSpy changed(settings.get(), &Settings::changed);
        settings->setChartOverlays(QStringLiteral("SHOP.TO"), chosen);
        settings->setChartOverlays(QStringLiteral("SHOP.TO"), chosen); // unchanged: no signal
        settings->setChartOverlays(QStringLiteral("AAPL"), {QStringLiteral("bb:20,2")});
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("chart/overlays/SHOP.TO"));
    }
    // Commas inside a spec survive the INI file; each ticker keeps its own; none is an empty list.
    auto reopened = Settings::forFile(file, QProcessEnvironment());
    QCOMPARE(reopened->chartOverlays(QStringLiteral("SHOP.TO")), chosen);
    QCOMPARE(reopened->chartOverlays(QStringLiteral("shop.to")), chosen);
    QCOMPARE(reopened->chartOverlays(QStringLiteral("AAPL")), QStringList{QStringLiteral("bb:20,2")});
    reopened->setChartOverlays(QStringLiteral("AAPL"), {});
    QVERIFY(reopened->chartOverlays(QStringLiteral("AAPL")).isEmpty());
    QVERIFY(reopened->chartOverlays(QStringLiteral("MSFT")).isEmpty());
}

// Every typed accessor: its default in a new file, the value written kept by the file (read back through a
// new Settings), and `changed` naming its key once per change.
void SettingsTest::typedAccessorsHaveDefaultsPersistAndSignal()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    QStringList changedKeys;
    {
        auto settings = Settings::forFile(file, QProcessEnvironment());
        QCOMPARE(settings->marketHoursOnly(), true);
        QCOMPARE(settings->useStreaming(), true);
        QCOMPARE(settings->welcomeShown(), false);
        QCOMPARE(settings->rawQuoteDays(), 30);
        QCOMPARE(settings->trayAlertsEnabled(), true);
        QCOMPARE(settings->emailProvider(), QStringLiteral("gmail"));
        QCOMPARE(settings->emailPort(), 587);
        QCOMPARE(settings->ntfyServer(), QUrl(QStringLiteral("https://ntfy.sh")));
        QCOMPARE(settings->digestTime(), QTime(17, 0));
        QCOMPARE(settings->quietHoursStart(), QTime(22, 0));
        QCOMPARE(settings->quietHoursEnd(), QTime(7, 0));
        QVERIFY(!settings->hasLegacyNtfyTopic());

        QSignalSpy changed(settings.get(), &Settings::changed);
        settings->setMarketHoursOnly(false);
        settings->setCloseGraceMinutes(std::chrono::minutes(500)); // clamped to 240
        settings->setUseStreaming(false);
        settings->setWelcomeShown(true);
        settings->setRawQuoteDays(90);
        settings->setTrayAlertsEnabled(false);
        settings->setEmailEnabled(true);
        settings->setEmailProvider(QStringLiteral("custom"));
        settings->setEmailHost(QStringLiteral("smtp.example.com"));
        settings->setEmailPort(2525);
        settings->setEmailSecurity(QStringLiteral("tls"));
        settings->setEmailUser(QStringLiteral("me"));
        settings->setEmailFrom(QStringLiteral("me@example.com"));
        settings->setEmailTo(QStringLiteral("a@example.com, b@example.com"));
        settings->setDiscordEnabled(true);
        settings->setNtfyEnabled(true);
        settings->setNtfyServer(QUrl(QStringLiteral("https://ntfy.example.com")));
        settings->setDigestEnabled(true);
        settings->setDigestTime(QTime(16, 30));
        settings->setDigestWithinPercent(7.5);
        settings->setQuietHoursEnabled(true);
        settings->setQuietHoursStart(QTime(23, 15));
        settings->setQuietHoursEnd(QTime(6, 45));
        settings->setNtfyEnabled(true); // unchanged: no signal
        for (const QList<QVariant> &arguments : std::as_const(changed))
            changedKeys.append(arguments.constFirst().toString());
        settings->sync();
    }
    QCOMPARE(changedKeys.size(), 23);
    QCOMPARE(changedKeys.constFirst(), QStringLiteral("monitor/marketHoursOnly"));
    QCOMPARE(changedKeys.constLast(), QStringLiteral("alerts/quiet/end"));
    QCOMPARE(changedKeys.count(QStringLiteral("alerts/ntfy/enabled")), 1);

    auto reopened = Settings::forFile(file, QProcessEnvironment());
    QCOMPARE(reopened->marketHoursOnly(), false);
    QCOMPARE(reopened->closeGraceMinutes(), std::chrono::minutes(240));
    QCOMPARE(reopened->useStreaming(), false);
    QCOMPARE(reopened->welcomeShown(), true);
    QCOMPARE(reopened->rawQuoteDays(), 90);
    QCOMPARE(reopened->trayAlertsEnabled(), false);
    QCOMPARE(reopened->emailEnabled(), true);
    QCOMPARE(reopened->emailProvider(), QStringLiteral("custom"));
    QCOMPARE(reopened->emailHost(), QStringLiteral("smtp.example.com"));
    QCOMPARE(reopened->emailPort(), 2525);
    QCOMPARE(reopened->emailSecurity(), QStringLiteral("tls"));
    QCOMPARE(reopened->emailUser(), QStringLiteral("me"));
    QCOMPARE(reopened->emailFrom(), QStringLiteral("me@example.com"));
    QCOMPARE(reopened->emailTo(), QStringLiteral("a@example.com, b@example.com"));
    QCOMPARE(reopened->discordEnabled(), true);
    QCOMPARE(reopened->ntfyEnabled(), true);
    QCOMPARE(reopened->ntfyServer(), QUrl(QStringLiteral("https://ntfy.example.com")));
    QCOMPARE(reopened->digestEnabled(), true);
    QCOMPARE(reopened->digestTime(), QTime(16, 30));
    QCOMPARE(reopened->digestWithinPercent(), 7.5);
    QCOMPARE(reopened->quietHoursEnabled(), true);
    QCOMPARE(reopened->quietHoursStart(), QTime(23, 15));
    QCOMPARE(reopened->quietHoursEnd(), QTime(6, 45));

    // The ntfy topic of older versions is read, then removed once.
    reopened->setValue("alerts/ntfy/topic", QStringLiteral("old-topic"));
    QVERIFY(reopened->hasLegacyNtfyTopic());
    QCOMPARE(reopened->legacyNtfyTopic(), QStringLiteral("old-topic"));
    QSignalSpy removed(reopened.get(), &Settings::changed);
    reopened->removeLegacyNtfyTopic();
    reopened->removeLegacyNtfyTopic();
    QCOMPARE(removed.count(), 1);
    QVERIFY(!reopened->hasLegacyNtfyTopic());
}

void SettingsTest::dataDirOptionHoldsEverything()
{
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("nested/data"));
    const auto paths = AppPaths::resolve(dataDir);
    QVERIFY(paths.ok());
    QVERIFY(QFileInfo(paths.value().dataDir).isDir());
    QCOMPARE(paths.value().databaseFile(), dataDir + QStringLiteral("/trailguard.sqlite"));
    QCOMPARE(paths.value().settingsFile, dataDir + QStringLiteral("/settings.ini"));
}

void SettingsTest::dataFolderIsPrivateToTheOwner()
{
    QTemporaryDir dir;
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    const auto userBits = QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
    const auto created = AppPaths::resolve(dir.filePath(QStringLiteral("new")));
    QVERIFY(created.ok());
    QCOMPARE(QFileInfo(created.value().dataDir).permissions() & ~userBits, ownerOnly);

    // The standard folder, made readable to others by an older version, is tightened.
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path()));
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("trailguard")));
    QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("trailguard")),
                                  ownerOnly | QFileDevice::ReadOther | QFileDevice::ExeOther));
    const auto standard = AppPaths::resolve(QString());
    QVERIFY(standard.ok());
    QCOMPARE(QFileInfo(standard.value().dataDir).permissions() & ~userBits, ownerOnly);
}

void SettingsTest::standardLocationFollowsXdg()
{
    QTemporaryDir dir;
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir.path()));
    QCoreApplication::setApplicationName(QStringLiteral("trailguard"));
    const auto paths = AppPaths::resolve(QString());
    QVERIFY(paths.ok());
    QCOMPARE(paths.value().dataDir, dir.filePath(QStringLiteral("trailguard")));
    QVERIFY(paths.value().settingsFile.isEmpty());
    QVERIFY(QFileInfo(paths.value().dataDir).isDir());
}

QTEST_GUILESS_MAIN(SettingsTest)
#include "tst_settings.moc"
