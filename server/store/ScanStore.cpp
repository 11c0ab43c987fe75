#include "ScanStore.h"

#include "LedgerStore.h"
#include "Store.h"

namespace {

constexpr const char* ScanColumns =
    "s.id, s.user_id, s.kiosk_id, s.printer_id, s.session_hash, s.file_name, s.mode, s.resolution, s.state, "
    "s.wrapped_key, s.pdf_spool_name, s.pdf_size, s.created, s.sent_at, s.next_attempt, s.attempts, "
    "s.last_error, (SELECT COUNT(*) FROM scan_pages p WHERE p.scan_id = s.id), "
    "(SELECT COALESCE(SUM(bytes), 0) FROM scan_pages p WHERE p.scan_id = s.id)";

ScanRecord readScan(const Statement& s)
{
    ScanRecord r;
    r.id = s.integer(0);
    r.userId = s.integer(1);
    r.kioskId = s.integer(2);
    r.printerId = s.integer(3);
    r.sessionHash = s.blob(4);
    r.fileName = s.text(5);
    r.mode = s.text(6);
    r.resolution = static_cast<int>(s.integer(7));
    r.state = s.text(8);
    r.wrappedKey = s.blob(9);
    r.pdfSpoolName = s.text(10);
    r.pdfSize = s.integer(11);
    r.created = s.integer(12);
    r.sentAt = s.integer(13);
    r.nextAttempt = s.integer(14);
    r.attempts = static_cast<int>(s.integer(15));
    r.lastError = s.text(16);
    r.pages = static_cast<int>(s.integer(17));
    r.imageBytes = s.integer(18);
    return r;
}

// The spool files of a scan (pages and PDF), read before its rows go.
bool collectFiles(Database& db, qint64 scanId, QList<QString>* out)
{
    Statement s(db.handle(), "SELECT spool_name FROM scan_pages WHERE scan_id = ?1 UNION ALL "
                             "SELECT pdf_spool_name FROM scans WHERE id = ?1 AND pdf_spool_name IS NOT NULL");
    s.bind(1, scanId);
    while (s.next())
        out->append(s.text(0));
    return s.isValid();
}

} // namespace

qint64 ScanStore::create(const ScanRecord& r)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO scans(user_id, kiosk_id, printer_id, session_hash, file_name, mode, resolution, "
                "state, wrapped_key, created) VALUES(?,?,?,?,?,?,?,'open',?,?)");
    s.bind(1, r.userId).bind(2, r.kioskId).bind(3, r.printerId).bind(4, r.sessionHash).bind(5, r.fileName);
    s.bind(6, r.mode).bind(7, r.resolution).bind(8, r.wrappedKey).bind(9, r.created);
    return s.exec() ? m_db.lastInsertId() : 0;
}

bool ScanStore::setKey(qint64 scanId, const QByteArray& wrappedKey)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE scans SET wrapped_key = ? WHERE id = ? AND state = 'open'");
    s.bind(1, wrappedKey).bind(2, scanId);
    return s.exec() && m_db.changes() == 1;
}

std::optional<ScanRecord> ScanStore::scan(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                (QByteArray("SELECT ") + ScanColumns + " FROM scans s WHERE s.id = ?").constData());
    s.bind(1, id);
    if (s.next())
        return readScan(s);
    return std::nullopt;
}

QList<ScanPageRecord> ScanStore::pages(qint64 scanId)
{
    std::lock_guard lock(m_mutex);
    QList<ScanPageRecord> out;
    Statement s(m_db.handle(), "SELECT number, spool_name, encoding, width, height, components, bytes "
                               "FROM scan_pages WHERE scan_id = ? ORDER BY number");
    s.bind(1, scanId);
    while (s.next()) {
        ScanPageRecord p;
        p.number = static_cast<int>(s.integer(0));
        p.spoolName = s.text(1);
        p.encoding = s.text(2);
        p.width = static_cast<int>(s.integer(3));
        p.height = static_cast<int>(s.integer(4));
        p.components = static_cast<int>(s.integer(5));
        p.bytes = s.integer(6);
        out.append(p);
    }
    return out;
}

