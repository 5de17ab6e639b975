#include "AlertHistoryDialog.h"

#include "watchlist/WatchlistService.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace trailguard::ui {

namespace {
constexpr QSize kDefaultSize(1000, 480);
constexpr int kDefaultSnoozeDays = 1;
constexpr int kChannelColumnChars = 30;
} // namespace

AlertHistoryDialog::AlertHistoryDialog(AlertHistoryModel::Loader load,
                                       AlertHistoryModel::Acknowledger acknowledge,
                                       WatchlistService &watchlist, QWidget *parent)
    : QDialog(parent)
    , m_watchlist(watchlist)
    , m_model(new AlertHistoryModel(std::move(load), std::move(acknowledge), this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_tableView(new QTableView(this))
    , m_acknowledgeButton(new QPushButton(tr("&Acknowledge"), this))
    , m_snoozeDaysSpinBox(new QSpinBox(this))
    , m_snoozeButton(new QPushButton(tr("Snoo&ze Ticker"), this))
    , m_unsnoozeButton(new QPushButton(tr("&End Snooze"), this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
    , m_messageLabel(new QLabel(this))
    , m_buttonBox(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("alertHistoryDialog"));
    setWindowTitle(tr("Alert History"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertHistoryModel::role(AlertHistoryModel::Role::Sort));
    m_proxy->setSortLocaleAware(true);

    m_tableView->setObjectName(QStringLiteral("historyTableView"));
    m_tableView->setAccessibleName(tr("Alert history"));
    m_tableView->setModel(m_proxy);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tableView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setWordWrap(false);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setSortIndicator(
        AlertHistoryModel::column(AlertHistoryModel::Column::Time), Qt::DescendingOrder);
    m_tableView->setSortingEnabled(true);

    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgePushButton"));
    m_acknowledgeButton->setToolTip(tr("Mark the selected alerts as seen"));

    m_snoozeDaysSpinBox->setObjectName(QStringLiteral("snoozeDaysSpinBox"));
    m_snoozeDaysSpinBox->setAccessibleName(tr("Days to snooze the ticker"));
    m_snoozeDaysSpinBox->setRange(1, kMaxSnoozeDays);
    m_snoozeDaysSpinBox->setValue(kDefaultSnoozeDays);
    m_snoozeDaysSpinBox->setSuffix(tr(" day(s)"));
    auto *snoozeLabel = new QLabel(tr("Snooze &for:"), this);
    snoozeLabel->setBuddy(m_snoozeDaysSpinBox);

    m_snoozeButton->setObjectName(QStringLiteral("snoozePushButton"));
    m_snoozeButton->setToolTip(
        tr("No alerts for the selected alert's ticker for that many days; its stop keeps trailing"));
    m_unsnoozeButton->setObjectName(QStringLiteral("unsnoozePushButton"));
    m_unsnoozeButton->setToolTip(tr("Alert for the selected alert's ticker again from now on"));
    m_refreshButton->setObjectName(QStringLiteral("refreshPushButton"));
    m_refreshButton->setShortcut(QKeySequence::Refresh);
    m_refreshButton->setToolTip(tr("Read the history again (F5)"));

    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttonBox->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));
    connect(m_buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_acknowledgeButton);
    actions->addSpacing(fontMetrics().averageCharWidth() * 4);
    actions->addWidget(snoozeLabel);
    actions->addWidget(m_snoozeDaysSpinBox);
    actions->addWidget(m_snoozeButton);
    actions->addWidget(m_unsnoozeButton);
    actions->addStretch();
    actions->addWidget(m_refreshButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tableView, 1);
    layout->addLayout(actions);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_buttonBox);
    resize(kDefaultSize);

    connect(m_acknowledgeButton, &QPushButton::clicked, this, &AlertHistoryDialog::acknowledgeSelected);
    connect(m_snoozeButton, &QPushButton::clicked, this, &AlertHistoryDialog::snoozeSelectedTicker);
    connect(m_unsnoozeButton, &QPushButton::clicked, this, &AlertHistoryDialog::unsnoozeSelectedTicker);
    connect(m_refreshButton, &QPushButton::clicked, this, &AlertHistoryDialog::refresh);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertHistoryDialog::updateActions);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AlertHistoryDialog::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AlertHistoryDialog::updateActions);

    // Channel columns come and go with the history (a reset also forgets the sizes): they get the default
    // size, the short columns their contents' and the subject the rest.
    m_tableView->horizontalHeader()->setDefaultSectionSize(kChannelColumnChars *
                                                           m_tableView->fontMetrics().averageCharWidth());
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        for (const int column :
             {AlertHistoryModel::column(AlertHistoryModel::Column::Time),
              AlertHistoryModel::column(AlertHistoryModel::Column::Ticker),
              AlertHistoryModel::column(AlertHistoryModel::Column::Kind), m_model->acknowledgedColumn()})
            m_tableView->resizeColumnToContents(column);
        m_tableView->horizontalHeader()->setSectionResizeMode(
            AlertHistoryModel::column(AlertHistoryModel::Column::Subject), QHeaderView::Stretch);
    });
    // The history loads on a worker; the selection made meanwhile is kept across the reset.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_selectionBeforeReset = saveSelection(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        restoreSelection(m_selectionBeforeReset);
        if (m_alertToShow != 0 && selectAlert(m_alertToShow))
            m_alertToShow = 0;
    });
    connect(m_model, &AlertHistoryModel::reloadFailed, this,
            [this](const Error &error) { showMessage(error.message); });
    refresh();
    updateActions();
}

