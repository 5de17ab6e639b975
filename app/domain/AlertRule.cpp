#include "domain/AlertRule.h"

#include "domain/PriceFormat.h"

#include <QCoreApplication>

#include <cmath>

namespace trailguard {

namespace {
// Gives the messages below one translation context, "AlertRule".
class AlertRuleText {
    Q_DECLARE_TR_FUNCTIONS(AlertRule)
};

using Kind = AlertRule::Kind;

struct RuleName {
    Kind kind;
    const char16_t *name;
};

constexpr RuleName kRuleNames[] = {
    {Kind::CrossBelowSma, u"cross-below-sma"},
    {Kind::CrossAboveSma, u"cross-above-sma"},
    {Kind::RsiBelow, u"rsi-below"},
    {Kind::RsiAbove, u"rsi-above"},
    {Kind::MacdCrossBelow, u"macd-cross-below"},
    {Kind::MacdCrossAbove, u"macd-cross-above"},
    {Kind::BollingerBelow, u"bb-below"},
    {Kind::BollingerAbove, u"bb-above"},
    {Kind::Target, u"target"},
};

QString nameOf(Kind kind)
{
    for (const RuleName &entry : kRuleNames) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

Error invalidRule(const QString &message)
{
    return Error{ErrorCode::InvalidIndicator, message};
}

QString ruleUsage()
{
    return AlertRuleText::tr("use cross-below-sma:N, cross-above-sma:N, rsi-below:N,X, rsi-above:N,X, "
                             "macd-cross-below:F,S,G, macd-cross-above:F,S,G, bb-below:N,K, bb-above:N,K or "
                             "target:P (for example cross-below-sma:50, rsi-below:14,30, target:120)");
}

QString ruleNumber(double value)
{
    return QString::number(value, 'g', 15);
}

// The indicator a rule watches, parsed with the indicator's own rules and messages.
Result<IndicatorSpec> indicatorOf(Kind kind, const QStringList &params)
{
    switch (kind) {
    case Kind::CrossBelowSma:
    case Kind::CrossAboveSma:
        return IndicatorSpec::parse(QStringLiteral("sma:") + params.join(u','));
    case Kind::RsiBelow:
    case Kind::RsiAbove:
        return IndicatorSpec::parse(QStringLiteral("rsi:") + params.value(0));
    case Kind::MacdCrossBelow:
    case Kind::MacdCrossAbove:
        return IndicatorSpec::parse(QStringLiteral("macd:") + params.join(u','));
    case Kind::BollingerBelow:
    case Kind::BollingerAbove:
        return IndicatorSpec::parse(QStringLiteral("bb:") + params.join(u','));
    case Kind::Target:
        break;
    }
    return IndicatorSpec{};
}

int parameterCount(Kind kind)
{
    switch (kind) {
    case Kind::CrossBelowSma:
    case Kind::CrossAboveSma:
    case Kind::Target:
        return 1;
    case Kind::RsiBelow:
    case Kind::RsiAbove:
    case Kind::BollingerBelow:
    case Kind::BollingerAbove:
        return 2;
    case Kind::MacdCrossBelow:
    case Kind::MacdCrossAbove:
        return 3;
    }
    return 0;
}

// The rule's comparison on one day: what is compared and what it is compared with, when defined.
struct Sides {
    double value = 0;
    double threshold = 0;
};

std::optional<Sides> sidesOn(const AlertRule &rule, const IndicatorValues &values,
                             const QList<DailyBar> &bars, qsizetype i)
{
    const double close = bars[i].close;
    const auto with = [&](std::optional<double> value,
                          std::optional<double> threshold) -> std::optional<Sides> {
        if (!value || !threshold)
            return std::nullopt;
        return Sides{*value, *threshold};
    };
    switch (rule.kind) {
    case Kind::CrossBelowSma:
    case Kind::CrossAboveSma:
        return with(close, values.value(i));
    case Kind::RsiBelow:
    case Kind::RsiAbove:
        return with(values.value(i), rule.level);
    case Kind::MacdCrossBelow:
    case Kind::MacdCrossAbove:
        return with(values.value(i, 0), values.value(i, 1));
    case Kind::BollingerBelow:
        return with(close, values.value(i, 2));
    case Kind::BollingerAbove:
        return with(close, values.value(i, 1));
    case Kind::Target:
        return Sides{close, rule.level};
    }
    return std::nullopt;
}

bool holds(Kind kind, const Sides &sides)
{
    switch (kind) {
    case Kind::CrossBelowSma:
    case Kind::RsiBelow:
    case Kind::MacdCrossBelow:
    case Kind::BollingerBelow:
        return sides.value < sides.threshold;
    case Kind::CrossAboveSma:
    case Kind::RsiAbove:
    case Kind::MacdCrossAbove:
    case Kind::BollingerAbove:
        return sides.value > sides.threshold;
    case Kind::Target:
        return sides.value >= sides.threshold;
    }
    return false;
}

std::optional<RuleFiring> firingAt(const AlertRule &rule, const IndicatorValues &values,
                                   const QList<DailyBar> &bars, qsizetype i)
{
    if (i < 1 || i >= bars.size())
        return std::nullopt;
    const auto today = sidesOn(rule, values, bars, i);
    const auto yesterday = sidesOn(rule, values, bars, i - 1);
    if (!today || !yesterday || !holds(rule.kind, *today) || holds(rule.kind, *yesterday))
        return std::nullopt;
    return RuleFiring{i, bars[i].date, bars[i].close, today->value, today->threshold};
}

IndicatorValues valuesFor(const AlertRule &rule, const QList<DailyBar> &bars)
{
    if (!rule.usesIndicator())
        return IndicatorValues{rule.indicator, {}};
    return Indicators::compute(rule.indicator, bars);
}
} // namespace

Result<AlertRule> AlertRule::parse(const QString &input)
{
    const QString spec = input.trimmed();
    const qsizetype colon = spec.indexOf(u':');
    const QString name = (colon < 0 ? spec : spec.left(colon)).trimmed().toLower();
    const QStringList params = colon < 0 ? QStringList() : spec.mid(colon + 1).split(u',');
    if (spec.isEmpty())
        return invalidRule(AlertRuleText::tr("No rule given: %1.").arg(ruleUsage()));
    std::optional<Kind> kind;
    for (const RuleName &entry : kRuleNames) {
        if (name == QString::fromUtf16(entry.name))
            kind = entry.kind;
    }
    if (!kind)
        return invalidRule(AlertRuleText::tr("\"%1\" is not an alert rule: %2.").arg(spec, ruleUsage()));
    const int count = parameterCount(*kind);
    if (colon < 0 || params.size() != count) {
        return invalidRule(
            AlertRuleText::tr("\"%1\": %2 takes %n parameter(s) separated by commas; %3.", nullptr, count)
                .arg(spec, name, ruleUsage()));
    }

    AlertRule rule;
    rule.kind = *kind;
    if (*kind == Kind::Target) {
        bool ok = false;
        const double price = params[0].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(price) || price <= 0) {
            return invalidRule(
                AlertRuleText::tr("\"%1\": the target price P must be a number greater than 0, not "
                                  "\"%2\".")
                    .arg(spec, params[0].trimmed()));
        }
        rule.level = price;
        return rule;
    }
    if (*kind == Kind::RsiBelow || *kind == Kind::RsiAbove) {
        bool ok = false;
        const double level = params[1].trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(level) || level <= 0 || level >= 100) {
            return invalidRule(AlertRuleText::tr("\"%1\": the RSI level X must be a number between 0 and 100 "
                                                 "(for example 30), not \"%2\".")
                                   .arg(spec, params[1].trimmed()));
        }
        rule.level = level;
    }
    const auto indicator = indicatorOf(*kind, params);
    if (!indicator)
        return indicator.error();
    rule.indicator = indicator.value();
    return rule;
}

