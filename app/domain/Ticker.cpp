#include "domain/Ticker.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace trailguard {

namespace {
// Gives the messages below one translation context, "Validation".
class Validation {
    Q_DECLARE_TR_FUNCTIONS(Validation)
};
} // namespace

Result<QString> Ticker::normalize(const QString &input)
{
    const QString ticker = input.trimmed().toUpper();
    if (ticker.isEmpty())
        return Error{ErrorCode::InvalidTicker,
                     Validation::tr("Enter a ticker symbol, for example AAPL or SHOP.TO.")};

    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9][A-Z0-9.\\-]{0,14}$"));
    if (ticker.size() > kMaxLength || !pattern.match(ticker).hasMatch()) {
        return Error{
            ErrorCode::InvalidTicker,
            Validation::tr("\"%1\" is not a valid ticker. Use 1 to 15 letters, digits, '.' or '-', "
                           "starting with a letter or digit (for example AAPL, BRK.B, RY.TO, BBD-B.TO).")
                .arg(input.trimmed())};
    }
    return ticker;
}

bool StopRatio::isValid(double ratio)
{
    return std::isfinite(ratio) && ratio >= kMinimum && ratio < 1.0;
}

Result<double> StopRatio::validate(double ratio)
{
    if (!isValid(ratio)) {
        return Error{ErrorCode::InvalidRatio,
                     Validation::tr("The stop ratio must be a number from %1 to less than 1 "
                                    "(0.9 puts the stop 10% below the peak).")
                         .arg(kMinimum)};
    }
    return ratio;
}

Result<double> StopRatio::parse(const QString &text)
{
    bool ok = false;
    const double ratio = text.trimmed().toDouble(&ok);
    if (!ok) {
        return Error{ErrorCode::InvalidRatio,
                     Validation::tr("\"%1\" is not a stop ratio. Enter a number from %2 to less than 1, "
                                    "for example 0.9.")
                         .arg(text.trimmed())
                         .arg(kMinimum)};
    }
    return validate(ratio);
}

bool Price::isUsable(double price)
{
    return std::isfinite(price) && price > 0.0;
}

Result<double> Price::parse(const QString &text)
{
    bool ok = false;
    const double price = text.trimmed().toDouble(&ok);
    if (!ok || !isUsable(price)) {
        return Error{
            ErrorCode::InvalidPrice,
            Validation::tr("\"%1\" is not a valid price. Enter a number greater than 0, for example 101.25.")
                .arg(text.trimmed())};
    }
    return price;
}

} // namespace trailguard
