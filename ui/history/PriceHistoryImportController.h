#pragma once

#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QMainWindow;
class QProgressDialog;

namespace trailguard {
class PriceHistoryImportJob;
}

namespace trailguard::ui {

// File > Import Price History…: picks a CSV file, asks for the ticker when the file has no symbol column
// (suggesting the selected one), imports it on a worker thread with a progress dialog, and says what was
// imported, or why nothing was (naming the first bad line). Every dialog is window-modal and non-blocking.
class PriceHistoryImportController : public QObject {
    Q_OBJECT
public:
    // `currentTicker` gives the ticker selected in the window (may be empty).
    PriceHistoryImportController(QMainWindow &window, const QString &databaseFile,
                                 std::function<QString()> currentTicker, QObject *parent = nullptr);
    ~PriceHistoryImportController() override;

    QAction *action() const { return m_action; }
    // Starts the import of `csvPath` (asking for a ticker when needed), as the file dialog does.
    void importFile(const QString &csvPath);
    // The ticker that a file without a symbol column is imported for unless the user says otherwise.
    QString suggestedTicker(const QString &csvPath) const;
    // True when the first rows of the file have a symbol column.
    static bool hasSymbolColumn(const QString &csvPath);

Q_SIGNALS:
    // After a successful import (for example to refresh the chart).
    void imported(const QStringList &tickers);
    // After the result was shown (`message` is the text of the box).
    void finished(const QString &message, const trailguard::Status &status);

private:
    void chooseFile();
    void start(const QString &csvPath, const QString &ticker);

    QMainWindow &m_window;
    std::function<QString()> m_currentTicker;
    QAction *m_action;
    std::unique_ptr<PriceHistoryImportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};

} // namespace trailguard::ui
