#pragma once

#include "common/Result.h"

#include <QString>

#include <memory>

namespace trailguard::Runners {

// One monitoring process per data folder: the window, `--headless` and `--headless --once` each hold an
// exclusive lock on `monitor.lock` in the data folder for as long as they run, so two of them never rotate
// the one Questrade token chain or send the same alerts twice. The file names the holder (PID and mode) for
// the message the next one prints. The kernel drops the lock when its process ends, however it ends, so a
// crash leaves nothing to clean up. Commands (`watch add`, …) take no lock: they write the database, and the
// running monitor reads the watchlist from it at every check.
class DataFolderLock {
public:
    static constexpr char kFileName[] = "monitor.lock";
    // The error code of a folder another process holds (any other code: the lock file cannot be opened).
    static constexpr ErrorCode kInUse = ErrorCode::DatabaseOpen;

    // Locks `dataDir` for a process running in `mode` (for people: "the window", "--headless", …). Fails,
    // naming the other process, when another process holds it (or when the lock file cannot be opened).
    static Result<std::unique_ptr<DataFolderLock>> acquire(const QString &dataDir, const QString &mode);

    ~DataFolderLock();
    DataFolderLock(const DataFolderLock &) = delete;
    DataFolderLock &operator=(const DataFolderLock &) = delete;

private:
    explicit DataFolderLock(int fd)
        : m_fd(fd)
    {}
    int m_fd;
};

} // namespace trailguard::Runners
