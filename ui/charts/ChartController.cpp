#include "charts/ChartController.h"

#include "charts/PriceChartPanel.h"

#include <QThread>

#include <limits>

namespace trailguard::ui {

// Lives on the controller's thread: opens the reader there on the first read and reads one request at a
// time, skipping those a newer request has overtaken while they waited in the queue.
class ChartReadWorker : public QObject {
    Q_OBJECT
public:
    explicit ChartReadWorker(std::shared_ptr<std::atomic<quint64>> latest)
        : m_latest(std::move(latest))
    {}

    void setSource(const ChartController::ReaderFactory &open)
    {
        m_reader = {}; // closes the old reader's connection, here on its own thread
        m_open = open;
    }

    void read(quint64 request, const QString &ticker)
    {
        if (request != m_latest->load())
            return;
        if (!m_reader && m_open)
            m_reader = m_open();
        ChartSeries series = m_reader ? m_reader(ticker) : ChartSeries{};
        series.ticker = ticker;
        Q_EMIT seriesRead(request, series);
    }

Q_SIGNALS:
    void seriesRead(quint64 request, const trailguard::ChartSeries &series);

private:
    std::shared_ptr<std::atomic<quint64>> m_latest;
    ChartController::ReaderFactory m_open;
    ChartController::Reader m_reader;
};

ChartController::ChartController(PriceChartPanel &panel, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_thread(new QThread(this))
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<trailguard::ChartSeries>();
    m_worker = new ChartReadWorker(m_latest);
    m_worker->moveToThread(m_thread);
    m_thread->setObjectName(QStringLiteral("chart"));
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ChartReadWorker::seriesRead, this, &ChartController::apply, Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
}

ChartController::~ChartController()
{
    m_latest->store(std::numeric_limits<quint64>::max()); // nothing queued is read any more
    m_thread->quit();
    m_thread->wait();
}

void ChartController::setSource(ReaderFactory open)
{
    m_open = std::move(open);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, open = m_open] { worker->setSource(open); }, Qt::QueuedConnection);
}

void ChartController::show(const QString &ticker)
{
    if (!m_open) {
        showMessage(tr("No price history yet for %1").arg(ticker));
        m_ticker = ticker;
        return;
    }
    m_ticker = ticker;
    const quint64 request = ++m_request;
    m_latest->store(request);
    m_loading = true;
    if (m_shownTicker != ticker) {
        m_shownTicker.clear();
        m_panel.clear(tr("Loading %1\u2026").arg(ticker));
    }
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, ticker] { worker->read(request, ticker); },
        Qt::QueuedConnection);
}

void ChartController::showMessage(const QString &message)
{
    m_latest->store(++m_request); // drops a read still on its way
    m_loading = false;
    m_ticker.clear();
    m_shownTicker.clear();
    m_panel.clear(message);
}

void ChartController::apply(quint64 request, const ChartSeries &series)
{
    if (request != m_request) {
        Q_EMIT staleSeriesDropped(series.ticker); // the user moved on (or asked again) meanwhile
        return;
    }
    m_loading = false;
    m_shownTicker = series.ticker;
    m_panel.setSeries(series);
    Q_EMIT seriesShown(series.ticker);
}

} // namespace trailguard::ui

#include "ChartController.moc"
