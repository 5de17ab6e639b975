#include "StatusPanel.h"

#include "CycleCostLabel.h"

#include "monitor/Monitor.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace trailguard::ui {

namespace {
constexpr int kErrorWidthInCharacters = 48;

QLabel *addLabel(QStatusBar &statusBar, const char *objectName)
{
    auto *label = new QLabel(&statusBar);
    label->setObjectName(QLatin1String(objectName));
    statusBar.addPermanentWidget(label);
    return label;
}
} // namespace

StatusPanel::StatusPanel(QStatusBar &statusBar, QObject *parent)
    : QObject(parent)
    , m_connectionLabel(addLabel(statusBar, "connectionStateLabel"))
    , m_lastCheckLabel(addLabel(statusBar, "lastCheckLabel"))
    , m_nextCheckLabel(addLabel(statusBar, "nextCheckLabel"))
    , m_errorLabel(addLabel(statusBar, "lastErrorLabel"))
    , m_feedLabel(addLabel(statusBar, "quoteFeedLabel"))
    , m_cycleCost(new CycleCostLabel(statusBar, this))
{
    m_feedLabel->hide();
    m_connectionLabel->hide();
    m_nextCheckLabel->hide();
    m_errorLabel->hide();
    m_lastCheckLabel->setText(tr("Last check: %1").arg(tr("not yet")));
    m_lastCheckLabel->hide();
}

StatusPanel::~StatusPanel() = default;

void StatusPanel::setMarketState(const MarketState &state)
{
    if (!m_marketLabel) {
        auto *statusBar = qobject_cast<QStatusBar *>(m_connectionLabel->parentWidget());
        if (!statusBar)
            return;
        m_marketLabel = addLabel(*statusBar, "marketStateLabel");
    }
    m_marketText = MarketHours::describe(state, QDateTime::currentDateTimeUtc());
    m_marketLabel->setText(m_marketText);
    m_marketLabel->setToolTip(
        state.known && !state.open
            ? tr("Prices are checked while a watched market is open; Check Now works at any time.")
            : QString());
    m_marketLabel->setVisible(!m_marketText.isEmpty());
    Q_EMIT changed();
}

void StatusPanel::setDemoMode(bool demo)
{
    m_demo = demo;
    updateConnectionLabel();
    Q_EMIT changed();
}

void StatusPanel::setConnectionState(ConnectionState state, const QString &message)
{
    m_state = state;
    m_message = message;
    updateConnectionLabel();
    Q_EMIT changed();
}

void StatusPanel::updateConnectionLabel()
{
    if (!m_state && !m_demo)
        return;
    QString text;
    switch (m_state.value_or(ConnectionState::Connected)) {
    case ConnectionState::NotConfigured:
        text = tr("Questrade: not connected");
        break;
    case ConnectionState::Connecting:
        text = tr("Questrade: connecting\u2026");
        break;
    case ConnectionState::Connected:
        text = tr("Questrade: connected");
        break;
    case ConnectionState::Offline:
        text = tr("Questrade: offline");
        break;
    case ConnectionState::Disconnected:
        text = tr("Questrade: disconnected");
        break;
    }
    m_connectionLabel->setText(m_demo ? tr("Demo market") : text);
    m_connectionLabel->setToolTip(m_message);
    m_connectionLabel->show();
}

void StatusPanel::showCycleStarted()
{
    m_cycleRunning = true;
    m_lastCheckLabel->setText(tr("Checking\u2026"));
    m_lastCheckLabel->show();
    Q_EMIT changed();
}

void StatusPanel::showCycleReport(const CycleReport &report)
{
    m_cycleRunning = false;
    m_cycleCost->noteCycle(report);
    if (report.finishedAt.isValid())
        m_lastCheck = report.finishedAt;
    m_lastError = report.ok ? QString() : report.error;
    m_lastCheckLabel->setText(
        tr("Last check: %1").arg(m_lastCheck.isValid() ? shortTime(m_lastCheck) : tr("not yet")));
    m_lastCheckLabel->setToolTip(m_lastCheck.isValid()
                                     ? QLocale().toString(m_lastCheck.toLocalTime(), QLocale::LongFormat)
                                     : QString());
    m_lastCheckLabel->show();
    if (m_lastError.isEmpty()) {
        m_errorLabel->clear();
        m_errorLabel->hide();
    } else {
        const QString text = tr("Last check failed: %1").arg(m_lastError);
        const int width = kErrorWidthInCharacters * m_errorLabel->fontMetrics().averageCharWidth();
        m_errorLabel->setText(m_errorLabel->fontMetrics().elidedText(text, Qt::ElideRight, width));
        m_errorLabel->setToolTip(text);
        m_errorLabel->show();
    }
    Q_EMIT changed();
}

