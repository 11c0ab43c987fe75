#pragma once
#include "Database.h"

#include <QString>

/// Schema 4: departments, rate tables, quotas, allowances, quota warnings, job reservations and the
/// extended usage ledger (docs/accounting.md). Called by Store::open under the store lock.
class AccountingSchema
{
public:
    /// Creates the accounting tables and indexes and upgrades a schema-3 database: free-text user
    /// departments become department rows (code = name), old usage rows get their user's department
    /// and printer ids. Idempotent. Returns false with `error`.
    [[nodiscard]] static bool migrate(Database& db, QString* error);
    /// Creates the ledger's report indexes if missing (after a bulk import dropped them).
    [[nodiscard]] static bool createLedgerIndexes(Database& db);
};
