// Fuzzes the IPP endpoint (server/ipp/IppEndpoint, IppAttributes): an IPP request as it arrives at
// /ipp/print, decoded by libcups' ippReadIO from the HTTP body, checked (version, request-id,
// charset, printer-uri), mapped to our job options (validateJobTemplate) and answered; Print-Job and
// Send-Document documents go through the real ingest (inspection, encryption into the spool, the
// database). The server parts are real ones on a temporary directory: Store (SQLCipher), Spool,
// JobService, Authenticator.
// Input: one flags byte, then the HTTP body (IPP message, then any document). Flags: bit 0 makes the
// client a trusted host (requesting-user-name "kim" is believed, so job operations are reached
// without a password check), bits 1-3 the body piece size, bit 4 plain HTTP instead of TLS.
// Oracles: a response is always sent; a 200 response is a well-formed IPP response with the request's
// request-id.
#include "Authenticator.h"
#include "DocumentInspector.h"
#include "EventBus.h"
#include "FuzzExchange.h"
#include "FuzzSupport.h"
#include "IppEndpoint.h"
#include "JobService.h"
#include "SecretKey.h"
#include "Spool.h"
#include "Store.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace {

/// A whole server-side set-up on a temporary directory, remade now and then so that held jobs do not
/// pile up over millions of runs.
struct Fixture
{
    QTemporaryDir dir;
    Store store;
    Spool spool;
    EventBus events;
    SystemClock clock;
    SecretKey kek = SecretKey::random();
    SecretKey dbKey = SecretKey::random();
    std::unique_ptr<JobService> jobs;
    std::unique_ptr<Authenticator> auth;
    std::unique_ptr<IppEndpoint> trusting;   // trusts 127.0.0.1's requesting-user-name
    std::unique_ptr<IppEndpoint> untrusting; // asks everyone for a password
    UserRecord kim;

    bool init()
    {
        QString err;
        if (!dir.isValid() || !store.open(dir.filePath(QStringLiteral("mps.db")), dbKey) ||
            !spool.open(dir.filePath(QStringLiteral("spool")), &err))
            return false;
        JobService::Settings js;
        js.maxDocumentBytes = 256 * 1024;
        jobs = std::make_unique<JobService>(store, spool, kek, events, clock, js);
        Authenticator::Settings as;
        as.passwordChecks = 1;
        auth = std::make_unique<Authenticator>(store, clock, as, SecretKey::random());
        kim.name = QStringLiteral("kim");
        kim.department = QStringLiteral("Finance");
        if (!store.addUser(&kim, &err))
            return false;
        IppAttributes::PrinterIdentity id;
        id.host = QStringLiteral("localhost");
        id.port = 8631;
        id.plainAllowed = true;
        id.uuid = QStringLiteral("urn:uuid:6a1f3c2e-0000-4000-8000-000000000001");
        trusting =
            std::make_unique<IppEndpoint>(store, *jobs, *auth, id, QStringList{QStringLiteral("127.0.0.1")});
        untrusting = std::make_unique<IppEndpoint>(store, *jobs, *auth, id, QStringList{});
        return true;
    }
};

std::unique_ptr<Fixture> g_fixture;
int g_runs = 0;
const bool g_verbose = qEnvironmentVariableIsSet("MPS_FUZZ_VERBOSE"); // what each input was answered

void remakeFixture()
{
    g_fixture.reset();
    g_fixture = std::make_unique<Fixture>();
    if (!g_fixture->init()) {
        fprintf(stderr, "fuzz_ipp_request: cannot set up the store and spool\n");
        abort();
    }
}

struct BufferReader
{
    const QByteArray* bytes;
    qsizetype at = 0;
};

