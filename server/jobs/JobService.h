#pragma once
#include "Clock.h"
#include "EventBus.h"
#include "JobInfo.h"
#include "PdfColour.h"
#include "RefusalLog.h"
#include "RenderBudget.h"
#include "SecretKey.h"
#include "Spool.h"
#include "Store.h"
#include "UploadGate.h"

#include <QJsonObject>
#include <QString>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

class JobCommitter;
class ThumbnailQueue;
class SpoolIndex;

class AccountingService;
class DocumentConverter;
class ReleaseQueue;
struct QuotaRefusal;
struct OptionRefusal;

/// Source of document bytes for ingest: fills `data` with up to `max` bytes, returns the count,
/// 0 at the end of the document, -1 when the upload broke off.
using ByteSource = std::function<qint64(char* data, qint64 max)>;

/// Outcome of receiving one document.
struct IngestResult
{
    /// ConverterBusy: every converter slot is taken; try again shortly (HTTP 503).
    /// SpoolFull: the spool's file system is at its reserve; try again later (HTTP 507).
    /// HoldLimit: the owner already holds the most jobs or bytes allowed (HTTP 409); args say which.
    enum class Status {
        Ok,
        Duplicate,
        InProgress,
        TooLarge,
        BadDocument,
        Aborted,
        StorageError,
        ConverterBusy,
        SpoolFull,
        HoldLimit,
        TooManyUploads ///< the sender already has UploadGate::limit() uploads arriving (nothing read)
    };
    Status status = Status::StorageError;
    QString error; ///< a sentence the user can act on
    /// BadDocument: the stable error code (docs/api.md: unsupported-format, hwp-unsupported,
    /// encrypted-document, bad-document, conversion-failed) and its arguments ({"format": "ZIP"},
    /// {"version": "HWP 5"}).
    QString code = QStringLiteral("bad-document");
    QJsonObject args;
    JobInfo job;
};

/// Outcome of an action on a job requested by a user.
/// QuotaExceeded: a hard quota refused the release; the job stays held (see QuotaRefusal).
/// OptionUnsupported: the printer cannot do the job's options (OptionRefusal); the job stays held.
enum class JobActionResult {
    Ok,
    NotFound,
    WrongState,
    BadPrinter,
    BadOptions,
    Failed,
    QuotaExceeded,
    OptionUnsupported
};

/// The life of held jobs: receive, list, change, delete, release, expire. Thread-safe.
/// Ownership is enforced here: every call that names a job also names the acting user, and a job
/// that belongs to someone else is reported as NotFound (no existence leak).
class JobService
{
public:
    struct Settings
    {
        qint64 holdSecs = 24 * 3600;
        qint64 warnBeforeSecs = 3600;
        qint64 maxDocumentBytes = 512LL * 1024 * 1024;
        qint64 receivingTimeoutSecs = 300; ///< Create-Job without Send-Document is dropped after this
        RenderBudget render;               ///< thumbnails and PWG raster: pixel and time limits
        int thumbnailThreads = 1;          ///< background threads rendering thumbnails after ingest
        int maxHeldJobs = 1000;            ///< held jobs one user may have; 0: no limit
        qint64 maxHeldBytes = 10240LL * 1024 * 1024; ///< their documents' bytes; 0: no limit
    };

    JobService(Store& store, Spool& spool, const SecretKey& kek, EventBus& events, const Clock& clock,
               Settings settings);
    ~JobService();

    void setReleaseQueue(ReleaseQueue* queue) { m_release = queue; }
    /// Office documents and text are converted to PDF at ingest through `converter` (none: refused).
    void setConverter(DocumentConverter* converter) { m_converter = converter; }
    /// Bounds how many uploads one person sends at once (none: no bound); shared with fax drafts.
    void setUploadGate(UploadGate* gate) { m_uploads = gate; }
    /// Prices, limits and records usage through `accounting` (none: unpriced rows, no quotas).
    void setAccounting(AccountingService* accounting) { m_accounting = accounting; }
    const Settings& settings() const { return m_settings; }
    /// Changes how long new jobs are held, how early owners are warned and the largest document, while
    /// running (a configuration reload). Jobs already held keep the expiry they were given.
    void setHoldLimits(qint64 holdSecs, qint64 warnBeforeSecs, qint64 maxDocumentBytes);

