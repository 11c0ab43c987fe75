#include "ScanApi.h"

#include "JsonBody.h"
#include "ScanService.h"

#include <QJsonDocument>

namespace {

void json(HttpExchange& ex, int status, const QJsonObject& body)
{
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void error(HttpExchange& ex, int status, const QString& code, const QString& message, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("error"), code);
    extra.insert(QStringLiteral("message"), message);
    json(ex, status, extra);
}

int statusOf(ScanResult::Status s)
{
    using S = ScanResult::Status;
    switch (s) {
    case S::Ok:
        return 200;
    case S::NotFound:
        return 404;
    case S::NoEmail:
    case S::NoPages:
    case S::WrongState:
        return 409;
    case S::MailDisabled:
        return 503;
    case S::TooLarge:
        return 413;
    case S::UnsupportedFormat:
        return 415;
    case S::BadImage:
        return 422;
    case S::BadRequest:
        return 400;
    case S::SpoolFull:
        return 507;
    case S::StorageError:
        break;
    }
    return 500;
}

// Answers a scan call: `okStatus` with {"scan"} or the refusal (413 with maxBytes).
void answer(HttpExchange& ex, const ScanResult& r, int okStatus, qint64 maxBytes)
{
    if (r.status == ScanResult::Status::Ok)
        return json(ex, okStatus, {{QStringLiteral("scan"), r.scan}});
    QJsonObject extra;
    if (r.status == ScanResult::Status::TooLarge)
        extra.insert(QStringLiteral("maxBytes"), maxBytes);
    error(ex, statusOf(r.status), r.code, r.message, extra);
}

QByteArray declaredType(const HttpExchange& ex)
{
    QByteArray type = ex.header("Content-Type");
    const qsizetype semi = type.indexOf(';');
    return (semi < 0 ? type : type.left(semi)).trimmed().toLower();
}

} // namespace

ScanApi::ScanApi(ScanService* scans) : m_scans(scans) {}

void ScanApi::sessionEnded()
{
    if (m_scans)
        m_scans->wake();
}

bool ScanApi::handle(HttpExchange& ex, const QString& path, const Identity& who)
{
    static const QString base = QStringLiteral("/api/v1/kiosk/scans");
    if (path != base && !path.startsWith(base + QLatin1Char('/')))
        return false;
    const QStringList parts = path.mid(base.size() + 1).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray m = ex.method();
    if (!who.kioskId) {
        ex.closeAfterResponse();
        error(ex, 403, QStringLiteral("forbidden"), QStringLiteral("Scanning to e-mail is done at a kiosk."));
        return true;
    }
    if (!m_scans) {
        ex.closeAfterResponse();
        error(ex, 503, QStringLiteral("mail-disabled"),
              QStringLiteral("Scan to e-mail is not set up on this server."));
        return true;
    }
    ScanCaller caller;
    caller.user = who.user;
    caller.kioskId = who.kioskId;
    caller.printerId = who.kioskPrinterId;
    const QByteArray auth = ex.header("Authorization").trimmed();
    caller.sessionHash = Authenticator::hashToken(auth.mid(7).trimmed());
    const qint64 maxBytes = m_scans->maxBytes();

    if (parts.isEmpty()) {
        if (m != "POST")
            return false;
        auto body = JsonBody::read(ex, 64 * 1024);
        if (!body)
            return true;
        // Only these fields are read: there is no field for an address (the scan goes to the user's own).
        const QJsonValue res = body->value(QLatin1String("resolution"));
        answer(ex,
               m_scans->create(caller, body->value(QLatin1String("fileName")).toString(),
                               body->value(QLatin1String("mode")).toString(),
                               res.isDouble() ? res.toInt() : res.toString().toInt()),
               201, maxBytes);
        return true;
    }
    bool idOk = false;
    const qint64 id = parts.at(0).toLongLong(&idOk);
    if (!idOk || id <= 0 || parts.size() > 3)
        return false;
    if (parts.size() == 1) {
        if (m == "GET") {
            answer(ex, m_scans->get(caller, id), 200, maxBytes);
            return true;
        }
        if (m == "DELETE") {
            const ScanResult r = m_scans->discard(caller, id);
            if (r.status == ScanResult::Status::Ok)
                (void)ex.respond(204, QByteArray(), QByteArray());
            else
                answer(ex, r, 204, maxBytes);
            return true;
        }
        return false;
    }
    if (parts.size() == 2 && parts.at(1) == QLatin1String("send") && m == "POST") {
        // A body, if any, is not read: nothing in it could choose another address.
        if (ex.hasBody() && !ex.discardBody(64 * 1024))
            ex.closeAfterResponse();
        answer(ex, m_scans->send(caller, id), 202, maxBytes);
        return true;
    }
    if (parts.size() == 3 && parts.at(1) == QLatin1String("pages")) {
        bool numberOk = false;
        const int number = parts.at(2).toInt(&numberOk);
        if (!numberOk)
            return false;
        if (m == "PUT") {
            const ScanResult r = m_scans->putPage(
                caller, id, number, declaredType(ex), [&ex](char* d, qint64 n) { return ex.readBody(d, n); },
                ex.bodyBytesAtLeast());
            // A refusal before the whole page was read leaves the rest of it on the connection.
            if (r.status != ScanResult::Status::Ok && r.status != ScanResult::Status::BadImage)
                ex.closeAfterResponse();
            answer(ex, r, 200, maxBytes);
            return true;
        }
        if (m == "DELETE") {
            answer(ex, m_scans->removePage(caller, id, number), 200, maxBytes);
            return true;
        }
    }
    return false;
}
