#include "AccountingCommands.h"

#include "AccountingService.h"
#include "Clock.h"
#include "EventBus.h"
#include "Money.h"
#include "ServerConfig.h"
#include "Store.h"
#include "UsageExport.h"
#include "UsageImport.h"
#include "UsageReports.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>

namespace {

const char* Usage = R"(  department add CODE --name NAME [--parent CODE]
  department list                       (code, name, parent, heads)
  department set-head CODE USER [--remove]
  printer set-department PRINTER CODE  (CODE - clears it; also: printer add ... --department CODE)
  rate list [--printer NAME]            (every version of the default and per-printer tables)
  rate set [--printer NAME] [--from YYYY-MM-DD] KEY=PRICE ...
                                        (a new version from now or 00:00 of that day; keys like
                                         a4-mono-simplex, a3-color-duplex; prices in the currency)
  quota set (--user NAME | --department CODE) --limit AMOUNT --policy hard|soft
  quota clear (--user NAME | --department CODE)
  quota list [--period YYYY-MM]         (limit, allowance, spent and what is left)
  allowance (--user NAME | --department CODE) --amount AMOUNT [--period YYYY-MM] [--note TEXT]
  report usage --by user|department|printer [--period YYYY-MM] [--department CODE] [--csv]
  report savings --baseline YYYY-MM --compare YYYY-MM [--department CODE]
  usage import FILE.csv                 (at,user,printer,kind,pages,copies,duplex,color,size; one
                                         transaction: a bad line imports nothing)
  The currency, period start day and time zone are the server's (stored when it starts), or
  [accounting] of --config FILE.
)";

const char* GroupHelp(const QString& noun)
{
    if (noun == QLatin1String("department"))
        return "mps-admin --data DIR department add CODE --name NAME [--parent CODE]\n"
               "mps-admin --data DIR department list\n"
               "mps-admin --data DIR department set-head CODE USER [--remove]\n"
               "Departments have a unique code (FIN), a name (재무과), an optional parent and heads who\n"
               "see the department's and its sub-departments' usage.\n";
    if (noun == QLatin1String("printer"))
        return "mps-admin --data DIR printer set-department PRINTER CODE\n"
               "The department that owns the printer, for charge-back reports (- clears it).\n";
    if (noun == QLatin1String("rate"))
        return "mps-admin --data DIR rate list [--printer NAME]\n"
               "mps-admin --data DIR rate set [--printer NAME] [--from YYYY-MM-DD] KEY=PRICE ...\n"
               "Price per impression by size (a4, a3, other), colour (mono, color) and sides (simplex,\n"
               "duplex): keys like a4-mono-simplex. A set makes a new version of the table (the default\n"
               "one, or the printer's) starting now or at 00:00 of --from; printed jobs keep their price.\n";
    if (noun == QLatin1String("quota"))
        return "mps-admin --data DIR quota set (--user NAME | --department CODE) --limit AMOUNT --policy "
               "hard|soft\n"
               "mps-admin --data DIR quota clear (--user NAME | --department CODE)\n"
               "mps-admin --data DIR quota list [--period YYYY-MM]\n"
               "A limit per period in the currency. hard: a release that would go over is refused and the\n"
               "job stays held; soft: it prints and the person is warned (at 80 % and 100 %).\n";
    if (noun == QLatin1String("allowance"))
        return "mps-admin --data DIR allowance (--user NAME | --department CODE) --amount AMOUNT [--period "
               "YYYY-MM] "
               "[--note TEXT]\n"
               "Adds AMOUNT to the limit for one period (default: the current one).\n";
    if (noun == QLatin1String("report"))
        return "mps-admin --data DIR report usage --by user|department|printer [--period YYYY-MM] "
               "[--department CODE] "
               "[--csv]\n"
               "mps-admin --data DIR report savings --baseline YYYY-MM --compare YYYY-MM [--department "
               "CODE]\n"
               "--csv prints the same CSV as GET /api/v1/usage/report?format=csv (UTF-8 with a BOM).\n";
    if (noun == QLatin1String("usage"))
        return "mps-admin --data DIR usage import FILE.csv\n"
               "Header: at,user,printer,kind,pages,copies,duplex,color,size. at: ISO 8601 with a zone;\n"
               "kind: printed, deleted or expired; duplex, color: 0 or 1; size: a4, a3 or other. Rows are\n"
               "priced at the rates in force at their time. One transaction: a bad line imports nothing.\n"
               "Run it while mps-server is stopped (a long import would hold up the server's writes).\n";
    return Usage;
}

