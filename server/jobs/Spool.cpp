#include "Spool.h"

#include "ErrnoText.h"
#include "Log.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace {
bool ensurePrivateDir(const QString& path, QString* error)
{
    const QByteArray p = QFile::encodeName(path);
    if (::mkdir(p.constData(), 0700) != 0 && errno != EEXIST) {
        *error = QStringLiteral("cannot create %1: %2").arg(path, errnoText());
        return false;
    }
    struct stat st
    {
    };
    if (::lstat(p.constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = QStringLiteral("%1 is not a directory").arg(path);
        return false;
    }
    if ((st.st_mode & 077) != 0 && ::chmod(p.constData(), 0700) != 0) {
        *error = QStringLiteral("cannot make %1 private: %2").arg(path, errnoText());
        return false;
    }
    return true;
}
} // namespace

bool Spool::validName(const QString& name)
{
    // 32 lower-case hex digits and ".job". A plain loop: this runs on every open, and a static regex
    // would be one more object that exit() destroys while a worker thread may still use it.
    if (name.size() != 36 || !name.endsWith(QLatin1String(".job")))
        return false;
    for (qsizetype i = 0; i < 32; ++i) {
        const char16_t c = name.at(i).unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

bool Spool::open(const QString& root, QString* error)
{
    m_root = QDir(root).absolutePath();
    if (!ensurePrivateDir(m_root, error) || !ensurePrivateDir(m_root + QStringLiteral("/tmp"), error))
        return false;
    m_dirFd = ::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_dirFd < 0) {
        *error = QStringLiteral("cannot open %1: %2").arg(m_root, errnoText());
        return false;
    }
    if (!m_dirThread.joinable())
        m_dirThread = std::thread([this] { directorySyncLoop(); });
    return true;
}

bool Spool::createTemp(Temp* temp, QString* error)
{
    unsigned char id[16];
    randombytes_buf(id, sizeof id);
    const QString hex = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(id), sizeof id).toHex());
    temp->name = hex + QStringLiteral(".job");
    temp->path = m_root + QStringLiteral("/tmp/") + hex + QStringLiteral(".part");
    temp->fd = ::open(QFile::encodeName(temp->path).constData(),
                      O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (temp->fd < 0) {
        *error = QStringLiteral("cannot create spool file: %1").arg(errnoText());
        return false;
    }
    return true;
}

bool Spool::commit(Temp* temp, QString* error)
{
    // The complete file is renamed into place first (so a file in the spool directory never changes: a
    // backup may copy it at any moment), then its data and its directory entry are flushed together, the
    // directory on its own thread: both are on disk before a row names the file. A crash before the row
    // commits leaves an orphan that start-up removes.
    return publish(temp, error) && flush(temp, error);
}

bool Spool::publish(Temp* temp, QString* error)
{
    const QString final = m_root + QLatin1Char('/') + temp->name;
    if (::rename(QFile::encodeName(temp->path).constData(), QFile::encodeName(final).constData()) != 0) {
        *error = QStringLiteral("cannot store the spool file: %1").arg(errnoText());
        discard(temp);
        return false;
    }
    temp->path = final;
    temp->dirSync = requestDirectorySync();
    return true;
}

bool Spool::flush(Temp* temp, QString* error)
{
    bool ok = ::fdatasync(temp->fd) == 0;
    const int savedErrno = errno;
    ::close(temp->fd);
    temp->fd = -1;
    errno = savedErrno;
    ok = waitDirectorySync(temp->dirSync) && ok;
    if (!ok) {
        *error = QStringLiteral("cannot store the spool file: %1").arg(errnoText());
        ::unlink(QFile::encodeName(temp->path).constData());
        return false;
    }
    return true;
}

Spool::~Spool()
{
    {
        std::lock_guard lock(m_dirMutex);
        m_dirStop = true;
    }
    m_dirWake.notify_all();
    if (m_dirThread.joinable())
        m_dirThread.join();
    if (m_dirFd >= 0)
        ::close(m_dirFd);
}

quint64 Spool::requestDirectorySync()
{
    // A sync that starts after this call covers every entry made before it. Callers that ask while one
    // runs share the next one: under concurrent uploads, one directory fsync commits many files.
    std::lock_guard lock(m_dirMutex);
    const quint64 generation = m_dirStarted + 1;
    m_dirWanted = std::max(m_dirWanted, generation);
    m_dirWake.notify_one();
    return generation;
}

bool Spool::waitDirectorySync(quint64 generation)
{
    if (!m_dirThread.joinable()) // never opened: nothing syncs for us
        return ::fsync(m_dirFd) == 0;
    std::unique_lock lock(m_dirMutex);
    m_dirDone.wait(lock, [&] { return m_dirFinished >= generation || m_dirStop; });
    if (!m_dirOk || m_dirFinished < generation)
        errno = EIO;
    return m_dirOk && m_dirFinished >= generation;
}

void Spool::directorySyncLoop()
{
    std::unique_lock lock(m_dirMutex);
    for (;;) {
        m_dirWake.wait(lock, [&] { return m_dirStop || m_dirWanted > m_dirStarted; });
        if (m_dirStop)
            break;
        const quint64 generation = ++m_dirStarted;
        lock.unlock();
        const bool ok = ::fsync(m_dirFd) == 0;
        if (!ok)
            qCWarning(lcSpool) << "cannot flush the spool directory:" << errnoText();
        lock.lock();
        m_dirFinished = generation;
        m_dirOk = ok;
        m_dirDone.notify_all();
    }
    m_dirDone.notify_all();
}

bool Spool::hasRoom(qint64 more, qint64* available) const
{
    struct statvfs fs
    {
    };
    if (m_dirFd < 0 || ::fstatvfs(m_dirFd, &fs) != 0) {
        if (available)
            *available = -1;
        return true;
    }
    const qint64 free = static_cast<qint64>(fs.f_bavail) * static_cast<qint64>(fs.f_frsize);
    if (available)
        *available = free;
    // A megabyte beyond the reserve: with no reserve, a disk that failed a write is not "room".
    constexpr qint64 Slack = 1024 * 1024;
    return free - std::max<qint64>(0, more) >= m_reserve.load() + Slack;
}

void Spool::discard(Temp* temp)
{
    if (temp->fd >= 0)
        ::close(temp->fd);
    temp->fd = -1;
    if (!temp->path.isEmpty())
        ::unlink(QFile::encodeName(temp->path).constData());
}

int Spool::openForRead(const QString& name) const
{
    if (!validName(name))
        return -1;
    return ::openat(m_dirFd, QFile::encodeName(name).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
}

void Spool::remove(const QString& name)
{
    if (validName(name))
        ::unlinkat(m_dirFd, QFile::encodeName(name).constData(), 0);
}

int Spool::reconcile(const QList<QString>& live)
{
    int removed = 0;
    QDir tmp(m_root + QStringLiteral("/tmp"));
    for (const QString& f : tmp.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (tmp.remove(f))
            ++removed;
    }
    const QSet<QString> keep(live.begin(), live.end());
    QDir dir(m_root);
    for (const QString& f : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!keep.contains(f) && dir.remove(f))
            ++removed;
    }
    if (removed)
        qCInfo(lcSpool) << "reconciled spool: removed" << removed << "orphaned files";
    return removed;
}
