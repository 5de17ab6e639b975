#include "TestSupport.h"

#include <QDir>
#include <QSettings>

namespace trailguard::test {

QDateTime toronto(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second),
                     QTimeZone(QByteArrayLiteral("America/Toronto")))
        .toUTC();
}

QDateTime utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), QTimeZone::utc());
}

void checkOnEveryDay(const QString &dataDir)
{
    QDir().mkpath(dataDir);
    QSettings settings(QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("monitor/marketHoursOnly"), false);
}

} // namespace trailguard::test
