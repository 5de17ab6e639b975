// ChartController: the window's chart read on a worker thread (its own SQLite connection), delivered by a
// queued signal, stale results dropped, and the GUI thread responsive while a year of history loads.
#include "GuiTestMain.h"
#include "TestSupport.h"

#include "charts/ChartController.h"
#include "charts/PriceChartPanel.h"
#include "charts/StoredChartReader.h"

#include "history/ChartDataProvider.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"
#include "storage/PriceHistoryRepository.h"
#include "storage/StockRepository.h"
#include "watchlist/WatchlistService.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <atomic>
#include <cmath>

using namespace trailguard;
using trailguard::test::toronto;
using trailguard::ui::ChartController;
using trailguard::ui::PriceChartPanel;

namespace {
const QString kTicker = QStringLiteral("BIG.TO");
constexpr int kTickMs = 10;
// Generous: the machine may be busy with other builds; what matters is that the read is not on this thread.
constexpr qint64 kMaxGapMs = 200;

// A year of 5-minute candles, every weekday 9:30-16:00 in Toronto (78 a day), on a wavy climb.
QList<Candle> aYearOfFiveMinuteCandles()
{
    QList<Candle> candles;
    const QDate first(2025, 1, 2);
    for (QDate day = first; day < first.addYears(1); day = day.addDays(1)) {
        if (day.dayOfWeek() > 5)
            continue;
        const QDateTime open = toronto(day.year(), day.month(), day.day(), 9, 30);
        for (int i = 0; i < 78; ++i) {
            const double x = candles.size() / 78.0;
            Candle candle;
            candle.start = open.addSecs(i * 300);
            candle.end = candle.start.addSecs(300);
            candle.close = 100 + x / 5 + 3 * std::sin(x / 7) + std::sin(i / 5.0);
            candle.open = candle.high = candle.low = candle.close;
            candles.append(candle);
        }
    }
    return candles;
}

// A source whose reads the test controls: "SLOW" blocks the worker until released; every read is logged.
struct ScriptedSource {
    QSemaphore release;
    std::atomic<bool> slowStarted{false};
    QMutex mutex;
    QStringList read; // guarded by mutex

    ChartController::ReaderFactory factory()
    {
        return [this]() -> ChartController::Reader {
            return [this](const QString &ticker) {
                {
                    QMutexLocker lock(&mutex);
                    read << ticker;
                }
                if (ticker == QLatin1String("SLOW")) {
                    slowStarted = true;
                    release.acquire();
                }
                ChartSeries series;
                series.ticker = ticker;
                series.prices = {{toronto(2026, 3, 9, 10), 10}, {toronto(2026, 3, 9, 11), 11}};
                return series;
            };
        };
    }
    QStringList reads()
    {
        QMutexLocker lock(&mutex);
        return read;
    }
};
} // namespace