    /// Reserves a job id for a document that will follow (IPP Create-Job). The job is invisible
    /// in listings until its document is committed.
    qint64 createJob(const UserRecord& owner, const JobInfo& meta);
    /// Receives one document and commits it as a held job, atomically. `existingJobId` is a job
    /// from createJob() (0 to create one). `meta` supplies name, declared format and options.
    /// `captureId` identifies a desktop capture: a second upload of it is answered with the first
    /// job (Duplicate) or, while the first is still arriving, InProgress — and its bytes are not read.
    /// `sizeAtLeast`: how long the document is known to be, when the request tells (0: unknown).
    IngestResult ingest(const UserRecord& owner, JobInfo meta, const ByteSource& source,
                        qint64 existingJobId = 0, const QString& captureId = QString(),
                        qint64 sizeAtLeast = 0);
    /// Why an upload by `owner` would be refused whatever its document (SpoolFull, HoldLimit), or nothing:
    /// the spool is at its reserve, or the owner's held jobs with those arriving are at a ceiling. IPP
    /// Create-Job asks this before it reserves a job: CUPS's ipp backend waits 10 s after a refused
    /// Create-Job, but starts again at once after a refused Send-Document (logged like ingest's refusals).
    std::optional<IngestResult> refusalBeforeDocument(const UserRecord& owner);
    /// Drops a Create-Job reservation that never got its document.
    void abandonJob(qint64 jobId);

    /// The user's jobs (admins may pass allUsers).
    /// jobsFor's `limit` that means every job (Cancel-My-Jobs).
    static constexpr int AllJobs = -1;
    /// The user's jobs (an admin's `allUsers`: everyone's), newest first, at most `limit`, only those
    /// older than job `beforeId` when it is > 0.
    QList<JobInfo> jobsFor(const UserRecord& user, bool activeOnly, bool allUsers = false, int limit = 1000,
                           qint64 beforeId = 0);
    /// How many of the user's jobs are held, releasing or printing.
    int activeJobCount(const UserRecord& user) { return m_store.liveJobsForOwner(user.id); }
    /// One job if the user may see it.
    std::optional<JobInfo> jobFor(const UserRecord& user, qint64 jobId);
    /// The job's first-page thumbnail (PNG) if the user owns the job and it has been rendered (or is
    /// the placeholder of a page over the render budget); empty otherwise.
    QByteArray thumbnailFor(const UserRecord& user, qint64 jobId);
    /// True when the user's job is live and its thumbnail is still to be rendered (after ingest).
    bool thumbnailPending(const UserRecord& user, qint64 jobId);
    /// Waits until every queued thumbnail is rendered (tests and benchmarks).
    void waitForThumbnails();
    /// Renders every queued thumbnail now, in the calling thread (the IPP fuzzer, after each input).
    void renderQueuedThumbnails();
    JobActionResult updateOptions(const UserRecord& user, qint64 jobId, const QJsonObject& changes,
                                  QString* error);
    /// Deletes a live job: its key is destroyed, the file removed, and the paper it would have used
    /// recorded as saved. Its reason is `deleted` by `user`; `note` replaces the English sentence
    /// ("Canceled over IPP").
    JobActionResult remove(const UserRecord& user, qint64 jobId, const QString& note = QString());
    /// Queues a held job for release to `printerId` with optional option changes. With accounting, the
    /// job is priced at that printer and the user's and departments' quotas are checked and the cost
    /// reserved in one store transaction; a hard quota refuses with QuotaExceeded and fills `refusal`
    /// (the job stays held, its options unchanged). Before that, the options are checked against the
    /// printer's capabilities (when known): one it cannot do refuses with OptionUnsupported and fills
    /// `optionRefusal`, the job stays held. Every release route (REST, kiosk) comes here.
    JobActionResult release(const UserRecord& user, qint64 jobId, qint64 printerId,
                            const QJsonObject& changes, QString* error, QuotaRefusal* refusal = nullptr,
                            OptionRefusal* optionRefusal = nullptr);

    /// Expires overdue jobs and warns owners of jobs about to expire; drops stale reservations.
    void sweep();
    /// Start-up: drops half-received jobs and orphaned spool files, requeues interrupted releases.
    void reconcile();

    /// Opens a job's document for reading: returns an fd and the unwrapped key, or -1.
    int openDocument(const StoredJob& job, SecretKey* key);
    /// Records the end of a release (printed, or returned to held with a reason). Used by ReleaseQueue.
    void releaseFinished(qint64 jobId, bool printed, int impressions, const StateReason& reason = {});
    /// Marks a releasing job as being sent to the printer (at-most-once point).
    bool markPrinting(qint64 jobId, qint64 printerId);
    void publishJob(qint64 jobId, const QString& event);

private:
    /// The job if `user` owns it and it is visible (not still arriving); nullopt otherwise.
    std::optional<StoredJob> ownedJob(const UserRecord& user, qint64 jobId);
    void endJob(const StoredJob& job, JobState terminal, const QString& kind, const StateReason& reason);
    UsageRecord usageFor(const StoredJob& job, const QString& kind, int impressions);
    /// Renders page 1 of a committed job within the budget, stores thumbnail and colour, tells the
    /// owner (job-changed). Runs on the thumbnail queue's threads.
    void renderThumbnail(qint64 jobId);
    /// True when `job`'s spool file is there and decrypts and authenticates to its final chunk (start-up
    /// check of rows committed before their file was known durable); otherwise `why` says what failed.
    bool spoolFileComplete(const StoredJob& job, QString* why);

