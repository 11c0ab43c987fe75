#include "AccountingSchema.h"

#include <QStringList>
#include <optional>

namespace {

constexpr const char* Tables = R"SQL(
CREATE TABLE IF NOT EXISTS departments(
  id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL, name TEXT NOT NULL,
  parent_id INTEGER REFERENCES departments(id));
CREATE TABLE IF NOT EXISTS department_heads(
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, PRIMARY KEY(department_id, user_id));
CREATE INDEX IF NOT EXISTS department_heads_user ON department_heads(user_id);
CREATE TABLE IF NOT EXISTS rates(
  id INTEGER PRIMARY KEY, printer_id INTEGER REFERENCES printers(id) ON DELETE CASCADE,
  effective_from INTEGER NOT NULL, rates TEXT NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS rates_printer ON rates(printer_id, effective_from);
CREATE TABLE IF NOT EXISTS quotas(
  scope TEXT NOT NULL CHECK(scope IN ('user', 'department')), subject_id INTEGER NOT NULL,
  limit_minor INTEGER NOT NULL, policy TEXT NOT NULL CHECK(policy IN ('hard', 'soft')),
  PRIMARY KEY(scope, subject_id));
CREATE TABLE IF NOT EXISTS allowances(
  id INTEGER PRIMARY KEY, scope TEXT NOT NULL CHECK(scope IN ('user', 'department')),
  subject_id INTEGER NOT NULL, period TEXT NOT NULL, amount INTEGER NOT NULL, note TEXT, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS allowances_subject ON allowances(scope, subject_id, period);
CREATE TABLE IF NOT EXISTS quota_warnings(
  scope TEXT NOT NULL, subject_id INTEGER NOT NULL, period TEXT NOT NULL, threshold INTEGER NOT NULL,
  at INTEGER NOT NULL, PRIMARY KEY(scope, subject_id, period, threshold));
)SQL";

constexpr const char* Indexes = R"SQL(
CREATE INDEX IF NOT EXISTS users_department ON users(department_id);
CREATE INDEX IF NOT EXISTS jobs_inflight ON jobs(state, owner_id) WHERE state IN ('releasing', 'printing');
)SQL";

// Schema 3 -> 4 data: departments from the free text, ledger rows linked to ids. Old printed rows
// were never priced: their cost stays 0 rather than an invented number.
constexpr const char* Backfill = R"SQL(
INSERT OR IGNORE INTO departments(code, name)
  SELECT DISTINCT department, department FROM users WHERE department != '' AND department_id IS NULL;
UPDATE users SET department_id = (SELECT id FROM departments WHERE code = users.department)
  WHERE department_id IS NULL AND department != '';
UPDATE usage SET
  user_department_id = (SELECT id FROM departments WHERE code = usage.department),
  printer_id = (SELECT id FROM printers WHERE printers.name = usage.printer),
  impressions = CASE WHEN kind = 'printed' AND impressions = 0 THEN pages ELSE impressions END
  WHERE user_department_id IS NULL;
UPDATE usage SET color_impressions = CASE WHEN color = 1 AND kind = 'printed' THEN impressions ELSE 0 END,
  size_class = 'a4';
)SQL";

QStringList columnsOf(Database& db, const char* table)
{
    QStringList out;
    Statement s(db.handle(), (QByteArray("PRAGMA table_info(") + table + ")").constData());
    while (s.next())
        out << s.text(1);
    return out;
}

bool addColumns(Database& db, const char* table,
                std::initializer_list<std::pair<const char*, const char*>> cols, bool* added, QString* error)
{
    const QStringList have = columnsOf(db, table);
    for (const auto& [name, type] : cols) {
        if (have.contains(QLatin1String(name)))
            continue;
        const QByteArray sql = QByteArray("ALTER TABLE ") + table + " ADD COLUMN " + name + " " + type + ";";
        if (!db.exec(sql.constData())) {
            *error = db.errorString();
            return false;
        }
        *added = true;
    }
    return true;
}

