#include "Authenticator.h"

#include "CardNumber.h"
#include "KeyWrap.h"
#include "Log.h"
#include "PasswordHasher.h"

#include <sodium.h>

namespace {
constexpr qint64 BasicCacheSecs = 300;
// A kiosk asking again and again keeps at most this many live challenges (the oldest go first).
constexpr int MaxChallengesPerKiosk = 16;

QByteArray fingerprintAd(qint64 userId)
{
    return QByteArrayLiteral("mps-fp:") + QByteArray::number(userId);
}

void wipe(QByteArray* bytes)
{
    if (!bytes->isEmpty() && bytes->isDetached())
        sodium_memzero(bytes->data(), static_cast<size_t>(bytes->size()));
    bytes->clear();
}
} // namespace

FingerprintCandidate::~FingerprintCandidate()
{
    wipe(&templ);
}

namespace {
// One refused sign-in for the log: its full line says the route and the name as typed (made printable).
void logRefusal(RefusalLog& log, const QString& source, const QString& name, const QString& route,
                const QString& reason, qint64 now)
{
    log.refused(source, reason, QStringLiteral("over %1 as \"%2\"").arg(route, RefusalLog::printable(name)),
                now, name);
}

LoginThrottle::Settings throttleSettings(const Authenticator::Settings& s)
{
    LoginThrottle::Settings t;
    t.pairFailures = s.lockoutFailures;
    t.pairLockSecs = s.lockoutSecs;
    t.pairLockMaxSecs = std::max<qint64>(3600, s.lockoutSecs);
    t.sourceBurst = s.sourceBurst;
    t.sourceRefillSecs = s.sourceRefillSecs;
    return t;
}

/// An Argon2id hash with the same parameters as real ones: an unknown name costs the same check.
const QString& dummyHash()
{
    static const QString dummy = PasswordHasher::hash(QStringLiteral("not-a-user"));
    return dummy;
}

QString goodSourceKey(qint64 userId, const QString& source)
{
    return QString::number(userId) + QLatin1Char('\n') + source;
}
} // namespace

Authenticator::Authenticator(Store& store, const Clock& clock, Settings settings,
                             const SecretKey& fingerprintKey)
    : m_store(store), m_clock(clock), m_settings(settings), m_fingerprintKey(fingerprintKey),
      m_throttle(throttleSettings(settings)),
      m_pool(settings.passwordChecks,
             std::chrono::milliseconds(std::max<qint64>(0, settings.passwordCheckWaitMs))),
      m_refusals(lcAuth(), RefusalLog::signInWording()), m_accountFailures(20000), m_goodSources(100000)
{
    m_cacheKey.resize(crypto_generichash_KEYBYTES);
    randombytes_buf(m_cacheKey.data(), static_cast<size_t>(m_cacheKey.size()));
}

QString Authenticator::newToken()
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QByteArray t = QByteArray(reinterpret_cast<const char*>(raw), sizeof raw)
                             .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw, sizeof raw);
    return QString::fromLatin1(t);
}

QByteArray Authenticator::hashToken(const QByteArray& token)
{
    QByteArray out(32, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), 32,
                       reinterpret_cast<const unsigned char*>(token.constData()),
                       static_cast<unsigned long long>(token.size()), nullptr, 0);
    return out;
}

