#include "Store.h"

#include "AccountingSchema.h"
#include "AlertSchema.h"
#include "DeviceSchema.h"
#include "FaxSchema.h"
#include "Log.h"
#include "ScanSchema.h"

#include <QJsonDocument>

namespace {

constexpr const char* Schema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS users(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, department TEXT NOT NULL, role TEXT NOT NULL,
  email TEXT, card TEXT UNIQUE, password_hash TEXT, pin_hash TEXT,
  failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0, fingerprint BLOB);
CREATE TABLE IF NOT EXISTS printers(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, uri TEXT NOT NULL, location TEXT);
CREATE TABLE IF NOT EXISTS kiosks(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, printer_id INTEGER NOT NULL REFERENCES printers(id),
  token_hash BLOB UNIQUE NOT NULL);
CREATE TABLE IF NOT EXISTS sessions(
  token_hash BLOB PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kiosk_id INTEGER NOT NULL DEFAULT 0, expires INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jobs(
  id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT, format TEXT, size INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
  color INTEGER NOT NULL DEFAULT 0, page_size TEXT, copies INTEGER NOT NULL DEFAULT 1,
  sides TEXT NOT NULL DEFAULT 'one-sided', color_mode TEXT NOT NULL DEFAULT 'auto',
  state TEXT NOT NULL, state_reason TEXT, printer_id INTEGER NOT NULL DEFAULT 0,
  spool_name TEXT, wrapped_key BLOB, submitted INTEGER NOT NULL, expires INTEGER NOT NULL DEFAULT 0,
  warned INTEGER NOT NULL DEFAULT 0, remote_job_uri TEXT, impressions INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS jobs_owner_state ON jobs(owner_id, state, id);
CREATE INDEX IF NOT EXISTS jobs_state_expires ON jobs(state, expires);
CREATE TABLE IF NOT EXISTS thumbnails(job_id INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE, png BLOB);
CREATE TABLE IF NOT EXISTS usage(
  id INTEGER PRIMARY KEY, job_id INTEGER, user_id INTEGER, department TEXT, printer TEXT, kind TEXT NOT NULL,
  pages INTEGER, sheets INTEGER, impressions INTEGER, color INTEGER, duplex INTEGER, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS usage_at ON usage(at);
INSERT OR IGNORE INTO meta(key, value) VALUES('schema', '1');
)SQL";

constexpr const char* JobColumns =
    "id, owner_id, (SELECT name FROM users WHERE users.id = jobs.owner_id), jobs.name, format, size, pages, "
    "color, "
    "page_size, copies, sides, color_mode, state, state_reason, printer_id, "
    "(SELECT name FROM printers WHERE printers.id = jobs.printer_id), spool_name, wrapped_key, submitted, "
    "expires, "
    "warned, remote_job_uri, impressions, state_reason_code, state_reason_args";

constexpr const char* UserColumns =
    "id, name, COALESCE((SELECT code FROM departments WHERE departments.id = users.department_id), "
    "department), "
    "role, email, card, password_hash, pin_hash, failed, locked_until, fingerprint IS NOT NULL, "
    "COALESCE(department_id, 0), COALESCE(fingerprint_consent_at, 0), COALESCE(display_name, ''), disabled";

QByteArray sql(const char* head, const char* columns, const char* tail)
{
    return QByteArray(head) + columns + tail;
}

bool isLive(JobState s)
{
    return s == JobState::Held || s == JobState::Releasing || s == JobState::Printing;
}

} // namespace

Store::Store() : m_departments(m_db, m_mutex), m_ledger(m_db, m_mutex), m_faxInbox(m_db, m_mutex), m_fax(m_db, m_mutex, m_ledger), m_devices(m_db, m_mutex) {}

bool Store::open(const QString& path, const SecretKey& key)
{
    std::lock_guard lock(m_mutex);
    if (!m_db.open(path, key)) {
        m_error = m_db.errorString();
        return false;
    }
    return migrate();
}

bool Store::migrate()
{
    if (!m_db.exec(Schema)) {
        m_error = m_db.errorString();
        return false;
    }
    QStringList columns;
    {
        Statement cols(m_db.handle(), "PRAGMA table_info(jobs)");
        while (cols.next())
            columns << cols.text(1);
    }
    // Schema 2: desktop captures carry an id so that a retried upload is recognised (exactly once).
    if (!columns.contains(QLatin1String("capture_id")) &&
        !m_db.exec("ALTER TABLE jobs ADD COLUMN capture_id TEXT;")) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 3: a job's reason also has a stable code and arguments (compact JSON) for the apps to
    // translate. Rows from before keep NULL there: the apps show their English sentence.
    for (const char* column : {"state_reason_code", "state_reason_args"}) {
        if (!columns.contains(QLatin1String(column)) &&
            !m_db.exec((QByteArray("ALTER TABLE jobs ADD COLUMN ") + column + " TEXT;").constData())) {
            m_error = m_db.errorString();
            return false;
        }
    }
    // A job's spool file may still be on its way to the disk when its row commits (the two flushes run
    // at the same time, issue 14 section 4): such a row is marked until the file is known durable, and
    // start-up checks only marked rows (JobService::reconcile). No schema number of its own.
    if (!columns.contains(QLatin1String("spool_unsynced")) &&
        !m_db.exec("ALTER TABLE jobs ADD COLUMN spool_unsynced INTEGER NOT NULL DEFAULT 0;")) {
        m_error = m_db.errorString();
        return false;
    }
    // A fingerprint is stored with the time its owner consented to it (PIPA, issue 13 section 3); older
    // rows keep NULL there. No schema number of its own: the column is added wherever it is missing.
    {
        bool hasConsent = false;
        Statement userCols(m_db.handle(), "PRAGMA table_info(users)");
        while (userCols.next())
            hasConsent = hasConsent || userCols.text(1) == QLatin1String("fingerprint_consent_at");
        if (!hasConsent && !m_db.exec("ALTER TABLE users ADD COLUMN fingerprint_consent_at INTEGER;")) {
            m_error = m_db.errorString();
            return false;
        }
    }
    if (!m_db.exec("CREATE UNIQUE INDEX IF NOT EXISTS jobs_capture ON jobs(owner_id, capture_id) "
                   "WHERE capture_id IS NOT NULL; UPDATE meta SET value = '3' WHERE key = 'schema';")) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 4: accounting (departments, rates, quotas, the priced ledger), all or nothing.
    Transaction tx(m_db);
    if (!AccountingSchema::migrate(m_db, &m_error))
        return false;
    if (!tx.commit()) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 5: users have a display name and can be disabled (1) or removed (2) by mps-admin.
    {
        QStringList userColumns;
        Statement cols(m_db.handle(), "PRAGMA table_info(users)");
        while (cols.next())
            userColumns << cols.text(1);
        if ((!userColumns.contains(QLatin1String("display_name")) &&
             !m_db.exec("ALTER TABLE users ADD COLUMN display_name TEXT;")) ||
            (!userColumns.contains(QLatin1String("disabled")) &&
             !m_db.exec("ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;")) ||
            !m_db.exec("UPDATE meta SET value = '5' WHERE key = 'schema' AND CAST(value AS INTEGER) < 5;")) {
            m_error = m_db.errorString();
            return false;
        }
    }
    // Schema 6: PC-fax (docs/fax.md), all or nothing.
    Transaction faxTx(m_db);
    if (!FaxSchema::migrate(m_db, &m_error))
        return false;
    if (!faxTx.commit()) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 7: device monitoring (docs/devices.md), all or nothing.
    Transaction deviceTx(m_db);
    if (!DeviceSchema::migrate(m_db, &m_error))
        return false;
    if (!deviceTx.commit()) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 8: device alerts (docs/devices.md, "Alerts"), all or nothing.
    Transaction alertTx(m_db);
    if (!AlertSchema::migrate(m_db, &m_error))
        return false;
    if (!alertTx.commit()) {
        m_error = m_db.errorString();
        return false;
    }
    // Schema 9: scan to e-mail (docs/scan.md), all or nothing.
    Transaction scanTx(m_db);
    if (!ScanSchema::migrate(m_db, &m_error))
        return false;
    if (!scanTx.commit()) {
        m_error = m_db.errorString();
        return false;
    }
    return true;
}

UserRecord Store::readUser(const Statement& s)
{
    UserRecord u;
    u.id = s.integer(0);
    u.name = s.text(1);
    u.department = s.text(2);
    u.role = s.text(3);
    u.email = s.text(4);
    u.card = s.text(5);
    u.passwordHash = s.text(6);
    u.pinHash = s.text(7);
    u.failedAttempts = static_cast<int>(s.integer(8));
    u.lockedUntil = s.integer(9);
    u.hasFingerprint = s.integer(10) != 0;
    u.departmentId = s.integer(11);
    u.fingerprintConsentAt = s.integer(12);
    u.displayName = s.text(13);
    u.disabled = s.integer(14) != 0;
    u.removed = s.integer(14) == 2;
    return u;
}

StoredJob Store::readJob(const Statement& s)
{
    StoredJob j;
    j.info.id = s.integer(0);
    j.ownerId = s.integer(1);
    j.info.owner = s.text(2);
    j.info.name = s.text(3);
    j.info.documentFormat = s.text(4);
    j.info.size = s.integer(5);
    j.info.pages = static_cast<int>(s.integer(6));
    j.info.color = s.integer(7) != 0;
    j.info.pageSize = s.text(8);
    j.info.options.copies = static_cast<int>(s.integer(9));
    j.info.options.sides = s.text(10);
    j.info.options.colorMode = s.text(11);
    j.info.state = jobStateFromName(s.text(12));
    j.info.stateReason = s.text(13);
    j.printerId = s.integer(14);
    j.info.printer = s.text(15);
    j.spoolName = s.text(16);
    j.wrappedKey = s.blob(17);
    j.info.submitted = QDateTime::fromSecsSinceEpoch(s.integer(18), Qt::UTC);
    j.info.expires = QDateTime::fromSecsSinceEpoch(s.integer(19), Qt::UTC);
    j.warned = s.integer(20) != 0;
    j.remoteJobUri = s.text(21);
    j.info.impressionsCompleted = static_cast<int>(s.integer(22));
    j.info.stateReasonCode = s.text(23);
    if (!s.isNull(24))
        j.info.stateReasonArgs = QJsonDocument::fromJson(s.text(24).toUtf8()).object();
    return j;
}

void Store::bindReason(Statement& s, int first, const StateReason& reason)
{
    s.bind(first, reason.text);
    if (reason.code.isEmpty()) {
        s.bindNull(first + 1).bindNull(first + 2);
        return;
    }
    s.bind(first + 1, reason.code);
    s.bind(first + 2, QString::fromUtf8(QJsonDocument(reason.args).toJson(QJsonDocument::Compact)));
}

// --- users -----------------------------------------------------------------------------------

bool Store::addUser(UserRecord* user, QString* error)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    // The department is matched by code, then by name, else created (code = name = the text).
    if (!user->departmentId && !user->department.isEmpty()) {
        const DepartmentMatch d = DepartmentStore::matchOrCreateLocked(m_db, user->department);
        if (!d.id) {
            *error = m_db.errorString();
            return false;
        }
        user->departmentId = d.id;
        user->department = d.code;
    }
    Statement s(m_db.handle(),
                "INSERT INTO users(name, department, role, email, card, password_hash, pin_hash, "
                "department_id) VALUES(?,?,?,?,?,?,?,?)");
    s.bind(1, user->name).bind(2, user->department).bind(3, user->role).bind(4, user->email);
    if (user->departmentId)
        s.bind(8, user->departmentId);
    else
        s.bindNull(8);
    if (user->card.isEmpty())
        s.bindNull(5);
    else
        s.bind(5, user->card);
    s.bind(6, user->passwordHash).bind(7, user->pinHash);
    if (!s.exec()) {
        *error = s.errorString().contains(QLatin1String("UNIQUE"))
                     ? QStringLiteral("a user with that name or card already exists")
                     : s.errorString();
        return false;
    }
    user->id = m_db.lastInsertId();
    if (!tx.commit()) {
        *error = m_db.errorString();
        return false;
    }
    return true;
}

std::optional<UserRecord> Store::userByName(const QString& name)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT ", UserColumns, " FROM users WHERE name = ?").constData());
    s.bind(1, name);
    if (s.next())
        return readUser(s);
    return std::nullopt;
}

