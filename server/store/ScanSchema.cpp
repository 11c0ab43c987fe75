#include "ScanSchema.h"

namespace {

// scans: one row per scan from its first call to its delivery or failure (then the row, its pages and
// its key go and a scan_log row with the same id stays). scan_pages: one encrypted spool file a page,
// already in the encoding the PDF carries (JPEG as uploaded, black-and-white as CCITT G4).
constexpr const char* Tables = R"SQL(
CREATE TABLE IF NOT EXISTS scans(
  id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users(id),
  kiosk_id INTEGER NOT NULL, printer_id INTEGER NOT NULL DEFAULT 0, session_hash BLOB NOT NULL,
  file_name TEXT NOT NULL, mode TEXT NOT NULL CHECK(mode IN ('color', 'gray', 'lineart')),
  resolution INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open', 'sending', 'retrying')),
  wrapped_key BLOB NOT NULL, pdf_spool_name TEXT, pdf_size INTEGER NOT NULL DEFAULT 0,
  created INTEGER NOT NULL, sent_at INTEGER NOT NULL DEFAULT 0, next_attempt INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT);
CREATE INDEX IF NOT EXISTS scans_due ON scans(state, next_attempt);
CREATE TABLE IF NOT EXISTS scan_pages(
  scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE, number INTEGER NOT NULL,
  spool_name TEXT NOT NULL, encoding TEXT NOT NULL CHECK(encoding IN ('jpeg', 'g4')),
  width INTEGER NOT NULL, height INTEGER NOT NULL, components INTEGER NOT NULL, bytes INTEGER NOT NULL,
  PRIMARY KEY(scan_id, number)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS scan_log(
  id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, kiosk TEXT NOT NULL, printer TEXT NOT NULL,
  pages INTEGER NOT NULL, bytes INTEGER NOT NULL, mode TEXT NOT NULL, resolution INTEGER NOT NULL,
  created INTEGER NOT NULL, finished INTEGER NOT NULL, state TEXT NOT NULL CHECK(state IN ('sent', 'failed')),
  attempts INTEGER NOT NULL, last_error TEXT);
CREATE INDEX IF NOT EXISTS scan_log_user ON scan_log(user_id, created);
UPDATE meta SET value = '9' WHERE key = 'schema' AND CAST(value AS INTEGER) < 9;
)SQL";

} // namespace

bool ScanSchema::migrate(Database& db, QString* error)
{
    if (db.exec(Tables))
        return true;
    if (error)
        *error = db.errorString();
    return false;
}