AuthOutcome Authenticator::checkSecret(const QString& username, const QString& secret, bool pin,
                                       const QString& source, const QString& route)
{
    AuthOutcome out;
    const QString what = pin ? QStringLiteral("PIN") : QStringLiteral("password");
    const qint64 now = m_clock.nowSecs();
    // Refused before any check: the source is throttled, or this name is locked from it. Said the
    // same for every name, existing or not.
    const LoginThrottle::Verdict admitted = m_throttle.admit(source, username, now);
    if (admitted.refused) {
        setLocked(&out, admitted.until);
        logRefusal(m_refusals, source, username, route,
                   admitted.sourceLimited ? QStringLiteral("too many failures from there")
                                          : QStringLiteral("locked there"),
                   now);
        return out;
    }
    bool good = false;
    bool rightSecretOfDisabled = false;
    std::optional<UserRecord> user;
    {
        const PasswordCheckPool::Slot slot = m_pool.tryAcquire();
        if (!slot) {
            m_throttle.succeed(source, username, now, false);
            setBusy(&out);
            logRefusal(m_refusals, source, username, route, QStringLiteral("server busy"), now);
            return out;
        }
        user = m_store.userByName(username);
        if (!user) {
            // Same work and the same answer as a wrong secret: no user-name probing.
            (void)PasswordHasher::verify(dummyHash(), secret);
        } else if (user->disabled) {
            // A disabled user cannot sign in anywhere and is answered like a wrong secret. Their own
            // right secret is no guess, though: it does not count towards a lock, so that once an
            // admin enables them again they are not locked out at their own desk.
            const QString& hash = pin ? user->pinHash : user->passwordHash;
            rightSecretOfDisabled = !hash.isEmpty() && PasswordHasher::verify(hash, secret);
            if (hash.isEmpty())
                (void)PasswordHasher::verify(dummyHash(), secret);
        } else {
            // An account without this kind of secret (no PIN set) costs the same check too.
            const QString& hash = pin ? user->pinHash : user->passwordHash;
            good = !hash.isEmpty() && PasswordHasher::verify(hash, secret);
            if (hash.isEmpty())
                (void)PasswordHasher::verify(dummyHash(), secret);
        }
    }
    if (!good) {
        const bool known = user && !user->disabled;
        if (known)
            countAccountFailure(*user, now);
        LoginThrottle::Verdict failed;
        if (rightSecretOfDisabled) {
            m_throttle.succeed(source, username, now, false);
            failed.attemptsLeft = -1;
        } else {
            failed = m_throttle.fail(source, username, now);
        }
        logRefusal(m_refusals, source, username, route,
                   !user            ? QStringLiteral("unknown name")
                   : user->disabled ? QStringLiteral("disabled account")
                                    : QStringLiteral("wrong ") + what,
                   now);
        // The failure that locks says so at once, with when the lock ends.
        if (failed.refused) {
            setLocked(&out, failed.until);
            return out;
        }
        out.status = AuthOutcome::Status::Invalid;
        out.message =
            pin ? QStringLiteral("The ID or PIN is not correct. Check them and try again.")
                : QStringLiteral("The user name or password is not correct. Check them and try again.");
        out.attemptsLeft = failed.attemptsLeft;
        return out;
    }
    m_throttle.succeed(source, username, now);
    // The account-wide lock is told only to someone who knows the secret.
    if (accountLockedFor(*user, source, now)) {
        setLocked(&out, user->lockedUntil, false);
        logRefusal(m_refusals, source, username, route, QStringLiteral("account locked"), now);
        return out;
    }
    rememberGoodSource(*user, source, now);
    out.status = AuthOutcome::Status::Ok;
    out.identity.user = *user;
    return out;
}

void Authenticator::countAccountFailure(const UserRecord& user, qint64 now)
{
    bool lock = false;
    {
        std::lock_guard guard(m_accountMutex);
        AccountFailures& a = m_accountFailures.touch(user.id);
        if (a.lastFailure && now - a.lastFailure > 86400)
            a = AccountFailures();
        a.lastFailure = now;
        if (++a.failures >= std::max(1, m_settings.accountFailures)) {
            // The count restarts with the lock, so it ends for good unless as many failures follow.
            a = AccountFailures();
            lock = true;
        }
    }
    if (!lock)
        return;
    m_store.recordAuthFailure(user.id, now, 1, m_settings.lockoutSecs);
    qCWarning(lcAuth).noquote() << "account" << user.name << "locked for" << m_settings.lockoutSecs
                                << "s after" << m_settings.accountFailures
                                << "failed sign-ins; where it signed in lately it still can";
}

