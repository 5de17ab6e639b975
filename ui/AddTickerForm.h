#pragma once

#include "common/Result.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

class AddTickerRulesDialog;
class RatioSpinBox;

// The row above the table that adds a ticker: ticker, stop ratio (preset to the default ratio), an
// optional entry price, and the stop strategy (trailing by default; the others take their parameters
// in the field beside it, checked by StopStrategy::parse), and its alert rules (the Rules… button, which
// counts them, opens an AddTickerRulesDialog; they are saved with the ticker or not at all). Enter in any
// field adds. On error the message appears in errorLabel beside the fields and nothing is saved; on success
// the ticker field and the rules are cleared and the ticker field keeps the focus.
class AddTickerForm : public QWidget {
    Q_OBJECT
public:
    // `defaultRatio` presets the ratio field; an error (an invalid STOP_LOSS) is shown in errorLabel.
    AddTickerForm(WatchlistService &service, const Result<double> &defaultRatio, QWidget *parent = nullptr);

    void focusTicker();
    // Presets the ratio field to a new default ratio (after the settings changed); an error is shown
    // like the constructor's.
    void setDefaultRatio(const Result<double> &defaultRatio);
    // The message in errorLabel, empty when there is none.
    QString errorMessage() const;
    // The rule specs the next ticker is added with (as the Rules… dialog leaves them; the service checks
    // them again when adding).
    QStringList rules() const { return m_rules; }
    void setRules(const QStringList &rules);
    // The Rules… dialog while it is open (for tests).
    AddTickerRulesDialog *rulesDialog() const;

public Q_SLOTS:
    // Adds what the fields hold, as Enter and the Add button do.
    void submit();
    // Opens the rules to add with the ticker (the Rules… button).
    void editRules();

Q_SIGNALS:
    void tickerAdded(const QString &ticker);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void showError(const QString &message, QWidget *field);
    void updateStrategyFields();
    // The spec string the strategy fields make, e.g. "atr:14,3" (the ratio comes from the ratio field).
    QString strategySpec() const;
    void clearError();
    void showRuleCount();

    WatchlistService &m_service;
    QLineEdit *m_tickerLineEdit;
    RatioSpinBox *m_ratioSpinBox;
    QLineEdit *m_entryLineEdit;
    QComboBox *m_strategyComboBox;
    QLineEdit *m_strategyParametersLineEdit;
    QToolButton *m_rulesButton;
    QPushButton *m_addPushButton;
    QLabel *m_errorLabel;
    QStringList m_rules;
    QPointer<AddTickerRulesDialog> m_rulesDialog;
};

} // namespace trailguard::ui
