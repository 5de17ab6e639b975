#include "backtest/BacktestDialog.h"

#include "backtest/BacktestPeriodBox.h"
#include "backtest/BacktestSourceBox.h"
#include "backtest/BacktestText.h"
#include "backtest/RuleChecklist.h"
#include "backtest/StrategyChecklist.h"
#include "charts/PriceChartPanel.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace trailguard::ui {

namespace {
constexpr int kProgressSteps = 1000;
} // namespace

BacktestDialog::BacktestDialog(const QString &ticker, DataProvider storedPrices, QWidget *parent)
    : QDialog(parent)
    , m_requestedTicker(ticker.trimmed().toUpper())
    , m_runner(new BacktestRunner(this))
{
    setObjectName(QStringLiteral("backtestDialog"));
    setWindowTitle(m_requestedTicker.isEmpty() ? tr("Backtest") : tr("Backtest %1").arg(m_requestedTicker));
    setModal(false);
    setSizeGripEnabled(true);

    m_sourceBox = new BacktestSourceBox(m_requestedTicker, std::move(storedPrices), this);
    connect(m_sourceBox, &BacktestSourceBox::loadStarted, this, &BacktestDialog::showLoading);
    connect(m_sourceBox, &BacktestSourceBox::seriesLoaded, this, &BacktestDialog::setSeries);
    connect(m_sourceBox, &BacktestSourceBox::loadFinished, this, &BacktestDialog::finishLoading);
    m_strategies = new StrategyChecklist(this);
    connect(m_strategies, &StrategyChecklist::checkedChanged, this, &BacktestDialog::updateControls);
    m_rules = new RuleChecklist(this);
    connect(m_rules, &RuleChecklist::checkedChanged, this, &BacktestDialog::updateControls);

    auto *settingsRow = new QHBoxLayout;
    auto *leftColumn = new QVBoxLayout;
    leftColumn->addWidget(m_sourceBox);
    m_periodBox = new BacktestPeriodBox(this);
    leftColumn->addWidget(m_periodBox);
    leftColumn->addStretch(1);
    settingsRow->addLayout(leftColumn, 1);
    settingsRow->addWidget(m_strategies, 1);
    settingsRow->addWidget(m_rules, 1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setAccessibleName(tr("Backtest status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttonBox->button(QDialogButtonBox::Close)
        ->setToolTip(tr("Close the window; a running backtest stops"));
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settingsRow);
    layout->addLayout(createRunRow());
    layout->addWidget(m_statusLabel);
    layout->addWidget(createResultsAndChart(), 1);
    layout->addWidget(m_buttonBox);

    connect(m_runner, &BacktestRunner::progressChanged, this, &BacktestDialog::showProgress);
    connect(m_runner, &BacktestRunner::finished, this, &BacktestDialog::finishRun);

    resize(980, 820);
    if (!useStoredPrices())
        m_chart->clear(tr("Load a CSV file of daily prices to backtest"));
    updateControls();
}

BacktestDialog::~BacktestDialog() = default;

QLayout *BacktestDialog::createRunRow()
{
    m_runButton = new QPushButton(tr("&Run"), this);
    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setAccessibleName(tr("Run backtest"));
    m_runButton->setToolTip(tr("Replay the prices of the period through the checked strategies"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &BacktestDialog::run);

    m_cancelButton = new QPushButton(tr("&Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel backtest"));
    m_cancelButton->setToolTip(tr("Stop the running backtest; the strategies finished so far are shown"));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QPushButton::clicked, this, &BacktestDialog::cancel);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setAccessibleName(tr("Backtest progress"));
    m_progressBar->setRange(0, kProgressSteps);
    m_progressBar->setValue(0);
    m_progressBar->setTextVisible(true);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_runButton);
    runRow->addWidget(m_cancelButton);
    runRow->addWidget(m_progressBar, 1);
    return runRow;
}

QWidget *BacktestDialog::createResultsAndChart()
{
    m_resultsView = new BacktestResultsView(this);
    connect(m_resultsView, &BacktestResultsView::currentStrategyRowChanged, this,
            &BacktestDialog::showResultRow);
    m_ruleResultsView = new BacktestRuleResultsView(this);
    connect(m_ruleResultsView, &BacktestRuleResultsView::currentRuleRowChanged, this,
            &BacktestDialog::showRuleRow);

    m_chart = new PriceChartPanel(this);
    m_chart->setObjectName(QStringLiteral("backtestChartPanel"));
    m_chart->setAccessibleName(tr("Backtest chart"));
    m_chart->setRange(PriceChartPanel::Range::All);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("backtestSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_resultsView);
    splitter->addWidget(m_ruleResultsView);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);
    splitter->setSizes({140, 100, 420});
    return splitter;
}

QStringList BacktestDialog::presetSpecs()
{
    return StrategyChecklist::presetSpecs();
}

QStringList BacktestDialog::checkedSpecs() const
{
    return m_strategies->checkedSpecs();
}

void BacktestDialog::setStrategyChecked(const QString &spec, bool checked)
{
    m_strategies->setStrategyChecked(spec, checked);
}

bool BacktestDialog::addCustomStrategy(const QString &spec)
{
    return m_strategies->addCustomStrategy(spec);
}

QString BacktestDialog::errorText() const
{
    return m_sourceBox->errorText();
}

QString BacktestDialog::sourceText() const
{
    return m_sourceBox->sourceText();
}

QString BacktestDialog::statusText() const
{
    return m_statusLabel->text();
}

bool BacktestDialog::useStoredPrices()
{
    return !isRunning() && m_sourceBox->useStoredPrices();
}

bool BacktestDialog::loadCsvFile(const QString &path)
{
    return !isRunning() && m_sourceBox->loadCsvFile(path);
}

void BacktestDialog::chooseCsvFile()
{
    if (!isRunning())
        m_sourceBox->chooseCsvFile();
}

bool BacktestDialog::isLoading() const
{
    return m_sourceBox->isLoading();
}

// While the prices load the window stays usable; only Run waits for them.
void BacktestDialog::showLoading()
{
    m_statusLabel->setText(tr("Loading prices\u2026"));
    m_progressBar->setRange(0, 0); // busy
    if (m_series.rows.isEmpty())
        m_chart->clear(tr("Loading prices\u2026"));
    updateControls();
}

void BacktestDialog::finishLoading(bool loaded)
{
    m_progressBar->setRange(0, kProgressSteps);
    m_progressBar->setValue(0);
    if (!loaded) {
        m_statusLabel->setText(m_series.rows.isEmpty() ? QString() : tr("Check strategies and press Run."));
        if (m_series.rows.isEmpty())
            m_chart->clear(tr("Load a CSV file of daily prices to backtest"));
    }
    updateControls();
    Q_EMIT pricesLoadFinished(loaded);
}

void BacktestDialog::setSeries(const ReplaySeries &series)
{
    m_series = series;
    const QDate first = m_series.rows.constFirst().date;
    const QDate last = m_series.rows.constLast().date;
    setWindowTitle(tr("Backtest %1").arg(m_series.ticker));
    // The period defaults to the whole of the prices.
    m_periodBox->resetTo(first, last);
    showResults({});
    m_ranSeries = m_series;
    m_chart->setSeries(Backtest::chartSeries(m_series, nullptr));
    m_chart->setRange(PriceChartPanel::Range::All);
    m_statusLabel->setText(tr("Check strategies and press Run."));
}

void BacktestDialog::setPeriod(const QDate &from, const QDate &to)
{
    m_periodBox->setPeriod(from, to);
}

void BacktestDialog::setEntryPrice(std::optional<double> entry)
{
    m_periodBox->setEntryPrice(entry);
}

ReplaySeries BacktestDialog::seriesInPeriod() const
{
    ReplaySeries inPeriod{m_series.ticker, {}};
    const QDate from = m_periodBox->from();
    const QDate to = m_periodBox->to();
    std::copy_if(m_series.rows.cbegin(), m_series.rows.cend(), std::back_inserter(inPeriod.rows),
                 [&](const PriceRow &row) { return row.date >= from && row.date <= to; });
    return inPeriod;
}

bool BacktestDialog::isRunning() const
{
    return m_runner->isRunning();
}

void BacktestDialog::run()
{
    if (isRunning() || isLoading() || m_series.rows.isEmpty())
        return;
    BacktestRequest request;
    request.series = seriesInPeriod();
    if (request.series.rows.isEmpty()) {
        m_statusLabel->setText(tr("The period has no prices: choose other dates."));
        return;
    }
    for (const QString &spec : checkedSpecs()) {
        if (const Result<StopStrategy> strategy = StopStrategy::parse(spec))
            request.strategies << strategy.value();
    }
    request.rules = m_rules->checkedRules();
    if (request.strategies.isEmpty() && request.rules.isEmpty()) {
        m_statusLabel->setText(tr("Check at least one strategy or rule."));
        return;
    }
    request.entry = m_periodBox->entryPrice();
    request.repeat = m_periodBox->repeat();

    m_ranSeries = request.series;
    const int strategies = static_cast<int>(request.strategies.size());
    const int days = static_cast<int>(request.series.rows.size());
    if (!m_runner->start(std::move(request)))
        return;
    showResults({});
    m_progressBar->setValue(0);
    m_statusLabel->setText(tr("Replaying %n strategy(ies)", nullptr, strategies) +
                           tr(" over %n day(s)\u2026", nullptr, days));
    updateControls();
}

void BacktestDialog::cancel()
{
    if (!isRunning())
        return;
    m_runner->cancel();
    m_cancelButton->setEnabled(false);
    m_statusLabel->setText(tr("Cancelling\u2026"));
}

void BacktestDialog::showProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_progressBar->setValue(
        static_cast<int>(std::min<qint64>(kProgressSteps, done * kProgressSteps / total)));
}