bool Authenticator::accountLockedFor(const UserRecord& user, const QString& source, qint64 now)
{
    if (user.lockedUntil <= now)
        return false;
    std::lock_guard guard(m_accountMutex);
    const qint64* last = m_goodSources.find(goodSourceKey(user.id, source));
    return !last || now - *last > m_settings.knownSourceSecs;
}

void Authenticator::rememberGoodSource(const UserRecord& user, const QString& source, qint64 now)
{
    {
        std::lock_guard guard(m_accountMutex);
        m_goodSources.touch(goodSourceKey(user.id, source)) = now;
        m_accountFailures.erase(user.id);
    }
    // A lock that has ended (or counts of older versions) is cleared; a running one is kept even for
    // a known source, so that it still holds elsewhere.
    if ((user.failedAttempts || user.lockedUntil) && user.lockedUntil <= now)
        m_store.clearAuthFailures(user.id);
}

void Authenticator::setLocked(AuthOutcome* out, qint64 lockedUntil, bool here) const
{
    out->lockedHere = here;
    out->status = AuthOutcome::Status::Locked;
    out->message = lockedMessage(lockedUntil);
    out->lockedUntil = lockedUntil;
    out->attemptsLeft = 0;
}

void Authenticator::setBusy(AuthOutcome* out) const
{
    out->status = AuthOutcome::Status::Busy;
    out->message = QStringLiteral("The server is busy checking other sign-ins. Try again in a moment.");
}

void Authenticator::flushRefusalLog()
{
    m_refusals.flush(m_clock.nowSecs());
}

QString Authenticator::lockedMessage(qint64 lockedUntil) const
{
    const qint64 minutes = (lockedUntil - m_clock.nowSecs() + 59) / 60;
    return QStringLiteral("Too many failed attempts. Try again in %1 minute(s) or ask the print admin.")
        .arg(std::max<qint64>(1, minutes));
}

AuthOutcome Authenticator::checkPassword(const QString& username, const QString& password,
                                         const QString& source, const QString& route)
{
    return checkSecret(username, password, false, source, route);
}

AuthOutcome Authenticator::checkPin(const QString& username, const QString& pin, const QString& source)
{
    return checkSecret(username, pin, true, source, QStringLiteral("kiosk PIN"));
}

AuthOutcome Authenticator::checkCard(const QString& rawCard, const QString& source)
{
    AuthOutcome out;
    const qint64 now = m_clock.nowSecs();
    // Card numbers can be guessed too: an unknown card costs the source one attempt.
    static const QString cardName = QStringLiteral("#card");
    const LoginThrottle::Verdict admitted = m_throttle.admit(source, cardName, now);
    if (admitted.refused) {
        setLocked(&out, admitted.until);
        logRefusal(m_refusals, source, QStringLiteral("(card)"), QStringLiteral("kiosk card"),
                   QStringLiteral("too many failures from there"), now);
        return out;
    }
    const QString card = CardNumber::normalize(rawCard);
    auto user = card.isEmpty() ? std::nullopt : m_store.userByCard(card);
    if (!user) {
        logRefusal(m_refusals, source, QStringLiteral("(card)"), QStringLiteral("kiosk card"),
                   QStringLiteral("unknown card"), now);
        out.status = AuthOutcome::Status::Invalid;
        out.message =
            QStringLiteral("This card is not registered. Sign in with your ID and password once to link it.");
        return out;
    }
    m_throttle.succeed(source, cardName, now, false);
    // Said like a locked PIN sign-in: until when, and what to do. A name locked at this kiosk
    // (wrong PINs or fingers here) stays locked for its card here too.
    qint64 until = m_throttle.pairLockedUntil(source, user->name, now);
    const bool here = until != 0;
    if (!until && accountLockedFor(*user, source, now))
        until = user->lockedUntil;
    if (until) {
        setLocked(&out, until, here);
        logRefusal(m_refusals, source, user->name, QStringLiteral("kiosk card"), QStringLiteral("locked"),
                   now);
        return out;
    }
    rememberGoodSource(*user, source, now);
    out.status = AuthOutcome::Status::Ok;
    out.identity.user = *user;
    return out;
}