std::optional<UserRecord> Store::userById(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT ", UserColumns, " FROM users WHERE id = ?").constData());
    s.bind(1, id);
    if (s.next())
        return readUser(s);
    return std::nullopt;
}

std::optional<UserRecord> Store::userByCard(const QString& card)
{
    if (card.isEmpty())
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    // A disabled user's card is as good as an unknown one.
    Statement s(m_db.handle(),
                sql("SELECT ", UserColumns, " FROM users WHERE card = ? AND disabled = 0").constData());
    s.bind(1, card);
    if (s.next())
        return readUser(s);
    return std::nullopt;
}

QList<UserRecord> Store::users()
{
    std::lock_guard lock(m_mutex);
    QList<UserRecord> out;
    Statement s(m_db.handle(), sql("SELECT ", UserColumns, " FROM users ORDER BY name").constData());
    while (s.next())
        out.append(readUser(s));
    return out;
}

bool Store::setUserCard(qint64 userId, const QString& card, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE users SET card = ? WHERE id = ?");
    if (card.isEmpty())
        s.bindNull(1);
    else
        s.bind(1, card);
    s.bind(2, userId);
    if (!s.exec()) {
        *error = QStringLiteral("that card belongs to another user");
        return false;
    }
    return true;
}

bool Store::updateUser(UserRecord* user, QString* error)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    if (!user->departmentId && !user->department.isEmpty()) {
        const DepartmentMatch d = DepartmentStore::matchOrCreateLocked(m_db, user->department);
        if (!d.id) {
            *error = m_db.errorString();
            return false;
        }
        user->departmentId = d.id;
        user->department = d.code;
    }
    Statement s(m_db.handle(), "UPDATE users SET department = ?, department_id = ?, role = ?, email = ?, "
                               "display_name = ?, card = ? WHERE id = ?");
    s.bind(1, user->department).bind(3, user->role).bind(4, user->email).bind(7, user->id);
    if (user->departmentId)
        s.bind(2, user->departmentId);
    else
        s.bindNull(2);
    if (user->displayName.isEmpty())
        s.bindNull(5);
    else
        s.bind(5, user->displayName);
    if (user->card.isEmpty())
        s.bindNull(6);
    else
        s.bind(6, user->card);
    if (!s.exec()) {
        *error = s.errorString().contains(QLatin1String("UNIQUE"))
                     ? QStringLiteral("that card belongs to another user")
                     : s.errorString();
        return false;
    }
    if (!tx.commit()) {
        *error = m_db.errorString();
        return false;
    }
    return true;
}