// The accounting settings mps-admin works with: --config's [accounting], else what the server stored.
bool loadSettings(Store& store, const QString& configFile, AccountingSettings* s, QString* error)
{
    LedgerStore& l = store.ledger();
    if (!l.setting(QStringLiteral("accounting.currency")).isEmpty())
        s->currency = l.setting(QStringLiteral("accounting.currency"));
    if (const int day = l.setting(QStringLiteral("accounting.periodStartDay")).toInt(); day >= 1 && day <= 28)
        s->periods.startDay = day;
    if (const QByteArray z = l.setting(QStringLiteral("accounting.timeZone")).toUtf8();
        QTimeZone::isTimeZoneIdAvailable(z))
        s->periods.zone = QTimeZone(z);
    if (configFile.isEmpty())
        return true;
    QSettings ini(configFile, QSettings::IniFormat);
    return ServerConfig::readAccounting(ini, s, error);
}

struct Ctx
{
    Store& store;
    QCommandLineParser& p;
    QStringList pos;
    QTextStream& out;
    QTextStream& err;
    AccountingSettings settings;

    int fail(const QString& text, int code = 2)
    {
        err << "mps-admin: " << text << "\n";
        return code;
    }
    QString opt(const char* name) const { return p.value(QString::fromLatin1(name)); }
    bool has(const char* name) const { return p.isSet(QString::fromLatin1(name)); }
};

// --user NAME or --department CODE -> (scope, id, display).
bool subjectOf(Ctx& c, QString* scope, qint64* id, QString* display)
{
    if (c.has("user") == c.has("department")) {
        c.fail(QStringLiteral("name exactly one of --user NAME or --department CODE"));
        return false;
    }
    if (c.has("user")) {
        auto u = c.store.userByName(c.opt("user"));
        if (!u) {
            c.fail(QStringLiteral("no user named '%1' (see user list)").arg(c.opt("user")));
            return false;
        }
        *scope = QStringLiteral("user");
        *id = u->id;
        *display = u->name;
        return true;
    }
    auto d = c.store.departments().byCode(c.opt("department"));
    if (!d) {
        c.fail(QStringLiteral("no department with the code '%1' (see department list)")
                   .arg(c.opt("department")));
        return false;
    }
    *scope = QStringLiteral("department");
    *id = d->id;
    *display = d->code;
    return true;
}

bool amountOf(Ctx& c, const char* option, qint64* minor)
{
    if (!Money::parse(c.opt(option), c.settings.currency, minor)) {
        c.fail(QStringLiteral("--%1 must be an amount in %2 such as %3, not '%4'")
                   .arg(QString::fromLatin1(option), c.settings.currency,
                        Money::exponent(c.settings.currency) ? QStringLiteral("500.00")
                                                             : QStringLiteral("50000"),
                        c.opt(option)));
        return false;
    }
    return true;
}

QString money(const Ctx& c, qint64 minor)
{
    return Money::toPlainString(minor, c.settings.currency);
}

