#include "IppEndpoint.h"

#include "DocumentFormat.h"
#include "IppSectionScanner.h"
#include "JobService.h"
#include "Log.h"
#include "RefusalLog.h"
#include "Store.h"

#include <QDateTime>
#include <QSet>
#include <QUrl>
#include <cups/cups.h>

namespace {

// Reads exactly what ippReadIO asks for from the HTTP body (ippReadIO expects full reads).
constexpr qint64 SmallRequestBytes = 64 * 1024;
constexpr qint64 DrainBeforeChallengeBytes = 64 * 1024 * 1024;

// The request body as the handlers read it: the attribute section, already read and checked against
// the limits, then whatever of the document was read with it, then the rest from the connection.
struct BodyReader
{
    HttpExchange* ex = nullptr;
    QByteArray section; ///< the attribute section followed by the first bytes of the document
    qint64 pos = 0;     ///< the next byte of `section` to hand out
    qint64 sectionEnd = 0;
    bool failed = false;

    /// Reads up to `max` document bytes (after the attribute section).
    qint64 readDocument(char* data, qint64 max)
    {
        if (pos < section.size()) {
            const qint64 n = std::min<qint64>(max, section.size() - pos);
            memcpy(data, section.constData() + pos, static_cast<size_t>(n));
            pos += n;
            return n;
        }
        return ex->readBody(data, max);
    }
};

// Feeds the checked attribute section to ippReadIO (which expects full reads), never past its end.
ssize_t readIppBytes(void* ctx, ipp_uchar_t* buffer, size_t bytes)
{
    auto* r = static_cast<BodyReader*>(ctx);
    const qint64 n = std::min<qint64>(static_cast<qint64>(bytes), r->sectionEnd - r->pos);
    if (n <= 0)
        return 0;
    memcpy(buffer, r->section.constData() + r->pos, static_cast<size_t>(n));
    r->pos += n;
    return static_cast<ssize_t>(n);
}

// Refused input from clients that may not have signed in: rate-limited per source address.
RefusalLog& refusalLog()
{
    static RefusalLog log(lcIpp(), RefusalLog::inputWording());
    return log;
}

// An IPP response with only a status, for a request whose attributes were not parsed.
QByteArray statusOnlyResponse(int version, int requestId, ipp_status_t status, const char* message)
{
    ipp_t* response = ippNew();
    ippSetVersion(response, std::clamp(version / 10, 1, 2), version / 10 >= 1 ? version % 10 : 1);
    ippSetStatusCode(response, status);
    ippSetRequestId(response, requestId > 0 ? requestId : 1);
    ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_CHARSET, "attributes-charset", nullptr, "utf-8");
    ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_LANGUAGE, "attributes-natural-language", nullptr, "en");
    ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_TEXT, "status-message", nullptr, message);
    QByteArray out;
    ippSetState(response, IPP_STATE_IDLE);
    (void)ippWriteIO(
        &out,
        [](void* ctx, ipp_uchar_t* buffer, size_t bytes) -> ssize_t {
            static_cast<QByteArray*>(ctx)->append(reinterpret_cast<const char*>(buffer),
                                                  static_cast<qsizetype>(bytes));
            return static_cast<ssize_t>(bytes);
        },
        1, nullptr, response);
    ippDelete(response);
    return out;
}

struct ResponseWriter
{
    QByteArray out;
};

ssize_t writeIppBytes(void* ctx, ipp_uchar_t* buffer, size_t bytes)
{
    static_cast<ResponseWriter*>(ctx)->out.append(reinterpret_cast<const char*>(buffer),
                                                  static_cast<qsizetype>(bytes));
    return static_cast<ssize_t>(bytes);
}

// ippCopyAttributes filter: keep attributes named in the requested array (null = all).
int filterRequested(void* context, ipp_t*, ipp_attribute_t* attr)
{
    auto* ra = static_cast<cups_array_t*>(context);
    const char* name = ippGetName(attr);
    return name && (!ra || cupsArrayFind(ra, const_cast<char*>(name)));
}

// The job attributes a Print-Job, Create-Job or Send-Document response carries (RFC 8011 4.2.1.2): the
// job's identity and state. The client asks Get-Job-Attributes for more; a full description here costs
// every client time to read and check it (ipptool validated 24 attributes per job, 1.7 ms of its CPU).
int filterJobStatus(void*, ipp_t*, ipp_attribute_t* attr)
{
    static constexpr const char* Names[] = {"job-id", "job-uri", "job-state", "job-state-reasons",
                                            "job-state-message"};
    const char* name = ippGetName(attr);
    if (!name)
        return 0;
    for (const char* n : Names)
        if (strcmp(name, n) == 0)
            return 1;
    return 0;
}

int compareNames(void* a, void* b, void*)
{
    return strcmp(static_cast<const char*>(a), static_cast<const char*>(b));
}

