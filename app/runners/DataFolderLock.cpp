#include "runners/DataFolderLock.h"

#include <QCoreApplication>
#include <QDir>

#include <cerrno>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace trailguard::Runners {

namespace {
class FolderLock {
    Q_DECLARE_TR_FUNCTIONS(FolderLock)
};

// What the holder wrote: "PID\nMODE\n". It may be empty for a moment, between the holder's lock and write.
QByteArray readHolder(int fd)
{
    QByteArray content(256, '\0');
    const ssize_t read = ::pread(fd, content.data(), size_t(content.size()), 0);
    content.truncate(read > 0 ? qsizetype(read) : 0);
    return content;
}
} // namespace

Result<std::unique_ptr<DataFolderLock>> DataFolderLock::acquire(const QString &dataDir, const QString &mode)
{
    const QString path = QDir(dataDir).filePath(QString::fromLatin1(kFileName));
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error{ErrorCode::InvalidArguments,
                     FolderLock::tr("Cannot open the lock file \"%1\": %2. Choose a writable folder with "
                                    "--data-dir.")
                         .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(::strerror(errno)))};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const QList<QByteArray> holder = readHolder(fd).split('\n');
        ::close(fd);
        const QString pid =
            holder.value(0).isEmpty() ? FolderLock::tr("unknown") : QString::fromUtf8(holder.value(0));
        const QString otherMode =
            holder.value(1).isEmpty() ? FolderLock::tr("starting") : QString::fromUtf8(holder.value(1));
        return Error{
            kInUse,
            FolderLock::tr("Another Trailguard is already watching the data folder \"%1\" (PID %2, %3). "
                           "Only one may watch a folder at a time: stop that one first, or give this "
                           "one another folder with --data-dir.")
                .arg(QDir::toNativeSeparators(dataDir), pid, otherMode)};
    }
    const QByteArray holder = QByteArray::number(qint64(::getpid())) + '\n' + mode.toUtf8() + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, holder.constData(), size_t(holder.size()), 0) < 0) {
        // Locked all the same: only the next process's message is less precise.
    }
    return std::unique_ptr<DataFolderLock>(new DataFolderLock(fd));
}

DataFolderLock::~DataFolderLock()
{
    // Closing releases the lock; the file stays (removing it could race with the next process's open).
    ::close(m_fd);
}

} // namespace trailguard::Runners
