#pragma once
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <chrono>
#include <memory>

class ApiClient;
class CaptureServer;
class Outbox;
class OutboxKeyStore;
class OutboxUploader;

/// Desktop print capture in one object, for the tray app: prepares the user's outbox, loads (or
/// makes) the outbox key from the keychain and publishes its public half for the CUPS backend,
/// listens for the backend's notices (CaptureServer) and uploads what waits (OutboxUploader) with
/// the ApiClient's session. Captures wait while signed out and go once a session exists.
class CaptureService : public QObject
{
    Q_OBJECT
public:
    /// Where things are; the defaults are the installed locations.
    struct Options
    {
        QString outboxDirectory; ///< default Outbox::defaultDirectory()
        QString socketPath;      ///< default CaptureServer::defaultSocketPath()
        QString keychainService = QStringLiteral("mps-client");
        std::chrono::milliseconds recoveryGrace{60000};
    };

    /// Uses `api` (not owned; same thread) for uploads.
    explicit CaptureService(ApiClient* api, QObject* parent = nullptr);
    CaptureService(ApiClient* api, const Options& options, QObject* parent = nullptr);
    ~CaptureService() override;

    /// Starts: answers with started() or failed(). Where desktop capture is not installed (no outbox
    /// spool, see Outbox::isSpoolInstalled()) it stays off quietly: neither signal, isInstalled()
    /// false, one line logged at info. Call once.
    void start();
    /// Returns true after started().
    bool isRunning() const { return m_running; }
    /// Returns false when start() found that desktop capture is not installed on this computer.
    bool isInstalled() const { return m_installed; }
    /// Returns the outbox.
    Outbox* outbox() const { return m_outbox.get(); }
    /// Returns the uploader (valid after construction; uploads begin after started()).
    OutboxUploader* uploader() const { return m_uploader; }
    /// Returns the number of captures not yet on the server.
    int pendingCount() const;

Q_SIGNALS:
    /// Capture is running: the key is loaded, the outbox ready, the doorbell listening.
    void started();
    /// Capture cannot run; `message` is a sentence for the user. Jobs printed meanwhile stay held in
    /// the printing system (or in the outbox) and are not lost.
    void failed(const QString& message);
    /// A printed document is now a held job on the server (`job` as in the REST API).
    void jobHeld(const QJsonObject& job);
    /// A document printed to "MPS Fax" is now fax draft `draftId` named `name` on the server: open
    /// the fax dialog for it. Emitted once per capture (also when it was recovered after a crash).
    void faxDraftReady(qint64 draftId, const QString& name);
    /// A printed document could not be sent; `title` names it (may be empty), `message` says why.
    /// With `willRetry` it is tried again by itself.
    void captureFailed(const QString& title, const QString& message, bool willRetry);
    /// The server has no room for a capture now; it waits and goes by itself
    /// (OutboxUploader::waitingForRoom).
    void captureWaitingForRoom(const QString& title, const QString& message);
    /// The number of captures waiting to be sent changed.
    void pendingCountChanged(int count);
    /// Captures wait for a sign-in.
    void waitingForSignIn();

private:
    void onKeyReady();

    Options m_options;
    std::unique_ptr<Outbox> m_outbox;
    OutboxKeyStore* m_keyStore;
    CaptureServer* m_server;
    OutboxUploader* m_uploader;
    bool m_running = false;
    bool m_installed = true;
};
