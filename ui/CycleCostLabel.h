#pragma once

#include "broker/QuoteCycleCost.h"

#include <QObject>

#include <chrono>
#include <optional>

class QLabel;
class QStatusBar;

namespace trailguard {
struct CycleReport;
class Settings;
} // namespace trailguard

namespace trailguard::ui {

// The status bar's "Full check: about 13 s" (cycleCostLabel): how long one check of every ticker takes,
// estimated from the requests and Questrade's rate limits, or as the last check of as many tickers took.
// Warns there, with a tooltip that says why, and in the log when the check interval is shorter than a
// check needs (or than the hourly quota allows). Hidden while the watchlist is empty.
class CycleCostLabel : public QObject {
    Q_OBJECT
public:
    explicit CycleCostLabel(QStatusBar &statusBar, QObject *parent = nullptr);

    void setTickerCount(int tickers);
    void setInterval(std::chrono::seconds interval);
    // Takes the check interval from `settings` now and whenever they change.
    void followInterval(const Settings &settings);
    // A finished check: its duration replaces the estimate while the ticker count stays the same.
    void noteCycle(const CycleReport &report);

    const QuoteCycleCost &cost() const { return m_cost; }
    // The cycle's duration: the last check's when measured at this ticker count, else the estimate.
    std::chrono::milliseconds cycleDuration() const;
    // The interval the limits allow at the least.
    std::chrono::seconds shortestInterval() const;
    bool isWarning() const { return m_warning; }
    QString text() const;

private:
    void update();

    QLabel *m_label;
    QuoteCycleCost m_cost;
    std::chrono::seconds m_interval{0};
    std::optional<std::chrono::milliseconds> m_measured; // the last check's, at m_measuredTickers
    int m_measuredTickers = 0;
    bool m_warning = false;
};

} // namespace trailguard::ui
