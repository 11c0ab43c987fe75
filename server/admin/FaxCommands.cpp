#include "FaxCommands.h"

#include "Authenticator.h"
#include "FaxInbox.h"
#include "Store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QRegularExpression>

namespace {

const char* GroupHelp =
    "usage: mps-admin --data DIR fax COMMAND ...   (fax COMMAND --help for details)\n"
    "  fax settings [--outside-prefix P|--no-outside-prefix] [--extension-digits N] [--keep-days N]\n"
    "  fax route add (did|subaddress) VALUE (--user NAME | --department CODE)\n"
    "  fax route list | route remove (did|subaddress) VALUE\n"
    "  fax route default (--user NAME | --department CODE)\n"
    "  fax block add (--number N | --tsi T) | block list | block remove ID\n"
    "  fax gateway-token NAME   (prints a new token once; the old one stops working)\n";

QString verbHelp(const QString& verb)
{
    if (verb == QLatin1String("settings"))
        return QStringLiteral(
            "usage: mps-admin --data DIR fax settings [--outside-prefix P|--no-outside-prefix]\n"
            "                 [--extension-digits N] [--keep-days N]\n"
            "Without options prints the fax settings. --outside-prefix: digits dialled before every\n"
            "outside number (e.g. 9); --extension-digits: length of internal extensions (0: none);\n"
            "--keep-days: days a sent document stays for resend.\n");
    if (verb == QLatin1String("route"))
        return QStringLiteral(
            "usage: mps-admin --data DIR fax route add (did|subaddress) VALUE (--user NAME | --department "
            "CODE)\n"
            "       mps-admin --data DIR fax route list\n"
            "       mps-admin --data DIR fax route remove (did|subaddress) VALUE\n"
            "       mps-admin --data DIR fax route default (--user NAME | --department CODE)\n"
            "Where received faxes go: the sub-address route first, then the dialled number (DID),\n"
            "then the default; a fax matching none goes to the administrators' \"unrouted\" mailbox.\n"
            "A department mailbox is shared by every member of the department.\n");
    if (verb == QLatin1String("block"))
        return QStringLiteral("usage: mps-admin --data DIR fax block add (--number N | --tsi T)\n"
                              "       mps-admin --data DIR fax block list\n"
                              "       mps-admin --data DIR fax block remove ID\n"
                              "Senders blocked for everyone: their faxes are not stored, only counted.\n"
                              "list: id, number, TSI, scope (global or the user's), hits, last hit.\n");
    if (verb == QLatin1String("gateway-token"))
        return QStringLiteral(
            "usage: mps-admin --data DIR fax gateway-token NAME\n"
            "Gives the fax gateway NAME a new token and prints it once: put it in the token\n"
            "file of /etc/mps/fax-gateway.conf on the gateway. Only its hash is stored; the\n"
            "old token stops working at once.\n");
    return QString::fromLatin1(GroupHelp);
}

QString digitsOnly(const QString& s)
{
    QString d;
    for (const QChar c : s)
        if (c.isDigit())
            d += c;
    return d;
}

QString when(qint64 secs)
{
    return secs ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("-");
}

} // namespace

bool FaxCommands::handles(const QString& noun)
{
    return noun == QLatin1String("fax");
}

QString FaxCommands::help(const QString& verb)
{
    return verbHelp(verb);
}

