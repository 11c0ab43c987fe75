#include "DocumentIntake.h"

#include "ByteBudget.h"
#include "DocumentConverter.h"
#include "DocumentFormat.h"
#include "Log.h"
#include "PdfColour.h"
#include "PdfPageTree.h"
#include "PdfTableScan.h"
#include "SpoolCipher.h"
#include "Wiped.h"

#include <QBuffer>
#include <QFile>
#include <algorithm>
#include <fcntl.h>
#include <memory>
#include <sodium.h>
#include <unistd.h>

namespace {

// Detects the format from the first bytes, for documents declared as application/octet-stream.
QString sniffFormat(const QByteArray& head)
{
    if (head.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (head.startsWith("RaS2"))
        return QStringLiteral("image/pwg-raster");
    if (head.startsWith(QByteArray("UNIRAST\0", 8)))
        return QStringLiteral("image/urf");
    if (head.startsWith("\xFF\xD8\xFF"))
        return QStringLiteral("image/jpeg");
    return {};
}

/// A document up to this size is kept in memory as it is encrypted, and inspected (format, pages,
/// colour) from there instead of being decrypted again from the spool file, while all documents kept so
/// stay within g_inMemory's 64 MiB; the bytes are wiped when the inspection is done. It is a little under
/// the HTTP server's read-ahead of a body (HttpLimits::LargePrebufferBytes, 4 MiB): a chunked upload still
/// going after the read-ahead is then known to be too long for it, even less its IPP attribute section,
/// and is not copied here at all (`sizeAtLeast`).
constexpr qint64 InMemoryInspectBytes = 4 * 1024 * 1024 - 64 * 1024;
ByteBudget g_inMemory(64 * 1024 * 1024);

/// The plaintext kept for inspection: its bytes count against the shared budget and are wiped when it
/// goes. Its room is sized from the length the request told (one byte over it, so that the read which
/// finds the end needs no more), else from a first guess; a document longer than that moves to room twice
/// as large, and the old room is wiped, so no copy of the plaintext is left behind in freed memory.
struct WipedBytes
{
    QByteArray bytes;
    bool whole = true;   // false once the document outgrew InMemoryInspectBytes or the budget
    qint64 expected = 0; // the length the request told, 0 if it did not
    ByteBudgetShare share{g_inMemory};
    ~WipedBytes() { wipe(); }
    /// Room for the next read straight into the kept bytes (no copy through a buffer): up to `*want`
    /// bytes, fewer at the end of the room or of InMemoryInspectBytes (`*want` says how many). Nullptr
    /// when the document is not kept. kept() then says how many bytes the read brought.
    char* room(qint64* want)
    {
        if (!whole)
            return nullptr;
        const qint64 start = bytes.size();
        if (start >= InMemoryInspectBytes)
            return nullptr;
        if (bytes.capacity() == 0)
            bytes.reserve(static_cast<qsizetype>(
                std::min(InMemoryInspectBytes, expected > 0 ? expected + 1 : FirstGuessBytes)));
        else if (start >= bytes.capacity())
            moveToLargerRoom(std::min(InMemoryInspectBytes, 2 * static_cast<qint64>(bytes.capacity())));
        *want =
            std::min({*want, InMemoryInspectBytes - start, static_cast<qint64>(bytes.capacity()) - start});
        m_roomStart = start;
        bytes.resize(static_cast<qsizetype>(start + *want)); // within the reserved room: no copy, no fill
        return bytes.data() + start;
    }
    void kept(qint64 n)
    {
        bytes.resize(static_cast<qsizetype>(m_roomStart + n));
        if (!share.grow(n))
            outgrown(); // the shared budget is spent: the same
    }
    /// The document did not fit in InMemoryInspectBytes: it is read back from the spool file instead.
    void outgrown()
    {
        if (!whole)
            return;
        wipe();
        whole = false;
    }
    void moveToLargerRoom(qint64 capacity)
    {
        QByteArray larger;
        larger.reserve(static_cast<qsizetype>(capacity));
        larger.append(bytes.constData(), bytes.size()); // a copy, never a share of the bytes wiped below
        sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
        bytes = std::move(larger);
    }
    void wipe()
    {
        if (!bytes.isEmpty())
            sodium_memzero(bytes.data(), static_cast<size_t>(bytes.size()));
        bytes = QByteArray();
        share.release();
    }

    /// Room when the length is not known: what one read asks for.
    static constexpr qint64 FirstGuessBytes = 256 * 1024;

private:
    qint64 m_roomStart = 0;
};

} // namespace

DocumentIntake::Outcome DocumentIntake::receive(Spool& spool, DocumentConverter* converter, qint64 maxBytes,
                                                const QString& declaredFormat, const QString& name,
                                                const ByteSource& source, const QString& subject, bool render,
                                                qint64 sizeAtLeast, qint64 holdRoom)
{
    Outcome o;
    QString format = declaredFormat;
    auto fail = [&](IngestResult::Status st, const QString& msg, Spool::Temp* temp,
                    const QString& code = QString(), const QJsonObject& args = {}) {
        // A write that failed because the disk is full says so (and lets the caller try again later);
        // asked before the temp file goes, while its bytes still take their room.
        const bool full = spoolFull(spool, st);
        if (temp)
            spool.discard(temp);
        o.status = full ? IngestResult::Status::SpoolFull : st;
        o.error = full ? spoolFullMessage() : msg;
        o.code = full ? QStringLiteral("spool-full") : code;
        o.args = full ? QJsonObject{} : args;
        return o;
    };
    // Nothing is read while the spool is at its reserve, nor a document told to be longer than what is
    // left above it.
    if (!spool.hasRoom(sizeAtLeast))
        return fail(IngestResult::Status::SpoolFull, QString(), nullptr);

    Spool::Temp temp;
    QString err;
    if (!spool.createTemp(&temp, &err))
        return fail(IngestResult::Status::StorageError,
                    QStringLiteral("The server could not store the job. Try again later."), nullptr);

    // The document streams from the socket through encryption to disk, one chunk at a time.
    SecretKey jobKey = SecretKey::random();
    SpoolWriter writer;
    if (!writer.open(temp.fd, jobKey, true))
        return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);
    // A quarter of a megabyte per read: each read from a long upload's connection is a round trip to
    // its I/O thread. A document kept in memory is read straight into `plain`; `buf` (uninitialised,
    // made when first needed) serves longer ones and the converter.
    constexpr qint64 ReadBytes = 256 * 1024;
    std::unique_ptr<char[], WipeDelete> buf{nullptr, WipeDelete{ReadBytes}};
    const auto scratch = [&buf] {
        if (!buf)
            buf.reset(new char[ReadBytes]);
        return buf.get();
    };
    QByteArray head;
    WipedBytes plain;
    plain.whole = sizeAtLeast <= InMemoryInspectBytes; // a longer one is read back from the spool file
    plain.expected = sizeAtLeast;
    // Large documents: writeback starts while the rest arrives, so that the fdatasync at commit does not
    // wait for all of it.
    constexpr qint64 WritebackStep = 8 * 1024 * 1024;
    qint64 writebackFrom = 0;
    // How large an object table a PDF reader would build for it, read as it passes (PdfTableScan).
    PdfTableScan table;
    for (;;) {
        qint64 want = ReadBytes;
        char* const direct = plain.room(&want);
        char* const data = direct ? direct : scratch();
        const qint64 n = source(data, want);
        if (n < 0)
            return fail(IngestResult::Status::Aborted,
                        QStringLiteral("The upload was interrupted before the document was complete."),
                        &temp);
        if (n == 0) {
            if (direct)
                plain.kept(0); // the room this last read did not fill goes
            break;
        }
        if (head.size() < 16)
            head.append(data, static_cast<qsizetype>(std::min<qint64>(n, 16 - head.size())));
        if (writer.plaintextSize() + n > maxBytes)
            return fail(IngestResult::Status::TooLarge,
                        QStringLiteral("The document is larger than the %1 MB this server accepts.")
                            .arg(maxBytes / (1024 * 1024)),
                        &temp);
        if (holdRoom >= 0 && writer.plaintextSize() + n > holdRoom)
            return fail(IngestResult::Status::HoldLimit, QString(), &temp, QStringLiteral("hold-limit"));
        if (!writer.write(data, n))
            return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);
        table.feed(data, n);
        if (direct)
            plain.kept(n);
        else
            plain.outgrown(); // no room left in memory
        if (writer.plaintextSize() - writebackFrom >= WritebackStep) {
            (void)::sync_file_range(temp.fd, 0, 0, SYNC_FILE_RANGE_WRITE);
            writebackFrom = writer.plaintextSize();
            // A long upload of untold length stops at the reserve, before the disk is full.
            if (!spool.hasRoom(0))
                return fail(IngestResult::Status::SpoolFull, QString(), &temp);
        }
    }
    if (writer.plaintextSize() == 0)
        return fail(IngestResult::Status::BadDocument, QStringLiteral("The document is empty."), &temp);
    table.finish();
    qint64 tableEntries = table.largest();
    if (!writer.finish())
        return fail(IngestResult::Status::StorageError, writer.errorString(), &temp);
    // The disk writes what is left while the document is inspected, so the fdatasync at commit waits
    // less: 0.3-0.7 ms of a one-page 1 MiB job's 1.5-1.9 ms (docs/benchmarks.md, 2026-12-04).
    (void)::sync_file_range(temp.fd, writebackFrom, 0, SYNC_FILE_RANGE_WRITE);
    // The chunk states recorded while encrypting: the read-back below and the thumbnail's render after
    // the acknowledgement seek with them instead of decrypting the whole file again to rebuild them.
    std::shared_ptr<const SpoolIndex> index = writer.takeIndex();

    // Read back from memory (small documents) or through a decrypting, seekable view of the spool file:
    // the plaintext never touches the disk.
    int rfd = -1;
    std::unique_ptr<QIODevice> dev;
    if (plain.whole) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(plain.bytes); // shares plain's bytes: wiped with them
        dev = std::move(buffer);
    } else {
        rfd = ::open(QFile::encodeName(temp.path).constData(), O_RDONLY | O_CLOEXEC);
        if (rfd < 0)
            return fail(IngestResult::Status::StorageError,
                        QStringLiteral("The server could not read back the job."), &temp);
        dev = std::make_unique<SpoolDevice>(rfd, index);
    }
    dev->open(QIODevice::ReadOnly);
    const auto closeReadBack = [&] {
        dev.reset();
        if (rfd >= 0)
            ::close(rfd);
        rfd = -1;
        plain.wipe();
    };
    qint64 documentSize = writer.plaintextSize();

    // Undeclared (octet-stream) and office/text documents are judged by their content, never by their
    // name: office documents and text are converted to a PDF, which replaces the original (newly
    // encrypted under its own key) before it is inspected. A document declared as PDF, JPEG or raster
    // must be one, and is told so if it is not.
    const bool declaredPrintReady = !format.isEmpty() &&
                                    format != QLatin1String("application/octet-stream") &&
                                    !DocumentFormat::convertibleMimeTypes().contains(format);
    DocumentFormat detected;
    detected.kind = DocumentFormat::Kind::Native;
    if (!declaredPrintReady)
        detected = DocumentFormat::detect(dev.get());
    if (detected.kind != DocumentFormat::Kind::Native) {
        if (!DocumentFormat::isConvertible(detected.kind) || !converter) {
            closeReadBack();
            const DocumentFormat::Refusal why = DocumentFormat::refusalCode(detected.kind, head, name);
            return fail(IngestResult::Status::BadDocument, DocumentFormat::refusal(detected.kind), &temp,
                        why.code, why.args);
        }
        Spool::Temp pdfTemp;
        const SecretKey pdfKey = SecretKey::random();
        SpoolWriter pdfWriter;
        if (!spool.createTemp(&pdfTemp, &err) || !pdfWriter.open(pdfTemp.fd, pdfKey, true)) {
            closeReadBack();
            spool.discard(&pdfTemp);
            return fail(IngestResult::Status::StorageError,
                        QStringLiteral("The server could not store the job. Try again later."), &temp);
        }
        bool pdfTooLarge = false;
        const auto sink = [&](QIODevice* pdf, QString* sinkError) {
            char* const out = scratch();
            for (;;) {
                const qint64 n = pdf->read(out, ReadBytes);
                if (n < 0) {
                    *sinkError =
                        QStringLiteral("The server could not read the converted document. Try again later.");
                    return false;
                }
                if (n == 0)
                    break;
                if (pdfWriter.plaintextSize() + n > maxBytes) {
                    pdfTooLarge = true;
                    *sinkError =
                        QStringLiteral("The converted document is larger than the %1 MB this server accepts.")
                            .arg(maxBytes / (1024 * 1024));
                    return false;
                }
                if (!pdfWriter.write(out, n)) {
                    *sinkError = pdfWriter.errorString();
                    return false;
                }
            }
            if (!pdfWriter.finish()) {
                *sinkError = pdfWriter.errorString();
                return false;
            }
            return true;
        };
        const DocumentConverter::Result converted =
            converter->convert(dev.get(), documentSize, detected, sink);
        closeReadBack();
        if (converted.status != DocumentConverter::Result::Status::Ok) {
            spool.discard(&pdfTemp);
            using C = DocumentConverter::Result::Status;
            if (converted.status == C::TooLarge || pdfTooLarge)
                return fail(IngestResult::Status::TooLarge, converted.error, &temp,
                            QStringLiteral("too-large"));
            if (converted.status == C::Busy)
                return fail(IngestResult::Status::ConverterBusy, converted.error, &temp,
                            QStringLiteral("converter-busy"));
            if (converted.status == C::ServerError)
                return fail(IngestResult::Status::StorageError, converted.error, &temp,
                            QStringLiteral("storage"));
            if (converted.status == C::TimedOut || converted.status == C::Crashed)
                return fail(IngestResult::Status::BadDocument, converted.error, &temp,
                            QStringLiteral("conversion-failed"));
            const DocumentFormat::Refusal why = DocumentFormat::refusalCode(detected.kind, head, name);
            return fail(IngestResult::Status::BadDocument, converted.error, &temp,
                        why.code == QLatin1String("unsupported-format") ? QStringLiteral("bad-document")
                                                                        : why.code,
                        why.args);
        }
        qCInfo(lcIngest).noquote() << subject << ":" << detected.mimeType << "converted to PDF in"
                                   << converted.elapsedMs << "ms";
        // The original is not kept: only the PDF is stored and released.
        spool.discard(&temp);
        temp = pdfTemp;
        jobKey = pdfKey;
        documentSize = pdfWriter.plaintextSize();
        format = QStringLiteral("application/pdf");
        rfd = ::open(QFile::encodeName(temp.path).constData(), O_RDONLY | O_CLOEXEC);
        if (rfd < 0)
            return fail(IngestResult::Status::StorageError,
                        QStringLiteral("The server could not read back the job."), &temp);
        index = pdfWriter.takeIndex();
        dev = std::make_unique<SpoolDevice>(rfd, index);
        dev->open(QIODevice::ReadOnly);
        tableEntries = -1; // the converter's PDF: inspect() reads it for that
    } else if (format.isEmpty() || format == QLatin1String("application/octet-stream") ||
               DocumentFormat::convertibleMimeTypes().contains(format)) {
        format = sniffFormat(head);
        if (format.isEmpty()) {
            closeReadBack();
            const DocumentFormat::Refusal why =
                DocumentFormat::refusalCode(DocumentFormat::Kind::Unknown, head, name);
            return fail(
                IngestResult::Status::BadDocument,
                QStringLiteral("The document format is not supported. Print a PDF, JPEG or PWG raster file."),
                &temp, why.code, why.args);
        }
    }

    DocumentInfo doc = DocumentInspector::inspect(dev.get(), format, render, tableEntries);
    // A PDF's colour, and so its price, is read from its content before the answer when that is cheap;
    // otherwise the render after the acknowledgement decides (JobService::renderThumbnail).
    PdfColour::Verdict colour = PdfColour::Verdict::Unknown;
    if (doc.ok && !render && format == QLatin1String("application/pdf")) {
        colour = doc.contentColour; // read by inspect() on the qpdf document that checked the page tree
        if (colour != PdfColour::Verdict::Unknown)
            doc.color = colour == PdfColour::Verdict::Colour;
        qCDebug(lcIngest).noquote() << subject << ": colour from the content:" << PdfColour::name(colour);
    }
    closeReadBack();
    if (!doc.ok && doc.tooLarge)
        return fail(IngestResult::Status::TooLarge, doc.error, &temp, QStringLiteral("too-large"));
    if (!doc.ok && doc.tooManyPages)
        return fail(IngestResult::Status::BadDocument, doc.error, &temp, QStringLiteral("too-many-pages"),
                    {{QStringLiteral("maxPages"), PdfPageTree::MaxPages}});
    if (!doc.ok)
        return fail(IngestResult::Status::BadDocument, doc.error, &temp,
                    doc.encrypted ? QStringLiteral("encrypted-document") : QStringLiteral("bad-document"));

    o.status = IngestResult::Status::Ok;
    o.temp = temp;
    o.key = jobKey;
    o.size = documentSize;
    o.format = format;
    o.info = doc;
    o.index = std::move(index);
    o.colour = colour;
    return o;
}

bool DocumentIntake::spoolFull(Spool& spool, IngestResult::Status status, qint64 sizeBack)
{
    return status == IngestResult::Status::SpoolFull ||
           (status == IngestResult::Status::StorageError && !spool.hasRoom(sizeBack));
}

QString DocumentIntake::spoolFullMessage()
{
    return QStringLiteral("The print server's storage is full, so the document was not stored. Try again "
                          "later; tell the print admin if this lasts.");
}