// The report indexes of the ledger (usage_at comes from schema 1). The two *_report indexes cover every
// column a report sums: a department's month (or everyone's) is read from one contiguous stretch of
// the index, not from ledger rows scattered over the table.
constexpr const char* LedgerIndexes = R"SQL(
CREATE INDEX IF NOT EXISTS usage_at ON usage(at);
CREATE INDEX IF NOT EXISTS usage_user_at ON usage(user_id, at);
CREATE INDEX IF NOT EXISTS usage_printer_at ON usage(printer_id, at);
CREATE INDEX IF NOT EXISTS usage_department_report ON usage(user_department_id, at, kind, user_id, printer_id,
  printer_department_id, pages, sheets, impressions, color_impressions, duplex, cost, saved_sheets, saved_cost);
CREATE INDEX IF NOT EXISTS usage_period_report ON usage(at, kind, user_id, user_department_id, printer_id,
  printer_department_id, pages, sheets, impressions, color_impressions, duplex, cost, saved_sheets, saved_cost);
DROP INDEX IF EXISTS usage_department_at;
)SQL";

// --- running totals ----------------------------------------------------------------------------
// usage_day_totals holds, per user department at print time (0: none), UTC day and kind, the sums of
// every ledger column a report or a quota reads. The report SQL applies the same kind conditions to
// these rows as to ledger rows, so other kinds (fax-sent, ...) count exactly as they do in the ledger.
// Bump TotalsVersion when the definition below changes: the next start rebuilds the table.
constexpr const char* TotalsVersion = "1";

constexpr const char* TotalsTable = R"SQL(
CREATE TABLE usage_day_totals(
  user_department_id INTEGER NOT NULL, day INTEGER NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
  pages INTEGER NOT NULL, sheets INTEGER NOT NULL, impressions INTEGER NOT NULL,
  color_impressions INTEGER NOT NULL, duplex_impressions INTEGER NOT NULL, cost INTEGER NOT NULL,
  saved_sheets INTEGER NOT NULL, saved_cost INTEGER NOT NULL, cross_pages INTEGER NOT NULL,
  cross_cost INTEGER NOT NULL, PRIMARY KEY(user_department_id, day, kind)) WITHOUT ROWID;
CREATE INDEX usage_day_totals_day ON usage_day_totals(day);
)SQL";

constexpr const char* TotalsTriggers[] = {"usage_totals_insert", "usage_totals_delete",
                                          "usage_totals_update"};

// The key of a ledger row `R` in the totals, and what it adds to each summed column.
struct TotalsColumn
{
    const char* name;
    const char* perRow;
};
constexpr TotalsColumn TotalsKey[] = {
    {"user_department_id", "COALESCE(R.user_department_id, 0)"},
    {"day", "(R.at - ((R.at % 86400) + 86400) % 86400)"},
    {"kind", "R.kind"},
};
constexpr TotalsColumn TotalsSums[] = {
    {"n", "1"},
    {"pages", "COALESCE(R.pages, 0)"},
    {"sheets", "COALESCE(R.sheets, 0)"},
    {"impressions", "COALESCE(R.impressions, 0)"},
    {"color_impressions", "COALESCE(R.color_impressions, 0)"},
    {"duplex_impressions", "CASE WHEN R.duplex = 1 THEN COALESCE(R.impressions, 0) ELSE 0 END"},
    {"cost", "COALESCE(R.cost, 0)"},
    {"saved_sheets", "COALESCE(R.saved_sheets, 0)"},
    {"saved_cost", "COALESCE(R.saved_cost, 0)"},
    {"cross_pages",
     "CASE WHEN R.kind = 'printed' AND R.printer_department_id IS NOT NULL AND "
     "R.printer_department_id IS NOT R.user_department_id THEN COALESCE(R.pages, 0) ELSE 0 END"},
    {"cross_cost", "CASE WHEN R.kind = 'printed' AND R.printer_department_id IS NOT NULL AND "
                   "R.printer_department_id IS NOT R.user_department_id THEN COALESCE(R.cost, 0) ELSE 0 END"},
};

QByteArray forRow(const char* expr, const char* row)
{
    return QByteArray(expr).replace("R.", row);
}

