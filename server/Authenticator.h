#pragma once
#include "Clock.h"
#include "Store.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <mutex>
#include <optional>

/// Who is making a request, once proven.
struct Identity
{
    UserRecord user;
    qint64 kioskId = 0;       ///< set for kiosk sessions
    qint64 kioskPrinterId = 0; ///< the only printer a kiosk session may release to
    bool viaTrustedHost = false;
};

/// Outcome of a credential check.
struct AuthOutcome
{
    enum class Status { Ok, NoCredentials, Invalid, Locked, WrongKiosk };
    Status status = Status::NoCredentials;
    Identity identity;
    QString message; ///< a sentence for the person at the keyboard
    bool ok() const { return status == Status::Ok; }
};

/// Password, PIN, card and token checks with lockout after repeated failures. Thread-safe.
/// Tokens are random 256-bit values given to the client once; only their BLAKE2b hashes are stored.
class Authenticator
{
public:
    struct Settings
    {
        qint64 sessionSecs = 12 * 3600;
        qint64 kioskSessionSecs = 300;
        int lockoutFailures = 5;
        qint64 lockoutSecs = 300;
    };
    Authenticator(Store& store, const Clock& clock, Settings settings);

    AuthOutcome checkPassword(const QString& username, const QString& password);
    AuthOutcome checkPin(const QString& username, const QString& pin);
    AuthOutcome checkCard(const QString& rawCard);
    /// Resolves an Authorization header (Basic or Bearer). `kioskToken` is the X-MPS-Device-Token
    /// header, required for kiosk sessions.
    AuthOutcome fromHeaders(const QByteArray& authorization, const QByteArray& kioskToken);
    /// Issues a new session token for the user; `kioskId` non-zero for a kiosk session.
    QString createSession(const UserRecord& user, qint64 kioskId = 0);
    void endSession(const QString& token);
    std::optional<KioskRecord> kioskForToken(const QByteArray& deviceToken);

    /// Returns a fresh random token (URL-safe base64 of 32 bytes).
    static QString newToken();
    /// Returns the stored form of a token.
    static QByteArray hashToken(const QByteArray& token);

private:
    AuthOutcome checkSecret(const QString& username, const QString& secret, bool pin);

    Store& m_store;
    const Clock& m_clock;
    Settings m_settings;
    std::mutex m_cacheMutex;
    QHash<QByteArray, qint64> m_basicCache; ///< keyed hash of "user:password" -> expiry, spares Argon2 per request
    QByteArray m_cacheKey;
};
