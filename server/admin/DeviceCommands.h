#pragma once
#include <QString>
#include <QStringList>
#include <QTextStream>

class Store;

/// mps-admin's device monitoring commands (docs/devices.md): `devices` (every printer's last known
/// state, faults, supplies and page counter, as the server stored them) and `supplies` (the
/// consolidated order list, as text or CSV).
class DeviceCommands
{
public:
    /// True when `noun` belongs here.
    static bool handles(const QString& noun);
    /// The --help text of `noun`.
    static QString help(const QString& noun);
    /// Runs one command; `args` are the command line without the program, --data and --config;
    /// `configFile` (may be empty) gives the [devices] settings (low-percent, order-days).
    static int run(Store& store, const QStringList& args, const QString& configFile, QTextStream& out,
                   QTextStream& err);
};