QString opString(ipp_t* ipp, const char* name, ipp_tag_t group = IPP_TAG_OPERATION)
{
    ipp_attribute_t* a = ippFindAttribute(ipp, name, IPP_TAG_ZERO);
    if (!a || ippGetGroupTag(a) != group)
        return {};
    const char* s = ippGetString(a, 0, nullptr);
    return s ? QString::fromUtf8(s) : QString();
}

// Puts the operation attributes before every other group. A status-message added after an
// unsupported-attributes or job group would otherwise be written as a second operation group, and
// libcups (ippReadIO) refuses a response whose groups are out of order. Found by fuzz_ipp_request:
// an unsupported job-hold-until with a document that is not a valid PDF.
// Returns `response` as it is, or deletes it and returns the reordered copy.
ipp_t* operationGroupFirst(ipp_t* response)
{
    bool otherGroupSeen = false;
    bool outOfOrder = false;
    for (ipp_attribute_t* a = ippFirstAttribute(response); a && !outOfOrder; a = ippNextAttribute(response)) {
        const ipp_tag_t group = ippGetGroupTag(a);
        if (group == IPP_TAG_OPERATION)
            outOfOrder = otherGroupSeen;
        else
            otherGroupSeen = true;
    }
    if (!outOfOrder)
        return response;
    ipp_t* ordered = ippNew();
    int minor = 0;
    const int major = ippGetVersion(response, &minor);
    ippSetVersion(ordered, major, minor);
    ippSetStatusCode(ordered, ippGetStatusCode(response));
    ippSetRequestId(ordered, ippGetRequestId(response));
    for (ipp_attribute_t* a = ippFirstAttribute(response); a; a = ippNextAttribute(response))
        if (ippGetGroupTag(a) == IPP_TAG_OPERATION)
            ippCopyAttribute(ordered, a, 0);
    for (ipp_attribute_t* a = ippFirstAttribute(response); a; a = ippNextAttribute(response)) {
        if (ippGetGroupTag(a) == IPP_TAG_OPERATION)
            continue;
        if (!ippGetName(a))
            ippAddSeparator(ordered); // between two groups of the same kind (two jobs)
        else
            ippCopyAttribute(ordered, a, 0);
    }
    ippDelete(response);
    return ordered;
}

} // namespace

struct IppEndpoint::Request
{
    HttpExchange& ex;
    ipp_t* request = nullptr;
    ipp_t* response = nullptr;
    BodyReader body;
    Identity identity;
    bool authed = false;
    bool needAuth = false; ///< answer with HTTP 401 instead of an IPP response
    QString printerUri;

    explicit Request(HttpExchange& e) : ex(e) { body.ex = &e; }
    ~Request()
    {
        ippDelete(request);
        ippDelete(response);
    }
    void status(ipp_status_t st, const QString& message = QString())
    {
        ippSetStatusCode(response, st);
        if (!message.isEmpty()) {
            ippAddString(response, IPP_TAG_OPERATION, IPP_TAG_TEXT, "status-message", nullptr,
                         message.toUtf8().constData());
            response = operationGroupFirst(response);
        }
    }
};

IppEndpoint::IppEndpoint(Store& store, JobService& jobs, Authenticator& auth,
                         IppAttributes::PrinterIdentity identity, QStringList trustedUserHosts)
    : m_store(store), m_jobs(jobs), m_auth(auth), m_identity(std::move(identity)),
      m_trustedHosts(std::move(trustedUserHosts)),
      m_printerAttrs(IppAttributes::buildPrinterAttributes(m_identity)), m_startTime(time(nullptr))
{
}

IppEndpoint::~IppEndpoint()
{
    ippDelete(m_printerAttrs);
}

void IppEndpoint::setLimits(const Limits& limits)
{
    // Room for any real request's attributes, whatever the configuration says.
    m_limits.maxAttributeBytes = std::max<qint64>(4096, limits.maxAttributeBytes);
    m_limits.maxAttributes = std::max(64, limits.maxAttributes);
}

void IppEndpoint::flushLog(qint64 now)
{
    refusalLog().flush(now);
}

quint64 IppEndpoint::refusalLinesWritten()
{
    return refusalLog().linesWritten();
}

std::optional<HttpHeadAnswer> IppEndpoint::answerBeforeBody(const HttpExchange& ex) const
{
    // A large upload without credentials that waits for "100 Continue": ask for credentials now, before
    // the client sends the document (libcups then resends with them). Small requests such as
    // Get-Printer-Attributes go on without credentials. The server asks this before it reads any of the
    // body ahead (HttpHeadCheck): once "100 Continue" is sent, libcups takes a 401 that arrives while it
    // is still sending for a failure of the request and sends it again without credentials, for ever.
    if (ex.method() != "POST" || !ex.header("Content-Type").startsWith("application/ipp"))
        return std::nullopt;
    const bool large = ex.header("Transfer-Encoding").contains("chunked") ||
                       ex.header("Content-Length").toLongLong() > SmallRequestBytes;
    if (large && ex.header("Expect").toLower() == "100-continue" && ex.header("Authorization").isEmpty() &&
        !m_trustedHosts.contains(ex.peerAddress()))
        return HttpHeadAnswer{401,
                              "text/plain",
                              "Authentication required.\n",
                              {{"WWW-Authenticate", "Basic realm=\"MPS\", charset=\"UTF-8\""}}};
    return std::nullopt;
}