    /// What intake learnt about an acknowledged job that its thumbnail's render can use instead of
    /// working it out again: the spool file's seek index (else the render decrypts the whole file to
    /// rebuild it) and what the PDF's content said about page 1's colour.
    struct RenderHint
    {
        std::shared_ptr<const SpoolIndex> index; ///< null: the render rebuilds it
        PdfColour::Verdict colour = PdfColour::Verdict::Unknown;
    };
    /// Keeps `hint` for `jobId`'s render. The indexes kept hold at most MaxHintStates chunk states in
    /// all (each holds key material); past that a job's index is not kept.
    void keepRenderHint(qint64 jobId, RenderHint hint);
    /// Takes the hint kept for `jobId`, if any.
    std::optional<RenderHint> takeRenderHint(qint64 jobId);

    Store& m_store;
    Spool& m_spool;
    SecretKey m_kek;
    EventBus& m_events;
    const Clock& m_clock;
    Settings m_settings;
    // The three limits a reload may change while requests read them (setHoldLimits).
    std::atomic<qint64> m_holdSecs;
    std::atomic<qint64> m_warnBeforeSecs;
    std::atomic<qint64> m_maxDocumentBytes;
    /// The held-job ceiling counts uploads still arriving (from their check to their commit) with the
    /// owner's held jobs, so that uploads sent at the same moment cannot pass it together.
    struct Arriving
    {
        int jobs = 0;
        qint64 bytes = 0;
    };
    /// One upload's share of its owner's Arriving, given back when it is committed or refused.
    class HoldClaim;
    /// Why an upload does not fit under its owner's ceiling (the sentence and the code's arguments).
    struct HoldRefusal
    {
        QString message;
        QJsonObject args;
    };
    /// Claims room for `claim`'s upload at `bytes` (what is known of its size so far; a later call with
    /// the final size replaces it), or says why it does not fit: the owner's held jobs and the other
    /// uploads arriving, counted in one step. `othersBytes`: what those take.
    std::optional<HoldRefusal> claimHoldRoom(HoldClaim& claim, qint64 bytes, qint64* othersBytes = nullptr);
    HoldRefusal heldJobsRefusal(qint64 jobs) const;
    HoldRefusal heldBytesRefusal(qint64 heldBytes) const;
    std::mutex m_arrivingMutex;
    /// The last document of a Create-Job refused for the ceiling or the spool's reserve, by owner, and
    /// when (seconds): refusalBeforeDocument() gives the same answer for LateRefusalSecs after it, so
    /// that a desktop's cupsd waits between tries instead of sending the document again at once.
    struct LateRefusal
    {
        IngestResult result;
        qint64 at = 0;
    };
    std::map<qint64, LateRefusal> m_lateRefusals; ///< (locked by m_arrivingMutex)
    void rememberLateRefusal(qint64 ownerId, const IngestResult& r);
    std::map<qint64, Arriving> m_arriving; ///< by owner; only owners with uploads arriving (locked)
    /// Refusals for a full spool: logged at most once a minute, with how many there were since.
    void logSpoolFull(const QString& subject);
    /// Other refused uploads and Create-Jobs of a signed-in person (`line`, the whole log line; `reason`
    /// what is counted): ten a minute per person in full, the rest summed up (RefusalLog).
    void logRefusal(const UserRecord& owner, const QString& reason, const QString& line);
    /// What a refusal is counted as in the summary line: its error code, or what its status says.
    static QString refusalReason(const IngestResult& r);
    RefusalLog m_refusals;
    std::mutex m_spoolFullMutex;
    qint64 m_spoolFullLoggedAt = 0;
    int m_spoolFullSince = 0;
    ReleaseQueue* m_release = nullptr;
    DocumentConverter* m_converter = nullptr;
    UploadGate* m_uploads = nullptr;
    AccountingService* m_accounting = nullptr;
    std::unique_ptr<JobCommitter> m_committer; ///< group commit of received jobs' rows
    /// 3.4 MB of states at most: the indexes of 4 GiB of documents waiting for their thumbnails.
    static constexpr std::size_t MaxHintStates = 65536;
    std::mutex m_hintsMutex;
    std::map<qint64, RenderHint> m_renderHints;   ///< jobs acknowledged and not yet rendered (locked)
    std::size_t m_hintStates = 0;                 ///< chunk states in m_renderHints' indexes (locked)
    std::unique_ptr<ThumbnailQueue> m_thumbnails; ///< last: stopped before everything it uses
};
