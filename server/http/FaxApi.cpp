#include "FaxApi.h"

#include "DocumentFormat.h"
#include "FaxService.h"
#include "JsonBody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>

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

void notFound(HttpExchange& ex, const QString& what, qint64 id)
{
    error(ex, 404, QStringLiteral("not-found"), QStringLiteral("%1 %2 does not exist.").arg(what).arg(id));
}

// Answers an upload (draft or cover) that did not become whole, as job uploads do (docs/api.md).
void refuseUpload(HttpExchange& ex, const FaxDraftResult& r)
{
    using S = IngestResult::Status;
    switch (r.status) {
    case S::Ok:
    case S::Duplicate:
        return;
    case S::InProgress:
        ex.closeAfterResponse();
        return error(
            ex, 409, QStringLiteral("capture-in-progress"),
            QStringLiteral("This document is still arriving from an earlier attempt. Try again shortly."));
    case S::TooLarge:
        ex.closeAfterResponse();
        return error(ex, 413, QStringLiteral("too-large"), r.error);
    case S::BadDocument: {
        if (r.code == QLatin1String("not-found"))
            return error(ex, 404, r.code, r.error);
        if (r.code == QLatin1String("wrong-state"))
            return error(ex, 409, r.code, r.error);
        return error(ex, 422, r.code, r.error, r.args);
    }
    case S::Aborted:
        ex.closeAfterResponse();
        return error(ex, 400, QStringLiteral("aborted"), r.error);
    case S::ConverterBusy:
        return error(ex, 503, QStringLiteral("converter-busy"), r.error);
    case S::TooManyUploads:
        ex.closeAfterResponse();
        return error(ex, 429, r.code, r.error, r.args);
    case S::StorageError:
        return error(ex, 500, QStringLiteral("storage"), r.error);
    case S::SpoolFull:
        ex.closeAfterResponse();
        return error(ex, 507, QStringLiteral("spool-full"), r.error);
    case S::HoldLimit: // fax drafts have no ceiling of their own: not answered today
        ex.closeAfterResponse();
        return error(ex, 409, QStringLiteral("hold-limit"), r.error, r.args);
    }
}

void answerSend(HttpExchange& ex, const FaxSendResult& r, bool single)
{
    using S = FaxSendResult::Status;
    switch (r.status) {
    case S::Ok:
        if (single)
            return json(ex, 202, {{QStringLiteral("fax"), r.faxes.at(0)}});
        return json(ex, 202, {{QStringLiteral("faxes"), r.faxes}});
    case S::NotFound:
        return error(ex, 404, r.errorCode, r.message);
    case S::WrongState:
        return error(ex, 409, r.errorCode, r.message);
    case S::NoRecipients:
    case S::TooManyRecipients:
        return error(ex, 400, r.errorCode, r.message);
    case S::InvalidNumber:
        return error(ex, 400, r.errorCode, r.message,
                     {{QStringLiteral("number"), r.number}, {QStringLiteral("reason"), r.reason}});
    case S::Gone:
        return error(ex, 410, r.errorCode, r.message);
    case S::Disabled:
        return error(ex, 503, r.errorCode, r.message);
    case S::Failed:
        return error(ex, 500, QStringLiteral("storage"), r.message);
    }
}

QByteArray declaredType(const HttpExchange& ex)
{
    QByteArray type = ex.header("Content-Type");
    const qsizetype semi = type.indexOf(';');
    return (semi < 0 ? type : type.left(semi)).trimmed();
}

} // namespace

FaxApi::FaxApi(FaxService* faxes) : m_faxes(faxes) {}

