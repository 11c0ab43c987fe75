#include "DeviceReport.h"

#include "CounterReconciliation.h"
#include "DeviceMonitor.h"
#include "JobInfo.h"
#include "SupplyForecast.h"

#include <QDateTime>
#include <algorithm>

namespace {
constexpr int ForecastDays = 30;

QString stripSeverity(const QString& r)
{
    for (const char* suffix : {"-error", "-warning", "-report"})
        if (r.endsWith(QLatin1String(suffix)))
            return r.chopped(static_cast<int>(qstrlen(suffix)));
    return r;
}

QJsonValue orNull(bool known, const QJsonValue& v)
{
    return known ? v : QJsonValue(QJsonValue::Null);
}
} // namespace

struct DeviceReport::Loaded
{
    QHash<qint64, DeviceInventory> inventory;
    QHash<qint64, DeviceStatusRecord> status;
    QHash<qint64, QList<DeviceSample>> samples; ///< supply samples of the forecast window
    QHash<qint64, DeviceSample> firstPages;
    QHash<qint64, qint64> released;
};

DeviceReport::DeviceReport(Store& store, const DeviceMonitor* monitor, const DeviceSettings& settings,
                           qint64 now)
    : m_store(store), m_monitor(monitor), m_settings(settings), m_now(now)
{
}

QJsonValue DeviceReport::iso(qint64 secs)
{
    if (secs <= 0)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QStringList DeviceReport::faults(const QString& state, const QStringList& reasons)
{
    static const QStringList faultKeywords = {
        QStringLiteral("media-jam"),       QStringLiteral("media-empty"),
        QStringLiteral("toner-empty"),     QStringLiteral("door-open"),
        QStringLiteral("offline"),         QStringLiteral("marker-supply-empty"),
        QStringLiteral("cover-open"),      QStringLiteral("input-tray-missing"),
        QStringLiteral("output-area-full")};
    QStringList out;
    for (const QString& r : reasons) {
        const QString base = stripSeverity(r);
        if (faultKeywords.contains(base) && !out.contains(base))
            out << base;
    }
    if (state == QLatin1String("stopped") && !out.contains(QStringLiteral("stopped")))
        out << QStringLiteral("stopped");
    return out;
}

void DeviceReport::load(Loaded* l, qint64 onlyPrinter)
{
    DeviceStore& ds = m_store.devices();
    l->inventory = ds.inventories();
    if (m_monitor) {
        for (const DeviceSnapshot& s : m_monitor->latestAll()) {
            if (onlyPrinter && s.printerId != onlyPrinter)
                continue;
            DeviceStatusRecord r;
            r.snapshot = s;
            r.lastSeen = m_monitor->lastSeen(s.printerId);
            r.unreachableSince = m_monitor->unreachableSince(s.printerId);
            l->status.insert(s.printerId, r);
        }
    } else {
        for (const DeviceStatusRecord& r : ds.statuses())
            l->status.insert(r.snapshot.printerId, r);
    }
    const qint64 since = m_now - static_cast<qint64>(ForecastDays) * 86400;
    if (onlyPrinter) {
        for (const DeviceSample& s : ds.samples(onlyPrinter, since))
            if (s.key != QLatin1String("pages"))
                l->samples[onlyPrinter].append(s);
        if (auto f = ds.firstPageSample(onlyPrinter))
            l->firstPages.insert(onlyPrinter, *f);
    } else {
        l->samples = ds.supplySamples(since);
        l->firstPages = ds.firstPageSamples();
    }
    l->released = ds.releasedSinceFirstPageSample();
}

QJsonObject DeviceReport::deviceJson(const PrinterRecord& p, const Loaded& l)
{
    const DeviceInventory inv = l.inventory.value(p.id);
    const auto st = l.status.constFind(p.id);
    const bool polled = st != l.status.cend();
    const DeviceSnapshot snap = polled ? st->snapshot : DeviceSnapshot{};
    const QStringList faults =
        polled && snap.reachable ? DeviceReport::faults(snap.state, snap.reasons) : QStringList();

    // Supplies with their forecasts.
    QJsonArray supplies;
    int attention = 0;
    const QList<DeviceSample> samples = l.samples.value(p.id);
    for (const SupplySnapshot& s : snap.supplies) {
        QList<SupplyForecast::Sample> points;
        for (const DeviceSample& d : samples)
            if (d.key == s.key)
                points.append({d.at, static_cast<int>(d.value)});
        const SupplyForecast::Result f = SupplyForecast::forecast(points, s.level, m_now, ForecastDays);
        if (s.level >= 0 && s.level <= m_settings.lowPercent)
            attention = std::max(attention, 2);
        else if (f.daysLeft && *f.daysLeft <= m_settings.orderDays)
            attention = std::max(attention, 1);
        supplies.append(
            QJsonObject{{QStringLiteral("key"), s.key},
                        {QStringLiteral("description"), s.description},
                        {QStringLiteral("type"), s.type},
                        {QStringLiteral("color"), s.color},
                        {QStringLiteral("level"), s.level},
                        {QStringLiteral("perDay"),
                         f.perDay ? QJsonValue(std::round(*f.perDay * 100) / 100) : QJsonValue()},
                        {QStringLiteral("daysLeft"), f.daysLeft ? QJsonValue(*f.daysLeft) : QJsonValue()}});
    }
    if (polled && (!snap.reachable || !faults.isEmpty()))
        attention = 3;

    // Pages the printer counted against pages MPS released there.
    std::optional<qint64> first;
    if (l.firstPages.contains(p.id))
        first = l.firstPages.value(p.id).value;
    const auto rec = CounterReconciliation::compute(first, snap.pageCount, l.released.value(p.id));

    qint64 departmentId = m_store.departments().printerDepartment(p.id);
    QJsonValue department;
    if (departmentId)
        if (auto d = m_store.departments().byId(departmentId))
            department = d->code;

    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("location"), p.location},
        {QStringLiteral("department"), department},
        {QStringLiteral("model"), inv.model},
        {QStringLiteral("serial"), inv.serial},
        {QStringLiteral("protocol"), inv.protocol},
        {QStringLiteral("uri"), p.uri},
        {QStringLiteral("reachable"), snap.reachable},
        {QStringLiteral("state"), snap.state},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(snap.reasons)},
        {QStringLiteral("faults"), QJsonArray::fromStringList(faults)},
        {QStringLiteral("faultText"), polled && !snap.reachable
                                          ? StateReason::describeFaults({QStringLiteral("offline")})
                                          : StateReason::describeFaults(faults)},
        {QStringLiteral("error"), snap.reachable ? QString() : snap.error},
        {QStringLiteral("supplies"), supplies},
        {QStringLiteral("pageCount"), orNull(snap.pageCount >= 0, snap.pageCount)},
        {QStringLiteral("releasedPages"), orNull(rec.has_value(), rec ? rec->releasedPages : 0)},
        {QStringLiteral("counterGap"), orNull(rec.has_value(), rec ? rec->gap : 0)},
        {QStringLiteral("lastSeen"), polled ? iso(st->lastSeen) : QJsonValue()},
        {QStringLiteral("checked"), polled ? iso(snap.checkedAt) : QJsonValue()},
        {QStringLiteral("unreachableSince"), polled ? iso(st->unreachableSince) : QJsonValue()},
        {QStringLiteral("attention"), attention}};
}

