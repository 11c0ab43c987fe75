#pragma once
#include "Database.h"

#include <QString>

/// Schema 6: the PC-fax tables (docs/fax.md): fax settings, drafts and sent faxes, phone book, inbox,
/// routes, blocked senders and gateway tokens. Called by Store::open under the store lock.
class FaxSchema
{
public:
    /// Creates the fax tables and indexes if missing and records schema 6. Idempotent. Returns false
    /// with `error`.
    [[nodiscard]] static bool migrate(Database& db, QString* error);
};