bool FaxApi::handle(HttpExchange& ex, const QString& path, const Identity& who)
{
    static const QString base = QStringLiteral("/api/v1/fax/");
    if (!path.startsWith(base))
        return false;
    const QStringList parts = path.mid(base.size()).split(QLatin1Char('/'));
    const QString& group = parts.at(0);
    if (group != QLatin1String("settings") && group != QLatin1String("drafts") &&
        group != QLatin1String("sent") && group != QLatin1String("contacts"))
        return false;
    if (!m_faxes) {
        ex.closeAfterResponse();
        error(ex, 503, QStringLiteral("fax-disabled"),
              QStringLiteral("Faxing is not set up on this server."));
        return true;
    }
    if (who.kioskId) {
        ex.closeAfterResponse();
        error(ex, 403, QStringLiteral("forbidden"), QStringLiteral("Kiosks cannot send faxes."));
        return true;
    }
    const QByteArray m = ex.method();
    bool idOk = parts.size() < 2;
    const qint64 id = parts.size() >= 2 ? parts.at(1).toLongLong(&idOk) : 0;
    if (!idOk || id < 0)
        return false;
    if (group == QLatin1String("settings") && parts.size() == 1 && m == "GET") {
        json(ex, 200, m_faxes->settingsJson());
        return true;
    }
    if (group == QLatin1String("drafts")) {
        if (parts.size() == 1 && m == "POST") {
            uploadDraft(ex, who);
            return true;
        }
        if (parts.size() >= 2) {
            draftRoute(ex, who, id, parts.mid(2));
            return ex.responded();
        }
        return false;
    }
    if (group == QLatin1String("sent")) {
        if (parts.size() == 1 && m == "GET") {
            const QUrlQuery q(QString::fromUtf8(ex.query()));
            bool ok = false;
            int limit = q.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok)
                limit = 100;
            json(ex, 200, {{QStringLiteral("faxes"), m_faxes->sentJson(who.user, limit)}});
            return true;
        }
        if (parts.size() == 2 || parts.size() == 3) {
            sentRoute(ex, who, id, parts.value(2));
            return ex.responded();
        }
        return false;
    }
    if (group == QLatin1String("contacts") && parts.size() <= 2) {
        contacts(ex, who, id);
        return ex.responded();
    }
    return false;
}

void FaxApi::uploadDraft(HttpExchange& ex, const Identity& who)
{
    const QUrlQuery q(QString::fromUtf8(ex.query()));
    QString name = q.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    if (name.isEmpty())
        name = QString::fromUtf8(QByteArray::fromPercentEncoding(ex.header("X-Job-Name")));
    if (name.isEmpty())
        name = QStringLiteral("Untitled");
    name = name.left(255);
    const QString type = QString::fromLatin1(declaredType(ex));
    if (!type.isEmpty() && type != QLatin1String("application/octet-stream") &&
        type != QLatin1String("application/pdf") && !DocumentFormat::convertibleMimeTypes().contains(type)) {
        ex.closeAfterResponse();
        QString shortName = type.section(QLatin1Char('/'), 1);
        shortName.remove(QRegularExpression(QStringLiteral("^(x-|vnd\\.)")));
        return error(ex, 415, QStringLiteral("unsupported-format"),
                     DocumentFormat::refusal(DocumentFormat::Kind::Unknown),
                     {{QStringLiteral("format"), shortName.toUpper()}});
    }
    QString captureId = q.queryItemValue(QStringLiteral("captureId"));
    if (captureId.isEmpty())
        captureId = QString::fromLatin1(ex.header("X-Mps-Capture-Id"));
    static const QRegularExpression captureIdSyntax(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!captureId.isEmpty() && !captureIdSyntax.match(captureId).hasMatch()) {
        ex.closeAfterResponse();
        return error(ex, 400, QStringLiteral("bad-capture-id"),
                     QStringLiteral("captureId must be 1 to 64 letters, digits, - or _."));
    }
    const FaxDraftResult r = m_faxes->upload(
        who.user, name, type, [&ex](char* d, qint64 n) { return ex.readBody(d, n); }, captureId);
    if (r.status == IngestResult::Status::Ok)
        return json(ex, 201, {{QStringLiteral("draft"), r.draft}});
    if (r.status == IngestResult::Status::Duplicate) {
        ex.closeAfterResponse();
        return json(ex, 200, {{QStringLiteral("draft"), r.draft}, {QStringLiteral("duplicate"), true}});
    }
    refuseUpload(ex, r);
}

