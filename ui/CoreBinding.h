#pragma once

namespace trailguard {
class Monitor;
class QuestradeAuth;
class StreamSession;
} // namespace trailguard

namespace trailguard::ui {

class MainWindow;

// Joins the window to the core, both ways, and shows the core's current state at once:
//   QuestradeAuth::stateChanged     → MainWindow::setBrokerEnvironment (live or practice, for the settings)
//                                     and MainWindow::setConnectionState (banner, status bar, dialogs)
//   MainWindow::connectRequested    → QuestradeAuth::connectWithRefreshToken
//   MainWindow::disconnectRequested → QuestradeAuth::disconnectAccount
//   MainWindow::checkNowRequested   → Monitor::checkNow
//   Monitor::cycleStarted           → MainWindow::showCycleStarted
//   Monitor::cycleFinished          → MainWindow::showCycleReport
//   Monitor::scheduleChanged        → MainWindow::setNextCheck (and, after Monitor::stop() dropped a cycle,
//                                     showCycleReport(lastReport()) to end "Checking…")
//   Monitor::breachDetected         → MainWindow::showBreach (the status bar; BreachNotifier pops it up)
//   Monitor::marketStateChanged     → MainWindow::setMarketState ("Market closed — next open …")
// The tray's tooltip follows the window by itself. Policy stays with the caller (main.cpp): when to start
// or stop the monitor, what MainWindow::demoRequested does, setDemoMode/setDemoAvailable.
// Every connection ends when either side is destroyed.
void bindToCore(MainWindow &window, QuestradeAuth &auth, Monitor &monitor);

// StreamSession::modeChanged → MainWindow::setQuoteFeedMode (the status bar's "Quotes: streaming live" /
// "polling" / "connecting stream…", and the tray tooltip), showing the current mode at once; and
// StreamSession::coverageChanged → MainWindow::setStreamCoverage ("streaming 800 of 1,000 tickers; 200 on
// polling" while only some streams are live).
void bindQuoteFeed(MainWindow &window, StreamSession &stream);

} // namespace trailguard::ui
