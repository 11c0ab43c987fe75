#pragma once
#include "Database.h"

#include <QString>

/// Schema 8: device alerts (docs/devices.md, "Alerts"): one row per condition of one printer, open
/// until it ends, with what has been mailed about it. Called by Store::open under the store lock.
class AlertSchema
{
public:
    /// Creates the device_alerts table and its indexes if missing and records schema 8. Idempotent.
    /// Returns false with `error`.
    [[nodiscard]] static bool migrate(Database& db, QString* error);
};
