#include "DataDirLock.h"

#include "ErrnoText.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

DataDirLock::~DataDirLock()
{
    release();
}

bool DataDirLock::acquire(const QString& dir)
{
    release();
    const QString abs = QDir(dir).absolutePath();
    const QByteArray d = QFile::encodeName(abs);
    if (::mkdir(d.constData(), 0700) != 0 && errno != EEXIST) {
        m_error = tr("Cannot create the data directory %1: %2").arg(abs, errnoText());
        return false;
    }
    const QString path = abs + QLatin1Char('/') + fileName();
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        m_error = tr("Cannot open the lock file %1: %2").arg(path, errnoText());
        return false;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int e = errno;
        ::close(fd);
        if (e == EWOULDBLOCK) {
            const qint64 pid = holderPid(abs);
            m_error = tr("The data directory %1 is in use by another process (pid %2): an mps-server running "
                         "on it, or a restore into it. Stop that process first (systemctl stop mps-server).")
                          .arg(abs)
                          .arg(pid);
        } else {
            m_error = tr("Cannot lock the data directory %1: %2").arg(abs, errnoText(e));
        }
        return false;
    }
    // The pid is only for messages; the flock is the lock.
    const QByteArray pid = QByteArray::number(static_cast<qint64>(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, pid.constData(), static_cast<size_t>(pid.size()), 0);
    m_fd = fd;
    m_error.clear();
    return true;
}

void DataDirLock::release()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

qint64 DataDirLock::holderPid(const QString& dir)
{
    QFile f(QDir(dir).absolutePath() + QLatin1Char('/') + fileName());
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readLine(32).trimmed().toLongLong();
}