QString Authenticator::createSession(const UserRecord& user, qint64 kioskId)
{
    const QString token = newToken();
    SessionRecord s;
    s.userId = user.id;
    s.kioskId = kioskId;
    s.expires = m_clock.nowSecs() + (kioskId ? m_settings.kioskSessionSecs : m_settings.sessionSecs);
    if (!m_store.addSession(hashToken(token.toLatin1()), s))
        return {};
    return token;
}

void Authenticator::endSession(const QString& token)
{
    m_store.removeSession(hashToken(token.toLatin1()));
}

std::optional<KioskRecord> Authenticator::kioskForToken(const QByteArray& deviceToken)
{
    if (deviceToken.isEmpty())
        return std::nullopt;
    return m_store.kioskByTokenHash(hashToken(deviceToken));
}

AuthOutcome Authenticator::fromHeaders(const QByteArray& authorization, const QByteArray& kioskToken,
                                       const QString& source, const QString& route)
{
    AuthOutcome out;
    const QByteArray auth = authorization.trimmed();
    if (auth.startsWith("Bearer ") || auth.startsWith("bearer ")) {
        const QByteArray token = auth.mid(7).trimmed();
        auto session = m_store.sessionByTokenHash(hashToken(token), m_clock.nowSecs());
        auto user = session ? m_store.userById(session->userId) : std::nullopt;
        if (!session || !user) {
            out.status = AuthOutcome::Status::Invalid;
            out.message = QStringLiteral("Your session has ended. Sign in again.");
            return out;
        }
        if (session->kioskId) {
            auto kiosk = kioskForToken(kioskToken);
            if (!kiosk || kiosk->id != session->kioskId) {
                out.status = AuthOutcome::Status::WrongKiosk;
                out.message = QStringLiteral("This session belongs to another kiosk. Sign in again here.");
                return out;
            }
            out.identity.kioskId = kiosk->id;
            out.identity.kioskPrinterId = kiosk->printerId;
        }
        out.status = AuthOutcome::Status::Ok;
        out.identity.user = *user;
        return out;
    }
    if (auth.startsWith("Basic ") || auth.startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        if (colon <= 0) {
            out.status = AuthOutcome::Status::Invalid;
            out.message = QStringLiteral("The user name or password is not correct.");
            return out;
        }
        const QString username = QString::fromUtf8(decoded.left(colon));
        // A recently verified user:password pair skips Argon2 (keyed hash, memory only, 5 minutes).
        QByteArray cacheId(32, '\0');
        crypto_generichash(reinterpret_cast<unsigned char*>(cacheId.data()), 32,
                           reinterpret_cast<const unsigned char*>(decoded.constData()),
                           static_cast<unsigned long long>(decoded.size()),
                           reinterpret_cast<const unsigned char*>(m_cacheKey.constData()),
                           static_cast<size_t>(m_cacheKey.size()));
        const qint64 now = m_clock.nowSecs();
        // A cache hit proves the password, so it passes a throttled source (a colleague's guesses
        // behind the same NAT do not stop a print) but not an account-wide lock.
        bool cached = false;
        {
            std::lock_guard lock(m_cacheMutex);
            auto it = m_basicCache.find(cacheId);
            cached = it != m_basicCache.end() && it.value() > now;
        }
        if (cached) {
            if (auto user = m_store.userByName(username);
                user && !user->disabled && !accountLockedFor(*user, source, now)) {
                out.status = AuthOutcome::Status::Ok;
                out.identity.user = *user;
                return out;
            }
        }
        QByteArray password = decoded.mid(colon + 1);
        out = checkPassword(username, QString::fromUtf8(password), source, route);
        sodium_memzero(password.data(), static_cast<size_t>(password.size()));
        if (out.ok()) {
            std::lock_guard lock(m_cacheMutex);
            if (m_basicCache.size() > 10000)
                m_basicCache.clear();
            m_basicCache.insert(cacheId, now + BasicCacheSecs);
        }
        return out;
    }
    out.status = AuthOutcome::Status::NoCredentials;
    out.message = QStringLiteral("Sign in to continue.");
    return out;
}