bool Store::setUserDisabled(qint64 userId, bool disabled)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(), "UPDATE users SET disabled = ? WHERE id = ? AND disabled != 2");
    s.bind(1, disabled ? 1 : 0).bind(2, userId);
    if (!s.exec())
        return false;
    if (disabled) {
        Statement end(m_db.handle(), "DELETE FROM sessions WHERE user_id = ?");
        end.bind(1, userId);
        if (!end.exec())
            return false;
    }
    return tx.commit();
}

bool Store::markUserRemoved(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(),
                "UPDATE users SET disabled = 2, password_hash = '', pin_hash = '', card = NULL, "
                "fingerprint = NULL, fingerprint_consent_at = NULL, failed = 0, locked_until = 0 "
                "WHERE id = ?");
    s.bind(1, userId);
    Statement end(m_db.handle(), "DELETE FROM sessions WHERE user_id = ?");
    end.bind(1, userId);
    return s.exec() && m_db.changes() == 1 && end.exec() && tx.commit();
}

bool Store::setUserSecrets(qint64 userId, const QString& passwordHash, const QString& pinHash)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE users SET password_hash = COALESCE(NULLIF(?, ''), password_hash), "
                               "pin_hash = COALESCE(NULLIF(?, ''), pin_hash) WHERE id = ?");
    s.bind(1, passwordHash).bind(2, pinHash).bind(3, userId);
    return s.exec();
}

