#include "DevicesApi.h"

#include "DeviceReport.h"
#include "SupplyOrderList.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUrlQuery>

namespace {

void json(HttpExchange& ex, int status, const QJsonObject& body)
{
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void error(HttpExchange& ex, int status, const char* code, const QString& message)
{
    json(ex, status,
         {{QStringLiteral("error"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}});
}

} // namespace

DevicesApi::DevicesApi(Store& store, const DeviceMonitor* monitor, DeviceSettings settings)
    : m_store(store), m_monitor(monitor), m_settings(settings)
{
}

bool DevicesApi::handle(HttpExchange& ex, const QString& path, const Identity& who)
{
    const bool devices =
        path == QLatin1String("/api/v1/devices") || path.startsWith(QLatin1String("/api/v1/devices/"));
    const bool supplies = path == QLatin1String("/api/v1/supplies/order");
    if (!devices && !supplies)
        return false;
    if (who.user.role != QLatin1String("admin") || who.kioskId) {
        error(ex, 403, "forbidden", QStringLiteral("Only print administrators can see the devices."));
        return true;
    }
    if (ex.method() != "GET") {
        error(ex, 405, "method-not-allowed", QStringLiteral("That method is not allowed here."));
        return true;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    DeviceReport report(m_store, m_monitor, m_settings, now);
    if (supplies) {
        order(ex);
        return true;
    }
    if (path == QLatin1String("/api/v1/devices")) {
        json(ex, 200,
             {{QStringLiteral("devices"), report.devices()},
              {QStringLiteral("checked"), DeviceReport::iso(now)}});
        return true;
    }
    const QString rest = path.mid(static_cast<int>(qstrlen("/api/v1/devices/")));
    if (rest == QLatin1String("alerts")) {
        json(ex, 200, {{QStringLiteral("alerts"), m_openAlerts ? m_openAlerts() : QJsonArray()}});
        return true;
    }
    bool ok = false;
    const qint64 id = rest.toLongLong(&ok);
    const QJsonObject device = ok ? report.device(id, true) : QJsonObject();
    if (device.isEmpty()) {
        error(ex, 404, "not-found", QStringLiteral("There is no such printer."));
        return true;
    }
    json(ex, 200, {{QStringLiteral("device"), device}});
    return true;
}

void DevicesApi::order(HttpExchange& ex)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    int days = m_settings.orderDays;
    if (q.hasQueryItem(QStringLiteral("days"))) {
        bool ok = false;
        days = q.queryItemValue(QStringLiteral("days")).toInt(&ok);
        if (!ok || days < 0 || days > 3650)
            return error(ex, 400, "bad-request",
                         QStringLiteral("days must be a whole number from 0 to 3650."));
    }
    const QString location = q.queryItemValue(QStringLiteral("location"), QUrl::FullyDecoded);
    DeviceReport report(m_store, m_monitor, m_settings, QDateTime::currentSecsSinceEpoch());
    const QList<SupplyOrderList::Item> items =
        SupplyOrderList::build(report.orderSupplies(), m_settings.lowPercent, days, location);
    if (q.queryItemValue(QStringLiteral("format")) == QLatin1String("csv"))
        return (void)ex.respond(200, "text/csv; charset=utf-8", SupplyOrderList::toCsv(items));
    json(ex, 200,
         {{QStringLiteral("items"), SupplyOrderList::toJson(items)},
          {QStringLiteral("days"), days},
          {QStringLiteral("lowPercent"), m_settings.lowPercent}});
}
