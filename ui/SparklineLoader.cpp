#include "SparklineLoader.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent>

namespace trailguard::ui {

SparklineLoader::SparklineLoader(QObject *parent)
    : QObject(parent)
{}

// A running batch finishes on its worker; its result goes with the watcher.
SparklineLoader::~SparklineLoader() = default;

void SparklineLoader::setProvider(Provider provider)
{
    m_provider = std::move(provider);
    ++m_generation;
    m_running = false;
    m_pending.clear();
}

void SparklineLoader::request(const QStringList &tickers)
{
    if (!m_provider)
        return;
    for (const QString &ticker : tickers) {
        if (!m_pending.contains(ticker))
            m_pending.append(ticker);
    }
    if (m_pending.isEmpty() || m_running || m_batchScheduled)
        return;
    // Later requests of this turn of the event loop join the batch.
    m_batchScheduled = true;
    QTimer::singleShot(0, this, &SparklineLoader::startBatch);
}

void SparklineLoader::startBatch()
{
    m_batchScheduled = false;
    if (!m_provider || m_running || m_pending.isEmpty())
        return;
    Job job = m_provider(std::exchange(m_pending, {}));
    if (!job)
        return;
    m_running = true;
    ++m_batchesStarted;
    const int generation = m_generation;
    auto *watcher = new QFutureWatcher<Sparklines>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_running = false;
        Q_EMIT loaded(watcher->result());
        if (!m_pending.isEmpty())
            request({});
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

} // namespace trailguard::ui
