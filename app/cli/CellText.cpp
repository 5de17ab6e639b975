#include "cli/CellText.h"

#include "domain/PriceFormat.h"

namespace trailguard::Cli::CellText {

QString unknown()
{
    return QStringLiteral("\u2014");
}

QString price(std::optional<double> price)
{
    return price ? PriceFormat::text(*price) : unknown();
}

QString ratio(double ratio)
{
    QString text = QString::number(ratio, 'f', 4);
    while (text.endsWith(QLatin1Char('0')) && text.indexOf(QLatin1Char('.')) < text.size() - 3)
        text.chop(1);
    return text;
}

} // namespace trailguard::Cli::CellText
