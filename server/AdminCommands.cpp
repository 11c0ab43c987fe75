#include "AdminCommands.h"

#include "Authenticator.h"
#include "CardNumber.h"
#include "PasswordHasher.h"
#include "Server.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <QUrl>

namespace {

const char* Usage = R"(usage: mps-admin --data DIR COMMAND ...
  user add NAME --department D [--role user|dept-head|admin] [--email E] [--card UID]
                [--password-stdin] [--pin-stdin]
  user list                             (name, department, role, email, card, fingerprint)
  user clear-fingerprint NAME          (removes the user's enrolled fingerprint)
  printer add NAME --uri IPP-URI [--location TEXT]
  printer list
  kiosk add NAME --printer PRINTER      (prints the device token once)
  kiosk list
)";

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
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption data(QStringLiteral("data"), QString(), QStringLiteral("DIR"));
    const QCommandLineOption dept(QStringLiteral("department"), QString(), QStringLiteral("D"));
    const QCommandLineOption role(QStringLiteral("role"), QString(), QStringLiteral("ROLE"), QStringLiteral("user"));
    const QCommandLineOption email(QStringLiteral("email"), QString(), QStringLiteral("E"));
    const QCommandLineOption card(QStringLiteral("card"), QString(), QStringLiteral("UID"));
    const QCommandLineOption pwStdin(QStringLiteral("password-stdin"));
    const QCommandLineOption pinStdin(QStringLiteral("pin-stdin"));
    const QCommandLineOption uri(QStringLiteral("uri"), QString(), QStringLiteral("URI"));
    const QCommandLineOption location(QStringLiteral("location"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption printer(QStringLiteral("printer"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({data, dept, role, email, card, pwStdin, pinStdin, uri, location, printer, help});
    if (!p.parse(args)) {
        err << "mps-admin: " << p.errorText() << "\n" << Usage;
        return 2;
    }
    const QStringList pos = p.positionalArguments();
    if (p.isSet(help) || pos.size() < 2) {
        (p.isSet(help) ? out : err) << Usage;
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
        if (u.role != QLatin1String("user") && u.role != QLatin1String("dept-head") && u.role != QLatin1String("admin")) {
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
            if (pin.size() < 4 || pin.size() > 12 || !std::all_of(pin.begin(), pin.end(), [](QChar c) { return c.isDigit(); })) {
                err << "mps-admin: the PIN must be 4 to 12 digits\n";
                return 2;
            }
            u.pinHash = PasswordHasher::hash(pin);
        }
        if (!store.addUser(&u, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        out << "user " << u.name << " added (" << u.department << ", " << u.role << ")\n";
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
        if (!u.isValid() || (u.scheme() != QLatin1String("ipp") && u.scheme() != QLatin1String("ipps")) || u.host().isEmpty()) {
            err << "mps-admin: --uri must be an ipp:// or ipps:// printer address\n";
            return 2;
        }
        if (!store.addPrinter(&pr, &error)) {
            err << "mps-admin: " << error << "\n";
            return 1;
        }
        out << "printer " << pr.name << " added (" << pr.uri << ")\n";
        return 0;
    }
    if (noun == QLatin1String("printer") && verb == QLatin1String("list")) {
        for (const PrinterRecord& pr : store.printers())
            out << pr.name << "\t" << pr.uri << "\t" << pr.location << "\n";
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