void IppEndpoint::handle(HttpExchange& ex)
{
    if (ex.method() != "POST") {
        if (ex.method() == "GET" || ex.method() == "HEAD") {
            ex.respond(200, "text/plain; charset=utf-8",
                       "MPS Secure Print: send IPP requests to this address (ipps://.../ipp/print).\n");
            return;
        }
        ex.respond(405, "text/plain", "Use POST with Content-Type application/ipp.\n",
                   {{"Allow", "GET, HEAD, POST"}});
        return;
    }
    if (!ex.header("Content-Type").startsWith("application/ipp")) {
        ex.closeAfterResponse();
        ex.respond(415, "text/plain", "IPP requests must have Content-Type application/ipp.\n");
        return;
    }
    if (std::optional<HttpHeadAnswer> a = answerBeforeBody(ex)) {
        ex.closeAfterResponse();
        ex.respond(a->status, a->contentType, a->body, a->headers);
        return;
    }
    Request r(ex);
    // The attribute section is read and checked against the limits before libcups parses it and before
    // the sender is authenticated: never more than maxAttributeBytes are read for it.
    IppSectionScanner scanner(m_limits.maxAttributeBytes, m_limits.maxAttributes);
    IppSectionScanner::State scanned = scanner.scan(r.body.section);
    while (scanned == IppSectionScanner::State::NeedMore) {
        // Reads of 4 KiB, then as much as the section already holds, up to 64 KiB: a request of a few
        // hundred bytes (most are) takes one read into 4 KiB. The room grows to at least twice what it
        // was (QByteArray::reserve allocates exactly: a body that arrives a few bytes at a time would
        // otherwise reallocate and copy what it holds at every read).
        const qsizetype had = r.body.section.size();
        const qint64 room = m_limits.maxAttributeBytes - had;
        const qint64 want = std::min<qint64>({64 * 1024, room, std::max<qint64>(4096, had)});
        if (r.body.section.capacity() < had + want)
            r.body.section.reserve(std::min<qsizetype>(
                static_cast<qsizetype>(m_limits.maxAttributeBytes),
                std::max<qsizetype>(had + static_cast<qsizetype>(want), 2 * r.body.section.capacity())));
        r.body.section.resize(had + static_cast<qsizetype>(want));
        const qint64 n = ex.readBody(r.body.section.data() + had, want);
        r.body.section.resize(had + static_cast<qsizetype>(std::max<qint64>(0, n)));
        if (n <= 0) {
            r.body.failed = n < 0;
            break;
        }
        scanned = scanner.scan(r.body.section);
    }
    auto detail = [&] {
        return QStringLiteral("content-length %1, transfer-encoding %2, read failed %3")
            .arg(QString::fromLatin1(ex.header("Content-Length")),
                 QString::fromLatin1(ex.header("Transfer-Encoding")), r.body.failed ? "yes" : "no");
    };
    if (scanned == IppSectionScanner::State::TooLarge || scanned == IppSectionScanner::State::TooMany) {
        const bool tooMany = scanned == IppSectionScanner::State::TooMany;
        refusalLog().refused(ex.peerAddress(),
                             tooMany ? QStringLiteral("IPP request with too many attributes")
                                     : QStringLiteral("IPP request with an oversized attribute section"),
                             detail(), QDateTime::currentSecsSinceEpoch());
        // An IPP answer (RFC 8011 client-error-request-entity-too-large) that libcups clients show as
        // such; the rest of the body is never read, so the connection closes.
        const QByteArray message = tooMany
                                       ? QStringLiteral("The request has more than %1 attributes.")
                                             .arg(m_limits.maxAttributes)
                                             .toUtf8()
                                       : QStringLiteral("The request's attributes are larger than %1 KiB.")
                                             .arg(m_limits.maxAttributeBytes / 1024)
                                             .toUtf8();
        ex.closeAfterResponse();
        ex.respond(200, "application/ipp",
                   statusOnlyResponse(scanner.version(), scanner.requestId(), IPP_STATUS_ERROR_REQUEST_ENTITY,
                                      message.constData()));
        return;
    }
    r.body.sectionEnd = scanner.sectionSize();
    r.request = ippNew();
    const ipp_state_t st = scanned == IppSectionScanner::State::Complete
                               ? ippReadIO(&r.body, readIppBytes, 1, nullptr, r.request)
                               : IPP_STATE_ERROR;
    if (st != IPP_STATE_DATA || r.body.pos != r.body.sectionEnd) {
        refusalLog().refused(ex.peerAddress(), QStringLiteral("malformed IPP request"), detail(),
                             QDateTime::currentSecsSinceEpoch());
        ex.closeAfterResponse();
        ex.respond(400, "text/plain", "Malformed IPP request.\n");
        return;
    }
    r.response = ippNewResponse(r.request);
    r.printerUri = IppAttributes::printerUri(m_identity, ex.isTls());
    process(r);
    if (r.needAuth) {
        // The client reads the answer only after sending its whole body: drop the document (up to a
        // limit) so that it sees the 401 and retries with credentials; beyond that, close.
        if (!ex.discardBody(DrainBeforeChallengeBytes))
            ex.closeAfterResponse();
        ex.respond(401, "text/plain", "Authentication required.\n",
                   {{"WWW-Authenticate", "Basic realm=\"MPS\", charset=\"UTF-8\""}});
        return;
    }
    respond(r);
}

