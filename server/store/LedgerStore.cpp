#include "LedgerStore.h"

#include "AccountingSchema.h"
#include "DepartmentStore.h"
#include "Store.h"

#include <QJsonDocument>

namespace {

QJsonObject parseRates(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QByteArray idList(const QList<qint64>& ids)
{
    QByteArray out;
    for (qint64 id : ids) {
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(id);
    }
    return out;
}

// The WHERE clause of a report (`at` range first, then the narrowing filters) with its bindings.
QByteArray whereOf(const UsageFilter& f)
{
    // The index that serves the filter, named: the planner would otherwise pick an index by its GROUP
    // BY column and scan all of it (seconds on a million rows instead of milliseconds).
    QByteArray w = f.restrictDepartments ? " INDEXED BY usage_department_report"
                   : f.userId            ? " INDEXED BY usage_user_at"
                                         : " INDEXED BY usage_period_report";
    w += " WHERE at >= ?1 AND at < ?2";
    if (f.restrictDepartments)
        w += " AND user_department_id IN (" + idList(f.departmentIds) + ")";
    if (f.userId)
        w += " AND user_id = ?3";
    return w;
}

void bindFilter(Statement& s, const UsageFilter& f)
{
    s.bind(1, f.begin).bind(2, f.end);
    if (f.userId)
        s.bind(3, f.userId);
}

// One aggregation per group: printed rows are usage, deleted and expired rows are savings; cross-
// department = printed on a printer owned by another department than the user's (at print time).
constexpr const char* LedgerSums[] = {
    "SUM(kind = 'printed')",
    "SUM(CASE WHEN kind = 'printed' THEN pages ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' THEN sheets ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' THEN impressions ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' THEN color_impressions ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' AND duplex = 1 THEN impressions ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' THEN cost ELSE 0 END)",
    "SUM(kind IN ('deleted', 'expired'))",
    "SUM(CASE WHEN kind IN ('deleted', 'expired') THEN pages ELSE 0 END)",
    "SUM(saved_sheets)",
    "SUM(saved_cost)",
    "SUM(CASE WHEN kind = 'printed' AND printer_department_id IS NOT NULL "
    "AND printer_department_id IS NOT user_department_id THEN pages ELSE 0 END)",
    "SUM(CASE WHEN kind = 'printed' AND printer_department_id IS NOT NULL "
    "AND printer_department_id IS NOT user_department_id THEN cost ELSE 0 END)"};
// The same thirteen sums over usage_day_totals (AccountingSchema): each totals row stands for the ledger
// rows of one department, UTC day and kind, so the same kind conditions give the same numbers.
constexpr const char* TotalsSums[] = {"SUM(CASE WHEN kind = 'printed' THEN n ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN pages ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN sheets ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN impressions ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN color_impressions ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN duplex_impressions ELSE 0 END)",
                                      "SUM(CASE WHEN kind = 'printed' THEN cost ELSE 0 END)",
                                      "SUM(CASE WHEN kind IN ('deleted', 'expired') THEN n ELSE 0 END)",
                                      "SUM(CASE WHEN kind IN ('deleted', 'expired') THEN pages ELSE 0 END)",
                                      "SUM(saved_sheets)",
                                      "SUM(saved_cost)",
                                      "SUM(cross_pages)",
                                      "SUM(cross_cost)"};
constexpr int SumCount = 13;

// The sums as a select list; `aliased` names them c0..c12 (the parts of a union), `outer` sums those.
QByteArray sumList(const char* const* exprs, bool aliased)
{
    QByteArray out;
    for (int i = 0; i < SumCount; ++i) {
        if (i)
            out += ", ";
        out += exprs[i];
        if (aliased)
            out += " AS c" + QByteArray::number(i);
    }
    return out;
}

QByteArray outerSums()
{
    QByteArray out;
    for (int i = 0; i < SumCount; ++i)
        out += (i ? ", SUM(c" : "SUM(c") + QByteArray::number(i) + ")";
    return out;
}

// A report range [begin, end) as the whole UTC days inside it (read from the running totals) and the
// partial days at its ends (read from the ledger): [begin, dayBegin) and [dayEnd, end). Without a
// whole day inside, all of it is read from the ledger (dayBegin = dayEnd = end).
struct DaySplit
{
    qint64 dayBegin = 0;
    qint64 dayEnd = 0;
};

DaySplit splitOf(qint64 begin, qint64 end)
{
    const qint64 first = AccountingSchema::dayOf(begin) == begin
                             ? begin
                             : AccountingSchema::dayOf(begin) + AccountingSchema::DaySecs;
    const qint64 last = AccountingSchema::dayOf(end);
    if (first >= last)
        return {end, end};
    return {first, last};
}

// The parts of a report over the running totals: ledger rows before the first whole day, totals of the
// whole days, ledger rows after the last one; bound ?1 begin, ?2 end, ?3 first whole day, ?4 end of the
// last. `grouped`: each part grouped by the user's department (as column k).
QByteArray totalsParts(const UsageFilter& f, bool grouped)
{
    const QByteArray departments =
        f.restrictDepartments ? " AND user_department_id IN (" + idList(f.departmentIds) + ")" : QByteArray();
    const QByteArray ledgerIndex =
        f.restrictDepartments ? " INDEXED BY usage_department_report" : " INDEXED BY usage_period_report";
    // Unrestricted: the month's totals rows by day (not the whole table in department order).
    const QByteArray totalsIndex = f.restrictDepartments ? QByteArray() : " INDEXED BY usage_day_totals_day";
    const QByteArray group = grouped ? " GROUP BY user_department_id" : QByteArray();
    const QByteArray ledgerSelect = QByteArray("SELECT ") + (grouped ? "user_department_id AS k, " : "") +
                                    sumList(LedgerSums, true) + " FROM usage" + ledgerIndex;
    return ledgerSelect + " WHERE at >= ?1 AND at < ?3" + departments + group + " UNION ALL SELECT " +
           (grouped ? "NULLIF(user_department_id, 0), " : "") + sumList(TotalsSums, false) +
           " FROM usage_day_totals" + totalsIndex + " WHERE day >= ?3 AND day < ?4" + departments + group +
           " UNION ALL " + ledgerSelect + " WHERE at >= ?4 AND at < ?2" + departments + group;
}

void bindSplit(Statement& s, const UsageFilter& f)
{
    const DaySplit d = splitOf(f.begin, f.end);
    s.bind(1, f.begin).bind(2, f.end).bind(3, d.dayBegin).bind(4, d.dayEnd);
}

void readSums(const Statement& s, int first, UsageSums* u)
{
    qint64* fields[] = {&u->jobs,
                        &u->pages,
                        &u->sheets,
                        &u->impressions,
                        &u->colorImpressions,
                        &u->duplexImpressions,
                        &u->cost,
                        &u->savedJobs,
                        &u->savedPages,
                        &u->savedSheets,
                        &u->savedCost,
                        &u->crossDepartmentPages,
                        &u->crossDepartmentCost};
    for (int i = 0; i < 13; ++i)
        *fields[i] = s.integer(first + i);
}

} // namespace

// --- rates -----------------------------------------------------------------------------------

bool LedgerStore::addRateTable(qint64 printerId, qint64 effectiveFrom, const QJsonObject& rates, qint64 now,
                               QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO rates(printer_id, effective_from, rates, created) VALUES(?,?,?,?)");
    if (printerId)
        s.bind(1, printerId);
    else
        s.bindNull(1);
    s.bind(2, effectiveFrom).bind(3, QString::fromUtf8(QJsonDocument(rates).toJson(QJsonDocument::Compact)));
    s.bind(4, now);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    return true;
}

QList<RateTableRecord> LedgerStore::rateTables()
{
    std::lock_guard lock(m_mutex);
    QList<RateTableRecord> out;
    Statement s(m_db.handle(),
                "SELECT r.id, COALESCE(r.printer_id, 0), p.name, r.effective_from, r.rates FROM rates r "
                "LEFT JOIN printers p ON p.id = r.printer_id "
                "ORDER BY r.printer_id IS NOT NULL, p.name, r.effective_from, r.id");
    while (s.next())
        out.append({s.integer(0), s.integer(1), s.text(2), s.integer(3), parseRates(s.text(4))});
    return out;
}

std::optional<QJsonObject> LedgerStore::ratesAt(qint64 printerId, qint64 at)
{
    std::lock_guard lock(m_mutex);
    // In force: the printer's own, then the default; before every table: the earliest one.
    const char* queries[] = {
        "SELECT rates FROM rates WHERE printer_id = ?1 AND effective_from <= ?2 ORDER BY effective_from "
        "DESC, id DESC LIMIT 1",
        "SELECT rates FROM rates WHERE printer_id IS NULL AND effective_from <= ?2 ORDER BY effective_from "
        "DESC, id DESC LIMIT 1",
        "SELECT rates FROM rates WHERE printer_id = ?1 OR printer_id IS NULL ORDER BY effective_from, id "
        "LIMIT 1"};
    for (const char* q : queries) {
        Statement s(m_db.handle(), q);
        s.bind(1, printerId).bind(2, at);
        if (s.next())
            return parseRates(s.text(0));
    }
    return std::nullopt;
}

// --- quotas ----------------------------------------------------------------------------------

bool LedgerStore::setQuota(const QString& scope, qint64 subjectId, qint64 limit, const QString& policy,
                           QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT OR REPLACE INTO quotas(scope, subject_id, limit_minor, policy) VALUES(?,?,?,?)");
    s.bind(1, scope).bind(2, subjectId).bind(3, limit).bind(4, policy);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    return true;
}

bool LedgerStore::clearQuota(const QString& scope, qint64 subjectId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM quotas WHERE scope = ? AND subject_id = ?");
    s.bind(1, scope).bind(2, subjectId);
    return s.exec() && m_db.changes() == 1;
}

QList<QuotaRecord> LedgerStore::quotas()
{
    std::lock_guard lock(m_mutex);
    QList<QuotaRecord> out;
    Statement s(
        m_db.handle(),
        "SELECT q.scope, q.subject_id, COALESCE(u.name, d.code), COALESCE(u.name, d.name), q.limit_minor, "
        "q.policy FROM quotas q LEFT JOIN users u ON q.scope = 'user' AND u.id = q.subject_id "
        "LEFT JOIN departments d ON q.scope = 'department' AND d.id = q.subject_id "
        "ORDER BY q.scope DESC, 3");
    while (s.next())
        out.append({s.text(0), s.integer(1), s.text(2), s.text(3), s.integer(4), s.text(5)});
    return out;
}

bool LedgerStore::addAllowance(const QString& scope, qint64 subjectId, const QString& period, qint64 amount,
                               const QString& note, qint64 at, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO allowances(scope, subject_id, period, amount, note, at) VALUES(?,?,?,?,?,?)");
    s.bind(1, scope).bind(2, subjectId).bind(3, period).bind(4, amount).bind(5, note).bind(6, at);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    return true;
}

SubjectSpend LedgerStore::spendLocked(const QString& scope, qint64 subjectId, const LedgerPeriod& period,
                                      bool withSpent)
{
    SubjectSpend out;
    out.scope = scope;
    out.subjectId = subjectId;
    const bool user = scope == QLatin1String("user");
    {
        Statement n(m_db.handle(), user ? "SELECT name, name FROM users WHERE id = ?"
                                        : "SELECT code, name FROM departments WHERE id = ?");
        n.bind(1, subjectId);
        if (n.next()) {
            out.subject = n.text(0);
            out.subjectName = n.text(1);
        }
    }
    {
        Statement q(m_db.handle(),
                    "SELECT limit_minor, policy FROM quotas WHERE scope = ? AND subject_id = ?");
        q.bind(1, scope).bind(2, subjectId);
        if (q.next()) {
            out.limit = q.integer(0);
            out.policy = q.text(1);
        }
    }
    {
        Statement a(m_db.handle(), "SELECT COALESCE(SUM(amount), 0) FROM allowances WHERE scope = ? AND "
                                   "subject_id = ? AND period = ?");
        a.bind(1, scope).bind(2, subjectId).bind(3, period.label);
        if (a.next())
            out.allowance = a.integer(0);
    }
    if (!withSpent)
        return out;
    if (user) {
        Statement c(m_db.handle(),
                    "SELECT COALESCE(SUM(cost), 0) FROM usage WHERE user_id = ? AND at >= ? AND at < ? "
                    "AND kind = 'printed'");
        c.bind(1, subjectId).bind(2, period.begin).bind(3, period.end);
        Statement r(m_db.handle(), "SELECT COALESCE(SUM(reserved_cost), 0) FROM jobs WHERE state IN "
                                   "('releasing', 'printing') AND owner_id = ?");
        r.bind(1, subjectId);
        out.spent = (c.next() ? c.integer(0) : 0) + (period.current && r.next() ? r.integer(0) : 0);
        return out;
    }
    // A department counts its members and its sub-departments' members: the whole UTC days of the
    // period from the running totals, the partial days at its ends from the ledger (same sum).
    const QByteArray ids = idList(DepartmentStore::subtreeLocked(m_db, subjectId));
    const DaySplit d = splitOf(period.begin, period.end);
    Statement c(m_db.handle(),
                ("SELECT (SELECT COALESCE(SUM(cost), 0) FROM usage_day_totals WHERE user_department_id IN (" +
                 ids +
                 ") AND day >= ?3 AND day < ?4 AND kind = 'printed') + (SELECT COALESCE(SUM(cost), 0) "
                 "FROM usage INDEXED BY usage_department_report WHERE user_department_id IN (" +
                 ids +
                 ") AND at >= ?1 AND at < ?3 AND kind = 'printed') + (SELECT COALESCE(SUM(cost), 0) "
                 "FROM usage INDEXED BY usage_department_report WHERE user_department_id IN (" +
                 ids + ") AND at >= ?4 AND at < ?2 AND kind = 'printed')")
                    .constData());
    c.bind(1, period.begin).bind(2, period.end).bind(3, d.dayBegin).bind(4, d.dayEnd);
    Statement r(m_db.handle(),
                ("SELECT COALESCE(SUM(j.reserved_cost), 0) FROM jobs j JOIN users u ON u.id = "
                 "j.owner_id WHERE j.state IN ('releasing', 'printing') AND u.department_id IN (" +
                 ids + ")")
                    .constData());
    out.spent = (c.next() ? c.integer(0) : 0) + (period.current && r.next() ? r.integer(0) : 0);
    return out;
}

QList<SubjectSpend> LedgerStore::subjectsLocked(qint64 userId, const LedgerPeriod& period, bool onlyLimited)
{
    QList<SubjectSpend> out;
    auto add = [&](const QString& scope, qint64 id) {
        if (onlyLimited) {
            // Only subjects with a quota are summed (the release path reads no other).
            Statement q(m_db.handle(), "SELECT 1 FROM quotas WHERE scope = ? AND subject_id = ?");
            q.bind(1, scope).bind(2, id);
            if (!q.next())
                return;
        }
        out.append(spendLocked(scope, id, period, true));
    };
    add(QStringLiteral("user"), userId);
    Statement d(m_db.handle(), "SELECT COALESCE(department_id, 0) FROM users WHERE id = ?");
    d.bind(1, userId);
    const qint64 dept = d.next() ? d.integer(0) : 0;
    for (qint64 id : DepartmentStore::chainLocked(m_db, dept))
        add(QStringLiteral("department"), id);
    return out;
}

QList<SubjectSpend> LedgerStore::subjectsFor(qint64 userId, const LedgerPeriod& period)
{
    std::lock_guard lock(m_mutex);
    return subjectsLocked(userId, period, false);
}

SubjectSpend LedgerStore::spendOf(const QString& scope, qint64 subjectId, const LedgerPeriod& period)
{
    std::lock_guard lock(m_mutex);
    return spendLocked(scope, subjectId, period, true);
}

LedgerStore::Reserve
LedgerStore::reserveRelease(qint64 jobId, qint64 userId, qint64 printerId, const PrintOptions& options,
                            qint64 cost, const LedgerPeriod& period,
                            const std::function<bool(const QList<SubjectSpend>&)>& decide)
{
    // One lock and one transaction from reading what was spent to storing the reservation: two
    // releases can never both see the same remainder.
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    {
        Statement st(m_db.handle(), "SELECT state FROM jobs WHERE id = ? AND owner_id = ?");
        st.bind(1, jobId).bind(2, userId);
        if (!st.next() || st.text(0) != QLatin1String("held"))
            return Reserve::WrongState;
    }
    if (!decide(subjectsLocked(userId, period, true)))
        return Reserve::Refused;
    Statement s(m_db.handle(),
                "UPDATE jobs SET state = 'releasing', state_reason = '', state_reason_code = NULL, "
                "state_reason_args = NULL, printer_id = ?, copies = ?, sides = ?, color_mode = ?, "
                "reserved_cost = ? WHERE id = ? AND state = 'held'");
    s.bind(1, printerId).bind(2, options.copies).bind(3, options.sides).bind(4, options.colorMode);
    s.bind(5, cost).bind(6, jobId);
    if (!s.exec())
        return Reserve::Failed;
    if (m_db.changes() != 1)
        return Reserve::WrongState;
    return tx.commit() ? Reserve::Reserved : Reserve::Failed;
}

bool LedgerStore::markWarning(const QString& scope, qint64 subjectId, const QString& period, int threshold,
                              qint64 at)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT OR IGNORE INTO quota_warnings(scope, subject_id, period, threshold, at) "
                "VALUES(?,?,?,?,?)");
    s.bind(1, scope).bind(2, subjectId).bind(3, period).bind(4, threshold).bind(5, at);
    return s.exec() && m_db.changes() == 1;
}

