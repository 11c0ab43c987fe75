#include "UsageReports.h"

#include <QSet>
#include <cmath>

namespace {
bool isAdmin(const UserRecord& u)
{
    return u.role == QLatin1String("admin");
}

ReportError forbidden(const QString& message)
{
    return {403, QStringLiteral("forbidden"), message};
}
} // namespace

UsageReports::UsageReports(Store& store, AccountingService& accounting)
    : m_store(store), m_accounting(accounting)
{
}

double UsageReports::share(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return 0;
    return std::round(static_cast<double>(part) / static_cast<double>(whole) * 10000.0) / 10000.0;
}

QList<qint64> UsageReports::visibleDepartments(const UserRecord& who)
{
    QList<qint64> out;
    for (qint64 head : m_store.departments().headedBy(who.id))
        for (qint64 id : m_store.departments().subtree(head))
            if (!out.contains(id))
                out.append(id);
    return out;
}

bool UsageReports::resolvePeriod(const QString& label, Period* out, ReportError* error)
{
    auto p = m_accounting.period(label);
    if (!p) {
        *error = {400, QStringLiteral("bad-period"),
                  QStringLiteral("'%1' is not a period. Use the form YYYY-MM, e.g. 2026-11.").arg(label)};
        return false;
    }
    *out = *p;
    return true;
}

bool UsageReports::scope(const UserRecord& who, const QString& department, const QString& user,
                         bool selfByDefault, UsageFilter* filter, ReportError* error)
{
    const bool admin = isAdmin(who);
    if (!user.isEmpty()) {
        auto target = m_store.userByName(user);
        // Without the right to see a user, whether they exist is not told either.
        const bool allowed = target && (admin || target->id == who.id ||
                                        visibleDepartments(who).contains(target->departmentId));
        if (!allowed) {
            *error = target || !admin
                         ? forbidden(QStringLiteral("You may not see the usage of %1.").arg(user))
                         : ReportError{404, QStringLiteral("unknown-user"),
                                       QStringLiteral("There is no user named %1.").arg(user)};
            return false;
        }
        filter->userId = target->id;
        return true;
    }
    if (!department.isEmpty()) {
        auto d = m_store.departments().byCode(department);
        if (!d || (!admin && !visibleDepartments(who).contains(d->id))) {
            *error =
                d || !admin
                    ? forbidden(QStringLiteral("You may not see the usage of department %1.").arg(department))
                    : ReportError{404, QStringLiteral("unknown-department"),
                                  QStringLiteral("There is no department with the code %1.").arg(department)};
            return false;
        }
        filter->restrictDepartments = true;
        filter->departmentIds = m_store.departments().subtree(d->id);
        return true;
    }
    if (admin && !selfByDefault)
        return true;
    const QList<qint64> visible = visibleDepartments(who);
    if (selfByDefault || visible.isEmpty()) {
        filter->userId = who.id;
        return true;
    }
    filter->restrictDepartments = true;
    filter->departmentIds = visible;
    return true;
}

