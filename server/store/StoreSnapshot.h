#pragma once
#include "SecretKey.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>

/// Consistent copies of the SQLCipher database for `mps-admin backup`, and what a copy holds.
/// The copy is made with SQLite's online backup API in one step (one read transaction on the live
/// database, so one committed state even while the server writes) and stays encrypted under the
/// same key.
class StoreSnapshot
{
    Q_DECLARE_TR_FUNCTIONS(StoreSnapshot)

public:
    /// A job whose spool file the copy refers to.
    struct Job
    {
        qint64 id = 0;
        QString state;
        QString spoolName;
    };
    /// What a database file holds.
    struct Contents
    {
        int schema = 0;
        QMap<QString, qint64> counts; ///< users, printers, jobs, liveJobs, usageRows, faxes, scans
        QList<Job> liveJobs;          ///< held, releasing or printing, oldest first
        QList<QString> spoolNames;    ///< every spool file the database refers to (jobs, faxes, scans)
    };

    /// Copies the live database `source` into a new file `target` (which must not exist) under the same
    /// key `dbKey`, in one consistent step. The copy uses a rollback journal (one file). Returns false
    /// with `error`.
    [[nodiscard]] static bool copy(const QString& source, const QString& target, const SecretKey& dbKey,
                                   QString* error);
    /// Reads a database file (opened read-only) and returns what it holds. Returns false with `error`
    /// (wrong key, not a database).
    [[nodiscard]] static bool inspect(const QString& path, const SecretKey& dbKey, Contents* contents,
                                      QString* error);
};
