#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using trailguard::ui::Autostart;

class TestAutostart : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theDefaultPathIsTheUsersAutostartFolder()
    {
        // Test mode: ~/.qttest/config rather than the user's real $XDG_CONFIG_HOME.
        const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QCOMPARE(Autostart::defaultPath(),
                 config + QStringLiteral("/autostart/io.github.trailguard.Trailguard.desktop"));
        QCOMPARE(Autostart().path(), Autostart::defaultPath());
    }

    void writesAnEntryThatStartsMinimisedAndRemovesIt()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // The autostart folder does not exist yet: enabling creates it.
        const QString path =
            dir.filePath(QStringLiteral("config/autostart/io.github.trailguard.Trailguard.desktop"));
        const Autostart autostart(path);
        QVERIFY(!autostart.isEnabled());

        const auto enabled = autostart.setEnabled(true);
        QVERIFY2(enabled.ok(), enabled.ok() ? "" : qPrintable(enabled.error().message));
        QVERIFY(autostart.isEnabled());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), Autostart::entry());
        file.close();

        // What a desktop reads from it.
        QSettings entry(path, QSettings::IniFormat);
        entry.beginGroup(QStringLiteral("Desktop Entry"));
        QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
        QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("trailguard --minimized"));
        QCOMPARE(entry.value(QStringLiteral("Name")).toString(), QStringLiteral("Trailguard"));
        QCOMPARE(entry.value(QStringLiteral("Icon")).toString(),
                 QStringLiteral("io.github.trailguard.Trailguard"));

        // Enabling twice rewrites the same entry.
        QVERIFY(autostart.setEnabled(true).ok());
        QVERIFY(autostart.isEnabled());

        QVERIFY(autostart.setEnabled(false).ok());
        QVERIFY(!autostart.isEnabled());
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(autostart.setEnabled(false).ok()); // nothing to remove is fine
    }

    void anUnwritableFolderIsReportedWithThePath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A file where the autostart folder should be.
        const QString blocker = dir.filePath(QStringLiteral("autostart"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Autostart autostart(blocker + QStringLiteral("/io.github.trailguard.Trailguard.desktop"));

        const auto enabled = autostart.setEnabled(true);
        QVERIFY(!enabled.ok());
        QVERIFY2(enabled.error().message.contains(QDir::toNativeSeparators(blocker)),
                 qPrintable(enabled.error().message));
        QVERIFY(!autostart.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