bool ScanStore::putPage(qint64 scanId, const ScanPageRecord& p, QString* replacedSpoolName)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement st(m_db.handle(), "SELECT state, (SELECT COUNT(*) FROM scan_pages WHERE scan_id = s.id), "
                                "(SELECT spool_name FROM scan_pages WHERE scan_id = s.id AND number = ?2) "
                                "FROM scans s WHERE s.id = ?1");
    st.bind(1, scanId).bind(2, p.number);
    if (!st.next() || st.text(0) != QLatin1String("open"))
        return false;
    const qint64 count = st.integer(1);
    if (p.number < 1 || p.number > count + 1)
        return false;
    *replacedSpoolName = st.text(2);
    Statement put(m_db.handle(),
                  "INSERT OR REPLACE INTO scan_pages(scan_id, number, spool_name, encoding, width, height, "
                  "components, bytes) VALUES(?,?,?,?,?,?,?,?)");
    put.bind(1, scanId).bind(2, p.number).bind(3, p.spoolName).bind(4, p.encoding).bind(5, p.width);
    put.bind(6, p.height).bind(7, p.components).bind(8, p.bytes);
    return put.exec() && tx.commit();
}

bool ScanStore::removePage(qint64 scanId, int number, QString* spoolName)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement st(m_db.handle(), "SELECT p.spool_name FROM scans s JOIN scan_pages p ON p.scan_id = s.id "
                                "WHERE s.id = ? AND s.state = 'open' AND p.number = ?");
    st.bind(1, scanId).bind(2, number);
    if (!st.next())
        return false;
    *spoolName = st.text(0);
    Statement del(m_db.handle(), "DELETE FROM scan_pages WHERE scan_id = ? AND number = ?");
    del.bind(1, scanId).bind(2, number);
    if (!del.exec())
        return false;
    // Later pages move up one, in order so that the primary key never collides.
    Statement later(m_db.handle(),
                    "SELECT number FROM scan_pages WHERE scan_id = ? AND number > ? ORDER BY number");
    later.bind(1, scanId).bind(2, number);
    QList<qint64> numbers;
    while (later.next())
        numbers.append(later.integer(0));
    for (const qint64 n : numbers) {
        Statement move(m_db.handle(),
                       "UPDATE scan_pages SET number = number - 1 WHERE scan_id = ? AND number = ?");
        move.bind(1, scanId).bind(2, n);
        if (!move.exec())
            return false;
    }
    return tx.commit();
}

bool ScanStore::startSending(qint64 scanId, qint64 now, const UsageRecord& usage)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(),
                "UPDATE scans SET state = 'sending', sent_at = ?2, next_attempt = ?2 WHERE id = ?1 AND "
                "state = 'open' AND EXISTS(SELECT 1 FROM scan_pages WHERE scan_id = ?1)");
    s.bind(1, scanId).bind(2, now);
    if (!s.exec() || m_db.changes() != 1)
        return false;
    // The ledger row goes with the state change: once per scan, never twice.
    if (!m_ledger.addRowLocked(usage))
        return false;
    return tx.commit();
}

bool ScanStore::setPdf(qint64 scanId, const QString& spoolName, qint64 size)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE scans SET pdf_spool_name = ?, pdf_size = ? WHERE id = ? AND "
                               "state IN ('sending', 'retrying')");
    s.bind(1, spoolName).bind(2, size).bind(3, scanId);
    return s.exec() && m_db.changes() == 1;
}

bool ScanStore::markRetrying(qint64 scanId, int attempts, qint64 nextAttempt, const QString& error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE scans SET state = 'retrying', attempts = ?, next_attempt = ?, last_error = ? "
                "WHERE id = ? AND state IN ('sending', 'retrying')");
    s.bind(1, attempts).bind(2, nextAttempt).bind(3, error).bind(4, scanId);
    return s.exec() && m_db.changes() == 1;
}

