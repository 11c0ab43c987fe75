#pragma once
#include "Authenticator.h"
#include "DeviceSettings.h"
#include "HttpServer.h"

#include <QJsonArray>
#include <functional>

class DeviceMonitor;
class Store;

/// The device monitoring part of the REST API (docs/devices.md): /api/v1/devices, /devices/{id},
/// /devices/alerts and /api/v1/supplies/order (JSON or CSV). Administrators only. Protocol only: the
/// figures are DeviceReport's and SupplyOrderList's. RestApi dispatches here after authentication.
class DevicesApi
{
public:
    /// `monitor` may be null (then the stored status is shown).
    DevicesApi(Store& store, const DeviceMonitor* monitor, DeviceSettings settings);

    /// Where GET /api/v1/devices/alerts gets the open alerts (AlertService); none: an empty list.
    void setOpenAlerts(std::function<QJsonArray()> openAlerts) { m_openAlerts = std::move(openAlerts); }
    /// Answers one authenticated request; false (nothing sent) when `path` is not one of these routes.
    bool handle(HttpExchange& ex, const QString& path, const Identity& who);

private:
    void order(HttpExchange& ex);

    Store& m_store;
    const DeviceMonitor* m_monitor;
    DeviceSettings m_settings;
    std::function<QJsonArray()> m_openAlerts;
};