void Store::recordAuthFailure(qint64 userId, qint64 now, int maxFailures, qint64 lockSecs)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE users SET failed = failed + 1, "
                "locked_until = CASE WHEN failed + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?");
    s.bind(1, maxFailures).bind(2, now + lockSecs).bind(3, userId);
    (void)s.exec();
}

void Store::clearAuthFailures(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE users SET failed = 0, locked_until = 0 WHERE id = ?");
    s.bind(1, userId);
    (void)s.exec();
}

bool Store::setUserFingerprint(qint64 userId, const QByteArray& sealed, qint64 consentAt)
{
    if (sealed.isEmpty() || consentAt <= 0)
        return false;
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE users SET fingerprint = ?, fingerprint_consent_at = ? WHERE id = ?");
    s.bind(1, sealed).bind(2, consentAt).bind(3, userId);
    return s.exec() && m_db.changes() == 1;
}

bool Store::clearUserFingerprint(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE users SET fingerprint = NULL, fingerprint_consent_at = NULL WHERE id = ?");
    s.bind(1, userId);
    return s.exec();
}

QByteArray Store::userFingerprint(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT fingerprint FROM users WHERE id = ? AND fingerprint IS NOT NULL");
    s.bind(1, userId);
    return s.next() ? s.blob(0) : QByteArray();
}

QList<SealedFingerprint> Store::fingerprintCandidates(qint64 now)
{
    std::lock_guard lock(m_mutex);
    QList<SealedFingerprint> out;
    Statement s(m_db.handle(),
                "SELECT id, name, fingerprint FROM users WHERE fingerprint IS NOT NULL AND disabled = 0 "
                "AND locked_until <= ? AND EXISTS(SELECT 1 FROM jobs WHERE jobs.owner_id = users.id "
                "AND jobs.state = 'held') ORDER BY name");
    s.bind(1, now);
    while (s.next())
        out.append({s.integer(0), s.text(1), s.blob(2)});
    return out;
}

// --- printers and kiosks ---------------------------------------------------------------------

bool Store::addPrinter(PrinterRecord* printer, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT INTO printers(name, uri, location) VALUES(?,?,?)");
    s.bind(1, printer->name).bind(2, printer->uri).bind(3, printer->location);
    if (!s.exec()) {
        *error = QStringLiteral("a printer with that name already exists");
        return false;
    }
    printer->id = m_db.lastInsertId();
    return true;
}

QList<PrinterRecord> Store::printers()
{
    std::lock_guard lock(m_mutex);
    QList<PrinterRecord> out;
    Statement s(m_db.handle(), "SELECT id, name, uri, location FROM printers ORDER BY name");
    while (s.next())
        out.append({s.integer(0), s.text(1), s.text(2), s.text(3)});
    return out;
}

std::optional<PrinterRecord> Store::printerByName(const QString& name)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id, name, uri, location FROM printers WHERE name = ?");
    s.bind(1, name);
    if (s.next())
        return PrinterRecord{s.integer(0), s.text(1), s.text(2), s.text(3)};
    return std::nullopt;
}

std::optional<PrinterRecord> Store::printerById(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id, name, uri, location FROM printers WHERE id = ?");
    s.bind(1, id);
    if (s.next())
        return PrinterRecord{s.integer(0), s.text(1), s.text(2), s.text(3)};
    return std::nullopt;
}

bool Store::addKiosk(KioskRecord* kiosk, const QByteArray& tokenHash, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT INTO kiosks(name, printer_id, token_hash) VALUES(?,?,?)");
    s.bind(1, kiosk->name).bind(2, kiosk->printerId).bind(3, tokenHash);
    if (!s.exec()) {
        *error = QStringLiteral("a kiosk with that name already exists");
        return false;
    }
    kiosk->id = m_db.lastInsertId();
    return true;
}

std::optional<KioskRecord> Store::kioskByTokenHash(const QByteArray& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id, name, printer_id FROM kiosks WHERE token_hash = ?");
    s.bind(1, tokenHash);
    if (s.next())
        return KioskRecord{s.integer(0), s.text(1), s.integer(2)};
    return std::nullopt;
}

QList<KioskRecord> Store::kiosks()
{
    std::lock_guard lock(m_mutex);
    QList<KioskRecord> out;
    Statement s(m_db.handle(), "SELECT id, name, printer_id FROM kiosks ORDER BY name");
    while (s.next())
        out.append({s.integer(0), s.text(1), s.integer(2)});
    return out;
}

bool Store::updatePrinter(const PrinterRecord& printer, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE printers SET uri = ?, location = ? WHERE id = ?");
    s.bind(1, printer.uri).bind(2, printer.location).bind(3, printer.id);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    return true;
}

