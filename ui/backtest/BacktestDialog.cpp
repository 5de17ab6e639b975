#include "backtest/BacktestDialog.h"

#include "Formatting.h"
#include "charts/PriceChartPanel.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace trailguard::ui {

namespace {
constexpr int kResultRole = Qt::UserRole;    // the row's index in the report
constexpr int kValueRole = Qt::UserRole + 1; // the cell's raw value (QDate, double, int)
constexpr int kSpecRole = Qt::UserRole + 2;  // a strategy item's canonical spec
constexpr int kProgressSteps = 1000;

QString percentOf(double ratio)
{
    const QString number = QLocale().toString(ratio * 100.0, 'f', 2);
    return ratio > 0 ? BacktestDialog::tr("+%1%", "a positive return").arg(number)
                     : BacktestDialog::tr("%1%", "a return").arg(number);
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

// What a strategy does, in words, for the list's tooltips and the accessible descriptions.
QString describe(const StopStrategy &strategy)
{
    const QLocale locale;
    const auto pct = [&](double value) { return locale.toString(value * 100.0, 'g', 4); };
    switch (strategy.kind) {
    case StopStrategy::Kind::Trailing:
        return BacktestDialog::tr("Trailing: the stop follows the peak at %1% of it")
            .arg(pct(strategy.ratio));
    case StopStrategy::Kind::Fixed:
        return BacktestDialog::tr("Fixed: the stop stays at %1").arg(Formatting::price(strategy.fixedPrice));
    case StopStrategy::Kind::FixedPct:
        return BacktestDialog::tr("Fixed at %1% of the entry price").arg(pct(strategy.ratio));
    case StopStrategy::Kind::Activation:
        return BacktestDialog::tr("%1% of the entry, trailing once the price is %2% above the entry")
            .arg(pct(strategy.ratio), pct(strategy.activationGain));
    case StopStrategy::Kind::Atr:
        return BacktestDialog::tr("Chandelier exit: highest high of %1 days minus %2 × ATR(%1); needs "
                                  "daily highs and lows")
            .arg(strategy.atrPeriod)
            .arg(locale.toString(strategy.atrMultiplier, 'g', 4));
    }
    return {};
}

QTableWidgetItem *cell(const QString &text, const QVariant &value = {}, Qt::Alignment align = Qt::AlignLeft)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setData(kValueRole, value);
    item->setTextAlignment(align | Qt::AlignVCenter);
    return item;
}
} // namespace

