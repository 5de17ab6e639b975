#include "GuiTestMain.h"

#include "ConnectDialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace trailguard;
using trailguard::ui::ConnectDialog;

namespace {
const QString kRefused =
    QStringLiteral("Questrade refused the refresh token. Copy a new one from the API centre.");
} // namespace

class TestConnectDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qInfo() << "platform:" << QGuiApplication::platformName();
    }

    void init()
    {
        m_parent = std::make_unique<QWidget>();
        m_parent->resize(600, 400);
        m_parent->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_parent.get()));
        m_dialog = new ConnectDialog(m_parent.get());
        m_dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog));
        m_spy = std::make_unique<QSignalSpy>(m_dialog.data(), &ConnectDialog::connectRequested);
    }

    void cleanup()
    {
        m_spy.reset();
        delete m_dialog;
        m_parent.reset();
    }

    void explainsWhereTheTokenComesFrom()
    {
        QCOMPARE(m_dialog->windowModality(), Qt::WindowModal); // open(), not exec()
        QCOMPARE(QApplication::activeModalWidget(), m_dialog.data());
        const QLabel *instructions = child<QLabel>("instructionsLabel");
        QVERIFY(instructions->openExternalLinks());
        const QString text = instructions->text();
        QVERIFY(text.contains(QLatin1String("href=\"https://apphub.questrade.com/UI/UserApps.aspx\"")));
        for (const char *step : {"Personal apps", "market data", "New device", "works only once", "keychain"})
            QVERIFY2(text.contains(QLatin1String(step)), step);
        QCOMPARE(child<QLineEdit>("tokenLineEdit")->echoMode(), QLineEdit::Password);
        QCOMPARE(m_dialog->focusWidget(), child<QLineEdit>("tokenLineEdit"));
        QVERIFY(child<QRadioButton>("liveRadioButton")->isChecked()); // Live unless the user says otherwise
        QVERIFY(m_dialog->message().isEmpty());
    }

    void sendsTheTrimmedTokenAndTheAccountKind_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("practice");
        QTest::addColumn<bool>("pressEnter");
        QTest::addColumn<QByteArray>("expectedToken");
        QTest::addColumn<BrokerEnvironment>("expectedEnvironment");

        QTest::newRow("practice, button") << QStringLiteral("  aSdF1234+/=xyz \t") << true << false
                                          << QByteArray("aSdF1234+/=xyz") << BrokerEnvironment::Practice;
        QTest::newRow("live, enter") << QStringLiteral("LiveToken99") << false << true
                                     << QByteArray("LiveToken99") << BrokerEnvironment::Live;
    }

    void sendsTheTrimmedTokenAndTheAccountKind()
    {
        QFETCH(QString, typed);
        QFETCH(bool, practice);
        QFETCH(bool, pressEnter);
        QFETCH(QByteArray, expectedToken);
        QFETCH(BrokerEnvironment, expectedEnvironment);

        QLineEdit *token = child<QLineEdit>("tokenLineEdit");
        QTest::keyClicks(token, typed);
        if (practice)
            QTest::mouseClick(child<QRadioButton>("practiceRadioButton"), Qt::LeftButton);
        QCOMPARE(m_dialog->environment(), expectedEnvironment);
        if (pressEnter)
            QTest::keyClick(token, Qt::Key_Return);
        else
            QTest::mouseClick(child<QPushButton>("connectPushButton"), Qt::LeftButton);

        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(m_spy->at(0).at(0).toByteArray(), expectedToken);
        QCOMPARE(m_spy->at(0).at(1).value<BrokerEnvironment>(), expectedEnvironment);
        // It waits for the answer: still open, saying so, and a second click sends nothing.
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->isWaiting());
        QCOMPARE(m_dialog->message(), QStringLiteral("Connecting to Questrade\u2026"));
        QVERIFY(child<QLabel>("messageIconLabel")->isHidden()); // progress, not an error
        QVERIFY(!child<QPushButton>("connectPushButton")->isEnabled());
        QVERIFY(!token->isEnabled());
        m_dialog->submit();
        QCOMPARE(m_spy->count(), 1);
    }

    void anEmptyTokenIsRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("nothing") << QString();
        QTest::newRow("blanks") << QStringLiteral("   \t ");
    }

    void anEmptyTokenIsRefused()
    {
        QFETCH(QString, typed);
        QTest::keyClicks(child<QLineEdit>("tokenLineEdit"), typed);
        QTest::mouseClick(child<QPushButton>("connectPushButton"), Qt::LeftButton);

        QCOMPARE(m_spy->count(), 0);
        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_dialog->isWaiting());
        QCOMPARE(m_dialog->message(),
                 QStringLiteral("Paste the refresh token from Questrade's App Hub first."));
        QVERIFY(child<QLabel>("messageLabel")->isVisible());
        QVERIFY(child<QLabel>("messageIconLabel")->isVisible());
        QCOMPARE(m_dialog->focusWidget(), child<QLineEdit>("tokenLineEdit"));
        QVERIFY(child<QPushButton>("connectPushButton")->isEnabled());
    }

    void closesOnceConnected()
    {
        QTest::keyClicks(child<QLineEdit>("tokenLineEdit"), QStringLiteral("GoodToken"));
        m_dialog->submit();
        m_dialog->setConnectionState(ConnectionState::Connecting,
                                     QStringLiteral("Connecting to Questrade\u2026"));
        QVERIFY(m_dialog->isVisible());
        m_dialog->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(!m_dialog->isWaiting());
    }

    // A Connected that comes before the exchange of the pasted token started (the end of a rotation of
    // the old token) does not close the dialog.
    void aConnectedBeforeTheExchangeDoesNotClose()
    {
        QTest::keyClicks(child<QLineEdit>("tokenLineEdit"), QStringLiteral("GoodToken"));
        m_dialog->submit();
        m_dialog->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QVERIFY(m_dialog->isVisible());
        QVERIFY(m_dialog->isWaiting());
        m_dialog->setConnectionState(ConnectionState::Connecting,
                                     QStringLiteral("Connecting to Questrade\u2026"));
        m_dialog->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QTRY_VERIFY(!m_dialog->isVisible());
    }

    void showsWhyItFailed_data()
    {
        QTest::addColumn<ConnectionState>("state");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("tokenKept");
        // A refused token is spent: the field is emptied for a new one. After a network failure the
        // same token may still work, so it stays for another try.
        QTest::newRow("refused") << ConnectionState::Disconnected << kRefused << false;
        QTest::newRow("offline") << ConnectionState::Offline
                                 << QStringLiteral("Questrade could not be reached; check the network.")
                                 << true;
    }

    void showsWhyItFailed()
    {
        QFETCH(ConnectionState, state);
        QFETCH(QString, message);
        QFETCH(bool, tokenKept);

        QLineEdit *token = child<QLineEdit>("tokenLineEdit");
        QTest::keyClicks(token, QStringLiteral("SomeToken"));
        m_dialog->submit();
        m_dialog->setConnectionState(ConnectionState::Connecting,
                                     QStringLiteral("Connecting to Questrade\u2026"));
        m_dialog->setConnectionState(state, message);

        QVERIFY(m_dialog->isVisible());
        QVERIFY(!m_dialog->isWaiting());
        QCOMPARE(m_dialog->message(), message);
        QVERIFY(child<QLabel>("messageIconLabel")->isVisible());
        QCOMPARE(token->text(), tokenKept ? QStringLiteral("SomeToken") : QString());
        QVERIFY(token->isEnabled());
        QVERIFY(child<QPushButton>("connectPushButton")->isEnabled());

        // And the user can try again.
        if (!tokenKept)
            QTest::keyClicks(token, QStringLiteral("NewToken"));
        QTest::mouseClick(child<QPushButton>("connectPushButton"), Qt::LeftButton);
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(m_spy->at(1).at(0).toByteArray(),
                 tokenKept ? QByteArray("SomeToken") : QByteArray("NewToken"));
    }

    // Opened from the "Disconnected" banner, the dialog says why before anything is sent; a later
    // Connected (another way back) does not close it, as nothing was sent from it.
    void showsTheReasonBeforeATokenIsSent()
    {
        m_dialog->setConnectionState(ConnectionState::Disconnected, kRefused);
        QCOMPARE(m_dialog->message(), kRefused);
        m_dialog->setConnectionState(ConnectionState::Connected, QStringLiteral("Connected to Questrade."));
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(m_spy->count(), 0);
    }

    void cancelSendsNothing()
    {
        QTest::keyClicks(child<QLineEdit>("tokenLineEdit"), QStringLiteral("NotSent"));
        QTest::keyClick(m_dialog, Qt::Key_Escape);
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QCOMPARE(m_spy->count(), 0);
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

    std::unique_ptr<QWidget> m_parent;
    QPointer<ConnectDialog> m_dialog;
    std::unique_ptr<QSignalSpy> m_spy;
};

TRAILGUARD_GUI_TEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