int Store::liveJobsForPrinter(qint64 printerId)
{
    return liveJobsWhere("printer_id", printerId);
}

int Store::liveJobsForOwner(qint64 ownerId)
{
    return liveJobsWhere("owner_id", ownerId);
}

int Store::liveJobsWhere(const char* column, qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT COUNT(*) FROM jobs WHERE ", column,
                                   " = ? AND state IN ('held', 'releasing', 'printing')")
                                   .constData());
    s.bind(1, id);
    return s.next() ? static_cast<int>(s.integer(0)) : 0;
}

bool Store::removePrinter(qint64 printerId, bool force, QString* error)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement busy(m_db.handle(), "SELECT COUNT(*) FROM jobs WHERE printer_id = ? AND state IN "
                                  "('releasing', 'printing')");
    busy.bind(1, printerId);
    if (busy.next() && busy.integer(0) > 0) {
        *error =
            QStringLiteral("%1 job(s) are being printed there now; wait until they end").arg(busy.integer(0));
        return false;
    }
    Statement kiosks(m_db.handle(), "SELECT COUNT(*) FROM kiosks WHERE printer_id = ?");
    kiosks.bind(1, printerId);
    const qint64 kioskCount = kiosks.next() ? kiosks.integer(0) : 0;
    Statement held(m_db.handle(), "SELECT COUNT(*) FROM jobs WHERE printer_id = ? AND state = 'held'");
    held.bind(1, printerId);
    const qint64 heldCount = held.next() ? held.integer(0) : 0;
    if (!force && (kioskCount || heldCount)) {
        QStringList why;
        if (kioskCount)
            why << QStringLiteral("%1 kiosk(s) use it (kiosk remove, or --force removes them too)")
                       .arg(kioskCount);
        if (heldCount)
            why << QStringLiteral(
                       "%1 held job(s) were last sent to it (--force keeps them held for any printer)")
                       .arg(heldCount);
        *error = why.join(QStringLiteral("; "));
        return false;
    }
    const QByteArray id = QByteArray::number(printerId);
    if (!m_db.exec(("DELETE FROM sessions WHERE kiosk_id IN (SELECT id FROM kiosks WHERE printer_id = " + id +
                    "); DELETE FROM kiosks WHERE printer_id = " + id +
                    "; UPDATE jobs SET printer_id = 0 WHERE printer_id = " + id +
                    " AND state = 'held'; DELETE FROM printers WHERE id = " + id + ";")
                       .constData())) {
        *error = m_db.errorString();
        return false;
    }
    if (!tx.commit()) {
        *error = m_db.errorString();
        return false;
    }
    return true;
}

std::optional<KioskRecord> Store::kioskByName(const QString& name)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id, name, printer_id FROM kiosks WHERE name = ?");
    s.bind(1, name);
    if (s.next())
        return KioskRecord{s.integer(0), s.text(1), s.integer(2)};
    return std::nullopt;
}

bool Store::removeKiosk(qint64 kioskId)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement end(m_db.handle(), "DELETE FROM sessions WHERE kiosk_id = ?");
    end.bind(1, kioskId);
    Statement s(m_db.handle(), "DELETE FROM kiosks WHERE id = ?");
    s.bind(1, kioskId);
    return end.exec() && s.exec() && m_db.changes() == 1 && tx.commit();
}

bool Store::setKioskToken(qint64 kioskId, const QByteArray& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(), "UPDATE kiosks SET token_hash = ? WHERE id = ?");
    s.bind(1, tokenHash).bind(2, kioskId);
    if (!s.exec() || m_db.changes() != 1)
        return false;
    Statement end(m_db.handle(), "DELETE FROM sessions WHERE kiosk_id = ?");
    end.bind(1, kioskId);
    return end.exec() && tx.commit();
}

// --- sessions --------------------------------------------------------------------------------

bool Store::addSession(const QByteArray& tokenHash, const SessionRecord& session)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO sessions(token_hash, user_id, kiosk_id, expires) VALUES(?,?,?,?)");
    s.bind(1, tokenHash).bind(2, session.userId).bind(3, session.kioskId).bind(4, session.expires);
    return s.exec();
}

std::optional<SessionRecord> Store::sessionByTokenHash(const QByteArray& tokenHash, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Statement s(
        m_db.handle(),
        "SELECT user_id, kiosk_id, expires FROM sessions WHERE token_hash = ? AND expires > ? "
        "AND NOT EXISTS(SELECT 1 FROM users WHERE users.id = sessions.user_id AND users.disabled != 0)");
    s.bind(1, tokenHash).bind(2, now);
    if (s.next())
        return SessionRecord{s.integer(0), s.integer(1), s.integer(2)};
    return std::nullopt;
}

void Store::removeSession(const QByteArray& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM sessions WHERE token_hash = ?");
    s.bind(1, tokenHash);
    (void)s.exec();
}

// --- jobs ------------------------------------------------------------------------------------

qint64 Store::createReceivingJob(qint64 ownerId, const JobInfo& info, const QString& captureId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO jobs(owner_id, name, format, copies, sides, color_mode, state, submitted, "
                "capture_id) VALUES(?,?,?,?,?,?,'receiving',?,?)");
    s.bind(1, ownerId).bind(2, info.name).bind(3, info.documentFormat).bind(4, info.options.copies);
    s.bind(5, info.options.sides).bind(6, info.options.colorMode).bind(7, info.submitted.toSecsSinceEpoch());
    if (captureId.isEmpty())
        s.bindNull(8);
    else
        s.bind(8, captureId);
    if (!s.exec())
        return 0;
    return m_db.lastInsertId();
}