QString AlertRule::spec() const
{
    const QString name = nameOf(kind);
    switch (kind) {
    case Kind::Target:
        return name + u':' + ruleNumber(level);
    case Kind::RsiBelow:
    case Kind::RsiAbove:
        return QStringLiteral("%1:%2,%3").arg(name).arg(indicator.period).arg(ruleNumber(level));
    case Kind::CrossBelowSma:
    case Kind::CrossAboveSma:
    case Kind::MacdCrossBelow:
    case Kind::MacdCrossAbove:
    case Kind::BollingerBelow:
    case Kind::BollingerAbove:
        // The indicator's parameters, in its own canonical form ("sma:50" → "50").
        return name + indicator.spec().mid(indicator.spec().indexOf(u':'));
    }
    return name;
}

QList<RuleFiring> AlertRules::firings(const AlertRule &rule, const QList<DailyBar> &bars)
{
    const IndicatorValues values = valuesFor(rule, bars);
    QList<RuleFiring> out;
    for (qsizetype i = 1; i < bars.size(); ++i) {
        if (auto firing = firingAt(rule, values, bars, i))
            out.append(*firing);
    }
    return out;
}

std::optional<RuleFiring> AlertRules::firesOnLastBar(const AlertRule &rule, const QList<DailyBar> &bars)
{
    return firingAt(rule, valuesFor(rule, bars), bars, bars.size() - 1);
}