void StatusPanel::setNextCheck(const QDateTime &nextCheck)
{
    m_nextCheck = nextCheck;
    m_nextCheckLabel->setVisible(nextCheck.isValid());
    m_nextCheckLabel->setText(nextCheck.isValid() ? tr("Next check: %1").arg(shortTime(nextCheck))
                                                  : QString());
    Q_EMIT changed();
}

void StatusPanel::setQuoteFeedMode(QuoteFeedMode mode)
{
    m_feedMode = mode;
    updateFeedLabel();
}

void StatusPanel::setStreamCoverage(int streamed, int subscribed)
{
    m_streamed = streamed;
    m_subscribed = subscribed;
    if (m_feedMode)
        updateFeedLabel();
}

QString StatusPanel::partlyStreamingText() const
{
    const QLocale locale;
    return tr("streaming %1 of %2 tickers; %3 on polling", "streaming 800 of 1,000 tickers; 200 on polling")
        .arg(locale.toString(m_streamed), locale.toString(m_subscribed),
             locale.toString(m_subscribed - m_streamed));
}

void StatusPanel::updateFeedLabel()
{
    switch (*m_feedMode) {
    case QuoteFeedMode::Streaming:
        m_feedLabel->setText(tr("Quotes: streaming live"));
        m_feedLabel->setToolTip(
            tr("Real-time quotes arrive over Questrade's stream; polling only backs it up."));
        break;
    case QuoteFeedMode::PartlyStreaming:
        m_feedLabel->setText(
            tr("Quotes: %1", "Quotes: streaming 800 of 1,000 tickers; ...").arg(partlyStreamingText()));
        m_feedLabel->setToolTip(
            tr("Some of the streams are not live (refused by the server, or reconnecting): "
               "their tickers are polled every interval meanwhile."));
        break;
    case QuoteFeedMode::Connecting:
        m_feedLabel->setText(tr("Quotes: connecting stream\u2026"));
        m_feedLabel->setToolTip(tr("Setting up the real-time stream; prices are polled meanwhile."));
        break;
    case QuoteFeedMode::Polling:
        m_feedLabel->setText(tr("Quotes: polling"));
        m_feedLabel->setToolTip(tr("Prices are checked every interval (the stream is off or down)."));
        break;
    }
    m_feedLabel->show();
    Q_EMIT changed();
}

QString StatusPanel::summary(int tickerCount) const
{
    QString line;
    const QString lastCheck = m_lastCheck.isValid() ? shortTime(m_lastCheck) : QString();
    switch (m_state.value_or(ConnectionState::Connected)) {
    case ConnectionState::NotConfigured:
        line = tr("No Questrade account connected");
        break;
    case ConnectionState::Disconnected:
        line = tr("Disconnected: reconnect needed");
        break;
    case ConnectionState::Connecting:
        line = tr("Connecting to Questrade\u2026");
        break;
    case ConnectionState::Offline:
        line = lastCheck.isEmpty() ? tr("Offline, retrying")
                                   : tr("Offline, retrying; last check %1").arg(lastCheck);
        break;
    case ConnectionState::Connected: {
        // Spelled out rather than %n, so English reads right without a translation file loaded.
        const QString watching = tickerCount == 1
                                     ? tr("watching 1 ticker")
                                     : tr("watching %1 tickers").arg(QLocale().toString(tickerCount));
        if (m_cycleRunning)
            line = tr("%1, checking now", "watching N tickers, ...").arg(watching);
        else if (lastCheck.isEmpty())
            line = tr("%1, not checked yet", "watching N tickers, ...").arg(watching);
        else
            line = tr("%1, last check %2", "watching N tickers, last check 10:42").arg(watching, lastCheck);
        if (m_feedMode == QuoteFeedMode::Streaming)
            line = tr("%1; quotes streaming live", "watching N tickers, last check 10:42; ...").arg(line);
        else if (m_feedMode == QuoteFeedMode::PartlyStreaming)
            line = tr("%1; %2", "watching N tickers, last check 10:42; streaming 800 of 1,000 tickers; ...")
                       .arg(line, partlyStreamingText());
        break;
    }
    }
    if (m_demo)
        line = tr("Demo market: %1").arg(line);
    if (!m_lastError.isEmpty() && !m_cycleRunning)
        line += QLatin1Char('\n') + tr("Last check failed: %1").arg(m_lastError);
    return line;
}

QString StatusPanel::shortTime(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

} // namespace trailguard::ui
