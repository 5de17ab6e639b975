#include "domain/MarketCalendar.h"

namespace trailguard::MarketCalendar {

QTimeZone exchangeTimeZone(const QString &ticker)
{
    Q_UNUSED(ticker)
    static const QTimeZone eastern(QByteArrayLiteral("America/Toronto"));
    return eastern;
}

QDate marketDay(const QString &ticker, const QDateTime &instant)
{
    return instant.toTimeZone(exchangeTimeZone(ticker)).date();
}

} // namespace trailguard::MarketCalendar