void IppEndpoint::respond(Request& r)
{
    ResponseWriter w;
    ippSetState(r.response, IPP_STATE_IDLE);
    if (ippWriteIO(&w, writeIppBytes, 1, nullptr, r.response) != IPP_STATE_DATA) {
        r.ex.respond(500, "text/plain", "Cannot encode the IPP response.\n");
        return;
    }
    r.ex.respond(200, "application/ipp", w.out);
}

bool IppEndpoint::authenticate(Request& r, bool required)
{
    const AuthOutcome a =
        m_auth.fromHeaders(r.ex.header("Authorization"), QByteArray(),
                           LoginThrottle::sourceForAddress(r.ex.peerAddress()), QStringLiteral("IPP Basic"));
    if (a.ok() && a.identity.kioskId == 0) {
        r.identity = a.identity;
        r.authed = true;
        return true;
    }
    // Too many failures from this address (or for this name from it): refused without a check, the
    // same for every name. Busy: every password-check slot stayed taken; the client retries.
    if (a.status == AuthOutcome::Status::Locked) {
        r.status(IPP_STATUS_ERROR_NOT_AUTHORIZED, a.message);
        return false;
    }
    if (a.status == AuthOutcome::Status::Busy) {
        r.status(IPP_STATUS_ERROR_BUSY, a.message);
        return false;
    }
    // A managed print server an admin listed may vouch for its users by requesting-user-name.
    if (a.status == AuthOutcome::Status::NoCredentials && m_trustedHosts.contains(r.ex.peerAddress())) {
        const QString user = opString(r.request, "requesting-user-name");
        if (auto u = m_store.userByName(user); u && !u->disabled) {
            r.identity.user = *u;
            r.identity.viaTrustedHost = true;
            r.authed = true;
            return true;
        }
        // An unknown name from a trusted host falls through to a password challenge.
    }
    if (!required)
        return false;
    r.needAuth = true;
    return false;
}

