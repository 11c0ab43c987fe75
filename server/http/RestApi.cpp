#include "RestApi.h"

#include "DevicesApi.h"

#include "AccountingService.h"
#include "CardNumber.h"
#include "DocumentFormat.h"
#include "EventBus.h"
#include "FaxInboxApi.h"
#include "JobService.h"
#include "JsonBody.h"
#include "Log.h"
#include "OptionSupport.h"
#include "ReleaseQueue.h"
#include "Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrlQuery>
#include <sodium.h>

namespace {
constexpr qint64 MaxJsonBody = 64 * 1024;
constexpr qsizetype MaxFingerprintTemplate = 32 * 1024; // image sensors keep several samples per print

QJsonObject userJson(const UserRecord& u)
{
    QJsonObject o{{QStringLiteral("name"), u.name},
            {QStringLiteral("displayName"), u.shownName()},
            {QStringLiteral("department"), u.department},
            {QStringLiteral("role"), u.role},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("hasCard"), !u.card.isEmpty()},
            {QStringLiteral("hasFingerprint"), u.hasFingerprint}};
    if (u.hasFingerprint && u.fingerprintConsentAt > 0)
        o.insert(QStringLiteral("fingerprintConsentAt"),
                 QDateTime::fromSecsSinceEpoch(u.fingerprintConsentAt, Qt::UTC).toString(Qt::ISODate));
    return o;
}

QJsonObject challengeJson(const FingerprintChallenge& ch)
{
    QJsonArray candidates;
    for (const FingerprintCandidate& f : ch.candidates)
        candidates.append(QJsonObject{{QStringLiteral("user"), f.user},
                                      {QStringLiteral("template"), QString::fromLatin1(f.templ.toBase64())}});
    return {{QStringLiteral("challenge"), ch.challenge},
            {QStringLiteral("expiresIn"), ch.expiresIn},
            {QStringLiteral("candidates"), candidates}};
}
} // namespace

struct RestApi::Call
{
    HttpExchange& ex;
    QString path;
    QByteArray method;
    Identity who;
    bool authed = false;

