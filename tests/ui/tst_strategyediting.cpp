// Choosing a ticker's stop strategy in the window: the add form's strategy fields and the table's
// editable Strategy column, on a real watchlist (SQLite in a temporary folder).

#include "AddTickerForm.h"
#include "GuiTestMain.h"
#include "WatchlistFixture.h"
#include "WatchlistModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace trailguard;
using namespace trailguard::ui;

class TestStrategyEditing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void addFormTakesAStrategy_data();
    void addFormTakesAStrategy();
    void addFormRefusesBadParameters();
    void tableEditsTheStrategy();

private:
    std::unique_ptr<test::WatchlistFixture> m_fixture;
};

void TestStrategyEditing::init()
{
    m_fixture = std::make_unique<test::WatchlistFixture>();
    const QString error = m_fixture->open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestStrategyEditing::addFormTakesAStrategy_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<double>("stop"); // with entry 100; 0: none yet
    QTest::newRow("trailing") << "trailing"
                              << ""
                              << "trailing:0.9" << 90.0;
    QTest::newRow("fixed") << "fixed"
                           << "95.5"
                           << "fixed:95.5" << 95.5;
    QTest::newRow("fixed-pct") << "fixed-pct"
                               << ""
                               << "fixed-pct:0.9" << 90.0;
    QTest::newRow("activation") << "activation"
                                << "0.1"
                                << "activation:0.9,0.1" << 90.0;
    QTest::newRow("atr") << "atr"
                         << "10,2.5"
                         << "atr:10,2.5" << 0.0;
}

void TestStrategyEditing::addFormTakesAStrategy()
{
    QFETCH(QString, name);
    QFETCH(QString, parameters);
    QFETCH(QString, spec);
    QFETCH(double, stop);
    AddTickerForm form(m_fixture->service(), 0.9);
    auto *combo = form.findChild<QComboBox *>(QStringLiteral("strategyComboBox"));
    auto *parametersField = form.findChild<QLineEdit *>(QStringLiteral("strategyParametersLineEdit"));
    QVERIFY(combo && parametersField);
    combo->setCurrentIndex(combo->findData(name));
    QCOMPARE(parametersField->isEnabled(), !parameters.isEmpty());
    parametersField->setText(parameters);
    form.findChild<QLineEdit *>(QStringLiteral("tickerLineEdit"))->setText(QStringLiteral("aapl"));
    form.findChild<QLineEdit *>(QStringLiteral("entryLineEdit"))->setText(QStringLiteral("100"));
    QSignalSpy added(&form, &AddTickerForm::tickerAdded);
    form.submit();
    QVERIFY2(form.errorMessage().isEmpty(), qPrintable(form.errorMessage()));
    QCOMPARE(added.count(), 1);
    const auto stored = m_fixture->stored(QStringLiteral("AAPL"));
    QVERIFY(stored);
    QCOMPARE(stored->strategySpec(), spec);
    QCOMPARE(stored->stop.value_or(0), stop);
}

void TestStrategyEditing::addFormRefusesBadParameters()
{
    AddTickerForm form(m_fixture->service(), 0.9);
    auto *combo = form.findChild<QComboBox *>(QStringLiteral("strategyComboBox"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("atr")));
    form.findChild<QLineEdit *>(QStringLiteral("strategyParametersLineEdit"))->setText(QStringLiteral("0,3"));
    form.findChild<QLineEdit *>(QStringLiteral("tickerLineEdit"))->setText(QStringLiteral("AAPL"));
    form.submit();
    QVERIFY2(form.errorMessage().contains(QStringLiteral("the period N")), qPrintable(form.errorMessage()));
    QCOMPARE(m_fixture->storedCount(), 0);

    combo->setCurrentIndex(combo->findData(QStringLiteral("fixed")));
    form.findChild<QLineEdit *>(QStringLiteral("strategyParametersLineEdit"))->setText(QStringLiteral("-1"));
    form.submit();
    QVERIFY2(form.errorMessage().contains(QStringLiteral("the stop price P")),
             qPrintable(form.errorMessage()));
    QCOMPARE(m_fixture->storedCount(), 0);
}

void TestStrategyEditing::tableEditsTheStrategy()
{
    m_fixture->seed(QStringLiteral("RY.TO"), 0.9, {100, 120});
    WatchlistModel model(m_fixture->service());
    QAbstractItemModelTester tester(&model);
    QVERIFY(model.reload().ok());
    const QModelIndex cell = model.index(0, WatchlistModel::column(WatchlistModel::Column::Strategy));
    QCOMPARE(model.headerData(cell.column(), Qt::Horizontal).toString(), QStringLiteral("Strategy"));
    QCOMPARE(cell.data().toString(), QStringLiteral("trailing:0.9"));
    QVERIFY(model.flags(cell) & Qt::ItemIsEditable);

    QVERIFY(model.setData(cell, QStringLiteral("fixed-pct:0.5")));
    QCOMPARE(cell.data().toString(), QStringLiteral("fixed-pct:0.5"));
    QCOMPARE(m_fixture->stored(QStringLiteral("RY.TO"))->stop, std::optional<double>(60)); // 120 × 0.5
    QCOMPARE(
        model.index(0, WatchlistModel::column(WatchlistModel::Column::Stop)).data(Qt::EditRole).isValid(),
        true);

    QSignalSpy failed(&model, &WatchlistModel::editFailed);
    QVERIFY(!model.setData(cell, QStringLiteral("atr:14")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.constFirst().constFirst().toString().contains(QStringLiteral("two parameters")));
    QCOMPARE(m_fixture->stored(QStringLiteral("RY.TO"))->strategySpec(), QStringLiteral("fixed-pct:0.5"));
}

TRAILGUARD_GUI_TEST_MAIN(TestStrategyEditing)
#include "tst_strategyediting.moc"
