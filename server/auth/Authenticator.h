#pragma once
#include "Clock.h"
#include "Store.h"

#include "SecretKey.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <optional>

/// Who is making a request, once proven.
struct Identity
{
    UserRecord user;
    qint64 kioskId = 0;        ///< set for kiosk sessions
    qint64 kioskPrinterId = 0; ///< the only printer a kiosk session may release to
    bool viaTrustedHost = false;
};

/// Outcome of a credential check.
struct AuthOutcome
{
    /// Invalid also covers a fingerprint that did not match; InvalidChallenge is a fingerprint challenge
    /// that is unknown, expired, used, issued to another kiosk or not for that user.
    enum class Status { Ok, NoCredentials, Invalid, Locked, WrongKiosk, InvalidChallenge };
    Status status = Status::NoCredentials;
    Identity identity;
    QString message;        ///< a sentence for the person at the keyboard
    int attemptsLeft = -1;  ///< Invalid PIN/password/finger: failures left before the lock; -1 unknown
    qint64 lockedUntil = 0; ///< Locked: when the lock ends (UTC seconds); 0 unknown
    bool ok() const { return status == Status::Ok; }
};

/// One enrolled user a kiosk may match a finger against.
struct FingerprintCandidate
{
    QString user;
    QByteArray templ; ///< the plaintext template (a serialized libfprint print), never logged

    FingerprintCandidate(QString name, QByteArray plain) : user(std::move(name)), templ(std::move(plain)) {}
    FingerprintCandidate(const FingerprintCandidate&) = default;
    FingerprintCandidate& operator=(const FingerprintCandidate&) = default;
    /// Wipes the template when this is its last copy.
    ~FingerprintCandidate();
};

/// A request to a kiosk: "match the finger on your sensor against one of these templates and tell me
/// which user it was". Single use, bound to one kiosk and to exactly these users, short-lived.
struct FingerprintChallenge
{
    QString challenge;    ///< opaque random token, given to the kiosk once (only its hash is kept)
    qint64 expiresIn = 0; ///< seconds
    QList<FingerprintCandidate> candidates;
};

/// Password, PIN, card, token and fingerprint-challenge checks with lockout after repeated failures.
/// Thread-safe. Fingerprint challenges live in memory only: a restart invalidates them.
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
        bool kioskFingerprintVerify = true; ///< enrolled users confirm card/PIN sign-ins at a sensor
        qint64 verifyChallengeSecs = 120;
        qint64 identifyChallengeSecs = 300;
    };
    /// `fingerprintKey` seals fingerprint templates at rest (the master key's subkey 3, "MPSFPKEY").
    Authenticator(Store& store, const Clock& clock, Settings settings, const SecretKey& fingerprintKey);

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

    /// Seals `templ` for the user (associated data "mps-fp:<id>") and stores it, replacing any earlier
    /// template. Returns false when it cannot be stored.
    [[nodiscard]] bool enrolFingerprint(const UserRecord& user, const QByteArray& templ, qint64 consentAt);
    /// Forgets the user's fingerprint template. Returns false on a storage error.
    [[nodiscard]] bool removeFingerprint(const UserRecord& user);
    /// After a good card, PIN or password at kiosk `kioskId`, which has a sensor: a challenge for the
    /// user's own template. nullopt when the sign-in needs no fingerprint (policy off, nothing enrolled,
    /// or the stored template cannot be opened), so a session may be opened directly.
    std::optional<FingerprintChallenge> verifyChallenge(const UserRecord& user, qint64 kioskId);
    /// For identification at the sensor of kiosk `kioskId`: a challenge over every enrolled, unlocked
    /// user with held jobs (possibly none).
    FingerprintChallenge identifyChallenge(qint64 kioskId);
    /// A kiosk's verdict on a fingerprint challenge.
    enum class Verdict {
        Match,            ///< the finger matched `username`
        NoMatch,          ///< it did not
        SensorUnavailable ///< the sensor could not check at all (failed, or does not hold this finger)
    };
    /// Takes kiosk `kioskId`'s verdict on `challenge` for `username`. Ok (with the identity) consumes
    /// the challenge and clears the user's failures; a non-match counts as a failed sign-in (Invalid,
    /// or Locked when it locks the account) and leaves the challenge usable until it expires.
    /// SensorUnavailable is accepted only for a verification challenge, whose card/PIN/password was
    /// already good: the sign-in goes on with that first factor alone (as at a kiosk without a
    /// sensor) and is logged; for an identification challenge it is InvalidChallenge.
    AuthOutcome answerChallenge(const QString& challenge, qint64 kioskId, const QString& username,
                                Verdict verdict);

    /// Returns a fresh random token (URL-safe base64 of 32 bytes).
    static QString newToken();
    /// Returns the stored form of a token.
    static QByteArray hashToken(const QByteArray& token);

private:
    struct PendingChallenge
    {
        qint64 kioskId = 0;
        QHash<QString, qint64> users; ///< candidate name -> user id
        qint64 expires = 0;
        quint64 serial = 0;        ///< issue order, to drop a kiosk's oldest
        bool verification = false; ///< after a good first factor (not identification)
    };

    AuthOutcome checkSecret(const QString& username, const QString& secret, bool pin);
    /// A wrong secret for a name nobody has: counts and locks it in memory like a real account, so
    /// the answers (attempts left, locked until) do not tell which user names exist.
    void countUnknownFailure(const QString& username, AuthOutcome* out);
    /// Sets `out` to Locked until `lockedUntil`.
    void setLocked(AuthOutcome* out, qint64 lockedUntil) const;
    QString lockedMessage(qint64 lockedUntil) const;
    /// Opens a user's sealed template into `templ`; false (logged) when it does not open.
    bool openTemplate(qint64 userId, const QString& userName, const QByteArray& sealed, QByteArray* templ);
    FingerprintChallenge issueChallenge(qint64 kioskId, QList<FingerprintCandidate> candidates,
                                        QHash<QString, qint64> users, qint64 lifetimeSecs, bool verification);
    /// Drops expired challenges. Caller holds m_challengeMutex.
    void pruneChallenges(qint64 now);

    Store& m_store;
    const Clock& m_clock;
    Settings m_settings;
    std::mutex m_cacheMutex;
    QHash<QByteArray, qint64>
        m_basicCache; ///< keyed hash of "user:password" -> expiry, spares Argon2 per request
    QByteArray m_cacheKey;
    SecretKey m_fingerprintKey;
    std::mutex m_challengeMutex;
    QHash<QByteArray, PendingChallenge> m_challenges; ///< keyed by hashToken(challenge)
    quint64 m_challengeSerial = 0;
    struct UnknownName
    {
        int failures = 0;
        qint64 lockedUntil = 0;
        qint64 lastFailure = 0;
    };
    std::mutex m_unknownMutex;
    QHash<QString, UnknownName> m_unknownNames; ///< failures of names no account has (memory only)
};
