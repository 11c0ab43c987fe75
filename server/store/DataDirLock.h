#pragma once
#include <QCoreApplication>
#include <QString>

/// An exclusive lock on a data directory (flock on DIR/server.lock): mps-server holds it while it runs,
/// `mps-admin restore` while it writes the directory, so neither runs over the other. The lock file
/// holds the holder's pid. The kernel drops the lock when the holder exits, also after kill -9.
class DataDirLock
{
    Q_DECLARE_TR_FUNCTIONS(DataDirLock)

public:
    DataDirLock() = default;
    ~DataDirLock();
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;

    /// Creates `dir` (0700) if missing and takes its lock without waiting. Returns false with a sentence
    /// in errorString() when another process holds it (naming its pid) or the file cannot be made.
    [[nodiscard]] bool acquire(const QString& dir);
    /// Drops the lock (also done by the destructor).
    void release();
    /// True while this object holds the lock.
    bool held() const { return m_fd >= 0; }
    /// The pid written by the process that holds the lock `dir` (0 when none or unreadable).
    static qint64 holderPid(const QString& dir);
    /// The lock file's name inside a data directory.
    static QString fileName() { return QStringLiteral("server.lock"); }
    QString errorString() const { return m_error; }

private:
    int m_fd = -1;
    QString m_error;
};