void BacktestDialog::finishRun(const BacktestReport &report)
{
    showResults(report);
    int failed = 0;
    for (const BacktestStrategyResult &result : report.results)
        failed += result.error ? 1 : 0;
    const int done = static_cast<int>(report.results.size()) - failed;
    if (report.cancelled) {
        m_progressBar->setValue(0);
        m_statusLabel->setText(tr("Cancelled: %n strategy(ies) finished before.", nullptr, done));
    } else {
        m_progressBar->setValue(kProgressSteps);
        QString text = tr("Replayed %n strategy(ies)", nullptr, done) +
                       tr(" over %n day(s), %1 to %2.", nullptr, static_cast<int>(m_ranSeries.rows.size()))
                           .arg(BacktestText::isoDate(m_ranSeries.rows.constFirst().date),
                                BacktestText::isoDate(m_ranSeries.rows.constLast().date));
        if (failed > 0)
            text += QLatin1Char(' ') + tr("%n strategy(ies) could not run: see the table.", nullptr, failed);
        if (!report.rules.isEmpty()) {
            text += QLatin1Char(' ') + tr("%n alert rule(s) replayed: see their table.", nullptr,
                                          static_cast<int>(report.rules.size()));
        }
        m_statusLabel->setText(text);
    }
    updateControls();
    Q_EMIT backtestFinished();
}

