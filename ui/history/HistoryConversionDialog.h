#pragma once

#include "common/Result.h"

#include <QProgressDialog>
#include <QString>

namespace trailguard::ui {

// Converts the price history of an older Trailguard (HistoryConversion, run by Database::open) on a worker
// thread with a connection of its own, before the window opens, and shows its progress: a year of history
// for many tickers takes a while, and the GUI thread must not freeze meanwhile. No cancel button: an
// interrupted conversion resumes at the next start anyway.
class HistoryConversionDialog : public QProgressDialog {
    Q_OBJECT
public:
    explicit HistoryConversionDialog(QString databaseFile, QWidget *parent = nullptr);

    // Starts the conversion; conversionFinished follows once, on the GUI thread.
    void start();

Q_SIGNALS:
    void conversionFinished(const trailguard::Status &status);

private:
    void showProgress(qint64 movedRows, qint64 totalRows);

    QString m_databaseFile;
};

} // namespace trailguard::ui
