#include "domain/StopStrategy.h"

#include "domain/Ticker.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>

namespace trailguard {

namespace {
// Gives the messages below one translation context, "StopStrategy".
class StrategyText {
    Q_DECLARE_TR_FUNCTIONS(StopStrategy)
};

constexpr int kMaxAtrPeriod = 1000;

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidStrategy, message};
}

QString usage()
{
    return StrategyText::tr("use trailing:R, fixed:P, fixed-pct:R, activation:R,A or atr:N,K "
                            "(for example trailing:0.9, fixed:95.5, fixed-pct:0.92, activation:0.9,0.1, "
                            "atr:14,3)");
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

std::optional<double> parseNumber(const QString &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

Result<double> parseRatio(const QString &spec, const QString &text)
{
    const auto ratio = parseNumber(text);
    if (!ratio || !StopRatio::isValid(*ratio)) {
        return invalid(StrategyText::tr("\"%1\": the ratio R must be a number from %2 to less than 1 "
                                        "(0.9 puts the stop 10% below), not \"%3\".")
                           .arg(spec)
                           .arg(StopRatio::kMinimum)
                           .arg(text.trimmed()));
    }
    return *ratio;
}
} // namespace

StopStrategy StopStrategy::trailing(double ratio)
{
    StopStrategy strategy;
    strategy.ratio = ratio;
    return strategy;
}

Result<StopStrategy> StopStrategy::parse(const QString &input)
{
    const QString spec = input.trimmed();
    const qsizetype colon = spec.indexOf(u':');
    const QString name = (colon < 0 ? spec : spec.left(colon)).trimmed().toLower();
    const QStringList params = colon < 0 ? QStringList() : spec.mid(colon + 1).split(u',');
    if (spec.isEmpty())
        return invalid(StrategyText::tr("No strategy given: %1.").arg(usage()));

    const auto expectParams = [&](int count) -> Status {
        if (colon < 0 || params.size() != count) {
            return invalid(StrategyText::tr("\"%1\": %2 takes %3; %4.")
                               .arg(spec, name,
                                    count == 1 ? StrategyText::tr("one parameter")
                                               : StrategyText::tr("two parameters separated by a comma"),
                                    usage()));
        }
        return success();
    };

    StopStrategy strategy;
    if (name == u"trailing" || name == u"fixed-pct") {
        if (const auto ok = expectParams(1); !ok)
            return ok.error();
        const auto ratio = parseRatio(spec, params[0]);
        if (!ratio)
            return ratio.error();
        strategy.kind = name == u"trailing" ? Kind::Trailing : Kind::FixedPct;
        strategy.ratio = ratio.value();
        return strategy;
    }
    if (name == u"fixed") {
        if (const auto ok = expectParams(1); !ok)
            return ok.error();
        const auto price = parseNumber(params[0]);
        if (!price || *price <= 0.0) {
            return invalid(StrategyText::tr("\"%1\": the stop price P must be a number greater than 0, not "
                                            "\"%2\".")
                               .arg(spec, params[0].trimmed()));
        }
        strategy.kind = Kind::Fixed;
        strategy.fixedPrice = *price;
        return strategy;
    }
    if (name == u"activation") {
        if (const auto ok = expectParams(2); !ok)
            return ok.error();
        const auto ratio = parseRatio(spec, params[0]);
        if (!ratio)
            return ratio.error();
        const auto gain = parseNumber(params[1]);
        if (!gain || *gain < 0.0) {
            return invalid(StrategyText::tr("\"%1\": the activation gain A must be a number of 0 or more "
                                            "(0.1 starts trailing once the price is 10% above the entry), "
                                            "not \"%2\".")
                               .arg(spec, params[1].trimmed()));
        }
        strategy.kind = Kind::Activation;
        strategy.ratio = ratio.value();
        strategy.activationGain = *gain;
        return strategy;
    }
    if (name == u"atr") {
        if (const auto ok = expectParams(2); !ok)
            return ok.error();
        bool ok = false;
        const int period = params[0].trimmed().toInt(&ok);
        if (!ok || period < 1 || period > kMaxAtrPeriod) {
            return invalid(StrategyText::tr("\"%1\": the period N must be a whole number from 1 to %2, not "
                                            "\"%3\".")
                               .arg(spec)
                               .arg(kMaxAtrPeriod)
                               .arg(params[0].trimmed()));
        }
        const auto multiplier = parseNumber(params[1]);
        if (!multiplier || *multiplier <= 0.0) {
            return invalid(StrategyText::tr("\"%1\": the multiplier K must be a number greater than 0, not "
                                            "\"%2\".")
                               .arg(spec, params[1].trimmed()));
        }
        strategy.kind = Kind::Atr;
        strategy.atrPeriod = period;
        strategy.atrMultiplier = *multiplier;
        return strategy;
    }
    return invalid(StrategyText::tr("\"%1\" is not a known strategy; %2.").arg(spec, usage()));
}

QString StopStrategy::spec() const
{
    switch (kind) {
    case Kind::Trailing:
        return QStringLiteral("trailing:%1").arg(number(ratio));
    case Kind::Fixed:
        return QStringLiteral("fixed:%1").arg(number(fixedPrice));
    case Kind::FixedPct:
        return QStringLiteral("fixed-pct:%1").arg(number(ratio));
    case Kind::Activation:
        return QStringLiteral("activation:%1,%2").arg(number(ratio), number(activationGain));
    case Kind::Atr:
        return QStringLiteral("atr:%1,%2").arg(atrPeriod).arg(number(atrMultiplier));
    }
    return {};
}

bool StopStrategy::usesRatio() const
{
    return kind == Kind::Trailing || kind == Kind::FixedPct || kind == Kind::Activation;
}

bool StopStrategy::needsHighLow() const
{
    return kind == Kind::Atr;
}

} // namespace trailguard