    void json(int status, const QJsonObject& body)
    {
        ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    void error(int status, const char* code, const QString& message)
    {
        json(status,
             {{QStringLiteral("error"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}});
    }
};

namespace {
/// Answers a refused sign-in the same way on every route (docs/api.md): 401 `invalidCode` with
/// "attemptsLeft", 429 locked with "lockedUntil" and Retry-After, 503 busy with Retry-After. The
/// answer depends only on what was counted for that name from that address or kiosk, never on
/// whether the name exists.
void refuseSignIn(HttpExchange& ex, const AuthOutcome& a, const char* invalidCode)
{
    using S = AuthOutcome::Status;
    const char* code = a.status == S::Locked ? "locked" : a.status == S::Busy ? "sign-in-busy" : invalidCode;
    QJsonObject body{{QStringLiteral("error"), QString::fromLatin1(code)},
                     {QStringLiteral("message"), a.message}};
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    int status = 401;
    if (a.status == S::Locked) {
        status = 429;
        if (a.lockedUntil > 0) {
            body.insert(QStringLiteral("lockedUntil"),
                        QDateTime::fromSecsSinceEpoch(a.lockedUntil, Qt::UTC).toString(Qt::ISODate));
            // "here": sign-in from this address or kiosk only; "account": the account everywhere.
            body.insert(QStringLiteral("lockScope"),
                        a.lockedHere ? QStringLiteral("here") : QStringLiteral("account"));
            const qint64 wait = std::max<qint64>(1, a.lockedUntil - QDateTime::currentSecsSinceEpoch());
            headers.emplace_back("Retry-After", QByteArray::number(wait));
        }
    } else if (a.status == S::Busy) {
        status = 503;
        headers.emplace_back("Retry-After", "1");
    } else if (a.attemptsLeft >= 0) {
        body.insert(QStringLiteral("attemptsLeft"), a.attemptsLeft);
    }
    ex.respond(status, "application/json", QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

QString addressSource(const HttpExchange& ex)
{
    return LoginThrottle::sourceForAddress(ex.peerAddress());
}
} // namespace

RestApi::RestApi(Store& store, JobService& jobs, ReleaseQueue& release, Authenticator& auth, EventBus& events,
                 AccountingService& accounting)
    : m_store(store), m_jobs(jobs), m_release(release), m_auth(auth), m_events(events),
      m_accounting(accounting), m_usage(store, accounting)
{
}

QJsonObject RestApi::pricedJobJson(const JobInfo& job, qint64 printerId)
{
    QHash<QString, QString> shownNames;
    return pricedJobJson(job, m_accounting.ratesNow(printerId), &shownNames);
}

QJsonObject RestApi::pricedJobJson(const JobInfo& job, const RateTable& rates,
                                   QHash<QString, QString>* shownNames)
{
    QJsonObject o = job.toJson();
    auto shown = shownNames->constFind(job.owner);
    if (shown == shownNames->constEnd()) {
        const auto owner = m_store.userByName(job.owner);
        shown = shownNames->insert(job.owner, owner ? owner->shownName() : job.owner);
    }
    o.insert(QStringLiteral("ownerDisplayName"), *shown);
    o.insert(QStringLiteral("cost"), costOf(AccountingService::plannedCounts(job), rates));
    o.insert(QStringLiteral("currency"), m_accounting.settings().currency);
    return o;
}

qint64 RestApi::pricingPrinter(const Call& c)
{
    const QUrlQuery q(QString::fromUtf8(c.ex.query()));
    const QString name = q.queryItemValue(QStringLiteral("printer"), QUrl::FullyDecoded);
    if (!name.isEmpty())
        if (auto p = m_store.printerByName(name))
            return p->id;
    return c.who.kioskPrinterId;
}

std::optional<QJsonObject> RestApi::readJson(Call& c)
{
    return JsonBody::read(c.ex, MaxJsonBody);
}

bool RestApi::requireUser(Call& c)
{
    const AuthOutcome a = m_auth.fromHeaders(c.ex.header("Authorization"), c.ex.header("X-MPS-Device-Token"),
                                             addressSource(c.ex), QStringLiteral("REST Basic"));
    if (!a.ok()) {
        c.ex.closeAfterResponse();
        if (a.status == AuthOutcome::Status::Locked || a.status == AuthOutcome::Status::Busy) {
            refuseSignIn(c.ex, a, "invalid-session");
            return false;
        }
        c.error(401, a.status == AuthOutcome::Status::NoCredentials ? "unauthenticated" : "invalid-session",
                a.message);
        return false;
    }
    c.who = a.identity;
    c.authed = true;
    return true;
}

void RestApi::handle(HttpExchange& ex)
{
    Call c{ex, ex.path(), ex.method(), {}, false};
    const QString p = c.path.endsWith(QLatin1Char('/')) ? c.path.chopped(1) : c.path;
    const QByteArray& m = c.method;
    if (p == QLatin1String("/api/v1/session") && m == "POST")
        return login(c);
    if (p == QLatin1String("/api/v1/session") && m == "DELETE")
        return logout(c);
    if (p == QLatin1String("/api/v1/kiosk/session") && m == "POST")
        return kioskSession(c);
    if (p == QLatin1String("/api/v1/kiosk") && m == "GET")
        return kioskInfo(c);
    if (p == QLatin1String("/api/v1/kiosk/fingerprint/candidates") && m == "GET")
        return kioskFingerprintCandidates(c);
    if (p == QLatin1String("/api/v1/kiosk/events") && m == "GET")
        return kioskEvents(c);
    if (m_faxInbox && m_faxInbox->handleGateway(ex, p)) // a fax gateway's own token, not a user's
        return;
    if (!requireUser(c))
        return;
    if (p == QLatin1String("/api/v1/kiosk/fingerprint") && (m == "PUT" || m == "DELETE"))
        return kioskFingerprint(c);
    if (p == QLatin1String("/api/v1/me/fingerprint") && m == "DELETE")
        return removeMyFingerprint(c);
    if (p == QLatin1String("/api/v1/me") && m == "GET")
        return me(c);
    if (p == QLatin1String("/api/v1/jobs") && m == "GET")
        return listJobs(c);
    if (p == QLatin1String("/api/v1/jobs") && m == "POST")
        return uploadJob(c);
    if (p == QLatin1String("/api/v1/printers") && m == "GET")
        return printers(c);
    if (p == QLatin1String("/api/v1/events") && m == "GET")
        return events(c);
    if ((p.startsWith(QLatin1String("/api/v1/usage/")) || p == QLatin1String("/api/v1/departments")) &&
        m_usage.handle(c.ex, p, c.who))
        return;
    if (m_devicesApi && m_devicesApi->handle(c.ex, p, c.who)) // device monitoring (docs/devices.md)
        return;
    if (m_faxInbox && m_faxInbox->handle(c.ex, p, c.who))
        return;
    // PC-fax (docs/fax.md). The inbox's routes (/fax/inbox, /fax/blocked: FaxInboxApi) go just before this
    // line; FaxApi answers settings, drafts, sent and contacts and declines the rest.
    if (p.startsWith(QLatin1String("/api/v1/fax/")) && m_fax.handle(c.ex, p, c.who))
        return;
    if (p.startsWith(QLatin1String("/api/v1/kiosk/scans")) && m_scan.handle(c.ex, p, c.who)) // docs/scan.md
        return;
    if (p.startsWith(QLatin1String("/api/v1/jobs/"))) {
        const QStringList parts = p.mid(13).split(QLatin1Char('/'));
        bool ok = false;
        const qint64 id = parts.value(0).toLongLong(&ok);
        if (ok && parts.size() <= 2)
            return jobRoute(c, id, parts.value(1));
    }
    c.error(404, "not-found", QStringLiteral("There is no such API resource."));
}

void RestApi::login(Call& c)
{
    auto body = readJson(c);
    if (!body)
        return;
    const QString user = body->value(QLatin1String("username")).toString();
    const QString pass = body->value(QLatin1String("password")).toString();
    if (user.isEmpty() || pass.isEmpty())
        return c.error(400, "missing-credentials", QStringLiteral("Enter your user name and password."));
    const AuthOutcome a = m_auth.checkPassword(user, pass, addressSource(c.ex));
    if (!a.ok())
        return refuseSignIn(c.ex, a, "invalid-credentials");
    const QString token = m_auth.createSession(a.identity.user);
    qCInfo(lcAuth).noquote() << "session opened for" << user;
    c.json(200, {{QStringLiteral("token"), token}, {QStringLiteral("user"), userJson(a.identity.user)}});
}

void RestApi::logout(Call& c)
{
    const QByteArray auth = c.ex.header("Authorization");
    if (auth.startsWith("Bearer "))
        m_auth.endSession(QString::fromLatin1(auth.mid(7).trimmed()));
    m_scan.sessionEnded(); // an open scan of a kiosk session that signs out is destroyed
    c.json(200, {{QStringLiteral("ok"), true}});
}

void RestApi::me(Call& c)
{
    c.json(200, {{QStringLiteral("user"), userJson(c.who.user)}});
}

void RestApi::listJobs(Call& c)
{
    const QUrlQuery q(QString::fromUtf8(c.ex.query()));
    const bool all = q.queryItemValue(QStringLiteral("all")) == QLatin1String("1");
    const bool history = q.queryItemValue(QStringLiteral("history")) == QLatin1String("1");
    // Pages: at most `limit` jobs (1-1000, default 1000), older than job `before`; "more" says whether
    // another page follows, so that no list is cut without saying so.
    constexpr int MaxPage = 1000;
    int limit = MaxPage;
    qint64 before = 0;
    bool ok = true;
    if (q.hasQueryItem(QStringLiteral("limit")))
        limit = q.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > MaxPage)
        return c.error(400, "bad-argument",
                       QStringLiteral("limit is a number of jobs from 1 to %1.").arg(MaxPage));
    if (q.hasQueryItem(QStringLiteral("before")))
        before = q.queryItemValue(QStringLiteral("before")).toLongLong(&ok);
    if (!ok || before < 0)
        return c.error(400, "bad-argument", QStringLiteral("before is a job id."));
    QList<JobInfo> jobs = m_jobs.jobsFor(c.who.user, !history, all, limit + 1, before);
    const bool more = jobs.size() > limit;
    if (more)
        jobs.removeLast();
    QJsonArray arr;
    const RateTable rates = m_accounting.ratesNow(pricingPrinter(c));
    QHash<QString, QString> shownNames;
    for (const JobInfo& j : jobs)
        arr.append(pricedJobJson(j, rates, &shownNames));
    c.json(200, {{QStringLiteral("jobs"), arr}, {QStringLiteral("more"), more}});
}

void RestApi::uploadJob(Call& c)
{
    if (c.who.kioskId)
        return c.error(403, "forbidden", QStringLiteral("Kiosks cannot upload jobs."));
    const QUrlQuery q(QString::fromUtf8(c.ex.query()));
    JobInfo meta;
    meta.name = q.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
    if (meta.name.isEmpty())
        meta.name = QString::fromUtf8(QByteArray::fromPercentEncoding(c.ex.header("X-Job-Name")));
    if (meta.name.isEmpty())
        meta.name = QStringLiteral("Untitled");
    meta.name = meta.name.left(255);
    QByteArray type = c.ex.header("Content-Type");
    type = type.left(type.indexOf(';') < 0 ? type.size() : type.indexOf(';')).trimmed();
    meta.documentFormat = QString::fromLatin1(type);
    if (!meta.documentFormat.isEmpty() && meta.documentFormat != QLatin1String("application/octet-stream") &&
        meta.documentFormat != QLatin1String("application/pdf") &&
        meta.documentFormat != QLatin1String("image/jpeg") &&
        meta.documentFormat != QLatin1String("image/pwg-raster") &&
        meta.documentFormat != QLatin1String("image/urf") &&
        !DocumentFormat::convertibleMimeTypes().contains(meta.documentFormat)) {
        c.ex.closeAfterResponse();
        // The declared type's short name ("application/zip" -> "ZIP") for the apps' own sentence.
        QString shortName = meta.documentFormat.section(QLatin1Char('/'), 1).section(QLatin1Char(';'), 0, 0);
        shortName.remove(QRegularExpression(QStringLiteral("^(x-|vnd\\.)")));
        return c.json(415, {{QStringLiteral("error"), QStringLiteral("unsupported-format")},
                            {QStringLiteral("message"), DocumentFormat::refusal(DocumentFormat::Kind::Unknown)},
                            {QStringLiteral("format"), shortName.toUpper()}});
    }
    QJsonObject opts;
    for (const char* k : {"copies", "sides", "colorMode"}) {
        const QString v = q.queryItemValue(QString::fromLatin1(k));
        if (!v.isEmpty())
            opts.insert(QString::fromLatin1(k),
                        qstrcmp(k, "copies") == 0 ? QJsonValue(v.toInt()) : QJsonValue(v));
    }
    QString err;
    if (!meta.options.mergeJson(opts, &err)) {
        c.ex.closeAfterResponse();
        return c.error(400, "bad-options", err);
    }
    const QString captureId = q.queryItemValue(QStringLiteral("captureId"));
    static const QRegularExpression captureIdSyntax(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!captureId.isEmpty() && !captureIdSyntax.match(captureId).hasMatch()) {
        c.ex.closeAfterResponse();
        return c.error(400, "bad-capture-id",
                       QStringLiteral("captureId must be 1 to 64 letters, digits, - or _."));
    }
    const IngestResult r = m_jobs.ingest(
        c.who.user, meta, [&c](char* d, qint64 n) { return c.ex.readBody(d, n); }, 0, captureId,
        c.ex.bodyBytesAtLeast());
    switch (r.status) {
    case IngestResult::Status::Ok:
        return c.json(201, {{QStringLiteral("job"), pricedJobJson(r.job, pricingPrinter(c))}});
    case IngestResult::Status::Duplicate:
        c.ex.closeAfterResponse();
        return c.json(200, {{QStringLiteral("job"), pricedJobJson(r.job, pricingPrinter(c))},
                            {QStringLiteral("duplicate"), true}});
    case IngestResult::Status::InProgress:
        c.ex.closeAfterResponse();
        return c.error(
            409, "capture-in-progress",
            QStringLiteral("This document is still arriving from an earlier attempt. Try again shortly."));
    case IngestResult::Status::TooLarge:
        c.ex.closeAfterResponse();
        return c.error(413, "too-large", r.error);
    case IngestResult::Status::BadDocument: {
        // A stable code with its arguments at the top level: the apps say it in their own words.
        QJsonObject o = r.args;
        o.insert(QStringLiteral("error"), r.code);
        o.insert(QStringLiteral("message"), r.error);
        return c.json(422, o);
    }
    case IngestResult::Status::Aborted:
        c.ex.closeAfterResponse();
        return c.error(400, "aborted", r.error);
    case IngestResult::Status::ConverterBusy:
        return c.error(503, "converter-busy", r.error);
    case IngestResult::Status::TooManyUploads: {
        // Refused before the body was read: the connection is not reused.
        c.ex.closeAfterResponse();
        QJsonObject o = r.args;
        o.insert(QStringLiteral("error"), r.code);
        o.insert(QStringLiteral("message"), r.error);
        return (void)c.ex.respond(429, "application/json", QJsonDocument(o).toJson(QJsonDocument::Compact),
                                  {{"Retry-After", "5"}});
    }
    case IngestResult::Status::StorageError:
        return c.error(500, "storage", r.error);
    case IngestResult::Status::SpoolFull:
        c.ex.closeAfterResponse(); // refused before the document was read, or part way
        return c.error(507, "spool-full", r.error);
    case IngestResult::Status::HoldLimit: {
        c.ex.closeAfterResponse();
        QJsonObject o = r.args;
        o.insert(QStringLiteral("error"), r.code);
        o.insert(QStringLiteral("message"), r.error);
        return c.json(409, o);
    }
    }
}

void RestApi::jobRoute(Call& c, qint64 id, const QString& sub)
{
    const QByteArray& m = c.method;
    QString err;
    auto fail = [&](JobActionResult r) {
        switch (r) {
        case JobActionResult::Ok:
            return;
        case JobActionResult::NotFound:
            return c.error(404, "not-found", QStringLiteral("Job %1 does not exist.").arg(id));
        case JobActionResult::WrongState:
            return c.error(409, "wrong-state",
                           err.isEmpty() ? QStringLiteral("The job cannot be changed now.") : err);
        case JobActionResult::BadPrinter:
            return c.error(404, "unknown-printer", err);
        case JobActionResult::BadOptions:
            return c.error(400, "bad-options", err);
        case JobActionResult::Failed:
            return c.error(500, "failed", QStringLiteral("The server could not do that. Try again."));
        case JobActionResult::QuotaExceeded:
            return c.error(403, "quota-exceeded", err);
        case JobActionResult::OptionUnsupported:
            return c.error(400, "option-unsupported", err);
        }
    };
    if (sub.isEmpty() && m == "GET") {
        auto j = m_jobs.jobFor(c.who.user, id);
        if (!j)
            return fail(JobActionResult::NotFound);
        return c.json(200, {{QStringLiteral("job"), pricedJobJson(*j, pricingPrinter(c))}});
    }
    if (sub == QLatin1String("thumbnail") && m == "GET") {
        const QByteArray png = m_jobs.thumbnailFor(c.who.user, id);
        // Rendered after the job was acknowledged: 202 until then, and job-changed when it is ready.
        if (png.isEmpty() && m_jobs.thumbnailPending(c.who.user, id))
            return (void)c.ex.respond(
                202, "application/json",
                QJsonDocument(QJsonObject{{QStringLiteral("pending"), true},
                                          {QStringLiteral("message"),
                                           QStringLiteral("The preview of job %1 is being prepared.").arg(id)}})
                    .toJson(QJsonDocument::Compact),
                {{"Retry-After", "2"}});
        if (png.isEmpty())
            return c.error(404, "not-found", QStringLiteral("No preview is available for job %1.").arg(id));
        return (void)c.ex.respond(200, "image/png", png);
    }
    if (sub.isEmpty() && m == "PATCH") {
        auto body = readJson(c);
        if (!body)
            return;
        const JobActionResult r = m_jobs.updateOptions(c.who.user, id, *body, &err);
        if (r != JobActionResult::Ok)
            return fail(r);
        return c.json(
            200, {{QStringLiteral("job"), pricedJobJson(*m_jobs.jobFor(c.who.user, id), pricingPrinter(c))}});
    }
    if (sub.isEmpty() && m == "DELETE") {
        const JobActionResult r = m_jobs.remove(c.who.user, id);
        if (r == JobActionResult::WrongState)
            err = QStringLiteral("This job is being printed or has already ended, so it cannot be deleted.");
        if (r != JobActionResult::Ok)
            return fail(r);
        return c.json(200, {{QStringLiteral("deleted"), id}});
    }
    if (sub == QLatin1String("release") && m == "POST") {
        auto body = readJson(c);
        if (!body)
            return;
        qint64 printerId = 0;
        const QJsonValue pv = body->value(QLatin1String("printer"));
        if (pv.isDouble()) {
            printerId = pv.toInteger();
        } else if (!pv.toString().isEmpty()) {
            auto p = m_store.printerByName(pv.toString());
            if (!p) {
                err = QStringLiteral("There is no printer named %1.").arg(pv.toString());
                return fail(JobActionResult::BadPrinter);
            }
            printerId = p->id;
        }
        if (c.who.kioskId) {
            // A kiosk session releases only at the kiosk's own printer.
            if (printerId && printerId != c.who.kioskPrinterId)
                return c.error(403, "wrong-printer",
                               QStringLiteral("At this kiosk you can print only to its own printer."));
            printerId = c.who.kioskPrinterId;
        }
        if (!printerId) {
            err = QStringLiteral("Choose a printer to release the job to.");
            return fail(JobActionResult::BadPrinter);
        }
        QJsonObject changes;
        for (const char* k : {"copies", "sides", "colorMode"})
            if (body->contains(QLatin1String(k)))
                changes.insert(QLatin1String(k), body->value(QLatin1String(k)));
        QuotaRefusal refusal;
        OptionRefusal unsupported;
        const JobActionResult r =
            m_jobs.release(c.who.user, id, printerId, changes, &err, &refusal, &unsupported);
        if (r == JobActionResult::OptionUnsupported) {
            // The option, the value and what the printer can do: the apps say it in their words.
            QJsonObject o = unsupported.fields();
            o.insert(QStringLiteral("error"), QStringLiteral("option-unsupported"));
            o.insert(QStringLiteral("message"), unsupported.message);
            return c.json(400, o);
        }
        if (r == JobActionResult::QuotaExceeded) {
            // The numbers, so that the apps can say it in the person's language.
            const QJsonObject quota = AccountingService::refusalJson(refusal);
            return c.json(403, {{QStringLiteral("error"), QStringLiteral("quota-exceeded")},
                                {QStringLiteral("message"), refusal.message},
                                {QStringLiteral("quota"), quota}});
        }
        if (r != JobActionResult::Ok)
            return fail(r);
        return c.json(202,
                      {{QStringLiteral("job"), pricedJobJson(*m_jobs.jobFor(c.who.user, id), printerId)}});
    }
    c.error(405, "method-not-allowed", QStringLiteral("That method is not allowed here."));
}

QJsonObject RestApi::printerJson(qint64 printerId, bool withUri)
{
    auto p = m_store.printerById(printerId);
    if (!p)
        return {};
    QJsonObject o = m_release.status(printerId).toJson();
    o.insert(QStringLiteral("id"), p->id);
    o.insert(QStringLiteral("name"), p->name);
    o.insert(QStringLiteral("location"), p->location);
    o.insert(QStringLiteral("faultText"),
             ReleaseQueue::describeFaults(m_release.status(printerId).blockingFaults()));
    if (withUri)
        o.insert(QStringLiteral("uri"), p->uri);
    return o;
}

void RestApi::printers(Call& c)
{
    QJsonArray arr;
    const bool admin = c.who.user.role == QLatin1String("admin");
    for (const PrinterRecord& p : m_store.printers())
        arr.append(printerJson(p.id, admin));
    c.json(200, {{QStringLiteral("printers"), arr}});
}

void RestApi::kioskInfo(Call& c)
{
    auto kiosk = m_auth.kioskForToken(c.ex.header("X-MPS-Device-Token"));
    if (!kiosk)
        return c.error(
            401, "unknown-kiosk",
            QStringLiteral("This kiosk is not registered. Ask the print admin for a device token."));
    c.json(200, {{QStringLiteral("kiosk"), kiosk->name},
                 {QStringLiteral("printer"), printerJson(kiosk->printerId, false)}});
}

void RestApi::kioskSession(Call& c)
{
    // A refused sign-in says how many tries are left ("attemptsLeft", 401) or until when sign-in is
    // locked ("lockedUntil", ISO 8601 UTC, 429): docs/api.md. Counted per kiosk, not per address.
    auto refuse = [&c](const AuthOutcome& a, const char* code) { refuseSignIn(c.ex, a, code); };
    auto kiosk = m_auth.kioskForToken(c.ex.header("X-MPS-Device-Token"));
    if (!kiosk) {
        c.ex.closeAfterResponse();
        return c.error(
            401, "unknown-kiosk",
            QStringLiteral("This kiosk is not registered. Ask the print admin for a device token."));
    }
    auto body = readJson(c);
    if (!body)
        return;
    if (body->contains(QLatin1String("challenge"))) {
        // The kiosk's verdict on a fingerprint challenge (after a card or PIN, or at the sensor alone).
        const QString user = body->value(QLatin1String("user")).toString();
        const QJsonValue match = body->value(QLatin1String("match"));
        const bool sensorFailed = body->value(QLatin1String("sensorFailed")).toBool();
        if (user.isEmpty() || (!match.isBool() && !sensorFailed))
            return c.error(
                400, "missing-credentials",
                QStringLiteral("Touch the sensor again, or sign in with your card or your ID and PIN."));
        using V = Authenticator::Verdict;
        const V verdict = sensorFailed ? V::SensorUnavailable : match.toBool() ? V::Match : V::NoMatch;
        const AuthOutcome a = m_auth.answerChallenge(body->value(QLatin1String("challenge")).toString(),
                                                     kiosk->id, user, verdict);
        switch (a.status) {
        case AuthOutcome::Status::Ok:
            return openKioskSession(c, *kiosk, a.identity.user);
        case AuthOutcome::Status::Locked:
        case AuthOutcome::Status::Busy:
            return refuse(a, "locked");
        case AuthOutcome::Status::Invalid:
            return refuse(a, "no-match");
        default:
            return c.error(401, "invalid-challenge", a.message);
        }
    }
    const QString card = body->value(QLatin1String("card")).toString();
    const QString username = body->value(QLatin1String("username")).toString();
    const QString source = LoginThrottle::sourceForKiosk(kiosk->id);
    AuthOutcome a;
    if (!card.isEmpty() && username.isEmpty()) {
        a = m_auth.checkCard(card, source);
        if (a.status == AuthOutcome::Status::Invalid)
            return c.error(404, "unknown-card", a.message);
    } else if (!username.isEmpty() && body->contains(QLatin1String("pin"))) {
        a = m_auth.checkPin(username, body->value(QLatin1String("pin")).toString(), source);
    } else if (!username.isEmpty() && body->contains(QLatin1String("password"))) {
        // Password sign-in at a kiosk, optionally linking a new card to the account.
        a = m_auth.checkPassword(username, body->value(QLatin1String("password")).toString(), source,
                                 QStringLiteral("kiosk password"));
        if (a.ok() && !card.isEmpty()) {
            const QString normalized = CardNumber::normalize(card);
            QString err;
            if (normalized.isEmpty() || !m_store.setUserCard(a.identity.user.id, normalized, &err))
                return c.error(
                    409, "card-taken",
                    normalized.isEmpty()
                        ? QStringLiteral("The card number could not be read. Tap the card again.")
                        : QStringLiteral(
                              "This card is already linked to another account. Ask the print admin."));
            a.identity.user.card = normalized;
        }
    } else {
        return c.error(400, "missing-credentials",
                       QStringLiteral("Tap your card, or enter your ID and PIN."));
    }
    if (!a.ok())
        return refuse(a, "invalid-credentials");
    // A kiosk with a sensor asks an enrolled user to confirm with their finger before the session opens.
    if (body->value(QLatin1String("fingerprintReader")).toBool()) {
        if (auto ch = m_auth.verifyChallenge(a.identity.user, kiosk->id)) {
            qCInfo(lcAuth).noquote() << "kiosk" << kiosk->name << "asks" << a.identity.user.name
                                     << "for a fingerprint";
            QJsonObject answer = challengeJson(*ch);
            answer.insert(QStringLiteral("verify"), QStringLiteral("fingerprint"));
            answer.insert(QStringLiteral("user"), userJson(a.identity.user));
            return c.json(200, answer);
        }
    }
    openKioskSession(c, *kiosk, a.identity.user);
}

void RestApi::openKioskSession(Call& c, const KioskRecord& kiosk, const UserRecord& user)
{
    const QString token = m_auth.createSession(user, kiosk.id);
    if (token.isEmpty())
        return c.error(500, "failed", QStringLiteral("The server could not open a session. Try again."));
    qCInfo(lcAuth).noquote() << "kiosk" << kiosk.name << "session for" << user.name;
    c.json(200, {{QStringLiteral("token"), token},
                 {QStringLiteral("user"), userJson(user)},
                 {QStringLiteral("printer"), printerJson(kiosk.printerId, false)}});
}

void RestApi::kioskFingerprintCandidates(Call& c)
{
    auto kiosk = m_auth.kioskForToken(c.ex.header("X-MPS-Device-Token"));
    if (!kiosk)
        return c.error(
            401, "unknown-kiosk",
            QStringLiteral("This kiosk is not registered. Ask the print admin for a device token."));
    const FingerprintChallenge ch = m_auth.identifyChallenge(kiosk->id);
    qCDebug(lcAuth).noquote() << "kiosk" << kiosk->name << "identifies among" << ch.candidates.size()
                              << "fingerprint(s)";
    c.json(200, challengeJson(ch));
}

namespace {
/// Turns the exchange into a push stream of the events `userId`/`admin` may see, capped per `key`.
void openEventStream(HttpExchange& ex, EventBus& bus, qint64 userId, bool admin, const QString& key,
                     EventBus::Formatter format)
{
    // A stream holds no thread: the connection becomes a PushStream the EventBus writes to.
    if (!bus.reserveStream(key)) {
        ex.closeAfterResponse();
        (void)ex.respond(503, "application/json",
                           QJsonDocument(QJsonObject{{QStringLiteral("error"), QStringLiteral("too-many-streams")},
                                                     {QStringLiteral("message"),
                                                      QStringLiteral("Too many event streams are open for this "
                                                                     "account. Close some and try again.")}})
                               .toJson(QJsonDocument::Compact),
                           {{"Retry-After", "30"}});
        return;
    }
    // Last-Event-ID (a reconnect): what was missed since; otherwise whatever comes from now on,
    // including events published while the stream opens.
    bool ok = false;
    const quint64 lastSeen = ex.header("Last-Event-ID").trimmed().toULongLong(&ok);
    const quint64 since = ok ? lastSeen : bus.lastEventId();
    auto stream = ex.openPushStream("text/event-stream", ": connected\n\n");
    if (!stream) {
        bus.releaseStream(key);
        return;
    }
    bus.attachStream(userId, admin, key, stream, std::move(format), since);
}
} // namespace

void RestApi::kioskEvents(Call& c)
{
    auto kiosk = m_auth.kioskForToken(c.ex.header("X-MPS-Device-Token"));
    if (!kiosk) {
        c.ex.closeAfterResponse();
        return c.error(401, "unknown-kiosk",
                       QStringLiteral("This kiosk is not registered. Ask the print admin for a device token."));
    }
    // The idle screen looks for enrolled users with held jobs: tell it when held jobs come or go so
    // that someone who printed seconds ago is known at the sensor. Which job and whose is never sent:
    // a kiosk without a session sees nobody's jobs. Its own printer's changes go as they are (issue 10:
    // the device monitor pushes them; the kiosk does not poll).
    const qint64 printerId = kiosk->printerId;
    openEventStream(c.ex, m_events, 0, true, QStringLiteral("kiosk:%1").arg(kiosk->id),
                    [printerId](const EventBus::Event& e) -> QByteArray {
                        const QByteArray type = e.type();
                        if (type == "printer-changed")
                            return e.object().value(QLatin1String("printer"))
                                               .toObject()
                                               .value(QLatin1String("id"))
                                               .toInteger() == printerId
                                       ? e.standard()
                                       : QByteArray();
                        if (type == "job-held" || type == "job-deleted" || type == "job-expired" ||
                            type == "job-releasing" || type == "job-release-failed")
                            return "id: " + QByteArray::number(e.id()) +
                                   "\nevent: candidates-changed\ndata: {}\n\n";
                        return {};
                    });
}

void RestApi::kioskFingerprint(Call& c)
{
    if (!c.who.kioskId)
        return c.error(403, "forbidden", QStringLiteral("Fingerprints are registered at a kiosk."));
    if (c.method == "DELETE")
        return removeMyFingerprint(c);
    auto body = readJson(c);
    if (!body)
        return;
    // Biometric data under PIPA: stored only with the person's explicit consent, recorded with its time.
    if (body->value(QLatin1String("consent")) != QJsonValue(true))
        return c.error(400, "consent-required",
                       QStringLiteral("A fingerprint is registered only with your consent."));
    const QJsonValue value = body->value(QLatin1String("template"));
    auto decoded = QByteArray::fromBase64Encoding(
        value.toString().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    QByteArray& templ = decoded.decoded;
    if (!value.isString() || !decoded || templ.isEmpty() || templ.size() > MaxFingerprintTemplate)
        return c.error(400, "bad-template",
                       QStringLiteral("The fingerprint scan could not be used. Scan your finger again."));
    const qint64 consentAt = QDateTime::currentSecsSinceEpoch();
    const bool stored = m_auth.enrolFingerprint(c.who.user, templ, consentAt);
    sodium_memzero(templ.data(), static_cast<size_t>(templ.size()));
    if (!stored)
        return c.error(500, "failed",
                       QStringLiteral("The server could not register your fingerprint. Try again."));
    UserRecord user = c.who.user;
    user.hasFingerprint = true;
    user.fingerprintConsentAt = consentAt;
    c.json(200, {{QStringLiteral("user"), userJson(user)}});
}

void RestApi::removeMyFingerprint(Call& c)
{
    // Withdrawing consent: the template and the consent time go, from a kiosk or any signed-in app.
    if (!m_auth.removeFingerprint(c.who.user))
        return c.error(500, "failed",
                       QStringLiteral("The server could not remove your fingerprint. Try again."));
    (void)c.ex.respond(204, QByteArray(), QByteArray());
}

void RestApi::events(Call& c)
{
    openEventStream(c.ex, m_events, c.who.user.id, c.who.user.role == QLatin1String("admin"),
                    QStringLiteral("user:%1").arg(c.who.user.id),
                    [](const EventBus::Event& e) { return e.standard(); });
}
