#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's printer group: add, list, edit, remove (set-department is AccountingCommands').
class PrinterCommands
{
public:
    /// True when `noun verb` belongs here.
    static bool handles(const QString& noun, const QString& verb);
    /// The --help text of `verb` (the group's when empty or unknown).
    static QString help(const QString& verb);
    /// Runs one command; `args` are the command line without the program, --data and --config.
    static int run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err);
};