std::optional<StoredJob> Store::jobByCaptureId(qint64 ownerId, const QString& captureId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                sql("SELECT ", JobColumns, " FROM jobs WHERE owner_id = ? AND capture_id = ?").constData());
    s.bind(1, ownerId).bind(2, captureId);
    if (s.next())
        return readJob(s);
    return std::nullopt;
}

bool Store::commitJob(const StoredJob& job, const QByteArray& thumbnailPng)
{
    return job.info.id != 0 && commitJobs({JobCommit{job, thumbnailPng, {}}}).value(0, 0) != 0;
}

QList<qint64> Store::commitJobs(const QList<JobCommit>& jobs, const QList<qint64>& spoolsSynced)
{
    std::lock_guard lock(m_mutex);
    QList<qint64> done(jobs.size(), 0);
    Transaction tx(m_db);
    // Files that reached the disk since an earlier batch: their rows lose the mark in this one's flush.
    for (const qint64 id : spoolsSynced) {
        Statement clear(m_db.handle(), "UPDATE jobs SET spool_unsynced = 0 WHERE id = ?");
        clear.bind(1, id);
        (void)clear.exec();
    }
    for (qsizetype k = 0; k < jobs.size(); ++k) {
        const StoredJob& job = jobs[k].job;
        const QByteArray& thumbnailPng = jobs[k].thumbnailPng;
        const JobInfo& i = job.info;
        qint64 id = i.id;
        if (id == 0) {
            // An upload that needed no reservation: its row is written whole, and its key is wrapped
            // for the id it gets.
            Statement ins(m_db.handle(),
                          "INSERT INTO jobs(owner_id, name, format, size, pages, color, page_size, copies, sides, "
                          "color_mode, state, spool_name, wrapped_key, submitted, expires, "
                          "spool_unsynced) "
                          "VALUES(?,?,?,?,?,?,?,?,?,?,'held',?,?,?,?,?)");
            ins.bind(1, job.ownerId).bind(2, i.name).bind(3, i.documentFormat).bind(4, i.size).bind(5, i.pages);
            ins.bind(6, i.color ? 1 : 0).bind(7, i.pageSize).bind(8, i.options.copies).bind(9, i.options.sides);
            ins.bind(10, i.options.colorMode).bind(11, job.spoolName).bind(12, QByteArray());
            ins.bind(13, i.submitted.toSecsSinceEpoch()).bind(14, i.expires.toSecsSinceEpoch());
            ins.bind(15, jobs[k].spoolUnsynced ? 1 : 0);
            if (!ins.exec() || !jobs[k].wrapKey)
                continue;
            id = m_db.lastInsertId();
            Statement key(m_db.handle(), "UPDATE jobs SET wrapped_key = ? WHERE id = ?");
            key.bind(1, jobs[k].wrapKey(id)).bind(2, id);
            if (!key.exec()) {
                Statement undo(m_db.handle(), "DELETE FROM jobs WHERE id = ?");
                undo.bind(1, id);
                (void)undo.exec();
                continue;
            }
        } else {
            // A job cancelled while it arrived has no receiving row any more: only that one is not committed.
            Statement s(
                m_db.handle(),
                "UPDATE jobs SET name = ?, format = ?, size = ?, pages = ?, color = ?, page_size = ?, copies = ?, "
                "sides = ?, color_mode = ?, state = 'held', spool_name = ?, wrapped_key = ?, expires = ?, "
                "spool_unsynced = ? WHERE id = ? AND state = 'receiving'");
            s.bind(1, i.name).bind(2, i.documentFormat).bind(3, i.size).bind(4, i.pages).bind(5, i.color ? 1 : 0);
            s.bind(6, i.pageSize).bind(7, i.options.copies).bind(8, i.options.sides).bind(9, i.options.colorMode);
            s.bind(10, job.spoolName).bind(11, job.wrappedKey).bind(12, i.expires.toSecsSinceEpoch());
            s.bind(13, jobs[k].spoolUnsynced ? 1 : 0).bind(14, id);
            if (!s.exec() || m_db.changes() != 1)
                continue;
        }
        if (!thumbnailPng.isEmpty()) {
            Statement t(m_db.handle(), "INSERT OR REPLACE INTO thumbnails(job_id, png) VALUES(?,?)");
            t.bind(1, id).bind(2, thumbnailPng);
            // Without its thumbnail the job is still whole: it is committed all the same.
            (void)t.exec();
        }
        done[k] = id;
    }
    if (!tx.commit())
        return QList<qint64>(jobs.size(), 0);
    return done;
}

QList<StoredJob> Store::jobsWithUnsyncedSpool()
{
    std::lock_guard lock(m_mutex);
    QList<StoredJob> out;
    Statement s(m_db.handle(),
                sql("SELECT ", JobColumns, " FROM jobs WHERE spool_unsynced = 1 AND spool_name IS NOT NULL")
                    .constData());
    while (s.next())
        out.append(readJob(s));
    return out;
}

