#include "AccountingSchema.h"

#include <QStringList>

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

} // namespace

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
    return true;
}
