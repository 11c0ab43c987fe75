#include "DeviceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray suppliesJson(const QList<SupplySnapshot>& supplies)
{
    QJsonArray arr;
    for (const SupplySnapshot& s : supplies)
        arr.append(QJsonObject{{QStringLiteral("key"), s.key},
                               {QStringLiteral("description"), s.description},
                               {QStringLiteral("type"), s.type},
                               {QStringLiteral("color"), s.color},
                               {QStringLiteral("level"), s.level}});
    return QJsonDocument(arr).toJson(QJsonDocument::Compact);
}

QList<SupplySnapshot> suppliesFromJson(const QString& text)
{
    QList<SupplySnapshot> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        SupplySnapshot s;
        s.key = o.value(QStringLiteral("key")).toString();
        s.description = o.value(QStringLiteral("description")).toString();
        s.type = o.value(QStringLiteral("type")).toString();
        s.color = o.value(QStringLiteral("color")).toString();
        s.level = o.value(QStringLiteral("level")).toInt(-1);
        out.append(s);
    }
    return out;
}

constexpr const char* StatusColumns =
    "SELECT printer_id, reachable, error, state, reasons, supplies, page_count, source, checked_at, "
    "last_seen, unreachable_since FROM device_status ";

DeviceStatusRecord readStatus(const Statement& s)
{
    DeviceStatusRecord r;
    r.snapshot.printerId = s.integer(0);
    r.snapshot.reachable = s.integer(1) != 0;
    r.snapshot.error = s.text(2);
    r.snapshot.state = s.text(3);
    const QString reasons = s.text(4);
    if (!reasons.isEmpty())
        r.snapshot.reasons = reasons.split(QLatin1Char(','));
    r.snapshot.supplies = suppliesFromJson(s.text(5));
    r.snapshot.pageCount = s.integer(6);
    r.snapshot.source = s.text(7);
    r.snapshot.checkedAt = s.integer(8);
    r.lastSeen = s.integer(9);
    r.unreachableSince = s.integer(10);
    return r;
}

DeviceInventory readInventory(const Statement& s)
{
    DeviceInventory d;
    d.printerId = s.integer(0);
    d.model = s.text(1);
    d.serial = s.text(2);
    d.protocol = s.text(3).isEmpty() ? QStringLiteral("ipp") : s.text(3);
    d.snmpAddress = s.text(4);
    d.snmpCommunity = s.text(5);
    return d;
}

constexpr const char* InventoryColumns =
    "SELECT id, model, serial, protocol, snmp_address, snmp_community FROM printers ";

} // namespace

std::optional<DeviceInventory> DeviceStore::inventory(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), (QByteArray(InventoryColumns) + "WHERE id = ?").constData());
    s.bind(1, printerId);
    if (!s.next())
        return std::nullopt;
    return readInventory(s);
}

QHash<qint64, DeviceInventory> DeviceStore::inventories()
{
    std::lock_guard lock(m_mutex);
    QHash<qint64, DeviceInventory> out;
    Statement s(m_db.handle(), InventoryColumns);
    while (s.next()) {
        const DeviceInventory d = readInventory(s);
        out.insert(d.printerId, d);
    }
    return out;
}

bool DeviceStore::setInventory(const DeviceInventory& inventory, QString* error)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "UPDATE printers SET model = ?, serial = ?, protocol = ?, snmp_address = ?, "
                               "snmp_community = ? WHERE id = ?");
    const auto textOrNull = [&](int i, const QString& v) {
        if (v.isEmpty())
            s.bindNull(i);
        else
            s.bind(i, v);
    };
    textOrNull(1, inventory.model);
    textOrNull(2, inventory.serial);
    textOrNull(3, inventory.protocol);
    textOrNull(4, inventory.snmpAddress);
    textOrNull(5, inventory.snmpCommunity);
    s.bind(6, inventory.printerId);
    if (!s.exec()) {
        *error = s.errorString();
        return false;
    }
    if (m_db.changes() == 0) {
        *error = QStringLiteral("there is no such printer");
        return false;
    }
    return true;
}

bool DeviceStore::saveStatus(const DeviceStatusRecord& status)
{
    std::lock_guard lock(m_mutex);
    const DeviceSnapshot& d = status.snapshot;
    Statement s(
        m_db.handle(),
        "INSERT OR REPLACE INTO device_status(printer_id, reachable, error, state, reasons, supplies, "
        "page_count, source, checked_at, last_seen, unreachable_since) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 WHERE EXISTS "
        "(SELECT 1 FROM printers WHERE id = ?1)");
    s.bind(1, d.printerId)
        .bind(2, d.reachable ? 1 : 0)
        .bind(3, d.error)
        .bind(4, d.state)
        .bind(5, d.reasons.join(QLatin1Char(',')))
        .bind(6, QString::fromUtf8(suppliesJson(d.supplies)))
        .bind(7, d.pageCount)
        .bind(8, d.source)
        .bind(9, d.checkedAt)
        .bind(10, status.lastSeen)
        .bind(11, status.unreachableSince);
    return s.exec();
}