// --- fingerprints ----------------------------------------------------------------------------

bool Authenticator::enrolFingerprint(const UserRecord& user, const QByteArray& templ, qint64 consentAt)
{
    if (!m_store.setUserFingerprint(user.id, KeyWrap::seal(m_fingerprintKey, templ, fingerprintAd(user.id)),
                                    consentAt)) {
        qCWarning(lcAuth).noquote() << "cannot store the fingerprint of" << user.name;
        return false;
    }
    qCInfo(lcAuth).noquote() << "fingerprint enrolled for" << user.name;
    return true;
}

bool Authenticator::removeFingerprint(const UserRecord& user)
{
    if (!m_store.clearUserFingerprint(user.id)) {
        qCWarning(lcAuth).noquote() << "cannot remove the fingerprint of" << user.name;
        return false;
    }
    qCInfo(lcAuth).noquote() << "fingerprint removed for" << user.name;
    return true;
}

bool Authenticator::openTemplate(qint64 userId, const QString& userName, const QByteArray& sealed,
                                 QByteArray* templ)
{
    if (KeyWrap::open(m_fingerprintKey, sealed, fingerprintAd(userId), templ))
        return true;
    // Another master key, a damaged row or a template copied from another user's row.
    qCWarning(lcAuth).noquote() << "the stored fingerprint of" << userName
                                << "cannot be opened and is ignored; enrol it again";
    return false;
}

std::optional<FingerprintChallenge> Authenticator::verifyChallenge(const UserRecord& user, qint64 kioskId)
{
    if (!m_settings.kioskFingerprintVerify || !user.hasFingerprint)
        return std::nullopt;
    QByteArray templ;
    if (!openTemplate(user.id, user.name, m_store.userFingerprint(user.id), &templ))
        return std::nullopt;
    QList<FingerprintCandidate> candidates;
    candidates.append(FingerprintCandidate(user.name, templ));
    wipe(&templ);
    return issueChallenge(kioskId, std::move(candidates), {{user.name, user.id}},
                          m_settings.verifyChallengeSecs, true);
}

FingerprintChallenge Authenticator::identifyChallenge(qint64 kioskId)
{
    QList<FingerprintCandidate> candidates;
    QHash<QString, qint64> users;
    const qint64 now = m_clock.nowSecs();
    const QString source = LoginThrottle::sourceForKiosk(kioskId);
    for (SealedFingerprint& f : m_store.fingerprintCandidates(now)) {
        if (m_throttle.pairLockedUntil(source, f.userName, now))
            continue;
        QByteArray templ;
        if (!openTemplate(f.userId, f.userName, f.sealed, &templ))
            continue;
        candidates.append(FingerprintCandidate(f.userName, templ));
        wipe(&templ);
        users.insert(f.userName, f.userId);
    }
    return issueChallenge(kioskId, std::move(candidates), std::move(users), m_settings.identifyChallengeSecs,
                          false);
}

FingerprintChallenge Authenticator::issueChallenge(qint64 kioskId, QList<FingerprintCandidate> candidates,
                                                   QHash<QString, qint64> users, qint64 lifetimeSecs,
                                                   bool verification)
{
    FingerprintChallenge out;
    out.challenge = newToken();
    out.expiresIn = lifetimeSecs;
    out.candidates = std::move(candidates);
    const qint64 now = m_clock.nowSecs();
    std::lock_guard lock(m_challengeMutex);
    pruneChallenges(now);
    // Keep a kiosk's live challenges bounded: the oldest of this kiosk makes room.
    for (;;) {
        int mine = 0;
        auto oldest = m_challenges.end();
        for (auto it = m_challenges.begin(); it != m_challenges.end(); ++it) {
            if (it->kioskId != kioskId)
                continue;
            ++mine;
            if (oldest == m_challenges.end() || it->serial < oldest->serial)
                oldest = it;
        }
        if (mine < MaxChallengesPerKiosk)
            break;
        m_challenges.erase(oldest);
    }
    PendingChallenge pending;
    pending.kioskId = kioskId;
    pending.users = std::move(users);
    pending.expires = now + lifetimeSecs;
    pending.serial = ++m_challengeSerial;
    pending.verification = verification;
    m_challenges.insert(hashToken(out.challenge.toLatin1()), std::move(pending));
    return out;
}

