#include "CoreBinding.h"

#include "MainWindow.h"

#include "broker/QuestradeAuth.h"
#include "monitor/Monitor.h"
#include "monitor/StreamSession.h"

namespace trailguard::ui {

namespace {
// The account's environment, when there is an account.
std::optional<BrokerEnvironment> brokerEnvironment(const QuestradeAuth &auth)
{
    if (auth.state() == ConnectionState::NotConfigured)
        return std::nullopt;
    return auth.environment();
}
} // namespace

void bindToCore(MainWindow &window, QuestradeAuth &auth, Monitor &monitor)
{
    QObject::connect(&auth, &QuestradeAuth::stateChanged, &window,
                     [&window, &auth](ConnectionState state, const QString &message) {
                         window.setBrokerEnvironment(brokerEnvironment(auth));
                         window.setConnectionState(state, message);
                     });
    QObject::connect(&window, &MainWindow::connectRequested, &auth, &QuestradeAuth::connectWithRefreshToken);
    QObject::connect(&window, &MainWindow::disconnectRequested, &auth, &QuestradeAuth::disconnectAccount);

    QObject::connect(&window, &MainWindow::checkNowRequested, &monitor, &Monitor::checkNow);
    QObject::connect(&monitor, &Monitor::cycleStarted, &window, &MainWindow::showCycleStarted);
    QObject::connect(&monitor, &Monitor::cycleFinished, &window, &MainWindow::showCycleReport);
    QObject::connect(&monitor, &Monitor::scheduleChanged, &window,
                     [&window, &monitor](const QDateTime &next) {
                         window.setNextCheck(next);
                         // Monitor::stop() drops a running cycle without cycleFinished: take "Checking…" down
                         // all the same.
                         if (window.isCycleRunning() && !monitor.isCycleRunning())
                             window.showCycleReport(monitor.lastReport());
                     });
    QObject::connect(&monitor, &Monitor::breachDetected, &window, &MainWindow::showBreach);
    QObject::connect(&monitor, &Monitor::marketStateChanged, &window, &MainWindow::setMarketState);
    if (monitor.marketState().known)
        window.setMarketState(monitor.marketState());

    window.setBrokerEnvironment(brokerEnvironment(auth));
    window.setConnectionState(auth.state(), auth.stateMessage());
    if (monitor.lastCheck().isValid())
        window.showCycleReport(monitor.lastReport());
    if (monitor.isCycleRunning())
        window.showCycleStarted();
    window.setNextCheck(monitor.nextCheck());
}

void bindQuoteFeed(MainWindow &window, StreamSession &stream)
{
    QObject::connect(&stream, &StreamSession::coverageChanged, &window, &MainWindow::setStreamCoverage);
    QObject::connect(&stream, &StreamSession::modeChanged, &window, &MainWindow::setQuoteFeedMode);
    window.setStreamCoverage(stream.streamedCount(), stream.subscribedCount());
    window.setQuoteFeedMode(stream.mode());
}

} // namespace trailguard::ui
