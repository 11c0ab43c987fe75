#pragma once
#include "Database.h"

#include <QString>

/// Schema 7: device monitoring (docs/devices.md): the printers' inventory columns (model, serial,
/// protocol, SNMP address and community), the latest status of each printer and the history samples.
/// Called by Store::open under the store lock.
class DeviceSchema
{
public:
    /// Adds the columns and tables if missing and records schema 7. Idempotent. Returns false with
    /// `error`.
    [[nodiscard]] static bool migrate(Database& db, QString* error);
};
