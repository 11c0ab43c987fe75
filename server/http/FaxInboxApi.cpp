#include "FaxInboxApi.h"

#include "FaxInbox.h"
#include "JsonBody.h"
#include "Log.h"
#include "Wiped.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <algorithm>

namespace {
constexpr qint64 MaxJsonBody = 64 * 1024;

void json(HttpExchange& ex, int status, const QJsonObject& body)
{
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void error(HttpExchange& ex, int status, const char* code, const QString& message)
{
    json(ex, status,
         {{QStringLiteral("error"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}});
}

void notFound(HttpExchange& ex, qint64 id)
{
    error(ex, 404, "not-found", QStringLiteral("Fax %1 does not exist.").arg(id));
}

/// Reads a small JSON object body; answers and returns nullopt when it is not one.
std::optional<QJsonObject> readJson(HttpExchange& ex)
{
    return JsonBody::read(ex, MaxJsonBody);
}

/// A gateway header: percent-decoded UTF-8 (the hook encodes names and error texts), trimmed, capped.
QString faxHeader(const HttpExchange& ex, const char* name)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(ex.header(name))).trimmed().left(200);
}
} // namespace

FaxInboxApi::FaxInboxApi(FaxInbox& inbox) : m_inbox(inbox) {}

bool FaxInboxApi::handleGateway(HttpExchange& ex, const QString& path)
{
    if (path != QLatin1String("/api/v1/gateway/fax-received"))
        return false;
    if (ex.method() != "POST") {
        error(ex, 405, "method-not-allowed", QStringLiteral("Use POST."));
        return true;
    }
    faxReceived(ex);
    return true;
}

void FaxInboxApi::faxReceived(HttpExchange& ex)
{
    const QByteArray auth = ex.header("Authorization");
    const std::optional<QString> gateway =
        auth.startsWith("Bearer ") ? m_inbox.gatewayForToken(auth.mid(7).trimmed()) : std::nullopt;
    if (!gateway) {
        ex.closeAfterResponse();
        qCWarning(lcApi).noquote() << "fax-received from" << ex.peerAddress()
                                   << "refused: not a gateway token";
        return error(ex, 401, "invalid-token",
                     QStringLiteral("This is not a fax gateway token (see mps-admin fax gateway-token)."));
    }
    FaxIntake intake;
    intake.gateway = *gateway;
    intake.commid = faxHeader(ex, "X-Mps-Fax-Commid");
    intake.caller = faxHeader(ex, "X-Mps-Fax-Caller");
    intake.callerName = faxHeader(ex, "X-Mps-Fax-Caller-Name");
    intake.did = faxHeader(ex, "X-Mps-Fax-Did");
    intake.error = faxHeader(ex, "X-Mps-Fax-Error");
    if (intake.commid.isEmpty()) {
        ex.closeAfterResponse();
        return error(ex, 400, "bad-request", QStringLiteral("X-Mps-Fax-Commid is missing."));
    }
    QByteArray tiff;
    const WipeBytesOnExit wipeTiff(tiff);
    // Room for all of it at once when its length is told; one of untold length grows by doubling, and
    // each buffer it leaves (the fax's pages) is wiped (appendWiping).
    tiff.reserve(
        static_cast<qsizetype>(std::min<qint64>(ex.bodyBytesAtLeast(), m_inbox.settings().maxTiffBytes)));
    char buf[64 * 1024];
    const WipeOnExit wipeBuf(buf, sizeof buf);
    for (;;) {
        const qint64 n = ex.readBody(buf, sizeof buf);
        if (n < 0) {
            ex.closeAfterResponse();
            return error(ex, 400, "aborted", QStringLiteral("The fax upload broke off."));
        }
        if (n == 0)
            break;
        appendWiping(tiff, buf, static_cast<qsizetype>(n));
        if (tiff.size() > m_inbox.settings().maxTiffBytes) {
            ex.closeAfterResponse();
            return error(ex, 413, "too-large", QStringLiteral("The fax is too large."));
        }
    }
    const FaxIntakeResult r = m_inbox.receive(intake, tiff);
    switch (r.status) {
    case FaxIntakeResult::Status::Stored:
        return json(ex, 201,
                    {{QStringLiteral("id"), r.id},
                     {QStringLiteral("routedTo"), r.routedTo},
                     {QStringLiteral("routedBy"), r.routedBy}});
    case FaxIntakeResult::Status::Duplicate:
        return json(ex, 200, {{QStringLiteral("duplicate"), true}});
    case FaxIntakeResult::Status::Blocked:
        return json(ex, 200, {{QStringLiteral("blocked"), true}});
    case FaxIntakeResult::Status::BadDocument:
        return error(ex, 422, "bad-document", r.error);
    case FaxIntakeResult::Status::StorageError:
        return error(ex, 500, "storage", r.error);
    }
}

