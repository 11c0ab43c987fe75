#include "PrinterCommands.h"

#include "SnmpDevicePoller.h"
#include "Store.h"

#include <QCommandLineParser>
#include <QUrl>

namespace {

const char* GroupHelp =
    "usage: mps-admin --data DIR printer COMMAND ...   (printer COMMAND --help for details)\n"
    "  printer add NAME --uri IPP-URI [--location TEXT] [--department CODE] [DEVICE OPTIONS]\n"
    "  printer list                  (name, uri, location, department)\n"
    "  printer edit NAME [--uri IPP-URI] [--location TEXT] [--department CODE|-] [DEVICE OPTIONS]\n"
    "  DEVICE OPTIONS (monitoring, docs/devices.md): --model TEXT --serial TEXT\n"
    "                 --protocol ipp|snmp|ipp+snmp --snmp HOST[:PORT] --community NAME\n"
    "  printer remove NAME [--force] (refused while kiosks or held jobs depend on it)\n"
    "  printer set-department NAME --department CODE | --remove\n";

QString verbHelp(const QString& verb)
{
    if (verb == QLatin1String("add"))
        return QStringLiteral(
            "usage: mps-admin --data DIR printer add NAME --uri IPP-URI [--location TEXT]\n"
            "                 [--department CODE]\n"
            "                 [--model TEXT] [--serial TEXT] [--protocol ipp|snmp|ipp+snmp]\n"
            "                 [--snmp HOST[:PORT]] [--community NAME]\n"
            "Adds a release printer: an ipp:// or ipps:// address, where it stands, and the\n"
            "department that owns it (for cost reports). The server monitors it over IPP (default),\n"
            "SNMP only (snmp), or IPP with SNMP for the supplies and page counter IPP does not report\n"
            "(ipp+snmp). --snmp defaults to the URI's host, port 161; --community to public.\n");
    if (verb == QLatin1String("list"))
        return QStringLiteral("usage: mps-admin --data DIR printer list\n"
                              "One printer a line: name, uri, location, department code (- for none).\n");
    if (verb == QLatin1String("edit"))
        return QStringLiteral(
            "usage: mps-admin --data DIR printer edit NAME [--uri IPP-URI] [--location TEXT]\n"
            "                 [--department CODE|-] [--model TEXT] [--serial TEXT]\n"
            "                 [--protocol ipp|snmp|ipp+snmp] [--snmp HOST[:PORT]|-] [--community NAME|-]\n"
            "Changes what is given, keeps the rest. --department - leaves it without a department;\n"
            "--snmp - and --community - go back to the defaults. A running mps-server reads the new\n"
            "settings at its next poll ([devices] poll-seconds).\n");
    if (verb == QLatin1String("remove"))
        return QStringLiteral(
            "usage: mps-admin --data DIR printer remove NAME [--force]\n"
            "Removes a printer. Refused, with the reason, while a kiosk uses it or held jobs were last\n"
            "sent to it; --force removes its kiosks too (their device tokens stop working) and keeps those\n"
            "jobs held for any printer. Always refused while a job is being printed there. Usage history\n"
            "keeps the printer's name.\n");
    return QString::fromLatin1(GroupHelp);
}

bool validUri(const QString& uri)
{
    const QUrl u(uri);
    return u.isValid() && (u.scheme() == QLatin1String("ipp") || u.scheme() == QLatin1String("ipps")) &&
           !u.host().isEmpty();
}

} // namespace

bool PrinterCommands::handles(const QString& noun, const QString& verb)
{
    return noun == QLatin1String("printer") && verb != QLatin1String("set-department");
}

QString PrinterCommands::help(const QString& verb)
{
    return verbHelp(verb);
}

