#pragma once

#include "replay/Replay.h"

#include <QDate>
#include <QGroupBox>

#include <optional>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;

namespace trailguard::ui {

// What of the prices a backtest replays and how: the period (which never turns inside out), the entry
// price (none: the first close) and whether alerts repeat every day below the stop.
//
// Children: fromDateEdit, toDateEdit, entrySpinBox, repeatComboBox.
class BacktestPeriodBox : public QGroupBox {
    Q_OBJECT
public:
    explicit BacktestPeriodBox(QWidget *parent = nullptr);

    // Limits the period to [first, last] and selects all of it.
    void resetTo(const QDate &first, const QDate &last);
    void setPeriod(const QDate &from, const QDate &to);
    QDate from() const;
    QDate to() const;

    void setEntryPrice(std::optional<double> entry);
    std::optional<double> entryPrice() const;
    RepeatPolicy repeat() const;

private:
    QDateEdit *m_fromDateEdit;
    QDateEdit *m_toDateEdit;
    QDoubleSpinBox *m_entrySpinBox;
    QComboBox *m_repeatComboBox;
};

} // namespace trailguard::ui
