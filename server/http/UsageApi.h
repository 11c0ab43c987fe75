#pragma once
#include "AccountingService.h"
#include "Authenticator.h"
#include "HttpServer.h"
#include "UsageReports.h"

/// The accounting part of the REST API (docs/accounting.md): /api/v1/usage/quota, /usage/report,
/// /usage/trend, /usage/savings and /api/v1/departments. Protocol only: the rules and role checks are
/// UsageReports'; RestApi dispatches here after authentication.
class UsageApi
{
public:
    UsageApi(Store& store, AccountingService& accounting);

    /// Answers one authenticated request; false (nothing sent) when `path` is not one of these routes.
    bool handle(HttpExchange& ex, const QString& path, const Identity& who);

private:
    void quota(HttpExchange& ex, const Identity& who);
    void report(HttpExchange& ex, const Identity& who);
    void trend(HttpExchange& ex, const Identity& who);
    void savings(HttpExchange& ex, const Identity& who);
    void departments(HttpExchange& ex, const Identity& who);

    Store& m_store;
    AccountingService& m_accounting;
    UsageReports m_reports;
};
