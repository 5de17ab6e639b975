#pragma once

#include "common/Result.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace trailguard {
class WatchlistService;
}

namespace trailguard::ui {

class RatioSpinBox;

// The row above the table that adds a ticker: ticker, stop ratio (preset to the default ratio), an
// optional entry price, and the stop strategy (trailing by default; the others take their parameters
// in the field beside it, checked by StopStrategy::parse). Enter in any field adds. On error the message
// appears in errorLabel beside the fields and nothing is saved; on success the ticker field is cleared and
// keeps the focus.
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

public Q_SLOTS:
    // Adds what the fields hold, as Enter and the Add button do.
    void submit();

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

    WatchlistService &m_service;
    QLineEdit *m_tickerLineEdit;
    RatioSpinBox *m_ratioSpinBox;
    QLineEdit *m_entryLineEdit;
    QComboBox *m_strategyComboBox;
    QLineEdit *m_strategyParametersLineEdit;
    QPushButton *m_addPushButton;
    QLabel *m_errorLabel;
};

} // namespace trailguard::ui
