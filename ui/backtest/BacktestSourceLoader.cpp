#include "backtest/BacktestSourceLoader.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

namespace trailguard::ui {

namespace {
// The translation context the messages had when the dialog read its sources itself.
class BacktestSourceLoaderText {
    Q_DECLARE_TR_FUNCTIONS(trailguard::ui::BacktestDialog)
};

BacktestSource failure(const QString &message)
{
    return BacktestSource{{}, {}, Error{ErrorCode::InvalidCsv, message}};
}
} // namespace

BacktestSourceLoader::BacktestSourceLoader(QObject *parent)
    : QObject(parent)
{}

// A running load finishes on its worker and its result is dropped with the watcher.
BacktestSourceLoader::~BacktestSourceLoader() = default;

void BacktestSourceLoader::loadCsv(const QString &path, const QString &ticker)
{
    start([path, ticker] { return readCsv(path, ticker); });
}

void BacktestSourceLoader::loadStored(StoredPrices storedPrices, const QString &ticker)
{
    start([storedPrices = std::move(storedPrices), ticker] { return readStored(storedPrices, ticker); });
}

void BacktestSourceLoader::start(std::function<BacktestSource()> job)
{
    if (m_watcher) {
        m_watcher->disconnect(this);
        m_watcher->deleteLater();
    }
    auto *watcher = new QFutureWatcher<BacktestSource>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const BacktestSource source = watcher->result();
        watcher->deleteLater();
        m_watcher.clear();
        Q_EMIT loaded(source);
    });
    watcher->setFuture(QtConcurrent::run(std::move(job)));
}

BacktestSource BacktestSourceLoader::readStored(const StoredPrices &storedPrices, const QString &ticker)
{
    const Result<QList<PriceRow>> rows = storedPrices(ticker);
    if (!rows) {
        return BacktestSource{{},
                              {},
                              Error{rows.error().code,
                                    BacktestSourceLoaderText::tr("Could not read the stored prices of %1: %2")
                                        .arg(ticker, rows.error().message)}};
    }
    if (rows.value().isEmpty())
        return BacktestSource{ReplaySeries{ticker, {}}, {}, std::nullopt};
    const QList<ReplaySeries> series = Replay::seriesFromRows(rows.value(), ticker);
    return BacktestSource{series.constFirst(),
                          BacktestSourceLoaderText::tr("Stored daily prices of %1").arg(ticker),
                          std::nullopt};
}

BacktestSource BacktestSourceLoader::readCsv(const QString &path, const QString &ticker)
{
    const QString fileName = QFileInfo(path).fileName();
    const Result<QList<PriceRow>> rows = PriceCsv::readFile(path);
    if (!rows)
        return failure(
            BacktestSourceLoaderText::tr("Could not load %1: %2").arg(fileName, rows.error().message));
    if (rows.value().isEmpty())
        return failure(BacktestSourceLoaderText::tr("Could not load %1: it has no prices.").arg(fileName));
    // With a symbol column, the ticker's rows (or the only symbol's); without, the rows are the ticker's
    // (or, with no ticker, named after the file, as the replay command does).
    const QString fallback = ticker.isEmpty() ? QFileInfo(path).completeBaseName().toUpper() : ticker;
    const QList<ReplaySeries> series = Replay::seriesFromRows(rows.value(), fallback);
    const ReplaySeries *chosen = nullptr;
    for (const ReplaySeries &one : series) {
        if (one.ticker.compare(fallback, Qt::CaseInsensitive) == 0)
            chosen = &one;
    }
    if (!chosen && series.size() == 1)
        chosen = &series.constFirst();
    if (!chosen) {
        QStringList symbols;
        for (const ReplaySeries &one : series)
            symbols << one.ticker;
        return failure(BacktestSourceLoaderText::tr("Could not load %1: it has prices of %2 but none of %3.")
                           .arg(fileName, QLocale().createSeparatedList(symbols), fallback));
    }
    return BacktestSource{*chosen, BacktestSourceLoaderText::tr("%1 from %2").arg(chosen->ticker, fileName),
                          std::nullopt};
}

} // namespace trailguard::ui
