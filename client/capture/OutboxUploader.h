#pragma once
#include "Outbox.h"
#include "OutboxCipher.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <optional>

class ApiClient;
class ApiReply;
class QFileSystemWatcher;

/// Uploads the captures waiting in the outbox, one at a time, oldest first, with the session of an
/// ApiClient; deletes each file only after the server has answered 201 Created.
///
/// A capture whose metadata says "kind":"fax" (printed to the "MPS Fax" queue) becomes a fax draft
/// (POST /api/v1/fax/drafts) instead of a held job, with the same guarantees; the rest of this
/// comment describes print captures. A fax capture in doubt is simply sent again after the grace:
/// the server knows each draft's capture id for good and answers a repeat with the first draft
/// ("duplicate"), or 409 capture-in-progress while the first attempt is still arriving.
///
/// No capture is uploaded twice: before an upload its file is renamed to "<id>.uploading"; the job
/// name carries the capture id (CaptureJobName). When an upload ends without a clear answer (network
/// failure, time-out, 5xx, a crash or kill -9 of the app), the file stays ".uploading" and is
/// uploaded again only after the server's job list (GET /api/v1/jobs?history=1) shows no job with
/// that id, checked no earlier than the recovery grace after the attempt ended (so that a server
/// still committing the first upload is not raced). While such a file is unresolved no other
/// capture is started, so at most one capture is ever in doubt.
///
/// Work starts at start(), when a capture appears in the directory (QFileSystemWatcher), on wake()
/// (the CaptureServer doorbell, a new sign-in), and on a back-off timer while the server cannot be
/// reached. Decryption checks run on the thread pool; everything else is asynchronous on the
/// object's thread.
class OutboxUploader : public QObject
{
    Q_OBJECT
public:
    /// Uploads from `outbox` (prepared, not owned) through `api` (not owned, same thread).
    OutboxUploader(Outbox* outbox, ApiClient* api, QObject* parent = nullptr);
    ~OutboxUploader() override;

    /// Sets the key pair that opens the outbox files; nothing is uploaded before it is set.
    void setKeys(const OutboxKeyPair& keys);
    /// Sets how long after an unanswered upload attempt the server is asked whether it has the job
    /// (default 60 s).
    void setRecoveryGrace(std::chrono::milliseconds grace) { m_grace = grace; }
    /// Sets the first and the longest wait before retrying while the server cannot be reached
    /// (default 5 s doubling up to 5 min).
    void setRetryDelays(std::chrono::milliseconds first, std::chrono::milliseconds longest);

    /// Starts watching the outbox and uploading. Also removes temporary files of writers that died.
    void start();
    /// Stops: cancels a running upload (its file stays in doubt and is checked at the next start).
    void stop();
    /// Looks at the outbox now and resets the back-off (a new capture, a new sign-in, network back).
    void wake();

    /// Returns the number of captures not yet on the server (waiting or in doubt).
    int pendingCount() const { return m_pending; }
    /// Returns true while an upload or a check is running.
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// The server answered 201 for capture `captureId`; its file is still on disk (emitted before it
    /// is deleted, so a crash right after this is the worst case the recovery handles).
    void serverAccepted(const QString& captureId);
    /// Capture `captureId` is on the server as `job` and its file is gone. `recovered` is true when
    /// the job was found in the server's list after an upload that ended without an answer.
    void jobUploaded(const QString& captureId, const QJsonObject& job, bool recovered);
    /// Fax capture `captureId` is on the server as `draft` (Draft JSON, docs/fax.md) and its file is
    /// gone. `recovered` is true when the server already had it (a repeat after a lost answer).
    void faxDraftUploaded(const QString& captureId, const QJsonObject& draft, bool recovered);
    /// An upload of capture `captureId` ("title") failed; `message` says why. With `willRetry` the
    /// capture stays in the outbox and is tried again; otherwise it was set aside (rejected by the
    /// server, or unreadable).
    void uploadFailed(const QString& captureId, const QString& title, const QString& message, bool willRetry);
    /// The number of captures not yet on the server changed.
    void pendingCountChanged(int count);
    /// Captures are waiting but there is no session: sign in to send them.
    void waitingForSignIn();
    /// The server has no room for capture `captureId` ("title") now: the person holds the most jobs it
    /// keeps (hold-limit), or its storage is full (spool-full). The capture waits in the outbox and is
    /// tried again; `message` says so, in the person's language. Once until an upload is accepted again.
    void waitingForRoom(const QString& captureId, const QString& title, const QString& message);

private:
    struct Check;
    static Check checkFile(const QString& path, const QString& id, const OutboxKeyPair& keys);

    void processNext();
    void recover(const QString& id);
    void upload(const QString& id);
    void onChecked(const QString& id, const Check& check);
    void onUploadFinished(const QString& id, const QJsonObject& metadata, ApiReply* reply);
    void finishAccepted(const QString& id, const QJsonObject& metadata, const QJsonObject& job,
                        bool recovered);
    void finishFaxAccepted(const QString& id, const QJsonObject& draft, bool recovered);
    void stepDone(bool continueNow);
    void onDirectoryChanged();
    void scheduleRetry();
    void updatePending();
    std::optional<QJsonObject> readMetadata(const QString& id, Outbox::State state) const;

    Outbox* m_outbox;
    QPointer<ApiClient> m_api;
    std::optional<OutboxKeyPair> m_keys;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer m_retryTimer;
    QTimer m_dueTimer;
    QTimer m_sweepTimer;
    QPointer<ApiReply> m_reply;
    QSet<QString> m_seenWaiting;
    QSet<QString> m_recoveredFax; // fax captures sent again after an upload without an answer
    std::chrono::milliseconds m_grace{60000};
    std::chrono::milliseconds m_firstRetry{5000};
    std::chrono::milliseconds m_longestRetry{300000};
    std::chrono::milliseconds m_retryDelay{5000};
    int m_pending = -1;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_busy = false;
    bool m_toldSignIn = false;
    bool m_toldNoRoom = false;
};
