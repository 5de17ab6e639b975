// The accessibility walk: every control of the main window, the settings dialog (all tabs) and the
// welcome (all steps) has an accessible name and description as assistive technology reads them
// (QAccessibleInterface: the explicit accessibleName/-Description, else what Qt derives from a button's
// text, a buddy label or a tooltip). Every menu action is reachable by keyboard (a mnemonic, and the
// shortcut shown in the menu) and toolbar tooltips show the shortcut. Also takes the dark screenshot
// for the README.

#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "MainWindow.h"
#include "SettingsDialog.h"
#include "WatchlistModel.h"
#include "welcome/WelcomeWizard.h"

#include "secrets/MemorySecretStore.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTextEdit>
#include <QToolBar>
#include <QToolButton>

using namespace trailguard;
using trailguard::ui::MainWindow;
using trailguard::ui::WatchlistModel;
using trailguard::ui::WelcomeWizard;

namespace {
QString artifactsDir()
{
    const QString configured = qEnvironmentVariable("TRAILGUARD_TEST_ARTIFACTS");
    return configured.isEmpty() ? QDir::current().filePath(QStringLiteral("artifacts")) : configured;
}

// A control a user operates (labels and containers are not).
bool isControl(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QTextEdit *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget);
}

// Qt's own parts of a composite control (the line edit inside a spin box, a combo box's popup list, the
// scroll buttons of a tab bar) are described by their owner.
bool isQtInternal(const QWidget *widget)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return true;
    const QWidget *parent = widget->parentWidget();
    return parent &&
           (qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QComboBox *>(parent) ||
            qobject_cast<const QTabBar *>(parent) || qobject_cast<const QLineEdit *>(parent) ||
            parent->inherits("QComboBoxPrivateContainer") ||
            qobject_cast<const QAbstractItemView *>(parent) ||
            parent->objectName().startsWith(QLatin1String("qt_scrollarea")));
}

QString describe(const QWidget *widget)
{
    return QStringLiteral("%1 \"%2\"")
        .arg(QLatin1String(widget->metaObject()->className()), widget->objectName());
}

