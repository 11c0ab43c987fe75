#include "CaptureService.h"

#include "CaptureLog.h"
#include "CaptureServer.h"
#include "Outbox.h"
#include "OutboxKeyStore.h"
#include "OutboxUploader.h"

#include <QFileInfo>

CaptureService::CaptureService(ApiClient* api, QObject* parent) : CaptureService(api, Options{}, parent) {}

CaptureService::CaptureService(ApiClient* api, const Options& options, QObject* parent)
    : QObject(parent), m_options(options),
      m_outbox(std::make_unique<Outbox>(options.outboxDirectory.isEmpty() ? Outbox::defaultDirectory()
                                                                          : options.outboxDirectory)),
      m_keyStore(new OutboxKeyStore(options.keychainService, this)), m_server(new CaptureServer(this)),
      m_uploader(new OutboxUploader(m_outbox.get(), api, this))
{
    if (m_options.socketPath.isEmpty())
        m_options.socketPath = CaptureServer::defaultSocketPath();
    m_uploader->setRecoveryGrace(m_options.recoveryGrace);
    connect(m_keyStore, &OutboxKeyStore::ready, this, &CaptureService::onKeyReady);
    connect(m_keyStore, &OutboxKeyStore::failed, this, &CaptureService::failed);
    connect(m_server, &CaptureServer::captured, m_uploader, &OutboxUploader::wake);
    connect(m_uploader, &OutboxUploader::jobUploaded, this,
            [this](const QString&, const QJsonObject& job, bool) { Q_EMIT jobHeld(job); });
    connect(m_uploader, &OutboxUploader::faxDraftUploaded, this,
            [this](const QString&, const QJsonObject& draft, bool) {
                Q_EMIT faxDraftReady(draft.value(QLatin1String("id")).toInteger(),
                                     draft.value(QLatin1String("name")).toString());
            });
    connect(m_uploader, &OutboxUploader::uploadFailed, this,
            [this](const QString&, const QString& title, const QString& message, bool willRetry) {
                Q_EMIT captureFailed(title, message, willRetry);
            });
    connect(m_uploader, &OutboxUploader::waitingForRoom, this,
            [this](const QString&, const QString& title, const QString& message) {
                Q_EMIT captureWaitingForRoom(title, message);
            });
    connect(m_uploader, &OutboxUploader::pendingCountChanged, this, &CaptureService::pendingCountChanged);
    connect(m_uploader, &OutboxUploader::waitingForSignIn, this, &CaptureService::waitingForSignIn);
}

CaptureService::~CaptureService()
{
    m_uploader->stop();
    m_server->close();
}

void CaptureService::start()
{
    if (!m_outbox->isSpoolInstalled()) {
        // Nothing prints to "MPS Secure Print" here (no queue, backend or spool): nothing to warn about.
        m_installed = false;
        qCInfo(lcCapture).noquote() << QStringLiteral("desktop print capture is not installed here (no %1); "
                                                      "capture is off")
                                           .arg(QFileInfo(m_outbox->directory()).absolutePath());
        return;
    }
    if (!m_outbox->prepare()) {
        qCWarning(lcCapture).noquote() << m_outbox->errorString();
        Q_EMIT failed(m_outbox->errorString());
        return;
    }
    m_keyStore->load();
}

int CaptureService::pendingCount() const
{
    return m_uploader->pendingCount();
}

void CaptureService::onKeyReady()
{
    if (!m_outbox->publishPublicKey(m_keyStore->keys().publicKey())) {
        qCWarning(lcCapture).noquote() << m_outbox->errorString();
        Q_EMIT failed(m_outbox->errorString());
        return;
    }
    if (m_keyStore->isNewKey() && !m_outbox->ids(Outbox::State::Waiting).isEmpty())
        qCWarning(lcCapture) << "a new outbox key was made while captures wait; those sealed to the old key "
                                "will be set aside as unreadable";
    // Without the doorbell uploads still start from the directory watch, only a moment later.
    if (!m_server->listen(m_options.socketPath))
        qCWarning(lcCapture).noquote() << m_server->errorString();
    m_uploader->setKeys(m_keyStore->keys());
    m_uploader->start();
    m_running = true;
    Q_EMIT started();
}
