#include "GuiTestMain.h"
#include "WatchlistFixture.h"

#include "AlertHistoryDialog.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>

#include <memory>

using namespace trailguard;
using trailguard::ui::AlertHistoryDialog;
using trailguard::ui::AlertHistoryModel;

namespace {
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

AlertRecord record(qint64 id, const QString &ticker, const QDateTime &at)
{
    AlertRecord r;
    r.id = id;
    r.message.ticker = ticker;
    r.message.subject = QStringLiteral("Stop-loss breach: %1").arg(ticker);
    r.createdAt = at;
    Delivery email;
    email.channel = QStringLiteral("email");
    email.status = Delivery::Status::Delivered;
    email.attempts = 1;
    email.deliveredAt = at;
    r.deliveries = {email};
    return r;
}
} // namespace

class TestAlertHistoryDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_fixture = std::make_unique<test::WatchlistFixture>();
        const QString error = m_fixture->open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!m_fixture->seed(QStringLiteral("SHOP.TO"), 0.9, {100, 90}).ticker.isEmpty());
        const QDateTime now = m_fixture->clock().now();
        m_records = {record(2, QStringLiteral("SHOP.TO"), now),
                     record(1, QStringLiteral("GONE.TO"), now.addSecs(-60))};
        m_acknowledged.clear();
        m_dialog = std::make_unique<AlertHistoryDialog>(
            [this] { return [records = m_records] { return Result<QList<AlertRecord>>(records); }; },
            [this](qint64 alertId) {
                m_acknowledged.append(alertId);
                for (AlertRecord &r : m_records) {
                    if (r.id == alertId)
                        r.acknowledgedAt = m_fixture->clock().now();
                }
                return success();
            },
            m_fixture->service());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        QTRY_COMPARE(m_dialog->model()->rowCount(), 2); // read on a worker
    }

    void cleanup()
    {
        m_dialog.reset();
        m_fixture.reset();
    }

    void showsTheHistoryWithNothingSelected()
    {
        QCOMPARE(m_dialog->windowModality(), Qt::NonModal); // usable beside the watchlist
        QCOMPARE(m_dialog->model()->rowCount(), 2);
        QCOMPARE(child<QTableView>("historyTableView")->model()->rowCount(), 2);
        QVERIFY(!child<QPushButton>("acknowledgePushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("snoozePushButton")->isEnabled());
        QVERIFY(!child<QPushButton>("unsnoozePushButton")->isEnabled());
        const QSpinBox *days = child<QSpinBox>("snoozeDaysSpinBox");
        QCOMPARE(days->minimum(), 1);
        QCOMPARE(days->maximum(), 30);
        QVERIFY(!days->accessibleName().isEmpty());
    }

    void acknowledgesTheSelectedAlertAndKeepsItSelected()
    {
        QVERIFY(m_dialog->selectAlert(1));
        QPushButton *acknowledge = child<QPushButton>("acknowledgePushButton");
        QVERIFY(acknowledge->isEnabled());
        QTest::mouseClick(acknowledge, Qt::LeftButton);

        QCOMPARE(m_acknowledged, QList<qint64>({1}));
        QCOMPARE(m_dialog->message(), QStringLiteral("Acknowledged 1 alert."));
        QTRY_COMPARE(m_dialog->model()
                         ->index(m_dialog->model()->rowOf(1), m_dialog->model()->acknowledgedColumn())
                         .data()
                         .toString(),
                     QStringLiteral("\u2713 yes"));
        const int row = m_dialog->model()->rowOf(1);
        QCOMPARE(m_dialog->selectedRows(), QList<int>({row}));
        QVERIFY(!acknowledge->isEnabled()); // nothing left to acknowledge in the selection
        saveArtifact(m_dialog->grab(), QStringLiteral("alert-history.png"));
    }

    void snoozesTheTickerForTheDaysChosenAndEndsTheSnooze()
    {
        QVERIFY(m_dialog->selectAlert(2));
        QPushButton *snooze = child<QPushButton>("snoozePushButton");
        QVERIFY(snooze->isEnabled());
        QVERIFY(snooze->toolTip().contains(QStringLiteral("SHOP.TO")));
        QSpinBox *days = child<QSpinBox>("snoozeDaysSpinBox");
        days->setFocus();
        days->selectAll();
        QTest::keyClicks(days, QStringLiteral("7"));
        QCOMPARE(days->value(), 7);
        QTest::mouseClick(snooze, Qt::LeftButton);

        const QDateTime expected = m_fixture->clock().now().toUTC().addDays(7);
        QCOMPARE(m_fixture->stored(QStringLiteral("SHOP.TO"))->snoozedUntil, expected);
        QVERIFY2(m_dialog->message().startsWith(QStringLiteral("SHOP.TO is snoozed until ")),
                 qPrintable(m_dialog->message()));
        QPushButton *unsnooze = child<QPushButton>("unsnoozePushButton");
        QVERIFY(unsnooze->isEnabled());

        QTest::mouseClick(unsnooze, Qt::LeftButton);
        QVERIFY(!m_fixture->stored(QStringLiteral("SHOP.TO"))->snoozedUntil.isValid());
        QCOMPARE(m_dialog->message(),
                 QStringLiteral("SHOP.TO is no longer snoozed: its breaches raise alerts again."));
        QVERIFY(!unsnooze->isEnabled());
    }

    void snoozingATickerNoLongerWatchedSaysWhy()
    {
        QVERIFY(m_dialog->selectAlert(1));
        QTest::mouseClick(child<QPushButton>("snoozePushButton"), Qt::LeftButton);
        const Result<StockState> expected = m_fixture->service().snooze(QStringLiteral("GONE.TO"), 1);
        QVERIFY(!expected.ok());
        QCOMPARE(m_dialog->message(), expected.error().message);
    }

    // A notification's click: the alert may be newer than the table; it is read, then selected alone.
    void showAlertReadsAgainAndSelectsIt()
    {
        QVERIFY(m_dialog->selectAlert(1));
        m_records.prepend(record(3, QStringLiteral("SHOP.TO"), m_fixture->clock().now().addSecs(60)));
        QCOMPARE(m_dialog->model()->rowOf(3), -1);
        m_dialog->showAlert(3);
        QTRY_COMPARE(m_dialog->model()->rowCount(), 3);
        QTRY_COMPARE(m_dialog->selectedRows(), QList<int>({m_dialog->model()->rowOf(3)}));
        m_dialog->refresh(); // shown once: a later read keeps the user's selection
        QTRY_COMPARE(m_dialog->selectedRows(), QList<int>({m_dialog->model()->rowOf(3)}));
        QVERIFY(m_dialog->selectAlert(2));
        m_dialog->refresh();
        QTRY_COMPARE(m_dialog->selectedRows(), QList<int>({m_dialog->model()->rowOf(2)}));
    }

    void refreshShowsNewAlertsAndKeepsTheSelection()
    {
        QVERIFY(m_dialog->selectAlert(1));
        m_records.prepend(record(3, QStringLiteral("RY.TO"), m_fixture->clock().now().addSecs(60)));
        m_dialog->refresh();
        QTRY_COMPARE(m_dialog->model()->rowCount(), 3);
        QCOMPARE(m_dialog->selectedRows(), QList<int>({m_dialog->model()->rowOf(1)}));
        // Newest first in the view (sorted by time, descending).
        const QAbstractItemModel *shown = child<QTableView>("historyTableView")->model();
        QCOMPARE(
            shown->index(0, AlertHistoryModel::column(AlertHistoryModel::Column::Ticker)).data().toString(),
            QStringLiteral("RY.TO"));
    }

private:
    template <typename T>
    T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }

    std::unique_ptr<test::WatchlistFixture> m_fixture;
    QList<AlertRecord> m_records;
    QList<qint64> m_acknowledged;
    std::unique_ptr<AlertHistoryDialog> m_dialog;
};

TRAILGUARD_GUI_TEST_MAIN(TestAlertHistoryDialog)
#include "tst_alerthistorydialog.moc"