void IppEndpoint::process(Request& r)
{
    int minor = 0;
    const int major = ippGetVersion(r.request, &minor);
    if (major < 1 || major > 2) {
        r.status(IPP_STATUS_ERROR_VERSION_NOT_SUPPORTED,
                 QStringLiteral("Unsupported IPP version %1.%2.").arg(major).arg(minor));
        return;
    }
    if (ippGetRequestId(r.request) <= 0) {
        r.status(IPP_STATUS_ERROR_BAD_REQUEST,
                 QStringLiteral("Bad request-id %1.").arg(ippGetRequestId(r.request)));
        return;
    }
    // RFC 8011 4.1.4: the first two operation attributes are the charset and the natural language.
    ipp_attribute_t* first = ippFirstAttribute(r.request);
    ipp_attribute_t* second = ippNextAttribute(r.request);
    const char* n1 = first ? ippGetName(first) : nullptr;
    const char* n2 = second ? ippGetName(second) : nullptr;
    if (!n1 || qstrcmp(n1, "attributes-charset") != 0 || ippGetValueTag(first) != IPP_TAG_CHARSET ||
        ippGetGroupTag(first) != IPP_TAG_OPERATION || !n2 ||
        qstrcmp(n2, "attributes-natural-language") != 0 || ippGetValueTag(second) != IPP_TAG_LANGUAGE ||
        ippGetGroupTag(second) != IPP_TAG_OPERATION) {
        r.status(IPP_STATUS_ERROR_BAD_REQUEST,
                 QStringLiteral(
                     "The first attributes must be attributes-charset and attributes-natural-language."));
        return;
    }
    const char* charset = ippGetString(first, 0, nullptr);
    if (!charset || (qstricmp(charset, "utf-8") != 0 && qstricmp(charset, "us-ascii") != 0)) {
        r.status(IPP_STATUS_ERROR_CHARSET, QStringLiteral("Only utf-8 is supported."));
        return;
    }
    ipp_attribute_t* uri = ippFindAttribute(r.request, "printer-uri", IPP_TAG_URI);
    ipp_attribute_t* juri = ippFindAttribute(r.request, "job-uri", IPP_TAG_URI);
    if ((!uri || ippGetGroupTag(uri) != IPP_TAG_OPERATION) &&
        (!juri || ippGetGroupTag(juri) != IPP_TAG_OPERATION)) {
        r.status(IPP_STATUS_ERROR_BAD_REQUEST, QStringLiteral("Missing printer-uri or job-uri."));
        return;
    }
    if (uri) {
        char scheme[32], userpass[256], host[256], resource[256];
        int port = 0;
        if (httpSeparateURI(HTTP_URI_CODING_ALL, ippGetString(uri, 0, nullptr), scheme, sizeof scheme,
                            userpass, sizeof userpass, host, sizeof host, &port, resource,
                            sizeof resource) < HTTP_URI_STATUS_OK ||
            qstrcmp(resource, "/ipp/print") != 0) {
            r.status(IPP_STATUS_ERROR_NOT_FOUND, QStringLiteral("printer-uri does not name this printer."));
            return;
        }
    }
    r.status(IPP_STATUS_OK);
    switch (ippGetOperation(r.request)) {
    case IPP_OP_GET_PRINTER_ATTRIBUTES:
        getPrinterAttributes(r);
        break;
    case IPP_OP_IDENTIFY_PRINTER:
        break;
    case IPP_OP_PRINT_JOB:
        printJob(r);
        break;
    case IPP_OP_VALIDATE_JOB:
        validateJob(r);
        break;
    case IPP_OP_CREATE_JOB:
        createJob(r);
        break;
    case IPP_OP_SEND_DOCUMENT:
        sendDocument(r);
        break;
    case IPP_OP_CANCEL_JOB:
        cancelJob(r);
        break;
    case IPP_OP_GET_JOB_ATTRIBUTES:
        getJobAttributes(r);
        break;
    case IPP_OP_GET_JOBS:
        getJobs(r);
        break;
    case IPP_OP_HOLD_JOB:
    case IPP_OP_RELEASE_JOB:
        holdOrReleaseJob(r);
        break;
    case IPP_OP_CANCEL_MY_JOBS:
        cancelMyJobs(r);
        break;
    case IPP_OP_CLOSE_JOB:
        closeJob(r);
        break;
    default:
        r.status(IPP_STATUS_ERROR_OPERATION_NOT_SUPPORTED,
                 QStringLiteral("Operation %1 is not supported.")
                     .arg(QString::fromUtf8(ippOpString(ippGetOperation(r.request)))));
    }
}

void IppEndpoint::getPrinterAttributes(Request& r)
{
    cups_array_t* ra = ippCreateRequestedArray(r.request);
    // Answer with the caller's own job count when known, without asking for credentials.
    (void)authenticate(r, false);
    const int queued = r.authed ? m_jobs.activeJobCount(r.identity.user) : 0;
    ipp_t* dynamic = ippNew();
    IppAttributes::addPrinterState(dynamic, queued, m_startTime, m_startTime);
    ippCopyAttributes(r.response, m_printerAttrs, 1, filterRequested, ra);
    ippCopyAttributes(r.response, dynamic, 0, filterRequested, ra);
    ippDelete(dynamic);
    cupsArrayDelete(ra);
}