bool Store::dropUnsyncedJob(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM jobs WHERE id = ? AND spool_unsynced = 1");
    s.bind(1, id);
    return s.exec() && m_db.changes() == 1;
}

void Store::discardReceivingJob(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM jobs WHERE id = ? AND state = 'receiving'");
    s.bind(1, id);
    (void)s.exec();
}

std::optional<StoredJob> Store::job(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT ", JobColumns, " FROM jobs WHERE id = ?").constData());
    s.bind(1, id);
    if (s.next())
        return readJob(s);
    return std::nullopt;
}

QList<JobInfo> Store::jobsForOwner(qint64 ownerId, bool activeOnly, int limit, qint64 beforeId)
{
    return jobList(ownerId, activeOnly, limit, beforeId);
}

QList<JobInfo> Store::allJobs(bool activeOnly, int limit, qint64 beforeId)
{
    return jobList(0, activeOnly, limit, beforeId);
}

QList<JobInfo> Store::jobList(qint64 ownerId, bool activeOnly, int limit, qint64 beforeId)
{
    std::lock_guard lock(m_mutex);
    QByteArray where = activeOnly ? " FROM jobs WHERE state IN ('held','releasing','printing')"
                                  : " FROM jobs WHERE state != 'receiving'";
    if (ownerId)
        where += " AND owner_id = ?";
    if (beforeId > 0)
        where += " AND id < ?";
    where += " ORDER BY id DESC LIMIT ?";
    Statement s(m_db.handle(), sql("SELECT ", JobColumns, where.constData()).constData());
    int i = 1;
    if (ownerId)
        s.bind(i++, ownerId);
    if (beforeId > 0)
        s.bind(i++, beforeId);
    s.bind(i, limit);
    QList<JobInfo> out;
    while (s.next())
        out.append(readJob(s).info);
    return out;
}

Store::HeldLoad Store::heldLoad(qint64 ownerId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM jobs WHERE owner_id = ? AND state = 'held'");
    s.bind(1, ownerId);
    HeldLoad load;
    if (s.next()) {
        load.jobs = static_cast<int>(s.integer(0));
        load.bytes = s.integer(1);
    }
    return load;
}

QList<StoredJob> Store::jobsInState(JobState state)
{
    std::lock_guard lock(m_mutex);
    QList<StoredJob> out;
    Statement s(m_db.handle(),
                sql("SELECT ", JobColumns, " FROM jobs WHERE state = ? ORDER BY id").constData());
    s.bind(1, jobStateName(state));
    while (s.next())
        out.append(readJob(s));
    return out;
}

QByteArray Store::thumbnail(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT png FROM thumbnails WHERE job_id = ?");
    s.bind(1, id);
    return s.next() ? s.blob(0) : QByteArray();
}

bool Store::setRendering(qint64 id, bool color, const QByteArray& thumbnailPng)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    // Only a live job gets its thumbnail (one deleted meanwhile stays without).
    Statement s(m_db.handle(),
                "UPDATE jobs SET color = ? WHERE id = ? AND state IN ('held','releasing','printing')");
    s.bind(1, color ? 1 : 0).bind(2, id);
    if (!s.exec() || m_db.changes() != 1)
        return false;
    Statement t(m_db.handle(), "INSERT OR REPLACE INTO thumbnails(job_id, png) VALUES(?,?)");
    t.bind(1, id).bind(2, thumbnailPng);
    return t.exec() && tx.commit();
}

QList<qint64> Store::liveJobsWithoutThumbnail()
{
    std::lock_guard lock(m_mutex);
    QList<qint64> out;
    Statement s(m_db.handle(), "SELECT id FROM jobs WHERE state IN ('held','releasing','printing') AND "
                               "NOT EXISTS (SELECT 1 FROM thumbnails t WHERE t.job_id = jobs.id) ORDER BY id");
    while (s.next())
        out.append(s.integer(0));
    return out;
}

bool Store::updateOptions(qint64 id, const PrintOptions& options)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE jobs SET copies = ?, sides = ?, color_mode = ? WHERE id = ? AND state = 'held'");
    s.bind(1, options.copies).bind(2, options.sides).bind(3, options.colorMode).bind(4, id);
    return s.exec() && m_db.changes() == 1;
}

bool Store::transition(qint64 id, JobState from, JobState to, const StateReason& reason, qint64 printerId)
{
    if (!isLive(from) || !isLive(to))
        return false;
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE jobs SET state = ?, state_reason = ?, state_reason_code = ?, "
                               "state_reason_args = ?, printer_id = ?, "
                               "reserved_cost = CASE WHEN ?1 = 'held' THEN 0 ELSE reserved_cost END "
                               "WHERE id = ? AND state = ?");
    s.bind(1, jobStateName(to));
    bindReason(s, 2, reason);
    s.bind(5, printerId).bind(6, id).bind(7, jobStateName(from));
    return s.exec() && m_db.changes() == 1;
}

void Store::setRemoteJob(qint64 id, const QString& uri)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE jobs SET remote_job_uri = ? WHERE id = ?");
    s.bind(1, uri).bind(2, id);
    (void)s.exec();
}

void Store::setImpressions(qint64 id, int impressions)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE jobs SET impressions = ? WHERE id = ?");
    s.bind(1, impressions).bind(2, id);
    (void)s.exec();
}