int department(Ctx& c)
{
    const QString verb = c.pos.value(1);
    if (verb == QLatin1String("add") && c.pos.size() == 3) {
        DepartmentRecord d;
        d.code = c.pos[2];
        d.name = c.opt("name");
        if (d.name.isEmpty())
            return c.fail(QStringLiteral("department add needs --name NAME"));
        QString error;
        if (!c.store.departments().add(&d, c.opt("parent"), &error))
            return c.fail(error, 1);
        c.out << "department " << d.code << " added (" << d.name
              << (d.parentCode.isEmpty() ? QString() : QStringLiteral(", under ") + d.parentCode) << ")\n";
        return 0;
    }
    if (verb == QLatin1String("list") && c.pos.size() == 2) {
        for (const DepartmentRecord& d : c.store.departments().all())
            c.out << d.code << "\t" << d.name << "\t"
                  << (d.parentCode.isEmpty() ? QStringLiteral("-") : d.parentCode) << "\t"
                  << (d.heads.isEmpty() ? QStringLiteral("-") : d.heads.join(QLatin1Char(','))) << "\n";
        return 0;
    }
    if (verb == QLatin1String("set-head") && c.pos.size() == 4) {
        auto d = c.store.departments().byCode(c.pos[2]);
        if (!d)
            return c.fail(
                QStringLiteral("no department with the code '%1' (see department list)").arg(c.pos[2]));
        auto u = c.store.userByName(c.pos[3]);
        if (!u)
            return c.fail(QStringLiteral("no user named '%1' (see user list)").arg(c.pos[3]));
        QString error;
        const bool remove = c.has("remove");
        if (!c.store.departments().setHead(d->id, u->id, remove, &error))
            return c.fail(error, 1);
        c.out << u->name << (remove ? " is no longer a head of " : " is a head of ") << d->code << "\n";
        return 0;
    }
    c.err << GroupHelp(QStringLiteral("department"));
    return 2;
}

int printerSetDepartment(Ctx& c)
{
    if (c.pos.size() != 4) {
        c.err << GroupHelp(QStringLiteral("printer"));
        return 2;
    }
    auto pr = c.store.printerByName(c.pos[2]);
    if (!pr)
        return c.fail(QStringLiteral("no printer named '%1' (see printer list)").arg(c.pos[2]));
    qint64 deptId = 0;
    if (c.pos[3] != QLatin1String("-")) {
        auto d = c.store.departments().byCode(c.pos[3]);
        if (!d)
            return c.fail(
                QStringLiteral("no department with the code '%1' (see department list)").arg(c.pos[3]));
        deptId = d->id;
    }
    if (!c.store.departments().setPrinterDepartment(pr->id, deptId))
        return c.fail(QStringLiteral("the printer's department could not be stored"), 1);
    c.out << "printer " << pr->name
          << (deptId ? " belongs to " + c.pos[3] : QStringLiteral(" belongs to no department")) << "\n";
    return 0;
}

int rate(Ctx& c)
{
    const QString verb = c.pos.value(1);
    qint64 printerId = 0;
    if (c.has("printer")) {
        auto pr = c.store.printerByName(c.opt("printer"));
        if (!pr)
            return c.fail(QStringLiteral("no printer named '%1' (see printer list)").arg(c.opt("printer")));
        printerId = pr->id;
    }
    if (verb == QLatin1String("list") && c.pos.size() == 2) {
        const QList<RateTableRecord> tables = c.store.ledger().rateTables();
        if (tables.isEmpty() && !printerId) {
            c.out << "default\tbuilt-in";
            const RateTable d = RateTable::defaults();
            for (const QString& k : RateTable::keys())
                c.out << "\t" << k << "=" << money(c, d.get(k).value_or(0));
            c.out << "\n";
        }
        for (const RateTableRecord& t : tables) {
            if (printerId && t.printerId != printerId)
                continue;
            c.out << (t.printerId ? t.printer : QStringLiteral("default")) << "\t"
                  << QDateTime::fromSecsSinceEpoch(t.effectiveFrom, c.settings.periods.zone)
                         .toString(Qt::ISODate);
            for (const QString& k : RateTable::keys())
                c.out << "\t" << k << "=" << money(c, t.rates.value(k).toInteger());
            c.out << "\n";
        }
        return 0;
    }
    if (verb == QLatin1String("set") && c.pos.size() >= 3) {
        SystemClock clock;
        EventBus events;
        AccountingService acc(c.store, events, clock, c.settings);
        qint64 from = clock.nowSecs();
        if (c.has("from")) {
            const QDate day = QDate::fromString(c.opt("from"), Qt::ISODate);
            if (!day.isValid())
                return c.fail(QStringLiteral("--from takes a day as YYYY-MM-DD"));
            from = QDateTime(day, QTime(0, 0), c.settings.periods.zone).toSecsSinceEpoch();
        }
        // The new version starts from the table in force then (the printer's, else the default).
        RateTable table = acc.ratesAt(printerId, from);
        for (int i = 2; i < c.pos.size(); ++i) {
            const QString key = c.pos[i].section(QLatin1Char('='), 0, 0);
            qint64 minor = 0;
            if (!RateTable::keys().contains(key))
                return c.fail(QStringLiteral("'%1' is not a rate key; the keys are %2")
                                  .arg(key, RateTable::keys().join(QLatin1String(", "))));
            if (!Money::parse(c.pos[i].section(QLatin1Char('='), 1), c.settings.currency, &minor) ||
                !table.set(key, minor))
                return c.fail(QStringLiteral("'%1' needs a price in %2, e.g. %3=20")
                                  .arg(c.pos[i], c.settings.currency, key));
        }
        QString error;
        if (!c.store.ledger().addRateTable(printerId, from, table.toJson(), clock.nowSecs(), &error))
            return c.fail(error, 1);
        c.out << "rates of " << (printerId ? c.opt("printer") : QStringLiteral("the default table"))
              << " from "
              << QDateTime::fromSecsSinceEpoch(from, c.settings.periods.zone).toString(Qt::ISODate)
              << " stored\n";
        return 0;
    }
    c.err << GroupHelp(QStringLiteral("rate"));
    return 2;
}

