#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace trailguard::test {

// An instant given as Toronto wall-clock time, e.g. toronto(2026, 3, 9, 15, 30).
QDateTime toronto(int year, int month, int day, int hour, int minute = 0, int second = 0);
// An instant given in UTC.
QDateTime utc(int year, int month, int day, int hour, int minute = 0, int second = 0);

// Saturdays and Sundays are closed whatever the fake server's v1/markets says: a test that runs the real
// process and needs it to poll on any day turns "check only while a market is open" off in the settings
// of `dataDir` (what --data-dir gives).
void checkOnEveryDay(const QString &dataDir);

// Adds `ticker` to the watchlist in the database file `databaseFile` (created when missing), entered at
// `entry` with its stop at entry × ratio, as if the user had added it now. False when that fails.
bool watchTicker(const QString &databaseFile, const QString &ticker, double entry, double ratio = 0.9);

} // namespace trailguard::test
