#include "portfolio/ImportPositionsDialog.h"

#include "Formatting.h"
#include "RatioSpinBox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace trailguard::ui {

namespace {
constexpr int kNumberRole = Qt::UserRole + 1; // the account number of an account item

QString amount(const std::optional<double> &value)
{
    return value ? QLocale().toString(*value, 'f', 2) : Formatting::emptyValue();
}

QString quantity(double value)
{
    return QLocale().toString(value, 'f', std::floor(value) == value ? 0 : 4);
}

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}
} // namespace

ImportPositionsDialog::ImportPositionsDialog(PortfolioImport &import, double defaultRatio, QWidget *parent)
    : QDialog(parent)
    , m_import(import)
    , m_accountsList(new QListWidget(this))
    , m_positionsTable(new QTableWidget(this))
    , m_ratioSpinBox(new RatioSpinBox(this))
    , m_statusLabel(new QLabel(this))
    , m_reloadButton(new QPushButton(tr("&Reload"), this))
    , m_importButton(nullptr)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importPositionsDialog"));
    setWindowTitle(tr("Import Positions"));
    resize(820, 520);

    auto *intro = new QLabel(
        tr("Pick the accounts to import. Each stock you hold is watched with its average entry price as the "
           "entry; tickers you already watch keep their peak and stop and show their position. Trailguard "
           "keeps the quantities current while connected."),
        this);
    intro->setWordWrap(true);

    m_accountsList->setObjectName(QStringLiteral("accountsListWidget"));
    m_accountsList->setMaximumHeight(120);
    connect(m_accountsList, &QListWidget::itemChanged, this, [this] { refreshPreview(); });

    m_reloadButton->setObjectName(QStringLiteral("reloadPushButton"));
    connect(m_reloadButton, &QPushButton::clicked, this, &ImportPositionsDialog::reloadAccounts);

    m_positionsTable->setObjectName(QStringLiteral("positionsTableWidget"));
    m_positionsTable->setColumnCount(Note + 1);
    m_positionsTable->setHorizontalHeaderLabels({tr("Ticker"), tr("Quantity"), tr("Avg. entry"),
                                                 tr("Market value"), tr("Open P/L"), tr("Currency"),
                                                 tr("Accounts"), tr("Note")});
    m_positionsTable->verticalHeader()->hide();
    m_positionsTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_positionsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_positionsTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_positionsTable, &QTableWidget::itemChanged, this, [this] { updateButtons(); });

    m_ratioSpinBox->setObjectName(QStringLiteral("ratioSpinBox"));
    m_ratioSpinBox->setValue(defaultRatio);
    m_ratioSpinBox->setToolTip(tr("Stop = peak \u00d7 ratio, for the tickers this import adds"));

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importPushButton"));
    m_importButton->setEnabled(false);
    m_importButton->setDefault(true);
    connect(m_importButton, &QPushButton::clicked, this, &ImportPositionsDialog::importChecked);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *accountsRow = new QHBoxLayout;
    accountsRow->addWidget(m_accountsList, 1);
    accountsRow->addWidget(m_reloadButton, 0, Qt::AlignTop);

    auto *ratioForm = new QFormLayout;
    ratioForm->addRow(tr("Stop &ratio for new tickers:"), m_ratioSpinBox);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(new QLabel(tr("Accounts:"), this));
    layout->addLayout(accountsRow);
    layout->addWidget(new QLabel(tr("Positions in the checked accounts:"), this));
    layout->addWidget(m_positionsTable, 1);
    layout->addLayout(ratioForm);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);
}

ImportPositionsDialog::~ImportPositionsDialog() = default;

void ImportPositionsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_loadedOnce) {
        m_loadedOnce = true;
        reloadAccounts();
    }
}

void ImportPositionsDialog::reloadAccounts()
{
    const int generation = ++m_generation;
    ++m_pending;
    m_preview.reset();
    m_positionsTable->setRowCount(0);
    setStatus(tr("Asking Questrade for your accounts\u2026"), false);
    updateButtons();
    m_import.fetchAccounts(this, [this, generation](Result<QList<BrokerAccount>> accounts) {
        --m_pending;
        if (generation == m_generation)
            showAccounts(accounts);
        updateButtons();
    });
}

