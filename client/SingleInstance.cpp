#include "SingleInstance.h"

#include "ClientLog.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace {
const QByteArray ActivateMessage = QByteArrayLiteral("activate\n");
}

SingleInstance::SingleInstance(const QString& directory, QObject* parent)
    : QObject(parent),
      m_directory(directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)
                                      : directory)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::socketPath() const
{
    return QDir(m_directory).filePath(QStringLiteral("mps-client.sock"));
}

bool SingleInstance::claim()
{
    QDir().mkpath(m_directory);
    m_lock = std::make_unique<QLockFile>(QDir(m_directory).filePath(QStringLiteral("mps-client.lock")));
    // A lock left by a crashed instance is stale after its process is gone; QLockFile checks the pid.
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError) {
            notifyRunningInstance();
            return false;
        }
        m_error = tr("The tray app could not start because its runtime folder %1 is not writable.")
                      .arg(m_directory);
        qCWarning(lcClientTray) << "cannot lock" << m_directory << m_lock->error();
        return false;
    }

    // We hold the lock, so a socket file left behind belongs to a dead instance.
    QLocalServer::removeServer(socketPath());
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(socketPath()))
        qCWarning(lcClientTray) << "activation socket unavailable:" << m_server->errorString();
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* s = m_server->nextPendingConnection()) {
            connect(s, &QLocalSocket::readyRead, this, [this, s] {
                if (s->readAll().startsWith(ActivateMessage.trimmed()))
                    Q_EMIT activationRequested();
                s->disconnectFromServer();
            });
            connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    return true;
}

void SingleInstance::notifyRunningInstance()
{
    // Runs before any window exists, in the process that is about to exit: a short local wait is fine.
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (socket.waitForConnected(1000)) {
        socket.write(ActivateMessage);
        socket.waitForBytesWritten(1000);
        socket.disconnectFromServer();
    }
}
