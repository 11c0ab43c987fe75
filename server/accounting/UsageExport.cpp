#include "UsageExport.h"

#include "Money.h"

#include <cmath>

namespace {

// The CSV columns, in order; money columns are written in major units.
struct Column
{
    const char* name;
    qint64 UsageSums::*field;
    bool money;
};
constexpr Column Columns[] = {
    {"jobs", &UsageSums::jobs, false},
    {"pages", &UsageSums::pages, false},
    {"sheets", &UsageSums::sheets, false},
    {"impressions", &UsageSums::impressions, false},
    {"colorImpressions", &UsageSums::colorImpressions, false},
    {"duplexImpressions", &UsageSums::duplexImpressions, false},
    {"cost", &UsageSums::cost, true},
    {"savedJobs", &UsageSums::savedJobs, false},
    {"savedPages", &UsageSums::savedPages, false},
    {"savedSheets", &UsageSums::savedSheets, false},
    {"savedCost", &UsageSums::savedCost, true},
    {"crossDepartmentPages", &UsageSums::crossDepartmentPages, false},
    {"crossDepartmentCost", &UsageSums::crossDepartmentCost, true},
};

QByteArray csvField(const QString& text)
{
    QByteArray u = text.toUtf8();
    // Quote what needs it; a leading = + - @ would be a formula in a spreadsheet.
    const bool formula = !u.isEmpty() && QByteArray("=+-@").contains(u.at(0));
    if (formula)
        u.prepend('\'');
    if (formula || u.contains(',') || u.contains('"') || u.contains('\n') || u.contains('\r'))
        return '"' + u.replace("\"", "\"\"") + '"';
    return u;
}

QString shareText(double share)
{
    return QString::number(share, 'f', 4);
}

} // namespace

QJsonObject UsageExport::rowJson(const UsageRow& row, const QString& currency)
{
    Q_UNUSED(currency)
    const UsageSums& s = row.sums;
    QJsonObject o{{QStringLiteral("key"), s.key},
                  {QStringLiteral("name"), s.name},
                  {QStringLiteral("department"), s.department}};
    for (const Column& c : Columns)
        o.insert(QLatin1String(c.name), s.*c.field);
    o.insert(QStringLiteral("colorShare"), UsageReports::share(s.colorImpressions, s.impressions));
    o.insert(QStringLiteral("duplexShare"), UsageReports::share(s.duplexImpressions, s.impressions));
    if (!row.label.isEmpty())
        o.insert(QStringLiteral("label"), row.label);
    if (row.quota)
        o.insert(QStringLiteral("quota"), row.quota->toJson());
    return o;
}

QJsonObject UsageExport::reportJson(const UsageReport& report)
{
    QJsonArray rows;
    for (const UsageRow& r : report.rows)
        rows.append(rowJson(r, report.currency));
    return {{QStringLiteral("period"), report.period.toJson()},
            {QStringLiteral("currency"), report.currency},
            {QStringLiteral("by"), report.by},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("totals"), rowJson(report.totals, report.currency)}};
}

QByteArray UsageExport::reportCsv(const UsageReport& report)
{
    QByteArray out("\xEF\xBB\xBF");
    out += "period,currency,key,name,department";
    for (const Column& c : Columns)
        out += QByteArray(",") + c.name;
    out += ",colorShare,duplexShare,quotaLimit,quotaSpent,quotaRemaining\r\n";
    auto line = [&](const UsageRow& r) {
        const UsageSums& s = r.sums;
        out += csvField(report.period.label) + ',' + csvField(report.currency) + ',' + csvField(s.key) + ',' +
               csvField(s.name) + ',' + csvField(s.department);
        for (const Column& c : Columns)
            out += ',' + (c.money ? Money::toPlainString(s.*c.field, report.currency).toUtf8()
                                  : QByteArray::number(s.*c.field));
        out += ',' + shareText(UsageReports::share(s.colorImpressions, s.impressions)).toUtf8();
        out += ',' + shareText(UsageReports::share(s.duplexImpressions, s.impressions)).toUtf8();
        if (r.quota && r.quota->limit) {
            out += ',' + Money::toPlainString(r.quota->effectiveLimit(), report.currency).toUtf8();
            out += ',' + Money::toPlainString(r.quota->spent, report.currency).toUtf8();
            out += ',' + Money::toPlainString(*r.quota->remaining(), report.currency).toUtf8();
        } else {
            out += ",,,";
        }
        out += "\r\n";
    };
    for (const UsageRow& r : report.rows)
        line(r);
    line(report.totals);
    return out;
}

QJsonObject UsageExport::trendJson(const QList<UsageRow>& periods, const QString& currency)
{
    QJsonArray arr;
    for (const UsageRow& r : periods)
        arr.append(rowJson(r, currency));
    return {{QStringLiteral("currency"), currency}, {QStringLiteral("periods"), arr}};
}

double UsageExport::change(double before, double after)
{
    if (before == 0)
        return 0;
    return std::round((after - before) / before * 10000.0) / 10000.0;
}

QJsonObject UsageExport::savingsJson(const SavingsSide& base, const SavingsSide& later,
                                     const QString& currency)
{
    auto side = [&](const SavingsSide& s) {
        return QJsonObject{{QStringLiteral("period"), s.period.toJson()},
                           {QStringLiteral("people"), s.sums.people},
                           {QStringLiteral("jobs"), s.sums.jobs},
                           {QStringLiteral("pages"), s.sums.pages},
                           {QStringLiteral("sheets"), s.sums.sheets},
                           {QStringLiteral("cost"), s.sums.cost},
                           {QStringLiteral("pagesPerPerson"), s.pagesPerPerson},
                           {QStringLiteral("sheetsPerPerson"), s.sheetsPerPerson},
                           {QStringLiteral("colorShare"), s.colorShare},
                           {QStringLiteral("jobsNeverPrinted"), s.sums.savedJobs},
                           {QStringLiteral("savedPages"), s.sums.savedPages},
                           {QStringLiteral("savedSheets"), s.sums.savedSheets},
                           {QStringLiteral("savedCost"), s.sums.savedCost}};
    };
    const QJsonObject changes{
        {QStringLiteral("pagesPerPerson"), change(base.pagesPerPerson, later.pagesPerPerson)},
        {QStringLiteral("sheetsPerPerson"), change(base.sheetsPerPerson, later.sheetsPerPerson)},
        {QStringLiteral("colorShare"), std::round((later.colorShare - base.colorShare) * 10000.0) / 10000.0},
        {QStringLiteral("jobsNeverPrinted"), later.sums.savedJobs - base.sums.savedJobs},
        {QStringLiteral("cost"),
         change(static_cast<double>(base.sums.cost), static_cast<double>(later.sums.cost))}};
    return {{QStringLiteral("currency"), currency},
            {QStringLiteral("baseline"), side(base)},
            {QStringLiteral("compare"), side(later)},
            {QStringLiteral("change"), changes}};
}

QJsonArray UsageExport::departmentsJson(const QList<DepartmentRecord>& departments)
{
    QJsonArray arr;
    for (const DepartmentRecord& d : departments)
        arr.append(QJsonObject{
            {QStringLiteral("code"), d.code},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("parent"), d.parentCode.isEmpty() ? QJsonValue() : QJsonValue(d.parentCode)},
            {QStringLiteral("heads"), QJsonArray::fromStringList(d.heads)}});
    return arr;
}
