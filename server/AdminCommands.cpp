#include "AdminCommands.h"

#include "AccountingCommands.h"
#include "Authenticator.h"
#include "CardNumber.h"
#include "PasswordHasher.h"
#include "Server.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QUrl>

namespace {

const char* Usage = R"(usage: mps-admin --data DIR [--config FILE] COMMAND ...   (COMMAND --help for details)
  user add NAME --department D [--role user|dept-head|admin] [--email E] [--card UID]
                [--password-stdin] [--pin-stdin]
                                        (D: a department code, or name; an unknown one is created
                                         with code = name = D)
  user list                             (name, department, role, email, card, fingerprint)
  user clear-fingerprint NAME          (removes the user's enrolled fingerprint)
  printer add NAME --uri IPP-URI [--location TEXT] [--department CODE]
  printer list                          (name, uri, location, department)
  kiosk add NAME --printer PRINTER      (prints the device token once)
  kiosk list
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

QString readSecretLine(QIODevice* in)
{
    if (!in)
        return {};
    QByteArray line = in->readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

int runAdminCommand(const QStringList& args, QTextStream& out, QTextStream& err, QIODevice* in)
{
    const Split split = splitArgs(args);
    if (AccountingCommands::handles(split.noun, split.verb)) {
        if (split.help) {
            out << AccountingCommands::help(split.noun);
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
        return AccountingCommands::run(dir.store, split.rest, split.config, out, err);
    }
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption data(QStringLiteral("data"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption dept(QStringLiteral("department"), QString(), QStringLiteral("D"));
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("ROLE"),
                                  QStringLiteral("user"));
    const QCommandLineOption email(QStringLiteral("email"), QString(), QStringLiteral("E"));
    const QCommandLineOption card(QStringLiteral("card"), QString(), QStringLiteral("UID"));
    const QCommandLineOption pwStdin(QStringLiteral("password-stdin"));
    const QCommandLineOption pinStdin(QStringLiteral("pin-stdin"));
    const QCommandLineOption uri(QStringLiteral("uri"), QString(), QStringLiteral("URI"));
    const QCommandLineOption location(QStringLiteral("location"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption printer(QStringLiteral("printer"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption config(QStringLiteral("config"), QString(), QStringLiteral("FILE"));
    p.addOptions({data, dept, role, email, card, pwStdin, pinStdin, uri, location, printer, help, config});
    if (!p.parse(args)) {
        err << "mps-admin: " << p.errorText() << "\n" << Usage;
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    if (p.isSet(help) || pos.size() < 2) {
        (p.isSet(help) ? out : err) << Usage << AccountingCommands::usage();
        return p.isSet(help) ? 0 : 2;
    }
    if (!p.isSet(data)) {
        err << "mps-admin: --data DIR is required\n";
        return 2;
    }
    DataDir dir;
    QString error;
    if (!dir.open(p.value(data), &error)) {
        err << "mps-admin: " << error << "\n";
        return 1;
    }
    Store& store = dir.store;
    const QString noun = pos[0], verb = pos[1];

    if (noun == QLatin1String("user") && verb == QLatin1String("add") && pos.size() == 3) {
        UserRecord u;
        u.name = pos[2];
        u.department = p.value(dept);
        u.role = p.value(role);
        u.email = p.value(email);
        if (u.department.isEmpty()) {
            err << "mps-admin: user add needs --department\n";
            return 2;
        }
        if (u.role != QLatin1String("user") && u.role != QLatin1String("dept-head") &&
            u.role != QLatin1String("admin")) {
            err << "mps-admin: --role must be user, dept-head or admin\n";
            return 2;
        }
        if (p.isSet(card)) {
            u.card = CardNumber::normalize(p.value(card));
            if (u.card.isEmpty()) {
                err << "mps-admin: " << p.value(card) << " is not a card number\n";
                return 2;
            }
        }
        if (p.isSet(pwStdin)) {
            const QString pw = readSecretLine(in);
            if (pw.size() < 8) {
                err << "mps-admin: the password must have at least 8 characters\n";
                return 2;
            }
            u.passwordHash = PasswordHasher::hash(pw);
        }
        if (p.isSet(pinStdin)) {
            const QString pin = readSecretLine(in);
            if (pin.size() < 4 || pin.size() > 12 ||
                !std::all_of(pin.begin(), pin.end(), [](QChar c) { return c.isDigit(); })) {
                err << "mps-admin: the PIN must be 4 to 12 digits\n";
                return 2;
            }
            u.pinHash = PasswordHasher::hash(pin);
        }
        // A department code (or name) that is not known yet becomes a department: code = name = D.
        bool known = store.departments().byCode(u.department).has_value();
        for (const DepartmentRecord& d : store.departments().all())
            known = known || d.name == u.department;
        if (!store.addUser(&u, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        out << "user " << u.name << " added (" << u.department << ", " << u.role << ")\n";
        if (!known)
            out << "department " << u.department << " created (code and name " << u.department << ")\n";
        return 0;
    }
    if (noun == QLatin1String("user") && verb == QLatin1String("list")) {
        for (const UserRecord& u : store.users())
            out << u.name << "\t" << u.department << "\t" << u.role << "\t" << u.email << "\t"
                << (u.card.isEmpty() ? QStringLiteral("-") : u.card) << "\t"
                << (u.hasFingerprint ? QStringLiteral("fingerprint") : QStringLiteral("-")) << "\n";
        return 0;
    }
    if (noun == QLatin1String("user") && verb == QLatin1String("clear-fingerprint") && pos.size() == 3) {
        // For staff who leave or withdraw consent: secure_delete overwrites the sealed template.
        auto u = store.userByName(pos[2]);
        if (!u) {
            err << "mps-admin: no user named '" << pos[2] << "' (see user list)\n";
            return 2;
        }
        if (!store.clearUserFingerprint(u->id)) {
            err << "mps-admin: the fingerprint of " << u->name << " could not be removed\n";
            return 1;
        }
        out << (u->hasFingerprint ? "fingerprint of " + u->name + " removed\n"
                                  : u->name + " had no fingerprint enrolled\n");
        return 0;
    }
    if (noun == QLatin1String("printer") && verb == QLatin1String("add") && pos.size() == 3) {
        PrinterRecord pr;
        pr.name = pos[2];
        pr.uri = p.value(uri);
        pr.location = p.value(location);
        const QUrl u(pr.uri);
        if (!u.isValid() || (u.scheme() != QLatin1String("ipp") && u.scheme() != QLatin1String("ipps")) ||
            u.host().isEmpty()) {
            err << "mps-admin: --uri must be an ipp:// or ipps:// printer address\n";
            return 2;
        }
        std::optional<DepartmentRecord> owner;
        if (p.isSet(dept)) {
            owner = store.departments().byCode(p.value(dept));
            if (!owner) {
                err << "mps-admin: no department with the code '" << p.value(dept)
                    << "' (see department list)\n";
                return 2;
            }
        }
        if (!store.addPrinter(&pr, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        if (owner && !store.departments().setPrinterDepartment(pr.id, owner->id)) {
            err << "mps-admin: the printer was added but its department could not be stored\n";
            return 1;
        }
        out << "printer " << pr.name << " added (" << pr.uri << (owner ? ", " + owner->code : QString())
            << ")\n";
        return 0;
    }
    if (noun == QLatin1String("printer") && verb == QLatin1String("list")) {
        for (const PrinterRecord& pr : store.printers()) {
            auto d = store.departments().byId(store.departments().printerDepartment(pr.id));
            out << pr.name << "\t" << pr.uri << "\t" << pr.location << "\t"
                << (d ? d->code : QStringLiteral("-")) << "\n";
        }
        return 0;
    }
    if (noun == QLatin1String("kiosk") && verb == QLatin1String("add") && pos.size() == 3) {
        auto pr = store.printerByName(p.value(printer));
        if (!pr) {
            err << "mps-admin: no printer named '" << p.value(printer) << "' (see printer list)\n";
            return 2;
        }
        KioskRecord k;
        k.name = pos[2];
        k.printerId = pr->id;
        const QString token = Authenticator::newToken();
        if (!store.addKiosk(&k, Authenticator::hashToken(token.toLatin1()), &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        out << "kiosk " << k.name << " added for printer " << pr->name << "\n";
        out << "device token (shown once; put it in the kiosk's configuration): " << token << "\n";
        return 0;
    }
    if (noun == QLatin1String("kiosk") && verb == QLatin1String("list")) {
        for (const KioskRecord& k : store.kiosks()) {
            auto pr = store.printerById(k.printerId);
            out << k.name << "\t" << (pr ? pr->name : QStringLiteral("?")) << "\n";
        }
        return 0;
    }
    err << "mps-admin: unknown command\n" << Usage;
    return 2;
}