bool FaxInboxApi::handle(HttpExchange& ex, const QString& path, const Identity& who)
{
    const bool inbox =
        path == QLatin1String("/api/v1/fax/inbox") || path.startsWith(QLatin1String("/api/v1/fax/inbox/"));
    const bool blocks = path == QLatin1String("/api/v1/fax/blocked") ||
                        path.startsWith(QLatin1String("/api/v1/fax/blocked/"));
    if (!inbox && !blocks)
        return false;
    if (who.kioskId) {
        error(ex, 403, "forbidden", QStringLiteral("Received faxes cannot be opened at a kiosk."));
        return true;
    }
    if (blocks) {
        blocked(ex, who, path.mid(static_cast<int>(qstrlen("/api/v1/fax/blocked/"))));
        return true;
    }
    if (path == QLatin1String("/api/v1/fax/inbox")) {
        if (ex.method() == "GET")
            list(ex, who);
        else
            error(ex, 405, "method-not-allowed", QStringLiteral("Use GET."));
        return true;
    }
    const QStringList parts =
        path.mid(static_cast<int>(qstrlen("/api/v1/fax/inbox/"))).split(QLatin1Char('/'));
    bool ok = false;
    const qint64 id = parts.value(0).toLongLong(&ok);
    if (!ok || parts.size() > 3)
        return false;
    faxRoute(ex, who, id, parts.mid(1));
    return true;
}

void FaxInboxApi::list(HttpExchange& ex, const Identity& who)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    const bool unread = q.queryItemValue(QStringLiteral("unread")) == QLatin1String("1");
    bool ok = false;
    int limit = q.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit <= 0)
        limit = 100;
    QJsonArray faxes;
    for (const FaxInboxRecord& f : m_inbox.list(who.user, unread, limit))
        faxes.append(m_inbox.toJson(f));
    json(ex, 200, {{QStringLiteral("faxes"), faxes}});
}

void FaxInboxApi::faxRoute(HttpExchange& ex, const Identity& who, qint64 id, const QStringList& sub)
{
    const QByteArray m = ex.method();
    const QString what = sub.value(0);
    auto fail = [&](FaxInboxResult r) {
        switch (r) {
        case FaxInboxResult::Ok:
            return;
        case FaxInboxResult::NotFound:
            return notFound(ex, id);
        case FaxInboxResult::Invalid:
            return error(ex, 400, "bad-request", QStringLiteral("The request does not fit this fax."));
        case FaxInboxResult::Forbidden:
            return error(ex, 403, "forbidden", QStringLiteral("Only administrators may do this."));
        case FaxInboxResult::Failed:
            return error(ex, 500, "storage", QStringLiteral("The fax could not be read. Try again later."));
        }
    };
    if (sub.isEmpty() && m == "GET") {
        auto fax = m_inbox.faxFor(who.user, id);
        return fax ? json(ex, 200, {{QStringLiteral("fax"), m_inbox.toJson(*fax)}}) : notFound(ex, id);
    }
    if (sub.isEmpty() && m == "DELETE") {
        const FaxInboxResult r = m_inbox.remove(who.user, id);
        return r == FaxInboxResult::Ok ? json(ex, 200, {{QStringLiteral("deleted"), id}}) : fail(r);
    }
    if (what == QLatin1String("pdf") && sub.size() == 1 && m == "GET") {
        QByteArray pdf;
        const WipeBytesOnExit wipePdf(pdf);
        const FaxInboxResult r = m_inbox.pdf(who.user, id, &pdf);
        if (r != FaxInboxResult::Ok)
            return fail(r);
        ex.respond(200, "application/pdf", pdf,
                   {{"Content-Disposition",
                     QByteArray("inline; filename=\"fax-") + QByteArray::number(id) + ".pdf\""},
                    {"Cache-Control", "no-store"}});
        return;
    }
    if (what == QLatin1String("pages") && sub.size() == 2 && m == "GET") {
        bool ok = false;
        const int page = sub.value(1).toInt(&ok);
        const QUrlQuery q(QString::fromUtf8(ex.query()));
        const QString w = q.queryItemValue(QStringLiteral("width"));
        const int width = w.isEmpty() ? 200 : w.toInt();
        if (!m_inbox.faxFor(who.user, id))
            return notFound(ex, id);
        if (!ok || width < 64 || width > 1700)
            return error(ex, 400, "bad-request",
                         QStringLiteral("Give a page number and a width from 64 to 1700."));
        QByteArray png;
        const WipeBytesOnExit wipePng(png);
        const FaxInboxResult r = m_inbox.pagePng(who.user, id, page, width, &png);
        if (r == FaxInboxResult::Invalid)
            return error(ex, 404, "not-found", QStringLiteral("Fax %1 has no page %2.").arg(id).arg(page));
        if (r != FaxInboxResult::Ok)
            return fail(r);
        ex.respond(200, "image/png", png, {{"Cache-Control", "no-store"}});
        return;
    }
    if (sub.size() != 1 || m != "POST")
        return error(ex, 404, "not-found", QStringLiteral("There is no such API resource."));
    if (what == QLatin1String("read")) {
        auto body = readJson(ex);
        if (!body)
            return;
        FaxInboxRecord fax;
        const FaxInboxResult r =
            m_inbox.setRead(who.user, id, body->value(QLatin1String("read")).toBool(true), &fax);
        return r == FaxInboxResult::Ok ? json(ex, 200, {{QStringLiteral("fax"), m_inbox.toJson(fax)}})
                                       : fail(r);
    }
    if (what == QLatin1String("print")) {
        const IngestResult r = m_inbox.print(who.user, id);
        switch (r.status) {
        case IngestResult::Status::Ok:
        case IngestResult::Status::Duplicate: {
            QJsonObject job = r.job.toJson();
            job.insert(QStringLiteral("ownerDisplayName"), who.user.shownName());
            return json(ex, 201, {{QStringLiteral("job"), job}});
        }
        case IngestResult::Status::BadDocument:
            if (r.code == QLatin1String("not-found"))
                return notFound(ex, id);
            return error(ex, 422, r.code.toLatin1().constData(), r.error);
        case IngestResult::Status::ConverterBusy:
            return error(ex, 503, "converter-busy", r.error);
        case IngestResult::Status::SpoolFull:
            return error(ex, 507, "spool-full", r.error);
        case IngestResult::Status::HoldLimit:
            return error(ex, 409, "hold-limit", r.error);
        case IngestResult::Status::TooManyUploads:
            return error(ex, 429, "too-many-uploads", r.error);
        default:
            return error(ex, 500, "storage",
                         r.error.isEmpty() ? QStringLiteral("The fax could not be printed.") : r.error);
        }
    }
    if (what == QLatin1String("forward")) {
        auto body = readJson(ex);
        if (!body)
            return;
        QJsonObject answer;
        const int status =
            m_inbox.forward(who.user, id, body->value(QLatin1String("recipients")).toArray(), &answer);
        return json(ex, status, answer);
    }
    if (what == QLatin1String("block")) {
        FaxBlock block;
        const FaxInboxResult r = m_inbox.blockSender(who.user, id, &block);
        if (r == FaxInboxResult::Invalid)
            return error(ex, 400, "no-sender",
                         QStringLiteral("This fax has neither a caller number nor a sender ID."));
        return r == FaxInboxResult::Ok
                   ? json(ex, 200, {{QStringLiteral("blocked"), FaxInbox::blockJson(block)}})
                   : fail(r);
    }
    error(ex, 404, "not-found", QStringLiteral("There is no such API resource."));
}

