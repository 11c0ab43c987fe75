#pragma once
#include <QCoreApplication>
#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

/// The tray app's capture doorbell: a Unix socket at <runtime dir>/mps/capture.sock (by default
/// $XDG_RUNTIME_DIR, else /run/user/<uid>; the directory is made 0700) on which the CUPS backend
/// announces each capture it has just stored in the outbox, so that the upload starts at once
/// instead of at the next look at the directory.
///
/// Only the user's own processes and root may ring (SO_PEERCRED is checked on every connection);
/// a ring carries nothing but a capture id, so a false one costs a look at the outbox and no more.
/// Protocol, one line each way: "captured <32 hex>\n" -> "ok\n" (or "error\n").
class CaptureServer : public QObject
{
    Q_OBJECT
public:
    explicit CaptureServer(QObject* parent = nullptr);
    ~CaptureServer() override;

    /// Returns <runtime dir>/mps/capture.sock for the current user.
    static QString defaultSocketPath();

    /// Listens on `path`, creating its directory (0700) and replacing a stale socket. Returns false
    /// with errorString() set when the directory is not private to this user or another instance is
    /// listening there.
    [[nodiscard]] bool listen(const QString& path);
    /// Stops listening and removes the socket.
    void close();
    /// Returns true while listening.
    bool isListening() const;
    /// Returns why listen() failed, as a sentence for the user.
    QString errorString() const { return m_error; }

Q_SIGNALS:
    /// The backend stored capture `captureId` in the outbox.
    void captured(const QString& captureId);

private:
    void onNewConnection();
    void onReadyRead(QLocalSocket* socket);

    QLocalServer* m_server;
    QString m_error;
};
