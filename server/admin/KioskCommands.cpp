#include "KioskCommands.h"

#include "Authenticator.h"
#include "Store.h"

#include <QCommandLineParser>

namespace {

const char* GroupHelp =
    "usage: mps-admin --data DIR kiosk COMMAND ...   (kiosk COMMAND --help for details)\n"
    "  kiosk add NAME --printer PRINTER   (prints the device token once)\n"
    "  kiosk list                         (name, printer)\n"
    "  kiosk remove NAME                  (its token stops working; its sessions end)\n"
    "  kiosk new-token NAME               (prints a new token once; the old one stops working)\n";

QString verbHelp(const QString& verb)
{
    if (verb == QLatin1String("add"))
        return QStringLiteral(
            "usage: mps-admin --data DIR kiosk add NAME --printer PRINTER\n"
            "Registers a kiosk beside PRINTER and prints its device token once: put it in the\n"
            "kiosk's configuration. Only its hash is stored.\n");
    if (verb == QLatin1String("list"))
        return QStringLiteral("usage: mps-admin --data DIR kiosk list\nOne kiosk a line: name, printer.\n");
    if (verb == QLatin1String("remove"))
        return QStringLiteral("usage: mps-admin --data DIR kiosk remove NAME\n"
                              "Removes a kiosk: its device token stops working and the sessions opened at it "
                              "end.\n");
    if (verb == QLatin1String("new-token"))
        return QStringLiteral("usage: mps-admin --data DIR kiosk new-token NAME\n"
                              "Gives the kiosk a new device token and prints it once (for a lost or leaked "
                              "token):\nthe old token stops working at once and the sessions opened at the "
                              "kiosk end.\n");
    return QString::fromLatin1(GroupHelp);
}

} // namespace

bool KioskCommands::handles(const QString& noun)
{
    return noun == QLatin1String("kiosk");
}

QString KioskCommands::help(const QString& verb)
{
    return verbHelp(verb);
}

int KioskCommands::run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption printer(QStringLiteral("printer"), QString(), QStringLiteral("NAME")),
        help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({printer, help});
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
        for (const KioskRecord& k : store.kiosks()) {
            auto pr = store.printerById(k.printerId);
            out << k.name << "\t" << (pr ? pr->name : QStringLiteral("?")) << "\n";
        }
        return 0;
    }
    if (pos.size() != 3)
        return fail(QStringLiteral("unknown kiosk command (see mps-admin kiosk --help)"));
    if (verb == QLatin1String("add")) {
        auto pr = store.printerByName(p.value(printer));
        if (!pr)
            return fail(QStringLiteral("no printer named '%1' (see printer list)").arg(p.value(printer)));
        KioskRecord k;
        k.name = pos[2];
        k.printerId = pr->id;
        const QString token = Authenticator::newToken();
        if (!store.addKiosk(&k, Authenticator::hashToken(token.toLatin1()), &error))
            return fail(error, 1);
        out << "kiosk " << k.name << " added for printer " << pr->name << "\n";
        out << "device token (shown once; put it in the kiosk's configuration): " << token << "\n";
        return 0;
    }
    auto k = store.kioskByName(pos[2]);
    if (!k)
        return fail(QStringLiteral("no kiosk named '%1' (see kiosk list)").arg(pos[2]));
    if (verb == QLatin1String("remove")) {
        if (!store.removeKiosk(k->id))
            return fail(QStringLiteral("kiosk %1 could not be removed").arg(k->name), 1);
        out << "kiosk " << k->name << " removed; its device token no longer works\n";
        return 0;
    }
    if (verb == QLatin1String("new-token")) {
        const QString token = Authenticator::newToken();
        if (!store.setKioskToken(k->id, Authenticator::hashToken(token.toLatin1())))
            return fail(QStringLiteral("kiosk %1 could not get a new token").arg(k->name), 1);
        out << "kiosk " << k->name
            << ": new device token (shown once; the old one no longer works): " << token << "\n";
        return 0;
    }
    return fail(QStringLiteral("unknown kiosk command '%1' (see mps-admin kiosk --help)").arg(verb));
}