void FaxApi::draftRoute(HttpExchange& ex, const Identity& who, qint64 id, const QStringList& rest)
{
    const QByteArray m = ex.method();
    const QString sub = rest.value(0);
    if (rest.isEmpty() && m == "GET") {
        if (auto d = m_faxes->draftJson(who.user, id))
            return json(ex, 200, {{QStringLiteral("draft"), *d}});
        return notFound(ex, QStringLiteral("Fax draft"), id);
    }
    if (rest.isEmpty() && m == "DELETE") {
        switch (m_faxes->deleteDraft(who.user, id)) {
        case FaxActionResult::Ok:
            return json(ex, 200, {{QStringLiteral("deleted"), id}});
        case FaxActionResult::WrongState:
            return error(ex, 409, QStringLiteral("wrong-state"),
                         QStringLiteral("A fax that was sent cannot be deleted as a draft."));
        default:
            return notFound(ex, QStringLiteral("Fax draft"), id);
        }
    }
    if (sub == QLatin1String("pages") && rest.size() == 2 && m == "GET") {
        bool ok = false;
        const int page = rest.at(1).toInt(&ok);
        const QUrlQuery q(QString::fromUtf8(ex.query()));
        bool widthOk = false;
        int width = q.queryItemValue(QStringLiteral("width")).toInt(&widthOk);
        if (!widthOk)
            width = 200;
        const QByteArray png = ok ? m_faxes->pagePng(who.user, id, page, width) : QByteArray();
        if (png.isEmpty())
            return error(ex, 404, QStringLiteral("not-found"), QStringLiteral("There is no such page."));
        return (void)ex.respond(200, "image/png", png, {{"Cache-Control", "private, max-age=300"}});
    }
    if (sub == QLatin1String("cover") && rest.size() == 1 && m == "PUT") {
        const QByteArray type = declaredType(ex);
        if (!type.isEmpty() && type != "application/pdf" && type != "application/octet-stream") {
            ex.closeAfterResponse();
            return error(ex, 422, QStringLiteral("bad-cover"),
                         QStringLiteral("The cover page must be a PDF of exactly one page."));
        }
        const FaxDraftResult r =
            m_faxes->setCover(who.user, id, [&ex](char* d, qint64 n) { return ex.readBody(d, n); });
        if (r.status == IngestResult::Status::Ok)
            return json(ex, 200, {{QStringLiteral("draft"), r.draft}});
        if (r.status == IngestResult::Status::BadDocument && r.code != QLatin1String("bad-cover"))
            ex.closeAfterResponse(); // refused before its body was read
        return refuseUpload(ex, r);
    }
    if (sub == QLatin1String("cover") && rest.size() == 1 && m == "DELETE") {
        switch (m_faxes->removeCover(who.user, id)) {
        case FaxActionResult::Ok:
            return json(ex, 200, {{QStringLiteral("draft"), *m_faxes->draftJson(who.user, id)}});
        case FaxActionResult::WrongState:
            return error(ex, 409, QStringLiteral("wrong-state"),
                         QStringLiteral("This fax was already sent; its cover cannot change."));
        default:
            return notFound(ex, QStringLiteral("Fax draft"), id);
        }
    }
    if (sub == QLatin1String("send") && rest.size() == 1 && m == "POST") {
        auto body = JsonBody::read(ex);
        if (!body)
            return;
        QList<FaxRecipient> to;
        const QJsonValue list = body->value(QLatin1String("recipients"));
        if (!list.isUndefined() && !list.isArray())
            return error(ex, 400, QStringLiteral("bad-json"), QStringLiteral("recipients must be a list."));
        for (const QJsonValue& v : list.toArray()) {
            const QJsonObject o = v.toObject();
            to.append(
                {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("number")).toString()});
        }
        return answerSend(ex, m_faxes->send(who.user, id, to), false);
    }
}

