#pragma once

#include "domain/StockState.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

// "Rules for SHOP.TO": the ticker's alert rules beside its stop, with Add and Remove. A rule is built from
// a kind ("Closes below its moving average", "RSI falls below"…) and its parameters ("50", "14,30"), or
// typed whole in the parameters field ("rsi-below:14,30"); it is checked as it is typed (AlertRule::parse's
// message shows under the field). Changes go through WatchlistService (addRule, removeRule); a refusal
// shows its message here. The list follows the service's signals.
class RulesDialog : public QDialog {
    Q_OBJECT
public:
    // `watchlist` must outlive the dialog.
    RulesDialog(const QString &ticker, WatchlistService &watchlist, QWidget *parent = nullptr);

    QString ticker() const { return m_ticker; }
    // The rules listed (canonical specs).
    QStringList rules() const;
    // The spec the kind and parameters make (what Add adds), and the message shown under them.
    QString specText() const;
    QString message() const;

    // For tests: the parts, by objectName too.
    QComboBox *kindComboBox() const { return m_kindComboBox; }
    QLineEdit *parametersLineEdit() const { return m_parametersLineEdit; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QListWidget *rulesList() const { return m_rulesList; }

public Q_SLOTS:
    void addRule();
    void removeSelectedRule();

private:
    void showRules(const QStringList &rules);
    void kindChosen();
    void validate();
    void showError(const QString &message);
    void followStock(const trailguard::StockState &stock);

    QString m_ticker;
    WatchlistService &m_watchlist;
    QListWidget *m_rulesList;
    QComboBox *m_kindComboBox;
    QLineEdit *m_parametersLineEdit;
    QLabel *m_messageLabel;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
};

} // namespace trailguard::ui
