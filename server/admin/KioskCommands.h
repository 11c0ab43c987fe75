#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's kiosk group: add, list, remove, new-token.
class KioskCommands
{
public:
    /// True when `noun` is "kiosk".
    static bool handles(const QString& noun);
    /// The --help text of `verb` (the group's when empty or unknown).
    static QString help(const QString& verb);
    /// Runs one command; `args` are the command line without the program, --data and --config.
    static int run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err);
};
