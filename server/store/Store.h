#pragma once
#include "AlertStore.h"
#include "Database.h"
#include "DepartmentStore.h"
#include "DeviceStore.h"
#include "FaxInboxStore.h"
#include "FaxStore.h"
#include "JobInfo.h"
#include "LedgerStore.h"
#include "ScanStore.h"

#include <QList>
#include <QString>
#include <mutex>
#include <functional>
#include <optional>

/// A staff member who can print, release and sign in.
struct UserRecord
{
    qint64 id = 0;
    QString name;
    QString department; ///< the department's code (addUser: a code or name to match, else a new code)
    QString role = QStringLiteral("user"); ///< user, dept-head or admin
    QString email;
    QString card;         ///< normalised card number (CardNumber::normalize), may be empty
    QString passwordHash; ///< Argon2id string; empty = no password sign-in
    QString pinHash;      ///< Argon2id string; empty = no PIN sign-in
    int failedAttempts = 0;
    qint64 lockedUntil = 0;
    bool hasFingerprint = false; ///< a sealed fingerprint template is stored (the template is not loaded)
    qint64 departmentId = 0;     ///< departments.id; 0 = none
    QString displayName;         ///< the name people see (empty: the login name; see shownName())
    bool disabled = false;       ///< cannot sign in anywhere (mps-admin user disable, and removed users)
    bool removed = false;        ///< removed by mps-admin user remove: kept only for its usage history

    /// The display name, or the login name when none is set.
    QString shownName() const { return displayName.isEmpty() ? name : displayName; }
    qint64 fingerprintConsentAt = 0; ///< when the user consented to their fingerprint (UTC secs); 0 = none
};

/// A user's sealed fingerprint template (KeyWrap::seal, associated data "mps-fp:<user id>").
struct SealedFingerprint
{
    qint64 userId = 0;
    QString userName;
    QByteArray sealed;
};

/// A release target (an MFP reachable over IPP).
struct PrinterRecord
{
    qint64 id = 0;
    QString name;
    QString uri;
    QString location;
};

/// A kiosk beside one printer.
struct KioskRecord
{
    qint64 id = 0;
    QString name;
    qint64 printerId = 0;
};

/// A signed-in session (tray client, REST caller or kiosk).
struct SessionRecord
{
    qint64 userId = 0;
    qint64 kioskId = 0; ///< non-zero for kiosk sessions: valid only at that kiosk's printer
    qint64 expires = 0;
};

/// A job row with what only the server may see.
struct StoredJob
{
    JobInfo info;
    qint64 ownerId = 0;
    qint64 printerId = 0;
    QString spoolName;
    QByteArray wrappedKey;
    QString remoteJobUri;
    bool warned = false;
};

/// One ledger row: what a job did to paper (printed) or saved (deleted, expired).
/// The user's and the printer's departments are taken from the store when the row is written.
struct UsageRecord
{
    qint64 jobId = 0;
    qint64 userId = 0;
    QString department; ///< the user's department code when written
    QString printer;
    QString kind;  ///< printed, deleted, expired
    int pages = 0; ///< document pages x copies (printed: the impressions charged)
    int sheets = 0;
    int impressions = 0;
    bool color = false;
    bool duplex = false;
    qint64 at = 0;
    qint64 printerId = 0; ///< 0: none (a deleted or expired job that was never released)
    int copies = 1;
    int colorImpressions = 0;
    QString sizeClass = QStringLiteral("a4"); ///< a4, a3, other
    qint64 cost = 0;                          ///< charged (printed rows only), minor units
    int savedSheets = 0;  ///< deleted/expired: the sheets not used; printed: saved by duplex
    qint64 savedCost = 0; ///< deleted/expired: the cost avoided; printed: saved by duplex and mono
    QString source = QStringLiteral("mps"); ///< mps or import
};

/// The server's persistent state in one SQLCipher database. Thread-safe: every call takes the lock.
/// The accounting tables are reached through departments() and ledger(), over the same connection
/// and the same lock.
class Store
{
public:
    Store();
    /// Departments and their heads, printers' and users' departments.
    DepartmentStore& departments() { return m_departments; }
    /// Rates, quotas, allowances, warnings, release reservations, ledger import and report queries.
    LedgerStore& ledger() { return m_ledger; }
    /// PC-fax receiving: the inbox, routes, blocked senders, gateway tokens, fax settings (docs/fax.md).
    FaxInboxStore& faxInbox() { return m_faxInbox; }
    /// PC-fax sending: settings, drafts, sent faxes, contacts (docs/fax.md).
    FaxStore& fax() { return m_fax; }
    /// Device monitoring: inventory columns, latest status, history samples (docs/devices.md).
    DeviceStore& devices() { return m_devices; }

    /// Device alerts: one row per condition, with what was mailed (docs/devices.md, "Alerts").
    AlertStore& alerts() { return m_alerts; }

    /// Scan to e-mail: scans, their pages and the scan log (docs/scan.md).
    ScanStore& scans() { return m_scans; }

