#pragma once

#include "backtest/BacktestResultsView.h"
#include "backtest/BacktestRuleResultsView.h"
#include "backtest/BacktestSourceLoader.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace trailguard::ui {

class BacktestPeriodBox;
class BacktestSourceBox;
class PriceChartPanel;
class RuleChecklist;
class StrategyChecklist;

// The backtest window (modeless) of one ticker: replays its stored daily prices, or a CSV file, through
// the stop strategies and alert rules the user checks, over a period, on a worker thread (BacktestRunner)
// with a progress bar and Cancel. The prices are read on a worker too (BacktestSourceBox). The results
// table (BacktestResultsModel) shows per strategy the first breach, the number of alerts and the return of
// exiting at the first breach against holding; the rules table (BacktestRuleResultsModel) per rule its
// firings and the first one. The chart below draws the prices with the stop line and breaches of the
// strategy chosen in the first table and the firings of the rule chosen in the second.
//
// Children: those of BacktestSourceBox, BacktestPeriodBox, StrategyChecklist and RuleChecklist,
// runButton, cancelButton, progressBar, statusLabel, resultsTable, ruleResultsTable, backtestChartPanel,
// and the button box's Close button.
class BacktestDialog : public QDialog {
    Q_OBJECT
public:
    // The stored daily prices of a ticker, oldest first (empty when none are stored). Called on a worker
    // thread: it opens its own database connection.
    using DataProvider = BacktestSourceLoader::StoredPrices;

    // `ticker` may be empty: a CSV file then names the series (its symbol, else its file name). With a
    // ticker and a provider, its stored prices start loading at once.
    BacktestDialog(const QString &ticker, DataProvider storedPrices, QWidget *parent = nullptr);
    ~BacktestDialog() override;

    // The ticker the window was opened for (empty: none).
    QString requestedTicker() const { return m_requestedTicker; }
    // The ticker of the loaded prices.
    QString ticker() const { return m_series.ticker; }
    // The rows loaded (before the period is applied).
    qsizetype priceCount() const { return m_series.rows.size(); }
    QString errorText() const;
    QString sourceText() const;
    QString statusText() const;

    // Start reading the prices on a worker; pricesLoadFinished() follows. On an error (which names the
    // file's first bad line) the prices loaded before stay and the error is shown. False when a backtest
    // runs (or, for stored prices, when there are none to ask for).
    bool loadCsvFile(const QString &path);
    bool useStoredPrices();
    bool isLoading() const;

    // The strategies offered before any custom one (StrategyChecklist::presetSpecs).
    static QStringList presetSpecs();
    QStringList checkedSpecs() const;
    void setStrategyChecked(const QString &spec, bool checked);
    bool addCustomStrategy(const QString &spec);

    void setPeriod(const QDate &from, const QDate &to);
    // The entry price the replay starts from; none = the first close of the period.
    void setEntryPrice(std::optional<double> entry);

    bool isRunning() const;
    QTableView *resultsTable() const { return m_resultsView; }
    BacktestResultsModel *resultsModel() const { return m_resultsView->strategiesModel(); }
    BacktestRuleResultsView *ruleResultsTable() const { return m_ruleResultsView; }
    BacktestRuleResultsModel *ruleResultsModel() const { return m_ruleResultsView->rulesModel(); }
    PriceChartPanel *chartPanel() const { return m_chart; }
    // The last finished backtest (empty before the first).
    const BacktestReport &report() const { return resultsModel()->report(); }
    // The spec of the strategy drawn on the chart, empty when none is.
    QString drawnSpec() const { return m_drawnSpec; }
    // The spec of the rule whose firings the chart marks, empty when none is.
    QString drawnRuleSpec() const { return m_drawnRuleSpec; }

public Q_SLOTS:
    // Starts the backtest of the checked strategies over the period, unless one runs.
    void run();
    void cancel();
    // Opens a file dialog (window-modal, no nested event loop) and loads the chosen file.
    void chooseCsvFile();
    // Draws the strategy of the results table's `row` (with the rule chosen in the rules table).
    void showResultRow(int row);
    // Marks the firings of the rule of the rules table's `row` (beside the chosen strategy).
    void showRuleRow(int row);

Q_SIGNALS:
    // A price load finished: `loaded` false when it failed or found no prices.
    void pricesLoadFinished(bool loaded);
    // A backtest finished (completed, cancelled, or with errors per strategy).
    void backtestFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QLayout *createRunRow();
    QWidget *createResultsAndChart();
    void setSeries(const ReplaySeries &series);
    void showLoading();
    void finishLoading(bool loaded);
    void showResults(const BacktestReport &report);
    void drawChart(const BacktestStrategyResult *result, const BacktestRuleResult *rule);
    void updateControls();
    void showProgress(qint64 done, qint64 total);
    void finishRun(const BacktestReport &report);
    ReplaySeries seriesInPeriod() const;

    QString m_requestedTicker;
    ReplaySeries m_series;
    ReplaySeries m_ranSeries; // the rows of the last run, for its chart
    QString m_drawnSpec;
    QString m_drawnRuleSpec;
    BacktestRunner *m_runner;

    BacktestSourceBox *m_sourceBox = nullptr;
    StrategyChecklist *m_strategies = nullptr;
    RuleChecklist *m_rules = nullptr;
    BacktestPeriodBox *m_periodBox = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_statusLabel = nullptr;
    BacktestResultsView *m_resultsView = nullptr;
    BacktestRuleResultsView *m_ruleResultsView = nullptr;
    PriceChartPanel *m_chart = nullptr;
    QDialogButtonBox *m_buttonBox = nullptr;
};

} // namespace trailguard::ui
