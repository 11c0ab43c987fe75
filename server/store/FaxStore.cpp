#include "FaxStore.h"

#include "LedgerStore.h"
#include "Store.h"

namespace {

constexpr const char* DraftColumns =
    "id, owner_id, name, state, pages, document_pages, size, spool_name, wrapped_key, cover_spool_name, "
    "cover_wrapped_key, cover_size, capture_id, source, created, expires";

constexpr const char* FaxColumns =
    "f.id, f.draft_id, f.owner_id, d.name, f.recipient_name, f.number, f.dial_string, f.state, "
    "f.reason_code, "
    "f.reason, f.pages_sent, f.pages_total, f.remote_id, f.duration_secs, f.attempts, f.gateway, "
    "f.gateway_job_id, f.submitted, f.updated, f.finished, f.resend_of, f.charged_pages";

constexpr const char* ContactColumns = "c.id, c.user_id, c.department_id, (SELECT code FROM departments "
                                       "WHERE departments.id = c.department_id), "
                                       "c.name, c.number, c.note, c.created_by, c.created";

QByteArray sql(const char* a, const char* b, const char* c = "")
{
    return QByteArray(a) + b + c;
}

void bindOptional(Statement& s, int i, const QString& v)
{
    if (v.isEmpty())
        s.bindNull(i);
    else
        s.bind(i, v);
}

} // namespace

bool FaxOutRecord::isFinal() const
{
    return state == QLatin1String("sent") || state == QLatin1String("failed") ||
           state == QLatin1String("cancelled");
}

FaxDraftRecord FaxStore::readDraft(const Statement& s)
{
    FaxDraftRecord d;
    d.id = s.integer(0);
    d.ownerId = s.integer(1);
    d.name = s.text(2);
    d.state = s.text(3);
    d.pages = static_cast<int>(s.integer(4));
    d.documentPages = static_cast<int>(s.integer(5));
    d.size = s.integer(6);
    d.spoolName = s.text(7);
    d.wrappedKey = s.blob(8);
    d.coverSpoolName = s.text(9);
    d.coverWrappedKey = s.blob(10);
    d.coverSize = s.integer(11);
    d.captureId = s.text(12);
    d.source = s.text(13);
    d.created = s.integer(14);
    d.expires = s.integer(15);
    return d;
}

FaxOutRecord FaxStore::readFax(const Statement& s)
{
    FaxOutRecord f;
    f.id = s.integer(0);
    f.draftId = s.integer(1);
    f.ownerId = s.integer(2);
    f.name = s.text(3);
    f.recipientName = s.text(4);
    f.number = s.text(5);
    f.dialString = s.text(6);
    f.state = s.text(7);
    f.reasonCode = s.text(8);
    f.reason = s.text(9);
    f.pagesSent = static_cast<int>(s.integer(10));
    f.pagesTotal = static_cast<int>(s.integer(11));
    f.remoteId = s.text(12);
    f.durationSecs = static_cast<int>(s.integer(13));
    f.attempts = static_cast<int>(s.integer(14));
    f.gateway = s.text(15);
    f.gatewayJobId = s.text(16);
    f.submitted = s.integer(17);
    f.updated = s.integer(18);
    f.finished = s.isNull(19) ? 0 : s.integer(19);
    f.resendOf = s.integer(20);
    f.chargedPages = static_cast<int>(s.integer(21));
    return f;
}

FaxContactRecord FaxStore::readContact(const Statement& s)
{
    FaxContactRecord c;
    c.id = s.integer(0);
    c.userId = s.isNull(1) ? 0 : s.integer(1);
    c.departmentId = s.isNull(2) ? 0 : s.integer(2);
    c.department = s.text(3);
    c.name = s.text(4);
    c.number = s.text(5);
    c.note = s.text(6);
    c.createdBy = s.integer(7);
    c.created = s.integer(8);
    return c;
}

QString FaxStore::setting(const QString& key, const QString& fallback)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT value FROM fax_settings WHERE key = ?");
    s.bind(1, key);
    return s.next() ? s.text(0) : fallback;
}

bool FaxStore::setSetting(const QString& key, const QString& value)
{
    std::lock_guard lock(m_mutex);
    // SQLCipher 3.4 is SQLite 3.15: no UPSERT.
    Statement s(m_db.handle(), "INSERT OR REPLACE INTO fax_settings(key, value) VALUES(?, ?)");
    s.bind(1, key).bind(2, value);
    return s.exec();
}

