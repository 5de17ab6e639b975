#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "WatchlistModel.h"

#include "alerts/AlertFormatter.h"
#include "domain/Ticker.h"
#include "history/SparklineHistory.h"
#include "storage/PriceHistoryRepository.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QThread>

#include <atomic>

using namespace trailguard;
using trailguard::ui::WatchlistModel;
using Column = WatchlistModel::Column;
using Proximity = WatchlistModel::StopProximity;

Q_DECLARE_METATYPE(Column)
Q_DECLARE_METATYPE(Proximity)

namespace {
int col(Column column)
{
    return WatchlistModel::column(column);
}

const QString kDash = QStringLiteral("\u2014");
} // namespace

class TestWatchlistModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_model = std::make_unique<WatchlistModel>(m_fixture->service());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_fixture.reset();
    }

    void followsTheServiceUnderTheModelTester()
    {
        QVERIFY(m_fixture->service().add(QStringLiteral("RY.TO"), 0.9).ok());
        QVERIFY(m_model->reload().ok());
        QCOMPARE(m_model->rowCount(), 1);

        QVERIFY(m_fixture->service().add(QStringLiteral("aapl"), 0.85, 180.0).ok());
        QCOMPARE(m_model->rowCount(), 2);
        const QModelIndex aapl = m_model->index(m_model->rowOf(QStringLiteral("AAPL")), col(Column::Stop));
        QCOMPARE(aapl.data().toString(), QStringLiteral("153.00"));

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QVERIFY(m_fixture->service().changeRatio(QStringLiteral("AAPL"), 0.8).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(aapl.data().toString(), QStringLiteral("144.00"));

        QVERIFY(m_fixture->service().remove(QStringLiteral("RY.TO")).ok());
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->rowOf(QStringLiteral("RY.TO")), -1);
        QCOMPARE(m_model->index(0, col(Column::Ticker)).data().toString(), QStringLiteral("AAPL"));
    }

    void reloadReadsWhatIsStored()
    {
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {100.0});
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {});
        WatchlistModel fresh(m_fixture->service());
        QCOMPARE(fresh.rowCount(), 0);
        QVERIFY(fresh.reload().ok());
        QCOMPARE(fresh.rowCount(), 2);
        QCOMPARE(fresh.columnCount(), WatchlistModel::kColumnCount);
        QCOMPARE(fresh.headerData(col(Column::DistanceToStop), Qt::Horizontal).toString(),
                 QStringLiteral("To stop"));
    }

    void display_data()
    {
        QTest::addColumn<double>("ratio");
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<double>("entry"); // 0 = none
        QTest::addColumn<QString>("currency");
        QTest::addColumn<Column>("column");
        QTest::addColumn<QString>("expected");

        const QList<double> none;
        const QList<double> risen{100.0, 120.0, 115.0}; // peak 120, stop 108 at 0.9
        QTest::newRow("no price: last price")
            << 0.9 << none << 0.0 << QString() << Column::LastPrice << kDash;
        QTest::newRow("no price: peak") << 0.9 << none << 0.0 << QString() << Column::Peak << kDash;
        QTest::newRow("no price: stop") << 0.9 << none << 0.0 << QString() << Column::Stop << kDash;
        QTest::newRow("no price: distance")
            << 0.9 << none << 0.0 << QString() << Column::DistanceToStop << kDash;
        QTest::newRow("no currency") << 0.9 << none << 0.0 << QString() << Column::Currency << kDash;
        QTest::newRow("no alert") << 0.9 << risen << 0.0 << QString() << Column::LastAlert << kDash;
        QTest::newRow("entry seeds the peak")
            << 0.9 << none << 100.0 << QString() << Column::Peak << QStringLiteral("100.00");
        QTest::newRow("entry seeds the stop")
            << 0.9 << none << 100.0 << QString() << Column::Stop << QStringLiteral("90.00");
        QTest::newRow("ticker") << 0.9 << risen << 0.0 << QString() << Column::Ticker
                                << QStringLiteral("SHOP.TO");
        QTest::newRow("last price") << 0.9 << risen << 0.0 << QString() << Column::LastPrice
                                    << QStringLiteral("115.00");
        QTest::newRow("peak") << 0.9 << risen << 0.0 << QString() << Column::Peak << QStringLiteral("120.00");
        QTest::newRow("stop") << 0.9 << risen << 0.0 << QString() << Column::Stop << QStringLiteral("108.00");
        QTest::newRow("distance clear")
            << 0.9 << risen << 0.0 << QString() << Column::DistanceToStop << QStringLiteral("6.1%");
        QTest::newRow("distance just over 2%") << 0.9 << QList<double>{100.0, 92.0} << 0.0 << QString()
                                               << Column::DistanceToStop << QStringLiteral("2.2%");
        QTest::newRow("distance near") << 0.9 << QList<double>{100.0, 91.5} << 0.0 << QString()
                                       << Column::DistanceToStop << QStringLiteral("1.6% near stop");
        QTest::newRow("distance on the stop") << 0.9 << QList<double>{100.0, 90.0} << 0.0 << QString()
                                              << Column::DistanceToStop << QStringLiteral("0.0% near stop");
        QTest::newRow("distance below") << 0.9 << QList<double>{100.0, 85.0} << 0.0 << QString()
                                        << Column::DistanceToStop << QStringLiteral("-5.9% below stop");
        QTest::newRow("ratio two decimals")
            << 0.9 << none << 0.0 << QString() << Column::Ratio << QStringLiteral("0.90");
        QTest::newRow("ratio three decimals")
            << 0.925 << none << 0.0 << QString() << Column::Ratio << QStringLiteral("0.925");
        QTest::newRow("penny stock") << 0.9 << QList<double>{0.5} << 0.0 << QString() << Column::LastPrice
                                     << QStringLiteral("0.5000");
        QTest::newRow("grouped thousands")
            << 0.9 << QList<double>{1234.5} << 0.0 << QString() << Column::Peak << QStringLiteral("1,234.50");
        QTest::newRow("currency") << 0.9 << none << 0.0 << QStringLiteral("CAD") << Column::Currency
                                  << QStringLiteral("CAD");
    }

    void display()
    {
        QFETCH(double, ratio);
        QFETCH(QList<double>, prices);
        QFETCH(double, entry);
        QFETCH(QString, currency);
        QFETCH(Column, column);
        QFETCH(QString, expected);

        const StockState seeded = m_fixture->seed(QStringLiteral("SHOP.TO"), ratio, prices, currency,
                                                  entry > 0 ? std::optional<double>(entry) : std::nullopt);
        QCOMPARE(seeded.ticker, QStringLiteral("SHOP.TO"));
        QVERIFY(m_model->reload().ok());
        QCOMPARE(m_model->index(0, col(column)).data(Qt::DisplayRole).toString(), expected);
    }

    // One price rule: the breach email and the window show a penny stock with the same digits.
    void pennyStockReadsTheSameInTheAlertAndTheWindow()
    {
        const StockState seeded = m_fixture->seed(QStringLiteral("PNY.V"), 0.9, {0.0512, 0.0123});
        QVERIFY(seeded.stop && seeded.peak && seeded.lastPrice);
        QVERIFY(m_model->reload().ok());
        const int row = m_model->rowOf(QStringLiteral("PNY.V"));
        const auto shown = [&](Column column) { return m_model->index(row, col(column)).data().toString(); };
        QCOMPARE(shown(Column::LastPrice), QStringLiteral("0.0123"));

        const Breach breach{
            seeded.ticker,      *seeded.lastPrice,        *seeded.peak, *seeded.stop, seeded.ratio,
            seeded.lastQuoteAt, seeded.lastQuoteAt.date()};
        const AlertMessage message = AlertFormatter::breach(breach, QString(), seeded.lastQuoteAt);
        QCOMPARE(message.subject,
                 QStringLiteral("Stop-loss breach: PNY.V %1 < stop %2 (peak %3)")
                     .arg(shown(Column::LastPrice), shown(Column::Stop), shown(Column::Peak)));
        QCOMPARE(shown(Column::Stop), QStringLiteral("0.0461"));
    }

    void lastAlertIsLocalTime()
    {
        const StockState below = m_fixture->seed(QStringLiteral("BRK.B"), 0.9, {100.0, 85.0});
        QVERIFY(below.lastAlertAt.isValid());
        QVERIFY(m_model->reload().ok());
        const QModelIndex alert = m_model->index(0, col(Column::LastAlert));
        QCOMPARE(alert.data().toString(),
                 QLocale().toString(below.lastAlertAt.toLocalTime(), QLocale::ShortFormat));
        QCOMPARE(alert.data(WatchlistModel::role(WatchlistModel::Role::Sort)).toDateTime(),
                 below.lastAlertAt);
    }

    void snoozeIsShownInWords()
    {
        const StockState below = m_fixture->seed(QStringLiteral("BRK.B"), 0.9, {100.0, 85.0});
        QVERIFY(m_model->reload().ok());
        const QModelIndex alert = m_model->index(0, col(Column::LastAlert));
        QVERIFY(!alert.data().toString().contains(QStringLiteral("snoozed")));
        // The table compares with the real time; the fixture's clock is fixed in the past.
        StockState snoozed = below;
        snoozed.snoozedUntil = QDateTime::currentDateTimeUtc().addDays(3);
        QVERIFY(m_fixture->service().saveCycle({snoozed}).ok());
        QVERIFY2(alert.data().toString().contains(QStringLiteral("snoozed until")),
                 qPrintable(alert.data().toString()));
        QVERIFY(m_fixture->service().unsnooze(QStringLiteral("BRK.B")).ok());
        QVERIFY(!alert.data().toString().contains(QStringLiteral("snoozed")));
    }

    void proximity_data()
    {
        QTest::addColumn<QList<double>>("prices");
        QTest::addColumn<Proximity>("expected");
        QTest::addColumn<bool>("hasIcon");
        QTest::addColumn<bool>("bold");

        QTest::newRow("no price") << QList<double>{} << Proximity::Unknown << false << false;
        QTest::newRow("far above") << QList<double>{100.0, 120.0} << Proximity::Clear << false << false;
        QTest::newRow("2.2% above") << QList<double>{100.0, 92.0} << Proximity::Clear << false << false;
        QTest::newRow("1.6% above") << QList<double>{100.0, 91.5} << Proximity::Near << true << true;
        QTest::newRow("on the stop") << QList<double>{100.0, 90.0} << Proximity::Near << true << true;
        QTest::newRow("a cent below") << QList<double>{100.0, 89.99} << Proximity::Below << true << true;
        QTest::newRow("far below") << QList<double>{100.0, 50.0} << Proximity::Below << true << true;
    }

    void proximity()
    {
        QFETCH(QList<double>, prices);
        QFETCH(Proximity, expected);
        QFETCH(bool, hasIcon);
        QFETCH(bool, bold);

        const StockState stock = m_fixture->seed(QStringLiteral("RY.TO"), 0.9, prices);
        QCOMPARE(WatchlistModel::proximity(stock), expected);
        QVERIFY(m_model->reload().ok());
        const QModelIndex distance = m_model->index(0, col(Column::DistanceToStop));
        QCOMPARE(distance.data(WatchlistModel::role(WatchlistModel::Role::Proximity)).toInt(),
                 static_cast<int>(expected));
        // Not colour only: an icon and a bold text marker for near and below.
        QCOMPARE(!distance.data(Qt::DecorationRole).value<QIcon>().isNull(), hasIcon);
        QCOMPARE(distance.data(Qt::FontRole).value<QFont>().bold(), bold);
        QCOMPARE(distance.data(Qt::ForegroundRole).isValid(), expected != Proximity::Unknown);
        // Every other column shows no marker.
        QVERIFY(m_model->index(0, col(Column::Stop)).data(Qt::DecorationRole).isNull());
    }

    void brokerFlags_data()
    {
        QTest::addColumn<bool>("notFound");
        QTest::addColumn<bool>("delayed");
        QTest::addColumn<bool>("halted");
        QTest::addColumn<QString>("expectedPrice");
        QTest::addColumn<bool>("italic");
        QTest::addColumn<bool>("tickerIcon");

        QTest::newRow("plain") << false << false << false << QStringLiteral("140.55") << false << false;
        QTest::newRow("delayed") << false << true << false << QStringLiteral("140.55") << true << false;
        QTest::newRow("halted") << false << false << true << QStringLiteral("140.55 (halted)") << false
                                << false;
        QTest::newRow("not found") << true << false << false << QStringLiteral("not found") << false << true;
    }

    void brokerFlags()
    {
        QFETCH(bool, notFound);
        QFETCH(bool, delayed);
        QFETCH(bool, halted);
        QFETCH(QString, expectedPrice);
        QFETCH(bool, italic);
        QFETCH(bool, tickerIcon);

        StockState stock = m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {140.55});
        stock.symbolNotFound = notFound;
        stock.quoteDelayed = delayed;
        stock.halted = halted;
        QVERIFY(m_fixture->service().saveCycle({stock}).ok());
        QVERIFY(m_model->reload().ok());
        const QModelIndex price = m_model->index(0, col(Column::LastPrice));
        QCOMPARE(price.data().toString(), expectedPrice);
        QCOMPARE(price.data(Qt::FontRole).value<QFont>().italic(), italic);
        QCOMPARE(!m_model->index(0, col(Column::Ticker)).data(Qt::DecorationRole).value<QIcon>().isNull(),
                 tickerIcon);
        const QString tip = price.data(Qt::ToolTipRole).toString();
        QCOMPARE(tip.contains(QStringLiteral("delayed")), delayed);
        QCOMPARE(tip.contains(QStringLiteral("halted")), halted);
        QCOMPARE(tip.contains(QStringLiteral("no listing")), notFound);
    }

    // A ticker whose new state a check could not save says so beside its (last saved) price, with the
    // reason, until a check saves it again; the other rows are untouched.
    void unsavedStateIsShown()
    {
        m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {140.55});
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {200.0});
        QVERIFY(m_model->reload().ok());
        const QModelIndex price =
            m_model->index(m_model->rowOf(QStringLiteral("RY.TO")), col(Column::LastPrice));
        const QModelIndex ticker = price.siblingAtColumn(col(Column::Ticker));
        const QModelIndex other =
            m_model->index(m_model->rowOf(QStringLiteral("AAPL")), col(Column::LastPrice));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->updateSaveProblems({{QStringLiteral("RY.TO"), QStringLiteral("disk full")}},
                                    {QStringLiteral("AAPL")});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(price.data().toString(), QStringLiteral("140.55 (not saved)"));
        QVERIFY(price.data(Qt::ToolTipRole).toString().contains(QStringLiteral("disk full")));
        QVERIFY(!ticker.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(other.data().toString(), QStringLiteral("200.00"));

        m_model->updateSaveProblems({}, {QStringLiteral("RY.TO"), QStringLiteral("AAPL")});
        QCOMPARE(price.data().toString(), QStringLiteral("140.55"));
        QVERIFY(ticker.data(Qt::DecorationRole).value<QIcon>().isNull());
    }

    // A symbol halted before its first trade still says so, instead of an empty price.
    void haltedWithoutAPrice()
    {
        StockState stock = m_fixture->seed(QStringLiteral("ABC.VN"), 0.9, {});
        stock.halted = true;
        QVERIFY(m_fixture->service().saveCycle({stock}).ok());
        QVERIFY(m_model->reload().ok());
        const QModelIndex price = m_model->index(0, col(Column::LastPrice));
        QCOMPARE(price.data().toString(), QStringLiteral("halted"));
        QVERIFY(price.data(Qt::ToolTipRole).toString().contains(QStringLiteral("halted")));
    }

    void colourWarmsAsTheStopNears()
    {
        m_fixture->seed(QStringLiteral("FAR"), 0.8, {100.0});        // 20% above the stop
        m_fixture->seed(QStringLiteral("MID"), 0.9, {100.0, 95.0});  // 5.3%
        m_fixture->seed(QStringLiteral("NEAR"), 0.9, {100.0, 91.0}); // 1.1%
        QVERIFY(m_model->reload().ok());
        auto hue = [&](const char *ticker) {
            const int row = m_model->rowOf(QLatin1String(ticker));
            return m_model->index(row, col(Column::DistanceToStop))
                .data(Qt::ForegroundRole)
                .value<QColor>()
                .hslHueF();
        };
        QVERIFY2(hue("FAR") > hue("MID"), "farther from the stop is greener");
        QVERIFY2(hue("MID") > hue("NEAR"), "nearer to the stop is redder");
        QVERIFY(hue("NEAR") < 0.1); // red to orange
    }

    void sortValues_data()
    {
        QTest::addColumn<Column>("column");
        QTest::addColumn<QVariant>("expected");

        QTest::newRow("ticker") << Column::Ticker << QVariant(QStringLiteral("SHOP.TO"));
        QTest::newRow("last price") << Column::LastPrice << QVariant(115.0);
        QTest::newRow("peak") << Column::Peak << QVariant(120.0);
        QTest::newRow("stop") << Column::Stop << QVariant(108.0);
        QTest::newRow("distance") << Column::DistanceToStop << QVariant((115.0 - 108.0) / 115.0 * 100.0);
        QTest::newRow("ratio") << Column::Ratio << QVariant(0.9);
        QTest::newRow("currency") << Column::Currency << QVariant(QStringLiteral("CAD"));
    }

    void sortValues()
    {
        QFETCH(Column, column);
        QFETCH(QVariant, expected);

        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {100.0, 120.0, 115.0}, QStringLiteral("CAD"));
        QVERIFY(m_model->reload().ok());
        const QVariant value =
            m_model->index(0, col(column)).data(WatchlistModel::role(WatchlistModel::Role::Sort));
        QCOMPARE(value.metaType(), expected.metaType());
        if (expected.metaType().id() == QMetaType::Double)
            QCOMPARE(value.toDouble(), expected.toDouble());
        else
            QCOMPARE(value, expected);
    }

    void unknownValuesSortAsNull()
    {
        m_fixture->seed(QStringLiteral("NEW"), 0.9, {});
        QVERIFY(m_model->reload().ok());
        for (Column column :
             {Column::LastPrice, Column::Peak, Column::Stop, Column::DistanceToStop, Column::LastAlert})
            QVERIFY(m_model->index(0, col(column))
                        .data(WatchlistModel::role(WatchlistModel::Role::Sort))
                        .isNull());
    }

    void proxySortsNumbersNumerically()
    {
        m_fixture->seed(QStringLiteral("A"), 0.9, {100.0});
        m_fixture->seed(QStringLiteral("B"), 0.9, {9.5});
        m_fixture->seed(QStringLiteral("C"), 0.9, {20.0});
        m_fixture->seed(QStringLiteral("D"), 0.9, {1500.0}); // "1,500.00" sorts first as text
        QVERIFY(m_model->reload().ok());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setSortRole(WatchlistModel::role(WatchlistModel::Role::Sort));
        proxy.sort(col(Column::LastPrice), Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, col(Column::Ticker)).data().toString();
        QCOMPARE(order, (QStringList{QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("A"),
                                     QStringLiteral("D")}));
    }

    void onlyTheRatioIsEditable()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0});
        QVERIFY(m_model->reload().ok());
        for (int column = 0; column < WatchlistModel::kColumnCount; ++column) {
            const bool editable = m_model->flags(m_model->index(0, column)).testFlag(Qt::ItemIsEditable);
            // The ratio, and the strategy (tst_strategyediting covers its edits).
            QCOMPARE(editable, column == col(Column::Ratio) || column == col(Column::Strategy));
        }
        QVERIFY(!m_model->setData(m_model->index(0, col(Column::Peak)), 50.0));
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->peak, std::optional<double>(100.0));
    }

    void editingTheRatioSavesIt()
    {
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0, 120.0});
        QVERIFY(m_model->reload().ok());
        const QModelIndex ratio = m_model->index(0, col(Column::Ratio));
        QCOMPARE(ratio.data(Qt::EditRole).toDouble(), 0.9);

        QSignalSpy failed(m_model.get(), &WatchlistModel::editFailed);
        QVERIFY(m_model->setData(ratio, 0.8));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->ratio, 0.8);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->stop, std::optional<double>(96.0));
        QCOMPARE(ratio.data().toString(), QStringLiteral("0.80"));
        QCOMPARE(m_model->index(0, col(Column::Stop)).data().toString(), QStringLiteral("96.00"));
    }

    void anInvalidRatioIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expectedMessage");
        const QString rule = StopRatio::validate(1.0).error().message;
        QTest::newRow("one") << QVariant(1.0) << rule;
        QTest::newRow("zero") << QVariant(0.0) << rule;
        QTest::newRow("negative") << QVariant(-0.5) << rule;
        QTest::newRow("too small to mean anything") << QVariant(0.005) << rule;
        QTest::newRow("text") << QVariant(QStringLiteral("lots"))
                              << QStringLiteral("Enter the ratio as a number from 0.01 to less than 1, for "
                                                "example 0.9.");
    }

    void anInvalidRatioIsRefusedWithTheReason()
    {
        QFETCH(QVariant, value);
        QFETCH(QString, expectedMessage);

        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0});
        QVERIFY(m_model->reload().ok());
        QSignalSpy failed(m_model.get(), &WatchlistModel::editFailed);
        QVERIFY(!m_model->setData(m_model->index(0, col(Column::Ratio)), value));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().toString(), expectedMessage);
        QCOMPARE(m_fixture->stored(QStringLiteral("AAPL"))->ratio, 0.9);
        QCOMPARE(m_model->index(0, col(Column::Ratio)).data().toString(), QStringLiteral("0.90"));
    }

    // The Trend column: one batch for all rows on a worker with its own connection to the real file, the
    // arrival changing the Trend cells only; data() reads memory and never the database.
    void sparklinesArriveInOneBatchFromAWorker()
    {
        // In the service's (and the model's) order.
        const QStringList tickers{QStringLiteral("AAPL"), QStringLiteral("RY.TO"), QStringLiteral("SHOP.TO")};
        for (const QString &ticker : tickers)
            m_fixture->seed(ticker, 0.9, {100.0});
        const QDateTime now = m_fixture->clock().now();
        PriceHistoryRepository history(m_fixture->database().connection());
        // RY.TO: a quote on each of three days, the last day twice (the later one counts).
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), now.addDays(-3), 100.0));
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), now.addDays(-2), 104.0));
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), now.addDays(-1), 101.0));
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), now.addDays(-1).addSecs(60), 102.0));
        QVERIFY(m_model->reload().ok());

        QList<QStringList> batches; // the tickers of each batch, in order
        std::atomic<int> jobsRun{0};
        std::atomic<bool> ranOnGuiThread{false};
        QThread *const gui = QThread::currentThread();
        const QString file = m_fixture->database().filePath();
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setSparklineProvider([&, file](const QStringList &batch) {
            batches << batch;
            return [&, file, batch, now = m_fixture->clock().now()] {
                ranOnGuiThread = ranOnGuiThread || QThread::currentThread() == gui;
                ++jobsRun;
                Result<SparklineHistory::Sparklines> loaded =
                    SparklineHistory::loadLastMonth(file, batch, now);
                return loaded ? std::move(loaded).value() : SparklineHistory::Sparklines{};
            };
        });
        const QModelIndex ry = m_model->index(m_model->rowOf(QStringLiteral("RY.TO")), col(Column::Trend));
        const int sparklineRole = WatchlistModel::role(WatchlistModel::Role::Sparkline);
        QTRY_COMPARE(ry.data(sparklineRole).value<QList<double>>(), (QList<double>{100, 104, 102}));
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.constFirst(), tickers);
        QCOMPARE(jobsRun.load(), 1);
        QVERIFY(!ranOnGuiThread);
        QCOMPARE(m_model->sparklineLoader().batchesStarted(), 1);
        QVERIFY(changed.count() >= 1);
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            QCOMPARE(signal.at(0).toModelIndex().column(), col(Column::Trend));
            QCOMPARE(signal.at(1).toModelIndex().column(), col(Column::Trend));
        }
        QVERIFY(ry.data(Qt::ToolTipRole).toString().contains(QStringLiteral("102.00")));
        QVERIFY(qFuzzyCompare(ry.data(WatchlistModel::role(WatchlistModel::Role::Sort)).toDouble(), 0.02));

        // A newer price stored behind the model's back does not show through data(), however often it is
        // asked: it reads what the batch brought, and asks for no batch.
        QVERIFY(history.recordQuote(QStringLiteral("RY.TO"), now.addSecs(-60), 99.0));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            for (int column = 0; column < m_model->columnCount(); ++column) {
                for (int role = 0; role <= sparklineRole; ++role)
                    static_cast<void>(m_model->index(row, column).data(role));
            }
        }
        QCOMPARE(ry.data(sparklineRole).value<QList<double>>(), (QList<double>{100, 104, 102}));
        QCOMPARE(m_model->sparklineLoader().batchesStarted(), 1);
        QCOMPARE(jobsRun.load(), 1);

        // A refresh is one batch again, and brings the new price.
        m_model->refreshSparklines();
        QTRY_COMPARE(ry.data(sparklineRole).value<QList<double>>(), (QList<double>{100, 104, 102, 99}));
        QCOMPARE(batches.size(), 2);
        QCOMPARE(batches.constLast(), tickers);

        // A monitoring cycle that changes every row asks for one batch of those rows.
        QList<StockState> cycle;
        for (const QString &ticker : tickers) {
            const StockState stock = m_model->stockAt(m_model->rowOf(ticker));
            cycle << StopLossEngine::apply(stock, Quote{ticker, 140.0, now}, now).state;
        }
        QVERIFY(m_fixture->service().saveCycle(cycle).ok());
        QTRY_COMPARE(batches.size(), 3);
        QCOMPARE(batches.constLast(), tickers);
        QTRY_COMPARE(jobsRun.load(), 3);
        QTRY_VERIFY(!m_model->sparklineLoader().isLoading());
    }

    void aMonitoringCycleUpdatesTheRows()
    {
        const StockState aapl = m_fixture->seed(QStringLiteral("AAPL"), 0.9, {100.0});
        QVERIFY(m_model->reload().ok());
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        StockState next =
            StopLossEngine::apply(aapl, Quote{aapl.ticker, 130.0, {}}, m_fixture->clock().now()).state;
        QVERIFY(m_fixture->service().saveCycle({next}).ok());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_model->index(0, col(Column::Peak)).data().toString(), QStringLiteral("130.00"));
        QCOMPARE(m_model->index(0, col(Column::Stop)).data().toString(), QStringLiteral("117.00"));
    }

    void aBatchIsOneSignalPerRunOfAdjacentRows()
    {
        QStringList tickers;
        for (const char *ticker : {"AAA.TO", "BBB.TO", "CCC.TO", "DDD.TO", "EEE.TO"}) {
            m_fixture->seed(QString::fromLatin1(ticker), 0.9, {100.0});
            tickers << QString::fromLatin1(ticker);
        }
        QVERIFY(m_model->reload().ok());
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const QDateTime now = m_fixture->clock().now();
        // Rows 0, 1, 3 and 4 change (listed out of order); row 2 is saved unchanged.
        QList<StockState> batch;
        for (int row : {4, 0, 3, 1}) {
            const StockState stock = m_model->stockAt(m_model->rowOf(tickers.at(row)));
            batch << StopLossEngine::apply(stock, Quote{stock.ticker, 120.0 + row, now}, now).state;
        }
        batch << m_model->stockAt(m_model->rowOf(tickers.at(2)));
        QVERIFY(m_fixture->service().saveCycle(batch).ok());

        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, 0));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(1, WatchlistModel::kColumnCount - 1));
        QCOMPARE(changed.at(1).at(0).toModelIndex(), m_model->index(3, 0));
        QCOMPARE(changed.at(1).at(1).toModelIndex(), m_model->index(4, WatchlistModel::kColumnCount - 1));
        QCOMPARE(m_model->index(3, col(Column::Peak)).data().toString(), QStringLiteral("123.00"));
        QCOMPARE(m_model->index(2, col(Column::Peak)).data().toString(), QStringLiteral("100.00"));
    }

private:
    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<WatchlistModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TRAILGUARD_GUI_TEST_MAIN(TestWatchlistModel)
#include "tst_watchlistmodel.moc"