int PrinterCommands::run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption uri(QStringLiteral("uri"), QString(), QStringLiteral("URI")),
        location(QStringLiteral("location"), QString(), QStringLiteral("TEXT")),
        dept(QStringLiteral("department"), QString(), QStringLiteral("CODE")), force(QStringLiteral("force")),
        help(QStringList{QStringLiteral("h"), QStringLiteral("help")}),
        model(QStringLiteral("model"), QString(), QStringLiteral("TEXT")),
        serial(QStringLiteral("serial"), QString(), QStringLiteral("TEXT")),
        protocol(QStringLiteral("protocol"), QString(), QStringLiteral("ipp|snmp|ipp+snmp")),
        snmp(QStringLiteral("snmp"), QString(), QStringLiteral("HOST[:PORT]")),
        community(QStringLiteral("community"), QString(), QStringLiteral("NAME"));
    p.addOptions({uri, location, dept, force, help, model, serial, protocol, snmp, community});
    QStringList full = args;
    full.prepend(QStringLiteral("mps-admin"));
    if (!p.parse(full)) {
        err << "mps-admin: " << p.errorText() << "\n";
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(1);
    if (p.isSet(help)) {
        out << verbHelp(verb);
        return 0;
    }
    auto fail = [&](const QString& text, int code = 2) {
        err << "mps-admin: " << text << "\n";
        return code;
    };
    QString error;
    if (verb == QLatin1String("list") && pos.size() == 2) {
        for (const PrinterRecord& pr : store.printers()) {
            auto d = store.departments().byId(store.departments().printerDepartment(pr.id));
            out << pr.name << "\t" << pr.uri << "\t" << pr.location << "\t"
                << (d ? d->code : QStringLiteral("-")) << "\n";
        }
        return 0;
    }
    if (pos.size() != 3)
        return fail(QStringLiteral("unknown printer command (see mps-admin printer --help)"));
    // --department CODE (or "-" for none when editing) -> department id, 0 for none.
    qint64 departmentId = 0;
    if (p.isSet(dept) && p.value(dept) != QLatin1String("-")) {
        auto d = store.departments().byCode(p.value(dept));
        if (!d)
            return fail(
                QStringLiteral("no department with the code '%1' (see department list)").arg(p.value(dept)));
        departmentId = d->id;
    }
    // Device monitoring columns (docs/devices.md): checked before anything is stored.
    const bool deviceOptions = p.isSet(model) || p.isSet(serial) || p.isSet(protocol) || p.isSet(snmp) ||
                               p.isSet(community);
    if (p.isSet(protocol) && !QStringList{QStringLiteral("ipp"), QStringLiteral("snmp"), QStringLiteral("ipp+snmp")}
                                 .contains(p.value(protocol)))
        return fail(QStringLiteral("--protocol must be ipp, snmp or ipp+snmp"));
    if (p.isSet(snmp) && p.value(snmp) != QLatin1String("-")) {
        QString host;
        quint16 port = 0;
        if (!SnmpDevicePoller::parseAddress(p.value(snmp), &host, &port))
            return fail(QStringLiteral("--snmp takes HOST or HOST:PORT, e.g. 10.1.3.20:161"));
    }
    const auto applyDeviceOptions = [&](qint64 printerId) {
        DeviceInventory inv = store.devices().inventory(printerId).value_or(DeviceInventory{});
        inv.printerId = printerId;
        if (p.isSet(model))
            inv.model = p.value(model);
        if (p.isSet(serial))
            inv.serial = p.value(serial);
        if (p.isSet(protocol))
            inv.protocol = p.value(protocol);
        if (p.isSet(snmp))
            inv.snmpAddress = p.value(snmp) == QLatin1String("-") ? QString() : p.value(snmp);
        if (p.isSet(community))
            inv.snmpCommunity = p.value(community) == QLatin1String("-") ? QString() : p.value(community);
        return store.devices().setInventory(inv, &error);
    };
    if (verb == QLatin1String("add")) {
        PrinterRecord pr;
        pr.name = pos[2];
        pr.uri = p.value(uri);
        pr.location = p.value(location);
        if (!validUri(pr.uri))
            return fail(QStringLiteral("--uri must be an ipp:// or ipps:// printer address"));
        if (!store.addPrinter(&pr, &error))
            return fail(error, 1);
        if (departmentId && !store.departments().setPrinterDepartment(pr.id, departmentId))
            return fail(QStringLiteral("the printer was added but its department could not be stored"), 1);
        if (deviceOptions && !applyDeviceOptions(pr.id))
            return fail(QStringLiteral("the printer was added but its device settings could not be stored: %1")
                            .arg(error),
                        1);
        out << "printer " << pr.name << " added (" << pr.uri
            << (departmentId ? ", " + p.value(dept) : QString()) << ")\n";
        return 0;
    }
    auto pr = store.printerByName(pos[2]);
    if (!pr)
        return fail(QStringLiteral("no printer named '%1' (see printer list)").arg(pos[2]));
    if (verb == QLatin1String("edit")) {
        if (!p.isSet(uri) && !p.isSet(location) && !p.isSet(dept) && !deviceOptions)
            return fail(QStringLiteral("printer edit needs at least one of --uri, --location, --department, "
                                       "--model, --serial, --protocol, --snmp, --community"));
        if (p.isSet(uri)) {
            if (!validUri(p.value(uri)))
                return fail(QStringLiteral("--uri must be an ipp:// or ipps:// printer address"));
            pr->uri = p.value(uri);
        }
        if (p.isSet(location))
            pr->location = p.value(location);
        if (!store.updatePrinter(*pr, &error))
            return fail(error, 1);
        if (p.isSet(dept) && !store.departments().setPrinterDepartment(pr->id, departmentId))
            return fail(QStringLiteral("the printer's department could not be stored"), 1);
        if (deviceOptions && !applyDeviceOptions(pr->id))
            return fail(QStringLiteral("the printer's device settings could not be stored: %1").arg(error), 1);
        auto d = store.departments().byId(store.departments().printerDepartment(pr->id));
        out << "printer " << pr->name << " changed (" << pr->uri << ", "
            << (pr->location.isEmpty() ? QStringLiteral("no location") : pr->location) << ", "
            << (d ? d->code : QStringLiteral("no department")) << ")\n";
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        if (!store.removePrinter(pr->id, p.isSet(force), &error))
            return fail(QStringLiteral("printer %1 not removed: %2").arg(pr->name, error), 1);
        out << "printer " << pr->name << " removed\n";
        return 0;
    }
    return fail(QStringLiteral("unknown printer command '%1' (see mps-admin printer --help)").arg(verb));
}
