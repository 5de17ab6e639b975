#pragma once

#include "backtest/BacktestSourceLoader.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace trailguard::ui {

// Where the backtest's prices come from: the ticker's stored daily prices or a CSV file, read on a worker
// (BacktestSourceLoader) while the label says "Loading…" and the rest of the window stays usable. A
// failed load names its reason (for a CSV file, the first bad line) and keeps the prices loaded before.
//
// Children: sourceLabel, storedPricesButton, loadCsvButton, errorLabel.
class BacktestSourceBox : public QGroupBox {
    Q_OBJECT
public:
    // `ticker` may be empty (a CSV file then names the series); `storedPrices` may be empty (none).
    BacktestSourceBox(const QString &ticker, BacktestSourceLoader::StoredPrices storedPrices,
                      QWidget *parent = nullptr);

    // Start a load (the newest load wins); false when loading is locked (setLocked) or, for stored
    // prices, when there is no ticker or provider.
    bool loadCsvFile(const QString &path);
    bool useStoredPrices();
    // Opens a file dialog (window-modal, no nested event loop) and loads the chosen file.
    void chooseCsvFile();

    bool isLoading() const { return m_loader->isLoading(); }
    // While locked (a backtest runs) no new source can be chosen.
    void setLocked(bool locked);

    QString errorText() const;
    QString sourceText() const;

Q_SIGNALS:
    void loadStarted();
    // A load brought these rows (never empty); loadFinished(true) follows.
    void seriesLoaded(const trailguard::ReplaySeries &series);
    // Every load ends here: `loaded` false when it failed or found no prices.
    void loadFinished(bool loaded);

private:
    void start();
    void finish(const BacktestSource &source);
    void showError(const QString &message);
    void updateButtons();

    QString m_ticker;
    BacktestSourceLoader::StoredPrices m_storedPrices;
    BacktestSourceLoader *m_loader;
    QString m_shownSource; // the label's text for the prices loaded last, restored after a failed load
    bool m_locked = false;

    QLabel *m_sourceLabel;
    QPushButton *m_storedPricesButton;
    QPushButton *m_loadCsvButton;
    QLabel *m_errorLabel;
};

} // namespace trailguard::ui