ssize_t readBuffer(void* ctx, ipp_uchar_t* buffer, size_t bytes)
{
    auto* r = static_cast<BufferReader*>(ctx);
    const qsizetype n = std::min<qsizetype>(static_cast<qsizetype>(bytes), r->bytes->size() - r->at);
    std::memcpy(buffer, r->bytes->constData() + r->at, static_cast<size_t>(n));
    r->at += n;
    return n;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static int args = 1;
    static char name[] = "fuzz_ipp_request";
    static char* names[] = {name, nullptr};
    new QGuiApplication(args, names);
    if (!initCrypto())
        abort();
    remakeFixture();
    // libFuzzer ends with exit(): the fixture (and its thumbnail thread) must go before the libraries'
    // globals do (seen as SEGVs at exit under -runs=0 in ~QPDF and in Qt's PNG writer), as the
    // standalone driver's MpsFuzzCleanup call does. Those globals are made on first use: one page is
    // rendered here first, so that they exist before this handler is registered and are destroyed
    // after it runs.
    {
        QBuffer pdf;
        pdf.open(QIODevice::ReadWrite);
        {
            QPdfWriter writer(&pdf);
            QPainter painter(&writer);
            painter.drawText(100, 100, QStringLiteral("warm-up"));
        }
        DocumentInspector::render(&pdf, QStringLiteral("application/pdf"), 595, 842, RenderBudget{});
        DocumentInspector::placeholderPng(595, 842);
    }
    // Each input also waits for its thumbnail work (LLVMFuzzerTestOneInput), so no thread of the
    // fixture runs when exit() destroys statics (session 28: a fork child's SEGV at exit, the
    // thumbnail thread still matching with a regex that had been destroyed).
    std::atexit([] { g_fixture.reset(); });
    return 0;
}

/// Called by the standalone driver (FuzzDriver.cpp) before exit: stops the thumbnail thread while
/// Poppler's globals still exist (seen as a segfault at exit in one run of eight).
extern "C" void MpsFuzzCleanup()
{
    g_fixture.reset();
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    if (++g_runs % 2000 == 0)
        remakeFixture();
    const std::uint8_t flags = data[0];
    FuzzExchange ex;
    ex.m_method = "POST";
    ex.m_path = QStringLiteral("/ipp/print");
    ex.m_headers = {{"Content-Type", "application/ipp"}};
    ex.m_body = FuzzSupport::bytes(data + 1, size - 1);
    ex.m_headers.append({"Content-Length", QByteArray::number(ex.m_body.size())});
    static const qint64 pieces[] = {1, 2, 3, 7, 64, 1000, 4096, 65536};
    ex.m_pieceBytes = pieces[(flags >> 1) & 7];
    ex.m_tls = (flags & 0x10) == 0;

    IppEndpoint& endpoint = (flags & 1) ? *g_fixture->trusting : *g_fixture->untrusting;
    endpoint.handle(ex);

    if (!ex.responded())
        abort();
    // The thumbnail this input queued is rendered before the next input: a fault on the thumbnail
    // thread is then reported with the input that caused it, and no work of the fixture is running
    // when libFuzzer calls exit().
    g_fixture->jobs->renderQueuedThumbnails();
    if (g_verbose && ex.m_status != 200)
        fprintf(stderr, "HTTP %d\n", ex.m_status);
    if (ex.m_status == 200) {
        // Our answer must decode, and carry the request's id.
        BufferReader reader{&ex.m_responseBody};
        ipp_t* response = ippNew();
        if (ippReadIO(&reader, readBuffer, 1, nullptr, response) != IPP_STATE_DATA)
            abort();
        if (g_verbose)
            fprintf(stderr, "op %s -> %s\n",
                    ippOpString(static_cast<ipp_op_t>(
                        ex.m_body.size() >= 4 ? (uchar(ex.m_body[2]) << 8 | uchar(ex.m_body[3])) : 0)),
                    ippErrorString(ippGetStatusCode(response)));
        BufferReader requestReader{&ex.m_body};
        ipp_t* request = ippNew();
        if (ippReadIO(&requestReader, readBuffer, 1, nullptr, request) == IPP_STATE_DATA &&
            ippGetRequestId(request) != ippGetRequestId(response))
            abort();
        ippDelete(request);
        ippDelete(response);
    }
    return 0;
}