int quota(Ctx& c)
{
    const QString verb = c.pos.value(1);
    QString scope, display;
    qint64 id = 0;
    if (verb == QLatin1String("set") && c.pos.size() == 2) {
        if (!subjectOf(c, &scope, &id, &display))
            return 2;
        qint64 limit = 0;
        if (!amountOf(c, "limit", &limit))
            return 2;
        const auto policy = quotaPolicyFromName(c.opt("policy"));
        if (!policy)
            return c.fail(QStringLiteral("--policy must be hard or soft"));
        QString error;
        if (!c.store.ledger().setQuota(scope, id, limit, quotaPolicyName(*policy), &error))
            return c.fail(error, 1);
        c.out << scope << " " << display << ": " << quotaPolicyName(*policy) << " quota of "
              << money(c, limit) << " " << c.settings.currency << " per period\n";
        return 0;
    }
    if (verb == QLatin1String("clear") && c.pos.size() == 2) {
        if (!subjectOf(c, &scope, &id, &display))
            return 2;
        c.out << (c.store.ledger().clearQuota(scope, id) ? scope + " " + display + ": quota removed\n"
                                                         : scope + " " + display + " had no quota\n");
        return 0;
    }
    if (verb == QLatin1String("list") && c.pos.size() == 2) {
        SystemClock clock;
        EventBus events;
        AccountingService acc(c.store, events, clock, c.settings);
        const auto period = acc.period(c.opt("period"));
        if (!period)
            return c.fail(QStringLiteral("--period takes YYYY-MM, e.g. 2026-11"));
        c.out << "scope\tsubject\tpolicy\tlimit\tallowance\tspent\tremaining\t(" << period->label << ", "
              << c.settings.currency << ")\n";
        for (const QuotaRecord& q : c.store.ledger().quotas()) {
            const QuotaState s = acc.quotaState(q.scope, q.subjectId, *period);
            c.out << q.scope << "\t" << q.subject << "\t" << q.policy << "\t" << money(c, q.limit) << "\t"
                  << money(c, s.allowance) << "\t" << money(c, s.spent) << "\t"
                  << money(c, s.remaining().value_or(0)) << "\n";
        }
        return 0;
    }
    c.err << GroupHelp(QStringLiteral("quota"));
    return 2;
}

