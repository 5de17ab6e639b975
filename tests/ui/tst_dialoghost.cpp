#include "GuiTestMain.h"

#include "DialogHost.h"

#include <QDialog>
#include <QPointer>
#include <QTest>

using trailguard::ui::DialogHost;

namespace {
class NoteDialog : public QDialog {
    Q_OBJECT
public:
    using QDialog::QDialog;
};

class OtherDialog : public QDialog {
    Q_OBJECT
public:
    using QDialog::QDialog;
};
} // namespace

class TestDialogHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_host = new DialogHost(m_window.get());
        m_created = 0;
    }

    void cleanup() { m_window.reset(); }

    void askingTwiceRaisesTheSameDialog()
    {
        NoteDialog *first = open();
        QVERIFY(first);
        QVERIFY(first->isVisible());
        QVERIFY(first->testAttribute(Qt::WA_DeleteOnClose));
        QCOMPARE(first->parentWidget(), m_window.get());
        first->hide(); // hidden behind: asking again shows it
        NoteDialog *second = open();
        QCOMPARE(second, first);
        QCOMPARE(m_created, 1);
        QVERIFY(second->isVisible());
        QCOMPARE(m_host->find<NoteDialog>(), first);
    }

    void aClosedDialogIsForgottenBeforeItIsDeleted()
    {
        QPointer<NoteDialog> first = open();
        first->reject(); // finished; the deferred delete has not run yet
        QVERIFY(first);
        QVERIFY(!m_host->find<NoteDialog>());
        NoteDialog *second = open();
        QVERIFY(second != first.data());
        QCOMPARE(m_created, 2);
        QVERIFY(second->isVisible());
        QTRY_VERIFY(!first); // the closed one is deleted all the same
        QCOMPARE(m_host->find<NoteDialog>(), second);
    }

    void aDestroyedDialogIsReplaced()
    {
        NoteDialog *first = open();
        delete first;
        QVERIFY(!m_host->find<NoteDialog>());
        QVERIFY(open());
        QCOMPARE(m_created, 2);
    }

    void eachTypeAndKeyHasItsOwnDialog()
    {
        NoteDialog *aapl = open(QStringLiteral("AAPL"));
        NoteDialog *shop = open(QStringLiteral("SHOP.TO"));
        QVERIFY(aapl != shop);
        QCOMPARE(open(QStringLiteral("AAPL")), aapl);
        auto *other =
            m_host->raiseOrCreate<OtherDialog>([this] { return new OtherDialog(m_window.get()); },
                                               DialogHost::Modality::Modeless, QStringLiteral("AAPL"));
        QVERIFY(other);
        QCOMPARE(m_host->find<NoteDialog>(QStringLiteral("AAPL")), aapl);
        QCOMPARE(m_host->find<OtherDialog>(QStringLiteral("AAPL")), other);
        QVERIFY(!m_host->find<NoteDialog>());
    }

    void modalityDecidesHowItOpens()
    {
        NoteDialog *modeless = open();
        QCOMPARE(modeless->windowModality(), Qt::NonModal);
        auto *modal = m_host->raiseOrCreate<OtherDialog>([this] { return new OtherDialog(m_window.get()); },
                                                         DialogHost::Modality::WindowModal);
        QCOMPARE(modal->windowModality(), Qt::WindowModal);
        QVERIFY(modal->isVisible());
    }

private:
    NoteDialog *open(const QString &key = {})
    {
        return m_host->raiseOrCreate<NoteDialog>(
            [this] {
                ++m_created;
                return new NoteDialog(m_window.get());
            },
            DialogHost::Modality::Modeless, key);
    }

    std::unique_ptr<QWidget> m_window;
    DialogHost *m_host = nullptr;
    int m_created = 0;
};

TRAILGUARD_GUI_TEST_MAIN(TestDialogHost)
#include "tst_dialoghost.moc"
