#pragma once
#include "Authenticator.h"
#include "HttpServer.h"

#include <QJsonObject>
#include <optional>

class FaxInbox;

/// The receiving part of the fax REST API (docs/fax.md): /api/v1/fax/inbox..., /api/v1/fax/blocked...
/// for users, and POST /api/v1/gateway/fax-received for fax gateways (their own bearer token).
/// Protocol only: the rules are FaxInbox's. RestApi dispatches here.
class FaxInboxApi
{
public:
    explicit FaxInboxApi(FaxInbox& inbox);

    /// Answers the gateway's call (before any user authentication); false (nothing sent) for any other
    /// path.
    bool handleGateway(HttpExchange& ex, const QString& path);
    /// Answers one authenticated user request; false (nothing sent) when `path` is not one of these.
    bool handle(HttpExchange& ex, const QString& path, const Identity& who);

private:
    void faxReceived(HttpExchange& ex);
    void list(HttpExchange& ex, const Identity& who);
    void faxRoute(HttpExchange& ex, const Identity& who, qint64 id, const QStringList& sub);
    void blocked(HttpExchange& ex, const Identity& who, const QString& sub);

    FaxInbox& m_inbox;
};
