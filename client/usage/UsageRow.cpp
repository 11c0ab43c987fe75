#include "UsageRow.h"

UsageRow UsageRow::fromJson(const QJsonObject& o)
{
    UsageRow r;
    auto i = [&o](const char* k) { return o.value(QLatin1String(k)).toInt(); };
    auto m = [&o](const char* k) { return o.value(QLatin1String(k)).toInteger(); };
    r.key = o.value(QLatin1String("key")).toString();
    r.name = o.value(QLatin1String("name")).toString();
    r.label = o.value(QLatin1String("label")).toString();
    if (r.key.isEmpty())
        r.key = r.label;
    if (r.name.isEmpty())
        r.name = r.key;
    r.department = o.value(QLatin1String("department")).toString();
    r.jobs = i("jobs");
    r.pages = i("pages");
    r.sheets = i("sheets");
    r.impressions = i("impressions");
    r.colorImpressions = i("colorImpressions");
    r.duplexImpressions = i("duplexImpressions");
    r.cost = m("cost");
    r.savedJobs = i("savedJobs");
    r.savedPages = i("savedPages");
    r.savedSheets = i("savedSheets");
    r.savedCost = m("savedCost");
    r.colorShare = o.value(QLatin1String("colorShare")).toDouble();
    r.duplexShare = o.value(QLatin1String("duplexShare")).toDouble();
    r.crossDepartmentPages = i("crossDepartmentPages");
    r.crossDepartmentCost = m("crossDepartmentCost");
    const QJsonValue q = o.value(QLatin1String("quota"));
    if (q.isObject())
        r.quota = QuotaState::fromJson(q.toObject());
    return r;
}
