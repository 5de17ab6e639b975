#include "RatioSpinBox.h"

#include "Formatting.h"

namespace trailguard::ui {

namespace {
constexpr int kDecimals = 4;
constexpr double kStep = 0.01;
} // namespace

RatioSpinBox::RatioSpinBox(QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(kDecimals);
    // 0 and 1 are reachable on purpose: the core refuses them with a message that explains the rule.
    setRange(0.0, 1.0);
    setSingleStep(kStep);
    setAccelerated(true);
    setToolTip(tr("Stop = peak \u00d7 ratio; 0.90 keeps the stop 10% below the highest price."));
}

QString RatioSpinBox::textFromValue(double value) const
{
    return Formatting::ratio(value);
}

} // namespace trailguard::ui
