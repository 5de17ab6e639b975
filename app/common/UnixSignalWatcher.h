#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace trailguard {

// Turns SIGTERM/SIGINT (and any other given signal) into a Qt signal on the main thread, through a
// self-pipe: the POSIX handler only writes one byte, everything else happens in the event loop.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace trailguard
