// The table model taking one cycle of 1,000 updated stocks, behind the sort/filter proxy like in the window.
#include "WatchlistModel.h"
#include "domain/StopLossEngine.h"
#include "storage/Database.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace trailguard;

class WatchlistModelBenchmark : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thousandUpdatedRows();
};

void WatchlistModelBenchmark::thousandUpdatedRows()
{
    constexpr int kTickers = 1000;
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("bench.sqlite")));
    QVERIFY(db.ok());
    StockRepository repository(db.value()->connection());
    SystemClock clock;
    WatchlistService service(repository, clock);
    for (int i = 0; i < kTickers; ++i)
        QVERIFY(service.add(QStringLiteral("T%1.TO").arg(i, 4, 10, QLatin1Char('0')), 0.9).ok());

    ui::WatchlistModel model(service);
    QVERIFY(model.reload().ok());
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(int(ui::WatchlistModel::Role::Sort));
    proxy.setDynamicSortFilter(true);
    proxy.sort(4); // by distance to stop, which every update changes
    QTableView view;
    view.setModel(&proxy);
    view.resize(1000, 600);
    view.show();

    QList<StockState> stocks = service.stocks().value();
    int round = 0;
    QElapsedTimer timer;
    qint64 rounds = 0;
    timer.start();
    QBENCHMARK
    {
        ++round;
        const QDateTime now = clock.now();
        for (int i = 0; i < kTickers; ++i)
            stocks[i] = StopLossEngine::apply(
                            stocks[i], {stocks[i].ticker, 100.0 + ((i * 7 + round) % 50) * 0.1, now}, now)
                            .state;
        // What the model receives after a cycle is saved; the save itself is measured in bench_core.
        Q_EMIT service.stocksChanged(stocks);
        QCoreApplication::processEvents();
        ++rounds;
    }
    qInfo("FIGURE model: %d updated rows taken by the model (+proxy, +view): %.2f ms per cycle", kTickers,
          timer.nsecsElapsed() / 1e6 / double(rounds));
}

QTEST_MAIN(WatchlistModelBenchmark)
#include "bench_watchlistmodel.moc"
