#pragma once

#include "common/Result.h"
#include "history/PriceCsv.h"
#include "replay/BacktestRunner.h"

#include <QDialog>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace trailguard::ui {

class PriceChartPanel;

// The backtest window (modeless) of one ticker: replays its stored daily prices, or a CSV file, through
// the stop strategies the user checks, over a period, on a worker thread (BacktestRunner) with a progress
// bar and Cancel. The results table shows per strategy the first breach (date and price), the number of
// alerts and the return of exiting at the first breach against holding; the chart below draws the prices
// with the stop line and breaches of the strategy chosen in the table.
//
// Children: sourceLabel, storedPricesButton, loadCsvButton, errorLabel, strategyList, customStrategyEdit,
// addStrategyButton, customStrategyErrorLabel, fromDateEdit, toDateEdit, entrySpinBox, repeatComboBox,
// runButton, cancelButton, progressBar, statusLabel, resultsTable, backtestChartPanel, and the button
// box's Close button.
class BacktestDialog : public QDialog {
    Q_OBJECT
public:
    // The stored daily prices of a ticker, oldest first (empty when none are stored).
    using DataProvider = std::function<Result<QList<PriceRow>>(const QString &ticker)>;

    enum Column {
        StrategyColumn,
        FirstBreachColumn,
        BreachPriceColumn,
        AlertsColumn,
        ExitColumn,
        HoldColumn
    };

    // `ticker` may be empty: a CSV file then names the series (its symbol, else its file name).
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

    // Replaces the prices with the CSV file's rows of the ticker; on an error (which names the file's
    // first bad line) keeps the prices it had and shows the error. False on an error.
    bool loadCsvFile(const QString &path);
    // The ticker's stored daily prices again; false when there are none.
    bool useStoredPrices();

    // The strategies offered before any custom one: trailing:0.9, trailing:0.85, fixed-pct:0.9,
    // activation:0.9,0.05, atr:14,3.
    static QStringList presetSpecs();
    // The checked strategies' specs, in list order.
    QStringList checkedSpecs() const;
    void setStrategyChecked(const QString &spec, bool checked);
    // Parses `spec`; a valid one is added checked (or the same one already listed is checked). On an
    // error customStrategyErrorLabel shows the parser's message. False on an error.
    bool addCustomStrategy(const QString &spec);

    void setPeriod(const QDate &from, const QDate &to);
    // The entry price the replay starts from; none = the first close of the period.
    void setEntryPrice(std::optional<double> entry);

    bool isRunning() const;
    QTableWidget *resultsTable() const { return m_resultsTable; }
    PriceChartPanel *chartPanel() const { return m_chart; }
    // The last finished backtest (empty before the first).
    const BacktestReport &report() const { return m_report; }
    // The spec of the strategy drawn on the chart, empty when none is.
    QString drawnSpec() const { return m_drawnSpec; }

public Q_SLOTS:
    // Starts the backtest of the checked strategies over the period, unless one runs.
    void run();
    void cancel();
    // Opens a file dialog (window-modal, no nested event loop) and loads the chosen file.
    void chooseCsvFile();
    // Draws the strategy of the results table's `row`.
    void showResultRow(int row);

Q_SIGNALS:
    // A backtest finished (completed, cancelled, or with errors per strategy).
    void backtestFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createSourceBox();
    QWidget *createStrategyBox();
    QWidget *createPeriodBox();
    void setSeries(ReplaySeries series, const QString &source);
    void showError(const QString &message);
    void clearResults();
    void fillResults();
    void updateControls();
    void showProgress(qint64 done, qint64 total);
    void finishRun(const BacktestReport &report);
    void addStrategyItem(const StopStrategy &strategy, bool checked);
    ReplaySeries seriesInPeriod() const;

    QString m_requestedTicker;
    DataProvider m_storedPrices;
    ReplaySeries m_series;
    ReplaySeries m_ranSeries; // the rows of the last run, for its chart
    BacktestReport m_report;
    QString m_drawnSpec;
    BacktestRunner *m_runner;

    QLabel *m_sourceLabel = nullptr;
    QPushButton *m_storedPricesButton = nullptr;
    QPushButton *m_loadCsvButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QListWidget *m_strategyList = nullptr;
    QLineEdit *m_customStrategyEdit = nullptr;
    QPushButton *m_addStrategyButton = nullptr;
    QLabel *m_customStrategyErrorLabel = nullptr;
    QDateEdit *m_fromDateEdit = nullptr;
    QDateEdit *m_toDateEdit = nullptr;
    QDoubleSpinBox *m_entrySpinBox = nullptr;
    QComboBox *m_repeatComboBox = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_statusLabel = nullptr;
    QTableWidget *m_resultsTable = nullptr;
    PriceChartPanel *m_chart = nullptr;
    QDialogButtonBox *m_buttonBox = nullptr;
};

} // namespace trailguard::ui
