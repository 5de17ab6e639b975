// A settings file as a user (or a broken disk) may leave it: the fuzzed bytes are written as the INI
// file and every typed accessor reads it. Values out of range must come back clamped or refused.
#include "FuzzSupport.h"
#include "settings/Settings.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <chrono>

using namespace trailguard;

namespace {
QTemporaryDir *folder = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::silenceLogging();
    folder = new QTemporaryDir; // lives for the process
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = folder->filePath(QStringLiteral("settings.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(fuzz::bytes(data, size));
    }
    Settings settings(std::make_unique<QSettings>(path, QSettings::IniFormat), QProcessEnvironment());
    const Result<double> ratio = settings.defaultRatio();
    if (ratio && !(ratio.value() > 0 && ratio.value() < 1))
        __builtin_trap();
    const std::chrono::seconds interval = settings.checkInterval();
    if (interval.count() < 5 || interval.count() > 3600)
        __builtin_trap();
    const std::chrono::minutes grace = settings.closeGraceMinutes();
    if (grace.count() < 0 || grace.count() > 240)
        __builtin_trap();
    (void)settings.includeExtendedHours();
    (void)settings.repeatPolicy();
    (void)settings.startMinimized();
    (void)settings.mainWindowGeometry();
    (void)settings.watchlistHeaderState();
    return 0;
}
