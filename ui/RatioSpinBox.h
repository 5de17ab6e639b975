#pragma once

#include <QDoubleSpinBox>

namespace trailguard::ui {

// A stop ratio field: 0 to 1 in steps of 0.01, up to four decimals, shown as "0.90" rather than
// "0.9000". Used by the add form and for editing a ratio in the table.
class RatioSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit RatioSpinBox(QWidget *parent = nullptr);

    QString textFromValue(double value) const override;
};

} // namespace trailguard::ui
