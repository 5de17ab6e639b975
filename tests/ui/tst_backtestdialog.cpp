#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "backtest/BacktestDialog.h"
#include "backtest/BacktestResultsModel.h"
#include "backtest/BacktestRuleResultsModel.h"
#include "charts/PriceChartPanel.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <memory>

using namespace trailguard;
using trailguard::ui::BacktestDialog;
using trailguard::ui::MainWindow;
using Results = trailguard::ui::BacktestResultsModel;
using RuleResults = trailguard::ui::BacktestRuleResultsModel;

namespace {
// Closes, hand-computed (entry none: the basis is the first close, 100):
//   trailing:0.9   peak 110 → stop 99 on 01-04; 98 (01-08), 97 (01-09) below; 100 (01-10) not;
//                  89 (01-11), 95 (01-12) below → first breach 2024-01-08 at 98, 4 alerts,
//                  exit 98/100 − 1 = −2 %, hold 95/100 − 1 = −5 %.
//   fixed-pct:0.9  stop 90 for ever; only 89 (01-11) is below → first breach 2024-01-11 at 89, 1 alert,
//                  exit −11 %, hold −5 %.
const char kCsv[] = "date,close\n"
                    "2024-01-02,100\n"
                    "2024-01-03,105\n"
                    "2024-01-04,110\n"
                    "2024-01-05,100\n"
                    "2024-01-08,98\n"
                    "2024-01-09,97\n"
                    "2024-01-10,100\n"
                    "2024-01-11,89\n"
                    "2024-01-12,95\n";

// Where screenshots go: $TRAILGUARD_TEST_ARTIFACTS, else ./artifacts.
void saveArtifact(const QPixmap &pixmap, const QString &name)
{
    const QString configured = qEnvironmentVariable("TRAILGUARD_TEST_ARTIFACTS");
    const QString dir =
        configured.isEmpty() ? QDir::current().filePath(QStringLiteral("artifacts")) : configured;
    QVERIFY(QDir().mkpath(dir));
    const QString path = QDir(dir).filePath(name);
    QVERIFY2(pixmap.save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

QList<PriceRow> rowsOf(const QList<std::pair<QDate, double>> &closes)
{
    QList<PriceRow> rows;
    for (const auto &[date, close] : closes) {
        PriceRow row;
        row.date = date;
        row.close = close;
        rows << row;
    }
    return rows;
}
} // namespace

class TestBacktestDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_csv = writeFile(QStringLiteral("shop.csv"), kCsv);
    }

    void cleanup() { m_dialog.reset(); }

    void csvRunShowsFirstBreachesAndAlertCounts()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        m_dialog->show();
        QVERIFY(!child<QPushButton>("runButton")->isEnabled()); // no prices yet
        QVERIFY(loadCsv(m_csv));
        QCOMPARE(m_dialog->priceCount(), 9);
        QVERIFY(m_dialog->errorText().isEmpty());
        QVERIFY2(m_dialog->sourceText().contains(QStringLiteral("shop.csv")),
                 qPrintable(m_dialog->sourceText()));
        // The period defaults to the whole file.
        QCOMPARE(child<QDateEdit>("fromDateEdit")->date(), QDate(2024, 1, 2));
        QCOMPARE(child<QDateEdit>("toDateEdit")->date(), QDate(2024, 1, 12));

        checkOnly({QStringLiteral("trailing:0.9"), QStringLiteral("fixed-pct:0.9")});
        runAndWait();

        QTableView *table = m_dialog->resultsTable();
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(text(0, Results::StrategyColumn), QStringLiteral("trailing:0.9"));
        QCOMPARE(text(0, Results::FirstBreachColumn), QStringLiteral("2024-01-08"));
        QCOMPARE(value(0, Results::BreachPriceColumn).toDouble(), 98.0);
        QCOMPARE(value(0, Results::AlertsColumn).toInt(), 4);
        QVERIFY(qFuzzyCompare(value(0, Results::ExitColumn).toDouble(), -0.02));
        QVERIFY(qFuzzyCompare(value(0, Results::HoldColumn).toDouble(), -0.05));
        QVERIFY2(text(0, Results::ExitColumn).contains(QStringLiteral("2")),
                 qPrintable(text(0, Results::ExitColumn)));