int FaxCommands::run(Store& store, const QStringList& args, QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption user(QStringLiteral("user"), QString(), QStringLiteral("NAME")),
        department(QStringLiteral("department"), QString(), QStringLiteral("CODE")),
        number(QStringLiteral("number"), QString(), QStringLiteral("N")),
        tsi(QStringLiteral("tsi"), QString(), QStringLiteral("T")),
        prefix(QStringLiteral("outside-prefix"), QString(), QStringLiteral("P")),
        noPrefix(QStringLiteral("no-outside-prefix")),
        extension(QStringLiteral("extension-digits"), QString(), QStringLiteral("N")),
        keepDays(QStringLiteral("keep-days"), QString(), QStringLiteral("N")),
        help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({user, department, number, tsi, prefix, noPrefix, extension, keepDays, help});
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
    FaxInboxStore& fax = store.faxInbox();
    const qint64 now = QDateTime::currentSecsSinceEpoch();

    if (verb == QLatin1String("settings") && pos.size() == 2) {
        if (p.isSet(prefix) && p.isSet(noPrefix))
            return fail(QStringLiteral("give --outside-prefix or --no-outside-prefix, not both"));
        static const QRegularExpression prefixSyntax(QStringLiteral("^[0-9*#]{1,4}$"));
        if (p.isSet(prefix) && !prefixSyntax.match(p.value(prefix)).hasMatch())
            return fail(QStringLiteral("--outside-prefix is 1 to 4 digits (e.g. 9)"));
        bool ok = true;
        const int ext = p.isSet(extension) ? p.value(extension).toInt(&ok) : 0;
        if (!ok || ext < 0 || ext > 6)
            return fail(QStringLiteral("--extension-digits is a number from 0 to 6"));
        const int keep = p.isSet(keepDays) ? p.value(keepDays).toInt(&ok) : 1;
        if (!ok || keep < 1 || keep > 3650)
            return fail(QStringLiteral("--keep-days is a number of days from 1 to 3650"));
        // The settings are the sending side's (FaxService reads them there).
        FaxStore& settings = store.fax();
        bool stored = true;
        if (p.isSet(prefix))
            stored = stored && settings.setSetting(QStringLiteral("outside-prefix"), p.value(prefix));
        if (p.isSet(noPrefix))
            stored = stored && settings.clearSetting(QStringLiteral("outside-prefix"));
        if (p.isSet(extension))
            stored = stored && settings.setSetting(QStringLiteral("extension-digits"), QString::number(ext));
        if (p.isSet(keepDays))
            stored = stored && settings.setSetting(QStringLiteral("keep-days"), QString::number(keep));
        if (!stored)
            return fail(QStringLiteral("the fax settings could not be stored"), 1);
        const QString pre = settings.setting(QStringLiteral("outside-prefix"));
        const QString digits = settings.setting(QStringLiteral("extension-digits"));
        const QString days = settings.setting(QStringLiteral("keep-days"));
        out << "outside-prefix\t" << (pre.isEmpty() ? QStringLiteral("(none)") : pre) << "\n";
        out << "extension-digits\t" << (digits.isEmpty() ? QStringLiteral("4 (default)") : digits) << "\n";
        out << "keep-days\t" << (days.isEmpty() ? QStringLiteral("(server default, 30)") : days) << "\n";
        return 0;
    }

    if (verb == QLatin1String("gateway-token") && pos.size() == 3) {
        static const QRegularExpression nameSyntax(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
        if (!nameSyntax.match(pos[2]).hasMatch())
            return fail(QStringLiteral("a gateway name is 1 to 64 letters, digits, '.', '-' or '_'"));
        const QString token = Authenticator::newToken();
        if (!fax.setGatewayToken(pos[2], Authenticator::hashToken(token.toLatin1()), now))
            return fail(QStringLiteral("the gateway token could not be stored"), 1);
        out << "fax gateway " << pos[2]
            << ": new token (shown once; put it in the gateway's token file; the old one no longer works): "
            << token << "\n";
        return 0;
    }

    // A mailbox: exactly one of --user, --department.
    auto mailbox = [&](FaxRoute* route) -> bool {
        if (p.isSet(user) == p.isSet(department)) {
            fail(QStringLiteral("give --user NAME or --department CODE"));
            return false;
        }
        if (p.isSet(user)) {
            auto u = store.userByName(p.value(user));
            if (!u || u->removed) {
                fail(QStringLiteral("no user named '%1' (see user list)").arg(p.value(user)));
                return false;
            }
            route->userId = u->id;
        } else {
            auto d = store.departments().byCode(p.value(department));
            if (!d) {
                fail(QStringLiteral("no department with the code '%1' (see department list)")
                         .arg(p.value(department)));
                return false;
            }
            route->departmentId = d->id;
        }
        return true;
    };
    auto mailboxName = [&](const FaxRoute& r) {
        if (r.userId) {
            auto u = store.userById(r.userId);
            return QStringLiteral("user ") + (u ? u->name : QStringLiteral("?"));
        }
        auto d = store.departments().byId(r.departmentId);
        return QStringLiteral("department ") + (d ? d->code : QStringLiteral("?"));
    };

    if (verb == QLatin1String("route")) {
        const QString action = pos.value(2);
        if (action == QLatin1String("list") && pos.size() == 3) {
            for (const FaxRoute& r : fax.routes())
                out << r.kind << "\t" << (r.value.isEmpty() ? QStringLiteral("-") : r.value) << "\t"
                    << mailboxName(r) << "\n";
            return 0;
        }
        if (action == QLatin1String("default") && pos.size() == 3) {
            FaxRoute r{QStringLiteral("default"), QString(), 0, 0};
            if (!mailbox(&r))
                return 2;
            if (!fax.setRoute(r))
                return fail(QStringLiteral("the route could not be stored"), 1);
            out << "faxes no route matches go to " << mailboxName(r) << "\n";
            return 0;
        }
        const QString kind = pos.value(3);
        if ((action == QLatin1String("add") || action == QLatin1String("remove")) && pos.size() == 5) {
            if (kind != QLatin1String("did") && kind != QLatin1String("subaddress"))
                return fail(QStringLiteral("a route is for a 'did' or a 'subaddress'"));
            const QString value = digitsOnly(pos[4]);
            if (value.isEmpty() || value.size() > 20 ||
                value.size() != QString(pos[4]).remove(QLatin1Char('-')).size())
                return fail(QStringLiteral("a DID or sub-address is 1 to 20 digits"));
            if (action == QLatin1String("remove")) {
                if (!fax.removeRoute(kind, value))
                    return fail(
                        QStringLiteral("there is no %1 route for %2 (see fax route list)").arg(kind, value),
                        1);
                out << kind << " route " << value << " removed\n";
                return 0;
            }
            FaxRoute r{kind, value, 0, 0};
            if (!mailbox(&r))
                return 2;
            if (!fax.setRoute(r))
                return fail(QStringLiteral("the route could not be stored"), 1);
            out << "faxes to " << kind << " " << value << " go to " << mailboxName(r) << "\n";
            return 0;
        }
        return fail(QStringLiteral("unknown fax route command (see mps-admin fax route --help)"));
    }

    if (verb == QLatin1String("block")) {
        const QString action = pos.value(2);
        if (action == QLatin1String("list") && pos.size() == 3) {
            for (const FaxBlock& b : fax.blocks(-1)) {
                QString scope = QStringLiteral("global");
                if (b.userId) {
                    auto u = store.userById(b.userId);
                    scope = QStringLiteral("user ") + (u ? u->name : QStringLiteral("?"));
                }
                out << b.id << "\t" << (b.number.isEmpty() ? QStringLiteral("-") : b.number) << "\t"
                    << (b.tsi.isEmpty() ? QStringLiteral("-") : b.tsi) << "\t" << scope << "\t" << b.hits
                    << "\t" << when(b.lastHit) << "\n";
            }
            return 0;
        }
        if (action == QLatin1String("add") && pos.size() == 3) {
            if (p.isSet(number) == p.isSet(tsi))
                return fail(QStringLiteral("give --number N or --tsi T"));
            if (p.isSet(number) && FaxInbox::numberKey(p.value(number)).isEmpty())
                return fail(QStringLiteral("'%1' is not a fax number").arg(p.value(number)));
            if (p.isSet(tsi) && p.value(tsi).trimmed().isEmpty())
                return fail(QStringLiteral("--tsi needs the sender ID text"));
            const qint64 id = fax.addBlock(0, p.value(number).trimmed(), p.value(tsi).trimmed(), now);
            if (!id)
                return fail(QStringLiteral("the block could not be stored"), 1);
            out << "block " << id << " added: faxes from "
                << (p.isSet(number) ? p.value(number) : QStringLiteral("TSI '%1'").arg(p.value(tsi)))
                << " are no longer stored\n";
            return 0;
        }
        if (action == QLatin1String("remove") && pos.size() == 4) {
            bool ok = false;
            const qint64 id = pos[3].toLongLong(&ok);
            if (!ok || !fax.removeBlock(id))
                return fail(QStringLiteral("there is no block %1 (see fax block list)").arg(pos[3]), 1);
            out << "block " << id << " removed\n";
            return 0;
        }
        return fail(QStringLiteral("unknown fax block command (see mps-admin fax block --help)"));
    }
    return fail(QStringLiteral("unknown fax command (see mps-admin fax --help)"));
}