QString AlertRules::message(const AlertRule &rule, const QString &ticker, const RuleFiring &firing)
{
    const QString value = PriceFormat::text(firing.value);
    const QString threshold = PriceFormat::text(firing.threshold);
    const QString level = QString::number(firing.threshold, 'f', 2);
    const QString rsi = QString::number(firing.value, 'f', 2);
    switch (rule.kind) {
    case Kind::CrossBelowSma:
        return AlertRuleText::tr("%1 closed below its %2-day average: %3 < %4")
            .arg(ticker)
            .arg(rule.indicator.period)
            .arg(value, threshold);
    case Kind::CrossAboveSma:
        return AlertRuleText::tr("%1 closed above its %2-day average: %3 > %4")
            .arg(ticker)
            .arg(rule.indicator.period)
            .arg(value, threshold);
    case Kind::RsiBelow:
        return AlertRuleText::tr("%1's %2-day RSI fell below %3: %4")
            .arg(ticker)
            .arg(rule.indicator.period)
            .arg(level, rsi);
    case Kind::RsiAbove:
        return AlertRuleText::tr("%1's %2-day RSI rose above %3: %4")
            .arg(ticker)
            .arg(rule.indicator.period)
            .arg(level, rsi);
    case Kind::MacdCrossBelow:
        return AlertRuleText::tr("%1's MACD (%2) crossed below its signal line: %3 < %4")
            .arg(ticker, rule.indicator.spec(), QString::number(firing.value, 'f', 4),
                 QString::number(firing.threshold, 'f', 4));
    case Kind::MacdCrossAbove:
        return AlertRuleText::tr("%1's MACD (%2) crossed above its signal line: %3 > %4")
            .arg(ticker, rule.indicator.spec(), QString::number(firing.value, 'f', 4),
                 QString::number(firing.threshold, 'f', 4));
    case Kind::BollingerBelow:
        return AlertRuleText::tr("%1 closed below its lower Bollinger band (%2): %3 < %4")
            .arg(ticker, rule.indicator.spec(), value, threshold);
    case Kind::BollingerAbove:
        return AlertRuleText::tr("%1 closed above its upper Bollinger band (%2): %3 > %4")
            .arg(ticker, rule.indicator.spec(), value, threshold);
    case Kind::Target:
        return AlertRuleText::tr("%1 reached its target: %2 ≥ %3").arg(ticker, value, threshold);
    }
    return {};
}

QString AlertRules::describe(const AlertRule &rule)
{
    const QString level = ruleNumber(rule.level);
    switch (rule.kind) {
    case Kind::CrossBelowSma:
        return AlertRuleText::tr("Closes below its %1-day average").arg(rule.indicator.period);
    case Kind::CrossAboveSma:
        return AlertRuleText::tr("Closes above its %1-day average").arg(rule.indicator.period);
    case Kind::RsiBelow:
        return AlertRuleText::tr("%1-day RSI falls below %2").arg(rule.indicator.period).arg(level);
    case Kind::RsiAbove:
        return AlertRuleText::tr("%1-day RSI rises above %2").arg(rule.indicator.period).arg(level);
    case Kind::MacdCrossBelow:
        return AlertRuleText::tr("MACD (%1) crosses below its signal line").arg(rule.indicator.spec());
    case Kind::MacdCrossAbove:
        return AlertRuleText::tr("MACD (%1) crosses above its signal line").arg(rule.indicator.spec());
    case Kind::BollingerBelow:
        return AlertRuleText::tr("Closes below the lower Bollinger band (%1)").arg(rule.indicator.spec());
    case Kind::BollingerAbove:
        return AlertRuleText::tr("Closes above the upper Bollinger band (%1)").arg(rule.indicator.spec());
    case Kind::Target:
        return AlertRuleText::tr("Reaches the target price %1").arg(PriceFormat::text(rule.level));
    }
    return rule.spec();
}

} // namespace trailguard
