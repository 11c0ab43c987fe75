#pragma once
#include "LruMap.h"

#include <QHash>
#include <QString>
#include <mutex>

/// Counts failed sign-ins per source (a client address, or a kiosk) and per (account name, source),
/// in memory and bounded, so that guessing is slow from any one place while the person whose name is
/// guessed still signs in from anywhere else.
///
/// - Per source: a leaky bucket of `sourceBurst` attempts that refills one every `sourceRefillSecs`.
///   A source whose bucket is empty is refused (without a password check) until it refills; which
///   names it tried does not matter, so the refusal tells nothing about accounts.
/// - Per (name, source): `pairFailures` failures lock that name from that source for `pairLockSecs`,
///   doubling with each further lock (up to `pairLockMaxSecs`). The count restarts when the lock
///   ends; a good sign-in clears the pair. Names that no account has are counted the same way.
/// Thread-safe.
class LoginThrottle
{
public:
    struct Settings
    {
        int pairFailures = 5;
        qint64 pairLockSecs = 300;
        qint64 pairLockMaxSecs = 3600;
        int sourceBurst = 20;
        qint64 sourceRefillSecs = 30;
        int maxSources = 10000; ///< table bounds: the least recently used entries go first
        int maxPairs = 50000;
    };

    /// What a source may do now.
    struct Verdict
    {
        bool refused = false;       ///< do not check the secret: the source or the pair is locked
        qint64 until = 0;           ///< refused (or locked by this failure): when trying again is allowed
        int attemptsLeft = -1;      ///< after a failure: failures left before the pair or source is refused
        bool sourceLimited = false; ///< the source's bucket (not the pair) is the limit
    };

    explicit LoginThrottle(Settings settings);

    /// Returns the throttle key of a client address: the address itself, the /64 prefix for IPv6.
    static QString sourceForAddress(const QString& address);
    /// Returns the throttle key of a kiosk device.
    static QString sourceForKiosk(qint64 kioskId);

    /// Before checking a secret of `name` from `source`: refused, or admitted (which takes one
    /// attempt from the source's bucket until fail() or succeed() says how it went).
    Verdict admit(const QString& source, const QString& name, qint64 now);
    /// The secret was wrong (after admit()). Returns attempts left, or refused/until when this
    /// failure locks the pair or empties the source's bucket.
    Verdict fail(const QString& source, const QString& name, qint64 now);
    /// The secret was right, or the check was not made (server busy): gives the attempt back and,
    /// when `clearPair`, forgets the pair's failures.
    void succeed(const QString& source, const QString& name, qint64 now, bool clearPair = true);
    /// Returns when the lock of `name` from `source` ends, 0 when not locked (for card and fingerprint
    /// sign-ins of a known account, which guess no secret but must not undo a lock).
    qint64 pairLockedUntil(const QString& source, const QString& name, qint64 now);
    /// Entries held (for tests of the bounds).
    std::size_t sourceCount() const;
    std::size_t pairCount() const;

private:
    struct Bucket
    {
        double level = 0; ///< attempts in the bucket (full = sourceBurst)
        qint64 updated = 0;
    };
    struct Pair
    {
        int failures = 0;
        qint64 lockedUntil = 0;
        int strikes = 0; ///< locks so far, for the growing lock time
        qint64 lastFailure = 0;
    };
    struct KeyHash
    {
        std::size_t operator()(const QString& s) const { return qHash(s); }
    };

    Bucket& bucket(const QString& source, qint64 now);
    Pair& pair(const QString& source, const QString& name, qint64 now);
    static QString pairKey(const QString& source, const QString& name);
    /// Seconds until the bucket holds one more attempt than now.
    qint64 secondsToNextAttempt(const Bucket& b) const;

    Settings m_settings;
    mutable std::mutex m_mutex;
    LruMap<QString, Bucket, KeyHash> m_sources;
    LruMap<QString, Pair, KeyHash> m_pairs;
};
