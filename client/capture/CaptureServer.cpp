#include "CaptureServer.h"

#include "CaptureLog.h"
#include "ErrnoText.h"
#include "Outbox.h"

#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int MaxLineLength = 128;
constexpr int ConnectionTimeoutMs = 5000;

} // namespace

CaptureServer::CaptureServer(QObject* parent) : QObject(parent), m_server(new QLocalServer(this))
{
    connect(m_server, &QLocalServer::newConnection, this, &CaptureServer::onNewConnection);
}

CaptureServer::~CaptureServer()
{
    close();
}

QString CaptureServer::defaultSocketPath()
{
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty())
        runtime = QStringLiteral("/run/user/%1").arg(::getuid());
    return runtime + QStringLiteral("/mps/capture.sock");
}

bool CaptureServer::listen(const QString& path)
{
    close();
    const QString dir = QFileInfo(path).absolutePath();
    const QByteArray dirName = QFile::encodeName(dir);
    if (::mkdir(dirName.constData(), 0700) != 0 && errno != EEXIST) {
        m_error = tr("The folder %1 for print capture cannot be created (%2).").arg(dir, errnoText());
        return false;
    }
    struct stat st
    {
    };
    if (::lstat(dirName.constData(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() ||
        (st.st_mode & 077) != 0) {
        m_error = tr("The folder %1 for print capture is not private to you. Log out and in again; if this "
                     "keeps happening, ask IT support.")
                      .arg(dir);
        return false;
    }
    // A socket that answers belongs to a running instance; one that does not is left from a crash.
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(500)) {
        probe.abort();
        m_error = tr("Another MPS app is already receiving print jobs for you.");
        return false;
    }
    QLocalServer::removeServer(path);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(path)) {
        m_error = tr("Print capture cannot start (%1).").arg(m_server->errorString());
        return false;
    }
    qCInfo(lcCapture).noquote() << "capture doorbell listening on" << path;
    return true;
}

void CaptureServer::close()
{
    if (m_server->isListening())
        m_server->close();
}

bool CaptureServer::isListening() const
{
    return m_server->isListening();
}

void CaptureServer::onNewConnection()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        struct ucred cred
        {
        };
        socklen_t len = sizeof cred;
        const auto fd = static_cast<int>(socket->socketDescriptor());
        if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
            (cred.uid != 0 && cred.uid != ::getuid())) {
            qCWarning(lcCapture) << "refused a capture notice from uid" << cred.uid << "pid" << cred.pid;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        QTimer::singleShot(ConnectionTimeoutMs, socket, [socket] { socket->abort(); });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

void CaptureServer::onReadyRead(QLocalSocket* socket)
{
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > MaxLineLength)
            socket->abort();
        return;
    }
    const QByteArray line = socket->readLine(MaxLineLength + 1).trimmed();
    const QString id = QString::fromLatin1(line.mid(9));
    if (!line.startsWith("captured ") || !Outbox::isValidId(id)) {
        socket->write("error\n");
        socket->disconnectFromServer();
        return;
    }
    socket->write("ok\n");
    socket->disconnectFromServer();
    qCDebug(lcCapture).noquote() << "capture notice for" << id;
    Q_EMIT captured(id);
}
