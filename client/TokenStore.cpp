#include "TokenStore.h"

#include "ClientLog.h"

#include <qt6keychain/keychain.h>

namespace {

QString describe(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return TokenStore::tr("Access to the keychain was refused. Unlock the keychain and sign in again.");
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return TokenStore::tr(
            "No keychain is available on this desktop, so you will have to sign in each time.");
    default:
        return TokenStore::tr(
            "The keychain could not be used. Sign in again; if this keeps happening, ask IT support.");
    }
}

} // namespace

TokenStore::TokenStore(const QString& service, QObject* parent) : QObject(parent), m_service(service) {}

QString TokenStore::accountFor(const QUrl& server, const QString& user)
{
    const int port = server.port(server.scheme() == QLatin1String("http") ? 80 : 443);
    return QStringLiteral("%1@%2:%3").arg(user, server.host()).arg(port);
}

void TokenStore::load(const QString& account)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::NoError) {
            Q_EMIT loaded(account, read->textData());
        } else if (read->error() == QKeychain::EntryNotFound) {
            Q_EMIT loaded(account, QString());
        } else {
            qCWarning(lcClientKeychain) << "reading the token failed:" << read->errorString();
            Q_EMIT failed(Operation::Load, account, describe(read->error()));
        }
    });
    job->start();
}

void TokenStore::save(const QString& account, const QString& token)
{
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job* j) {
        if (j->error() == QKeychain::NoError) {
            Q_EMIT saved(account);
        } else {
            qCWarning(lcClientKeychain) << "storing the token failed:" << j->errorString();
            Q_EMIT failed(Operation::Save, account, describe(j->error()));
        }
    });
    job->start();
}

void TokenStore::remove(const QString& account)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job* j) {
        if (j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound) {
            Q_EMIT removed(account);
        } else {
            qCWarning(lcClientKeychain) << "removing the token failed:" << j->errorString();
            Q_EMIT failed(Operation::Remove, account, describe(j->error()));
        }
    });
    job->start();
}
