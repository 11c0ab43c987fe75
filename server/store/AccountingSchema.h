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

    /// Length of a running-totals bucket: one UTC day. Any period is whole buckets plus two partial
    /// days at its ends, which are read from the ledger (exact for every start day and time zone).
    static constexpr qint64 DaySecs = 86400;
    /// The start (UTC seconds) of the bucket holding `at`.
    static qint64 dayOf(qint64 at) { return at - ((at % DaySecs) + DaySecs) % DaySecs; }

    /// The running totals of the ledger (`usage_day_totals`: per user department at print time, UTC
    /// day and kind, the sums the reports and quotas read), kept by triggers on `usage` in the
    /// transaction that writes a row, whoever writes it. Creates the table, its index and triggers
    /// and fills it from the ledger when the table or a trigger is missing or was built by another
    /// definition (meta `usage_totals`). Idempotent; called by migrate. Returns false with `error`.
    [[nodiscard]] static bool ensureUsageTotals(Database& db, QString* error);
    /// Drops the triggers that keep the totals (bulk import: rows are summed once at the end).
    [[nodiscard]] static bool dropUsageTotalsTriggers(Database& db);
    /// Adds the ledger rows with id > `afterId` to the totals and creates the triggers again (the end
    /// of a bulk import, in its transaction).
    [[nodiscard]] static bool addToUsageTotals(Database& db, qint64 afterId);
};