// --- import ----------------------------------------------------------------------------------

qint64 LedgerStore::importRows(const std::function<int(UsageRecord*)>& next, bool bulk, QString* error)
{
    std::lock_guard lock(m_mutex);
    // The four ledger indexes take rows in random order: with SQLCipher's small default page cache
    // every insert would decrypt and re-encrypt pages. A large cache for the import keeps them in memory.
    (void)m_db.exec("PRAGMA cache_size = -262144;");
    struct RestoreCache
    {
        Database& db;
        ~RestoreCache() { (void)db.exec("PRAGMA cache_size = -2000;"); }
    } restore{m_db};
    Transaction tx(m_db);
    // The running totals take a bulk import's rows in one grouped pass at the end instead of a trigger
    // per row: the rows after the last one there now.
    qint64 lastId = 0;
    if (bulk) {
        Statement last(m_db.handle(), "SELECT COALESCE(MAX(id), 0) FROM usage");
        lastId = last.next() ? last.integer(0) : 0;
        if (!AccountingSchema::dropUsageTotalsTriggers(m_db)) {
            *error = m_db.errorString();
            return -1;
        }
    }
    // Building an index once from sorted keys beats a million random inserts into it.
    if (bulk &&
        !m_db.exec("DROP INDEX IF EXISTS usage_at; DROP INDEX IF EXISTS usage_user_at; "
                   "DROP INDEX IF EXISTS usage_printer_at; DROP INDEX IF EXISTS usage_department_report; "
                   "DROP INDEX IF EXISTS usage_period_report;")) {
        *error = m_db.errorString();
        return -1;
    }
    // One prepared statement, reset per row: a million rows go in one transaction.
    Statement u(
        m_db.handle(),
        "INSERT INTO usage(job_id, user_id, department, printer, kind, pages, sheets, impressions, color, "
        "duplex, at, printer_id, copies, color_impressions, size_class, cost, saved_sheets, saved_cost, "
        "source, user_department_id, printer_department_id) VALUES(NULL,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13,?14,?15,?16,?17,?18,?19,(SELECT department_id FROM users WHERE id = ?2), "
        "(SELECT department_id FROM printers WHERE id = ?12))");
    qint64 count = 0;
    UsageRecord r;
    for (;;) {
        r = UsageRecord();
        const int more = next(&r);
        if (more < 0)
            return -1;
        if (more == 0)
            break;
        u.reset();
        u.bind(2, r.userId).bind(3, r.department).bind(4, r.printer).bind(5, r.kind).bind(6, r.pages);
        u.bind(7, r.sheets).bind(8, r.impressions).bind(9, r.color ? 1 : 0).bind(10, r.duplex ? 1 : 0);
        u.bind(11, r.at);
        if (r.printerId)
            u.bind(12, r.printerId);
        else
            u.bindNull(12);
        u.bind(13, r.copies).bind(14, r.colorImpressions).bind(15, r.sizeClass).bind(16, r.cost);
        u.bind(17, r.savedSheets).bind(18, r.savedCost).bind(19, r.source);
        if (!u.exec()) {
            *error = u.errorString();
            return -1;
        }
        ++count;
    }
    if (bulk &&
        (!AccountingSchema::addToUsageTotals(m_db, lastId) || !AccountingSchema::createLedgerIndexes(m_db))) {
        *error = m_db.errorString();
        return -1;
    }
    if (!tx.commit()) {
        *error = m_db.errorString();
        return -1;
    }
    return count;
}

