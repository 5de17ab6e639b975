#pragma once

#include "history/ChartSeries.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace trailguard::ui {

class ChartReadWorker;
class PriceChartPanel;

// Puts a ticker's chart on the panel without the GUI thread waiting for the disk. Each request is read on
// the controller's worker thread (the reader opens its own SQLite connection there: connections cannot
// cross threads) and the series comes back by a queued signal. A result for a ticker the user has left
// meanwhile is dropped, and requests overtaken by newer ones are not read at all.
//
// While a ticker's first series loads the panel says "Loading AAPL…"; a refresh of the ticker already
// shown keeps its chart until the new series arrives, so a monitor cycle does not make the chart blink.
class ChartController : public QObject {
    Q_OBJECT
public:
    // Reads one ticker's series. Called on the worker thread only.
    using Reader = std::function<ChartSeries(const QString &ticker)>;
    // Called once on the worker thread, before its first read: opens what the reader needs there (its own
    // database connection) and returns the reader.
    using ReaderFactory = std::function<Reader()>;

    explicit ChartController(PriceChartPanel &panel, QObject *parent = nullptr);
    // Stops the worker; a read in progress is finished first (reads take milliseconds).
    ~ChartController() override;

    // Where series come from; replaces the reader (the next read opens the new one). Without a source the
    // panel says there is no history.
    void setSource(ReaderFactory open);
    bool hasSource() const { return static_cast<bool>(m_open); }

    // Shows `ticker` (reads its series on the worker).
    void show(const QString &ticker);
    // Shows no chart but `message`; a read still running for an earlier ticker is dropped.
    void showMessage(const QString &message);

    // The ticker last asked for (empty after showMessage).
    QString ticker() const { return m_ticker; }
    // Between show() and the arrival of its series.
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // The series of `ticker` is on the panel.
    void seriesShown(const QString &ticker);
    // The series of `ticker` arrived after the user had moved on (another ticker, or a message); dropped.
    void staleSeriesDropped(const QString &ticker);

private:
    void apply(quint64 request, const trailguard::ChartSeries &series);

    PriceChartPanel &m_panel;
    ReaderFactory m_open;
    QThread *m_thread;
    ChartReadWorker *m_worker; // lives on m_thread
    // The newest request; the worker skips older ones still queued, the controller drops their results.
    std::shared_ptr<std::atomic<quint64>> m_latest;
    quint64 m_request = 0;
    QString m_ticker;
    QString m_shownTicker; // the ticker whose series (or "no history") the panel shows
    bool m_loading = false;
};

} // namespace trailguard::ui
