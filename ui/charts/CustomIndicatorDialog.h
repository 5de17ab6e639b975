#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace trailguard::ui {

// "Custom indicator": a spec typed by hand ("sma:30", "bb:20,2.5"), checked as it is typed with
// IndicatorSpec::parse, whose message shows under the field; OK only while it is valid.
class CustomIndicatorDialog : public QDialog {
    Q_OBJECT
public:
    explicit CustomIndicatorDialog(QWidget *parent = nullptr);

    QLineEdit *specLineEdit() const { return m_specLineEdit; }
    // The parser's message while the text is invalid, else empty.
    QString message() const;

Q_SIGNALS:
    // OK with a valid spec (canonical).
    void specAccepted(const QString &spec);

private:
    void validate();

    QLineEdit *m_specLineEdit;
    QLabel *m_messageLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace trailguard::ui