bool IppEndpoint::validateJobTemplate(Request& r, JobInfo* meta, bool withDocumentFormat)
{
    ipp_t* unsupported = nullptr;
    auto reject = [&](ipp_attribute_t* attr) {
        if (!unsupported)
            unsupported = ippNew();
        ippCopyAttribute(unsupported, attr, 0);
    };
    if (ipp_attribute_t* c = ippFindAttribute(r.request, "compression", IPP_TAG_ZERO)) {
        const char* v = ippGetString(c, 0, nullptr);
        if (ippGetCount(c) != 1 || ippGetValueTag(c) != IPP_TAG_KEYWORD || !v || qstrcmp(v, "none") != 0) {
            r.status(IPP_STATUS_ERROR_COMPRESSION_NOT_SUPPORTED,
                     QStringLiteral("Only compression none is supported."));
            ippAddString(r.response, IPP_TAG_UNSUPPORTED_GROUP, IPP_TAG_KEYWORD, "compression", nullptr,
                         v ? v : "");
            return false;
        }
    }
    if (withDocumentFormat) {
        const QString fmt = opString(r.request, "document-format");
        if (!fmt.isEmpty() && !IppAttributes::supportedFormats().contains(fmt)) {
            r.status(IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED,
                     DocumentFormat::refusal(DocumentFormat::Kind::Unknown));
            ippAddString(r.response, IPP_TAG_UNSUPPORTED_GROUP, IPP_TAG_MIMETYPE, "document-format", nullptr,
                         fmt.toUtf8().constData());
            return false;
        }
        meta->documentFormat = fmt.isEmpty() ? QStringLiteral("application/octet-stream") : fmt;
    }
    QString name = opString(r.request, "job-name");
    if (name.isEmpty())
        name = opString(r.request, "document-name");
    meta->name = name.isEmpty() ? QStringLiteral("Untitled") : name.left(255);
    for (ipp_attribute_t* a = ippFirstAttribute(r.request); a; a = ippNextAttribute(r.request)) {
        if (ippGetGroupTag(a) != IPP_TAG_JOB || !ippGetName(a))
            continue;
        const QByteArray n = ippGetName(a);
        if (n == "copies") {
            const int c = ippGetInteger(a, 0);
            if (ippGetValueTag(a) != IPP_TAG_INTEGER || ippGetCount(a) != 1 || c < 1 || c > 999)
                reject(a);
            else
                meta->options.copies = c;
        } else if (n == "sides") {
            const QString s = QString::fromUtf8(ippGetString(a, 0, nullptr));
            if (s != QLatin1String("one-sided") && s != QLatin1String("two-sided-long-edge") &&
                s != QLatin1String("two-sided-short-edge"))
                reject(a);
            else
                meta->options.sides = s;
        } else if (n == "print-color-mode") {
            const QString m = QString::fromUtf8(ippGetString(a, 0, nullptr));
            if (m == QLatin1String("monochrome") || m == QLatin1String("process-monochrome") ||
                m == QLatin1String("bi-level") || m == QLatin1String("auto-monochrome"))
                meta->options.colorMode = QStringLiteral("monochrome");
            else if (m == QLatin1String("color") || m == QLatin1String("auto"))
                meta->options.colorMode = m;
            else
                reject(a);
        } else if (n == "job-hold-until") {
            const char* v = ippGetString(a, 0, nullptr);
            if (!v || (qstrcmp(v, "no-hold") != 0 && qstrcmp(v, "indefinite") != 0))
                reject(a);
        }
    }
    if (unsupported) {
        const bool fidelity =
            ippGetBoolean(ippFindAttribute(r.request, "ipp-attribute-fidelity", IPP_TAG_BOOLEAN), 0);
        ippCopyAttributes(r.response, unsupported, 0, nullptr, nullptr);
        for (ipp_attribute_t* a = ippFirstAttribute(r.response); a; a = ippNextAttribute(r.response))
            if (ippFindAttribute(unsupported, ippGetName(a), IPP_TAG_ZERO) &&
                ippGetGroupTag(a) == IPP_TAG_JOB)
                ippSetGroupTag(r.response, &a, IPP_TAG_UNSUPPORTED_GROUP);
        ippDelete(unsupported);
        if (fidelity) {
            r.status(IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES,
                     QStringLiteral("Some job attributes are not supported."));
            return false;
        }
        r.status(IPP_STATUS_OK_IGNORED_OR_SUBSTITUTED);
    }
    return true;
}

bool IppEndpoint::ingestInto(Request& r, JobInfo meta, qint64 jobId)
{
    const IngestResult res = m_jobs.ingest(
        r.identity.user, meta, [&r](char* data, qint64 max) { return r.body.readDocument(data, max); }, jobId,
        QString(), std::max<qint64>(0, r.ex.bodyBytesAtLeast() - r.body.sectionEnd));
    switch (res.status) {
    case IngestResult::Status::Ok:
        addJobStatus(r, res.job);
        return true;
    case IngestResult::Status::TooLarge:
        r.ex.closeAfterResponse();
        r.status(IPP_STATUS_ERROR_REQUEST_ENTITY, res.error);
        return false;
    case IngestResult::Status::BadDocument:
        // A format nothing here prints is "not supported"; a broken or protected one is a format error.
        if (res.code == QLatin1String("encrypted-document"))
            r.status(IPP_STATUS_ERROR_DOCUMENT_PASSWORD, res.error);
        else
            r.status(res.code == QLatin1String("unsupported-format") ||
                             res.code == QLatin1String("hwp-unsupported")
                         ? IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED
                         : IPP_STATUS_ERROR_DOCUMENT_FORMAT_ERROR,
                     res.error);
        return false;
    case IngestResult::Status::ConverterBusy:
        r.status(IPP_STATUS_ERROR_BUSY, res.error);
        return false;
    case IngestResult::Status::TooManyUploads:
        // "Busy": a desktop's cupsd keeps the job and sends it again later.
        r.ex.closeAfterResponse();
        r.status(IPP_STATUS_ERROR_BUSY, res.error);
        return false;
    case IngestResult::Status::Aborted:
        r.ex.closeAfterResponse();
        r.status(IPP_STATUS_ERROR_BAD_REQUEST, res.error);
        return false;
    case IngestResult::Status::SpoolFull:
        // "Busy": an IPP client (a desktop's cupsd among them) keeps the job and tries again later.
        r.ex.closeAfterResponse();
        r.status(IPP_STATUS_ERROR_BUSY, res.error);
        return false;
    case IngestResult::Status::HoldLimit:
        r.ex.closeAfterResponse();
        r.status(IPP_STATUS_ERROR_NOT_POSSIBLE, res.error);
        return false;
    case IngestResult::Status::StorageError:
    case IngestResult::Status::Duplicate: // IPP uploads carry no capture id
    case IngestResult::Status::InProgress:
        r.status(IPP_STATUS_ERROR_INTERNAL, res.error);
        return false;
    }
    return false;
}

