#pragma once
#include "DeviceSettings.h"
#include "Store.h"
#include "SupplyOrderList.h"

#include <QJsonArray>
#include <QJsonObject>

class DeviceMonitor;

/// The fleet as the REST API, `device-changed` and mps-admin show it (docs/devices.md): the device
/// JSON with faults, forecasts, reconciliation and attention, and the order list's input. Reads the
/// monitor's latest snapshots when given one (the server), else the stored status (mps-admin).
class DeviceReport
{
public:
    /// `monitor` may be null. `now` is epoch seconds (forecast window, ISO times).
    DeviceReport(Store& store, const DeviceMonitor* monitor, const DeviceSettings& settings, qint64 now);

    /// Every printer's device JSON, by attention (highest first), then name.
    QJsonArray devices();
    /// One printer's device JSON (plus "history" for the last 30 days when `withHistory`); empty when
    /// there is no such printer.
    QJsonObject device(qint64 printerId, bool withHistory);
    /// Every supply of every printer with its forecast, for SupplyOrderList::build.
    QList<SupplyOrderList::Supply> orderSupplies();

    /// The fault keywords among `reasons` (severity suffixes dropped), plus "stopped" for that state.
    static QStringList faults(const QString& state, const QStringList& reasons);
    /// ISO 8601 UTC of epoch seconds; null for 0.
    static QJsonValue iso(qint64 secs);

private:
    struct Loaded;
    QJsonObject deviceJson(const PrinterRecord& p, const Loaded& l);
    void load(Loaded* l, qint64 onlyPrinter);

    Store& m_store;
    const DeviceMonitor* m_monitor;
    DeviceSettings m_settings;
    qint64 m_now;
};
