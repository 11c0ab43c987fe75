#include "UserCommands.h"

#include "CardNumber.h"
#include "Clock.h"
#include "EventBus.h"
#include "JobService.h"
#include "PasswordHasher.h"
#include "Server.h"

#include <QCommandLineParser>
#include <QIODevice>
#include <algorithm>

namespace {

const char* GroupHelp =
    "usage: mps-admin --data DIR user COMMAND ...   (user COMMAND --help for details)\n"
    "  user add NAME --department D [--role R] [--email E] [--display-name N] [--card UID]\n"
    "                [--password-stdin] [--pin-stdin]\n"
    "  user list                     (name, department, role, email, card, display name, state, "
    "fingerprint)\n"
    "  user edit NAME [--department D] [--role R] [--email E] [--display-name N] [--card UID|-]\n"
    "  user disable NAME             (no sign-in anywhere; sessions end; held jobs stay)\n"
    "  user enable NAME\n"
    "  user remove NAME              (held jobs deleted; usage history kept)\n"
    "  user reset-password NAME --password-stdin\n"
    "  user reset-pin NAME --pin-stdin\n"
    "  user clear-fingerprint NAME   (removes the user's enrolled fingerprint)\n";

QString verbHelp(const QString& verb)
{
    if (verb == QLatin1String("add"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user add NAME --department D [--role user|dept-head|admin]\n"
            "                 [--email E] [--display-name N] [--card UID] [--password-stdin] [--pin-stdin]\n"
            "Adds a user. D is a department code or name; an unknown one is created (code = name = D).\n"
            "--display-name is the name people see (default: NAME). --password-stdin reads the password\n"
            "(8 characters or more) from the first line of standard input, --pin-stdin the PIN (4-12 "
            "digits)\n"
            "from the next.\n");
    if (verb == QLatin1String("list"))
        return QStringLiteral("usage: mps-admin --data DIR user list\n"
                              "One user a line: name, department, role, e-mail, card (or -), display name,\n"
                              "state (active, disabled, removed), fingerprint (or -), held jobs, their MB\n"
                              "(against max-held-jobs and max-held-mb of the server's configuration).\n");
    if (verb == QLatin1String("edit"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user edit NAME [--department D] [--role user|dept-head|admin]\n"
            "                 [--email E] [--display-name N] [--card UID|-]\n"
            "Changes what is given, keeps the rest. --card - removes the user's card; --display-name \"\"\n"
            "goes back to the login name. An unknown department D is created (code = name = D).\n");
    if (verb == QLatin1String("disable"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user disable NAME\n"
            "The user can no longer sign in anywhere: password, PIN, card, fingerprint, IPP and API tokens\n"
            "are refused and every session they have ends now. Their held jobs stay until they expire or\n"
            "are removed. Undo with user enable.\n");
    if (verb == QLatin1String("enable"))
        return QStringLiteral("usage: mps-admin --data DIR user enable NAME\n"
                              "Lets a disabled user sign in again (a removed user stays removed).\n");
    if (verb == QLatin1String("remove"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user remove NAME\n"
            "Removes a user for good: their held jobs are deleted (the job keys destroyed, so the documents\n"
            "cannot be read again) and recorded in the usage ledger as saved paper; their password, PIN,\n"
            "card and fingerprint are forgotten and their sessions end. Their usage history (printed,\n"
            "deleted and expired jobs, reports) is kept, under the same name, which stays taken.\n"
            "Refused while a job of theirs is being printed.\n");
    if (verb == QLatin1String("reset-password"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user reset-password NAME --password-stdin\n"
            "Sets a new password (8 characters or more), read from the first line of standard input;\n"
            "clears a lock from failed sign-ins. The PIN is kept.\n");
    if (verb == QLatin1String("reset-pin"))
        return QStringLiteral(
            "usage: mps-admin --data DIR user reset-pin NAME --pin-stdin\n"
            "Sets a new PIN (4 to 12 digits), read from the first line of standard input; clears a lock\n"
            "from failed sign-ins. The password is kept.\n");
    if (verb == QLatin1String("clear-fingerprint"))
        return QStringLiteral("usage: mps-admin --data DIR user clear-fingerprint NAME\n"
                              "Deletes the user's enrolled fingerprint template and their consent record.\n");
    return QString::fromLatin1(GroupHelp);
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

bool validRole(const QString& role)
{
    return role == QLatin1String("user") || role == QLatin1String("dept-head") ||
           role == QLatin1String("admin");
}

bool departmentKnown(Store& store, const QString& d)
{
    bool known = store.departments().byCode(d).has_value();
    for (const DepartmentRecord& rec : store.departments().all())
        known = known || rec.name == d;
    return known;
}

} // namespace

bool UserCommands::handles(const QString& noun)
{
    return noun == QLatin1String("user");
}

QString UserCommands::help(const QString& verb)
{
    return verbHelp(verb);
}

int UserCommands::run(DataDir& dir, const QStringList& args, QTextStream& out, QTextStream& err,
                      QIODevice* in)
{
    Store& store = dir.store;
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    auto valued = [](const char* name, const char* value) {
        return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value));
    };
    const QCommandLineOption dept = valued("department", "D"), role = valued("role", "ROLE"),
                             email = valued("email", "E"), display = valued("display-name", "N"),
                             card = valued("card", "UID"), pwStdin(QStringLiteral("password-stdin")),
                             pinStdin(QStringLiteral("pin-stdin")),
                             help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    p.addOptions({dept, role, email, display, card, pwStdin, pinStdin, help});
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
    const auto readPassword = [&](QString* hash) {
        const QString pw = readSecretLine(in);
        if (pw.size() < 8) {
            fail(QStringLiteral("the password must have at least 8 characters"));
            return false;
        }
        *hash = PasswordHasher::hash(pw);
        return true;
    };
    const auto readPin = [&](QString* hash) {
        const QString pin = readSecretLine(in);
        if (pin.size() < 4 || pin.size() > 12 ||
            !std::all_of(pin.begin(), pin.end(), [](QChar c) { return c.isDigit(); })) {
            fail(QStringLiteral("the PIN must be 4 to 12 digits"));
            return false;
        }
        *hash = PasswordHasher::hash(pin);
        return true;
    };
    QString error;

    if (verb == QLatin1String("list") && pos.size() == 2) {
        for (const UserRecord& u : store.users()) {
            // The columns of earlier versions first, in their order, as scripts read them.
            const Store::HeldLoad held = store.heldLoad(u.id);
            out << u.name << "\t" << u.department << "\t" << u.role << "\t" << u.email << "\t"
                << (u.card.isEmpty() ? QStringLiteral("-") : u.card) << "\t" << u.shownName() << "\t"
                << (u.removed    ? "removed"
                    : u.disabled ? "disabled"
                                 : "active")
                << "\t" << (u.hasFingerprint ? QStringLiteral("fingerprint") : QStringLiteral("-")) << "\t"
                << held.jobs << "\t" << (held.bytes + 1024 * 1024 - 1) / (1024 * 1024) << "\n";
        }
        return 0;
    }
    if (verb == QLatin1String("add") && pos.size() == 3) {
        UserRecord u;
        u.name = pos[2];
        u.department = p.value(dept);
        u.role = p.isSet(role) ? p.value(role) : QStringLiteral("user");
        u.email = p.value(email);
        if (u.department.isEmpty())
            return fail(QStringLiteral("user add needs --department"));
        if (!validRole(u.role))
            return fail(QStringLiteral("--role must be user, dept-head or admin"));
        if (p.isSet(card)) {
            u.card = CardNumber::normalize(p.value(card));
            if (u.card.isEmpty())
                return fail(QStringLiteral("%1 is not a card number").arg(p.value(card)));
        }
        if (p.isSet(pwStdin) && !readPassword(&u.passwordHash))
            return 2;
        if (p.isSet(pinStdin) && !readPin(&u.pinHash))
            return 2;
        const bool known = departmentKnown(store, u.department);
        if (!store.addUser(&u, &error))
            return fail(error, 1);
        if (p.isSet(display)) {
            u.displayName = p.value(display).trimmed();
            if (!store.updateUser(&u, &error))
                return fail(error, 1);
        }
        out << "user " << u.name << " added (" << u.department << ", " << u.role << ")\n";
        if (!known)
            out << "department " << u.department << " created (code and name " << u.department << ")\n";
        return 0;
    }
    if (pos.size() != 3)
        return fail(QStringLiteral("unknown user command (see mps-admin user --help)"));

    auto u = store.userByName(pos[2]);
    if (!u)
        return fail(QStringLiteral("no user named '%1' (see user list)").arg(pos[2]));
    if (u->removed && verb != QLatin1String("remove"))
        return fail(QStringLiteral("%1 was removed; only their usage history is kept").arg(u->name));

    if (verb == QLatin1String("edit")) {
        if (!p.isSet(dept) && !p.isSet(role) && !p.isSet(email) && !p.isSet(display) && !p.isSet(card))
            return fail(QStringLiteral("user edit needs at least one of --department, --role, --email, "
                                       "--display-name, --card"));
        bool created = false;
        if (p.isSet(dept)) {
            if (p.value(dept).isEmpty())
                return fail(QStringLiteral("--department cannot be empty"));
            created = !departmentKnown(store, p.value(dept));
            u->department = p.value(dept);
            u->departmentId = 0;
        }
        if (p.isSet(role)) {
            if (!validRole(p.value(role)))
                return fail(QStringLiteral("--role must be user, dept-head or admin"));
            u->role = p.value(role);
        }
        if (p.isSet(email))
            u->email = p.value(email);
        if (p.isSet(display))
            u->displayName = p.value(display).trimmed();
        if (p.isSet(card)) {
            if (p.value(card) == QLatin1String("-")) {
                u->card.clear();
            } else {
                u->card = CardNumber::normalize(p.value(card));
                if (u->card.isEmpty())
                    return fail(QStringLiteral("%1 is not a card number").arg(p.value(card)));
            }
        }
        if (!store.updateUser(&*u, &error))
            return fail(error, 1);
        out << "user " << u->name << " changed (" << u->shownName() << ", " << u->department << ", "
            << u->role << ", " << (u->email.isEmpty() ? QStringLiteral("no e-mail") : u->email) << ", "
            << (u->card.isEmpty() ? QStringLiteral("no card") : QStringLiteral("card ") + u->card) << ")\n";
        if (created)
            out << "department " << u->department << " created (code and name " << u->department << ")\n";
        return 0;
    }
    if (verb == QLatin1String("disable") || verb == QLatin1String("enable")) {
        const bool disable = verb == QLatin1String("disable");
        if (!store.setUserDisabled(u->id, disable))
            return fail(QStringLiteral("%1 could not be changed").arg(u->name), 1);
        out << "user " << u->name
            << (disable ? " disabled: cannot sign in anywhere; sessions ended; held jobs kept\n"
                        : " enabled: can sign in again\n");
        return 0;
    }
    if (verb == QLatin1String("reset-password") || verb == QLatin1String("reset-pin")) {
        const bool pw = verb == QLatin1String("reset-password");
        if (!p.isSet(pw ? pwStdin : pinStdin))
            return fail(pw ? QStringLiteral("user reset-password needs --password-stdin (the password on "
                                            "standard input, never in the command line)")
                           : QStringLiteral("user reset-pin needs --pin-stdin (the PIN on standard input, "
                                            "never in the command line)"));
        QString hash;
        if (!(pw ? readPassword(&hash) : readPin(&hash)))
            return 2;
        if (!store.setUserSecrets(u->id, pw ? hash : u->passwordHash, pw ? u->pinHash : hash))
            return fail(QStringLiteral("the new secret could not be stored"), 1);
        store.clearAuthFailures(u->id);
        out << (pw ? "password" : "PIN") << " of " << u->name << " reset\n";
        return 0;
    }
    if (verb == QLatin1String("clear-fingerprint")) {
        // For staff who leave or withdraw consent: secure_delete overwrites the sealed template.
        if (!store.clearUserFingerprint(u->id))
            return fail(QStringLiteral("the fingerprint of %1 could not be removed").arg(u->name), 1);
        out << (u->hasFingerprint ? "fingerprint of " + u->name + " removed\n"
                                  : u->name + " had no fingerprint enrolled\n");
        return 0;
    }
    if (verb == QLatin1String("remove")) {
        if (u->removed) {
            out << "user " << u->name << " was already removed\n";
            return 0;
        }
        const QList<JobInfo> live = store.jobsForOwner(u->id, true, -1); // every one, not the newest 1,000
        const auto busy = std::count_if(live.begin(), live.end(),
                                        [](const JobInfo& j) { return j.state != JobState::Held; });
        if (busy > 0)
            return fail(QStringLiteral("%1 job(s) of %2 are being printed now; wait until they end")
                            .arg(busy)
                            .arg(u->name),
                        1);
        // No sign-in from here on, then the held jobs go the way a deletion goes: key destroyed,
        // file removed, the paper recorded as saved.
        if (!store.setUserDisabled(u->id, true))
            return fail(QStringLiteral("%1 could not be disabled").arg(u->name), 1);
        EventBus events;
        SystemClock clock;
        JobService jobs(store, dir.spool, dir.jobKek(), events, clock, JobService::Settings{});
        int deleted = 0;
        for (const JobInfo& j : live) {
            if (jobs.remove(*u, j.id, QStringLiteral("Deleted by the print admin: the user was removed.")) ==
                JobActionResult::Ok)
                ++deleted;
        }
        if (!store.markUserRemoved(u->id))
            return fail(QStringLiteral("%1 could not be removed").arg(u->name), 1);
        out << "user " << u->name << " removed: " << deleted
            << " held job(s) deleted (keys destroyed, recorded as saved); usage history kept\n";
        return 0;
    }
    return fail(QStringLiteral("unknown user command '%1' (see mps-admin user --help)").arg(verb));
}