BacktestDialog::BacktestDialog(const QString &ticker, DataProvider storedPrices, QWidget *parent)
    : QDialog(parent)
    , m_requestedTicker(ticker.trimmed().toUpper())
    , m_storedPrices(std::move(storedPrices))
    , m_runner(new BacktestRunner(this))
{
    setObjectName(QStringLiteral("backtestDialog"));
    setWindowTitle(m_requestedTicker.isEmpty() ? tr("Backtest") : tr("Backtest %1").arg(m_requestedTicker));
    setModal(false);
    setSizeGripEnabled(true);

    auto *settingsRow = new QHBoxLayout;
    auto *leftColumn = new QVBoxLayout;
    leftColumn->addWidget(createSourceBox());
    leftColumn->addWidget(createPeriodBox());
    leftColumn->addStretch(1);
    settingsRow->addLayout(leftColumn, 1);
    settingsRow->addWidget(createStrategyBox(), 1);

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

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setAccessibleName(tr("Backtest status"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_resultsTable = new QTableWidget(0, HoldColumn + 1, this);
    m_resultsTable->setObjectName(QStringLiteral("resultsTable"));
    m_resultsTable->setAccessibleName(tr("Backtest results"));
    m_resultsTable->setAccessibleDescription(
        tr("Per strategy: the first breach, the number of alerts, and the return of exiting at the first "
           "breach against holding; choosing a row draws that strategy on the chart"));
    m_resultsTable->setHorizontalHeaderLabels({tr("Strategy"), tr("First Breach"), tr("Breach Price"),
                                               tr("Alerts"), tr("Exit at Breach"), tr("Hold")});
    m_resultsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTable->setAlternatingRowColors(true);
    m_resultsTable->setWordWrap(false);
    m_resultsTable->verticalHeader()->hide();
    m_resultsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultsTable->horizontalHeader()->setSectionResizeMode(StrategyColumn, QHeaderView::Stretch);
    connect(m_resultsTable, &QTableWidget::currentCellChanged, this,
            [this](int row, int, int previousRow, int) {
                if (row != previousRow)
                    showResultRow(row);
            });

    m_chart = new PriceChartPanel(this);
    m_chart->setObjectName(QStringLiteral("backtestChartPanel"));
    m_chart->setAccessibleName(tr("Backtest chart"));
    m_chart->setRange(PriceChartPanel::Range::All);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("backtestSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_resultsTable);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({140, 420});

    m_buttonBox = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttonBox->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttonBox->button(QDialogButtonBox::Close)
        ->setToolTip(tr("Close the window; a running backtest stops"));
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(settingsRow);
    layout->addLayout(runRow);
    layout->addWidget(m_statusLabel);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttonBox);

    connect(m_runner, &BacktestRunner::progressChanged, this, &BacktestDialog::showProgress);
    connect(m_runner, &BacktestRunner::finished, this, &BacktestDialog::finishRun);

    resize(980, 820);
    if (!m_storedPrices || !useStoredPrices()) {
        m_chart->clear(tr("Load a CSV file of daily prices to backtest"));
        updateControls();
    }
}

BacktestDialog::~BacktestDialog() = default;

QWidget *BacktestDialog::createSourceBox()
{
    auto *box = new QGroupBox(tr("Prices"), this);
    m_sourceLabel = new QLabel(box);
    m_sourceLabel->setObjectName(QStringLiteral("sourceLabel"));
    m_sourceLabel->setAccessibleName(tr("Price source"));
    m_sourceLabel->setWordWrap(true);

    m_storedPricesButton = new QPushButton(tr("Use &Stored Prices"), box);
    m_storedPricesButton->setObjectName(QStringLiteral("storedPricesButton"));
    m_storedPricesButton->setAccessibleName(tr("Use stored prices"));
    m_storedPricesButton->setToolTip(tr("The daily prices the app stored for this ticker"));
    m_storedPricesButton->setEnabled(static_cast<bool>(m_storedPrices));
    connect(m_storedPricesButton, &QPushButton::clicked, this, [this] { useStoredPrices(); });

    m_loadCsvButton = new QPushButton(tr("&Load CSV File\u2026"), box);
    m_loadCsvButton->setObjectName(QStringLiteral("loadCsvButton"));
    m_loadCsvButton->setAccessibleName(tr("Load CSV file"));
    m_loadCsvButton->setToolTip(tr("Daily prices as date,close or date,open,high,low,close rows "
                                   "(Yahoo's export works), or symbol,date,price"));
    connect(m_loadCsvButton, &QPushButton::clicked, this, &BacktestDialog::chooseCsvFile);

    m_errorLabel = new QLabel(box);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setAccessibleName(tr("Price file error"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_storedPricesButton);
    buttons->addWidget(m_loadCsvButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_sourceLabel);
    layout->addLayout(buttons);
    layout->addWidget(m_errorLabel);
    return box;
}

QWidget *BacktestDialog::createPeriodBox()
{
    auto *box = new QGroupBox(tr("Period and Entry"), this);
    m_fromDateEdit = new QDateEdit(box);
    m_fromDateEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromDateEdit->setAccessibleName(tr("From date"));
    m_toDateEdit = new QDateEdit(box);
    m_toDateEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toDateEdit->setAccessibleName(tr("To date"));
    m_fromDateEdit->setToolTip(tr("The first day replayed"));
    m_toDateEdit->setToolTip(tr("The last day replayed"));
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    // The period never turns inside out.
    connect(m_fromDateEdit, &QDateEdit::dateChanged, this, [this](const QDate &from) {
        if (m_toDateEdit->date() < from)
            m_toDateEdit->setDate(from);
    });
    connect(m_toDateEdit, &QDateEdit::dateChanged, this, [this](const QDate &to) {
        if (m_fromDateEdit->date() > to)
            m_fromDateEdit->setDate(to);
    });

    m_entrySpinBox = new QDoubleSpinBox(box);
    m_entrySpinBox->setObjectName(QStringLiteral("entrySpinBox"));
    m_entrySpinBox->setAccessibleName(tr("Entry price"));
    m_entrySpinBox->setToolTip(tr("The price bought at: it seeds the peak and is the basis of the returns "
                                  "and of the fixed-pct and activation stops"));
    m_entrySpinBox->setRange(0, 1'000'000);
    m_entrySpinBox->setDecimals(4);
    m_entrySpinBox->setSpecialValueText(tr("None (first close)"));
    m_entrySpinBox->setValue(0);

    m_repeatComboBox = new QComboBox(box);
    m_repeatComboBox->setObjectName(QStringLiteral("repeatComboBox"));
    m_repeatComboBox->setAccessibleName(tr("Repeat alerts"));
    m_repeatComboBox->setToolTip(
        tr("Whether an alert repeats every market day the price stays below the stop"));
    m_repeatComboBox->addItem(tr("Every market day below the stop"),
                              static_cast<int>(RepeatPolicy::DailyWhileBelow));
    m_repeatComboBox->addItem(tr("Once per breach"), static_cast<int>(RepeatPolicy::OncePerBreach));

    auto *form = new QFormLayout(box);
    form->addRow(tr("&From:"), m_fromDateEdit);
    form->addRow(tr("&To:"), m_toDateEdit);
    form->addRow(tr("&Entry price:"), m_entrySpinBox);
    form->addRow(tr("Re&peat alerts:"), m_repeatComboBox);
    return box;
}

QWidget *BacktestDialog::createStrategyBox()
{
    auto *box = new QGroupBox(tr("Strategies"), this);
    m_strategyList = new QListWidget(box);
    m_strategyList->setObjectName(QStringLiteral("strategyList"));
    m_strategyList->setAccessibleName(tr("Strategies to backtest"));
    m_strategyList->setAccessibleDescription(tr("Check the strategies to replay; Space toggles one"));
    m_strategyList->setWordWrap(true);
    m_strategyList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_strategyList->setResizeMode(QListView::Adjust);
    const QStringList presets = presetSpecs();
    for (const QString &spec : presets) {
        const Result<StopStrategy> strategy = StopStrategy::parse(spec);
        if (strategy)
            addStrategyItem(strategy.value(), spec == presets.at(0) || spec == presets.at(1));
    }
    connect(m_strategyList, &QListWidget::itemChanged, this, [this] { updateControls(); });

    m_customStrategyEdit = new QLineEdit(box);
    m_customStrategyEdit->setObjectName(QStringLiteral("customStrategyEdit"));
    m_customStrategyEdit->setAccessibleName(tr("Custom strategy"));
    m_customStrategyEdit->setPlaceholderText(tr("e.g. trailing:0.92 or atr:20,2.5"));
    m_customStrategyEdit->setToolTip(tr("trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K"));
    m_customStrategyEdit->setClearButtonEnabled(true);

    m_addStrategyButton = new QPushButton(tr("&Add"), box);
    m_addStrategyButton->setObjectName(QStringLiteral("addStrategyButton"));
    m_addStrategyButton->setAccessibleName(tr("Add custom strategy"));
    m_addStrategyButton->setToolTip(tr("Add the strategy typed beside to the list, checked"));
    m_addStrategyButton->setEnabled(false);
    // Enter in the field adds the strategy instead of pressing Run, the default button.
    m_addStrategyButton->setAutoDefault(false);

    m_customStrategyErrorLabel = new QLabel(box);
    m_customStrategyErrorLabel->setObjectName(QStringLiteral("customStrategyErrorLabel"));
    m_customStrategyErrorLabel->setAccessibleName(tr("Custom strategy error"));
    m_customStrategyErrorLabel->setWordWrap(true);
    QPalette errorPalette = m_customStrategyErrorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_customStrategyErrorLabel->setPalette(errorPalette);
    m_customStrategyErrorLabel->hide();

    connect(m_customStrategyEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_addStrategyButton->setEnabled(!text.trimmed().isEmpty());
        m_customStrategyErrorLabel->hide();
    });
    const auto add = [this] {
        if (addCustomStrategy(m_customStrategyEdit->text()))
            m_customStrategyEdit->clear();
    };
    connect(m_addStrategyButton, &QPushButton::clicked, this, add);
    connect(m_customStrategyEdit, &QLineEdit::returnPressed, this, add);

    auto *customRow = new QHBoxLayout;
    customRow->addWidget(m_customStrategyEdit, 1);
    customRow->addWidget(m_addStrategyButton);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_strategyList, 1);
    layout->addLayout(customRow);
    layout->addWidget(m_customStrategyErrorLabel);
    return box;
}

QStringList BacktestDialog::presetSpecs()
{
    return {QStringLiteral("trailing:0.9"), QStringLiteral("trailing:0.85"), QStringLiteral("fixed-pct:0.9"),
            QStringLiteral("activation:0.9,0.05"), QStringLiteral("atr:14,3")};
}

void BacktestDialog::addStrategyItem(const StopStrategy &strategy, bool checked)
{
    const QString spec = strategy.spec();
    const QString description = describe(strategy);
    auto *item = new QListWidgetItem(tr("%1 \u2014 %2", "spec — description").arg(spec, description));
    item->setData(kSpecRole, spec);
    item->setToolTip(description);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    m_strategyList->addItem(item);
}

QStringList BacktestDialog::checkedSpecs() const
{
    QStringList specs;
    for (int i = 0; i < m_strategyList->count(); ++i) {
        const QListWidgetItem *item = m_strategyList->item(i);
        if (item->checkState() == Qt::Checked)
            specs << item->data(kSpecRole).toString();
    }
    return specs;
}

void BacktestDialog::setStrategyChecked(const QString &spec, bool checked)
{
    const Result<StopStrategy> strategy = StopStrategy::parse(spec);
    const QString canonical = strategy ? strategy.value().spec() : spec;
    for (int i = 0; i < m_strategyList->count(); ++i) {
        QListWidgetItem *item = m_strategyList->item(i);
        if (item->data(kSpecRole).toString() == canonical)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

bool BacktestDialog::addCustomStrategy(const QString &spec)
{
    const Result<StopStrategy> strategy = StopStrategy::parse(spec.trimmed());
    if (!strategy) {
        m_customStrategyErrorLabel->setText(strategy.error().message);
        m_customStrategyErrorLabel->show();
        return false;
    }
    m_customStrategyErrorLabel->hide();
    const QString canonical = strategy.value().spec();
    for (int i = 0; i < m_strategyList->count(); ++i) {
        QListWidgetItem *item = m_strategyList->item(i);
        if (item->data(kSpecRole).toString() == canonical) {
            item->setCheckState(Qt::Checked);
            m_strategyList->setCurrentItem(item);
            return true;
        }
    }
    addStrategyItem(strategy.value(), true);
    m_strategyList->setCurrentRow(m_strategyList->count() - 1);
    updateControls();
    return true;
}

QString BacktestDialog::errorText() const
{
    return m_errorLabel->isVisibleTo(this) ? m_errorLabel->text() : QString();
}

QString BacktestDialog::sourceText() const
{
    return m_sourceLabel->text();
}

QString BacktestDialog::statusText() const
{
    return m_statusLabel->text();
}

void BacktestDialog::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->setVisible(!message.isEmpty());
}

bool BacktestDialog::useStoredPrices()
{
    if (!m_storedPrices || m_requestedTicker.isEmpty())
        return false;
    if (isRunning())
        return false;
    Result<QList<PriceRow>> rows = m_storedPrices(m_requestedTicker);
    if (!rows) {
        showError(
            tr("Could not read the stored prices of %1: %2").arg(m_requestedTicker, rows.error().message));
        return false;
    }
    if (rows.value().isEmpty()) {
        m_sourceLabel->setText(
            tr("No daily prices of %1 are stored yet: load a CSV file.").arg(m_requestedTicker));
        showError({});
        return false;
    }
    const QList<ReplaySeries> series = Replay::seriesFromRows(rows.value(), m_requestedTicker);
    showError({});
    setSeries(series.constFirst(), tr("Stored daily prices of %1").arg(m_requestedTicker));
    return true;
}

bool BacktestDialog::loadCsvFile(const QString &path)
{
    if (isRunning())
        return false;
    const QString fileName = QFileInfo(path).fileName();
    const Result<QList<PriceRow>> rows = PriceCsv::readFile(path);
    if (!rows) {
        showError(tr("Could not load %1: %2").arg(fileName, rows.error().message));
        return false;
    }
    if (rows.value().isEmpty()) {
        showError(tr("Could not load %1: it has no prices.").arg(fileName));
        return false;
    }
    // With a symbol column, the ticker's rows (or the only symbol's); without, the rows are the ticker's
    // (or, with no ticker, named after the file, as the replay command does).
    const QString fallback =
        m_requestedTicker.isEmpty() ? QFileInfo(path).completeBaseName().toUpper() : m_requestedTicker;
    const QList<ReplaySeries> series = Replay::seriesFromRows(rows.value(), fallback);
    const ReplaySeries *chosen = nullptr;
    for (const ReplaySeries &one : series) {
        if (one.ticker.compare(fallback, Qt::CaseInsensitive) == 0)
            chosen = &one;
    }
    if (!chosen && series.size() == 1)
        chosen = &series.constFirst();
    if (!chosen) {
        QStringList symbols;
        for (const ReplaySeries &one : series)
            symbols << one.ticker;
        showError(tr("Could not load %1: it has prices of %2 but none of %3.")
                      .arg(fileName, QLocale().createSeparatedList(symbols), fallback));
        return false;
    }
    showError({});
    setSeries(*chosen, tr("%1 from %2").arg(chosen->ticker, fileName));
    return true;
}

void BacktestDialog::chooseCsvFile()
{
    auto *dialog = new QFileDialog(this, tr("Load Daily Prices"), QString(),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("csvFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { loadCsvFile(path); });
    dialog->open();
}

void BacktestDialog::setSeries(ReplaySeries series, const QString &source)
{
    m_series = std::move(series);
    const QDate first = m_series.rows.constFirst().date;
    const QDate last = m_series.rows.constLast().date;
    m_sourceLabel->setText(tr("%1: %n day(s), %2 to %3", nullptr, static_cast<int>(m_series.rows.size()))
                               .arg(source, isoDate(first), isoDate(last)));
    setWindowTitle(tr("Backtest %1").arg(m_series.ticker));
    // The period defaults to the whole of the prices.
    for (QDateEdit *edit : {m_fromDateEdit, m_toDateEdit}) {
        const QSignalBlocker blocker(edit);
        edit->setDateRange(first, last);
    }
    {
        const QSignalBlocker fromBlocker(m_fromDateEdit);
        const QSignalBlocker toBlocker(m_toDateEdit);
        m_fromDateEdit->setDate(first);
        m_toDateEdit->setDate(last);
    }
    clearResults();
    m_ranSeries = m_series;
    m_chart->setSeries(Backtest::chartSeries(m_series, nullptr));
    m_chart->setRange(PriceChartPanel::Range::All);
    m_statusLabel->setText(tr("Check strategies and press Run."));
    updateControls();
}

void BacktestDialog::setPeriod(const QDate &from, const QDate &to)
{
    m_fromDateEdit->setDate(from);
    m_toDateEdit->setDate(to);
}

void BacktestDialog::setEntryPrice(std::optional<double> entry)
{
    m_entrySpinBox->setValue(entry && *entry > 0 ? *entry : 0);
}

ReplaySeries BacktestDialog::seriesInPeriod() const
{
    ReplaySeries inPeriod{m_series.ticker, {}};
    const QDate from = m_fromDateEdit->date();
    const QDate to = m_toDateEdit->date();
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
    if (isRunning() || m_series.rows.isEmpty())
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
    if (request.strategies.isEmpty()) {
        m_statusLabel->setText(tr("Check at least one strategy."));
        return;
    }
    if (m_entrySpinBox->value() > 0)
        request.entry = m_entrySpinBox->value();
    request.repeat = static_cast<RepeatPolicy>(m_repeatComboBox->currentData().toInt());

    m_ranSeries = request.series;
    const int strategies = static_cast<int>(request.strategies.size());
    const int days = static_cast<int>(request.series.rows.size());
    if (!m_runner->start(std::move(request)))
        return;
    clearResults();
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
    m_report = report;
    fillResults();
    int failed = 0;
    for (const BacktestStrategyResult &result : m_report.results)
        failed += result.error ? 1 : 0;
    const int done = static_cast<int>(m_report.results.size()) - failed;
    if (m_report.cancelled) {
        m_progressBar->setValue(0);
        m_statusLabel->setText(tr("Cancelled: %n strategy(ies) finished before.", nullptr, done));
    } else {
        m_progressBar->setValue(kProgressSteps);
        QString text =
            tr("Replayed %n strategy(ies)", nullptr, done) +
            tr(" over %n day(s), %1 to %2.", nullptr, static_cast<int>(m_ranSeries.rows.size()))
                .arg(isoDate(m_ranSeries.rows.constFirst().date), isoDate(m_ranSeries.rows.constLast().date));
        if (failed > 0)
            text += QLatin1Char(' ') + tr("%n strategy(ies) could not run: see the table.", nullptr, failed);
        m_statusLabel->setText(text);
    }
    updateControls();
    Q_EMIT backtestFinished();
}

void BacktestDialog::clearResults()
{
    m_report = {};
    m_drawnSpec.clear();
    m_resultsTable->setRowCount(0);
}

void BacktestDialog::fillResults()
{
    const QSignalBlocker blocker(m_resultsTable);
    m_resultsTable->setRowCount(0);
    m_resultsTable->setRowCount(static_cast<int>(m_report.results.size()));
    const Qt::Alignment right = Qt::AlignRight;
    for (int row = 0; row < m_report.results.size(); ++row) {
        const BacktestStrategyResult &result = m_report.results.at(row);
        const QString spec = result.strategy.spec();
        QTableWidgetItem *name = cell(spec, spec);
        name->setData(kResultRole, row);
        name->setToolTip(describe(result.strategy));
        m_resultsTable->setItem(row, StrategyColumn, name);
        if (result.error) {
            QTableWidgetItem *error = cell(result.error->message);
            error->setToolTip(result.error->message);
            m_resultsTable->setItem(row, FirstBreachColumn, error);
            m_resultsTable->setSpan(row, FirstBreachColumn, 1, HoldColumn - FirstBreachColumn + 1);
            continue;
        }
        const ReplaySeriesSummary &summary = result.summary;
        m_resultsTable->setItem(row, FirstBreachColumn,
                                summary.firstBreachDate
                                    ? cell(isoDate(*summary.firstBreachDate), *summary.firstBreachDate)
                                    : cell(tr("None"), QDate()));
        m_resultsTable->setItem(row, BreachPriceColumn,
                                summary.firstBreachPrice ? cell(Formatting::price(summary.firstBreachPrice),
                                                                *summary.firstBreachPrice, right)
                                                         : cell(Formatting::emptyValue(), {}, right));
        m_resultsTable->setItem(row, AlertsColumn,
                                cell(QLocale().toString(summary.alertCount), summary.alertCount, right));
        m_resultsTable->setItem(row, ExitColumn,
                                summary.exitReturn
                                    ? cell(percentOf(*summary.exitReturn), *summary.exitReturn, right)
                                    : cell(Formatting::emptyValue(), {}, right));
        m_resultsTable->setItem(row, HoldColumn,
                                cell(percentOf(summary.holdReturn), summary.holdReturn, right));
        if (summary.exitReturn) {
            // Which choice did better, for the eye and for screen readers.
            const bool exitBetter = *summary.exitReturn > summary.holdReturn;
            QTableWidgetItem *better = m_resultsTable->item(row, exitBetter ? ExitColumn : HoldColumn);
            QFont bold = better->font();
            bold.setBold(true);
            better->setFont(bold);
            better->setToolTip(exitBetter
                                   ? tr("Exiting at the first breach did better than holding")
                                   : tr("Holding did at least as well as exiting at the first breach"));
        }
    }
    if (m_resultsTable->rowCount() > 0) {
        m_resultsTable->selectRow(0);
        m_resultsTable->setCurrentCell(0, StrategyColumn);
    }
    showResultRow(m_resultsTable->currentRow());
}

void BacktestDialog::showResultRow(int row)
{
    const QTableWidgetItem *name = row >= 0 ? m_resultsTable->item(row, StrategyColumn) : nullptr;
    const int index = name ? name->data(kResultRole).toInt() : -1;
    if (index < 0 || index >= m_report.results.size()) {
        m_drawnSpec.clear();
        if (!m_ranSeries.rows.isEmpty())
            m_chart->setSeries(Backtest::chartSeries(m_ranSeries, nullptr));
        return;
    }
    const BacktestStrategyResult &result = m_report.results.at(index);
    m_drawnSpec = result.error ? QString() : result.strategy.spec();
    m_chart->setSeries(Backtest::chartSeries(m_ranSeries, result.error ? nullptr : &result));
}

void BacktestDialog::updateControls()
{
    const bool running = isRunning();
    const bool hasPrices = !m_series.rows.isEmpty();
    m_runButton->setEnabled(!running && hasPrices && !checkedSpecs().isEmpty());
    m_cancelButton->setEnabled(running);
    m_storedPricesButton->setEnabled(!running && m_storedPrices && !m_requestedTicker.isEmpty());
    m_loadCsvButton->setEnabled(!running);
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_fromDateEdit, m_toDateEdit, m_entrySpinBox, m_repeatComboBox})
        widget->setEnabled(!running && hasPrices);
}

void BacktestDialog::closeEvent(QCloseEvent *event)
{
    // Closing stops a running backtest; the runner finishes the worker when the dialog goes.
    m_runner->cancel();
    QDialog::closeEvent(event);
}

} // namespace trailguard::ui