bool Store::finishJob(qint64 id, JobState terminal, const StateReason& reason, const UsageRecord& usage)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    // Forgetting the wrapped key is what makes the spool bytes unreadable (secure_delete wipes the page).
    Statement s(m_db.handle(),
                "UPDATE jobs SET state = ?, state_reason = ?, state_reason_code = ?, "
                "state_reason_args = ?, wrapped_key = NULL, spool_name = NULL, reserved_cost = 0 "
                "WHERE id = ? AND state IN ('held','releasing','printing')");
    s.bind(1, jobStateName(terminal));
    bindReason(s, 2, reason);
    s.bind(5, id);
    if (!s.exec() || m_db.changes() != 1)
        return false;
    Statement t(m_db.handle(), "DELETE FROM thumbnails WHERE job_id = ?");
    t.bind(1, id);
    if (!t.exec())
        return false;
    Statement u(
        m_db.handle(),
        "INSERT INTO usage(job_id, user_id, department, printer, kind, pages, sheets, impressions, color, "
        "duplex, at, printer_id, copies, color_impressions, size_class, cost, saved_sheets, saved_cost, "
        "source, user_department_id, printer_department_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
        "(SELECT department_id FROM users WHERE id = ?2), "
        "(SELECT department_id FROM printers WHERE id = ?12))");
    u.bind(1, usage.jobId).bind(2, usage.userId).bind(3, usage.department).bind(4, usage.printer);
    u.bind(5, usage.kind).bind(6, usage.pages).bind(7, usage.sheets).bind(8, usage.impressions);
    u.bind(9, usage.color ? 1 : 0).bind(10, usage.duplex ? 1 : 0).bind(11, usage.at);
    if (usage.printerId)
        u.bind(12, usage.printerId);
    else
        u.bindNull(12);
    u.bind(13, usage.copies).bind(14, usage.colorImpressions).bind(15, usage.sizeClass).bind(16, usage.cost);
    u.bind(17, usage.savedSheets).bind(18, usage.savedCost).bind(19, usage.source);
    if (!u.exec())
        return false;
    return tx.commit();
}

QList<StoredJob> Store::jobsExpiringBefore(qint64 when, bool unwarnedOnly)
{
    std::lock_guard lock(m_mutex);
    QList<StoredJob> out;
    const char* tail = unwarnedOnly ? " FROM jobs WHERE state = 'held' AND expires <= ? AND warned = 0"
                                    : " FROM jobs WHERE state = 'held' AND expires <= ?";
    Statement s(m_db.handle(), sql("SELECT ", JobColumns, tail).constData());
    s.bind(1, when);
    while (s.next())
        out.append(readJob(s));
    return out;
}

void Store::markWarned(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE jobs SET warned = 1 WHERE id = ?");
    s.bind(1, id);
    (void)s.exec();
}

QList<QString> Store::liveSpoolNames()
{
    std::lock_guard lock(m_mutex);
    QList<QString> out;
    // The fax tables share the spool: their files are live too.
    Statement s(m_db.handle(),
                "SELECT spool_name FROM jobs WHERE spool_name IS NOT NULL "
                "UNION ALL SELECT spool_name FROM fax_drafts WHERE spool_name IS NOT NULL "
                "UNION ALL SELECT cover_spool_name FROM fax_drafts WHERE cover_spool_name IS NOT NULL "
                "UNION ALL SELECT spool_name FROM fax_inbox WHERE spool_name IS NOT NULL "
                "UNION ALL SELECT spool_name FROM scan_pages "
                "UNION ALL SELECT pdf_spool_name FROM scans WHERE pdf_spool_name IS NOT NULL");
    while (s.next())
        out.append(s.text(0));
    return out;
}

int Store::discardAllReceiving()
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM jobs WHERE state = 'receiving'");
    if (!s.exec())
        return 0;
    return m_db.changes();
}

QList<UsageRecord> Store::usage(qint64 sinceSecs)
{
    std::lock_guard lock(m_mutex);
    QList<UsageRecord> out;
    Statement s(m_db.handle(),
                "SELECT job_id, user_id, department, printer, kind, pages, sheets, impressions, color, "
                "duplex, at, COALESCE(printer_id, 0), copies, color_impressions, size_class, cost, "
                "saved_sheets, saved_cost, source FROM usage WHERE at >= ? ORDER BY id");
    s.bind(1, sinceSecs);
    while (s.next()) {
        UsageRecord u;
        u.jobId = s.integer(0);
        u.userId = s.integer(1);
        u.department = s.text(2);
        u.printer = s.text(3);
        u.kind = s.text(4);
        u.pages = static_cast<int>(s.integer(5));
        u.sheets = static_cast<int>(s.integer(6));
        u.impressions = static_cast<int>(s.integer(7));
        u.color = s.integer(8) != 0;
        u.duplex = s.integer(9) != 0;
        u.at = s.integer(10);
        u.printerId = s.integer(11);
        u.copies = static_cast<int>(s.integer(12));
        u.colorImpressions = static_cast<int>(s.integer(13));
        u.sizeClass = s.text(14);
        u.cost = s.integer(15);
        u.savedSheets = static_cast<int>(s.integer(16));
        u.savedCost = s.integer(17);
        u.source = s.text(18);
        out.append(u);
    }
    return out;
}

qint64 Store::jobCount()
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT count(*) FROM jobs");
    return s.next() ? s.integer(0) : 0;
}
