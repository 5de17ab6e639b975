#include "portfolio/PortfolioView.h"

#include "Banner.h"
#include "DialogHost.h"
#include "WatchlistModel.h"
#include "portfolio/ImportPositionsDialog.h"

#include "portfolio/Portfolio.h"
#include "portfolio/PortfolioImport.h"
#include "portfolio/PortfolioSync.h"
#include "watchlist/WatchlistService.h"

#include <QBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStatusBar>

namespace trailguard::ui {

namespace {
constexpr int kStatusTimeoutMs = 10'000;
}

PortfolioView::PortfolioView(Services services, WatchlistService &watchlist, WatchlistModel &model,
                             QStatusBar &statusBar, QBoxLayout &bannerLayout, int bannerIndex,
                             QWidget *window)
    : QObject(window)
    , m_services(services)
    , m_watchlist(watchlist)
    , m_model(model)
    , m_statusBar(statusBar)
    , m_window(window)
    , m_totalsLabel(new QLabel(window))
    , m_banner(new Banner(window))
    , m_keepButton(nullptr)
    , m_stopButton(nullptr)
    , m_dialogs(new DialogHost(this))
{
    m_totalsLabel->setObjectName(QStringLiteral("portfolioTotalsLabel"));
    m_totalsLabel->setToolTip(tr("Market value of the watched tickers you hold, per currency"));
    m_statusBar.addPermanentWidget(m_totalsLabel);
    m_totalsLabel->hide();

    m_banner->setObjectName(QStringLiteral("positionsClosedBannerFrame"));
    m_banner->setIcon(QStyle::SP_MessageBoxQuestion);
    m_keepButton = m_banner->addButton(tr("&Keep Watching"), QStringLiteral("keepWatchingPushButton"));
    m_stopButton = m_banner->addButton(tr("&Stop Watching"), QStringLiteral("stopWatchingPushButton"));
    connect(m_keepButton, &QPushButton::clicked, this, &PortfolioView::keepWatching);
    connect(m_stopButton, &QPushButton::clicked, this, &PortfolioView::stopWatching);
    bannerLayout.insertWidget(bannerIndex, m_banner);
    m_banner->hide();

    if (m_services.portfolio)
        connect(m_services.portfolio, &Portfolio::changed, this, &PortfolioView::updateTotals);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_model, signal, this, &PortfolioView::updateTotals);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &PortfolioView::updateTotals);
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &PortfolioView::updateTotals);
    connect(&m_watchlist, &WatchlistService::stockRemoved, this, [this](const QString &ticker) {
        if (m_disappeared.removeAll(ticker) > 0)
            askAboutDisappeared({});
    });
    if (m_services.sync) {
        connect(m_services.sync, &PortfolioSync::positionsDisappeared, this,
                &PortfolioView::askAboutDisappeared);
        connect(m_services.sync, &PortfolioSync::syncFinished, this, &PortfolioView::showSyncResult);
    }
    updateTotals();
}

PortfolioView::~PortfolioView() = default;

ImportPositionsDialog *PortfolioView::importDialog() const
{
    return m_dialogs->find<ImportPositionsDialog>();
}

void PortfolioView::openImportDialog(double defaultRatio)
{
    m_dialogs->raiseOrCreate<ImportPositionsDialog>(
        [&] {
            auto *dialog = new ImportPositionsDialog(*m_services.import, defaultRatio, m_window);
            connect(dialog, &ImportPositionsDialog::imported, this, &PortfolioView::showImportResult);
            return dialog;
        },
        DialogHost::Modality::WindowModal);
}

void PortfolioView::showImportResult(const ImportSummary &summary)
{
    QStringList parts;
    if (!summary.added.isEmpty())
        parts << tr("added %1").arg(summary.added.join(QStringLiteral(", ")));
    if (!summary.updated.isEmpty())
        parts << tr("position data for %1").arg(summary.updated.join(QStringLiteral(", ")));
    if (!summary.failed.isEmpty())
        parts << tr("not added: %1 (%2)")
                     .arg(summary.failed.join(QStringLiteral(", ")), summary.problems.join(QLatin1Char(' ')));
    m_statusBar.showMessage(parts.isEmpty()
                                ? tr("Accounts imported; no position was picked.")
                                : tr("Positions imported: %1.").arg(parts.join(QStringLiteral("; "))),
                            kStatusTimeoutMs);
    updateTotals();
}

void PortfolioView::showSyncResult(const PortfolioSyncReport &report)
{
    if (!report.ok())
        m_statusBar.showMessage(tr("Positions not updated: %1").arg(report.problems.join(QLatin1Char(' '))),
                                kStatusTimeoutMs);
}

void PortfolioView::askAboutDisappeared(const QStringList &tickers)
{
    for (const QString &ticker : tickers) {
        if (!m_disappeared.contains(ticker))
            m_disappeared.append(ticker);
    }
    if (m_disappeared.isEmpty()) {
        m_banner->hide();
        return;
    }
    m_disappeared.sort();
    m_banner->setMessage(tr("No longer held: %1.", nullptr, int(m_disappeared.size()))
                             .arg(m_disappeared.join(QStringLiteral(", "))),
                         tr("The imported accounts do not hold %n of these any more. Keep watching?", nullptr,
                            int(m_disappeared.size())));
    m_banner->show();
}

void PortfolioView::keepWatching()
{
    m_disappeared.clear();
    m_banner->hide();
}

void PortfolioView::stopWatching()
{
    const QStringList tickers = m_disappeared;
    m_disappeared.clear();
    m_banner->hide();
    QStringList problems;
    for (const QString &ticker : tickers) {
        if (Status removed = m_watchlist.remove(ticker);
            !removed.ok() && removed.error().code != ErrorCode::UnknownTicker)
            problems << removed.error().message;
    }
    m_statusBar.showMessage(problems.isEmpty()
                                ? tr("Stopped watching %1.").arg(tickers.join(QStringLiteral(", ")))
                                : problems.join(QLatin1Char(' ')),
                            kStatusTimeoutMs);
}

void PortfolioView::updateTotals()
{
    if (!m_services.portfolio) {
        m_totalsLabel->hide();
        return;
    }
    QList<StockState> watched;
    for (int row = 0; row < m_model.rowCount(); ++row)
        watched.append(m_model.stockAt(row));
    const QMap<QString, double> totals = m_services.portfolio->watchedValueByCurrency(watched);
    if (totals.isEmpty()) {
        m_totalsLabel->hide();
        return;
    }
    QStringList parts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        parts << tr("%1 %2", "currency, then amount")
                     .arg(it.key().isEmpty() ? tr("(unknown currency)") : it.key(),
                          QLocale().toString(it.value(), 'f', 2));
    m_totalsLabel->setText(tr("Held: %1").arg(parts.join(QStringLiteral(" \u00b7 "))));
    m_totalsLabel->show();
}

} // namespace trailguard::ui
