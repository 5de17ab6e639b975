#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace trailguard::test {

// How one run of the command line ended: its exit code (-1 when it did not finish normally) and outputs.
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// "exit code N", then both outputs: what a failed check of a run shows.
QByteArray describe(const CliRun &run);

// The real executable run from the command line's tests, as from a shell whose home is a fresh temporary
// folder: English messages, the XDG folders inside that home, none of the developer's own Trailguard,
// language or logging variables. It blocks until the process ends: only for tests with no server in their
// own process (those use GuardianProcess's runToEnd).
class CliFixture {
public:
    explicit CliFixture(QString program);

    bool isValid() const { return m_home.isValid(); }
    QString home() const { return m_home.path(); }
    QString filePath(const QString &name) const { return m_home.filePath(name); }
    // What `--data-dir` gives in inDataDir(): "data" in the home.
    QString dataDir() const { return filePath(QStringLiteral("data")); }

    // The environment run() uses unless given another (e.g. this one with TZ=UTC added).
    QProcessEnvironment environment() const;
    // `program arguments…` with `input` on its standard input (closed after it).
    CliRun run(const QStringList &arguments, const QByteArray &input = {}) const;
    CliRun run(const QStringList &arguments, const QProcessEnvironment &environment,
               const QByteArray &input = {}) const;
    // `program --data-dir <dataDir()> arguments…`
    CliRun inDataDir(const QStringList &arguments, const QByteArray &input = {}) const;

    // Writes `content` to `name` in the home: its path, or empty when it could not be written.
    QString writeFile(const QString &name, const QByteArray &content) const;

private:
    QString m_program;
    QTemporaryDir m_home;
};

} // namespace trailguard::test
