#include "CliFixture.h"

#include <QFile>
#include <QProcess>

namespace trailguard::test {

QByteArray describe(const CliRun &run)
{
    return QStringLiteral("exit code %1\n--- stdout:\n%2\n--- stderr:\n%3")
        .arg(run.exitCode)
        .arg(run.out, run.err)
        .toUtf8();
}

CliFixture::CliFixture(QString program)
    : m_program(std::move(program))
{}

QProcessEnvironment CliFixture::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"STOP_LOSS", "TRAILGUARD_WEB_PASSWORD", "LANGUAGE", "LC_MESSAGES", "QT_LOGGING_RULES"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("HOME"), home());
    for (const char *folder : {"data", "config", "cache", "state"}) {
        const QString name = QString::fromLatin1(folder);
        environment.insert(QStringLiteral("XDG_%1_HOME").arg(name.toUpper()),
                           filePath(QStringLiteral("xdg-") + name));
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return environment;
}

CliRun CliFixture::run(const QStringList &arguments, const QByteArray &input) const
{
    return run(arguments, environment(), input);
}

CliRun CliFixture::run(const QStringList &arguments, const QProcessEnvironment &environment,
                       const QByteArray &input) const
{
    QProcess process;
    process.setProgram(m_program);
    process.setArguments(arguments);
    process.setProcessEnvironment(environment);
    process.start();
    process.write(input);
    process.closeWriteChannel();
    CliRun run;
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit) {
        run.err = QStringLiteral("trailguard did not finish normally: %1").arg(process.errorString());
        process.kill();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

CliRun CliFixture::inDataDir(const QStringList &arguments, const QByteArray &input) const
{
    return run(QStringList{QStringLiteral("--data-dir"), dataDir()} + arguments, input);
}

QString CliFixture::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace trailguard::test
