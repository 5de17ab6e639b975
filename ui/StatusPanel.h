#pragma once

#include "broker/BrokerTypes.h"
#include "monitor/MarketHours.h"
#include "monitor/QuoteFeedMode.h"

#include <QDateTime>
#include <QObject>

#include <optional>

class QLabel;
class QStatusBar;

namespace trailguard {
struct CycleReport;
}

namespace trailguard::ui {

class CycleCostLabel;

// The permanent widgets on the right of the status bar: the connection state, the last and next check and
// the error of the last check, in words. Also writes the one-line summary the tray shows as its tooltip.
// Labels: connectionStateLabel, lastCheckLabel, nextCheckLabel, lastErrorLabel, quoteFeedLabel, and
// cycleCostLabel (CycleCostLabel: how long a full check takes, and whether the interval allows it).
class StatusPanel : public QObject {
    Q_OBJECT
public:
    explicit StatusPanel(QStatusBar &statusBar, QObject *parent = nullptr);
    ~StatusPanel() override;

    void setDemoMode(bool demo);
    // Unknown (no label shown) until the first call.
    void setConnectionState(ConnectionState state, const QString &message);
    std::optional<ConnectionState> connectionState() const { return m_state; }
    QString connectionMessage() const { return m_message; }

    // The full check's cost follows the ticker count, the interval and each check's report.
    CycleCostLabel &cycleCost() const { return *m_cycleCost; }

    void showCycleStarted();
    void showCycleReport(const CycleReport &report);
    void setNextCheck(const QDateTime &nextCheck);
    bool isCycleRunning() const { return m_cycleRunning; }
    // Which quote feed is live; no label until the first call.
    void setQuoteFeedMode(QuoteFeedMode mode);
    std::optional<QuoteFeedMode> quoteFeedMode() const { return m_feedMode; }
    // From StreamSession::coverageChanged: how many tickers stream while only some do (PartlyStreaming).
    void setStreamCoverage(int streamed, int subscribed);
    // From Monitor::marketStateChanged: "Market open" / "Market closed — next open 9:30 AM" in the
    // marketStateLabel (hidden while the markets are not known).
    void setMarketState(const MarketState &state);
    QString marketText() const { return m_marketText; }

    // "watching 3 tickers, last check 10:42", "Disconnected: reconnect needed", ... with a second line
    // for the error of the last check.
    QString summary(int tickerCount) const;

    // A time of today as the locale writes it ("10:42 a.m."), with the date when it is another day.
    static QString shortTime(const QDateTime &time);

Q_SIGNALS:
    // Something the summary depends on changed.
    void changed();

private:
    void updateConnectionLabel();
    void updateFeedLabel();
    QString partlyStreamingText() const;

    QLabel *m_connectionLabel;
    QLabel *m_lastCheckLabel;
    QLabel *m_nextCheckLabel;
    QLabel *m_errorLabel;
    QLabel *m_feedLabel; // quoteFeedLabel
    CycleCostLabel *m_cycleCost;

    bool m_demo = false;
    std::optional<ConnectionState> m_state;
    QString m_message;
    bool m_cycleRunning = false;
    QDateTime m_lastCheck;
    QString m_lastError;
    QDateTime m_nextCheck;
    std::optional<QuoteFeedMode> m_feedMode;
    int m_streamed = 0;
    int m_subscribed = 0;
    QLabel *m_marketLabel = nullptr; // marketStateLabel, made at the first setMarketState
    QString m_marketText;
};

} // namespace trailguard::ui
