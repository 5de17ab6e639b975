#pragma once

#include "common/Result.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace trailguard::ui {

// The escalation policy in the General tab: the steps as text ("off", or "10m:ntfy-urgent;30m:email"),
// checked as they are typed with the parser's message and an example, and whether steps go out only while
// the market is open (the policy's market-hours option).
//
// Children: escalationLineEdit, escalationMarketHoursCheckBox, escalationErrorLabel.
class EscalationPolicyEditor : public QWidget {
    Q_OBJECT
public:
    explicit EscalationPolicyEditor(QWidget *parent = nullptr);

    // Shows a stored policy; one that is not valid (edited by hand) is shown as written, with its error.
    void setPolicyText(const QString &text);
    // The policy to store, in its canonical form ("off" when escalation is off); the typed text while it is
    // not valid.
    QString policyText() const;
    Status validate() const;

Q_SIGNALS:
    void edited();

private:
    QString combinedText() const;
    void revalidate();

    QLineEdit *m_stepsLineEdit;
    QCheckBox *m_marketHoursCheckBox;
    QLabel *m_errorLabel;
};

} // namespace trailguard::ui
