#pragma once

#include "common/Result.h"
#include "history/PriceCsv.h"
#include "replay/Replay.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

template <typename T>
class QFutureWatcher;

namespace trailguard::ui {

// The prices a backtest replays, as read from one source.
struct BacktestSource {
    ReplaySeries series;        // no rows: nothing to replay (see `error`, else none are stored)
    QString description;        // where the rows came from: "SHOP.TO from shop.csv"
    std::optional<Error> error; // why the source could not be read (the message is ready to show)
};

// Reads a backtest's prices — a CSV file, or a ticker's stored daily prices — on a worker thread, so a
// large file or a long history never stalls the window; loaded() follows on the loader's thread. One load
// at a time: starting another makes the running one's result stale, and it is dropped.
class BacktestSourceLoader : public QObject {
    Q_OBJECT
public:
    // The stored daily prices of a ticker, oldest first (empty when none are stored). Called on a worker
    // thread: it must use its own database connection and capture nothing that may go away.
    using StoredPrices = std::function<Result<QList<PriceRow>>(const QString &ticker)>;

    explicit BacktestSourceLoader(QObject *parent = nullptr);
    ~BacktestSourceLoader() override;

    // The rows of `ticker` in the CSV file (a file without a symbol column is all `ticker`'s; with no
    // ticker, it is named after the file).
    void loadCsv(const QString &path, const QString &ticker);
    void loadStored(StoredPrices storedPrices, const QString &ticker);
    bool isLoading() const { return !m_watcher.isNull(); }

    // The loads themselves, synchronous (the worker runs them).
    static BacktestSource readCsv(const QString &path, const QString &ticker);
    static BacktestSource readStored(const StoredPrices &storedPrices, const QString &ticker);

Q_SIGNALS:
    void loaded(const trailguard::ui::BacktestSource &source);

private:
    void start(std::function<BacktestSource()> job);

    QPointer<QFutureWatcher<BacktestSource>> m_watcher; // the current load; older ones are stale
};

} // namespace trailguard::ui
