// BacktestResultsModel: a real backtest's report as table cells, under QAbstractItemModelTester.
#include "GuiTestMain.h"

#include "backtest/BacktestResultsModel.h"
#include "backtest/BacktestRuleResultsModel.h"
#include "domain/StopStrategy.h"
#include "replay/BacktestRunner.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>

using namespace trailguard;
using trailguard::ui::BacktestResultsModel;
using Model = BacktestResultsModel;

namespace {
// The closes of tst_backtestdialog, hand-computed there (entry none: the basis is the first close, 100):
// trailing:0.9 breaches first on 01-08 at 98 with 4 alerts (exit −2 %, hold −5 %); fixed-pct:0.9 on 01-11
// at 89 with 1 alert (exit −11 %); fixed:50 never; atr:14,3 cannot run on closes alone.
BacktestReport report()
{
    const QList<std::pair<QDate, double>> closes = {
        {QDate(2024, 1, 2), 100},  {QDate(2024, 1, 3), 105}, {QDate(2024, 1, 4), 110},
        {QDate(2024, 1, 5), 100},  {QDate(2024, 1, 8), 98},  {QDate(2024, 1, 9), 97},
        {QDate(2024, 1, 10), 100}, {QDate(2024, 1, 11), 89}, {QDate(2024, 1, 12), 95}};
    BacktestRequest request;
    request.series.ticker = QStringLiteral("SHOP.TO");
    for (const auto &[date, close] : closes) {
        PriceRow row;
        row.date = date;
        row.close = close;
        request.series.rows << row;
    }
    for (const char *spec : {"trailing:0.9", "fixed-pct:0.9", "fixed:50", "atr:14,3"})
        request.strategies << StopStrategy::parse(QString::fromLatin1(spec)).value();
    // cross-below-sma:3 fires on 01-05 (100 < 105) and 01-11 (89 < 95.33); target:200 never.
    for (const char *spec : {"cross-below-sma:3", "target:200"})
        request.rules << AlertRule::parse(QString::fromLatin1(spec)).value();
    return Backtest::run(request);
}
} // namespace

class TestBacktestResultsModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void init()
    {
        m_model = std::make_unique<Model>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void emptyUntilAReportAndClearedByAnEmptyOne()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), Model::kColumnCount);
        QCOMPARE(m_model->headerData(Model::FirstBreachColumn, Qt::Horizontal).toString(),
                 QStringLiteral("First Breach"));
        QCOMPARE(m_model->headerData(Model::HoldColumn, Qt::Horizontal).toString(), QStringLiteral("Hold"));
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->setReport(report());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 4);
        QVERIFY(m_model->resultAt(3));
        QVERIFY(!m_model->resultAt(4));
        m_model->setReport({});
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->resultAt(0));
    }

    void breachesAlertsAndReturns()
    {
        m_model->setReport(report());
        QCOMPARE(text(0, Model::StrategyColumn), QStringLiteral("trailing:0.9"));
        QCOMPARE(text(0, Model::FirstBreachColumn), QStringLiteral("2024-01-08"));
        QCOMPARE(value(0, Model::FirstBreachColumn).toDate(), QDate(2024, 1, 8));
        QCOMPARE(text(0, Model::BreachPriceColumn), QStringLiteral("98.00"));
        QCOMPARE(value(0, Model::BreachPriceColumn).toDouble(), 98.0);
        QCOMPARE(text(0, Model::AlertsColumn), QStringLiteral("4"));
        QCOMPARE(value(0, Model::AlertsColumn).toInt(), 4);
        QCOMPARE(text(0, Model::ExitColumn), QStringLiteral("-2.00%"));
        QVERIFY(qFuzzyCompare(value(0, Model::ExitColumn).toDouble(), -0.02));
        QCOMPARE(text(0, Model::HoldColumn), QStringLiteral("-5.00%"));
        QVERIFY(qFuzzyCompare(value(0, Model::HoldColumn).toDouble(), -0.05));

        QCOMPARE(text(1, Model::StrategyColumn), QStringLiteral("fixed-pct:0.9"));
        QCOMPARE(text(1, Model::FirstBreachColumn), QStringLiteral("2024-01-11"));
        QCOMPARE(value(1, Model::AlertsColumn).toInt(), 1);
        QCOMPARE(text(1, Model::ExitColumn), QStringLiteral("-11.00%"));

        // No breach: "None", and dashes where there is nothing to show.
        QCOMPARE(text(2, Model::FirstBreachColumn), QStringLiteral("None"));
        QVERIFY(!value(2, Model::FirstBreachColumn).toDate().isValid());
        QCOMPARE(text(2, Model::BreachPriceColumn), QStringLiteral("\u2014"));
        QVERIFY(value(2, Model::BreachPriceColumn).isNull());
        QCOMPARE(text(2, Model::AlertsColumn), QStringLiteral("0"));
        QCOMPARE(text(2, Model::ExitColumn), QStringLiteral("\u2014"));
        QCOMPARE(text(2, Model::HoldColumn), QStringLiteral("-5.00%"));

        // Numbers are right-aligned, words left.
        QCOMPARE(alignment(0, Model::AlertsColumn), Qt::AlignRight);
        QCOMPARE(alignment(0, Model::StrategyColumn), Qt::AlignLeft);
        QCOMPARE(alignment(0, Model::FirstBreachColumn), Qt::AlignLeft);
        // The strategy says in words what it does.
        QVERIFY2(m_model->index(0, Model::StrategyColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("90%")),
                 qPrintable(m_model->index(0, Model::StrategyColumn).data(Qt::ToolTipRole).toString()));
    }

    void theBetterChoiceIsBold()
    {
        m_model->setReport(report());
        // trailing:0.9: exiting (−2 %) beat holding (−5 %).
        QVERIFY(bold(0, Model::ExitColumn));
        QVERIFY(!bold(0, Model::HoldColumn));
        QVERIFY(!m_model->index(0, Model::ExitColumn).data(Qt::ToolTipRole).toString().isEmpty());
        // fixed-pct:0.9: holding (−5 %) beat exiting (−11 %).
        QVERIFY(!bold(1, Model::ExitColumn));
        QVERIFY(bold(1, Model::HoldColumn));
        // No breach, no exit: nothing to compare.
        QVERIFY(!bold(2, Model::ExitColumn));
        QVERIFY(!bold(2, Model::HoldColumn));
    }

    void aStrategyThatCannotRunSaysWhy()
    {
        m_model->setReport(report());
        QCOMPARE(text(3, Model::StrategyColumn), QStringLiteral("atr:14,3"));
        QVERIFY2(text(3, Model::FirstBreachColumn).contains(QStringLiteral("highs and lows")),
                 qPrintable(text(3, Model::FirstBreachColumn)));
        QCOMPARE(m_model->index(3, Model::FirstBreachColumn).data(Qt::ToolTipRole).toString(),
                 text(3, Model::FirstBreachColumn));
        for (int column = Model::BreachPriceColumn; column <= Model::HoldColumn; ++column) {
            QVERIFY(text(3, column).isEmpty());
            QVERIFY(value(3, column).isNull());
            QVERIFY(!bold(3, column));
        }
    }

    // The rules' table of the same report, under its own QAbstractItemModelTester.
    void ruleResultsShowFiringsAndTheFirstOne()
    {
        using Rules = ui::BacktestRuleResultsModel;
        Rules model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setReport(report());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), Rules::kColumnCount);
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, Rules::RuleColumn).toString(), QStringLiteral("cross-below-sma:3"));
        QCOMPARE(cell(0, Rules::FiringsColumn).toString(), QStringLiteral("2"));
        QCOMPARE(cell(0, Rules::FiringsColumn, Rules::ValueRole).toInt(), 2);
        QCOMPARE(cell(0, Rules::FirstFiringColumn).toString(), QStringLiteral("2024-01-05"));
        QCOMPARE(cell(0, Rules::FirstFiringColumn, Rules::ValueRole).toDate(), QDate(2024, 1, 5));
        QCOMPARE(cell(0, Rules::FirstCloseColumn).toString(), QStringLiteral("100.00"));
        QCOMPARE(cell(0, Rules::FirstCloseColumn, Rules::ValueRole).toDouble(), 100.0);
        QVERIFY(cell(0, Rules::RuleColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("below")));
        // A rule that never fired: none, and no close.
        QCOMPARE(cell(1, Rules::FiringsColumn, Rules::ValueRole).toInt(), 0);
        QCOMPARE(cell(1, Rules::FirstFiringColumn).toString(), QStringLiteral("None"));
        QVERIFY(!cell(1, Rules::FirstFiringColumn, Rules::ValueRole).toDate().isValid());
        QVERIFY(cell(1, Rules::FirstCloseColumn, Rules::ValueRole).isNull());
        QCOMPARE(model.headerData(Rules::FiringsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Firings"));
        model.setReport({});
        QCOMPARE(model.rowCount(), 0);
    }

private:
    QString text(int row, int column) const { return m_model->index(row, column).data().toString(); }
    QVariant value(int row, int column) const { return m_model->index(row, column).data(Model::ValueRole); }
    bool bold(int row, int column) const
    {
        return m_model->index(row, column).data(Qt::FontRole).value<QFont>().bold();
    }
    Qt::Alignment alignment(int row, int column) const
    {
        const auto align = m_model->index(row, column).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
        return align & Qt::AlignHorizontal_Mask;
    }

    std::unique_ptr<Model> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

TRAILGUARD_GUI_TEST_MAIN(TestBacktestResultsModel)
#include "tst_backtestresultsmodel.moc"
