#pragma once
#include <QObject>
#include <QString>

#include <memory>

class QLocalServer;
class QLockFile;

/// Keeps mps-client to one instance per user session: a lock file in the user's runtime directory
/// ($XDG_RUNTIME_DIR) says who runs, and a local socket beside it lets a second start ask the first
/// one to show My jobs instead.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// Uses `directory` for the lock and socket (default: the user's runtime directory).
    explicit SingleInstance(const QString& directory = {}, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// Tries to become the one instance. Returns true when this process is it (and now listens for
    /// others); false when another instance runs, which has then been asked to activate.
    [[nodiscard]] bool claim();

    /// Returns a sentence explaining why claim() failed for a reason other than another instance.
    QString errorString() const { return m_error; }

    /// Returns the path of the activation socket.
    QString socketPath() const;

Q_SIGNALS:
    /// Another start of the app asked this instance to show itself.
    void activationRequested();

private:
    void notifyRunningInstance();

    QString m_directory;
    QString m_error;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer* m_server = nullptr;
};
