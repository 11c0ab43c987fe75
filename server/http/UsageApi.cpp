#include "UsageApi.h"

#include "UsageExport.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

namespace {

void json(HttpExchange& ex, int status, const QJsonObject& body)
{
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void fail(HttpExchange& ex, const ReportError& e)
{
    json(ex, e.status, {{QStringLiteral("error"), e.code}, {QStringLiteral("message"), e.message}});
}

QString arg(const QUrlQuery& q, const char* name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

} // namespace

UsageApi::UsageApi(Store& store, AccountingService& accounting)
    : m_store(store), m_accounting(accounting), m_reports(store, accounting)
{
}

bool UsageApi::handle(HttpExchange& ex, const QString& path, const Identity& who)
{
    if (ex.method() != "GET")
        return false;
    if (path == QLatin1String("/api/v1/usage/quota"))
        quota(ex, who);
    else if (path == QLatin1String("/api/v1/usage/report"))
        report(ex, who);
    else if (path == QLatin1String("/api/v1/usage/trend"))
        trend(ex, who);
    else if (path == QLatin1String("/api/v1/usage/savings"))
        savings(ex, who);
    else if (path == QLatin1String("/api/v1/departments"))
        departments(ex, who);
    else
        return false;
    return true;
}

void UsageApi::quota(HttpExchange& ex, const Identity& who)
{
    const Period p = m_accounting.currentPeriod();
    QJsonArray quotas;
    for (const QuotaState& q : m_accounting.quotaStates(who.user.id, p))
        quotas.append(q.toJson());
    json(ex, 200,
         {{QStringLiteral("period"), p.toJson()},
          {QStringLiteral("currency"), m_accounting.settings().currency},
          {QStringLiteral("quotas"), quotas}});
}

void UsageApi::report(HttpExchange& ex, const Identity& who)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    const QString format = arg(q, "format");
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("csv"))
        return fail(ex, {400, QStringLiteral("bad-argument"), QStringLiteral("format must be json or csv.")});
    UsageReport r;
    ReportError e;
    const QString by = arg(q, "by").isEmpty() ? QStringLiteral("user") : arg(q, "by");
    if (!m_reports.report(who.user, by, arg(q, "period"), arg(q, "department"), &r, &e))
        return fail(ex, e);
    if (format == QLatin1String("csv")) {
        const QByteArray name = "usage-" + r.by.toLatin1() + "-" + r.period.label.toLatin1() + ".csv";
        ex.respond(200, "text/csv; charset=utf-8", UsageExport::reportCsv(r),
                   {{"Content-Disposition", "attachment; filename=\"" + name + "\""}});
        return;
    }
    json(ex, 200, UsageExport::reportJson(r));
}

void UsageApi::trend(HttpExchange& ex, const Identity& who)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    bool ok = true;
    const int months = arg(q, "months").isEmpty() ? 12 : arg(q, "months").toInt(&ok);
    if (!ok)
        return fail(ex, {400, QStringLiteral("bad-argument"),
                         QStringLiteral("months must be a number from 1 to 60.")});
    QList<UsageRow> rows;
    ReportError e;
    if (!m_reports.trend(who.user, months, arg(q, "department"), arg(q, "user"), &rows, &e))
        return fail(ex, e);
    json(ex, 200, UsageExport::trendJson(rows, m_accounting.settings().currency));
}

void UsageApi::savings(HttpExchange& ex, const Identity& who)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    SavingsSide base, later;
    ReportError e;
    if (!m_reports.savings(who.user, arg(q, "baseline"), arg(q, "compare"), arg(q, "department"), &base,
                           &later, &e))
        return fail(ex, e);
    json(ex, 200, UsageExport::savingsJson(base, later, m_accounting.settings().currency));
}

void UsageApi::departments(HttpExchange& ex, const Identity& who)
{
    json(ex, 200,
         {{QStringLiteral("departments"), UsageExport::departmentsJson(m_reports.departmentsFor(who.user))}});
}
