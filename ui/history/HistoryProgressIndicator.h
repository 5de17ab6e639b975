#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace trailguard::ui {

// A small status-bar indicator of the price-history backfill: "Price history 3/10" with a progress bar,
// hidden while nothing is being loaded.
class HistoryProgressIndicator : public QWidget {
    Q_OBJECT
public:
    explicit HistoryProgressIndicator(QWidget *parent = nullptr);

    // Tickers done out of `total`; hidden when total is 0 or everything is done.
    void setProgress(int done, int total);

private:
    QLabel *m_label;
    QProgressBar *m_bar;
};

} // namespace trailguard::ui