        QCOMPARE(text(1, Results::StrategyColumn), QStringLiteral("fixed-pct:0.9"));
        QCOMPARE(text(1, Results::FirstBreachColumn), QStringLiteral("2024-01-11"));
        QCOMPARE(value(1, Results::BreachPriceColumn).toDouble(), 89.0);
        QCOMPARE(value(1, Results::AlertsColumn).toInt(), 1);
        QVERIFY(qFuzzyCompare(value(1, Results::ExitColumn).toDouble(), -0.11));
        QCOMPARE(child<QProgressBar>("progressBar")->value(), child<QProgressBar>("progressBar")->maximum());

        // The first row is drawn: the trailing stop rises to 99, with its four alerts.
        QCOMPARE(m_dialog->drawnSpec(), QStringLiteral("trailing:0.9"));
        const ChartSeries trailing = m_dialog->chartPanel()->series();
        QCOMPARE(trailing.prices.size(), 9);
        QCOMPARE(trailing.alerts.size(), 4);
        QCOMPARE(trailing.stops.constLast().stop, 99.0);
        QCOMPARE(trailing.alerts.constFirst().time.date(), QDate(2024, 1, 8));
        QTRY_VERIFY(m_dialog->chartPanel()->stopSeries()->count() > 0);

        // Choosing the other row draws the fixed stop at 90 and its one alert.
        table->setCurrentIndex(table->model()->index(1, Results::AlertsColumn));
        QCOMPARE(m_dialog->drawnSpec(), QStringLiteral("fixed-pct:0.9"));
        const ChartSeries fixed = m_dialog->chartPanel()->series();
        QCOMPARE(fixed.alerts.size(), 1);
        QCOMPARE(fixed.alerts.constFirst().price, 89.0);
        for (const StopPoint &stop : fixed.stops)
            QCOMPARE(stop.stop, 90.0);
        QVERIFY(fixed.stops != trailing.stops);

