#include "UsageCounts.h"

#include <algorithm>

UsageCounts UsageCounts::forJob(int pages, int copies, bool duplex, bool color, SizeClass sizeClass)
{
    UsageCounts c;
    c.pages = std::max(pages, 0);
    c.copies = std::max(copies, 0);
    c.duplex = duplex;
    c.sizeClass = sizeClass;
    c.impressions = c.pages * c.copies;
    c.colorImpressions = color ? c.impressions : 0;
    c.sheets = (duplex ? (c.pages + 1) / 2 : c.pages) * c.copies;
    return c;
}

UsageCounts UsageCounts::fromImpressions(int impressions, bool duplex, bool color, SizeClass sizeClass)
{
    // The printer reports impressions only: copies are already in them, and the sheet count assumes
    // every sheet but the last carries two sides.
    return forJob(impressions, 1, duplex, color, sizeClass);
}

QJsonObject UsageCounts::toJson() const
{
    return QJsonObject{
        {QStringLiteral("pages"), pages},
        {QStringLiteral("copies"), copies},
        {QStringLiteral("impressions"), impressions},
        {QStringLiteral("colorImpressions"), colorImpressions},
        {QStringLiteral("sheets"), sheets},
        {QStringLiteral("duplex"), duplex},
        {QStringLiteral("sizeClass"), sizeClassName(sizeClass)},
    };
}

UsageCounts UsageCounts::fromJson(const QJsonObject& json)
{
    UsageCounts c;
    c.pages = json.value(QStringLiteral("pages")).toInt();
    c.copies = json.value(QStringLiteral("copies")).toInt(1);
    c.impressions = json.value(QStringLiteral("impressions")).toInt();
    c.colorImpressions = json.value(QStringLiteral("colorImpressions")).toInt();
    c.sheets = json.value(QStringLiteral("sheets")).toInt();
    c.duplex = json.value(QStringLiteral("duplex")).toBool();
    c.sizeClass =
        sizeClassFromName(json.value(QStringLiteral("sizeClass")).toString()).value_or(SizeClass::A4);
    return c;
}

qint64 costOf(const UsageCounts& counts, const RateTable& rates)
{
    const qint64 color = std::clamp(counts.colorImpressions, 0, std::max(counts.impressions, 0));
    const qint64 mono = std::max(counts.impressions, 0) - color;
    return mono * rates.price(counts.sizeClass, false, counts.duplex) +
           color * rates.price(counts.sizeClass, true, counts.duplex);
}

Savings savingsOf(const UsageCounts& printed, bool documentColor, const RateTable& rates)
{
    // The baseline: every impression on its own sheet, in colour if the document (or the print) was.
    UsageCounts baseline = printed;
    baseline.duplex = false;
    baseline.sheets = std::max(printed.impressions, 0);
    if (documentColor || printed.colorImpressions > 0)
        baseline.colorImpressions = std::max(printed.impressions, 0);
    Savings s;
    s.sheets = std::max(baseline.sheets - printed.sheets, 0);
    s.cost = std::max<qint64>(costOf(baseline, rates) - costOf(printed, rates), 0);
    return s;
}
