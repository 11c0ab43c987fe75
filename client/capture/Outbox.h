#pragma once
#include "OutboxCipher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QIODevice;

/// The user's outbox directory, by default /var/spool/mps-outbox/<uid> (mode 0700, owned by the
/// user). Captured jobs, sealed to the user's outbox public key (OutboxCipher), wait here until the
/// server has them. The CUPS backend (mps) writes them; the tray app reads, uploads and deletes them.
///
/// File names; <id> is a capture id, 32 lowercase hex digits chosen by the writer:
///   .tmp-<id>         being written (removed when a writer dies, after a day)
///   <id>.mpsout       complete, waiting for upload
///   <id>.uploading    claimed by an upload that may have reached the server: uploaded again only after
///                     the server's job list shows it did not (OutboxUploader)
///   <id>.rejected     refused by the server (e.g. not a printable document); kept, not retried
///   <id>.unreadable   cannot be decrypted with this user's key (tampered with, or sealed to a lost key)
///   outbox.pub        the user's outbox public key, published by the tray app for the backend
///
/// Paths are built only from validated ids, never from job names. Not thread-safe; all calls are
/// quick local file-system operations.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)
public:
    /// Where a capture is in its life.
    enum class State { Waiting, Uploading, Rejected, Unreadable };

    /// Uses `directory` (see defaultDirectory()). Nothing is touched until prepare().
    explicit Outbox(const QString& directory);

    /// Returns the outbox of the current user: $MPS_OUTBOX_BASE (default /var/spool/mps-outbox)
    /// followed by the numeric user id.
    static QString defaultDirectory();
    /// Returns the directory.
    QString directory() const { return m_dir; }
    /// Returns true when desktop capture is installed on this computer: the spool the directory lives
    /// in (by default /var/spool/mps-outbox, made by mps-queue-setup and systemd-tmpfiles) exists.
    /// Without it the app has nothing to prepare and nothing will ever be captured.
    bool isSpoolInstalled() const;

    /// Creates the directory (mode 0700) when it is missing and checks that it is a real directory
    /// owned by this user that nobody else can write. Returns false with errorString() set otherwise.
    [[nodiscard]] bool prepare();
    /// Writes outbox.pub for `publicKey` (atomically, mode 0600) unless it already holds that key.
    [[nodiscard]] bool
    publishPublicKey(const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey);

    /// Seals the document read from `document` with `metadata` into a new waiting file, written to a
    /// temporary name, flushed to disk and renamed into place. `metadata` gets "captureId" set.
    /// Returns the new capture id, or an empty string with errorString() set.
    [[nodiscard]] QString add(QIODevice* document, QJsonObject metadata,
                              const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey);

    /// Returns true when `id` is a well-formed capture id.
    static bool isValidId(const QString& id);
    /// Returns a new random capture id.
    static QString newId();

    /// Returns the path of capture `id` in `state` (empty for an invalid id).
    QString path(const QString& id, State state) const;
    /// Returns the ids of the captures in `state`, oldest first.
    QStringList ids(State state) const;
    /// Returns when the file of `id` in `state` last changed (invalid when it does not exist).
    QDateTime lastModified(const QString& id, State state) const;
    /// Sets the modification time of `id` in `state` to now (marks when an upload attempt ended).
    [[nodiscard]] bool touch(const QString& id, State state);
    /// Renames `id` from one state to another and flushes the directory. False when it was not there.
    [[nodiscard]] bool move(const QString& id, State from, State to);
    /// Deletes `id` in `state` and flushes the directory.
    [[nodiscard]] bool remove(const QString& id, State state);
    /// Removes temporary files older than `maxAgeSecs` (left by a writer that died); returns how many.
    int removeStaleTemporaries(qint64 maxAgeSecs);

    /// Returns why the last failed call failed, as a sentence for the user.
    QString errorString() const { return m_error; }

private:
    bool syncDirectory();

    QString m_dir;
    QString m_error;
};
