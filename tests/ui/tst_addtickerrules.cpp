// The add form's rules: the Rules… button opens the rules a new ticker is added with (the same editor as
// Edit Rules…), counts them, and the ticker is saved with them or not at all; the window stays narrow.
#include "AddTickerForm.h"
#include "AddTickerRulesDialog.h"
#include "GuiTestMain.h"
#include "MainWindow.h"
#include "RuleEditor.h"
#include "WatchlistFixture.h"
#include "domain/AlertRule.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>

using namespace trailguard;
using namespace trailguard::ui;

namespace {
const QString kTicker = QStringLiteral("SHOP.TO");
// The window's narrowest layout must fit this (tst_mainwindow restores a 900 px wide window).
constexpr int kMaxWindowWidth = 900;

QString buttonText(const QAbstractButton *button)
{
    return button->text().remove(QLatin1Char('&'));
}
} // namespace

class AddTickerRulesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addsTheTickerWithTwoRules();
    void badRuleIsRefusedAndNothingSaved();
    void windowStaysNarrow();

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QLatin1String(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    AddTickerForm *form() const { return child<AddTickerForm>("addTickerForm"); }
    // Opens the Rules… dialog from the form's button.
    RuleEditor *openRules();

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<MainWindow> m_window;
};

void AddTickerRulesTest::init()
{
    m_fixture = std::make_unique<test::WatchlistFixture>();
    const QString error = m_fixture->open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void AddTickerRulesTest::cleanup()
{
    m_window.reset();
    m_fixture.reset();
}

RuleEditor *AddTickerRulesTest::openRules()
{
    auto *button = child<QToolButton>("rulesToolButton");
    if (!button)
        return nullptr;
    button->click();
    AddTickerRulesDialog *dialog = form()->rulesDialog();
    return dialog && dialog->isVisible() ? dialog->editor() : nullptr;
}

void AddTickerRulesTest::addsTheTickerWithTwoRules()
{
    auto *rulesButton = child<QToolButton>("rulesToolButton");
    QVERIFY(rulesButton);
    QCOMPARE(buttonText(rulesButton), QStringLiteral("Rules\u2026"));
    RuleEditor *editor = openRules();
    QVERIFY(editor);

    // A kind and its parameters, then a whole spec typed: both listed, counted on the button.
    editor->kindComboBox()->setCurrentIndex(
        editor->kindComboBox()->findData(QStringLiteral("cross-below-sma")));
    editor->parametersLineEdit()->setText(QStringLiteral("50"));
    editor->addButton()->click();
    editor->parametersLineEdit()->setText(QStringLiteral("Target: 120"));
    editor->addButton()->click();
    const QStringList expected{QStringLiteral("cross-below-sma:50"), QStringLiteral("target:120")};
    QCOMPARE(editor->rules(), expected);
    QCOMPARE(form()->rules(), expected);
    QCOMPARE(buttonText(rulesButton), QStringLiteral("Rules (2)\u2026"));
    QVERIFY(rulesButton->toolTip().contains(QStringLiteral("target:120")));
    // Nothing is stored before the ticker is added.
    QCOMPARE(m_fixture->storedCount(), 0);

    // The same rule again is refused in the dialog.
    editor->parametersLineEdit()->setText(QStringLiteral("target:120"));
    editor->addButton()->click();
    QVERIFY2(editor->message().contains(QStringLiteral("already")), qPrintable(editor->message()));
    QCOMPARE(form()->rules(), expected);

    // Adding the ticker stores both rules with it; the form starts afresh.
    child<QLineEdit>("tickerLineEdit")->setText(QStringLiteral("shop.to"));
    child<QPushButton>("addPushButton")->click();
    QVERIFY2(form()->errorMessage().isEmpty(), qPrintable(form()->errorMessage()));
    const std::optional<StockState> stored = m_fixture->stored(kTicker);
    QVERIFY(stored);
    QCOMPARE(stored->rules, expected);
    QVERIFY(form()->rules().isEmpty());
    QCOMPARE(buttonText(rulesButton), QStringLiteral("Rules\u2026"));
    QTRY_VERIFY(!form()->rulesDialog()); // closed (and gone) with the ticker added

    // The next ticker has none unless given some.
    child<QLineEdit>("tickerLineEdit")->setText(QStringLiteral("RY.TO"));
    child<QPushButton>("addPushButton")->click();
    QVERIFY(m_fixture->stored(QStringLiteral("RY.TO")));
    QVERIFY(m_fixture->stored(QStringLiteral("RY.TO"))->rules.isEmpty());
}

void AddTickerRulesTest::badRuleIsRefusedAndNothingSaved()
{
    RuleEditor *editor = openRules();
    QVERIFY(editor);
    // Checked as typed: the parser's message, Add off; asking anyway adds nothing.
    editor->parametersLineEdit()->setText(QStringLiteral("rsi-below:14,150"));
    const QString parserMessage = AlertRule::parse(QStringLiteral("rsi-below:14,150")).error().message;
    QVERIFY(!parserMessage.isEmpty());
    QCOMPARE(editor->message(), parserMessage);
    QVERIFY(!editor->addButton()->isEnabled());
    editor->addRule();
    QCOMPARE(editor->message(), parserMessage);
    QVERIFY(editor->rules().isEmpty());
    QVERIFY(form()->rules().isEmpty());

    // A bad rule that reaches the form anyway (set directly): the service's message beside the fields,
    // and neither the ticker nor its good rule is saved.
    form()->setRules({QStringLiteral("target:120"), QStringLiteral("rsi-below:14,150")});
    QCOMPARE(editor->rules(), form()->rules()); // the open dialog follows
    child<QLineEdit>("tickerLineEdit")->setText(kTicker);
    child<QPushButton>("addPushButton")->click();
    QCOMPARE(form()->errorMessage(), parserMessage);
    QVERIFY(child<QLabel>("errorLabel")->isVisible());
    QVERIFY(!m_fixture->stored(kTicker));
    QCOMPARE(m_fixture->storedCount(), 0);
    // The rules stay for the user to fix.
    QCOMPARE(form()->rules().size(), 2);

    // Fixed in the dialog: removing the bad one lets the ticker be added with the other.
    editor->rulesList()->setCurrentRow(1);
    editor->removeButton()->click();
    QCOMPARE(form()->rules(), QStringList{QStringLiteral("target:120")});
    child<QPushButton>("addPushButton")->click();
    QVERIFY2(form()->errorMessage().isEmpty(), qPrintable(form()->errorMessage()));
    QCOMPARE(m_fixture->stored(kTicker)->rules, QStringList{QStringLiteral("target:120")});
}

void AddTickerRulesTest::windowStaysNarrow()
{
    QVERIFY(child<QToolButton>("rulesToolButton")->isVisible());
    QVERIFY2(m_window->minimumSizeHint().width() <= kMaxWindowWidth,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    // With a count on the button too.
    form()->setRules({QStringLiteral("target:120"), QStringLiteral("cross-below-sma:50")});
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // the longer text reaches the layout
    QVERIFY2(m_window->minimumSizeHint().width() <= kMaxWindowWidth,
             qPrintable(QString::number(m_window->minimumSizeHint().width())));
    m_window->resize(kMaxWindowWidth, 500);
    QTRY_COMPARE(m_window->width(), kMaxWindowWidth);
}

TRAILGUARD_GUI_TEST_MAIN(AddTickerRulesTest)
#include "tst_addtickerrules.moc"
