#pragma once
#include "Database.h"

#include <QString>

/// Schema 9: scan to e-mail (docs/scan.md): scans being made or delivered, their pages (encrypted
/// spool files under the scan's own key) and the log row that is all that stays after delivery.
/// Called by Store::open under the store lock.
class ScanSchema
{
public:
    /// Creates the scan tables and indexes if missing and records schema 9. Idempotent. Returns false
    /// with `error`.
    [[nodiscard]] static bool migrate(Database& db, QString* error);
};
