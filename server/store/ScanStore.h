#pragma once
#include "Database.h"

#include <QList>
#include <QString>
#include <mutex>
#include <optional>

class LedgerStore;
struct UsageRecord;

/// A scan from its first call to its delivery or failure (scans), with what only the server may see.
struct ScanRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    qint64 kioskId = 0;
    qint64 printerId = 0;   ///< the kiosk's printer (the ledger's printer)
    QByteArray sessionHash; ///< the kiosk session it belongs to while open
    QString fileName;       ///< without ".pdf"
    QString mode;           ///< color, gray, lineart
    int resolution = 150;   ///< dpi
    QString state;          ///< open, sending, retrying
    QByteArray wrappedKey;  ///< the scan's key under the job KEK
    QString pdfSpoolName;   ///< the assembled PDF (encrypted) once made
    qint64 pdfSize = 0;
    qint64 created = 0;
    qint64 sentAt = 0;      ///< when Send was pressed
    qint64 nextAttempt = 0; ///< sending/retrying: the next delivery attempt
    int attempts = 0;
    QString lastError;
    int pages = 0;         ///< scan_pages rows
    qint64 imageBytes = 0; ///< their image bytes added up
};

/// One stored page (scan_pages): an encrypted spool file holding the image stream the PDF carries.
struct ScanPageRecord
{
    int number = 0; ///< 1-based
    QString spoolName;
    QString encoding; ///< jpeg, g4
    int width = 0;
    int height = 0;
    int components = 1;
    qint64 bytes = 0;
};

/// What stays after a scan ended (scan_log); its id is the scan's.
struct ScanLogRecord
{
    qint64 id = 0;
    qint64 userId = 0;
    QString kiosk;
    QString printer;
    int pages = 0;
    qint64 bytes = 0;
    QString mode;
    int resolution = 0;
    qint64 created = 0;
    qint64 finished = 0;
    QString state; ///< sent, failed
    int attempts = 0;
    QString lastError;
};

/// The scan tables (scans, scan_pages, scan_log) over the Store's connection and lock (Store::scans()).
/// docs/scan.md. State changes are compare-and-set: a call that finds the scan in another state does
/// nothing and returns false.
class ScanStore
{
public:
    ScanStore(Database& db, std::mutex& mutex, LedgerStore& ledger)
        : m_db(db), m_mutex(mutex), m_ledger(ledger)
    {
    }

    /// Stores a new open scan; returns its id, 0 on failure.
    qint64 create(const ScanRecord& scan);
    /// Sets the wrapped key of a scan just created (the key is bound to the row's id).
    [[nodiscard]] bool setKey(qint64 scanId, const QByteArray& wrappedKey);
    /// The scan (with its page count and image bytes), while it is not finished.
    std::optional<ScanRecord> scan(qint64 id);
    /// The scan's pages in order.
    QList<ScanPageRecord> pages(qint64 scanId);
    /// Stores page `page.number` of an open scan: a new last page (number = pages + 1) or a replacement.
    /// `replacedSpoolName` gets the replaced page's file. False when the scan is not open or the number
    /// is out of range.
    [[nodiscard]] bool putPage(qint64 scanId, const ScanPageRecord& page, QString* replacedSpoolName);
    /// Removes page `number` of an open scan; the later pages move up. `spoolName` gets its file.
    [[nodiscard]] bool removePage(qint64 scanId, int number, QString* spoolName);
    /// open -> sending with its first attempt due at `now`, and the ledger row `usage`, in one
    /// transaction. False when the scan is not open or has no page.
    [[nodiscard]] bool startSending(qint64 scanId, qint64 now, const UsageRecord& usage);
    /// Records the assembled PDF of a sending or retrying scan.
    [[nodiscard]] bool setPdf(qint64 scanId, const QString& spoolName, qint64 size);
    /// A failed attempt that will be tried again: state retrying, attempts, next attempt, error.
    [[nodiscard]] bool markRetrying(qint64 scanId, int attempts, qint64 nextAttempt, const QString& error);
    /// Ends a sending or retrying scan: its log row in, its pages and its row (with its key) out, in one
    /// transaction. `spoolNames` gets the files to remove.
    [[nodiscard]] bool finish(const ScanLogRecord& log, QList<QString>* spoolNames);
    /// Deletes an open scan with its pages and key. `spoolNames` gets the files to remove.
    [[nodiscard]] bool discardOpen(qint64 scanId, QList<QString>* spoolNames);
    /// Scans being delivered whose next attempt is due at `now`.
    QList<qint64> due(qint64 now);
    /// The earliest next attempt of a scan being delivered; 0 when there is none.
    qint64 nextDue();
    /// Open scans whose kiosk session ended (signed out, expired, or its user disabled) at `now`.
    QList<qint64> orphaned(qint64 now);
    /// The log row of a finished scan.
    std::optional<ScanLogRecord> logEntry(qint64 id);

private:
    Database& m_db;
    std::mutex& m_mutex;
    LedgerStore& m_ledger;
};