int allowance(Ctx& c)
{
    QString scope, display;
    qint64 id = 0, amount = 0;
    if (c.pos.size() != 1 || !c.has("amount")) {
        c.err << GroupHelp(QStringLiteral("allowance"));
        return 2;
    }
    if (!subjectOf(c, &scope, &id, &display) || !amountOf(c, "amount", &amount))
        return 2;
    SystemClock clock;
    EventBus events;
    AccountingService acc(c.store, events, clock, c.settings);
    const auto period = acc.period(c.opt("period"));
    if (!period)
        return c.fail(QStringLiteral("--period takes YYYY-MM, e.g. 2026-11"));
    QString error;
    if (!c.store.ledger().addAllowance(scope, id, period->label, amount, c.opt("note"), clock.nowSecs(),
                                       &error))
        return c.fail(error, 1);
    c.out << scope << " " << display << ": allowance of " << money(c, amount) << " " << c.settings.currency
          << " for " << period->label << "\n";
    return 0;
}

int report(Ctx& c)
{
    const QString verb = c.pos.value(1);
    SystemClock clock;
    EventBus events;
    AccountingService acc(c.store, events, clock, c.settings);
    UsageReports reports(c.store, acc);
    UserRecord admin;
    admin.role = QStringLiteral("admin");
    ReportError error;
    if (verb == QLatin1String("usage") && c.pos.size() == 2) {
        UsageReport r;
        if (!reports.report(admin, c.has("by") ? c.opt("by") : QStringLiteral("user"), c.opt("period"),
                            c.opt("department"), &r, &error))
            return c.fail(error.message, error.status == 404 ? 1 : 2);
        if (c.has("csv")) {
            c.out.flush();
            // The same bytes as the REST answer; QString would drop the BOM, so it is written as a character.
            c.out << QChar(0xFEFF) << QString::fromUtf8(UsageExport::reportCsv(r).mid(3));
            return 0;
        }
        c.out << "usage by " << r.by << " in " << r.period.label << " (" << r.currency << ")\n";
        c.out << "key\tname\tdepartment\tjobs\tpages\tsheets\tcost\tcolour\tduplex\tsaved jobs\tsaved "
                 "pages\tsaved "
                 "sheets\tsaved cost\tother depts' pages\tquota\n";
        auto line = [&](const UsageRow& row) {
            const UsageSums& s = row.sums;
            c.out << s.key << "\t" << s.name << "\t" << s.department << "\t" << s.jobs << "\t" << s.pages
                  << "\t" << s.sheets << "\t" << money(c, s.cost) << "\t"
                  << QString::number(UsageReports::share(s.colorImpressions, s.impressions) * 100, 'f', 1)
                  << "%\t"
                  << QString::number(UsageReports::share(s.duplexImpressions, s.impressions) * 100, 'f', 1)
                  << "%\t" << s.savedJobs << "\t" << s.savedPages << "\t" << s.savedSheets << "\t"
                  << money(c, s.savedCost) << "\t" << s.crossDepartmentPages << "\t";
            if (row.quota && row.quota->limit)
                c.out << money(c, row.quota->spent) << "/" << money(c, row.quota->effectiveLimit()) << " ("
                      << row.quota->percentUsed() << "%, " << quotaPolicyName(row.quota->policy) << ")";
            else
                c.out << "-";
            c.out << "\n";
        };
        for (const UsageRow& row : r.rows)
            line(row);
        line(r.totals);
        return 0;
    }
    if (verb == QLatin1String("savings") && c.pos.size() == 2) {
        SavingsSide base, later;
        if (!c.has("baseline") || !c.has("compare"))
            return c.fail(QStringLiteral("report savings needs --baseline YYYY-MM and --compare YYYY-MM"));
        if (!reports.savings(admin, c.opt("baseline"), c.opt("compare"), c.opt("department"), &base, &later,
                             &error))
            return c.fail(error.message, error.status == 404 ? 1 : 2);
        auto row = [&](const char* what, double a, double b, bool relative) {
            const double change = relative ? UsageExport::change(a, b) * 100 : b - a;
            c.out << what << "\t" << QString::number(a, 'f', 2) << "\t" << QString::number(b, 'f', 2) << "\t"
                  << (change > 0 ? "+" : "") << QString::number(change, 'f', 1)
                  << (relative ? " %" : " points") << "\n";
        };
        c.out << "measure\t" << base.period.label << "\t" << later.period.label << "\tchange\n";
        c.out << "people\t" << base.sums.people << "\t" << later.sums.people << "\n";
        row("pages per person", base.pagesPerPerson, later.pagesPerPerson, true);
        row("sheets per person", base.sheetsPerPerson, later.sheetsPerPerson, true);
        row("colour share (%)", base.colorShare * 100, later.colorShare * 100, false);
        c.out << "jobs never printed\t" << base.sums.savedJobs << "\t" << later.sums.savedJobs << "\n";
        c.out << "cost\t" << money(c, base.sums.cost) << "\t" << money(c, later.sums.cost) << "\n";
        return 0;
    }
    c.err << GroupHelp(QStringLiteral("report"));
    return 2;
}

