#include "domain/MarketCalendar.h"

namespace trailguard::MarketCalendar {

QTimeZone easternZone()
{
    static const QTimeZone eastern = [] {
        const QTimeZone toronto(QByteArrayLiteral("America/Toronto"));
        return toronto.isValid() ? toronto : QTimeZone(-5 * 3600);
    }();
    return eastern;
}

QTimeZone exchangeTimeZone(const QString &ticker)
{
    Q_UNUSED(ticker)
    return easternZone();
}

QDate marketDay(const QString &ticker, const QDateTime &instant)
{
    return instant.toTimeZone(exchangeTimeZone(ticker)).date();
}

} // namespace trailguard::MarketCalendar