QList<DeviceStatusRecord> DeviceStore::statuses()
{
    std::lock_guard lock(m_mutex);
    QList<DeviceStatusRecord> out;
    Statement s(m_db.handle(), StatusColumns);
    while (s.next())
        out.append(readStatus(s));
    return out;
}

std::optional<DeviceStatusRecord> DeviceStore::status(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), (QByteArray(StatusColumns) + "WHERE printer_id = ?").constData());
    s.bind(1, printerId);
    if (!s.next())
        return std::nullopt;
    return readStatus(s);
}

bool DeviceStore::addSamples(qint64 printerId, qint64 at, const QList<DeviceSample>& samples)
{
    if (samples.isEmpty())
        return true;
    std::lock_guard lock(m_mutex);
    Transaction tx(m_db);
    Statement s(m_db.handle(), "INSERT INTO device_samples(printer_id, key, at, value) "
                               "SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM printers WHERE id = ?1)");
    for (const DeviceSample& sample : samples) {
        s.bind(1, printerId).bind(2, sample.key).bind(3, at).bind(4, sample.value);
        if (!s.exec())
            return false;
        s.reset();
    }
    return tx.commit();
}

QList<DeviceSample> DeviceStore::samples(qint64 printerId, qint64 since)
{
    std::lock_guard lock(m_mutex);
    QList<DeviceSample> out;
    Statement s(m_db.handle(), "SELECT key, at, value FROM device_samples WHERE printer_id = ? AND at >= ? "
                               "ORDER BY key, at, id");
    s.bind(1, printerId).bind(2, since);
    while (s.next())
        out.append({s.text(0), s.integer(1), s.integer(2)});
    return out;
}

QHash<qint64, QList<DeviceSample>> DeviceStore::supplySamples(qint64 since)
{
    std::lock_guard lock(m_mutex);
    QHash<qint64, QList<DeviceSample>> out;
    Statement s(m_db.handle(), "SELECT printer_id, key, at, value FROM device_samples WHERE at >= ? AND "
                               "key <> 'pages' ORDER BY printer_id, key, at, id");
    s.bind(1, since);
    while (s.next())
        out[s.integer(0)].append({s.text(1), s.integer(2), s.integer(3)});
    return out;
}

std::optional<DeviceSample> DeviceStore::firstPageSample(qint64 printerId)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT at, value FROM device_samples WHERE printer_id = ? AND key = 'pages' "
                               "ORDER BY at, id LIMIT 1");
    s.bind(1, printerId);
    if (!s.next())
        return std::nullopt;
    return DeviceSample{QStringLiteral("pages"), s.integer(0), s.integer(1)};
}

QHash<qint64, DeviceSample> DeviceStore::firstPageSamples()
{
    std::lock_guard lock(m_mutex);
    QHash<qint64, DeviceSample> out;
    // The oldest row per printer (MIN(at) picks that row's value in SQLite's bare-column rule).
    Statement s(
        m_db.handle(),
        "SELECT printer_id, MIN(at), value FROM device_samples WHERE key = 'pages' GROUP BY printer_id");
    while (s.next())
        out.insert(s.integer(0), DeviceSample{QStringLiteral("pages"), s.integer(1), s.integer(2)});
    return out;
}

qint64 DeviceStore::releasedImpressions(qint64 printerId, qint64 since)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "SELECT COALESCE(SUM(impressions), 0) FROM usage WHERE printer_id = ? AND "
                               "kind = 'printed' AND at >= ?");
    s.bind(1, printerId).bind(2, since);
    return s.next() ? s.integer(0) : 0;
}

QHash<qint64, qint64> DeviceStore::releasedSinceFirstPageSample()
{
    std::lock_guard lock(m_mutex);
    QHash<qint64, qint64> out;
    Statement s(
        m_db.handle(),
        "SELECT f.printer_id, COALESCE((SELECT SUM(u.impressions) FROM usage u WHERE u.printer_id = "
        "f.printer_id AND u.kind = 'printed' AND u.at >= f.since), 0) FROM (SELECT printer_id, MIN(at) "
        "AS since FROM device_samples WHERE key = 'pages' GROUP BY printer_id) f");
    while (s.next())
        out.insert(s.integer(0), s.integer(1));
    return out;
}

int DeviceStore::pruneSamples(qint64 before)
{
    std::lock_guard lock(m_mutex);
    Statement s(m_db.handle(), "DELETE FROM device_samples WHERE at < ?");
    s.bind(1, before);
    if (!s.exec())
        return -1;
    return m_db.changes();
}