        table->setCurrentIndex(table->model()->index(0, Results::StrategyColumn));
        QCOMPARE(m_dialog->chartPanel()->series().stops, trailing.stops);
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        saveArtifact(m_dialog->grab(), QStringLiteral("backtestdialog.png"));
    }

    void periodAndEntryChangeTheReplay()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        QVERIFY(loadCsv(m_csv));
        checkOnly({QStringLiteral("trailing:0.9")});
        // From 01-09: basis 97, the peak reaches 100 (stop 90); only 89 on 01-11 is below.
        m_dialog->setPeriod(QDate(2024, 1, 9), QDate(2024, 1, 12));
        runAndWait();
        QCOMPARE(text(0, Results::FirstBreachColumn), QStringLiteral("2024-01-11"));
        QCOMPARE(value(0, Results::AlertsColumn).toInt(), 1);
        QCOMPARE(m_dialog->chartPanel()->series().prices.size(), 4);

        // An entry of 120 over the whole file: the peak starts at 120, the stop at 108 and no close rises
        // above 120; every close but 110 (01-04) is below 108 → 8 alerts, the first on 01-02.
        m_dialog->setPeriod(QDate(2024, 1, 2), QDate(2024, 1, 12));
        m_dialog->setEntryPrice(120.0);
        runAndWait();
        QCOMPARE(text(0, Results::FirstBreachColumn), QStringLiteral("2024-01-02"));
        QCOMPARE(value(0, Results::AlertsColumn).toInt(), 8);
        QVERIFY(qFuzzyCompare(value(0, Results::HoldColumn).toDouble(), 95.0 / 120.0 - 1.0));
    }

    void storedPricesAreUsedAndAtrNeedsHighsAndLows()
    {
        QString asked;
        const QList<PriceRow> rows = rowsOf({{QDate(2024, 3, 1), 50}, {QDate(2024, 3, 4), 40}});
        m_dialog = std::make_unique<BacktestDialog>(QStringLiteral("RY.TO"), [&](const QString &ticker) {
            asked = ticker;
            return Result<QList<PriceRow>>(rows);
        });
        QTRY_COMPARE(m_dialog->priceCount(), 2);
        QCOMPARE(asked, QStringLiteral("RY.TO"));
        QVERIFY(m_dialog->sourceText().contains(QStringLiteral("RY.TO")));
        checkOnly({QStringLiteral("trailing:0.9"), QStringLiteral("atr:14,3")});
        runAndWait();
        QCOMPARE(m_dialog->resultsModel()->rowCount(), 2);
        QCOMPARE(text(0, Results::FirstBreachColumn), QStringLiteral("2024-03-04"));
        // Close-only prices: atr is refused in its row with the replay's message; the other row ran.
        QVERIFY2(text(1, Results::FirstBreachColumn).contains(QStringLiteral("highs and lows")),
                 qPrintable(text(1, Results::FirstBreachColumn)));
        QVERIFY(m_dialog->statusText().contains(QStringLiteral("1")));
    }

    void storedPricesLoadOnAWorkerWhileTheWindowStaysUsable()
    {
        QSemaphore release;
        std::atomic<bool> onGuiThread{true};
        QThread *const gui = QThread::currentThread();
        const QList<PriceRow> rows = rowsOf({{QDate(2024, 3, 1), 50}, {QDate(2024, 3, 4), 40}});
        m_dialog = std::make_unique<BacktestDialog>(QStringLiteral("RY.TO"), [&](const QString &) {
            onGuiThread = QThread::currentThread() == gui;
            // Held until the test has looked at the window (bounded, so a failure cannot hang the run).
            release.tryAcquire(1, 10'000);
            return Result<QList<PriceRow>>(rows);
        });
        m_dialog->show();
        // The constructor returned while the provider still reads: the window says so and is usable.
        QVERIFY(m_dialog->isLoading());
        QCOMPARE(m_dialog->priceCount(), 0);
        QVERIFY2(m_dialog->sourceText().startsWith(QStringLiteral("Loading")),
                 qPrintable(m_dialog->sourceText()));
        QCOMPARE(child<QProgressBar>("progressBar")->maximum(), 0); // busy
        QVERIFY(!child<QPushButton>("runButton")->isEnabled());
        QVERIFY(m_dialog->addCustomStrategy(QStringLiteral("trailing:0.8")));
        QSignalSpy finished(m_dialog.get(), &BacktestDialog::pricesLoadFinished);
        release.release();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        QVERIFY(!onGuiThread);
        QVERIFY(!m_dialog->isLoading());
        QCOMPARE(m_dialog->priceCount(), 2);
        QVERIFY(child<QPushButton>("runButton")->isEnabled());
        QCOMPARE(child<QProgressBar>("progressBar")->maximum(), 1000);
    }

    void badCsvNamesTheLineAndKeepsThePrices()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        m_dialog->show();
        QVERIFY(loadCsv(m_csv));
        const QString bad =
            writeFile(QStringLiteral("bad.csv"), "date,close\n2024-01-02,100\n2024-01-03,abc\n");
        QVERIFY(!loadCsv(bad));
        const QString error = m_dialog->errorText();
        QVERIFY2(error.contains(QStringLiteral("line 3")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("bad.csv")), qPrintable(error));
        QVERIFY(child<QLabel>("errorLabel")->isVisible());
        QCOMPARE(m_dialog->priceCount(), 9); // the good file's prices stay
        // A good file clears the error.
        QVERIFY(loadCsv(m_csv));
        QVERIFY(m_dialog->errorText().isEmpty());
    }

    void customStrategyIsValidatedByTheParser()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        m_dialog->show();
        const int presets = child<QListWidget>("strategyList")->count();
        QCOMPARE(presets, BacktestDialog::presetSpecs().size());
        QVERIFY(!m_dialog->addCustomStrategy(QStringLiteral("trailing:1.5")));
        auto *error = child<QLabel>("customStrategyErrorLabel");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), StopStrategy::parse(QStringLiteral("trailing:1.5")).error().message);
        QCOMPARE(child<QListWidget>("strategyList")->count(), presets);

        QVERIFY(m_dialog->addCustomStrategy(QStringLiteral("trailing:0.92")));
        QVERIFY(!error->isVisible());
        QCOMPARE(child<QListWidget>("strategyList")->count(), presets + 1);
        QVERIFY(m_dialog->checkedSpecs().contains(
            StopStrategy::parse(QStringLiteral("trailing:0.92")).value().spec()));
        // The same again checks the listed one instead of adding a duplicate.
        QVERIFY(m_dialog->addCustomStrategy(QStringLiteral("trailing:0.92")));
        QCOMPARE(child<QListWidget>("strategyList")->count(), presets + 1);
    }

    // cross-below-sma:3 on the closes: sma 105 on 01-04, then 100 < 105 on 01-05 (fires), below until
    // 100 > 98.33 on 01-10, 89 < 95.33 on 01-11 (fires again): two firings, the first at 100.
    void rulesRunBesideTheStrategiesAndAreMarkedOnTheChart()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        m_dialog->show();
        QVERIFY(loadCsv(m_csv));
        auto *edit = child<QLineEdit>("ruleEdit");
        auto *add = child<QPushButton>("addRuleButton");
        auto *error = child<QLabel>("ruleErrorLabel");
        QTest::keyClicks(edit, QStringLiteral("rsi-below:14,150"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(!error->isHidden());
        QCOMPARE(error->text(), AlertRule::parse(QStringLiteral("rsi-below:14,150")).error().message);
        QCOMPARE(child<QListWidget>("ruleList")->count(), 0);
        edit->clear();
        QVERIFY(error->isHidden());
        QTest::keyClicks(edit, QStringLiteral("Cross-Below-SMA: 3"));
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(error->isHidden());
        QVERIFY(edit->text().isEmpty());
        QCOMPARE(child<QListWidget>("ruleList")->count(), 1);
        QCOMPARE(child<QListWidget>("ruleList")->item(0)->text(), QStringLiteral("cross-below-sma:3"));

        checkOnly({QStringLiteral("trailing:0.9")});
        runAndWait();
        QCOMPARE(m_dialog->resultsModel()->rowCount(), 1);
        QVERIFY(!m_dialog->ruleResultsTable()->isHidden());
        const RuleResults *rules = m_dialog->ruleResultsModel();
        QCOMPARE(rules->rowCount(), 1);
        const auto cell = [&](int column, int role) { return rules->index(0, column).data(role); };
        QCOMPARE(cell(RuleResults::RuleColumn, Qt::DisplayRole).toString(),
                 QStringLiteral("cross-below-sma:3"));
        // The same firings AlertRules gives on the file's days.
        QList<DailyBar> bars;
        for (const QByteArray &line : QByteArray(kCsv).split('\n').mid(1)) {
            const QList<QByteArray> fields = line.split(',');
            if (fields.size() == 2)
                bars += DailyBar{QDate::fromString(QString::fromLatin1(fields.at(0)), Qt::ISODate),
                                 fields.at(1).toDouble(), std::nullopt, std::nullopt};
        }
        const QList<RuleFiring> firings =
            AlertRules::firings(AlertRule::parse(QStringLiteral("cross-below-sma:3")).value(), bars);
        QCOMPARE(firings.size(), 2);
        QCOMPARE(cell(RuleResults::FiringsColumn, RuleResults::ValueRole).toInt(), 2);
        QCOMPARE(cell(RuleResults::FirstFiringColumn, Qt::DisplayRole).toString(),
                 QStringLiteral("2024-01-05"));
        QCOMPARE(cell(RuleResults::FirstFiringColumn, RuleResults::ValueRole).toDate(), firings.at(0).date);
        QCOMPARE(cell(RuleResults::FirstCloseColumn, RuleResults::ValueRole).toDouble(), firings.at(0).close);
        QCOMPARE(firings.at(0).close, 100.0);

        // The chart marks the strategy's four breaches and the rule's two firings.
        QCOMPARE(m_dialog->drawnSpec(), QStringLiteral("trailing:0.9"));
        QCOMPARE(m_dialog->drawnRuleSpec(), QStringLiteral("cross-below-sma:3"));
        QCOMPARE(m_dialog->chartPanel()->series().alerts.size(), 6);

        // Rules alone run too: no strategy rows, the rule's row again.
        checkOnly({});
        runAndWait();
        QCOMPARE(m_dialog->resultsModel()->rowCount(), 0);
        QCOMPARE(m_dialog->ruleResultsModel()->rowCount(), 1);
        QCOMPARE(m_dialog->chartPanel()->series().alerts.size(), 2);
        QVERIFY(m_dialog->chartPanel()->series().stops.isEmpty());
    }

    void cancelStopsALongRunAndTheDialogStaysUsable()
    {
        // 200,000 days × 5 strategies: long enough that Cancel lands while the worker runs.
        QList<PriceRow> rows;
        rows.reserve(200'000);
        QDate date(1900, 1, 1);
        for (int i = 0; i < 200'000; ++i, date = date.addDays(1)) {
            PriceRow row;
            row.date = date;
            row.close = 100.0 + (i % 50);
            row.high = row.close + 1;
            row.low = row.close - 1;
            rows << row;
        }
        m_dialog = std::make_unique<BacktestDialog>(
            QStringLiteral("BIG"), [&](const QString &) { return Result<QList<PriceRow>>(rows); });
        m_dialog->show();
        QTRY_COMPARE(m_dialog->priceCount(), 200'000);
        for (const QString &spec : BacktestDialog::presetSpecs())
            m_dialog->setStrategyChecked(spec, true);
        QSignalSpy finished(m_dialog.get(), &BacktestDialog::backtestFinished);
        m_dialog->run();
        QVERIFY(m_dialog->isRunning());
        QVERIFY(!child<QPushButton>("runButton")->isEnabled());
        QVERIFY(child<QPushButton>("cancelButton")->isEnabled());
        // The GUI thread is free while the worker replays.
        QTest::qWait(20);
        m_dialog->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
        QVERIFY(!m_dialog->isRunning());
        QVERIFY(m_dialog->report().cancelled);
        QVERIFY(m_dialog->report().results.size() < 5);
        QVERIFY2(m_dialog->statusText().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(m_dialog->statusText()));
        QVERIFY(child<QPushButton>("runButton")->isEnabled());

        // Closing during a run does not hang: the runner cancels and waits for its worker.
        m_dialog->run();
        QVERIFY(m_dialog->isRunning());
        m_dialog.reset();
    }

    void everyControlIsNamedAndDescribed()
    {
        m_dialog =
            std::make_unique<BacktestDialog>(QStringLiteral("SHOP.TO"), BacktestDialog::DataProvider{});
        QVERIFY(loadCsv(m_csv));
        m_dialog->show();
        QStringList problems;
        for (QWidget *widget : m_dialog->findChildren<QWidget *>()) {
            const bool control =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractItemView *>(widget);
            const QWidget *parent = widget->parentWidget();
            // Qt's own parts of composite controls are described by their owner.
            const bool internal =
                widget->objectName().startsWith(QLatin1String("qt_")) ||
                (parent &&
                 (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent) ||
                  qobject_cast<const QLineEdit *>(parent) || parent->inherits("QComboBoxPrivateContainer") ||
                  qobject_cast<const QAbstractItemView *>(parent) ||
                  parent->objectName().startsWith(QLatin1String("qt_scrollarea"))));
            if (!control || internal)
                continue;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(accessible);
            const QString name =
                QLatin1String(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
            if (accessible->text(QAccessible::Name).trimmed().isEmpty())
                problems << name + QStringLiteral(": no name");
            if (accessible->text(QAccessible::Description).trimmed().isEmpty())
                problems << name + QStringLiteral(": no description");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void mainWindowOpensTheDialogForTheSelectedTicker()
    {
        test::WatchlistFixture fixture;
        const QString error = fixture.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!fixture.seed(QStringLiteral("SHOP.TO"), 0.9, {100, 110}).ticker.isEmpty());
        MainWindow window(fixture.service(), fixture.settings());
        QString asked;
        window.setBacktestDataProvider([&](const QString &ticker) {
            asked = ticker;
            return Result<QList<PriceRow>>(rowsOf({{QDate(2024, 3, 1), 50}, {QDate(2024, 3, 4), 40}}));
        });
        window.show();
        auto *action = window.findChild<QAction *>(QStringLiteral("backtestAction"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_B));
        window.showTicker(QStringLiteral("SHOP.TO"));
        QVERIFY(action->isEnabled());
        action->trigger();
        auto *dialog = window.findChild<BacktestDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->isModal());
        QTRY_COMPARE(dialog->priceCount(), 2);
        QCOMPARE(asked, QStringLiteral("SHOP.TO"));
        // Again: the same window is raised, not a second one.
        action->trigger();
        QCOMPARE(window.findChildren<BacktestDialog *>().size(), 1);
    }

private:
    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    void checkOnly(const QStringList &specs)
    {
        for (const QString &spec : BacktestDialog::presetSpecs())
            m_dialog->setStrategyChecked(spec, specs.contains(spec));
        QCOMPARE(m_dialog->checkedSpecs(), specs);
    }

    void runAndWait()
    {
        QSignalSpy finished(m_dialog.get(), &BacktestDialog::backtestFinished);
        QVERIFY(child<QPushButton>("runButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>("runButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20'000);
        QVERIFY(!m_dialog->isRunning());
        QVERIFY(!m_dialog->report().cancelled);
    }

    QString text(int row, int column) const
    {
        return m_dialog->resultsModel()->index(row, column).data().toString();
    }

    QVariant value(int row, int column) const
    {
        return m_dialog->resultsModel()->index(row, column).data(Results::ValueRole);
    }

    // Starts loading the file and waits (in the event loop) for the load to end; true when it loaded.
    bool loadCsv(const QString &path)
    {
        QSignalSpy finished(m_dialog.get(), &BacktestDialog::pricesLoadFinished);
        if (!m_dialog->loadCsvFile(path) || !finished.wait(10'000))
            return false;
        return finished.constFirst().constFirst().toBool();
    }

    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    QTemporaryDir m_dir;
    QString m_csv;
    std::unique_ptr<BacktestDialog> m_dialog;
};

TRAILGUARD_GUI_TEST_MAIN(TestBacktestDialog)
#include "tst_backtestdialog.moc"
