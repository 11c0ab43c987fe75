#include "FaxSchema.h"

namespace {

// Outbound: a draft is an uploaded document (plus an optional cover page) stored like a job; sending it
// makes one fax_out row per recipient. Inbound: received faxes, how they are routed, who is blocked,
// and the tokens gateways hand received faxes over with.
constexpr const char* Tables = R"SQL(
CREATE TABLE IF NOT EXISTS fax_settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS fax_drafts(
  id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'receiving'
    CHECK(state IN ('receiving', 'draft', 'sent', 'gone')),
  pages INTEGER NOT NULL DEFAULT 0, document_pages INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL DEFAULT 0,
  spool_name TEXT, wrapped_key BLOB,
  cover_spool_name TEXT, cover_wrapped_key BLOB, cover_size INTEGER NOT NULL DEFAULT 0,
  capture_id TEXT, source TEXT NOT NULL DEFAULT 'upload', created INTEGER NOT NULL,
  expires INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX IF NOT EXISTS fax_drafts_capture ON fax_drafts(owner_id, capture_id)
  WHERE capture_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS fax_drafts_expiry ON fax_drafts(state, expires);
CREATE TABLE IF NOT EXISTS fax_out(
  id INTEGER PRIMARY KEY AUTOINCREMENT, draft_id INTEGER NOT NULL REFERENCES fax_drafts(id),
  owner_id INTEGER NOT NULL REFERENCES users(id), recipient_name TEXT, number TEXT NOT NULL,
  dial_string TEXT NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('queued', 'submitted', 'dialling', 'sending', 'sent', 'failed', 'cancelled')),
  reason_code TEXT, reason TEXT, pages_sent INTEGER NOT NULL DEFAULT 0, pages_total INTEGER NOT NULL DEFAULT 0,
  remote_id TEXT, duration_secs INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
  gateway TEXT, gateway_job_id TEXT, submitted INTEGER NOT NULL, updated INTEGER NOT NULL, finished INTEGER,
  resend_of INTEGER NOT NULL DEFAULT 0, charged_pages INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS fax_out_owner ON fax_out(owner_id, submitted);
CREATE INDEX IF NOT EXISTS fax_out_live ON fax_out(state) WHERE state NOT IN ('sent', 'failed', 'cancelled');
CREATE TABLE IF NOT EXISTS fax_contacts(
  id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
  name TEXT NOT NULL, number TEXT NOT NULL, note TEXT, created_by INTEGER NOT NULL, created INTEGER NOT NULL,
  CHECK((user_id IS NULL) != (department_id IS NULL)));
CREATE INDEX IF NOT EXISTS fax_contacts_user ON fax_contacts(user_id);
CREATE INDEX IF NOT EXISTS fax_contacts_department ON fax_contacts(department_id);
CREATE TABLE IF NOT EXISTS fax_inbox(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  mailbox_user_id INTEGER REFERENCES users(id), mailbox_department_id INTEGER REFERENCES departments(id),
  routed_by TEXT NOT NULL CHECK(routed_by IN ('subaddress', 'did', 'default', 'unrouted')),
  from_number TEXT, from_name TEXT, tsi TEXT, did TEXT, subaddress TEXT,
  pages INTEGER NOT NULL DEFAULT 0, partial INTEGER NOT NULL DEFAULT 0, error TEXT, received INTEGER NOT NULL,
  gateway TEXT NOT NULL, commid TEXT NOT NULL, spool_name TEXT, wrapped_key BLOB,
  size INTEGER NOT NULL DEFAULT 0, tiff_size INTEGER NOT NULL DEFAULT 0,
  read_at INTEGER, read_by INTEGER, deleted INTEGER NOT NULL DEFAULT 0,
  UNIQUE(gateway, commid));
CREATE INDEX IF NOT EXISTS fax_inbox_user ON fax_inbox(mailbox_user_id, received) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS fax_inbox_department ON fax_inbox(mailbox_department_id, received) WHERE deleted = 0;
CREATE TABLE IF NOT EXISTS fax_routes(
  kind TEXT NOT NULL CHECK(kind IN ('did', 'subaddress', 'default')), value TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id), department_id INTEGER REFERENCES departments(id),
  PRIMARY KEY(kind, value), CHECK((user_id IS NULL) != (department_id IS NULL)));
CREATE TABLE IF NOT EXISTS fax_blocked(
  id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, number TEXT, tsi TEXT,
  hits INTEGER NOT NULL DEFAULT 0, last_hit INTEGER, created INTEGER NOT NULL,
  CHECK(number IS NOT NULL OR tsi IS NOT NULL));
CREATE INDEX IF NOT EXISTS fax_blocked_user ON fax_blocked(user_id);
CREATE TABLE IF NOT EXISTS fax_gateway_tokens(
  name TEXT PRIMARY KEY, token_hash BLOB UNIQUE NOT NULL, created INTEGER NOT NULL);
UPDATE meta SET value = '6' WHERE key = 'schema' AND CAST(value AS INTEGER) < 6;
)SQL";

} // namespace

bool FaxSchema::migrate(Database& db, QString* error)
{
    if (db.exec(Tables))
        return true;
    if (error)
        *error = db.errorString();
    return false;
}
