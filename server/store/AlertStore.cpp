#include "AlertStore.h"

namespace {
constexpr const char* Columns =
    "id, printer_id, condition, kind, subject, level, days_left, opened, cleared, "
    "last_sent, reminders, reminded_at, open_sent, clear_sent, reminder_owed";
} // namespace

AlertRecord AlertStore::read(const Statement& s)
{
    AlertRecord r;
    r.id = s.integer(0);
    r.printerId = s.integer(1);
    r.condition = s.text(2);
    r.kind = s.text(3);
    r.subject = s.text(4);
    r.level = s.isNull(5) ? -1 : static_cast<int>(s.integer(5));
    r.daysLeft = s.isNull(6) ? -1 : static_cast<int>(s.integer(6));
    r.opened = s.integer(7);
    r.cleared = s.isNull(8) ? 0 : s.integer(8);
    r.lastSent = s.integer(9);
    r.reminders = static_cast<int>(s.integer(10));
    r.remindedAt = s.integer(11);
    r.openSent = s.integer(12);
    r.clearSent = s.integer(13);
    r.reminderOwed = s.integer(14) != 0;
    return r;
}

qint64 AlertStore::open(const AlertRecord& record)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "INSERT OR IGNORE INTO device_alerts(printer_id, condition, kind, subject, level, "
                "days_left, opened, open_sent) VALUES(?,?,?,?,?,?,?,?)");
    s.bind(1, record.printerId).bind(2, record.condition).bind(3, record.kind).bind(4, record.subject);
    if (record.level >= 0)
        s.bind(5, record.level);
    else
        s.bindNull(5);
    if (record.daysLeft >= 0)
        s.bind(6, record.daysLeft);
    else
        s.bindNull(6);
    s.bind(7, record.opened).bind(8, record.openSent);
    if (!s.exec() || m_db.changes() != 1)
        return 0;
    return m_db.lastInsertId();
}

QList<AlertRecord> AlertStore::openAlerts(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    QList<AlertRecord> out;
    Statement s(m_db.handle(),
                (QByteArray("SELECT ") + Columns +
                 " FROM device_alerts WHERE cleared IS NULL AND (? = 0 OR printer_id = ?) ORDER BY id")
                    .constData());
    s.bind(1, printerId).bind(2, printerId);
    while (s.next())
        out.append(read(s));
    return out;
}

QList<AlertRecord> AlertStore::recent(qint64 clearedSince, int limit)
{
    std::lock_guard lock(m_mutex);
    QList<AlertRecord> out;
    Statement s(m_db.handle(),
                (QByteArray("SELECT ") + Columns +
                 " FROM device_alerts WHERE cleared IS NULL OR cleared >= ? ORDER BY id DESC LIMIT ?")
                    .constData());
    s.bind(1, clearedSince).bind(2, limit);
    while (s.next())
        out.append(read(s));
    return out;
}

QList<AlertRecord> AlertStore::owed()
{
    std::lock_guard lock(m_mutex);
    QList<AlertRecord> out;
    Statement s(m_db.handle(),
                (QByteArray("SELECT ") + Columns +
                 " FROM device_alerts WHERE open_sent = 0 OR clear_sent = 0 OR reminder_owed = 1 "
                 "ORDER BY id")
                    .constData());
    while (s.next())
        out.append(read(s));
    return out;
}

std::optional<AlertRecord> AlertStore::alert(qint64 id)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                (QByteArray("SELECT ") + Columns + " FROM device_alerts WHERE id = ?").constData());
    s.bind(1, id);
    if (!s.next())
        return std::nullopt;
    return read(s);
}

bool AlertStore::updateSeen(qint64 id, int level, int daysLeft)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(),
                "UPDATE device_alerts SET level = ?, days_left = ? WHERE id = ? AND cleared IS NULL");
    if (level >= 0)
        s.bind(1, level);
    else
        s.bindNull(1);
    if (daysLeft >= 0)
        s.bind(2, daysLeft);
    else
        s.bindNull(2);
    s.bind(3, id);
    return s.exec();
}

bool AlertStore::clear(qint64 id, qint64 at, bool mailOwed)
{
    std::lock_guard lock(m_mutex);
    // An open mail still owed then says nothing a digest's all clear would not: both go together.
    Statement s(m_db.handle(), "UPDATE device_alerts SET cleared = ?, clear_sent = ?, reminder_owed = 0 "
                               "WHERE id = ? AND cleared IS NULL");
    s.bind(1, at).bind(2, mailOwed ? 0 : -1).bind(3, id);
    return s.exec() && m_db.changes() == 1;
}

bool AlertStore::remind(qint64 id, qint64 at)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE device_alerts SET reminders = reminders + 1, reminded_at = ?, "
                               "reminder_owed = 1 WHERE id = ? AND cleared IS NULL");
    s.bind(1, at).bind(2, id);
    return s.exec() && m_db.changes() == 1;
}

bool AlertStore::markSent(const QList<qint64>& ids, qint64 at)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(), "UPDATE device_alerts SET last_sent = ?, "
                               "open_sent = CASE WHEN open_sent = 0 THEN ? ELSE open_sent END, "
                               "clear_sent = CASE WHEN clear_sent = 0 THEN ? ELSE clear_sent END, "
                               "reminder_owed = 0 WHERE id = ?");
    for (qint64 id : ids) {
        s.bind(1, at).bind(2, at).bind(3, at).bind(4, id);
        if (!s.exec())
            return false;
        s.reset();
    }
    return tx.commit();
}

int AlertStore::pruneCleared(qint64 before)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM device_alerts WHERE cleared IS NOT NULL AND cleared < ? "
                               "AND clear_sent != 0 AND open_sent != 0");
    s.bind(1, before);
    if (!s.exec())
        return -1;
    return m_db.changes();
}
