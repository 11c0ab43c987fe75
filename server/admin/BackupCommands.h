#pragma once
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

/// mps-admin backup DIR / restore DIR (docs/backup.md): a consistent online copy of the database and
/// the spool files it refers to, with a signed manifest; the master key only with --with-key.
class BackupCommands
{
    Q_DECLARE_TR_FUNCTIONS(BackupCommands)

public:
    /// True when `noun` is "backup" or "restore".
    static bool handles(const QString& noun);
    /// The --help text of `noun`.
    static QString help(const QString& noun);
    /// Runs backup or restore on the data directory `dataDir`; `args` are the command line without the
    /// program, --data and --config. Returns the exit code (0 done, 1 failed, 2 bad usage).
    static int run(const QString& dataDir, const QStringList& args, QTextStream& out, QTextStream& err);
};
