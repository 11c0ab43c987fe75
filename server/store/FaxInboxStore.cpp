#include "FaxInboxStore.h"

#include <QStringList>

namespace {
constexpr const char* FaxColumns =
    "SELECT id, COALESCE(mailbox_user_id, 0), COALESCE(mailbox_department_id, 0), routed_by, from_number, "
    "from_name, tsi, did, subaddress, pages, partial, error, received, gateway, commid, spool_name, "
    "wrapped_key, size, tiff_size, COALESCE(read_at, 0), COALESCE(read_by, 0) FROM fax_inbox ";

void bindOptional(Statement& s, int i, const QString& v)
{
    if (v.isEmpty())
        s.bindNull(i);
    else
        s.bind(i, v);
}

void bindId(Statement& s, int i, qint64 v)
{
    if (v)
        s.bind(i, v);
    else
        s.bindNull(i);
}

FaxBlock readBlock(const Statement& s)
{
    FaxBlock b;
    b.id = s.integer(0);
    b.userId = s.integer(1);
    b.number = s.text(2);
    b.tsi = s.text(3);
    b.hits = static_cast<int>(s.integer(4));
    b.lastHit = s.integer(5);
    b.created = s.integer(6);
    return b;
}

constexpr const char* BlockColumns =
    "SELECT id, COALESCE(user_id, 0), number, tsi, hits, COALESCE(last_hit, 0), created FROM fax_blocked ";
} // namespace

FaxInboxRecord FaxInboxStore::readFax(const Statement& s)
{
    FaxInboxRecord f;
    f.id = s.integer(0);
    f.mailboxUserId = s.integer(1);
    f.mailboxDepartmentId = s.integer(2);
    f.routedBy = s.text(3);
    f.fromNumber = s.text(4);
    f.fromName = s.text(5);
    f.tsi = s.text(6);
    f.did = s.text(7);
    f.subaddress = s.text(8);
    f.pages = static_cast<int>(s.integer(9));
    f.partial = s.integer(10) != 0;
    f.error = s.text(11);
    f.received = s.integer(12);
    f.gateway = s.text(13);
    f.commid = s.text(14);
    f.spoolName = s.text(15);
    f.wrappedKey = s.blob(16);
    f.size = s.integer(17);
    f.tiffSize = s.integer(18);
    f.readAt = s.integer(19);
    f.readBy = s.integer(20);
    return f;
}

bool FaxInboxStore::setGatewayToken(const QString& name, const QByteArray& tokenHash, qint64 now)
{
    std::lock_guard lock(m_mutex);
    // SQLCipher 3.4 is SQLite 3.15: no UPSERT; the name is the key, so REPLACE swaps the token.
    Statement s(m_db.handle(),
                "INSERT OR REPLACE INTO fax_gateway_tokens(name, token_hash, created) VALUES(?,?,?)");
    s.bind(1, name).bind(2, tokenHash).bind(3, now);
    return s.exec();
}

std::optional<QString> FaxInboxStore::gatewayByTokenHash(const QByteArray& tokenHash)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT name FROM fax_gateway_tokens WHERE token_hash = ?");
    s.bind(1, tokenHash);
    if (s.next())
        return s.text(0);
    return std::nullopt;
}

bool FaxInboxStore::setRoute(const FaxRoute& route)
{
    if ((route.userId == 0) == (route.departmentId == 0))
        return false;
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT OR REPLACE INTO fax_routes(kind, value, user_id, department_id) "
                               "VALUES(?,?,?,?)");
    s.bind(1, route.kind).bind(2, route.value);
    bindId(s, 3, route.userId);
    bindId(s, 4, route.departmentId);
    return s.exec();
}

bool FaxInboxStore::removeRoute(const QString& kind, const QString& value)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_routes WHERE kind = ? AND value = ?");
    s.bind(1, kind).bind(2, value);
    return s.exec() && m_db.changes() > 0;
}

std::optional<FaxRoute> FaxInboxStore::route(const QString& kind, const QString& value)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT kind, value, COALESCE(user_id, 0), COALESCE(department_id, 0) "
                               "FROM fax_routes WHERE kind = ? AND value = ?");
    s.bind(1, kind).bind(2, value);
    if (s.next())
        return FaxRoute{s.text(0), s.text(1), s.integer(2), s.integer(3)};
    return std::nullopt;
}

QList<FaxRoute> FaxInboxStore::routes()
{
    std::lock_guard lock(m_mutex);
    QList<FaxRoute> out;
    Statement s(m_db.handle(), "SELECT kind, value, COALESCE(user_id, 0), COALESCE(department_id, 0) "
                               "FROM fax_routes ORDER BY kind, value");
    while (s.next())
        out.append(FaxRoute{s.text(0), s.text(1), s.integer(2), s.integer(3)});
    return out;
}

qint64 FaxInboxStore::addBlock(qint64 userId, const QString& number, const QString& tsi, qint64 now)
{
    if (number.isEmpty() && tsi.isEmpty())
        return 0;
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "INSERT INTO fax_blocked(user_id, number, tsi, created) VALUES(?,?,?,?)");
    bindId(s, 1, userId);
    bindOptional(s, 2, number);
    bindOptional(s, 3, tsi);
    s.bind(4, now);
    return s.exec() ? m_db.lastInsertId() : 0;
}

std::optional<FaxBlock> FaxInboxStore::block(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), (QByteArray(BlockColumns) + "WHERE id = ?").constData());
    s.bind(1, id);
    if (s.next())
        return readBlock(s);
    return std::nullopt;
}

