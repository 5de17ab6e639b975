#include "CycleCostLabel.h"

#include "UiLogging.h"

#include "domain/CycleReport.h"
#include "settings/Settings.h"

#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QStatusBar>

#include <algorithm>
#include <cmath>

namespace trailguard::ui {

namespace {
QString seconds(std::chrono::milliseconds duration)
{
    const double value = std::chrono::duration<double>(duration).count();
    return QLocale().toString(value, 'f', value < 10 ? 1 : 0);
}
} // namespace

CycleCostLabel::CycleCostLabel(QStatusBar &statusBar, QObject *parent)
    : QObject(parent)
    , m_label(new QLabel(&statusBar))
{
    m_label->setObjectName(QStringLiteral("cycleCostLabel"));
    statusBar.addPermanentWidget(m_label);
    m_label->hide();
}

void CycleCostLabel::setTickerCount(int tickers)
{
    if (tickers == m_cost.tickers && m_cost.tickers > 0)
        return;
    m_cost = QuoteCycleCost::estimate(tickers);
    update();
}

void CycleCostLabel::setInterval(std::chrono::seconds interval)
{
    if (interval == m_interval)
        return;
    m_interval = interval;
    update();
}

void CycleCostLabel::followInterval(const Settings &settings)
{
    connect(&settings, &Settings::changed, this,
            [this, &settings] { setInterval(settings.checkInterval()); });
    setInterval(settings.checkInterval());
}

void CycleCostLabel::noteCycle(const CycleReport &report)
{
    // Only a check that quoted every ticker says how long a full one takes.
    if (!report.ok || !report.startedAt.isValid() || !report.finishedAt.isValid() || report.watched <= 0 ||
        report.quoted < report.watched)
        return;
    m_measured = std::chrono::milliseconds(report.startedAt.msecsTo(report.finishedAt));
    m_measuredTickers = report.watched;
    update();
}

std::chrono::milliseconds CycleCostLabel::cycleDuration() const
{
    return m_measured && m_measuredTickers == m_cost.tickers ? *m_measured : m_cost.duration;
}

std::chrono::seconds CycleCostLabel::shortestInterval() const
{
    const auto measured = std::chrono::ceil<std::chrono::seconds>(cycleDuration());
    return m_measured && m_measuredTickers == m_cost.tickers ? std::max(m_cost.shortestInterval, measured)
                                                             : m_cost.shortestInterval;
}

QString CycleCostLabel::text() const
{
    return m_label->text();
}

void CycleCostLabel::update()
{
    if (m_cost.tickers <= 0) {
        m_label->hide();
        m_warning = false;
        return;
    }
    const bool measured = m_measured && m_measuredTickers == m_cost.tickers;
    const QString duration = seconds(cycleDuration());
    const QString shortest = QLocale().toString(qint64(shortestInterval().count()));
    const bool warning = m_interval.count() > 0 && m_interval < shortestInterval();
    QString text = measured
                       ? tr("Full check: %1 s", "how long the last check of every ticker took").arg(duration)
                       : tr("Full check: about %1 s", "estimated from Questrade's rate limits").arg(duration);
    if (warning)
        text = tr("%1 \u2014 interval too short", "full check, then a warning").arg(text);
    m_label->setText(text);
    QPalette palette = m_label->parentWidget()->palette();
    if (warning)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_label->setPalette(palette);
    const RateLimiter::Limits limits = RateLimiter::Options{}.marketData;
    QString tip =
        tr("%n ticker(s), quote requests per check: %1. Questrade allows %2 a second and %3 an hour, so a "
           "check can start every %4 s at the most.",
           nullptr, m_cost.tickers)
            .arg(m_cost.quoteRequests)
            .arg(limits.perSecond)
            .arg(QLocale().toString(limits.perHour))
            .arg(shortest);
    if (warning)
        tip += QLatin1Char('\n') +
               tr("Prices are checked every %1 s: set at least %2 s in Settings > General, or turn on "
                  "streaming.")
                   .arg(m_interval.count())
                   .arg(shortest);
    m_label->setToolTip(tip);
    m_label->show();
    if (warning && !m_warning)
        qCWarning(lcUi,
                  "Checking %d tickers every %lld s is more than Questrade's limits allow: a full check "
                  "takes %s s and %d requests; use an interval of at least %lld s",
                  m_cost.tickers, static_cast<long long>(m_interval.count()), qPrintable(duration),
                  m_cost.quoteRequests, static_cast<long long>(shortestInterval().count()));
    m_warning = warning;
}

} // namespace trailguard::ui