QByteArray columnList()
{
    QByteArray out;
    for (const auto& c : TotalsKey)
        out += QByteArray(c.name) + ", ";
    for (const auto& c : TotalsSums)
        out += QByteArray(c.name) + ", ";
    out.chop(2);
    return out;
}

// The WHERE clause that finds the totals row of ledger row `row`.
QByteArray totalsRowOf(const char* row)
{
    QByteArray where = " WHERE ";
    for (const auto& c : TotalsKey)
        where += QByteArray(c.name) + " = " + forRow(c.perRow, row) + " AND ";
    where.chop(5);
    return where;
}

// Adds ledger row `row` (NEW) to its totals row, creating that at zero first. (SQLCipher 3.4 is SQLite
// 3.15: no UPSERT.)
QByteArray addRow(const char* row)
{
    QByteArray key;
    for (const auto& c : TotalsKey)
        key += forRow(c.perRow, row) + ", ";
    QByteArray set;
    for (const auto& c : TotalsSums) {
        key += "0, ";
        set += QByteArray(c.name) + " = " + c.name + " + (" + forRow(c.perRow, row) + "), ";
    }
    key.chop(2);
    set.chop(2);
    return "INSERT OR IGNORE INTO usage_day_totals(" + columnList() + ") VALUES(" + key +
           "); UPDATE usage_day_totals SET " + set + totalsRowOf(row) + ";";
}

// Takes ledger row `row` (OLD) out of its totals row, and drops a totals row that no longer counts any.
QByteArray removeRow(const char* row)
{
    const QByteArray where = totalsRowOf(row);
    QByteArray set;
    for (const auto& c : TotalsSums)
        set += QByteArray(c.name) + " = " + c.name + " - (" + forRow(c.perRow, row) + "), ";
    set.chop(2);
    return "UPDATE usage_day_totals SET " + set + where + "; DELETE FROM usage_day_totals" + where +
           " AND n = 0;";
}

QByteArray triggersSql()
{
    // An update of a summed or key column moves the row: out of its old totals, into its new ones.
    QByteArray updated;
    for (const char* c : {"user_department_id", "printer_department_id", "at", "kind", "pages", "sheets",
                          "impressions", "color_impressions", "duplex", "cost", "saved_sheets", "saved_cost"})
        updated += QByteArray(c) + ", ";
    updated.chop(2);
    return QByteArray("CREATE TRIGGER IF NOT EXISTS usage_totals_insert AFTER INSERT ON usage BEGIN ") +
           addRow("NEW.") +
           " END;\nCREATE TRIGGER IF NOT EXISTS usage_totals_delete AFTER DELETE ON usage BEGIN " +
           removeRow("OLD.") + " END;\nCREATE TRIGGER IF NOT EXISTS usage_totals_update AFTER UPDATE OF " +
           updated + " ON usage BEGIN " + removeRow("OLD.") + " " + addRow("NEW.") + " END;";
}

// Sums the ledger rows with id > afterId (all with nullopt) in one grouped pass and adds them to the
// totals (a totals row and its new sums merged into one replacing row).
bool sumIntoTotals(Database& db, std::optional<qint64> afterId)
{
    QByteArray grouped;
    QByteArray merged;
    for (const auto& c : TotalsKey) {
        grouped += forRow(c.perRow, "") + " AS " + c.name + ", ";
        merged += QByteArray("g.") + c.name + ", ";
    }
    for (const auto& c : TotalsSums) {
        grouped += "SUM(" + forRow(c.perRow, "") + ") AS " + c.name + ", ";
        merged += QByteArray("g.") + c.name + " + COALESCE(t." + c.name + ", 0), ";
    }
    grouped.chop(2);
    merged.chop(2);
    const QByteArray where = afterId ? " WHERE id > " + QByteArray::number(*afterId) : QByteArray();
    const QByteArray sql = "INSERT OR REPLACE INTO usage_day_totals(" + columnList() + ") SELECT " + merged +
                           " FROM (SELECT " + grouped + " FROM usage" + where +
                           " GROUP BY 1, 2, 3) g LEFT JOIN usage_day_totals t ON t.user_department_id = "
                           "g.user_department_id AND t.day = g.day AND t.kind = g.kind;";
    return db.exec(sql.constData());
}