// The controls under `root` lacking a name or a description, one line each.
QStringList missingAccessibleText(QWidget *root)
{
    QStringList problems;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (!isControl(widget) || isQtInternal(widget))
            continue;
        if (qobject_cast<QToolButton *>(widget) && qobject_cast<QToolBar *>(widget->parentWidget()) &&
            !static_cast<QToolButton *>(widget)->defaultAction())
            continue; // the toolbar's extension arrow
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible) {
            problems += describe(widget) + QStringLiteral(": no accessible interface");
            continue;
        }
        if (accessible->text(QAccessible::Name).trimmed().isEmpty())
            problems += describe(widget) + QStringLiteral(": no accessible name");
        if (accessible->text(QAccessible::Description).trimmed().isEmpty())
            problems += describe(widget) + QStringLiteral(": no accessible description");
    }
    return problems;
}
} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::Canada));
    }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_store = std::make_unique<MemorySecretStore>();
        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        ui::SettingsDialog::Services services;
        services.secrets = m_store.get();
        services.autostartPath = m_fixture->settingsFile() + QStringLiteral(".autostart.desktop");
        m_window->setSettingsServices(services);
        m_window->setAlertHistorySource(
            [] { return [] { return Result<QList<AlertRecord>>(QList<AlertRecord>()); }; },
            [](qint64) { return success(); });
        m_window->setImportPositionsHook([] {});
        m_window->resize(1000, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_store.reset();
        m_fixture.reset();
    }

    void mainWindowControlsAreNamedAndDescribed()
    {
        m_fixture->seed(QStringLiteral("RY.TO"), 0.95, {139.20, 146.10, 140.55}, QStringLiteral("CAD"));
        const QStringList problems = missingAccessibleText(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void settingsDialogControlsAreNamedAndDescribed()
    {
        m_window->openSettingsDialog();
        QWidget *dialog = m_window->settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(m_window->settingsDialog()->isLoaded());
        const QStringList problems = missingAccessibleText(dialog);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void welcomeControlsAreNamedAndDescribed()
    {
        m_window->openWelcome();
        WelcomeWizard *welcome = m_window->welcomeWizard();
        QVERIFY(welcome);
        QStringList problems;
        for (int step = 0; step <= WelcomeWizard::DonePage; ++step) {
            QCOMPARE(welcome->currentId(), step);
            problems += missingAccessibleText(welcome);
            welcome->skipStep();
        }
        problems.removeDuplicates();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // Every menu action: a mnemonic in its menu (Alt+letter), its shortcut shown beside it, and the
    // shortcut in the tooltip of its toolbar button.
    void everyActionIsReachableByKeyboard()
    {
        QStringList problems;
        for (QAction *menuAction : m_window->menuBar()->actions()) {
            if (!menuAction->text().contains(u'&'))
                problems += QStringLiteral("menu without a mnemonic: ") + menuAction->text();
            QMenu *menu = menuAction->menu();
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                if (action->isSeparator())
                    continue;
                if (!action->text().contains(u'&'))
                    problems += QStringLiteral("action without a mnemonic: ") + action->text();
            }
        }
        for (QToolBar *toolBar : m_window->findChildren<QToolBar *>()) {
            for (QAction *action : toolBar->actions()) {
                if (action->isSeparator() || action->shortcut().isEmpty())
                    continue;
                const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
                if (!action->toolTip().contains(shortcut))
                    problems += QStringLiteral("toolbar tooltip without its shortcut: ") + action->toolTip();
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The welcome itself is one key away.
        QAction *welcome = m_window->findChild<QAction *>(QStringLiteral("welcomeAction"));
        QVERIFY(welcome);
        QCOMPARE(welcome->shortcut(), QKeySequence(QKeySequence::HelpContents));
    }

    // The README's dark screenshot: the populated window with a dark palette (as a dark desktop theme gives
    // it). Near-stop and below-stop rows carry words, not only colours. Saves mainwindow-dark.png to the
    // artifacts folder, and to $TRAILGUARD_DARK_SCREENSHOT_PATH when set.
    void darkPaletteKeepsStopMarkersReadable()
    {
        m_fixture->seed(QStringLiteral("SHOP.TO"), 0.85, {98.40, 121.40, 117.85}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("RY.TO"), 0.95, {139.20, 146.10, 140.55}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("AAPL"), 0.9, {189.30, 212.44, 205.10}, QStringLiteral("USD"), 182.50);
        m_fixture->seed(QStringLiteral("XEQT.TO"), 0.92, {28.10, 30.42, 30.37}, QStringLiteral("CAD"));
        m_fixture->seed(QStringLiteral("BRK.B"), 0.93, {480.00, 472.15, 441.20}, QStringLiteral("USD"));
        m_fixture->seed(QStringLiteral("TD.TO"), 0.9, {}, QString());

        const QPalette light = QApplication::palette();
        QStyle *previousStyle = QApplication::style();
        Q_UNUSED(previousStyle)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        // A fresh window, so the model reads the seeded rows.
        m_window = std::make_unique<MainWindow>(m_fixture->service(), m_fixture->settings());
        m_window->resize(1000, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *table = m_window->findChild<QAbstractItemView *>(QStringLiteral("watchlistTableView"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 6);
        QStringList markers;
        const int distance = WatchlistModel::column(WatchlistModel::Column::DistanceToStop);
        for (int row = 0; row < table->model()->rowCount(); ++row)
            markers += table->model()->index(row, distance).data().toString();
        QVERIFY2(markers.filter(QStringLiteral("near stop")).size() >= 1, qPrintable(markers.join(u'|')));
        QVERIFY2(markers.filter(QStringLiteral("below stop")).size() >= 1, qPrintable(markers.join(u'|')));

        const QImage image = m_window->grab().toImage();
        QVERIFY(QDir().mkpath(artifactsDir()));
        const QString artifact = QDir(artifactsDir()).filePath(QStringLiteral("mainwindow-dark.png"));
        QVERIFY(image.save(artifact));
        qInfo() << "screenshot:" << artifact;
        if (const QString docs = qEnvironmentVariable("TRAILGUARD_DARK_SCREENSHOT_PATH"); !docs.isEmpty())
            QVERIFY(image.save(docs));
        // The window really is dark: its background is darker than its text.
        const QPalette used = m_window->palette();
        QVERIFY(used.color(QPalette::Window).lightness() < used.color(QPalette::WindowText).lightness());
        QApplication::setPalette(light);
    }

private:
    static QPalette darkPalette()
    {
        QPalette palette;
        const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
        palette.setColor(QPalette::Window, window);
        palette.setColor(QPalette::WindowText, text);
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::AlternateBase, window);
        palette.setColor(QPalette::ToolTipBase, base);
        palette.setColor(QPalette::ToolTipText, text);
        palette.setColor(QPalette::Text, text);
        palette.setColor(QPalette::Button, window);
        palette.setColor(QPalette::ButtonText, text);
        palette.setColor(QPalette::BrightText, Qt::red);
        palette.setColor(QPalette::Link, QColor(0x60, 0xa5, 0xfa));
        palette.setColor(QPalette::Highlight, QColor(0x25, 0x63, 0xeb));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0x9c, 0xa3, 0xaf));
        palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        return palette;
    }

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    std::unique_ptr<MemorySecretStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

TRAILGUARD_GUI_TEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
