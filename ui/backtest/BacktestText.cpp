#include "backtest/BacktestText.h"

#include "Formatting.h"
#include "domain/StopStrategy.h"

#include <QCoreApplication>
#include <QLocale>

namespace trailguard::ui::BacktestText {

namespace {
// The translation context the strings had when they lived in the dialog, so the .ts files still match.
class BacktestDialog {
    Q_DECLARE_TR_FUNCTIONS(trailguard::ui::BacktestDialog)
};
} // namespace

QString describe(const StopStrategy &strategy)
{
    const QLocale locale;
    const auto pct = [&](double value) { return locale.toString(value * 100.0, 'g', 4); };
    switch (strategy.kind) {
    case StopStrategy::Kind::Trailing:
        return BacktestDialog::tr("Trailing: the stop follows the peak at %1% of it")
            .arg(pct(strategy.ratio));
    case StopStrategy::Kind::Fixed:
        return BacktestDialog::tr("Fixed: the stop stays at %1").arg(Formatting::price(strategy.fixedPrice));
    case StopStrategy::Kind::FixedPct:
        return BacktestDialog::tr("Fixed at %1% of the entry price").arg(pct(strategy.ratio));
    case StopStrategy::Kind::Activation:
        return BacktestDialog::tr("%1% of the entry, trailing once the price is %2% above the entry")
            .arg(pct(strategy.ratio), pct(strategy.activationGain));
    case StopStrategy::Kind::Atr:
        return BacktestDialog::tr("Chandelier exit: highest high of %1 days minus %2 × ATR(%1); needs "
                                  "daily highs and lows")
            .arg(strategy.atrPeriod)
            .arg(locale.toString(strategy.atrMultiplier, 'g', 4));
    }
    return {};
}

QString percent(double ratio)
{
    const QString number = QLocale().toString(ratio * 100.0, 'f', 2);
    return ratio > 0 ? BacktestDialog::tr("+%1%", "a positive return").arg(number)
                     : BacktestDialog::tr("%1%", "a return").arg(number);
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace trailguard::ui::BacktestText
