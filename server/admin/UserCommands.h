#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class QIODevice;
struct DataDir;

/// mps-admin's user group: add, list, edit, disable, enable, remove, reset-password, reset-pin,
/// clear-fingerprint.
class UserCommands
{
public:
    /// True when `noun` is "user".
    static bool handles(const QString& noun);
    /// The --help text of `verb` (the group's when empty or unknown).
    static QString help(const QString& verb);
    /// Runs one command; `args` are the command line without the program, --data and --config.
    /// Secrets (--password-stdin, --pin-stdin) are read from `in`. Returns the process exit code.
    static int run(DataDir& dir, const QStringList& args, QTextStream& out, QTextStream& err, QIODevice* in);
};