bool ScanStore::finish(const ScanLogRecord& log, QList<QString>* spoolNames)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    QList<QString> files;
    if (!collectFiles(m_db, log.id, &files))
        return false;
    Statement del(m_db.handle(), "DELETE FROM scans WHERE id = ? AND state IN ('sending', 'retrying')");
    del.bind(1, log.id);
    if (!del.exec() || m_db.changes() != 1)
        return false;
    Statement in(m_db.handle(),
                 "INSERT INTO scan_log(id, user_id, kiosk, printer, pages, bytes, mode, resolution, created, "
                 "finished, state, attempts, last_error) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    in.bind(1, log.id).bind(2, log.userId).bind(3, log.kiosk).bind(4, log.printer).bind(5, log.pages);
    in.bind(6, log.bytes)
        .bind(7, log.mode)
        .bind(8, log.resolution)
        .bind(9, log.created)
        .bind(10, log.finished);
    in.bind(11, log.state).bind(12, log.attempts);
    if (log.lastError.isEmpty())
        in.bindNull(13);
    else
        in.bind(13, log.lastError);
    if (!in.exec() || !tx.commit())
        return false;
    *spoolNames = files;
    return true;
}

bool ScanStore::discardOpen(qint64 scanId, QList<QString>* spoolNames)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    QList<QString> files;
    if (!collectFiles(m_db, scanId, &files))
        return false;
    Statement del(m_db.handle(), "DELETE FROM scans WHERE id = ? AND state = 'open'");
    del.bind(1, scanId);
    if (!del.exec() || m_db.changes() != 1 || !tx.commit())
        return false;
    *spoolNames = files;
    return true;
}

QList<qint64> ScanStore::due(qint64 now)
{
    std::lock_guard lock(m_mutex);
    QList<qint64> out;
    Statement s(m_db.handle(),
                "SELECT id FROM scans WHERE state IN ('sending', 'retrying') AND next_attempt <= ? "
                "ORDER BY next_attempt, id");
    s.bind(1, now);
    while (s.next())
        out.append(s.integer(0));
    return out;
}

qint64 ScanStore::nextDue()
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT MIN(next_attempt) FROM scans WHERE state IN ('sending', 'retrying')");
    return s.next() && !s.isNull(0) ? s.integer(0) : 0;
}

QList<qint64> ScanStore::orphaned(qint64 now)
{
    std::lock_guard lock(m_mutex);
    QList<qint64> out;
    Statement s(m_db.handle(),
                "SELECT id FROM scans WHERE state = 'open' AND NOT EXISTS(SELECT 1 FROM sessions x WHERE "
                "x.token_hash = scans.session_hash AND x.expires > ?1 AND NOT EXISTS(SELECT 1 FROM users u "
                "WHERE u.id = x.user_id AND u.disabled != 0))");
    s.bind(1, now);
    while (s.next())
        out.append(s.integer(0));
    return out;
}

std::optional<ScanLogRecord> ScanStore::logEntry(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id, user_id, kiosk, printer, pages, bytes, mode, resolution, created, "
                               "finished, state, attempts, last_error FROM scan_log WHERE id = ?");
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    ScanLogRecord r;
    r.id = s.integer(0);
    r.userId = s.integer(1);
    r.kiosk = s.text(2);
    r.printer = s.text(3);
    r.pages = static_cast<int>(s.integer(4));
    r.bytes = s.integer(5);
    r.mode = s.text(6);
    r.resolution = static_cast<int>(s.integer(7));
    r.created = s.integer(8);
    r.finished = s.integer(9);
    r.state = s.text(10);
    r.attempts = static_cast<int>(s.integer(11));
    r.lastError = s.text(12);
    return r;
}
