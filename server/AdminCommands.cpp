#include "AdminCommands.h"

#include "AccountingCommands.h"
#include "AlertCommands.h"
#include "BackupCommands.h"
#include "DeviceCommands.h"
#include "FaxCommands.h"
#include "KioskCommands.h"
#include "PrinterCommands.h"
#include "Server.h"
#include "UserCommands.h"

#include <QIODevice>

namespace {

const char* Usage = R"(usage: mps-admin --data DIR [--config FILE] COMMAND ...   (COMMAND --help for details)
  user add NAME --department D [--role user|dept-head|admin] [--email E] [--display-name N]
                [--card UID] [--password-stdin] [--pin-stdin]
  user list | edit NAME [...] | disable NAME | enable NAME | remove NAME
  user reset-password NAME --password-stdin | reset-pin NAME --pin-stdin | clear-fingerprint NAME
                                        (mps-admin user --help)
  printer add NAME --uri IPP-URI [--location TEXT] [--department CODE]
  printer list | edit NAME [...] | remove NAME [--force]   (mps-admin printer --help)
  kiosk add NAME --printer PRINTER      (prints the device token once)
  kiosk list | remove NAME | new-token NAME                (mps-admin kiosk --help)
  fax settings | route ... | block ... | gateway-token NAME (mps-admin fax --help)
  alerts list [--all]                   (device alerts: open, or also cleared in the last 7 days)
  mail test ADDRESS                     (a test mail through the [mail] relay of --config FILE)
  devices                               (every printer's state, faults, supplies, pages)
  supplies [--days N] [--location TEXT] [--csv]   (the supplies order list)
  backup DIR [--with-key]               (online copy of database and spool, docs/backup.md)
  restore DIR [--key FILE] [--force]    (into --data DIR; the server must be stopped)
)";

// Where the accounting groups (server/admin/AccountingCommands) take over: the first two words that
// are not options or the values of --data / --config.
struct Split
{
    QString noun, verb, data, config;
    QStringList rest; ///< args without the program, --data and --config
    bool help = false;
};

Split splitArgs(const QStringList& args)
{
    Split s;
    QStringList words;
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if ((a == QLatin1String("--data") || a == QLatin1String("--config")) && i + 1 < args.size()) {
            (a == QLatin1String("--data") ? s.data : s.config) = args[++i];
            continue;
        }
        if (a.startsWith(QLatin1String("--data="))) {
            s.data = a.mid(7);
            continue;
        }
        if (a.startsWith(QLatin1String("--config="))) {
            s.config = a.mid(9);
            continue;
        }
        if (a == QLatin1String("-h") || a == QLatin1String("--help"))
            s.help = true;
        else if (!a.startsWith(QLatin1Char('-')))
            words << a;
        s.rest << a;
    }
    s.noun = words.value(0);
    s.verb = words.value(1);
    return s;
}

} // namespace

int runAdminCommand(const QStringList& args, QTextStream& out, QTextStream& err, QIODevice* in)
{
    const Split split = splitArgs(args);
    const bool accounting = AccountingCommands::handles(split.noun, split.verb);
    const bool users = !accounting && UserCommands::handles(split.noun);
    const bool printers = !accounting && PrinterCommands::handles(split.noun, split.verb);
    const bool kiosks = !accounting && KioskCommands::handles(split.noun);
    const bool fax = !accounting && FaxCommands::handles(split.noun);
    if (!accounting && AlertCommands::handles(split.noun)) { // docs/devices.md: alerts, mail test
        if (split.help) {
            out << AlertCommands::help(split.noun);
            return 0;
        }
        if (split.data.isEmpty()) {
            err << "mps-admin: --data DIR is required\n";
            return 2;
        }
        DataDir alertDir;
        QString alertError;
        if (!alertDir.open(split.data, &alertError)) {
            err << "mps-admin: " << alertError << "\n";
            return 1;
        }
        return AlertCommands::run(alertDir.store, split.rest, split.config, out, err);
    }
    if (BackupCommands::handles(split.noun)) { // docs/backup.md: without opening the data directory
        if (split.help) {
            out << BackupCommands::help(split.noun);
            return 0;
        }
        if (split.data.isEmpty()) {
            err << "mps-admin: --data DIR is required\n";
            return 2;
        }
        return BackupCommands::run(split.data, split.rest, out, err);
    }
    const bool devices = !accounting && DeviceCommands::handles(split.noun); // docs/devices.md
    if (split.noun.isEmpty() || (!accounting && !users && !printers && !kiosks && !fax && !devices)) {
        if (split.help && split.noun.isEmpty()) {
            out << Usage << AccountingCommands::usage();
            return 0;
        }
        err << (split.noun.isEmpty() ? "" : "mps-admin: unknown command\n") << Usage
            << AccountingCommands::usage();
        return 2;
    }
    if (split.help) {
        // Every group and command answers --help, without a data directory.
        if (accounting)
            out << AccountingCommands::help(split.noun);
        else if (users)
            out << UserCommands::help(split.verb);
        else if (printers)
            out << PrinterCommands::help(split.verb);
        else if (fax)
            out << FaxCommands::help(split.verb);
        else if (devices)
            out << DeviceCommands::help(split.noun);
        else
            out << KioskCommands::help(split.verb);
        return 0;
    }
    if (split.data.isEmpty()) {
        err << "mps-admin: --data DIR is required\n";
        return 2;
    }
    DataDir dir;
    QString error;
    if (!dir.open(split.data, &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    if (accounting)
        return AccountingCommands::run(dir.store, split.rest, split.config, out, err);
    if (users)
        return UserCommands::run(dir, split.rest, out, err, in);
    if (printers)
        return PrinterCommands::run(dir.store, split.rest, out, err);
    if (fax)
        return FaxCommands::run(dir.store, split.rest, out, err);
    if (devices)
        return DeviceCommands::run(dir.store, split.rest, split.config, out, err);
    return KioskCommands::run(dir.store, split.rest, out, err);
}