void IppEndpoint::addJobAttributes(Request& r, const JobInfo& job, cups_array_t* requested)
{
    ipp_t* attrs = IppAttributes::buildJobAttributes(job, r.printerUri, m_startTime);
    ippCopyAttributes(r.response, attrs, 0, requested ? filterRequested : nullptr, requested);
    ippDelete(attrs);
}

void IppEndpoint::addJobStatus(Request& r, const JobInfo& job)
{
    ipp_t* attrs = IppAttributes::buildJobAttributes(job, r.printerUri, m_startTime);
    ippCopyAttributes(r.response, attrs, 0, filterJobStatus, nullptr);
    ippDelete(attrs);
}

void IppEndpoint::printJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    JobInfo meta;
    if (!validateJobTemplate(r, &meta, true))
        return;
    const ipp_status_t keep = ippGetStatusCode(r.response);
    if (ingestInto(r, meta, 0))
        ippSetStatusCode(r.response, keep);
}

void IppEndpoint::validateJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    JobInfo meta;
    (void)validateJobTemplate(r, &meta, true);
}

void IppEndpoint::createJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    JobInfo meta;
    if (!validateJobTemplate(r, &meta, false))
        return;
    meta.documentFormat = QStringLiteral("application/octet-stream");
    // A document that would be refused whatever it is (spool full, the person at the ceiling) is refused
    // here already: CUPS's ipp backend then waits 10 s before it tries again; after a refused
    // Send-Document it starts again at once, a new job every few milliseconds.
    if (const std::optional<IngestResult> refused = m_jobs.refusalBeforeDocument(r.identity.user)) {
        r.status(refused->status == IngestResult::Status::SpoolFull ? IPP_STATUS_ERROR_BUSY
                                                                    : IPP_STATUS_ERROR_NOT_POSSIBLE,
                 refused->error);
        return;
    }
    const qint64 id = m_jobs.createJob(r.identity.user, meta);
    if (!id) {
        r.status(IPP_STATUS_ERROR_INTERNAL,
                 QStringLiteral("The server could not create the job. Try again later."));
        return;
    }
    meta.id = id;
    meta.owner = r.identity.user.name;
    meta.state = JobState::Receiving;
    meta.submitted = QDateTime::currentDateTimeUtc();
    addJobStatus(r, meta);
}

std::optional<JobInfo> IppEndpoint::targetJob(Request& r)
{
    int id = 0;
    if (ipp_attribute_t* a = ippFindAttribute(r.request, "job-id", IPP_TAG_INTEGER)) {
        id = ippGetInteger(a, 0);
    } else if (ipp_attribute_t* u = ippFindAttribute(r.request, "job-uri", IPP_TAG_URI)) {
        const QString s = QString::fromUtf8(ippGetString(u, 0, nullptr));
        id = s.section(QLatin1Char('/'), -1).toInt();
    } else {
        r.status(IPP_STATUS_ERROR_BAD_REQUEST, QStringLiteral("Missing job-id."));
        return std::nullopt;
    }
    auto j = m_store.job(id);
    // Another user's job looks exactly like a job that does not exist.
    if (!j || j->ownerId != r.identity.user.id) {
        r.status(IPP_STATUS_ERROR_NOT_FOUND, QStringLiteral("Job #%1 does not exist.").arg(id));
        return std::nullopt;
    }
    return j->info;
}

void IppEndpoint::sendDocument(Request& r)
{
    if (!authenticate(r, true))
        return;
    auto job = targetJob(r);
    if (!job)
        return;
    if (job->state != JobState::Receiving) {
        r.status(IPP_STATUS_ERROR_NOT_POSSIBLE,
                 QStringLiteral("Job #%1 already has its document.").arg(job->id));
        return;
    }
    ipp_attribute_t* last = ippFindAttribute(r.request, "last-document", IPP_TAG_ZERO);
    if (!last || ippGetValueTag(last) != IPP_TAG_BOOLEAN || ippGetCount(last) != 1 ||
        ippGetGroupTag(last) != IPP_TAG_OPERATION) {
        r.status(IPP_STATUS_ERROR_BAD_REQUEST, QStringLiteral("Missing or bad last-document."));
        return;
    }
    if (!ippGetBoolean(last, 0)) {
        r.status(IPP_STATUS_ERROR_MULTIPLE_JOBS_NOT_SUPPORTED,
                 QStringLiteral("Only one document per job is supported."));
        return;
    }
    JobInfo meta = *job;
    if (!validateJobTemplate(r, &meta, true))
        return;
    if (opString(r.request, "job-name").isEmpty())
        meta.name = job->name;
    const ipp_status_t keep = ippGetStatusCode(r.response);
    if (ingestInto(r, meta, job->id))
        ippSetStatusCode(r.response, keep);
}

