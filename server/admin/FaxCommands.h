#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's fax group (docs/fax.md "mps-admin"): settings, route, block, gateway-token.
class FaxCommands
{
public:
    /// True when `noun` is "fax".
    static bool handles(const QString& noun);
    /// The --help text of `verb` (the group's when empty or unknown).
    static QString help(const QString& verb);
    /// Runs one command; `args` are the command line without the program, --data and --config.
    static int run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err);
};
