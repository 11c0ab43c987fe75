#pragma once
#include "Authenticator.h"
#include "HttpServer.h"

class ScanService;

/// The kiosk's scan-to-e-mail routes (docs/scan.md, "Kiosk API"): /api/v1/kiosk/scans... Protocol only:
/// the rules are ScanService's. Kiosk sessions only (403 for others). RestApi dispatches here after
/// authentication.
class ScanApi
{
public:
    /// `scans` may be null: every route then answers 503 mail-disabled.
    explicit ScanApi(ScanService* scans);

    /// Answers one authenticated request; false (nothing sent) when `path` is not one of these routes.
    bool handle(HttpExchange& ex, const QString& path, const Identity& who);

    /// A session ended (sign-out): the scan service destroys open scans of ended sessions now.
    void sessionEnded();

private:
    ScanService* m_scans;
};