bool FaxStore::clearSetting(const QString& key)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_settings WHERE key = ?");
    s.bind(1, key);
    return s.exec();
}

qint64 FaxStore::createReceivingDraft(qint64 ownerId, const QString& name, const QString& captureId,
                                      const QString& source, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT INTO fax_drafts(owner_id, name, state, capture_id, source, created) "
                               "VALUES(?, ?, 'receiving', ?, ?, ?)");
    s.bind(1, ownerId).bind(2, name);
    bindOptional(s, 3, captureId);
    s.bind(4, source).bind(5, now);
    if (!s.exec())
        return 0;
    return m_db.lastInsertId();
}

std::optional<FaxDraftRecord> FaxStore::draftByCaptureId(qint64 ownerId, const QString& captureId)
{
    if (captureId.isEmpty())
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    Statement s(
        m_db.handle(),
        sql("SELECT ", DraftColumns, " FROM fax_drafts WHERE owner_id = ? AND capture_id = ?").constData());
    s.bind(1, ownerId).bind(2, captureId);
    if (!s.next())
        return std::nullopt;
    return readDraft(s);
}

bool FaxStore::commitDraft(qint64 id, const QString& spoolName, const QByteArray& wrappedKey, int pages,
                           qint64 size, qint64 expires)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE fax_drafts SET state = 'draft', spool_name = ?, wrapped_key = ?, pages = ?, "
                "document_pages = ?, size = ?, expires = ? WHERE id = ? AND state = 'receiving'");
    s.bind(1, spoolName).bind(2, wrappedKey).bind(3, pages).bind(4, pages).bind(5, size).bind(6, expires);
    s.bind(7, id);
    return s.exec() && m_db.changes() == 1;
}

void FaxStore::discardReceivingDraft(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_drafts WHERE id = ? AND state = 'receiving'");
    s.bind(1, id);
    (void)s.exec();
}

std::optional<FaxDraftRecord> FaxStore::draft(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT ", DraftColumns, " FROM fax_drafts WHERE id = ?").constData());
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    return readDraft(s);
}

bool FaxStore::setCover(qint64 id, const QString& spoolName, const QByteArray& wrappedKey, qint64 size,
                        QString* previousSpoolName)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement q(m_db.handle(), "SELECT cover_spool_name FROM fax_drafts WHERE id = ? AND state = 'draft'");
    q.bind(1, id);
    if (!q.next())
        return false;
    if (previousSpoolName)
        *previousSpoolName = q.text(0);
    Statement s(m_db.handle(),
                "UPDATE fax_drafts SET cover_spool_name = ?, cover_wrapped_key = ?, cover_size = ?, "
                "pages = document_pages + ? WHERE id = ? AND state = 'draft'");
    bindOptional(s, 1, spoolName);
    if (wrappedKey.isEmpty())
        s.bindNull(2);
    else
        s.bind(2, wrappedKey);
    s.bind(3, size).bind(4, spoolName.isEmpty() ? 0 : 1).bind(5, id);
    if (!s.exec() || m_db.changes() != 1)
        return false;
    return tx.commit();
}

bool FaxStore::deleteDraft(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_drafts WHERE id = ? AND state = 'draft' AND "
                               "NOT EXISTS(SELECT 1 FROM fax_out WHERE draft_id = fax_drafts.id)");
    s.bind(1, id);
    return s.exec() && m_db.changes() == 1;
}

QList<FaxDraftRecord> FaxStore::draftsExpiring(const QString& state, qint64 when)
{
    std::lock_guard lock(m_mutex);
    QList<FaxDraftRecord> out;
    Statement s(m_db.handle(),
                sql("SELECT ", DraftColumns, " FROM fax_drafts WHERE state = ? AND expires <= ? ORDER BY id")
                    .constData());
    s.bind(1, state).bind(2, when);
    while (s.next())
        out.append(readDraft(s));
    return out;
}

QList<qint64> FaxStore::staleReceivingDrafts(qint64 before)
{
    std::lock_guard lock(m_mutex);
    QList<qint64> out;
    Statement s(m_db.handle(), "SELECT id FROM fax_drafts WHERE state = 'receiving' AND created < ?");
    s.bind(1, before);
    while (s.next())
        out.append(s.integer(0));
    return out;
}

