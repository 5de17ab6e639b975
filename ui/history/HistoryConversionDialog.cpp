#include "history/HistoryConversionDialog.h"

#include "storage/Database.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QtConcurrent>

namespace trailguard::ui {

namespace {
constexpr int kSteps = 1000;
} // namespace

HistoryConversionDialog::HistoryConversionDialog(QString databaseFile, QWidget *parent)
    : QProgressDialog(parent)
    , m_databaseFile(std::move(databaseFile))
{
    setObjectName(QStringLiteral("historyConversionProgressDialog"));
    setWindowTitle(tr("Updating Trailguard's data"));
    setLabelText(tr("Converting the price history to a more compact format…"));
    setCancelButton(nullptr);
    setRange(0, kSteps);
    setMinimumDuration(500); // a small history converts before the dialog would show
    setAutoClose(false);
    setAutoReset(false);
}

void HistoryConversionDialog::start()
{
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const Status status = watcher->result();
        watcher->deleteLater();
        hide();
        Q_EMIT conversionFinished(status);
    });
    // Progress comes from the worker: queued to this dialog, which lives until the worker has finished.
    const auto progress = [this](qint64 moved, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, moved, total] { showProgress(moved, total); }, Qt::QueuedConnection);
    };
    watcher->setFuture(QtConcurrent::run([file = m_databaseFile, progress]() -> Status {
        Result<std::unique_ptr<Database>> database = Database::open(file, progress);
        if (!database)
            return database.error();
        return success();
    }));
}

void HistoryConversionDialog::showProgress(qint64 movedRows, qint64 totalRows)
{
    setLabelText(tr("Converting the price history to a more compact format… %1 of %2 prices")
                     .arg(QLocale().toString(movedRows), QLocale().toString(totalRows)));
    setValue(totalRows > 0 ? int(movedRows * kSteps / totalRows) : kSteps);
}

} // namespace trailguard::ui