bool UsageReports::report(const UserRecord& who, const QString& by, const QString& period,
                          const QString& department, UsageReport* out, ReportError* error)
{
    LedgerStore::GroupBy group;
    if (by == QLatin1String("user"))
        group = LedgerStore::GroupBy::User;
    else if (by == QLatin1String("department"))
        group = LedgerStore::GroupBy::Department;
    else if (by == QLatin1String("printer"))
        group = LedgerStore::GroupBy::Printer;
    else {
        *error = {400, QStringLiteral("bad-argument"),
                  QStringLiteral("by must be user, department or printer.")};
        return false;
    }
    if (!resolvePeriod(period, &out->period, error))
        return false;
    UsageFilter filter;
    filter.begin = out->period.beginSecs;
    filter.end = out->period.endSecs;
    if (!scope(who, department, QString(), false, &filter, error))
        return false;
    out->by = by;
    out->currency = m_accounting.settings().currency;
    out->rows.clear();
    const QList<UsageSums> sums = m_store.ledger().usageBy(group, filter);

    // Quotas are few: look them up only for the rows' subjects that have one.
    QSet<qint64> limited;
    const QString scopeName =
        group == LedgerStore::GroupBy::User ? QStringLiteral("user") : QStringLiteral("department");
    if (group != LedgerStore::GroupBy::Printer)
        for (const QuotaRecord& q : m_store.ledger().quotas())
            if (q.scope == scopeName)
                limited.insert(q.subjectId);
    auto rowOf = [&](const UsageSums& s) {
        UsageRow r;
        r.sums = s;
        if (limited.contains(s.subjectId))
            r.quota = m_accounting.quotaState(scopeName, s.subjectId, out->period);
        return r;
    };
    QSet<qint64> present;
    for (const UsageSums& s : sums) {
        out->rows.append(rowOf(s));
        present.insert(s.subjectId);
    }
    // A head's member table lists every member, also those who printed nothing this period.
    if (group == LedgerStore::GroupBy::User && filter.restrictDepartments) {
        for (const auto& [id, name, code] : m_store.departments().members(filter.departmentIds)) {
            if (present.contains(id))
                continue;
            UsageSums empty;
            empty.subjectId = id;
            empty.key = name;
            empty.name = name;
            empty.department = code;
            out->rows.append(rowOf(empty));
        }
        std::sort(out->rows.begin(), out->rows.end(),
                  [](const UsageRow& a, const UsageRow& b) { return a.sums.key < b.sums.key; });
    }
    // A report's totals show no head count: the running totals serve them.
    out->totals.sums = m_store.ledger().usageTotals(filter, false);
    out->totals.sums.key = QStringLiteral("total");
    return true;
}

bool UsageReports::trend(const UserRecord& who, int months, const QString& department, const QString& user,
                         QList<UsageRow>* out, ReportError* error)
{
    if (months < 1 || months > 60) {
        *error = {400, QStringLiteral("bad-argument"), QStringLiteral("months must be 1 to 60.")};
        return false;
    }
    UsageFilter filter;
    if (!scope(who, department, user, true, &filter, error))
        return false;
    out->clear();
    // One indexed range query per period: twelve small aggregations, not one pass over the ledger.
    for (const Period& p : m_accounting.currentPeriod().lastN(months, m_accounting.settings().periods)) {
        filter.begin = p.beginSecs;
        filter.end = p.endSecs;
        UsageRow r;
        r.sums = m_store.ledger().usageTotals(filter, false);
        r.sums.key = p.label;
        r.label = p.label;
        out->append(r);
    }
    return true;
}

bool UsageReports::savings(const UserRecord& who, const QString& baseline, const QString& compare,
                           const QString& department, SavingsSide* base, SavingsSide* later,
                           ReportError* error)
{
    if (baseline.isEmpty()) {
        *error = {400, QStringLiteral("bad-argument"), QStringLiteral("Name a baseline period (YYYY-MM).")};
        return false;
    }
    if (!resolvePeriod(baseline, &base->period, error) || !resolvePeriod(compare, &later->period, error))
        return false;
    UsageFilter filter;
    if (!scope(who, department, QString(), false, &filter, error))
        return false;
    for (SavingsSide* side : {base, later}) {
        filter.begin = side->period.beginSecs;
        filter.end = side->period.endSecs;
        side->sums = m_store.ledger().usageTotals(filter);
        const double people = static_cast<double>(side->sums.people);
        side->pagesPerPerson = people > 0 ? std::round(side->sums.pages / people * 100.0) / 100.0 : 0;
        side->sheetsPerPerson = people > 0 ? std::round(side->sums.sheets / people * 100.0) / 100.0 : 0;
        side->colorShare = share(side->sums.colorImpressions, side->sums.impressions);
    }
    return true;
}

QList<DepartmentRecord> UsageReports::departmentsFor(const UserRecord& who)
{
    const QList<DepartmentRecord> all = m_store.departments().all();
    if (isAdmin(who))
        return all;
    const QList<qint64> visible = visibleDepartments(who);
    QList<DepartmentRecord> out;
    for (const DepartmentRecord& d : all)
        if (visible.contains(d.id))
            out.append(d);
    return out;
}