void IppEndpoint::cancelJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    auto job = targetJob(r);
    if (!job)
        return;
    if (job->state != JobState::Held && job->state != JobState::Receiving) {
        r.status(IPP_STATUS_ERROR_NOT_POSSIBLE, QStringLiteral("Job #%1 is %2 and cannot be canceled.")
                                                    .arg(job->id)
                                                    .arg(jobStateName(job->state)));
        return;
    }
    if (m_jobs.remove(r.identity.user, job->id, QStringLiteral("Canceled over IPP")) != JobActionResult::Ok)
        r.status(IPP_STATUS_ERROR_NOT_POSSIBLE,
                 QStringLiteral("Job #%1 cannot be canceled now.").arg(job->id));
}

void IppEndpoint::getJobAttributes(Request& r)
{
    if (!authenticate(r, true))
        return;
    auto job = targetJob(r);
    if (!job)
        return;
    cups_array_t* ra = ippCreateRequestedArray(r.request);
    addJobAttributes(r, *job, ra);
    cupsArrayDelete(ra);
}

void IppEndpoint::getJobs(Request& r)
{
    if (!authenticate(r, true))
        return;
    const QString which = opString(r.request, "which-jobs");
    bool completed = false, all = false;
    if (which.isEmpty() || which == QLatin1String("not-completed"))
        completed = false;
    else if (which == QLatin1String("completed"))
        completed = true;
    else if (which == QLatin1String("all"))
        all = true;
    else {
        r.status(IPP_STATUS_ERROR_ATTRIBUTES_OR_VALUES,
                 QStringLiteral("which-jobs %1 is not supported.").arg(which));
        ippAddString(r.response, IPP_TAG_UNSUPPORTED_GROUP, IPP_TAG_KEYWORD, "which-jobs", nullptr,
                     which.toUtf8().constData());
        return;
    }
    int limit = 1000;
    if (ipp_attribute_t* l = ippFindAttribute(r.request, "limit", IPP_TAG_INTEGER))
        limit = std::max(1, ippGetInteger(l, 0));
    cups_array_t* ra = ippCreateRequestedArray(r.request);
    // Default attributes are job-id and job-uri (RFC 8011 4.2.6).
    if (!ippFindAttribute(r.request, "requested-attributes", IPP_TAG_KEYWORD)) {
        cupsArrayDelete(ra);
        ra = cupsArrayNew(compareNames, nullptr);
        cupsArrayAdd(ra, const_cast<char*>("job-id"));
        cupsArrayAdd(ra, const_cast<char*>("job-uri"));
    }
    // job-ids (PWG 5100.11) picks jobs by id whatever their state.
    QSet<int> ids;
    if (ipp_attribute_t* a = ippFindAttribute(r.request, "job-ids", IPP_TAG_INTEGER))
        for (int i = 0; i < ippGetCount(a); ++i)
            ids.insert(ippGetInteger(a, i));
    // Everyone sees only their own jobs here, whatever my-jobs says.
    int count = 0;
    for (const JobInfo& j : m_jobs.jobsFor(r.identity.user, false)) {
        const bool isDone =
            j.state == JobState::Printed || j.state == JobState::Deleted || j.state == JobState::Expired;
        if (!ids.isEmpty()) {
            if (!ids.contains(static_cast<int>(j.id)))
                continue;
        } else if (!all && isDone != completed) {
            continue;
        }
        if (count++ >= limit)
            break;
        if (count > 1)
            ippAddSeparator(r.response);
        addJobAttributes(r, j, ra);
    }
    cupsArrayDelete(ra);
}

void IppEndpoint::holdOrReleaseJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    auto job = targetJob(r);
    if (!job)
        return;
    if (job->state != JobState::Held) {
        r.status(IPP_STATUS_ERROR_NOT_POSSIBLE, QStringLiteral("Job #%1 is not held.").arg(job->id));
        return;
    }
    // Every job here stays held until its owner releases it at an MFP; Hold-Job and Release-Job
    // keep it that way (no MFP is named in an IPP release).
    r.status(IPP_STATUS_OK, QStringLiteral("The job is held for secure release: release it at an MFP with "
                                           "your card, PIN or the MPS app."));
}

void IppEndpoint::cancelMyJobs(Request& r)
{
    if (!authenticate(r, true))
        return;
    for (const JobInfo& j : m_jobs.jobsFor(r.identity.user, true, false, JobService::AllJobs))
        if (j.state == JobState::Held)
            (void)m_jobs.remove(r.identity.user, j.id, QStringLiteral("Canceled over IPP"));
}

void IppEndpoint::closeJob(Request& r)
{
    if (!authenticate(r, true))
        return;
    auto job = targetJob(r);
    if (!job)
        return;
    if (job->state == JobState::Receiving) {
        m_jobs.abandonJob(job->id);
        r.status(IPP_STATUS_OK, QStringLiteral("Job #%1 had no document and was dropped.").arg(job->id));
    }
}
