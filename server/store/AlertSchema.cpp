#include "AlertSchema.h"

namespace {

// One row per condition (fault:media-jam, supply-low:<key>, supply-forecast:<key>, unreachable) of one
// printer, from the poll that found it until the poll that found it gone (cleared). What was mailed is
// kept with it, so that a restarted server neither repeats nor forgets a mail: open_sent/clear_sent are
// 0 while the open / all-clear mail is owed (-1: none owed), reminder_owed while a reminder is.
constexpr const char* Tables = R"SQL(
CREATE TABLE IF NOT EXISTS device_alerts(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  printer_id INTEGER NOT NULL REFERENCES printers(id) ON DELETE CASCADE,
  condition TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '',
  level INTEGER, days_left INTEGER,
  opened INTEGER NOT NULL, cleared INTEGER,
  last_sent INTEGER NOT NULL DEFAULT 0,
  reminders INTEGER NOT NULL DEFAULT 0, reminded_at INTEGER NOT NULL DEFAULT 0,
  open_sent INTEGER NOT NULL DEFAULT 0, clear_sent INTEGER NOT NULL DEFAULT -1,
  reminder_owed INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS device_alerts_open ON device_alerts(printer_id, condition) WHERE cleared IS NULL;
CREATE INDEX IF NOT EXISTS device_alerts_cleared ON device_alerts(cleared);
CREATE INDEX IF NOT EXISTS device_alerts_owed ON device_alerts(id)
  WHERE open_sent = 0 OR clear_sent = 0 OR reminder_owed = 1;
UPDATE meta SET value = '8' WHERE key = 'schema' AND CAST(value AS INTEGER) < 8;
)SQL";

} // namespace

bool AlertSchema::migrate(Database& db, QString* error)
{
    if (!db.exec(Tables)) {
        if (error)
            *error = db.errorString();
        return false;
    }
    return true;
}
