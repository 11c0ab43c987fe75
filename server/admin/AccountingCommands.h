#pragma once
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's accounting groups: department, printer set-department, rate, quota, allowance, report,
/// usage import. `args` are the command line without the program and --data (positional words and
/// options). Returns the process exit code.
class AccountingCommands
{
public:
    /// True when `noun verb` belongs to these groups.
    static bool handles(const QString& noun, const QString& verb);
    /// Runs one command against `store`; `configFile` (may be empty) supplies [accounting] settings.
    static int run(Store& store, const QStringList& args, const QString& configFile, QTextStream& out,
                   QTextStream& err);
    /// The usage text of the groups (part of mps-admin --help).
    static const char* usage();
    /// The --help text of one group ("department", "rate", ...).
    static const char* help(const QString& noun);
};
