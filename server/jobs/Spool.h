#pragma once
#include <QList>
#include <QString>

/// The spool directory: encrypted job files, named by random ids (never by job names or user input).
/// Layout: <root>/ (0700) with <name>.job files (0600) and tmp/ for documents still arriving.
class Spool
{
public:
    /// Creates the directories if needed (0700) and checks their permissions.
    [[nodiscard]] bool open(const QString& root, QString* error);

    /// A document being received: an open temp file under tmp/.
    struct Temp
    {
        int fd = -1;
        QString path;
        QString name; ///< the final file name it will get
    };
    /// Creates a fresh temp file (0600, O_EXCL|O_NOFOLLOW|O_CLOEXEC) with a random final name.
    [[nodiscard]] bool createTemp(Temp* temp, QString* error);
    /// fsyncs the temp file, renames it into place and fsyncs the directory. Closes the fd.
    [[nodiscard]] bool commit(Temp* temp, QString* error);
    /// Closes and removes a temp file that will not be committed.
    void discard(Temp* temp);
    /// Opens a committed file for reading; returns -1 when missing.
    int openForRead(const QString& name) const;
    /// Removes a committed file (its key is already destroyed by then).
    void remove(const QString& name);
    /// Deletes every temp file and every .job file not in `live`; returns how many were removed.
    int reconcile(const QList<QString>& live);
    QString root() const { return m_root; }

private:
    static bool validName(const QString& name);
    QString m_root;
    int m_dirFd = -1;
};
