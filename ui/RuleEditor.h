#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace trailguard::ui {

// Editing a list of alert rules, shared by RulesDialog (a watched ticker's rules) and AddTickerRulesDialog
// (the rules a new ticker is added with): the rules listed with Remove, and a new rule built from a kind
// ("Closes below its moving average", "RSI falls below"…) and its parameters ("50", "14,30"), or typed
// whole in the parameters field ("rsi-below:14,30"), checked as it is typed (AlertRule::parse's message
// shows under the field). It stores nothing: Add and Remove ask through signals, and the owner answers
// with setRules() or showError().
class RuleEditor : public QWidget {
    Q_OBJECT
public:
    explicit RuleEditor(QWidget *parent = nullptr);

    // Lays out `dialog` as both rule dialogs are: `intro` above this editor, a Close button below.
    void placeInDialog(QDialog &dialog, const QString &intro);

    // The rules listed (canonical specs).
    QStringList rules() const;
    void setRules(const QStringList &rules);
    // The spec the kind and parameters make (what Add adds), and the message shown under them.
    QString specText() const;
    QString message() const;
    // A refusal (in the normal text colour) or a quiet note ("Added target:120.").
    void showError(const QString &message);
    void showNote(const QString &note);

    // For tests: the parts, by objectName too.
    QComboBox *kindComboBox() const { return m_kindComboBox; }
    QLineEdit *parametersLineEdit() const { return m_parametersLineEdit; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QListWidget *rulesList() const { return m_rulesList; }

public Q_SLOTS:
    // Checks the spec; a bad one shows its message, a good one is asked for (addRequested, canonical).
    void addRule();
    void removeSelectedRule();

Q_SIGNALS:
    void addRequested(const QString &spec);
    void removeRequested(const QString &spec);

private:
    void kindChosen();
    void validate();

    QListWidget *m_rulesList;
    QComboBox *m_kindComboBox;
    QLineEdit *m_parametersLineEdit;
    QLabel *m_messageLabel;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
};

} // namespace trailguard::ui
