#include "ServerProcess.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTest>

ServerProcess::ServerProcess(const QString& buildDir) : m_buildDir(buildDir)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    QObject::connect(&m_process, &QProcess::readyRead, [this] { m_log += m_process.readAll(); });
}

ServerProcess::~ServerProcess()
{
    stop();
}

int ServerProcess::admin(const QStringList& args, const QByteArray& input, QString* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_buildDir + QStringLiteral("/server/mps-admin"),
            QStringList{QStringLiteral("--data"), dataDir()} + args);
    if (!p.waitForStarted(10000))
        return -1;
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

quint16 ServerProcess::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QUrl ServerProcess::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

bool ServerProcess::start(QString* error, int timeoutMs)
{
    if (isRunning()) {
        *error = QStringLiteral("the server is already running");
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary data directory");
        return false;
    }
    if (!m_port)
        m_port = freePort();
    m_log.clear();
    m_process.start(m_buildDir + QStringLiteral("/server/mps-server"),
                    QStringList{QStringLiteral("--data"), dataDir(), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:%1").arg(m_port)} +
                        m_extraArguments);
    if (!m_process.waitForStarted(10000)) {
        *error = QStringLiteral("mps-server did not start: %1").arg(m_process.errorString());
        return false;
    }
    if (!waitForHealth(timeoutMs, error)) {
        *error += QStringLiteral("\n--- server log ---\n") + log();
        stop();
        return false;
    }
    return true;
}

bool ServerProcess::waitForHealth(int timeoutMs, QString* error)
{
    const QDeadlineTimer deadline(timeoutMs);
    // The certificate is written before the server listens; the start-up line says it listens.
    if (!QTest::qWaitFor([this] { return m_log.contains("listening on https") || !isRunning(); },
                         static_cast<int>(deadline.remainingTime())) ||
        !isRunning()) {
        *error = QStringLiteral("mps-server did not come up (exit code %1)").arg(m_process.exitCode());
        return false;
    }
    const QList<QSslCertificate> certs =
        QSslCertificate::fromPath(dataDir() + QStringLiteral("/tls/server.crt"));
    if (certs.isEmpty()) {
        *error = QStringLiteral("no certificate in %1/tls/server.crt").arg(dataDir());
        return false;
    }
    const QSslCertificate cert = certs.constFirst();
    m_certSha256Hex = QCryptographicHash::hash(cert.toDer(), QCryptographicHash::Sha256).toHex();

    QNetworkAccessManager nam;
    QUrl url = baseUrl();
    url.setPath(QStringLiteral("/healthz"));
    while (!deadline.hasExpired()) {
        QNetworkReply* reply = nam.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply, cert](const QList<QSslError>& errors) {
                             if (reply->sslConfiguration().peerCertificate() == cert)
                                 reply->ignoreSslErrors(errors);
                         });
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); },
                                          static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        const bool healthy =
            done && reply->error() == QNetworkReply::NoError && reply->readAll().contains("\"ok\"");
        delete reply;
        if (healthy)
            return true;
        if (!isRunning())
            break;
        QTest::qWait(50); // the server answers "starting" briefly; ask again shortly
    }
    *error = QStringLiteral("https://127.0.0.1:%1/healthz did not answer ok").arg(m_port);
    return false;
}

void ServerProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
    m_log += m_process.readAll();
}