QJsonArray DeviceReport::devices()
{
    Loaded l;
    load(&l, 0);
    QList<QJsonObject> list;
    for (const PrinterRecord& p : m_store.printers())
        list.append(deviceJson(p, l));
    std::stable_sort(list.begin(), list.end(), [](const QJsonObject& a, const QJsonObject& b) {
        const int aa = a.value(QStringLiteral("attention")).toInt(),
                  ba = b.value(QStringLiteral("attention")).toInt();
        if (aa != ba)
            return aa > ba;
        return a.value(QStringLiteral("name")).toString() < b.value(QStringLiteral("name")).toString();
    });
    QJsonArray out;
    for (const QJsonObject& o : list)
        out.append(o);
    return out;
}

QJsonObject DeviceReport::device(qint64 printerId, bool withHistory)
{
    auto p = m_store.printerById(printerId);
    if (!p)
        return {};
    Loaded l;
    load(&l, printerId);
    QJsonObject o = deviceJson(*p, l);
    if (withHistory) {
        QJsonObject supplies;
        QJsonArray pages;
        for (const DeviceSample& s :
             m_store.devices().samples(printerId, m_now - static_cast<qint64>(ForecastDays) * 86400)) {
            const QJsonArray point{iso(s.at), s.value};
            if (s.key == QLatin1String("pages")) {
                pages.append(point);
            } else {
                QJsonArray a = supplies.value(s.key).toArray();
                a.append(point);
                supplies.insert(s.key, a);
            }
        }
        o.insert(QStringLiteral("history"),
                 QJsonObject{{QStringLiteral("supplies"), supplies}, {QStringLiteral("pages"), pages}});
    }
    return o;
}

QList<SupplyOrderList::Supply> DeviceReport::orderSupplies()
{
    QList<SupplyOrderList::Supply> out;
    const QJsonArray all = devices();
    for (const QJsonValue& v : all) {
        const QJsonObject d = v.toObject();
        for (const QJsonValue& sv : d.value(QStringLiteral("supplies")).toArray()) {
            const QJsonObject s = sv.toObject();
            SupplyOrderList::Supply x;
            x.printerId = d.value(QStringLiteral("id")).toInteger();
            x.printerName = d.value(QStringLiteral("name")).toString();
            x.location = d.value(QStringLiteral("location")).toString();
            x.description = s.value(QStringLiteral("description")).toString();
            x.type = s.value(QStringLiteral("type")).toString();
            x.color = s.value(QStringLiteral("color")).toString();
            x.level = s.value(QStringLiteral("level")).toInt(-1);
            if (s.value(QStringLiteral("daysLeft")).isDouble())
                x.daysLeft = s.value(QStringLiteral("daysLeft")).toInt();
            out.append(x);
        }
    }
    return out;
}
