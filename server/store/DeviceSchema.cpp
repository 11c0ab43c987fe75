#include "DeviceSchema.h"

#include <QStringList>

namespace {

// device_status: what the last poll found (supplies as compact JSON), so that a restarted server
// shows last-seen at once. device_samples: one row per supply level change and the page counter
// (key 'pages') at most once an hour, pruned after [devices] history-days.
constexpr const char* Tables = R"SQL(
CREATE TABLE IF NOT EXISTS device_status(
  printer_id INTEGER PRIMARY KEY REFERENCES printers(id) ON DELETE CASCADE,
  reachable INTEGER NOT NULL, error TEXT, state TEXT, reasons TEXT, supplies TEXT,
  page_count INTEGER NOT NULL DEFAULT -1, source TEXT, checked_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL DEFAULT 0, unreachable_since INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS device_samples(
  id INTEGER PRIMARY KEY, printer_id INTEGER NOT NULL REFERENCES printers(id) ON DELETE CASCADE,
  key TEXT NOT NULL, at INTEGER NOT NULL, value INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS device_samples_printer ON device_samples(printer_id, key, at);
CREATE INDEX IF NOT EXISTS device_samples_at ON device_samples(at);
UPDATE meta SET value = '7' WHERE key = 'schema' AND CAST(value AS INTEGER) < 7;
)SQL";

} // namespace

bool DeviceSchema::migrate(Database& db, QString* error)
{
    QStringList columns;
    {
        Statement cols(db.handle(), "PRAGMA table_info(printers)");
        while (cols.next())
            columns << cols.text(1);
    }
    for (const char* column : {"model", "serial", "protocol", "snmp_address", "snmp_community"}) {
        if (columns.contains(QLatin1String(column)))
            continue;
        if (!db.exec((QByteArray("ALTER TABLE printers ADD COLUMN ") + column + " TEXT;").constData())) {
            if (error)
                *error = db.errorString();
            return false;
        }
    }
    if (db.exec(Tables))
        return true;
    if (error)
        *error = db.errorString();
    return false;
}