bool FaxStore::markDraftGone(qint64 id)
{
    std::lock_guard lock(m_mutex);
    // Forgetting the wrapped keys makes the spool bytes unreadable (secure_delete wipes the page).
    Statement s(
        m_db.handle(),
        "UPDATE fax_drafts SET state = 'gone', wrapped_key = NULL, spool_name = NULL, "
        "cover_wrapped_key = NULL, cover_spool_name = NULL WHERE id = ? AND state IN ('draft', 'sent') "
        "AND NOT EXISTS(SELECT 1 FROM fax_out WHERE draft_id = fax_drafts.id AND "
        "state NOT IN ('sent', 'failed', 'cancelled'))");
    s.bind(1, id);
    return s.exec() && m_db.changes() == 1;
}

int FaxStore::discardAllReceivingDrafts()
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_drafts WHERE state = 'receiving'");
    if (!s.exec())
        return 0;
    return m_db.changes();
}

namespace {
bool insertFaxLocked(Database& db, FaxOutRecord* f)
{
    Statement s(db.handle(),
                "INSERT INTO fax_out(draft_id, owner_id, recipient_name, number, dial_string, state, "
                "pages_total, submitted, updated, resend_of) VALUES(?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)");
    s.bind(1, f->draftId).bind(2, f->ownerId).bind(3, f->recipientName).bind(4, f->number);
    s.bind(5, f->dialString).bind(6, f->pagesTotal).bind(7, f->submitted).bind(8, f->submitted);
    s.bind(9, f->resendOf);
    if (!s.exec())
        return false;
    f->id = db.lastInsertId();
    f->state = QStringLiteral("queued");
    f->updated = f->submitted;
    return true;
}
} // namespace

bool FaxStore::sendDraft(qint64 draftId, qint64 keepUntil, QList<FaxOutRecord>* faxes)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement d(m_db.handle(),
                "UPDATE fax_drafts SET state = 'sent', expires = ? WHERE id = ? AND state = 'draft'");
    d.bind(1, keepUntil).bind(2, draftId);
    if (!d.exec() || m_db.changes() != 1)
        return false;
    for (FaxOutRecord& f : *faxes) {
        f.draftId = draftId;
        if (!insertFaxLocked(m_db, &f))
            return false;
    }
    return tx.commit();
}

bool FaxStore::insertFax(FaxOutRecord* fax)
{
    std::lock_guard lock(m_mutex);
    return insertFaxLocked(m_db, fax);
}

std::optional<FaxOutRecord> FaxStore::fax(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), sql("SELECT ", FaxColumns,
                                   " FROM fax_out f JOIN fax_drafts d ON d.id = f.draft_id WHERE f.id = ?")
                                   .constData());
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    return readFax(s);
}

QList<FaxOutRecord> FaxStore::faxesForOwner(qint64 ownerId, qint64 since, int limit)
{
    std::lock_guard lock(m_mutex);
    QList<FaxOutRecord> out;
    Statement s(m_db.handle(),
                sql("SELECT ", FaxColumns,
                    " FROM fax_out f JOIN fax_drafts d ON d.id = f.draft_id WHERE f.owner_id = ? "
                    "AND f.submitted >= ? ORDER BY f.submitted DESC, f.id DESC LIMIT ?")
                    .constData());
    s.bind(1, ownerId).bind(2, since).bind(3, limit);
    while (s.next())
        out.append(readFax(s));
    return out;
}

QList<FaxOutRecord> FaxStore::liveFaxes()
{
    std::lock_guard lock(m_mutex);
    QList<FaxOutRecord> out;
    Statement s(m_db.handle(), sql("SELECT ", FaxColumns,
                                   " FROM fax_out f JOIN fax_drafts d ON d.id = f.draft_id "
                                   "WHERE f.state NOT IN ('sent', 'failed', 'cancelled') ORDER BY f.id")
                                   .constData());
    while (s.next())
        out.append(readFax(s));
    return out;
}

bool FaxStore::markHandingOver(qint64 id, const QString& gateway, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE fax_out SET gateway = ?, updated = ? WHERE id = ? AND state = 'queued'");
    s.bind(1, gateway).bind(2, now).bind(3, id);
    return s.exec() && m_db.changes() == 1;
}

bool FaxStore::clearHandingOver(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE fax_out SET gateway = NULL WHERE id = ? AND state = 'queued' AND "
                               "gateway_job_id IS NULL");
    s.bind(1, id);
    return s.exec();
}