// Fills the tables (an empty report clears them) and draws their first rows.
void BacktestDialog::showResults(const BacktestReport &report)
{
    m_drawnSpec.clear();
    m_drawnRuleSpec.clear();
    m_ruleResultsView->setReport(report);
    m_resultsView->setReport(report);
    showResultRow(m_resultsView->currentIndex().row());
}

void BacktestDialog::showResultRow(int row)
{
    drawChart(m_resultsView->strategiesModel()->resultAt(row), m_ruleResultsView->currentResult());
}

void BacktestDialog::showRuleRow(int row)
{
    drawChart(m_resultsView->currentResult(), m_ruleResultsView->rulesModel()->resultAt(row));
}

void BacktestDialog::drawChart(const BacktestStrategyResult *result, const BacktestRuleResult *rule)
{
    if (result && result->error)
        result = nullptr;
    m_drawnSpec = result ? result->strategy.spec() : QString();
    m_drawnRuleSpec = rule ? rule->rule.spec() : QString();
    if (!m_ranSeries.rows.isEmpty())
        m_chart->setSeries(Backtest::chartSeries(m_ranSeries, result, rule));
}

void BacktestDialog::updateControls()
{
    const bool running = isRunning();
    const bool hasPrices = !m_series.rows.isEmpty();
    const bool checked = !checkedSpecs().isEmpty() || !m_rules->checkedSpecs().isEmpty();
    m_runButton->setEnabled(!running && !isLoading() && hasPrices && checked);
    m_cancelButton->setEnabled(running);
    m_sourceBox->setLocked(running);
    m_periodBox->setEnabled(!running && hasPrices);
}

void BacktestDialog::closeEvent(QCloseEvent *event)
{
    // Closing stops a running backtest; the runner finishes the worker when the dialog goes.
    m_runner->cancel();
    QDialog::closeEvent(event);
}

} // namespace trailguard::ui