int usageImport(Ctx& c)
{
    if (c.pos.value(1) != QLatin1String("import") || c.pos.size() != 3) {
        c.err << GroupHelp(QStringLiteral("usage"));
        return 2;
    }
    QElapsedTimer t;
    t.start();
    QString error;
    const qint64 n = UsageImport::run(c.store, c.pos[2], &error);
    if (n < 0)
        return c.fail(error + QStringLiteral(" (nothing was imported)"), 1);
    c.out << n << " ledger rows imported from " << c.pos[2] << " in "
          << QString::number(t.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}

} // namespace

bool AccountingCommands::handles(const QString& noun, const QString& verb)
{
    static const QStringList nouns{QStringLiteral("department"), QStringLiteral("rate"),
                                   QStringLiteral("quota"),      QStringLiteral("allowance"),
                                   QStringLiteral("report"),     QStringLiteral("usage")};
    return nouns.contains(noun) ||
           (noun == QLatin1String("printer") && verb == QLatin1String("set-department"));
}

const char* AccountingCommands::usage()
{
    return Usage;
}

const char* AccountingCommands::help(const QString& noun)
{
    return GroupHelp(noun);
}

int AccountingCommands::run(Store& store, const QStringList& args, const QString& configFile,
                            QTextStream& out, QTextStream& err)
{
    QCommandLineParser p;
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    auto valued = [](const char* name, const char* value) {
        return QCommandLineOption(QString::fromLatin1(name), QString(), QString::fromLatin1(value));
    };
    p.addOptions(
        {valued("name", "NAME"), valued("parent", "CODE"), QCommandLineOption(QStringLiteral("remove")),
         valued("printer", "NAME"), valued("from", "DAY"), valued("user", "NAME"),
         valued("department", "CODE"), valued("limit", "AMOUNT"), valued("policy", "POLICY"),
         valued("amount", "AMOUNT"), valued("period", "PERIOD"), valued("note", "TEXT"), valued("by", "BY"),
         QCommandLineOption(QStringLiteral("csv")), valued("baseline", "PERIOD"), valued("compare", "PERIOD"),
         QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")})});
    QStringList full = args;
    full.prepend(QStringLiteral("mps-admin"));
    if (!p.parse(full)) {
        err << "mps-admin: " << p.errorText() << "\n";
        return 2;
    }
    Ctx c{store, p, p.positionalArguments(), out, err, {}};
    const QString noun = c.pos.value(0);
    if (p.isSet(QStringLiteral("help"))) {
        out << GroupHelp(noun);
        return 0;
    }
    QString error;
    if (!loadSettings(store, configFile, &c.settings, &error))
        return c.fail(error);
    if (noun == QLatin1String("department"))
        return department(c);
    if (noun == QLatin1String("printer"))
        return printerSetDepartment(c);
    if (noun == QLatin1String("rate"))
        return rate(c);
    if (noun == QLatin1String("quota"))
        return quota(c);
    if (noun == QLatin1String("allowance"))
        return allowance(c);
    if (noun == QLatin1String("report"))
        return report(c);
    if (noun == QLatin1String("usage"))
        return usageImport(c);
    err << Usage;
    return 2;
}
