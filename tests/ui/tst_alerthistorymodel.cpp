#include "GuiTestMain.h"

#include "AlertHistoryModel.h"
#include "Formatting.h"

#include "alerts/AlertFormatter.h"
#include "domain/AlertRule.h"
#include "domain/RuleAlert.h"
#include "storage/AlertRepository.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace trailguard;
using trailguard::ui::AlertHistoryModel;
using Column = AlertHistoryModel::Column;
using Role = AlertHistoryModel::Role;

namespace {
// Local wall-clock times, so the expected "HH:mm" texts hold in any time zone.
QDateTime local(int day, int hour, int minute)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, minute));
}

Delivery delivery(const QString &channel, Delivery::Status status, int attempts = 0)
{
    Delivery d;
    d.channel = channel;
    d.status = status;
    d.attempts = attempts;
    d.nextAttemptAt = local(9, 10, 0);
    return d;
}

AlertRecord record(qint64 id, const QString &ticker, const QList<Delivery> &deliveries)
{
    AlertRecord r;
    r.id = id;
    r.message.ticker = ticker;
    r.message.subject = QStringLiteral("Stop-loss breach: %1").arg(ticker);
    r.message.text = QStringLiteral("Below the stop.");
    r.createdAt = local(9, 10, 0);
    r.deliveries = deliveries;
    return r;
}

AlertMessage breachMessage(const QString &ticker, const QDateTime &at)
{
    return AlertFormatter::breach(Breach{ticker, 90, 110, 99, 0.9, at, at.date()}, QStringLiteral("CAD"), at);
}
} // namespace

class TestAlertHistoryModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusTexts_data()
    {
        QTest::addColumn<Delivery>("delivery");
        QTest::addColumn<QString>("expected");

        QTest::newRow("pending, never tried")
            << delivery(QStringLiteral("email"), Delivery::Status::Pending) << QStringLiteral("pending");

        Delivery delivered = delivery(QStringLiteral("ntfy"), Delivery::Status::Delivered, 1);
        delivered.deliveredAt = local(9, 10, 42);
        QTest::newRow("delivered the same day") << delivered << QStringLiteral("delivered at 10:42");

        Delivery nextDay = delivered;
        nextDay.deliveredAt = local(10, 9, 5);
        QTest::newRow("delivered the next day") << nextDay << QStringLiteral("delivered at 2026-03-10 09:05");

        Delivery retrying = delivery(QStringLiteral("ntfy"), Delivery::Status::Pending, 2);
        retrying.lastAttemptAt = local(9, 10, 44);
        retrying.nextAttemptAt = local(9, 10, 45);
        retrying.lastError = QStringLiteral("Could not reach ntfy: the connection was refused.");
        QTest::newRow("retrying") << retrying
                                  << QStringLiteral(
                                         "retrying (attempt 2, next at 10:45): Could not reach ntfy: "
                                         "the connection was refused.");

        Delivery failed = delivery(QStringLiteral("discord"), Delivery::Status::Failed, 1);
        failed.lastAttemptAt = local(9, 10, 1);
        failed.lastError = QStringLiteral("Discord refused the webhook (HTTP 404: Unknown Webhook).");
        QTest::newRow("failed") << failed
                                << QStringLiteral(
                                       "failed: Discord refused the webhook (HTTP 404: Unknown Webhook).");
    }

    void statusTexts()
    {
        QFETCH(Delivery, delivery);
        QFETCH(QString, expected);

        QCOMPARE(AlertHistoryModel::statusText(delivery, local(9, 10, 0)), expected);

        // The same text in the delivery's channel column of a model showing it.
        AlertHistoryModel model({}, {});
        model.setRecords({record(7, QStringLiteral("SHOP.TO"), {delivery})});
        const int column = model.channelColumn(delivery.channel);
        QVERIFY(column >= AlertHistoryModel::kFixedColumns);
        QCOMPARE(model.index(0, column).data().toString(), expected);
        QVERIFY(!model.index(0, column).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void columnsFollowTheChannelsOfTheHistory()
    {
        AlertHistoryModel model({}, {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), AlertHistoryModel::kFixedColumns + 1); // no channels yet

        model.setRecords({
            record(2, QStringLiteral("RY.TO"),
                   {delivery(QStringLiteral("ntfy"), Delivery::Status::Pending),
                    delivery(QStringLiteral("email"), Delivery::Status::Pending)}),
            record(1, QStringLiteral("SHOP.TO"),
                   {delivery(QStringLiteral("webhook-x"), Delivery::Status::Pending),
                    delivery(QStringLiteral("discord"), Delivery::Status::Pending)}),
        });
        // Known channels in a fixed order, then the others.
        QCOMPARE(model.channels(), QStringList({QStringLiteral("email"), QStringLiteral("discord"),
                                                QStringLiteral("ntfy"), QStringLiteral("webhook-x")}));
        QStringList headers;
        for (int column = 0; column < model.columnCount(); ++column)
            headers.append(model.headerData(column, Qt::Horizontal).toString());
        QCOMPARE(headers,
                 QStringList({QStringLiteral("Time"), QStringLiteral("Ticker"), QStringLiteral("Kind"),
                              QStringLiteral("Subject"), QStringLiteral("Email"), QStringLiteral("Discord"),
                              QStringLiteral("ntfy"), QStringLiteral("webhook-x"),
                              QStringLiteral("Acknowledged")}));

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AlertHistoryModel::column(Column::Ticker)).data().toString(),
                 QStringLiteral("RY.TO"));
        QCOMPARE(model.index(0, AlertHistoryModel::column(Column::Subject)).data().toString(),
                 QStringLiteral("Stop-loss breach: RY.TO"));
        QCOMPARE(model.index(0, AlertHistoryModel::column(Column::Time)).data().toString(),
                 QLocale().toString(local(9, 10, 0), QLocale::ShortFormat));
        QCOMPARE(
            model.index(0, AlertHistoryModel::column(Column::Time)).data(AlertHistoryModel::role(Role::Sort)),
            QVariant(local(9, 10, 0)));
        QCOMPARE(model.index(1, 0).data(AlertHistoryModel::role(Role::AlertId)).toLongLong(), 1);
        QCOMPARE(model.index(1, 0).data(AlertHistoryModel::role(Role::Ticker)).toString(),
                 QStringLiteral("SHOP.TO"));
        // RY.TO went through email and ntfy only: nothing to say under Discord.
        QCOMPARE(model.index(0, model.channelColumn(QStringLiteral("discord"))).data().toString(),
                 ui::Formatting::emptyValue());
        QCOMPARE(model.index(0, model.channelColumn(QStringLiteral("email"))).data().toString(),
                 QStringLiteral("pending"));
        QCOMPARE(model.channelColumn(QStringLiteral("tray")), -1);
    }

    void escalationStepsFollowTheFirstDelivery()
    {
        AlertHistoryModel model({}, {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Delivery first = delivery(QStringLiteral("ntfy"), Delivery::Status::Delivered, 1);
        first.deliveredAt = local(9, 10, 1);
        Delivery stepOne = delivery(QStringLiteral("ntfy"), Delivery::Status::Delivered, 1);
        stepOne.escalationStep = 1;
        stepOne.urgent = true;
        stepOne.deliveredAt = local(9, 10, 20);
        Delivery stepTwo = delivery(QStringLiteral("ntfy"), Delivery::Status::Pending);
        stepTwo.escalationStep = 2;
        stepTwo.nextAttemptAt = local(9, 10, 40);
        Delivery cancelled = delivery(QStringLiteral("email"), Delivery::Status::Cancelled);
        cancelled.escalationStep = 2;
        cancelled.lastError = QStringLiteral("acknowledged");
        // Steps stored before the first delivery still show after it, in step order.
        model.setRecords({record(1, QStringLiteral("RY.TO"),
                                 {stepTwo, cancelled, first, stepOne,
                                  delivery(QStringLiteral("email"), Delivery::Status::Pending)})});
        QCOMPARE(model.channels(), QStringList({QStringLiteral("email"), QStringLiteral("ntfy")}));
        QCOMPARE(model.index(0, model.channelColumn(QStringLiteral("ntfy"))).data().toString(),
                 QStringLiteral("delivered at 10:01\nstep 1 delivered at 10:20\nstep 2 due at 10:40"));
        QCOMPARE(model.index(0, model.channelColumn(QStringLiteral("email"))).data().toString(),
                 QStringLiteral("pending\nstep 2 not needed: acknowledged"));
        QVERIFY(model.index(0, model.channelColumn(QStringLiteral("email")))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("step 2 Not sent: acknowledged.")));
    }

    void acknowledgedRowsAreDimmedAndMarkedInWords()
    {
        AlertHistoryModel model({}, {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AlertRecord seen = record(2, QStringLiteral("RY.TO"),
                                  {delivery(QStringLiteral("email"), Delivery::Status::Pending)});
        seen.acknowledgedAt = local(9, 11, 0);
        const AlertRecord fresh = record(1, QStringLiteral("SHOP.TO"),
                                         {delivery(QStringLiteral("email"), Delivery::Status::Pending)});
        model.setRecords({seen, fresh});

        const int ack = model.acknowledgedColumn();
        QCOMPARE(model.index(0, ack).data().toString(), QStringLiteral("\u2713 yes"));
        QCOMPARE(model.index(1, ack).data().toString(), QStringLiteral("no"));
        QVERIFY(model.index(0, ack)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Acknowledged at ")));
        QVERIFY(model.index(0, 0).data(AlertHistoryModel::role(Role::Acknowledged)).toBool());
        QVERIFY(!model.index(1, 0).data(AlertHistoryModel::role(Role::Acknowledged)).toBool());
        for (int column = 0; column < model.columnCount(); ++column) {
            QVERIFY(model.index(0, column).data(Qt::FontRole).value<QFont>().italic());
            QCOMPARE(model.index(0, column).data(Qt::ForegroundRole).value<QBrush>().color(),
                     QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
            QVERIFY(!model.index(1, column).data(Qt::FontRole).isValid());
            QVERIFY(!model.index(1, column).data(Qt::ForegroundRole).isValid());
        }
    }

    void kindSaysWhichRuleFired_data()
    {
        QTest::addColumn<QString>("rule"); // empty: a stop breach
        QTest::addColumn<QString>("text");
        QTest::newRow("stop") << QString() << QStringLiteral("Stop breach");
        QTest::newRow("cross-below-sma")
            << QStringLiteral("cross-below-sma:50") << QStringLiteral("Closes below its 50-day average");
        QTest::newRow("cross-above-sma")
            << QStringLiteral("cross-above-sma:20") << QStringLiteral("Closes above its 20-day average");
        QTest::newRow("rsi-below") << QStringLiteral("rsi-below:14,30")
                                   << QStringLiteral("14-day RSI falls below 30");
        QTest::newRow("rsi-above") << QStringLiteral("rsi-above:14,72.5")
                                   << QStringLiteral("14-day RSI rises above 72.5");
        QTest::newRow("macd-cross-below")
            << QStringLiteral("macd-cross-below:12,26,9")
            << QStringLiteral("MACD (macd:12,26,9) crosses below its signal line");
        QTest::newRow("macd-cross-above")
            << QStringLiteral("macd-cross-above:12,26,9")
            << QStringLiteral("MACD (macd:12,26,9) crosses above its signal line");
        QTest::newRow("bb-below") << QStringLiteral("bb-below:20,2")
                                  << QStringLiteral("Closes below the lower Bollinger band (bb:20,2)");
        QTest::newRow("bb-above") << QStringLiteral("bb-above:20,2")
                                  << QStringLiteral("Closes above the upper Bollinger band (bb:20,2)");
        QTest::newRow("target") << QStringLiteral("target:120")
                                << QStringLiteral("Reaches the target price 120.00");
        QTest::newRow("unknown rule, its spec")
            << QStringLiteral("fib-retrace:61.8") << QStringLiteral("fib-retrace:61.8");
    }

    // The kind column over alerts stored and read back through the real outbox (alerts.rule).
    void kindSaysWhichRuleFired()
    {
        QFETCH(QString, rule);
        QFETCH(QString, text);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = Database::open(dir.filePath(QStringLiteral("trailguard.sqlite")));
        QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().message));
        const std::unique_ptr<Database> db = std::move(database).value();
        AlertRepository alerts(db->connection());
        const QDateTime at = local(9, 10, 0);
        AlertMessage message = breachMessage(QStringLiteral("SHOP.TO"), at);
        if (!rule.isEmpty()) {
            RuleAlert alert{QStringLiteral("SHOP.TO"),
                            rule,
                            at.date(),
                            RuleFiring{0, at.date(), 101.2, 101.2, 103.55},
                            QStringLiteral("SHOP.TO: the rule fired"),
                            QStringLiteral("CAD"),
                            at.toUTC()};
            message = AlertFormatter::rule(alert, at);
        }
        QVERIFY(alerts.enqueue(message, {QStringLiteral("email")}, at).ok());
        // A health alert beside it says so too.
        AlertMessage health;
        health.kind = AlertMessage::Kind::Health;
        health.priority = AlertMessage::Priority::Normal;
        health.subject = QStringLiteral("Trailguard cannot reach Questrade");
        QVERIFY(alerts.enqueue(health, {QStringLiteral("email")}, at.addSecs(60)).ok());
        const auto stored = alerts.recent(10);
        QVERIFY(stored.ok());

        AlertHistoryModel model({}, {});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRecords(stored.value());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.headerData(AlertHistoryModel::column(Column::Kind), Qt::Horizontal).toString(),
                 QStringLiteral("Kind"));
        const int row =
            model.index(0, 0).data(AlertHistoryModel::role(Role::Ticker)).toString().isEmpty() ? 1 : 0;
        const QModelIndex kind = model.index(row, AlertHistoryModel::column(Column::Kind));
        QCOMPARE(kind.data().toString(), text);
        QCOMPARE(kind.data(AlertHistoryModel::role(Role::Kind)).toString(),
                 rule.isEmpty() ? QStringLiteral("stop") : rule);
        QCOMPARE(kind.data(Qt::ToolTipRole).toString().contains(rule), true);
        const QModelIndex healthKind = model.index(1 - row, AlertHistoryModel::column(Column::Kind));
        QCOMPARE(healthKind.data().toString(), QStringLiteral("Health"));
        QCOMPARE(healthKind.data(AlertHistoryModel::role(Role::Kind)).toString(), QStringLiteral("health"));
    }

    // The app's loader and acknowledger over a real outbox in SQLite.
    void acknowledgesThroughTheInjectedFunctionAndReloads()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto database = Database::open(dir.filePath(QStringLiteral("trailguard.sqlite")));
        QVERIFY2(database.ok(), database.ok() ? "" : qPrintable(database.error().message));
        const std::unique_ptr<Database> db = std::move(database).value();
        AlertRepository alerts(db->connection());

        const QDateTime first = local(9, 10, 0);
        const QDateTime second = local(9, 10, 30);
        const auto older = alerts.enqueue(breachMessage(QStringLiteral("SHOP.TO"), first),
                                          {QStringLiteral("email"), QStringLiteral("ntfy")}, first);
        const auto newer = alerts.enqueue(breachMessage(QStringLiteral("RY.TO"), second),
                                          {QStringLiteral("discord")}, second);
        QVERIFY(older.ok() && newer.ok());
        const auto pending = alerts.pendingDeliveries();
        QVERIFY(pending.ok());
        const QString owner = QStringLiteral("test");
        for (const Delivery &d : pending.value()) {
            QVERIFY(alerts.claim(d, owner, first, second.addSecs(120)).value());
            if (d.channel == QLatin1String("email"))
                QVERIFY(alerts.markDelivered(d.id, owner, local(9, 10, 2)).ok());
            else if (d.channel == QLatin1String("ntfy"))
                QVERIFY(
                    alerts
                        .markRetry(d.id, owner, local(9, 10, 3), local(9, 10, 33), QStringLiteral("HTTP 502"))
                        .ok());
            else
                QVERIFY(alerts.markFailed(d.id, owner, local(9, 10, 31), QStringLiteral("HTTP 404")).ok());
        }

        int loads = 0;
        QList<qint64> acknowledged;
        bool onGuiThread = true; // where the last load read the database
        QThread *const gui = QThread::currentThread();
        // As the app does: each load reads on the worker with a connection of its own.
        AlertHistoryModel model(
            [&, file = db->filePath()] {
                ++loads;
                return [&onGuiThread, gui, file]() -> Result<QList<AlertRecord>> {
                    onGuiThread = QThread::currentThread() == gui;
                    const auto own = Database::open(file);
                    if (!own.ok())
                        return own.error();
                    return AlertRepository(own.value()->connection()).recent(500);
                };
            },
            [&](qint64 alertId) {
                acknowledged.append(alertId);
                return alerts.acknowledge(alertId, local(9, 12, 0));
            });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reloaded(&model, &AlertHistoryModel::reloaded);
        model.reload();
        QVERIFY(model.isLoading());
        QCOMPARE(model.rowCount(), 0); // the GUI thread did not wait
        QTRY_COMPARE(reloaded.count(), 1);
        QVERIFY(!onGuiThread);
        QCOMPARE(loads, 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.record(0).id, newer.value()); // newest first
        QCOMPARE(model.index(0, model.channelColumn(QStringLiteral("discord"))).data().toString(),
                 QStringLiteral("failed: HTTP 404"));
        QCOMPARE(model.index(1, model.channelColumn(QStringLiteral("email"))).data().toString(),
                 QStringLiteral("delivered at 10:02"));
        QCOMPARE(model.index(1, model.channelColumn(QStringLiteral("ntfy"))).data().toString(),
                 QStringLiteral("retrying (attempt 1, next at 10:33): HTTP 502"));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.acknowledge({1}).ok());
        QCOMPARE(acknowledged, QList<qint64>({older.value()}));
        QTRY_COMPARE(reset.count(), 1); // reloaded
        QCOMPARE(loads, 2);
        const int row = model.rowOf(older.value());
        QVERIFY(model.index(row, 0).data(AlertHistoryModel::role(Role::Acknowledged)).toBool());
        QCOMPARE(model.index(row, model.acknowledgedColumn()).data().toString(),
                 QStringLiteral("\u2713 yes"));
        QVERIFY(!model.index(model.rowOf(newer.value()), 0)
                     .data(AlertHistoryModel::role(Role::Acknowledged))
                     .toBool());

        // Already acknowledged: not again (its time stays), and nothing to reload.
        QVERIFY(model.acknowledge({row}).ok());
        QCOMPARE(acknowledged.size(), 1);
        QCOMPARE(loads, 2);
        QVERIFY(!model.isLoading());
        const auto stored = alerts.recent(500);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().at(1).acknowledgedAt, local(9, 12, 0));
    }

    void aFailedLoadOrAcknowledgementKeepsTheRowsAndSaysWhy()
    {
        bool failLoad = false;
        AlertHistoryModel model(
            [&] {
                return [fail = failLoad]() -> Result<QList<AlertRecord>> {
                    if (fail)
                        return Error{ErrorCode::DatabaseQuery, QStringLiteral("The database is locked.")};
                    return QList<AlertRecord>{record(1, QStringLiteral("SHOP.TO"), {})};
                };
            },
            [](qint64) -> Status {
                return Error{ErrorCode::DatabaseQuery, QStringLiteral("disk full")};
            });
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList failures;
        connect(&model, &AlertHistoryModel::reloadFailed, this,
                [&](const Error &error) { failures << error.message; });
        model.reload();
        QTRY_COMPARE(model.rowCount(), 1);

        const Status acknowledged = model.acknowledge({0});
        QVERIFY(!acknowledged.ok());
        QCOMPARE(acknowledged.error().message, QStringLiteral("disk full"));
        QTRY_VERIFY(!model.isLoading()); // the reload that shows what did get acknowledged

        failLoad = true;
        model.reload();
        QTRY_COMPARE(failures, QStringList{QStringLiteral("The database is locked.")});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AlertHistoryModel::column(Column::Ticker)).data().toString(),
                 QStringLiteral("SHOP.TO"));
    }
};

TRAILGUARD_GUI_TEST_MAIN(TestAlertHistoryModel)
#include "tst_alerthistorymodel.moc"
