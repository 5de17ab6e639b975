#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;

namespace trailguard::Runners {

// One window per user and data folder. The first window launch holds a lock file and listens on a local
// socket, both in the user's runtime folder and named after the data folder; a later window launch finds
// the lock taken, asks the first one over the socket to raise its window, and exits 0. Commands (`watch
// list`, `replay`), --help, --version and --headless never get here (see main.cpp).
//
// A crash leaves the lock file and the socket behind: the lock names a process that is gone, so QLockFile
// takes it over, and the stale socket is removed before listening.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Primary,     // this process runs the window
        Forwarded,   // another process has the window and raised it: exit 0
        Unreachable, // another process holds the lock but did not answer in time
    };

    // `dataDir` is the --data-dir option as given (empty: the standard location).
    explicit SingleInstance(const QString &dataDir, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Becomes the primary or forwards to it. Call once, after the QApplication exists.
    Role claim();

    // The socket's name (a path in the runtime folder), for tests and logs.
    QString serverName() const { return m_serverName; }

    // The key for a data folder: the same for every spelling of one folder, different for two folders.
    static QString serverNameFor(const QString &dataDir);

Q_SIGNALS:
    // Another launch asked for the window.
    void activationRequested();

private:
    bool forwardToPrimary();
    bool listen();

    QString m_serverName;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
};

} // namespace trailguard::Runners
