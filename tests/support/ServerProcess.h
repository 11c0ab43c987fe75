#pragma once
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

/// Runs the real mps-server (and mps-admin) from a build directory for tests: a private data
/// directory, a free loopback port, TLS only, with the server's self-signed certificate.
class ServerProcess
{
public:
    /// Prepares a server from `buildDir` (the one holding server/mps-server) with an empty data directory.
    explicit ServerProcess(const QString& buildDir);
    /// Kills the server if it still runs.
    ~ServerProcess();

    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// Runs `mps-admin --data DIR <args>` with `input` on its standard input. Returns its exit code
    /// (-1 if it did not run) and puts what it printed in `output`.
    int admin(const QStringList& args, const QByteArray& input = {}, QString* output = nullptr);

    /// Further mps-server arguments for the next start(): a --config file (which must not set data or
    /// listen), a fax gateway's options ...
    void setExtraArguments(const QStringList& args) { m_extraArguments = args; }
    /// Starts mps-server (on the same port when started before) and waits until https://.../healthz
    /// answers. Returns false with `error` and the server's log when it does not come up.
    [[nodiscard]] bool start(QString* error, int timeoutMs = 15000);
    /// Kills the server and waits for it to end.
    void stop();

    /// Returns true while the server process runs.
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// Returns the server's address, e.g. https://127.0.0.1:40123.
    QUrl baseUrl() const;
    /// Returns the port the server listens on (0 before the first start()).
    quint16 port() const { return m_port; }
    /// Returns the SHA-256 of the server certificate's DER encoding as hex (empty before start()).
    QByteArray certificateSha256Hex() const { return m_certSha256Hex; }
    /// Returns the data directory.
    QString dataDir() const { return m_dir.path(); }
    /// Returns what the server printed so far.
    QString log() const { return QString::fromLocal8Bit(m_log); }

    /// Returns a loopback port nothing listens on now (0 when none could be found).
    static quint16 freePort();

private:
    bool waitForHealth(int timeoutMs, QString* error);

    QString m_buildDir;
    QStringList m_extraArguments;
    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_log;
    QByteArray m_certSha256Hex;
    quint16 m_port = 0;
};