void ImportPositionsDialog::showAccounts(const Result<QList<BrokerAccount>> &accounts)
{
    const QSignalBlocker blocker(m_accountsList);
    m_accountsList->clear();
    if (!accounts.ok()) {
        m_accounts.clear();
        setStatus(tr("The accounts could not be read: %1 Check the connection to Questrade, then press "
                     "Reload.")
                      .arg(accounts.error().message),
                  true);
        return;
    }
    m_accounts = accounts.value();
    if (m_accounts.isEmpty()) {
        setStatus(tr("Questrade lists no account for this login."), true);
        return;
    }
    for (const BrokerAccount &account : std::as_const(m_accounts)) {
        QString text = tr("%1 %2", "account type, then number").arg(account.type, account.number);
        if (account.isPrimary)
            text += tr(" (primary)");
        if (!account.status.isEmpty() && account.status != QLatin1String("Active"))
            text += tr(" \u2014 %1", "account status").arg(account.status);
        auto *item = new QListWidgetItem(text, m_accountsList);
        item->setData(kNumberRole, account.number);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    refreshPreview();
}

QList<BrokerAccount> ImportPositionsDialog::checkedAccounts() const
{
    QList<BrokerAccount> checked;
    for (int row = 0; row < m_accountsList->count(); ++row) {
        const QListWidgetItem *item = m_accountsList->item(row);
        if (item->checkState() != Qt::Checked)
            continue;
        const QString number = item->data(kNumberRole).toString();
        for (const BrokerAccount &account : m_accounts) {
            if (account.number == number)
                checked.append(account);
        }
    }
    return checked;
}

void ImportPositionsDialog::refreshPreview()
{
    const int generation = ++m_generation;
    m_preview.reset();
    m_positionsTable->setRowCount(0);
    const QList<BrokerAccount> accounts = checkedAccounts();
    if (accounts.isEmpty()) {
        setStatus(tr("Check at least one account."), false);
        updateButtons();
        return;
    }
    ++m_pending;
    setStatus(tr("Reading the positions\u2026"), false);
    updateButtons();
    m_import.preview(accounts, this, [this, generation](Result<ImportPreview> preview) {
        --m_pending;
        if (generation == m_generation)
            showPreview(preview);
        updateButtons();
    });
}

void ImportPositionsDialog::showPreview(const Result<ImportPreview> &preview)
{
    const QSignalBlocker blocker(m_positionsTable);
    m_positionsTable->setRowCount(0);
    if (!preview.ok()) {
        const bool unknown = preview.error().code == ErrorCode::AccountNotFound;
        setStatus(unknown ? tr("%1 Press Reload to read the accounts again.").arg(preview.error().message)
                          : preview.error().message,
                  true);
        return;
    }
    m_preview = preview.value();
    const QList<ImportCandidate> &candidates = m_preview->candidates;
    m_positionsTable->setRowCount(int(candidates.size()));
    int importable = 0;
    int skipped = 0;
    for (int row = 0; row < candidates.size(); ++row) {
        const ImportCandidate &candidate = candidates.at(row);
        auto *ticker = new QTableWidgetItem(candidate.ticker);
        ticker->setData(Qt::UserRole, candidate.ticker);
        QString note;
        switch (candidate.kind) {
        case PositionMapping::Kind::Stock:
            note = candidate.watched ? tr("Already watched: keeps its peak and stop; position shown")
                   : candidate.averageEntryPrice
                       ? tr("New: entry %1").arg(Formatting::price(candidate.averageEntryPrice))
                       : tr("New: no entry price known");
            break;
        case PositionMapping::Kind::Short:
            note = tr("Short position: not imported (a trailing stop guards long positions)");
            break;
        case PositionMapping::Kind::Option:
            note = tr("Option: not imported (only stocks and ETFs can be watched)");
            break;
        case PositionMapping::Kind::Closed:
            note = tr("Closed today: nothing held");
            break;
        case PositionMapping::Kind::Unsupported:
            note = tr("Not a ticker Trailguard can watch");
            break;
        }
        if (candidate.importable()) {
            ticker->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            ticker->setCheckState(Qt::Checked);
            ++importable;
        } else {
            ticker->setFlags(Qt::ItemIsUserCheckable); // shown unchecked and disabled
            ticker->setCheckState(Qt::Unchecked);
            ++skipped;
        }
        m_positionsTable->setItem(row, Ticker, ticker);
        m_positionsTable->setItem(row, Quantity, numberItem(quantity(candidate.quantity)));
        m_positionsTable->setItem(row, AverageEntry,
                                  numberItem(Formatting::price(candidate.averageEntryPrice)));
        m_positionsTable->setItem(row, MarketValue, numberItem(amount(candidate.marketValue)));
        m_positionsTable->setItem(row, OpenPnl, numberItem(amount(candidate.openPnl)));
        m_positionsTable->setItem(row, Currency, new QTableWidgetItem(candidate.currency));
        m_positionsTable->setItem(row, Accounts,
                                  new QTableWidgetItem(candidate.accounts.join(QStringLiteral(", "))));
        auto *noteItem = new QTableWidgetItem(note);
        noteItem->setToolTip(note);
        m_positionsTable->setItem(row, Note, noteItem);
    }
    m_positionsTable->resizeColumnsToContents();
    if (candidates.isEmpty())
        setStatus(tr("The checked accounts hold no positions."), false);
    else if (skipped > 0)
        setStatus(
            tr("%n position(s) can be imported; %1 cannot (see Note).", nullptr, importable).arg(skipped),
            false);
    else
        setStatus(tr("%n position(s) can be imported.", nullptr, importable), false);
}

QStringList ImportPositionsDialog::checkedTickers() const
{
    QStringList tickers;
    for (int row = 0; row < m_positionsTable->rowCount(); ++row) {
        const QTableWidgetItem *item = m_positionsTable->item(row, Ticker);
        if (item && (item->flags() & Qt::ItemIsEnabled) && item->checkState() == Qt::Checked)
            tickers.append(item->data(Qt::UserRole).toString());
    }
    return tickers;
}

void ImportPositionsDialog::importChecked()
{
    if (!m_preview || isBusy())
        return;
    const Result<ImportSummary> summary =
        m_import.apply(*m_preview, checkedTickers(), m_ratioSpinBox->value());
    if (!summary.ok()) {
        setStatus(tr("The positions could not be saved: %1").arg(summary.error().message), true);
        return;
    }
    if (!summary.value().failed.isEmpty()) {
        // Shown in the window's status bar too; the import of the others was stored.
        setStatus(summary.value().problems.join(QLatin1Char(' ')), true);
    }
    Q_EMIT imported(summary.value());
    accept();
}

void ImportPositionsDialog::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setProperty("error", error);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
}

void ImportPositionsDialog::updateButtons()
{
    m_reloadButton->setEnabled(m_pending == 0);
    m_importButton->setEnabled(m_pending == 0 && m_preview && !checkedTickers().isEmpty());
}

} // namespace trailguard::ui