namespace {
// Stores a fax's progress (and, once ended, its end and charged pages) if it is still in `fromState`;
// a fax already charged is never written again.
bool writeFaxLocked(Database& db, const FaxOutRecord& f, const QString& fromState, int chargedPages)
{
    Statement s(
        db.handle(),
        "UPDATE fax_out SET state = ?, reason_code = ?, reason = ?, pages_sent = ?, pages_total = ?, "
        "remote_id = ?, duration_secs = ?, attempts = ?, gateway = ?, gateway_job_id = ?, updated = ?, "
        "finished = ?, charged_pages = ? WHERE id = ? AND state = ? AND charged_pages = 0");
    s.bind(1, f.state);
    bindOptional(s, 2, f.reasonCode);
    bindOptional(s, 3, f.reason);
    s.bind(4, f.pagesSent).bind(5, f.pagesTotal);
    bindOptional(s, 6, f.remoteId);
    s.bind(7, f.durationSecs).bind(8, f.attempts);
    bindOptional(s, 9, f.gateway);
    bindOptional(s, 10, f.gatewayJobId);
    s.bind(11, f.updated);
    if (f.finished > 0)
        s.bind(12, f.finished);
    else
        s.bindNull(12);
    s.bind(13, chargedPages).bind(14, f.id).bind(15, fromState);
    return s.exec() && db.changes() == 1;
}
} // namespace

bool FaxStore::updateLive(const FaxOutRecord& f, const QString& fromState)
{
    std::lock_guard lock(m_mutex);
    return writeFaxLocked(m_db, f, fromState, 0);
}

bool FaxStore::finish(const FaxOutRecord& f, const QString& fromState, const UsageRecord* usage)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    const bool charge = usage && usage->pages > 0 && f.chargedPages == 0;
    if (!writeFaxLocked(m_db, f, fromState, charge ? usage->pages : 0))
        return false;
    // The ledger row goes with the state change: written once per fax, never twice after a crash.
    if (charge && !m_ledger.addRowLocked(*usage))
        return false;
    return tx.commit();
}

QList<FaxContactRecord> FaxStore::contacts(qint64 userId, qint64 departmentId, const QString& query)
{
    std::lock_guard lock(m_mutex);
    QList<FaxContactRecord> out;
    QString digits;
    for (const QChar c : query)
        if (c.isDigit())
            digits.append(c);
    Statement s(
        m_db.handle(),
        sql("SELECT ", ContactColumns,
            " FROM fax_contacts c WHERE (c.user_id = ?1 OR (?2 > 0 AND c.department_id = ?2)) AND "
            "(?3 = '' OR instr(lower(c.name), lower(?3)) > 0 OR "
            "(?4 <> '' AND instr(replace(replace(replace(c.number, '-', ''), ' ', ''), '#', ''), ?4) > 0)) "
            "ORDER BY c.name, c.id")
            .constData());
    s.bind(1, userId).bind(2, departmentId).bind(3, query.trimmed()).bind(4, digits);
    while (s.next())
        out.append(readContact(s));
    return out;
}

std::optional<FaxContactRecord> FaxStore::contact(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                sql("SELECT ", ContactColumns, " FROM fax_contacts c WHERE c.id = ?").constData());
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    return readContact(s);
}

bool FaxStore::addContact(FaxContactRecord* c)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT INTO fax_contacts(user_id, department_id, name, number, note, created_by, "
                "created) VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (c->userId)
        s.bind(1, c->userId);
    else
        s.bindNull(1);
    if (c->departmentId)
        s.bind(2, c->departmentId);
    else
        s.bindNull(2);
    s.bind(3, c->name).bind(4, c->number);
    bindOptional(s, 5, c->note);
    s.bind(6, c->createdBy).bind(7, c->created);
    if (!s.exec())
        return false;
    c->id = m_db.lastInsertId();
    return true;
}

bool FaxStore::updateContact(const FaxContactRecord& c)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE fax_contacts SET name = ?, number = ?, note = ? WHERE id = ?");
    s.bind(1, c.name).bind(2, c.number);
    bindOptional(s, 3, c.note);
    s.bind(4, c.id);
    return s.exec() && m_db.changes() == 1;
}

bool FaxStore::removeContact(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_contacts WHERE id = ?");
    s.bind(1, id);
    return s.exec() && m_db.changes() == 1;
}
