#include "StoreSnapshot.h"

#include "Database.h"

#include <QFile>
#include <QSet>
#include <sodium.h>
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

namespace {

// One raw connection, closed on every path.
struct Connection
{
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
};

bool openKeyed(Connection* c, const QString& path, const SecretKey& key, int flags, QString* error)
{
    const QByteArray p = QFile::encodeName(path);
    if (sqlite3_open_v2(p.constData(), &c->db, flags, nullptr) != SQLITE_OK) {
        *error = StoreSnapshot::tr("Cannot open the database %1: %2")
                     .arg(path, QString::fromUtf8(sqlite3_errmsg(c->db)));
        return false;
    }
    QByteArray pragma = "PRAGMA key = \"x'" + key.toHex() + "'\";";
    const int rc = sqlite3_exec(c->db, pragma.constData(), nullptr, nullptr, nullptr);
    sodium_memzero(pragma.data(), static_cast<size_t>(pragma.size()));
    sqlite3_busy_timeout(c->db, 10000);
    if (rc != SQLITE_OK ||
        sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_master;", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error =
            StoreSnapshot::tr("The database %1 cannot be read with this master key (wrong key, or not an "
                              "MPS database).")
                .arg(path);
        return false;
    }
    return true;
}

bool hasColumn(sqlite3* db, const char* table, const QString& column)
{
    Statement s(db, (QByteArray("PRAGMA table_info(") + table + ")").constData());
    while (s.next()) {
        if (s.text(1) == column)
            return true;
    }
    return false;
}

qint64 count(sqlite3* db, const char* table)
{
    // A table an older schema does not have yet counts 0.
    Statement t(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    t.bind(1, QString::fromLatin1(table));
    if (!t.next() || t.integer(0) == 0)
        return 0;
    Statement s(db, (QByteArray("SELECT count(*) FROM ") + table).constData());
    return s.next() ? s.integer(0) : 0;
}

} // namespace

bool StoreSnapshot::copy(const QString& source, const QString& target, const SecretKey& dbKey, QString* error)
{
    if (!QFile::exists(source)) {
        *error = tr("There is no database at %1.").arg(source);
        return false;
    }
    Connection src;
    if (!openKeyed(&src, source, dbKey, SQLITE_OPEN_READWRITE, error))
        return false;
    Connection dst;
    if (!openKeyed(&dst, target, dbKey, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
        return false;
    sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
    if (!b) {
        *error = tr("Cannot copy the database: %1").arg(QString::fromUtf8(sqlite3_errmsg(dst.db)));
        return false;
    }
    // All pages in one step: one read transaction on the source, so one committed state. A writer
    // holding the lock only delays it (busy timeout); in WAL mode writers are never blocked by it.
    int rc = SQLITE_OK;
    for (int tries = 0; tries < 50; ++tries) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        sqlite3_sleep(100);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        *error = tr("Cannot copy the database: %1").arg(QString::fromUtf8(sqlite3_errstr(rc)));
        return false;
    }
    // The copy is one self-contained file (no -wal beside it), and every page of it decrypts and forms
    // sound b-trees (quick_check reads them all).
    if (sqlite3_exec(dst.db, "PRAGMA journal_mode=DELETE;", nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = tr("The copy of the database cannot be finished: %1")
                     .arg(QString::fromUtf8(sqlite3_errmsg(dst.db)));
        return false;
    }
    Statement check(dst.db, "PRAGMA quick_check;");
    const QString verdict = check.next() ? check.text(0) : check.errorString();
    if (verdict != QLatin1String("ok")) {
        *error =
            tr("The copy of the database is damaged (%1): check the disk and back up again.").arg(verdict);
        return false;
    }
    return true;
}

bool StoreSnapshot::inspect(const QString& path, const SecretKey& dbKey, Contents* contents, QString* error)
{
    if (!QFile::exists(path)) {
        *error = tr("There is no database at %1.").arg(path);
        return false;
    }
    Connection c;
    if (!openKeyed(&c, path, dbKey, SQLITE_OPEN_READONLY, error))
        return false;
    Contents out;
    {
        Statement s(c.db, "SELECT value FROM meta WHERE key = 'schema'");
        if (!s.next()) {
            *error = tr("The database %1 has no schema version: it is not an MPS database.").arg(path);
            return false;
        }
        out.schema = s.text(0).toInt();
    }
    out.counts.insert(QStringLiteral("users"), count(c.db, "users"));
    out.counts.insert(QStringLiteral("printers"), count(c.db, "printers"));
    out.counts.insert(QStringLiteral("jobs"), count(c.db, "jobs"));
    out.counts.insert(QStringLiteral("usageRows"), count(c.db, "usage"));
    out.counts.insert(QStringLiteral("faxes"), count(c.db, "fax_drafts"));
    out.counts.insert(QStringLiteral("receivedFaxes"), count(c.db, "fax_inbox"));
    out.counts.insert(QStringLiteral("scans"), count(c.db, "scans"));
    {
        Statement s(c.db, "SELECT id, state, spool_name FROM jobs WHERE state IN ('held', 'releasing', "
                          "'printing') AND spool_name IS NOT NULL ORDER BY id");
        while (s.next())
            out.liveJobs.append(Job{s.integer(0), s.text(1), s.text(2)});
    }
    out.counts.insert(QStringLiteral("liveJobs"), out.liveJobs.size());
    // Every table that points into the spool (the same set as Store::liveSpoolNames); tables an older
    // schema does not have yet are skipped.
    static const char* const refs[][2] = {
        {"jobs", "spool_name"},      {"fax_drafts", "spool_name"}, {"fax_drafts", "cover_spool_name"},
        {"fax_inbox", "spool_name"}, {"scan_pages", "spool_name"}, {"scans", "pdf_spool_name"}};
    QSet<QString> seen;
    for (const auto& r : refs) {
        if (!hasColumn(c.db, r[0], QString::fromLatin1(r[1])))
            continue;
        const QByteArray q =
            QByteArray("SELECT ") + r[1] + " FROM " + r[0] + " WHERE " + r[1] + " IS NOT NULL";
        Statement s(c.db, q.constData());
        while (s.next()) {
            const QString n = s.text(0);
            if (!n.isEmpty() && !seen.contains(n)) {
                seen.insert(n);
                out.spoolNames.append(n);
            }
        }
    }
    *contents = out;
    return true;
}
