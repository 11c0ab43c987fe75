#pragma once
#include "DocumentFormat.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QString>

#include <functional>

class QIODevice;
class QSettings;

/// Converts office documents and text to PDF with LibreOffice (soffice --headless --convert-to pdf) in a
/// sandboxed child process: a throwaway profile and a private 0700 work directory on tmpfs (/dev/shm when
/// it is there, so the plaintext never lands on a disk), address-space and CPU limits, a wall-clock
/// timeout after which the whole process group is killed, no network when the server runs as root (a new
/// network namespace), and at most `maxParallel` conversions at once. Thread-safe: ingest threads call
/// convert() directly; documents that need no conversion never wait for it.
class DocumentConverter
{
    Q_DECLARE_TR_FUNCTIONS(DocumentConverter)

public:
    struct Settings
    {
        QString command;       ///< the converter program; empty: soffice from PATH
        int timeoutSecs = 120; ///< wall clock (and CPU) seconds one conversion may take
        int memoryMb = 2048;   ///< address-space limit of the converter process
        int maxParallel = 2;   ///< conversions running at once; more wait up to timeoutSecs for a turn
        qint64 maxDocumentBytes = 100LL * 1024 * 1024; ///< larger documents are refused, not converted
        QString workRoot; ///< where work directories go; empty: /dev/shm if usable, else TMPDIR

        /// Reads the [convert] group of a server INI file (command, timeout-seconds, memory-mb,
        /// parallel, max-document-mb, work-dir) over `defaults`; missing or non-positive values keep them.
        static Settings fromIni(QSettings& ini, Settings defaults);
    };

    /// Outcome of one conversion. `error` is a sentence for the user when status is not Ok.
    struct Result
    {
        enum class Status { Ok, TooLarge, Busy, Unreadable, TimedOut, Crashed, ServerError };
        Status status = Status::ServerError;
        QString error;
        qint64 pdfBytes = 0;
        qint64 elapsedMs = 0;
    };

    /// Receives the converted PDF (open, readable, positioned at 0). Returns false with `error` set
    /// when it could not take it (e.g. the spool is full).
    using PdfSink = std::function<bool(QIODevice* pdf, QString* error)>;

    explicit DocumentConverter(Settings settings);

    const Settings& settings() const { return m_settings; }

    /// Converts the document on `input` (readable and seekable, `size` bytes, of the detected
    /// `format`, which must be convertible) and hands the PDF to `sink` before the work directory is
    /// wiped. Blocks the calling thread for the conversion (bounded by the timeout); a document that
    /// times out or crashes the converter is refused, never retried.
    Result convert(QIODevice* input, qint64 size, const DocumentFormat& format, const PdfSink& sink);

    /// The directory work directories are made in (Settings::workRoot resolved).
    QString workRoot() const { return m_workRoot; }

private:
    Result::Status run(const QString& workDir, const DocumentFormat& format, QString* pdfPath);

    Settings m_settings;
    QString m_workRoot;
    QString m_program;
    bool m_isolateNetwork = false;
    QSemaphore m_slots;
};