void FaxApi::sentRoute(HttpExchange& ex, const Identity& who, qint64 id, const QString& action)
{
    const QByteArray m = ex.method();
    if (action.isEmpty() && m == "GET") {
        if (auto f = m_faxes->faxJson(who.user, id))
            return json(ex, 200, {{QStringLiteral("fax"), *f}});
        return notFound(ex, QStringLiteral("Fax"), id);
    }
    if (action == QLatin1String("resend") && m == "POST") {
        auto body = JsonBody::read(ex);
        if (!body)
            return;
        return answerSend(ex, m_faxes->resend(who.user, id, body->value(QLatin1String("number")).toString()),
                          true);
    }
    if (action == QLatin1String("cancel") && m == "POST") {
        switch (m_faxes->cancel(who.user, id)) {
        case FaxActionResult::Ok:
            return json(ex, 200, {{QStringLiteral("fax"), *m_faxes->faxJson(who.user, id)}});
        case FaxActionResult::WrongState:
            return error(ex, 409, QStringLiteral("wrong-state"),
                         QStringLiteral("This fax has already ended."));
        case FaxActionResult::NotFound:
            return notFound(ex, QStringLiteral("Fax"), id);
        default:
            return error(ex, 503, QStringLiteral("gateway-unreachable"),
                         QStringLiteral("The fax may already be at the fax gateway, which does not answer "
                                        "now, so it cannot be cancelled yet. Try again in a few minutes."));
        }
    }
}

void FaxApi::contacts(HttpExchange& ex, const Identity& who, qint64 id)
{
    const QByteArray m = ex.method();
    QJsonObject contact;
    QString code;
    QString reason;
    auto answer = [&](FaxActionResult r, int okStatus) {
        switch (r) {
        case FaxActionResult::Ok:
            return json(ex, okStatus, {{QStringLiteral("contact"), contact}});
        case FaxActionResult::Invalid:
            if (code == QLatin1String("invalid-number"))
                return error(ex, 400, code, QStringLiteral("This is not a fax number this server can dial."),
                             {{QStringLiteral("reason"), reason}});
            return error(ex, 400, code, QStringLiteral("The entry needs a name and a valid scope."));
        case FaxActionResult::Forbidden:
            return error(
                ex, 403, QStringLiteral("forbidden"),
                QStringLiteral("Only its creator, the department's heads and admins can change this entry."));
        case FaxActionResult::NotFound:
            return notFound(ex, QStringLiteral("Contact"), id);
        default:
            return error(ex, 500, QStringLiteral("storage"),
                         QStringLiteral("The entry could not be stored."));
        }
    };
    if (id == 0 && m == "GET") {
        const QUrlQuery q(QString::fromUtf8(ex.query()));
        return json(
            ex, 200,
            {{QStringLiteral("contacts"),
              m_faxes->contactsJson(who.user, q.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded))}});
    }
    if (id == 0 && m == "POST") {
        auto body = JsonBody::read(ex);
        if (!body)
            return;
        return answer(m_faxes->addContact(who.user, *body, &contact, &code, &reason), 201);
    }
    if (id > 0 && m == "PUT") {
        auto body = JsonBody::read(ex);
        if (!body)
            return;
        return answer(m_faxes->updateContact(who.user, id, *body, &contact, &code, &reason), 200);
    }
    if (id > 0 && m == "DELETE") {
        const FaxActionResult r = m_faxes->removeContact(who.user, id);
        if (r == FaxActionResult::Ok)
            return json(ex, 200, {{QStringLiteral("deleted"), id}});
        return answer(r, 200);
    }
}