QList<FaxBlock> FaxInboxStore::blocks(qint64 userId)
{
    std::lock_guard lock(m_mutex);
    QList<FaxBlock> out;
    QByteArray sql(BlockColumns);
    if (userId > 0)
        sql += "WHERE user_id = ? ";
    else if (userId == 0)
        sql += "WHERE user_id IS NULL ";
    sql += "ORDER BY id";
    Statement s(m_db.handle(), sql.constData());
    if (userId > 0)
        s.bind(1, userId);
    while (s.next())
        out.append(readBlock(s));
    return out;
}

bool FaxInboxStore::removeBlock(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM fax_blocked WHERE id = ?");
    s.bind(1, id);
    return s.exec() && m_db.changes() > 0;
}

void FaxInboxStore::countHit(qint64 id, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE fax_blocked SET hits = hits + 1, last_hit = ? WHERE id = ?");
    s.bind(1, now).bind(2, id);
    (void)s.exec();
}

std::optional<qint64> FaxInboxStore::idByCommid(const QString& gateway, const QString& commid)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT id FROM fax_inbox WHERE gateway = ? AND commid = ?");
    s.bind(1, gateway).bind(2, commid);
    if (s.next())
        return s.integer(0);
    return std::nullopt;
}

bool FaxInboxStore::insert(FaxInboxRecord* fax, bool* duplicate)
{
    std::lock_guard lock(m_mutex);
    *duplicate = false;
    {
        Statement d(m_db.handle(), "SELECT id FROM fax_inbox WHERE gateway = ? AND commid = ?");
        d.bind(1, fax->gateway).bind(2, fax->commid);
        if (d.next()) {
            *duplicate = true;
            fax->id = d.integer(0);
            return false;
        }
    }
    Statement s(
        m_db.handle(),
        "INSERT INTO fax_inbox(mailbox_user_id, mailbox_department_id, routed_by, from_number, from_name, "
        "tsi, did, subaddress, pages, partial, error, received, gateway, commid, spool_name, wrapped_key, "
        "size, tiff_size) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindId(s, 1, fax->mailboxUserId);
    bindId(s, 2, fax->mailboxDepartmentId);
    s.bind(3, fax->routedBy);
    bindOptional(s, 4, fax->fromNumber);
    bindOptional(s, 5, fax->fromName);
    bindOptional(s, 6, fax->tsi);
    bindOptional(s, 7, fax->did);
    bindOptional(s, 8, fax->subaddress);
    s.bind(9, fax->pages).bind(10, fax->partial ? 1 : 0);
    bindOptional(s, 11, fax->error);
    s.bind(12, fax->received).bind(13, fax->gateway).bind(14, fax->commid).bind(15, fax->spoolName);
    s.bind(16, fax->wrappedKey).bind(17, fax->size).bind(18, fax->tiffSize);
    if (!s.exec())
        return false;
    fax->id = m_db.lastInsertId();
    return true;
}

std::optional<FaxInboxRecord> FaxInboxStore::fax(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), (QByteArray(FaxColumns) + "WHERE id = ? AND deleted = 0").constData());
    s.bind(1, id);
    if (s.next())
        return readFax(s);
    return std::nullopt;
}

QList<FaxInboxRecord> FaxInboxStore::list(qint64 userId, const QList<qint64>& departmentIds, bool unrouted,
                                          bool unreadOnly, int limit)
{
    std::lock_guard lock(m_mutex);
    QStringList mailboxes{QStringLiteral("mailbox_user_id = %1").arg(userId)};
    if (!departmentIds.isEmpty()) {
        QStringList ids;
        for (qint64 d : departmentIds)
            ids << QString::number(d);
        mailboxes << QStringLiteral("mailbox_department_id IN (%1)").arg(ids.join(QLatin1Char(',')));
    }
    if (unrouted)
        mailboxes << QStringLiteral("routed_by = 'unrouted'");
    QString sql = QString::fromLatin1(FaxColumns) + QStringLiteral("WHERE deleted = 0 AND (") +
                  mailboxes.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    if (unreadOnly)
        sql += QStringLiteral(" AND read_at IS NULL");
    sql += QStringLiteral(" ORDER BY received DESC, id DESC LIMIT %1").arg(qBound(1, limit, 1000));
    QList<FaxInboxRecord> out;
    Statement s(m_db.handle(), sql.toUtf8().constData());
    while (s.next())
        out.append(readFax(s));
    return out;
}

bool FaxInboxStore::setRead(qint64 id, qint64 userId, qint64 now)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE fax_inbox SET read_at = ?, read_by = ? WHERE id = ? AND deleted = 0");
    bindId(s, 1, now);
    bindId(s, 2, now ? userId : 0);
    s.bind(3, id);
    return s.exec() && m_db.changes() > 0;
}

bool FaxInboxStore::remove(qint64 id, QString* spoolName)
{
    std::lock_guard lock(m_mutex);
    {
        Statement q(m_db.handle(), "SELECT spool_name FROM fax_inbox WHERE id = ? AND deleted = 0");
        q.bind(1, id);
        if (!q.next())
            return false;
        *spoolName = q.text(0);
    }
    // The row stays (deleted) so the gateway's retry of the same call is not stored again.
    Statement s(m_db.handle(), "UPDATE fax_inbox SET deleted = 1, wrapped_key = NULL, spool_name = NULL "
                               "WHERE id = ? AND deleted = 0");
    s.bind(1, id);
    return s.exec() && m_db.changes() > 0;
}
