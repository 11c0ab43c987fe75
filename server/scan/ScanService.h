#pragma once
#include "Clock.h"
#include "EventBus.h"
#include "ScanPdfWriter.h"
#include "SecretKey.h"
#include "Spool.h"
#include "Store.h"

#include <QJsonObject>
#include <QString>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

class SmtpMailer;

/// Who asks: the signed-in person at one kiosk, in one kiosk session.
struct ScanCaller
{
    UserRecord user;
    qint64 kioskId = 0;
    qint64 printerId = 0;   ///< the kiosk's printer
    QByteArray sessionHash; ///< Authenticator::hashToken of the session's token
};

/// The answer of a scan call, as the REST API says it (docs/scan.md, "Kiosk API").
struct ScanResult
{
    enum class Status {
        Ok,                ///< 200/201/202 {"scan"}
        NotFound,          ///< 404 not-found: no such scan of this session
        NoEmail,           ///< 409 no-email
        MailDisabled,      ///< 503 mail-disabled
        TooLarge,          ///< 413 scan-too-large (with maxBytes)
        UnsupportedFormat, ///< 415 unsupported-format
        BadImage,          ///< 422 bad-image
        NoPages,           ///< 409 no-pages
        WrongState,        ///< 409 wrong-state: sent already
        BadRequest,        ///< 400 bad-request (a page number out of range, a body that broke off)
        SpoolFull,         ///< 507 spool-full: the spool is at its reserve (Spool::hasRoom)
        StorageError       ///< 500 storage
    };
    Status status = Status::StorageError;
    QString code;     ///< the contract's error code when not Ok
    QString message;  ///< an English sentence (API "message", logs)
    QJsonObject scan; ///< Ok: the scan's JSON
};

/// Scan to e-mail on the server (docs/scan.md): scans of a kiosk session, their pages stored encrypted
/// in the spool under the scan's own key as they arrive, the PDF (ScanPdfWriter) and its delivery to
/// the person's own address through the shared SmtpMailer on the service's own thread, with retries
/// that survive a restart, `scan-delivery` events, the `scanned` ledger row and the scan_log row.
/// An open scan whose kiosk session ended is destroyed. Thread-safe.
class ScanService
{
public:
    struct Settings
    {
        qint64 maxBytes = 15LL * 1024 * 1024; ///< the largest PDF (attachLimit() of the configuration)
        QList<int> retrySecs{60, 300, 900, 1800, 3600}; ///< waits after failed attempts; the last repeats
        int retryHours = 24;      ///< how long after Send a temporary failure is still retried
        int orphanCheckSecs = 15; ///< how often open scans of ended sessions are looked for
    };

    /// `mailer` null: mail is not configured; scans are refused with mail-disabled.
    ScanService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
                const SmtpMailer* mailer, Settings settings);
    ~ScanService();

    /// The largest PDF a scan may make here (the 413 answer's maxBytes).
    qint64 maxBytes() const { return m_settings.maxBytes; }
    /// The largest PDF a scan may make: `[scan] max-mb` but never more than fits, base64-encoded with
    /// the mail's text, in `[mail] max-message-mb`.
    static qint64 attachLimit(int scanMaxMb, int mailMaxMessageMb);

    /// POST /kiosk/scans: a new open scan to the caller's own address. `fileName` is cleaned (no path
    /// or control characters, ".pdf" dropped; empty: scan-YYYYMMDD-HHMM); mode color|gray|lineart,
    /// resolution 150|300 (else BadRequest).
    ScanResult create(const ScanCaller& who, const QString& fileName, const QString& mode, int resolution);
    /// PUT /kiosk/scans/{id}/pages/{n}: stores page n (a new last page or a replacement) from `read`
    /// (image/jpeg for colour and grey, image/png for black-and-white). `sizeAtLeast`: how long the
    /// page is known to be (0: unknown), so that it is read into memory without growing (and leaving
    /// unwiped copies behind).
    ScanResult putPage(const ScanCaller& who, qint64 scanId, int number, const QByteArray& contentType,
                       const std::function<qint64(char*, qint64)>& read, qint64 sizeAtLeast = 0);
    /// DELETE /kiosk/scans/{id}/pages/{n}: removes page n; the later pages move up.
    ScanResult removePage(const ScanCaller& who, qint64 scanId, int number);
    /// POST /kiosk/scans/{id}/send: writes the `scanned` ledger row and hands the scan to the delivery
    /// thread (state sending).
    ScanResult send(const ScanCaller& who, qint64 scanId);
    /// DELETE /kiosk/scans/{id}: destroys an open scan (pages and key). NotFound when not open.
    ScanResult discard(const ScanCaller& who, qint64 scanId);
    /// GET /kiosk/scans/{id}: the caller's scan, also after it ended (from its log row).
    ScanResult get(const ScanCaller& who, qint64 scanId);

    /// Starts the delivery thread (which looks for due deliveries at once: a restart resumes them).
    void start();
    /// Stops the thread after the attempt in progress.
    void stop();
    /// Asks the thread for a pass now (a scan was sent, a session ended).
    void wake();
    /// One pass: destroys open scans of ended sessions, then makes and mails every due scan. The thread
    /// calls it; tests call it directly.
    void runOnce();

private:
    QJsonObject scanJson(const ScanRecord& scan, const UserRecord& user) const;
    std::optional<ScanRecord> openScanOf(const ScanCaller& who, qint64 scanId);
    bool unwrapKey(const ScanRecord& scan, SecretKey* key) const;
    bool storeBytes(const SecretKey& key, const QByteArray& data, QString* spoolName, QString* error);
    void removeFiles(const QList<QString>& names);
    void deliver(qint64 scanId);
    bool makePdf(const ScanRecord& scan, const SecretKey& key, QString* error);
    void end(const ScanRecord& scan, const QString& state, const QString& error, int attempts);
    void publish(const ScanRecord& scan, qint64 bytes, const QString& state, const QString& error);
    void loop();

    Store& m_store;
    Spool& m_spool;
    SecretKey m_kek;
    EventBus& m_events;
    const Clock& m_clock;
    const SmtpMailer* m_mailer;
    Settings m_settings;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_running = false;
    bool m_woken = false;
    std::thread m_thread;
};