AlertHistoryDialog::~AlertHistoryDialog() = default;

QString AlertHistoryDialog::message() const
{
    return m_messageLabel->text();
}

QList<int> AlertHistoryDialog::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_tableView->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    return rows;
}

bool AlertHistoryDialog::selectAlert(qint64 alertId)
{
    const int row = m_model->rowOf(alertId);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_tableView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_tableView->scrollTo(index);
    return true;
}

void AlertHistoryDialog::showAlert(qint64 alertId)
{
    m_alertToShow = alertId;
    refresh();
}

AlertHistoryDialog::Selection AlertHistoryDialog::saveSelection() const
{
    Selection saved;
    for (int row : selectedRows())
        saved.selected.append(m_model->record(row).id);
    const QModelIndex current = m_proxy->mapToSource(m_tableView->currentIndex());
    if (current.isValid()) {
        saved.current = m_model->record(current.row()).id;
        saved.column = current.column();
    }
    return saved;
}

// A model reset forgets the selection: select the same alerts again, the current one last.
void AlertHistoryDialog::restoreSelection(const Selection &saved)
{
    QItemSelectionModel *selection = m_tableView->selectionModel();
    for (qint64 id : saved.selected) {
        const int row = m_model->rowOf(id);
        if (row >= 0 && id != saved.current) {
            selection->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    const int row = m_model->rowOf(saved.current);
    if (saved.current != 0 && row >= 0) {
        selection->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, saved.column)),
                                   saved.selected.contains(saved.current)
                                       ? QItemSelectionModel::Select | QItemSelectionModel::Rows
                                       : QItemSelectionModel::NoUpdate);
    }
    updateActions();
}

void AlertHistoryDialog::refresh()
{
    m_model->reload();
}

void AlertHistoryDialog::acknowledgeSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    const Status acknowledged = m_model->acknowledge(rows);
    if (!acknowledged.ok()) {
        showMessage(acknowledged.error().message);
        return;
    }
    showMessage(rows.size() == 1 ? tr("Acknowledged 1 alert.")
                                 : tr("Acknowledged %1 alerts.").arg(rows.size()));
}

// The ticker of the current row when it is selected, else of the first selected row.
QString AlertHistoryDialog::currentTicker() const
{
    const QItemSelectionModel *selection = m_tableView->selectionModel();
    QModelIndex row = m_tableView->currentIndex();
    if (!row.isValid() || !selection->isRowSelected(row.row(), row.parent())) {
        const QModelIndexList selected = selection->selectedRows();
        if (selected.isEmpty())
            return {};
        row = selected.first();
    }
    return row.data(AlertHistoryModel::role(AlertHistoryModel::Role::Ticker)).toString();
}

void AlertHistoryDialog::snoozeSelectedTicker()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    const int days = m_snoozeDaysSpinBox->value();
    const Result<StockState> snoozed = m_watchlist.snooze(ticker, days);
    if (!snoozed.ok()) {
        showMessage(snoozed.error().message);
        return;
    }
    const QString until = QLocale().toString(snoozed.value().snoozedUntil.toLocalTime(), QLocale::LongFormat);
    showMessage(tr("%1 is snoozed until %2: its breaches raise no alerts until then.").arg(ticker, until));
    updateActions();
}

void AlertHistoryDialog::unsnoozeSelectedTicker()
{
    const QString ticker = currentTicker();
    if (ticker.isEmpty())
        return;
    const Result<StockState> unsnoozed = m_watchlist.unsnooze(ticker);
    if (!unsnoozed.ok()) {
        showMessage(unsnoozed.error().message);
        return;
    }
    showMessage(tr("%1 is no longer snoozed: its breaches raise alerts again.").arg(ticker));
    updateActions();
}

void AlertHistoryDialog::updateActions()
{
    const QList<int> rows = selectedRows();
    m_acknowledgeButton->setEnabled(std::any_of(rows.cbegin(), rows.cend(), [this](int row) {
        return !m_model->record(row).acknowledgedAt.isValid();
    }));

    const QString ticker = currentTicker();
    QDateTime snoozedUntil;
    if (!ticker.isEmpty()) {
        if (const Result<QList<StockState>> stocks = m_watchlist.stocks(); stocks.ok()) {
            for (const StockState &stock : stocks.value()) {
                if (stock.ticker == ticker)
                    snoozedUntil = stock.snoozedUntil;
            }
        }
    }
    m_snoozeButton->setEnabled(!ticker.isEmpty());
    m_snoozeButton->setToolTip(
        ticker.isEmpty()
            ? tr("No alerts for the selected alert's ticker for that many days; its stop keeps trailing")
            : tr("No alerts for %1 for that many days; its stop keeps trailing").arg(ticker));
    m_unsnoozeButton->setEnabled(snoozedUntil.isValid());
    m_unsnoozeButton->setToolTip(
        snoozedUntil.isValid()
            ? tr("%1 is snoozed until %2; alert for it again from now on")
                  .arg(ticker, QLocale().toString(snoozedUntil.toLocalTime(), QLocale::LongFormat))
            : tr("Alert for the selected alert's ticker again from now on"));
}

void AlertHistoryDialog::showMessage(const QString &message)
{
    m_messageLabel->setText(message);
}

} // namespace trailguard::ui
