#include "OutboxKeyStore.h"

#include "CaptureLog.h"

#include <qt6keychain/keychain.h>

namespace {

const QString EntryName = QStringLiteral("outbox-x25519");

QString describe(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return OutboxKeyStore::tr("Access to the keychain was refused, so printed documents cannot be sent. "
                                  "Unlock the keychain and restart MPS.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return OutboxKeyStore::tr(
            "No keychain is available on this desktop, so printed documents cannot be kept "
            "safely. Ask IT support.");
    default:
        return OutboxKeyStore::tr("The keychain could not be used, so printed documents cannot be sent. "
                                  "Restart MPS; if this keeps happening, ask IT support.");
    }
}

} // namespace

OutboxKeyStore::OutboxKeyStore(const QString& service, QObject* parent) : QObject(parent), m_service(service)
{
}

OutboxKeyStore::~OutboxKeyStore() = default;

void OutboxKeyStore::load()
{
    if (m_busy || m_keys)
        return;
    m_busy = true;
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(EntryName);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::EntryNotFound) {
            create();
            return;
        }
        m_busy = false;
        if (read->error() != QKeychain::NoError) {
            qCWarning(lcCapture) << "reading the outbox key failed:" << read->errorString();
            Q_EMIT failed(describe(read->error()));
            return;
        }
        QByteArray secret = read->binaryData();
        auto keys = OutboxKeyPair::fromSecretKey(reinterpret_cast<const unsigned char*>(secret.constData()),
                                                 static_cast<size_t>(secret.size()));
        sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
        if (!keys) {
            qCWarning(lcCapture) << "the keychain's outbox key has the wrong size";
            Q_EMIT failed(
                tr("The outbox key in the keychain is damaged, so printed documents cannot be sent. "
                   "Ask IT support."));
            return;
        }
        m_keys = std::move(keys);
        qCInfo(lcCapture) << "outbox key loaded from the keychain";
        Q_EMIT ready();
    });
    job->start();
}

void OutboxKeyStore::create()
{
    auto keys = OutboxKeyPair::generate();
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(EntryName);
    QByteArray secret(reinterpret_cast<const char*>(keys.secretKey().data()),
                      static_cast<qsizetype>(keys.secretKey().size()));
    job->setBinaryData(secret);
    sodium_memzero(secret.data(), static_cast<size_t>(secret.size()));
    connect(job, &QKeychain::Job::finished, this, [this, keys](QKeychain::Job* j) {
        m_busy = false;
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcCapture) << "storing the new outbox key failed:" << j->errorString();
            Q_EMIT failed(describe(j->error()));
            return;
        }
        m_keys = keys;
        m_created = true;
        qCInfo(lcCapture) << "made a new outbox key and stored it in the keychain";
        Q_EMIT ready();
    });
    job->start();
}
