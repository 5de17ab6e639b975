// The window's alert rules: Watchlist > Edit Rules… (and the table's context menu) opens the ticker's
// rules; Add and Remove go through WatchlistService; the Rules column shows them. A bad spec shows the
// parser's message and saves nothing.
#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "RulesDialog.h"
#include "WatchlistModel.h"
#include "domain/AlertRule.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::RulesDialog;
using trailguard::ui::WatchlistModel;

namespace {
const QString kTicker = QStringLiteral("SHOP.TO");

void pickKind(RulesDialog *dialog, const QString &name)
{
    const int index = dialog->kindComboBox()->findData(name);
    QVERIFY2(index >= 0, qPrintable(name));
    dialog->kindComboBox()->setCurrentIndex(index);
}
} // namespace

class RulesDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addAndRemoveRulesThroughTheDialog()
    {
        test::WatchlistFixture fixture;
        QVERIFY(fixture.open().isEmpty());
        fixture.seed(QStringLiteral("AAPL"), 0.9, {100});
        fixture.seed(kTicker, 0.9, {50});
        MainWindow window(fixture.service(), fixture.settings());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showTicker(kTicker);

        auto *editRules = window.findChild<QAction *>(QStringLiteral("editRulesAction"));
        QVERIFY(editRules);
        auto *table = window.findChild<QTableView *>(QStringLiteral("watchlistTableView"));
        QVERIFY(table->actions().contains(editRules)); // the context menu
        QTRY_VERIFY(editRules->isEnabled());
        editRules->trigger();
        RulesDialog *dialog = window.rulesDialog(kTicker);
        QVERIFY(dialog);
        QVERIFY(dialog->rules().isEmpty());
        QVERIFY(!dialog->removeButton()->isEnabled());

        // A kind and its parameters: checked as typed, added through the service.
        pickKind(dialog, QStringLiteral("cross-below-sma"));
        dialog->parametersLineEdit()->setText(QStringLiteral("50"));
        QCOMPARE(dialog->specText(), QStringLiteral("cross-below-sma:50"));
        QVERIFY(dialog->addButton()->isEnabled());
        dialog->addButton()->click();
        QCOMPARE(fixture.stored(kTicker)->rules, QStringList{QStringLiteral("cross-below-sma:50")});
        QCOMPARE(dialog->rules(), QStringList{QStringLiteral("cross-below-sma:50")});

        // The Rules column shows it, the full list in the tooltip.
        const int rulesColumn = WatchlistModel::column(WatchlistModel::Column::Rules);
        QModelIndex cell;
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex index = table->model()->index(row, rulesColumn);
            if (index.data(WatchlistModel::role(WatchlistModel::Role::Ticker)).toString() == kTicker)
                cell = index;
        }
        QVERIFY(cell.isValid());
        QTRY_COMPARE(cell.data().toString(), QStringLiteral("cross-below-sma:50"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cross-below-sma:50")));
        QCOMPARE(table->model()->headerData(rulesColumn, Qt::Horizontal).toString(), QStringLiteral("Rules"));

        // A bad spec: the parser's message, Add off, and Enter saves nothing.
        pickKind(dialog, QStringLiteral("rsi-below"));
        dialog->parametersLineEdit()->setText(QStringLiteral("14,150"));
        const QString expected = AlertRule::parse(QStringLiteral("rsi-below:14,150")).error().message;
        QVERIFY(!expected.isEmpty());
        QCOMPARE(dialog->message(), expected);
        QVERIFY(!dialog->addButton()->isEnabled());
        dialog->addRule();
        QCOMPARE(dialog->message(), expected);
        QCOMPARE(fixture.stored(kTicker)->rules, QStringList{QStringLiteral("cross-below-sma:50")});

        // The same rule again: the service refuses, its message is shown, nothing is saved.
        dialog->parametersLineEdit()->setText(QStringLiteral("cross-below-sma:50"));
        QVERIFY(dialog->addButton()->isEnabled());
        dialog->addButton()->click();
        QVERIFY(dialog->message().contains(QStringLiteral("already")));
        QCOMPARE(fixture.stored(kTicker)->rules, QStringList{QStringLiteral("cross-below-sma:50")});

        // A whole spec typed in the field; then three rules are counted in the column.
        dialog->parametersLineEdit()->setText(QStringLiteral("target: 120"));
        dialog->addButton()->click();
        pickKind(dialog, QStringLiteral("bb-above"));
        QCOMPARE(dialog->parametersLineEdit()->text(), QStringLiteral("20,2")); // the kind's defaults
        pickKind(dialog, QStringLiteral("rsi-below"));
        QCOMPARE(dialog->parametersLineEdit()->text(), QStringLiteral("14,30"));
        dialog->addButton()->click();
        QCOMPARE(fixture.stored(kTicker)->rules,
                 (QStringList{QStringLiteral("cross-below-sma:50"), QStringLiteral("target:120"),
                              QStringLiteral("rsi-below:14,30")}));
        QTRY_COMPARE(cell.data().toString(), QStringLiteral("3 rules"));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("rsi-below:14,30")));

        // Remove the selected one.
        dialog->rulesList()->setCurrentRow(0);
        QVERIFY(dialog->removeButton()->isEnabled());
        dialog->removeButton()->click();
        QCOMPARE(fixture.stored(kTicker)->rules,
                 (QStringList{QStringLiteral("target:120"), QStringLiteral("rsi-below:14,30")}));
        QCOMPARE(dialog->rules(), fixture.stored(kTicker)->rules);
        QTRY_COMPARE(cell.data().toString(), QStringLiteral("target:120, rsi-below:14,30"));

        // A change made elsewhere (the CLI's service call) shows in the open dialog too.
        QVERIFY(fixture.service().removeRule(kTicker, QStringLiteral("target:120")));
        QCOMPARE(dialog->rules(), QStringList{QStringLiteral("rsi-below:14,30")});
        // The other ticker has none.
        QVERIFY(fixture.stored(QStringLiteral("AAPL"))->rules.isEmpty());
        dialog->close();
    }
};

TRAILGUARD_GUI_TEST_MAIN(RulesDialogTest)
#include "tst_rulesdialog.moc"
