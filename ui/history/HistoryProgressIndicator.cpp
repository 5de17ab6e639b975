#include "history/HistoryProgressIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace trailguard::ui {

HistoryProgressIndicator::HistoryProgressIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("historyProgressWidget"));
    m_label->setObjectName(QStringLiteral("historyProgressLabel"));
    m_bar->setObjectName(QStringLiteral("historyProgressBar"));
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(90);
    m_bar->setMaximumHeight(fontMetrics().height());
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    setToolTip(tr("Loading a year of daily prices for the watched tickers"));
    hide();
}

void HistoryProgressIndicator::setProgress(int done, int total)
{
    if (total <= 0 || done >= total) {
        hide();
        return;
    }
    m_label->setText(tr("Price history %1/%2").arg(done).arg(total));
    m_bar->setRange(0, total);
    m_bar->setValue(done);
    show();
}

} // namespace trailguard::ui
