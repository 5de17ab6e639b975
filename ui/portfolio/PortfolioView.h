#pragma once

#include <QObject>
#include <QStringList>

class QBoxLayout;
class QLabel;
class QPushButton;
class QStatusBar;
class QWidget;

namespace trailguard {
class Portfolio;
class PortfolioImport;
class PortfolioSync;
class WatchlistService;
struct ImportSummary;
struct PortfolioSyncReport;
} // namespace trailguard

namespace trailguard::ui {

class Banner;
class DialogHost;
class ImportPositionsDialog;
class WatchlistModel;

// The portfolio's part of the main window, kept out of MainWindow: the import dialog, the total market
// value per currency in the status bar (portfolioTotalsLabel), and the banner that asks whether to keep
// watching tickers whose position disappeared (positionsClosedBannerFrame, with keepWatchingPushButton and
// stopWatchingPushButton). The banner never blocks: the monitor goes on while it waits for an answer.
class PortfolioView : public QObject {
    Q_OBJECT
public:
    struct Services {
        PortfolioImport *import = nullptr;
        PortfolioSync *sync = nullptr; // optional
        Portfolio *portfolio = nullptr;
    };

    // The banner is inserted into `bannerLayout` at `bannerIndex`; the totals label joins `statusBar`.
    PortfolioView(Services services, WatchlistService &watchlist, WatchlistModel &model,
                  QStatusBar &statusBar, QBoxLayout &bannerLayout, int bannerIndex, QWidget *window);
    ~PortfolioView() override;

    // Opens (or raises) the window-modal import dialog.
    void openImportDialog(double defaultRatio);
    ImportPositionsDialog *importDialog() const;

    // The tickers the banner currently asks about (empty when it is hidden).
    QStringList disappearedTickers() const { return m_disappeared; }
    Banner *disappearedBanner() const { return m_banner; }
    QLabel *totalsLabel() const { return m_totalsLabel; }

public Q_SLOTS:
    // Shows (or extends) the "no longer held — keep watching?" banner.
    void askAboutDisappeared(const QStringList &tickers);
    void keepWatching();
    void stopWatching();
    void updateTotals();

private:
    void showImportResult(const ImportSummary &summary);
    void showSyncResult(const PortfolioSyncReport &report);

    Services m_services;
    WatchlistService &m_watchlist;
    WatchlistModel &m_model;
    QStatusBar &m_statusBar;
    QWidget *m_window;
    QLabel *m_totalsLabel;
    Banner *m_banner;
    QPushButton *m_keepButton;
    QPushButton *m_stopButton;
    QStringList m_disappeared;
    DialogHost *m_dialogs; // the import dialog
};

} // namespace trailguard::ui