QString LedgerStore::setting(const QString& key)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.next() ? s.text(0) : QString();
}

bool LedgerStore::setSetting(const QString& key, const QString& value)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    s.bind(1, key).bind(2, value);
    return s.exec();
}

// --- reports ---------------------------------------------------------------------------------

QList<UsageSums> LedgerStore::usageBy(GroupBy by, const UsageFilter& filter)
{
    std::lock_guard lock(m_mutex);
    QList<UsageSums> out;
    if (filter.restrictDepartments && filter.departmentIds.isEmpty())
        return out;
    const char* column = by == GroupBy::User         ? "user_id"
                         : by == GroupBy::Department ? "user_department_id"
                                                     : "printer_id";
    // Aggregate first (over the index), then name the few groups.
    const char* naming =
        by == GroupBy::User ? "SELECT g.*, x.name, x.name, COALESCE(d.code, x.department) FROM g LEFT JOIN "
                              "users x ON x.id = g.k "
                              "LEFT JOIN departments d ON d.id = x.department_id ORDER BY x.name"
        : by == GroupBy::Department
            ? "SELECT g.*, x.code, x.name, p.code FROM g LEFT JOIN departments x ON x.id = g.k "
              "LEFT JOIN departments p ON p.id = x.parent_id ORDER BY x.code"
            : "SELECT g.*, x.name, x.name, d.code FROM g LEFT JOIN printers x ON x.id = g.k "
              "LEFT JOIN departments d ON d.id = x.department_id ORDER BY x.name";
    // By department without a user filter: the whole days come from the running totals.
    const bool totals = by == GroupBy::Department && !filter.userId;
    const QByteArray grouped =
        totals ? "SELECT k, " + outerSums() + " FROM (" + totalsParts(filter, true) + ") GROUP BY k"
               : QByteArray("SELECT ") + column + " AS k, " + sumList(LedgerSums, false) + " FROM usage" +
                     whereOf(filter) + " GROUP BY " + column;
    const QByteArray sql = "WITH g AS (" + grouped + ") " + naming;
    Statement s(m_db.handle(), sql.constData());
    if (totals)
        bindSplit(s, filter);
    else
        bindFilter(s, filter);
    while (s.next()) {
        UsageSums u;
        u.subjectId = s.integer(0);
        readSums(s, 1, &u);
        u.key = s.text(14);
        u.name = s.text(15);
        u.department = s.text(16);
        out.append(u);
    }
    return out;
}

