#include "history/PriceHistoryImportController.h"

#include "domain/Ticker.h"
#include "history/PriceCsv.h"
#include "history/PriceHistoryImport.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QStatusBar>

namespace trailguard::ui {

namespace {
// Enough of a file to see its layout without reading all of it on the GUI thread.
constexpr qint64 kPeekBytes = 4096;
} // namespace

PriceHistoryImportController::PriceHistoryImportController(QMainWindow &window, const QString &databaseFile,
                                                           std::function<QString()> currentTicker,
                                                           QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_currentTicker(std::move(currentTicker))
    , m_action(new QAction(tr("Import Price &History\u2026"), this))
    , m_job(std::make_unique<PriceHistoryImportJob>(databaseFile))
{
    m_action->setObjectName(QStringLiteral("importPriceHistoryAction"));
    m_action->setStatusTip(tr("Add price history from a CSV file to the charts"));
    connect(m_action, &QAction::triggered, this, &PriceHistoryImportController::chooseFile);
    // In the File menu, after Import Positions… when it is there.
    if (auto *menu = window.findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        const QList<QAction *> actions = menu->actions();
        QAction *before = actions.value(0);
        for (qsizetype i = 0; i < actions.size(); ++i) {
            if (actions.at(i)->objectName() == QLatin1String("importPositionsAction"))
                before = actions.value(i + 1);
        }
        menu->insertAction(before, m_action);
    }

    connect(m_job.get(), &PriceHistoryImportJob::progressChanged, this, [this](qint64 done, qint64 total) {
        if (!m_progress)
            return;
        m_progress->setMaximum(int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
    });
    connect(m_job.get(), &PriceHistoryImportJob::finished, this,
            [this](const Result<PriceHistoryImport::Summary> &result) {
                if (m_progress) {
                    m_progress->reset();
                    m_progress->deleteLater();
                }
                m_action->setEnabled(true);
                auto *box = new QMessageBox(&m_window);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->setObjectName(QStringLiteral("importPriceHistoryResultBox"));
                box->setWindowTitle(tr("Import Price History"));
                QString message;
                if (result.ok()) {
                    const PriceHistoryImport::Summary &summary = result.value();
                    // The words of `trailguard history import`: what was stored, per ticker.
                    const QStringList lines = PriceHistoryImport::describe(summary, QLocale());
                    message = lines.join(u'\n');
                    box->setIcon(QMessageBox::Information);
                    box->setText(message);
                    m_window.statusBar()->showMessage(lines.join(QStringLiteral("; ")), 10000);
                    Q_EMIT imported(summary.tickerNames());
                } else {
                    message = tr("The price history was not imported. Nothing was saved.");
                    box->setIcon(QMessageBox::Warning);
                    box->setText(message);
                    box->setInformativeText(result.error().message);
                }
                box->open();
                Q_EMIT finished(message, result.ok() ? success() : Status(result.error()));
            });
}

PriceHistoryImportController::~PriceHistoryImportController() = default;

void PriceHistoryImportController::chooseFile()
{
    auto *dialog = new QFileDialog(&m_window, tr("Import Price History"),
                                   QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importPriceHistoryFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &PriceHistoryImportController::importFile);
    dialog->open();
}

bool PriceHistoryImportController::hasSymbolColumn(const QString &csvPath)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(kPeekBytes);
    if (!file.atEnd()) {
        const qsizetype lastLine = head.lastIndexOf('\n');
        if (lastLine > 0)
            head.truncate(lastLine + 1);
    }
    // The first row that reads tells the layout (a bad line further down is the import's to report).
    const QList<QByteArray> lines = head.split('\n');
    QByteArray start;
    for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 5); ++i) {
        start += lines.at(i) + '\n';
        const Result<QList<PriceRow>> rows = PriceCsv::parse(start);
        if (rows && !rows.value().isEmpty())
            return !rows.value().constFirst().symbol.isEmpty();
    }
    return false;
}

QString PriceHistoryImportController::suggestedTicker(const QString &csvPath) const
{
    const QString selected = m_currentTicker ? m_currentTicker() : QString();
    if (!selected.isEmpty())
        return selected;
    const Result<QString> fromName = Ticker::normalize(QFileInfo(csvPath).completeBaseName());
    return fromName ? fromName.value() : QString();
}

void PriceHistoryImportController::importFile(const QString &csvPath)
{
    if (csvPath.isEmpty() || m_job->isRunning())
        return;
    if (hasSymbolColumn(csvPath)) {
        start(csvPath, {});
        return;
    }
    auto *ask = new QInputDialog(&m_window);
    ask->setObjectName(QStringLiteral("importPriceHistoryTickerDialog"));
    ask->setAttribute(Qt::WA_DeleteOnClose);
    ask->setWindowTitle(tr("Import Price History"));
    ask->setLabelText(
        tr("%1 has no symbol column. Which ticker are its prices for?").arg(QFileInfo(csvPath).fileName()));
    ask->setTextValue(suggestedTicker(csvPath));
    connect(ask, &QInputDialog::textValueSelected, this, [this, csvPath](const QString &text) {
        const Result<QString> ticker = Ticker::normalize(text);
        if (!ticker) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Import Price History"),
                                        ticker.error().message, QMessageBox::Ok, &m_window);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        start(csvPath, ticker.value());
    });
    ask->open();
}

void PriceHistoryImportController::start(const QString &csvPath, const QString &ticker)
{
    if (!m_job->start(csvPath, ticker))
        return;
    m_action->setEnabled(false);
    m_progress = new QProgressDialog(tr("Importing %1\u2026").arg(QFileInfo(csvPath).fileName()), QString(),
                                     0, 0, &m_window);
    m_progress->setObjectName(QStringLiteral("importPriceHistoryProgressDialog"));
    m_progress->setWindowTitle(tr("Import Price History"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(300); // a small file finishes before the dialog would show
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setValue(0);
}

} // namespace trailguard::ui
