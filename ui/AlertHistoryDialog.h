#pragma once

#include "AlertHistoryModel.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

// The alert history window (modeless): every recent alert with the state of each of its deliveries.
// The user acknowledges the selected alerts, snoozes the selected alert's ticker for 1 to 30 days (or
// ends its snooze) and refreshes; the app calls refresh() whenever a delivery finishes.
//
// Children: historyTableView, acknowledgePushButton, snoozeDaysSpinBox, snoozePushButton,
// unsnoozePushButton, refreshPushButton, messageLabel (what the last action did, or its error) and the
// button box's Close button.
class AlertHistoryDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMaxSnoozeDays = 30;

    AlertHistoryDialog(AlertHistoryModel::Loader load, AlertHistoryModel::Acknowledger acknowledge,
                       WatchlistService &watchlist, QWidget *parent = nullptr);
    ~AlertHistoryDialog() override;

    AlertHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_tableView; }
    // The sentence in messageLabel.
    QString message() const;
    // The model rows selected in the table, in view order.
    QList<int> selectedRows() const;
    // Selects the row of this alert (clearing other selections); false when it is not shown.
    bool selectAlert(qint64 alertId);
    // Reads the history again and then selects this alert (a notification's click: it may be newer than
    // what the table shows).
    void showAlert(qint64 alertId);

public Q_SLOTS:
    // Reads the history again on a worker, keeping the selection; a failure shows in messageLabel.
    void refresh();
    void acknowledgeSelected();
    // Snoozes the selected alert's ticker for snoozeDaysSpinBox's days.
    void snoozeSelectedTicker();
    void unsnoozeSelectedTicker();

private:
    struct Selection {
        QList<qint64> selected; // alert ids
        qint64 current = 0;
        int column = 0;
    };
    Selection saveSelection() const;
    void restoreSelection(const Selection &saved);
    QString currentTicker() const;
    void updateActions();
    void showMessage(const QString &message);

    WatchlistService &m_watchlist;
    AlertHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_tableView;
    QPushButton *m_acknowledgeButton;
    QSpinBox *m_snoozeDaysSpinBox;
    QPushButton *m_snoozeButton;
    QPushButton *m_unsnoozeButton;
    QPushButton *m_refreshButton;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttonBox;
    Selection m_selectionBeforeReset;
    qint64 m_alertToShow = 0; // showAlert()'s, until the history that has it is read
};

} // namespace trailguard::ui
