#pragma once

// Shared bits of the libFuzzer targets: a QCoreApplication-free entry and quiet logging, so a run
// measures the parser, not the log.
#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

namespace trailguard::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// Called once per process from LLVMFuzzerInitialize.
inline void silenceLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
}

} // namespace trailguard::fuzz
