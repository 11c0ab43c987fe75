#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's alert and mail commands (docs/devices.md): `alerts list [--all]` (open alerts, and with
/// --all those cleared in the last 7 days) and `mail test ADDRESS` (sends a test message through the
/// [mail] relay and prints the SMTP answer).
class AlertCommands
{
public:
    /// True when `noun` is "alerts" or "mail".
    static bool handles(const QString& noun);
    /// The --help text of `noun`.
    static QString help(const QString& noun);
    /// Runs one command; `args` are the command line without the program, --data and --config;
    /// `configFile` (may be empty) gives the [mail] and [devices] settings.
    static int run(Store& store, const QStringList& args, const QString& configFile, QTextStream& out,
                   QTextStream& err);
};
