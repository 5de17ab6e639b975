#include "TestSupport.h"

#include "storage/Database.h"
#include "storage/StockRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <cmath>

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

bool watchTicker(const QString &databaseFile, const QString &ticker, double entry, double ratio)
{
    QDir().mkpath(QFileInfo(databaseFile).absolutePath());
    auto db = Database::open(databaseFile);
    if (!db.ok())
        return false;
    StockState stock;
    stock.ticker = ticker;
    stock.ratio = ratio;
    stock.entry = entry;
    stock.peak = entry;
    stock.stop = std::round(entry * ratio * 100.0) / 100.0; // in cents, as the user would see it
    stock.createdAt = QDateTime::currentDateTimeUtc();
    return StockRepository(db.value()->connection()).insert(stock).ok();
}

} // namespace trailguard::test
