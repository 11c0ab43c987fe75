#pragma once
#include <QList>
#include <QString>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

/// The spool directory: encrypted job files, named by random ids (never by job names or user input).
/// Layout: <root>/ (0700) with <name>.job files (0600) and tmp/ for documents still arriving. A file in
/// <root> never changes once it is there (backups copy it at any moment).
class Spool
{
public:
    Spool() = default;
    /// Stops the directory-sync thread.
    ~Spool();
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    /// Creates the directories if needed (0700) and checks their permissions.
    [[nodiscard]] bool open(const QString& root, QString* error);

    /// A document being received: an open file not yet committed.
    struct Temp
    {
        int fd = -1;
        QString path;
        QString name;        ///< its file name in the spool
        quint64 dirSync = 0; ///< the directory fsync that covers its rename (publish())
    };
    /// Creates a fresh temp file under tmp/ (0600, O_EXCL|O_NOFOLLOW|O_CLOEXEC) with a random final name.
    [[nodiscard]] bool createTemp(Temp* temp, QString* error);
    /// Renames the complete file into place, then makes it durable: fdatasyncs it while a directory thread
    /// fsyncs the directory (the two flushes overlap; one directory fsync serves every commit that asked
    /// while the previous one ran). Closes the fd. After true, the file survives a crash or power loss;
    /// the caller may then commit the row that names it.
    [[nodiscard]] bool commit(Temp* temp, QString* error);
    /// commit() in two halves, so that the caller can commit the row while the file is flushed: publish()
    /// renames the complete file into place and asks for a directory fsync (no waiting); after true the
    /// file is in the spool under its final name. flush() then fdatasyncs it, waits for the directory
    /// fsync and closes the fd; after true the file survives a crash or power loss. On false either
    /// removes the file and says why in `error`.
    [[nodiscard]] bool publish(Temp* temp, QString* error);
    /// The second half of commit(); see publish().
    [[nodiscard]] bool flush(Temp* temp, QString* error);
    /// Closes and removes a temp file that will not be committed.
    void discard(Temp* temp);
    /// Opens a committed file for reading; returns -1 when missing.
    int openForRead(const QString& name) const;
    /// Removes a committed file (its key is already destroyed by then).
    void remove(const QString& name);
    /// Deletes every temp file and every .job file not in `live`; returns how many were removed.
    int reconcile(const QList<QString>& live);
    QString root() const { return m_root; }
    /// Space kept free on the spool's file system for the database and the jobs already arriving:
    /// hasRoom() is false once taking `more` bytes would leave less than this and 1 MiB (0: only a disk
    /// that is full, or nearly).
    void setReserveBytes(qint64 bytes) { m_reserve.store(std::max<qint64>(0, bytes)); }
    qint64 reserveBytes() const { return m_reserve.load(); }
    /// Whether `more` bytes can still be stored above the reserve. `available` (if given) gets the bytes
    /// free for this process now. True when the file system cannot be asked (the writes then say).
    bool hasRoom(qint64 more, qint64* available = nullptr) const;
    /// A spool file's name: 32 lower-case hex digits and ".job". Nothing else becomes a path in the spool
    /// (mps-admin's backup and restore check names with it too).
    static bool validName(const QString& name);

private:
    quint64 requestDirectorySync();
    bool waitDirectorySync(quint64 generation);
    void directorySyncLoop();
    QString m_root;
    int m_dirFd = -1;
    std::atomic<qint64> m_reserve{0};
    // Group directory fsync on its own thread: syncs wanted, started and finished (generations).
    std::mutex m_dirMutex;
    std::condition_variable m_dirWake;
    std::condition_variable m_dirDone;
    quint64 m_dirWanted = 0;
    quint64 m_dirStarted = 0;
    quint64 m_dirFinished = 0;
    bool m_dirOk = true;
    bool m_dirStop = false;
    std::thread m_dirThread;
};