void Authenticator::pruneChallenges(qint64 now)
{
    m_challenges.removeIf([now](const auto& it) { return it.value().expires <= now; });
}

AuthOutcome Authenticator::answerChallenge(const QString& challenge, qint64 kioskId, const QString& username,
                                           Verdict verdict)
{
    AuthOutcome out;
    out.status = AuthOutcome::Status::InvalidChallenge;
    out.message = QStringLiteral("The fingerprint check timed out. Tap your card or touch the sensor again.");
    const QByteArray key = hashToken(challenge.toUtf8());
    qint64 userId = 0;
    {
        std::lock_guard lock(m_challengeMutex);
        pruneChallenges(m_clock.nowSecs());
        auto it = m_challenges.constFind(key);
        if (it == m_challenges.cend() || it->kioskId != kioskId)
            return out;
        userId = it->users.value(username);
        if (!userId || (verdict == Verdict::SensorUnavailable && !it->verification))
            return out;
    }
    auto user = m_store.userById(userId);
    if (!user || user->disabled)
        return out;
    // Wrong fingers count like wrong PINs, per (user, kiosk) and per kiosk.
    const qint64 now = m_clock.nowSecs();
    const QString source = LoginThrottle::sourceForKiosk(kioskId);
    const LoginThrottle::Verdict admitted = m_throttle.admit(source, user->name, now);
    if (admitted.refused) {
        setLocked(&out, admitted.until);
        logRefusal(m_refusals, source, user->name, QStringLiteral("fingerprint"),
                   QStringLiteral("locked there"), now);
        return out;
    }
    if (verdict == Verdict::NoMatch) {
        // A finger that matched nobody counts like a wrong PIN; the kiosk may let the person try again.
        countAccountFailure(*user, now);
        const LoginThrottle::Verdict failed = m_throttle.fail(source, user->name, now);
        logRefusal(m_refusals, source, user->name, QStringLiteral("fingerprint"), QStringLiteral("no match"),
                   now);
        if (failed.refused) {
            setLocked(&out, failed.until);
            return out;
        }
        out.attemptsLeft = failed.attemptsLeft;
        out.status = AuthOutcome::Status::Invalid;
        out.message =
            QStringLiteral("The fingerprint did not match. Try again with the finger you registered.");
        return out;
    }
    m_throttle.succeed(source, user->name, now, verdict == Verdict::Match);
    if (accountLockedFor(*user, source, now)) {
        setLocked(&out, user->lockedUntil, false);
        logRefusal(m_refusals, source, user->name, QStringLiteral("fingerprint"),
                   QStringLiteral("account locked"), now);
        return out;
    }
    {
        // Single use: of two concurrent answers, only the one that removes the challenge wins.
        std::lock_guard lock(m_challengeMutex);
        if (m_challenges.remove(key) == 0)
            return out;
    }
    if (verdict == Verdict::SensorUnavailable)
        qCWarning(lcAuth).noquote() << "kiosk" << kioskId << "could not check the fingerprint of"
                                    << user->name << "; signed in with the card, PIN or password alone";
    rememberGoodSource(*user, source, now);
    out.status = AuthOutcome::Status::Ok;
    out.message.clear();
    out.identity.user = *user;
    out.identity.user.failedAttempts = 0;
    return out;
}
