#pragma once
#include "Clock.h"
#include "LoginThrottle.h"
#include "LruMap.h"
#include "PasswordCheckPool.h"
#include "RefusalLog.h"
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
    /// Locked is also "too many failures from this address or kiosk" (lockedUntil says until when);
    /// Busy: every password-check slot stayed taken, nothing was checked (answer 503, try again).
    enum class Status { Ok, NoCredentials, Invalid, Locked, WrongKiosk, InvalidChallenge, Busy };
    Status status = Status::NoCredentials;
    Identity identity;
    QString message;        ///< a sentence for the person at the keyboard
    int attemptsLeft = -1;  ///< Invalid PIN/password/finger: failures left before the lock; -1 unknown
    qint64 lockedUntil = 0; ///< Locked: when the lock ends (UTC seconds); 0 unknown
    bool lockedHere = true; ///< Locked at this address or kiosk only (false: the account, everywhere)
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

/// Password, PIN, card, token and fingerprint-challenge checks, throttled per source.
///
/// Every secret check names its source: the client address (LoginThrottle::sourceForAddress) or the
/// kiosk (LoginThrottle::sourceForKiosk). Failures are counted per source and per (name, source) in
/// memory (LoginThrottle): guessing from one address or kiosk is slowed and then refused, while the
/// person whose name is guessed still signs in from anywhere else. Unknown names are counted and
/// answered exactly like real ones, after a dummy Argon2id check. An account-wide ceiling
/// (`accountFailures` failures from anywhere, e.g. a guess spread over many addresses) locks the
/// account in the database for `lockoutSecs`; that lock is told only to someone who gives the right
/// secret, and does not apply at an address or kiosk where the account signed in before (in memory,
/// `knownSourceSecs`). Argon2id checks run in a bounded pool (PasswordCheckPool).
/// Thread-safe. Fingerprint challenges live in memory only: a restart invalidates them.
/// Tokens are random 256-bit values given to the client once; only their BLAKE2b hashes are stored.
class Authenticator
{
public:
    struct Settings
    {
        qint64 sessionSecs = 12 * 3600;
        qint64 kioskSessionSecs = 300;
        int lockoutFailures = 5;             ///< failures of one name from one source before it locks there
        qint64 lockoutSecs = 300;            ///< the first such lock; doubles with each further one (max 1 h)
        int accountFailures = 50;            ///< failures from anywhere before the account itself locks
        int sourceBurst = 20;                ///< failed sign-ins from one source (any names) before refusals
        qint64 sourceRefillSecs = 30;        ///< ... then one more every this many seconds
        int passwordChecks = 0;              ///< concurrent Argon2id checks; 0: one per core
        qint64 passwordCheckWaitMs = 2000;   ///< wait for a check slot before answering busy
        qint64 knownSourceSecs = 30 * 86400; ///< a good sign-in exempts its source from the account lock
        bool kioskFingerprintVerify = true;  ///< enrolled users confirm card/PIN sign-ins at a sensor
        qint64 verifyChallengeSecs = 120;
        qint64 identifyChallengeSecs = 300;
    };
    /// `fingerprintKey` seals fingerprint templates at rest (the master key's subkey 3, "MPSFPKEY").
    Authenticator(Store& store, const Clock& clock, Settings settings, const SecretKey& fingerprintKey);

    /// Checks `username`'s password, sent from throttle `source` over `route` (for the log). Ok,
    /// Invalid (attemptsLeft), Locked (lockedUntil) or Busy.
    AuthOutcome checkPassword(const QString& username, const QString& password, const QString& source,
                              const QString& route = QStringLiteral("REST"));
    /// Checks `username`'s PIN at kiosk source `source`; answers as checkPassword().
    AuthOutcome checkPin(const QString& username, const QString& pin, const QString& source);
    /// Finds the card's user. Invalid for an unknown card (counts against `source`); Locked when the
    /// source is throttled, the account is locked at this source, or (elsewhere) account-wide.
    AuthOutcome checkCard(const QString& rawCard, const QString& source);
    /// Resolves an Authorization header (Basic or Bearer). `kioskToken` is the X-MPS-Device-Token
    /// header, required for kiosk sessions. `source` throttles Basic sign-ins (client address).
    AuthOutcome fromHeaders(const QByteArray& authorization, const QByteArray& kioskToken,
                            const QString& source = QString(),
                            const QString& route = QStringLiteral("Basic"));
    /// The password-check pool's counters (GET /healthz).
    PasswordCheckPool::Stats passwordCheckStats() const { return m_pool.stats(); }
    /// Writes the refusal-log summaries that are due (called now and then by the server).
    void flushRefusalLog();
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
    /// user with held jobs (possibly none); users locked at this kiosk are left out.
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

    AuthOutcome checkSecret(const QString& username, const QString& secret, bool pin, const QString& source,
                            const QString& route);
    /// Counts a wrong secret of a real account towards the account-wide ceiling; at the ceiling the
    /// account is locked in the database (so the lock outlives a restart) and the count restarts.
    void countAccountFailure(const UserRecord& user, qint64 now);
    /// True when `user` is locked account-wide and `source` is not one it signed in from lately.
    bool accountLockedFor(const UserRecord& user, const QString& source, qint64 now);
    /// After a good sign-in from `source`: remembers the source, forgets the account's count.
    void rememberGoodSource(const UserRecord& user, const QString& source, qint64 now);
    /// Sets `out` to Locked until `lockedUntil`; `here`: at this source only, not the whole account.
    void setLocked(AuthOutcome* out, qint64 lockedUntil, bool here = true) const;
    void setBusy(AuthOutcome* out) const;
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
    LoginThrottle m_throttle;
    PasswordCheckPool m_pool;
    RefusalLog m_refusals;
    struct AccountFailures
    {
        int failures = 0;
        qint64 lastFailure = 0;
    };
    struct IdHash
    {
        std::size_t operator()(qint64 id) const { return std::hash<qint64>()(id); }
    };
    struct KeyHash
    {
        std::size_t operator()(const QString& s) const { return qHash(s); }
    };
    std::mutex m_accountMutex;
    LruMap<qint64, AccountFailures, IdHash> m_accountFailures; ///< user id -> failures from anywhere
    LruMap<QString, qint64, KeyHash> m_goodSources;            ///< "id\nsource" -> last good sign-in
};
