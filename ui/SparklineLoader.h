#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace trailguard::ui {

// Loads the watchlist's "last month" sparklines off the GUI thread, in batches: the tickers asked for
// during one turn of the event loop (a reload, a monitoring cycle's many rows) become one batch, and those
// asked for while a batch runs become the next. loaded() delivers each batch on the loader's thread.
class SparklineLoader : public QObject {
    Q_OBJECT
public:
    // Per ticker, the prices of the last month, oldest first (empty: none stored).
    using Sparklines = QHash<QString, QList<double>>;
    // Reads one batch; runs on a worker thread, so it opens its own database connection.
    using Job = std::function<Sparklines()>;
    // Called on the GUI thread with a batch's tickers (so it can read the clock there); returns the job.
    using Provider = std::function<Job(const QStringList &tickers)>;

    explicit SparklineLoader(QObject *parent = nullptr);
    ~SparklineLoader() override;

    // Replaces the provider (empty: none); a batch of the old one still running is dropped.
    void setProvider(Provider provider);
    bool hasProvider() const { return static_cast<bool>(m_provider); }
    // Asks for these tickers' sparklines (nothing without a provider).
    void request(const QStringList &tickers);
    // A batch runs or is about to start.
    bool isLoading() const { return m_running || m_batchScheduled; }
    // Batches started so far (each is one job on a worker).
    int batchesStarted() const { return m_batchesStarted; }

Q_SIGNALS:
    void loaded(const trailguard::ui::SparklineLoader::Sparklines &sparklines);

private:
    void startBatch();

    Provider m_provider;
    QStringList m_pending;
    bool m_batchScheduled = false;
    bool m_running = false;
    int m_generation = 0; // bumped by setProvider: results of older batches are stale
    int m_batchesStarted = 0;
};

} // namespace trailguard::ui