void FaxInboxApi::blocked(HttpExchange& ex, const Identity& who, const QString& sub)
{
    const QByteArray m = ex.method();
    if (sub.isEmpty() && m == "GET") {
        QJsonArray out;
        for (const FaxBlock& b : m_inbox.blocked(who.user))
            out.append(FaxInbox::blockJson(b));
        return json(ex, 200, {{QStringLiteral("blocked"), out}});
    }
    if (sub.isEmpty() && m == "POST") {
        auto body = readJson(ex);
        if (!body)
            return;
        const QString scope = body->value(QLatin1String("scope")).toString(QStringLiteral("personal"));
        if (scope != QLatin1String("personal") && scope != QLatin1String("global"))
            return error(ex, 400, "bad-request", QStringLiteral("scope is personal or global."));
        FaxBlock block;
        const FaxInboxResult r = m_inbox.addBlock(who.user, body->value(QLatin1String("number")).toString(),
                                                  body->value(QLatin1String("tsi")).toString(),
                                                  scope == QLatin1String("global"), &block);
        switch (r) {
        case FaxInboxResult::Ok:
            return json(ex, 201, {{QStringLiteral("blocked"), FaxInbox::blockJson(block)}});
        case FaxInboxResult::Invalid:
            return error(ex, 400, "bad-request",
                         QStringLiteral("Give a fax number or a sender ID (TSI) to block."));
        case FaxInboxResult::Forbidden:
            return error(ex, 403, "forbidden",
                         QStringLiteral("Only administrators may block senders for everyone."));
        default:
            return error(ex, 500, "storage", QStringLiteral("The block could not be stored."));
        }
    }
    bool ok = false;
    const qint64 id = sub.toLongLong(&ok);
    if (ok && m == "DELETE") {
        const FaxInboxResult r = m_inbox.removeBlock(who.user, id);
        if (r == FaxInboxResult::Ok)
            return json(ex, 200, {{QStringLiteral("deleted"), id}});
        return error(ex, r == FaxInboxResult::NotFound ? 404 : 500,
                     r == FaxInboxResult::NotFound ? "not-found" : "storage",
                     QStringLiteral("Block %1 does not exist.").arg(id));
    }
    error(ex, 404, "not-found", QStringLiteral("There is no such API resource."));
}