UsageSums LedgerStore::usageTotals(const UsageFilter& filter, bool countPeople)
{
    std::lock_guard lock(m_mutex);
    UsageSums u;
    if (filter.restrictDepartments && filter.departmentIds.isEmpty())
        return u;
    // Distinct people cannot be added up from daily totals: with them (savings), or for one user, the
    // ledger rows are read; otherwise the whole days come from the running totals.
    if (countPeople || filter.userId) {
        const QByteArray sql = QByteArray("SELECT COUNT(DISTINCT user_id), ") + sumList(LedgerSums, false) +
                               " FROM usage" + whereOf(filter);
        Statement s(m_db.handle(), sql.constData());
        bindFilter(s, filter);
        if (s.next()) {
            u.people = s.integer(0);
            readSums(s, 1, &u);
        }
        return u;
    }
    const QByteArray sql = "SELECT 0, " + outerSums() + " FROM (" + totalsParts(filter, false) + ")";
    Statement s(m_db.handle(), sql.constData());
    bindSplit(s, filter);
    if (s.next())
        readSums(s, 1, &u);
    return u;
}

bool LedgerStore::addRowLocked(const UsageRecord& r)
{
    Statement u(
        m_db.handle(),
        "INSERT INTO usage(job_id, user_id, department, printer, kind, pages, sheets, impressions, color, "
        "duplex, at, printer_id, copies, color_impressions, size_class, cost, saved_sheets, saved_cost, "
        "source, user_department_id, printer_department_id) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,"
        "?13,?14,?15,?16,?17,?18,?19,(SELECT department_id FROM users WHERE id = ?2), "
        "(SELECT department_id FROM printers WHERE id = ?12))");
    if (r.jobId)
        u.bind(1, r.jobId);
    else
        u.bindNull(1);
    u.bind(2, r.userId).bind(3, r.department).bind(4, r.printer).bind(5, r.kind).bind(6, r.pages);
    u.bind(7, r.sheets).bind(8, r.impressions).bind(9, r.color ? 1 : 0).bind(10, r.duplex ? 1 : 0);
    u.bind(11, r.at);
    if (r.printerId)
        u.bind(12, r.printerId);
    else
        u.bindNull(12);
    u.bind(13, r.copies).bind(14, r.colorImpressions).bind(15, r.sizeClass).bind(16, r.cost);
    u.bind(17, r.savedSheets).bind(18, r.savedCost).bind(19, r.source);
    return u.exec();
}
