// CycleCostLabel: the status bar's full-check duration, estimated from Questrade's rate limits or measured
// by the last check, and its warning (label, tooltip, log) when the interval is shorter than the limits
// allow.
#include "CycleCostLabel.h"
#include "GuiTestMain.h"

#include "domain/CycleReport.h"

#include <QLabel>
#include <QStatusBar>
#include <QTest>

using namespace trailguard;
using namespace trailguard::ui;
using namespace std::chrono_literals;

class TestCycleCostLabel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_bar = std::make_unique<QStatusBar>();
        m_cost = std::make_unique<CycleCostLabel>(*m_bar);
        m_bar->show();
    }
    void cleanup()
    {
        m_cost.reset();
        m_bar.reset();
    }

    void hiddenWhileTheWatchlistIsEmpty()
    {
        m_cost->setInterval(300s);
        m_cost->setTickerCount(0);
        QVERIFY(label()->isHidden());
        m_cost->setTickerCount(3);
        QVERIFY(!label()->isHidden());
        m_cost->setTickerCount(0);
        QVERIFY(label()->isHidden());
    }

    void estimatesTenThousandTickersAndWarnsBelowTheHourlyQuota()
    {
        m_cost->setInterval(300s);
        m_cost->setTickerCount(10000);
        QCOMPARE(m_cost->cost().quoteRequests, 200);
        QCOMPARE(m_cost->shortestInterval(), 48s);
        QCOMPARE(label()->text(), QStringLiteral("Full check: about 13 s"));
        QVERIFY(!m_cost->isWarning());
        QVERIFY2(label()->toolTip().contains(QStringLiteral("quote requests per check: 200.")),
                 qPrintable(label()->toolTip()));

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "Checking 10000 tickers every 30 s.*at least 48 s")));
        m_cost->setInterval(30s);
        QVERIFY(m_cost->isWarning());
        QCOMPARE(label()->text(), QStringLiteral("Full check: about 13 s \u2014 interval too short"));
        QVERIFY(label()->toolTip().contains(QStringLiteral("at least 48 s")));
        m_cost->setInterval(29s); // still warned, but logged only once
        QVERIFY(m_cost->isWarning());

        m_cost->setInterval(60s);
        QVERIFY(!m_cost->isWarning());
        QCOMPARE(label()->text(), QStringLiteral("Full check: about 13 s"));
    }

    void aMeasuredFullCheckReplacesTheEstimate()
    {
        m_cost->setInterval(60s);
        m_cost->setTickerCount(10000);
        CycleReport report;
        report.ok = true;
        report.startedAt = QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC);
        report.finishedAt = report.startedAt.addSecs(75);
        report.watched = 10000;
        report.quoted = 9000; // not every ticker: says nothing about a full check
        m_cost->noteCycle(report);
        QCOMPARE(m_cost->cycleDuration(), 13400ms);

        report.quoted = 10000;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("every 60 s.*at least 75 s")));
        m_cost->noteCycle(report);
        QCOMPARE(m_cost->cycleDuration(), 75000ms);
        QCOMPARE(m_cost->shortestInterval(), 75s); // slower than the hourly quota's 48 s
        QCOMPARE(label()->text(), QStringLiteral("Full check: 75 s \u2014 interval too short"));

        m_cost->setTickerCount(10001); // another watchlist: back to the estimate
        QCOMPARE(m_cost->cycleDuration(), 13400ms);
        QVERIFY(!m_cost->isWarning());
    }

private:
    QLabel *label() const { return m_bar->findChild<QLabel *>(QStringLiteral("cycleCostLabel")); }

    std::unique_ptr<QStatusBar> m_bar;
    std::unique_ptr<CycleCostLabel> m_cost;
};

TRAILGUARD_GUI_TEST_MAIN(TestCycleCostLabel)
#include "tst_cyclecostlabel.moc"
