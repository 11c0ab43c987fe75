#pragma once
#include "DeviceSnapshot.h"
#include "PrinterClient.h"

/// Polls one printer over IPP (Get-Printer-Attributes through PrinterClient::query) and turns the
/// answer into a DeviceSnapshot (docs/devices.md).
class IppDevicePoller
{
public:
    struct Result
    {
        DeviceSnapshot snapshot;
        PrinterStatus status; ///< the full answer (capabilities too) for the release path
    };
    /// Asks the printer at `uri`, waiting at most `timeoutMs`. Never throws; check snapshot.reachable.
    static Result poll(qint64 printerId, const QString& uri, int timeoutMs);
    /// The snapshot of an IPP answer: supplies keyed "ipp:<index>", the lifetime impressions. Pure.
    static DeviceSnapshot fromStatus(qint64 printerId, const PrinterStatus& status);
};
