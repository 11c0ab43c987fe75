#pragma once
#include "Authenticator.h"
#include "HttpServer.h"

#include <QJsonObject>
#include <optional>

class FaxService;

/// The sending part of the PC-fax REST API (docs/fax.md): /api/v1/fax/settings, /fax/drafts...,
/// /fax/sent... and /fax/contacts... Protocol only: the rules and ownership checks are FaxService's.
/// RestApi dispatches here after authentication (the inbox routes are FaxInboxApi's).
class FaxApi
{
public:
    /// `faxes` may be null (the server runs without fax): every route then answers 503 fax-disabled.
    explicit FaxApi(FaxService* faxes);

    /// Answers one authenticated request; false (nothing sent) when `path` is not one of these routes.
    bool handle(HttpExchange& ex, const QString& path, const Identity& who);

private:
    void uploadDraft(HttpExchange& ex, const Identity& who);
    void draftRoute(HttpExchange& ex, const Identity& who, qint64 id, const QStringList& rest);
    void sentRoute(HttpExchange& ex, const Identity& who, qint64 id, const QString& action);
    void contacts(HttpExchange& ex, const Identity& who, qint64 id);

    FaxService* m_faxes;
};