    /// Opens the database and creates or upgrades its schema.
    [[nodiscard]] bool open(const QString& path, const SecretKey& key);
    QString errorString() const { return m_error; }

    // Users
    [[nodiscard]] bool addUser(UserRecord* user, QString* error);
    std::optional<UserRecord> userByName(const QString& name);
    std::optional<UserRecord> userById(qint64 id);
    std::optional<UserRecord> userByCard(const QString& card);
    QList<UserRecord> users();
    [[nodiscard]] bool setUserCard(qint64 userId, const QString& card, QString* error);
    /// Stores a user's department (matched or created as by addUser when departmentId is 0), role,
    /// e-mail, display name and card.
    [[nodiscard]] bool updateUser(UserRecord* user, QString* error);
    /// Disables (no sign-in anywhere; every session ended) or enables a user. Removed users stay
    /// disabled.
    [[nodiscard]] bool setUserDisabled(qint64 userId, bool disabled);
    /// Marks a user removed: disabled, password, PIN, card and fingerprint forgotten, sessions ended.
    /// The row stays for the jobs' and the ledger's history (the name stays taken).
    [[nodiscard]] bool markUserRemoved(qint64 userId);
    [[nodiscard]] bool setUserSecrets(qint64 userId, const QString& passwordHash, const QString& pinHash);
    /// Counts one failed sign-in; locks the account for `lockSecs` after `maxFailures`.
    void recordAuthFailure(qint64 userId, qint64 now, int maxFailures, qint64 lockSecs);
    void clearAuthFailures(qint64 userId);
    /// Stores the user's sealed fingerprint template with the time of their consent (UTC seconds),
    /// replacing any earlier one; false when no such user.
    [[nodiscard]] bool setUserFingerprint(qint64 userId, const QByteArray& sealed, qint64 consentAt);
    /// Forgets the user's fingerprint template and consent time (secure_delete wipes the page); false on a
    /// database error.
    [[nodiscard]] bool clearUserFingerprint(qint64 userId);
    /// The user's sealed fingerprint template, empty when none is enrolled.
    QByteArray userFingerprint(qint64 userId);
    /// Sealed templates of the users who have a job in state held, an enrolled fingerprint and no lock
    /// at `now`, by user name: whom a kiosk may identify by fingerprint alone.
    QList<SealedFingerprint> fingerprintCandidates(qint64 now);

    // Printers and kiosks
    [[nodiscard]] bool addPrinter(PrinterRecord* printer, QString* error);
    QList<PrinterRecord> printers();
    std::optional<PrinterRecord> printerByName(const QString& name);
    std::optional<PrinterRecord> printerById(qint64 id);
    /// Stores a printer's URI and location.
    [[nodiscard]] bool updatePrinter(const PrinterRecord& printer, QString* error);
    /// Live jobs (held, releasing, printing) whose printer is `printerId`.
    int liveJobsForPrinter(qint64 printerId);
    /// How many of the owner's jobs are held, releasing or printing (IPP queued-job-count).
    int liveJobsForOwner(qint64 ownerId);
    /// Removes a printer. `force`: its kiosks go with it (and their sessions) and held jobs forget it;
    /// jobs being released or printed there always refuse. Returns false with `error`.
    [[nodiscard]] bool removePrinter(qint64 printerId, bool force, QString* error);
    /// The kiosk called `name`, if any.
    std::optional<KioskRecord> kioskByName(const QString& name);
    /// Removes a kiosk and ends the sessions opened at it.
    [[nodiscard]] bool removeKiosk(qint64 kioskId);
    /// Replaces a kiosk's device token (the old one stops working) and ends its sessions.
    [[nodiscard]] bool setKioskToken(qint64 kioskId, const QByteArray& tokenHash);
    [[nodiscard]] bool addKiosk(KioskRecord* kiosk, const QByteArray& tokenHash, QString* error);
    std::optional<KioskRecord> kioskByTokenHash(const QByteArray& tokenHash);
    QList<KioskRecord> kiosks();

    // Sessions (tokens are stored only as hashes)
    [[nodiscard]] bool addSession(const QByteArray& tokenHash, const SessionRecord& session);
    std::optional<SessionRecord> sessionByTokenHash(const QByteArray& tokenHash, qint64 now);
    void removeSession(const QByteArray& tokenHash);