class TestChartController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("trailguard.sqlite"));
        QVERIFY(test::watchTicker(m_file, kTicker, 100));
        auto db = Database::open(m_file);
        QVERIFY(db);
        m_candles = aYearOfFiveMinuteCandles();
        QVERIFY(PriceHistoryRepository(db.value()->connection())
                    .storeCandles(kTicker, CandleInterval::FiveMinutes, m_candles));
    }

    void aYearOfFiveMinuteHistoryLoadsWhileTheGuiThreadStaysResponsive()
    {
        PriceChartPanel panel;
        panel.resize(900, 400);
        panel.show();
        ChartController controller(panel);
        controller.setSource(ui::storedChartReader(m_file));
        QSignalSpy shown(&controller, &ChartController::seriesShown);

        // The event loop's latency while the series loads: the longest gap between 10 ms ticks.
        QElapsedTimer clock;
        qint64 lastTick = 0;
        qint64 maxGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(kTickMs);
        connect(&ticker, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            if (controller.isLoading()) {
                maxGap = std::max(maxGap, now - lastTick);
                ++ticks;
            }
            lastTick = now;
        });
        clock.start();
        ticker.start();
        controller.show(kTicker);
        QVERIFY(controller.isLoading());
        QCOMPARE(panel.placeholderText(), QStringLiteral("Loading %1\u2026").arg(kTicker));

        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 60000);
        const qint64 loadMs = clock.elapsed();
        ticker.stop();
        QCOMPARE(shown.constFirst().constFirst().toString(), kTicker);
        QVERIFY(panel.isShowingChart());
        QCOMPARE(panel.series().ticker, kTicker);
        QCOMPARE(panel.series().prices.size(), m_candles.size());
        // Watched from now: the strategy's line covers the whole year before.
        QVERIFY(!panel.series().strategyStops.isEmpty());
        qInfo("FIGURE chart load off the GUI thread: %lld prices in %lld ms; event loop: %d ticks, longest "
              "gap %lld ms",
              qlonglong(m_candles.size()), loadMs, ticks, maxGap);
        QVERIFY2(maxGap < kMaxGapMs, qPrintable(QStringLiteral("longest gap %1 ms").arg(maxGap)));

        // For comparison, what the same read costs when made on the GUI thread (as before the controller).
        auto db = Database::open(m_file);
        QVERIFY(db);
        StockRepository stocks(db.value()->connection());
        SystemClock systemClock;
        WatchlistService watchlist(stocks, systemClock);
        PriceHistoryRepository history(db.value()->connection());
        AlertRepository alerts(db.value()->connection());
        QElapsedTimer sync;
        sync.start();
        const ChartSeries direct = ChartDataProvider(history, watchlist, alerts).series(kTicker);
        qInfo("FIGURE the same read on the calling thread blocks it for %lld ms", sync.elapsed());
        QCOMPARE(direct, panel.series());
        QElapsedTimer apply;
        apply.start();
        panel.setSeries(direct);
        qInfo("FIGURE handing it to the panel (GUI thread, decimated to the plot): %lld ms", apply.elapsed());
    }

    void aResultForATickerLeftMeanwhileIsDropped()
    {
        PriceChartPanel panel;
        ChartController controller(panel);
        ScriptedSource source;
        controller.setSource(source.factory());
        QSignalSpy shown(&controller, &ChartController::seriesShown);
        QSignalSpy dropped(&controller, &ChartController::staleSeriesDropped);

        controller.show(QStringLiteral("SLOW"));
        QTRY_VERIFY(source.slowStarted.load());
        // Asked while SLOW is being read: MID is overtaken by FAST before the worker gets to it.
        controller.show(QStringLiteral("MID"));
        controller.show(QStringLiteral("FAST"));
        QCOMPARE(panel.placeholderText(), QStringLiteral("Loading FAST\u2026"));
        source.release.release();

        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.constFirst().constFirst().toString(), QStringLiteral("FAST"));
        QCOMPARE(panel.series().ticker, QStringLiteral("FAST"));
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.constFirst().constFirst().toString(), QStringLiteral("SLOW"));
        QCOMPARE(source.reads(), (QStringList{QStringLiteral("SLOW"), QStringLiteral("FAST")}));
        QVERIFY(!controller.isLoading());
    }

    void aRefreshKeepsTheShownChartUntilTheNewSeriesArrives()
    {
        PriceChartPanel panel;
        ChartController controller(panel);
        ScriptedSource source;
        controller.setSource(source.factory());
        controller.show(QStringLiteral("FAST"));
        QTRY_VERIFY(panel.isShowingChart());

        controller.show(QStringLiteral("SLOW"));
        QTRY_VERIFY(source.slowStarted.load());
        QVERIFY(!panel.isShowingChart()); // another ticker: "Loading SLOW…"
        source.release.release();
        QTRY_COMPARE(panel.series().ticker, QStringLiteral("SLOW"));

        source.slowStarted = false;
        controller.show(QStringLiteral("SLOW")); // the same ticker again (new prices were stored)
        QTRY_VERIFY(source.slowStarted.load());
        QVERIFY(controller.isLoading());
        QVERIFY(panel.isShowingChart());
        QCOMPARE(panel.series().ticker, QStringLiteral("SLOW"));
        source.release.release();
        QTRY_VERIFY(!controller.isLoading());
        QVERIFY(panel.isShowingChart());
    }

    void aMessageDropsTheReadInFlight()
    {
        PriceChartPanel panel;
        ChartController controller(panel);
        ScriptedSource source;
        controller.setSource(source.factory());
        QSignalSpy shown(&controller, &ChartController::seriesShown);
        QSignalSpy dropped(&controller, &ChartController::staleSeriesDropped);
        controller.show(QStringLiteral("SLOW"));
        QTRY_VERIFY(source.slowStarted.load());
        controller.showMessage(QStringLiteral("Select a ticker to see its chart"));
        QVERIFY(!controller.isLoading());
        source.release.release();
        // The worker answers; the answer must not replace the message.
        QTRY_COMPARE(dropped.size(), 1);
        QCOMPARE(dropped.constFirst().constFirst().toString(), QStringLiteral("SLOW"));
        QVERIFY(shown.isEmpty());
        QCOMPARE(panel.placeholderText(), QStringLiteral("Select a ticker to see its chart"));
    }

    void withoutASourceThereIsNoHistory()
    {
        PriceChartPanel panel;
        ChartController controller(panel);
        controller.show(QStringLiteral("AAPL"));
        QVERIFY(!controller.isLoading());
        QCOMPARE(panel.placeholderText(), QStringLiteral("No price history yet for AAPL"));
    }

private:
    QTemporaryDir m_dir;
    QString m_file;
    QList<Candle> m_candles;
};

TRAILGUARD_GUI_TEST_MAIN(TestChartController)
#include "tst_chartcontroller.moc"