bool totalsInPlace(Database& db)
{
    Statement v(db.handle(), "SELECT value FROM meta WHERE key = 'usage_totals'");
    if (!v.next() || v.text(0) != QLatin1String(TotalsVersion))
        return false;
    Statement t(db.handle(), "SELECT COUNT(*) FROM sqlite_master WHERE (type = 'table' AND name = "
                             "'usage_day_totals') OR (type = 'trigger' AND name IN ('usage_totals_insert', "
                             "'usage_totals_delete', 'usage_totals_update'))");
    return t.next() && t.integer(0) == 4;
}

} // namespace

bool AccountingSchema::ensureUsageTotals(Database& db, QString* error)
{
    if (totalsInPlace(db))
        return true;
    // Missing, half there or of another definition: built again from the ledger, which is the truth.
    QByteArray sql;
    for (const char* t : TotalsTriggers)
        sql += QByteArray("DROP TRIGGER IF EXISTS ") + t + ";";
    sql += "DROP TABLE IF EXISTS usage_day_totals;";
    sql += TotalsTable;
    if (!db.exec(sql.constData()) || !sumIntoTotals(db, std::nullopt) ||
        !db.exec(triggersSql().constData()) ||
        !db.exec((QByteArray("INSERT OR REPLACE INTO meta(key, value) VALUES('usage_totals', '") +
                  TotalsVersion + "');")
                     .constData())) {
        *error = db.errorString();
        return false;
    }
    return true;
}

bool AccountingSchema::dropUsageTotalsTriggers(Database& db)
{
    QByteArray sql;
    for (const char* t : TotalsTriggers)
        sql += QByteArray("DROP TRIGGER IF EXISTS ") + t + ";";
    return db.exec(sql.constData());
}

bool AccountingSchema::addToUsageTotals(Database& db, qint64 afterId)
{
    return sumIntoTotals(db, afterId) && db.exec(triggersSql().constData());
}

bool AccountingSchema::createLedgerIndexes(Database& db)
{
    return db.exec(LedgerIndexes);
}

bool AccountingSchema::migrate(Database& db, QString* error)
{
    if (!db.exec(Tables)) {
        *error = db.errorString();
        return false;
    }
    bool added = false;
    const bool ok =
        addColumns(db, "users", {{"department_id", "INTEGER REFERENCES departments(id)"}}, &added, error) &&
        addColumns(db, "printers", {{"department_id", "INTEGER REFERENCES departments(id)"}}, &added,
                   error) &&
        addColumns(db, "jobs", {{"reserved_cost", "INTEGER NOT NULL DEFAULT 0"}}, &added, error) &&
        addColumns(db, "usage",
                   {{"user_department_id", "INTEGER"},
                    {"printer_id", "INTEGER"},
                    {"printer_department_id", "INTEGER"},
                    {"copies", "INTEGER NOT NULL DEFAULT 1"},
                    {"color_impressions", "INTEGER NOT NULL DEFAULT 0"},
                    {"size_class", "TEXT NOT NULL DEFAULT 'a4'"},
                    {"cost", "INTEGER NOT NULL DEFAULT 0"},
                    {"saved_sheets", "INTEGER NOT NULL DEFAULT 0"},
                    {"saved_cost", "INTEGER NOT NULL DEFAULT 0"},
                    {"source", "TEXT NOT NULL DEFAULT 'mps'"}},
                   &added, error);
    if (!ok)
        return false;
    // Only a database that just gained the columns has rows to carry over.
    if (added && !db.exec(Backfill)) {
        *error = db.errorString();
        return false;
    }
    if (!db.exec(Indexes) || !createLedgerIndexes(db) ||
        !db.exec("UPDATE meta SET value = '4' WHERE key = 'schema';")) {
        *error = db.errorString();
        return false;
    }
    // The running totals belong to schema 4 without a number of their own: created and filled from
    // the ledger wherever they are missing (databases from before them included).
    return ensureUsageTotals(db, error);
}
