#pragma once

#include "domain/StockState.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

class RuleEditor;

// "Rules for SHOP.TO": the ticker's alert rules beside its stop, edited in a RuleEditor. Changes go through
// WatchlistService (addRule, removeRule); a refusal shows its message here. The list follows the service's
// signals.
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
    RuleEditor *editor() const { return m_editor; }
    QComboBox *kindComboBox() const;
    QLineEdit *parametersLineEdit() const;
    QPushButton *addButton() const;
    QPushButton *removeButton() const;
    QListWidget *rulesList() const;

public Q_SLOTS:
    void addRule();
    void removeSelectedRule();

private:
    void add(const QString &spec);
    void remove(const QString &spec);
    void followStock(const trailguard::StockState &stock);

    QString m_ticker;
    WatchlistService &m_watchlist;
    RuleEditor *m_editor;
};

} // namespace trailguard::ui
