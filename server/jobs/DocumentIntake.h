#pragma once
#include "DocumentInspector.h"
#include "JobService.h"
#include "PdfColour.h"
#include "SecretKey.h"
#include "Spool.h"
#include "SpoolCipher.h"

#include <memory>

class DocumentConverter;

/// The receiving half of an upload, shared by print jobs (JobService::ingest) and fax drafts
/// (FaxService): streams the bytes through encryption into a spool temp file, converts office
/// documents and text to PDF (the original is not kept), sniffs undeclared formats and inspects the
/// result. Nothing is committed: the caller commits the temp file and its row, or discards it.
class DocumentIntake
{
public:
    /// What came in, or why it was refused.
    struct Outcome
    {
        IngestResult::Status status = IngestResult::Status::StorageError;
        QString error;     ///< a sentence the user can act on (!Ok)
        QString code;      ///< BadDocument/TooLarge/...: the stable code (empty: "bad-document")
        QJsonObject args;  ///< the code's arguments ({"format": "ZIP"})
        Spool::Temp temp;  ///< Ok: the encrypted document, still a temp file
        SecretKey key;     ///< Ok: the key it is encrypted with
        qint64 size = 0;   ///< Ok: plaintext size of the stored document
        QString format;    ///< Ok: the stored document's MIME type (application/pdf after conversion)
        DocumentInfo info; ///< Ok: pages, page size (colour and thumbnail: see receive)
        /// Ok: the stored file's seek index, recorded while it was encrypted (holds key material)
        std::shared_ptr<const SpoolIndex> index;
        /// Ok: what a PDF's content said about page 1's colour (Unknown for other formats)
        PdfColour::Verdict colour = PdfColour::Verdict::Unknown;
    };

    /// Receives one document declared as `declaredFormat` (empty or application/octet-stream: judged
    /// by content) named `name` (for refusal codes only, never a path). `subject` names the job or
    /// draft in logs. Documents over `maxBytes` (before or after conversion), and rasters past the
    /// inspector's decode limit, are refused TooLarge.
    /// Without a converter, office documents are refused. On failure nothing is left on disk.
    /// With `render` false (the default), page 1 of a PDF or JPEG is not rendered: info has no
    /// thumbnail; a PDF's colour is read from its content (PdfColour) where that decides it, else it is
    /// false, as for a JPEG, until the caller renders page 1 later.
    /// `sizeAtLeast`: how long the document is known to be (0: unknown); one longer than what is
    /// inspected from memory is not copied there.
    /// The spool is at its reserve (Spool::hasRoom), checked before the first byte (with `sizeAtLeast`),
    /// every 8 MiB and when a write fails: SpoolFull, code "spool-full", nothing kept.
    /// `holdRoom`: the bytes the sender may still hold under their ceiling (-1: no ceiling); an upload
    /// that grows past it stops there: HoldLimit, code "hold-limit", no sentence (the caller says it).
    static Outcome receive(Spool& spool, DocumentConverter* converter, qint64 maxBytes,
                           const QString& declaredFormat, const QString& name, const ByteSource& source,
                           const QString& subject, bool render = false, qint64 sizeAtLeast = 0,
                           qint64 holdRoom = -1);
    /// The sentence of a SpoolFull refusal.
    static QString spoolFullMessage();
    /// Whether a refusal `status` is, or should be told as, the spool being full: a StorageError (a write,
    /// flush or commit that failed) while the spool is below its reserve, counting `sizeBack` bytes that
    /// are no longer on the disk but were when it failed.
    static bool spoolFull(Spool& spool, IngestResult::Status status, qint64 sizeBack = 0);
};