    // Jobs
    /// Creates an invisible job row in state "receiving"; returns its id, 0 on failure.
    /// `captureId` (optional) marks a desktop capture; one per owner: a second insert fails (returns 0).
    qint64 createReceivingJob(qint64 ownerId, const JobInfo& info, const QString& captureId = QString());
    /// The owner's job that came from the desktop capture `captureId`, whatever its state.
    std::optional<StoredJob> jobByCaptureId(qint64 ownerId, const QString& captureId);
    /// Makes a received job whole and held in one transaction.
    [[nodiscard]] bool commitJob(const StoredJob& job, const QByteArray& thumbnailPng);
    /// One received job for commitJobs(): its row and its thumbnail (may be empty). A job with id 0 has
    /// no receiving row: it is inserted, and `wrapKey` gives its wrapped key once its id is known.
    struct JobCommit
    {
        StoredJob job;
        QByteArray thumbnailPng;
        std::function<QByteArray(qint64 id)> wrapKey;
        /// The spool file is still being flushed while this row commits: the row is marked
        /// (spool_unsynced) until a later commitJobs() names it in `spoolsSynced`.
        bool spoolUnsynced = false;
    };
    /// Makes several received jobs whole and held in one transaction, so that they share one disk flush
    /// (group commit, JobCommitter), and clears the mark of the jobs in `spoolsSynced` (their files are
    /// known durable) in the same transaction. Returns, in order, each job's id once committed, 0 for a
    /// job that was not (its receiving row is gone); all 0 when the transaction failed.
    QList<qint64> commitJobs(const QList<JobCommit>& jobs, const QList<qint64>& spoolsSynced = {});
    /// Jobs whose row committed while their spool file was still being flushed and that were not
    /// confirmed durable afterwards (start-up checks their files).
    QList<StoredJob> jobsWithUnsyncedSpool();
    /// Deletes a still-marked job whose spool file never became durable (its upload was not
    /// acknowledged); false when there is no such row.
    [[nodiscard]] bool dropUnsyncedJob(qint64 id);
    /// Removes a job that never became whole.
    void discardReceivingJob(qint64 id);
    std::optional<StoredJob> job(qint64 id);
    /// The owner's jobs, newest first; `activeOnly` limits to held, releasing and printing. A negative
    /// `limit` returns them all; `beforeId` > 0 only those older than that job (the next page).
    QList<JobInfo> jobsForOwner(qint64 ownerId, bool activeOnly, int limit = 1000, qint64 beforeId = 0);
    /// Everyone's jobs, as jobsForOwner.
    QList<JobInfo> allJobs(bool activeOnly, int limit = 1000, qint64 beforeId = 0);
    /// What an owner has held (not yet released): how many jobs and their documents' bytes.
    struct HeldLoad
    {
        int jobs = 0;
        qint64 bytes = 0;
    };
    HeldLoad heldLoad(qint64 ownerId);
    QList<StoredJob> jobsInState(JobState state);
    QByteArray thumbnail(qint64 id);
    /// Stores page 1's rendering of a live job (rendered after it was committed): its colour and
    /// thumbnail, in one transaction. False when the job is no longer live.
    [[nodiscard]] bool setRendering(qint64 id, bool color, const QByteArray& thumbnailPng);
    /// Live jobs whose thumbnail has not been rendered yet (start-up: render them again), oldest first.
    QList<qint64> liveJobsWithoutThumbnail();
    [[nodiscard]] bool updateOptions(qint64 id, const PrintOptions& options);
    /// Moves a job between non-terminal states only if it is in `from` (compare-and-set) and sets its
    /// reason (an empty one clears it); returns success. Back to held, its reserved cost is released.
    [[nodiscard]] bool transition(qint64 id, JobState from, JobState to, const StateReason& reason,
                                  qint64 printerId);
    void setRemoteJob(qint64 id, const QString& uri);
    void setImpressions(qint64 id, int impressions);
    /// Ends a job with `reason`: forgets its key, records the usage row (with the user's and the
    /// printer's departments now) and releases its reserved cost, in one transaction. Only from a live
    /// state.
    [[nodiscard]] bool finishJob(qint64 id, JobState terminal, const StateReason& reason,
                                 const UsageRecord& usage);
    QList<StoredJob> jobsExpiringBefore(qint64 when, bool unwarnedOnly);
    void markWarned(qint64 id);
    /// Spool file names of every job, fax draft (document and cover) and received fax that still owns one
    /// (for start-up reconciliation).
    QList<QString> liveSpoolNames();
    /// Drops receiving rows left by a crash; returns how many.
    int discardAllReceiving();
    QList<UsageRecord> usage(qint64 sinceSecs);
    qint64 jobCount();

private:
    /// jobsForOwner (ownerId > 0) and allJobs (0).
    QList<JobInfo> jobList(qint64 ownerId, bool activeOnly, int limit, qint64 beforeId);
    /// Jobs held, releasing or printing whose `column` (owner_id, printer_id) is `id`.
    int liveJobsWhere(const char* column, qint64 id);
    bool migrate();
    static UserRecord readUser(const Statement& s);
    static StoredJob readJob(const Statement& s);
    /// Binds the reason's text, code and arguments (compact JSON; NULL without a code) to the three
    /// parameters from `first`.
    static void bindReason(Statement& s, int first, const StateReason& reason);

    std::mutex m_mutex;
    Database m_db;
    QString m_error;
    DepartmentStore m_departments;
    LedgerStore m_ledger;
    FaxInboxStore m_faxInbox;
    FaxStore m_fax;
    ScanStore m_scans{m_db, m_mutex, m_ledger};
    DeviceStore m_devices;
    AlertStore m_alerts{m_db, m_mutex};
};
