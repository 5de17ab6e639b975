#include "TickerCommands.h"

#include "Formatting.h"
#include "WatchlistTableView.h"

#include "watchlist/WatchlistService.h"

#include <QMessageBox>
#include <QPushButton>

namespace trailguard::ui {

TickerCommands::TickerCommands(WatchlistService &watchlist, WatchlistTableView &table, QWidget &window)
    : QObject(&window)
    , m_watchlist(watchlist)
    , m_table(table)
    , m_window(window)
{}

void TickerCommands::removeCurrent()
{
    const QString ticker = m_table.currentTicker();
    if (ticker.isEmpty())
        return;
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove Ticker"),
                        tr("Remove %1 from the watchlist? Its peak and stop are forgotten.").arg(ticker),
                        QMessageBox::NoButton, &m_window);
    box->setObjectName(QStringLiteral("removeMessageBox"));
    box->setTextFormat(Qt::PlainText);
    QPushButton *removeButton = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    removeButton->setObjectName(QStringLiteral("removePushButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::buttonClicked, this, [this, ticker, removeButton](QAbstractButton *button) {
        if (button != removeButton)
            return;
        const Status removed = m_watchlist.remove(ticker);
        Q_EMIT statusMessage(removed.ok() ? tr("Removed %1.").arg(ticker) : removed.error().message);
    });
    box->open();
}

void TickerCommands::resetCurrentPeak()
{
    const QString ticker = m_table.currentTicker();
    if (ticker.isEmpty())
        return;
    const Result<StockState> reset = m_watchlist.resetPeak(ticker);
    if (!reset.ok()) {
        Q_EMIT statusMessage(reset.error().message);
        return;
    }
    if (reset.value().peak) {
        Q_EMIT statusMessage(
            tr("The peak of %1 restarts at %2; the stop is now %3.")
                .arg(ticker, Formatting::price(reset.value().peak), Formatting::price(reset.value().stop)));
    } else {
        Q_EMIT statusMessage(tr("The peak of %1 is cleared; it restarts at the next price.").arg(ticker));
    }
}

void TickerCommands::editCurrentRatio()
{
    m_table.editCurrentRatio();
}

} // namespace trailguard::ui
