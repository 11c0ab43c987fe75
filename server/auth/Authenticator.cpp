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

Authenticator::Authenticator(Store& store, const Clock& clock, Settings settings,
                             const SecretKey& fingerprintKey)
    : m_store(store), m_clock(clock), m_settings(settings), m_fingerprintKey(fingerprintKey)
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

AuthOutcome Authenticator::checkSecret(const QString& username, const QString& secret, bool pin)
{
    AuthOutcome out;
    const QString wrong =
        pin ? QStringLiteral("The ID or PIN is not correct. Check them and try again.")
            : QStringLiteral("The user name or password is not correct. Check them and try again.");
    auto user = m_store.userByName(username);
    if (!user || user->disabled) {
        // Same work and the same answer as a wrong password: no user-name probing (a disabled user
        // cannot sign in anywhere).
        static const QString dummy = PasswordHasher::hash(QStringLiteral("not-a-user"));
        (void)PasswordHasher::verify(dummy, secret);
        out.status = AuthOutcome::Status::Invalid;
        out.message = wrong;
        countUnknownFailure(username, &out);
        return out;
    }
    const qint64 now = m_clock.nowSecs();
    if (user->lockedUntil > now) {
        setLocked(&out, user->lockedUntil);
        qCInfo(lcAuth).noquote() << "sign-in refused for locked account" << username;
        return out;
    }
    const QString& hash = pin ? user->pinHash : user->passwordHash;
    if (!PasswordHasher::verify(hash, secret)) {
        m_store.recordAuthFailure(user->id, now, m_settings.lockoutFailures, m_settings.lockoutSecs);
        qCInfo(lcAuth).noquote() << "failed" << (pin ? "PIN" : "password") << "for" << username;
        // The failure that locks the account says so at once, with when the lock ends.
        const int failures = user->failedAttempts + 1;
        if (failures >= m_settings.lockoutFailures) {
            setLocked(&out, now + m_settings.lockoutSecs);
            return out;
        }
        out.status = AuthOutcome::Status::Invalid;
        out.message = wrong;
        out.attemptsLeft = m_settings.lockoutFailures - failures;
        return out;
    }
    if (user->failedAttempts)
        m_store.clearAuthFailures(user->id);
    out.status = AuthOutcome::Status::Ok;
    out.identity.user = *user;
    return out;
}

void Authenticator::setLocked(AuthOutcome* out, qint64 lockedUntil) const
{
    out->status = AuthOutcome::Status::Locked;
    out->message = lockedMessage(lockedUntil);
    out->lockedUntil = lockedUntil;
    out->attemptsLeft = 0;
}

void Authenticator::countUnknownFailure(const QString& username, AuthOutcome* out)
{
    const qint64 now = m_clock.nowSecs();
    std::lock_guard lock(m_unknownMutex);
    // Bounded: a flood of made-up names forgets the oldest counts rather than grow without end.
    if (m_unknownNames.size() > 10000) {
        for (auto it = m_unknownNames.begin(); it != m_unknownNames.end();)
            it = it->lastFailure + m_settings.lockoutSecs < now ? m_unknownNames.erase(it) : std::next(it);
        if (m_unknownNames.size() > 10000)
            m_unknownNames.clear();
    }
    UnknownName& n = m_unknownNames[username.toLower()];
    if (n.lockedUntil > now) {
        setLocked(out, n.lockedUntil);
        return;
    }
    n.lastFailure = now;
    if (++n.failures >= m_settings.lockoutFailures) {
        n.lockedUntil = now + m_settings.lockoutSecs;
        setLocked(out, n.lockedUntil);
        return;
    }
    out->attemptsLeft = m_settings.lockoutFailures - n.failures;
}

QString Authenticator::lockedMessage(qint64 lockedUntil) const
{
    const qint64 minutes = (lockedUntil - m_clock.nowSecs() + 59) / 60;
    return QStringLiteral("Too many failed attempts. Try again in %1 minute(s) or ask the print admin.")
        .arg(minutes);
}

AuthOutcome Authenticator::checkPassword(const QString& username, const QString& password)
{
    return checkSecret(username, password, false);
}

AuthOutcome Authenticator::checkPin(const QString& username, const QString& pin)
{
    return checkSecret(username, pin, true);
}

AuthOutcome Authenticator::checkCard(const QString& rawCard)
{
    AuthOutcome out;
    const QString card = CardNumber::normalize(rawCard);
    auto user = card.isEmpty() ? std::nullopt : m_store.userByCard(card);
    if (!user) {
        out.status = AuthOutcome::Status::Invalid;
        out.message =
            QStringLiteral("This card is not registered. Sign in with your ID and password once to link it.");
        return out;
    }
    if (user->lockedUntil > m_clock.nowSecs()) {
        // Said like a locked PIN sign-in: until when, and what to do.
        setLocked(&out, user->lockedUntil);
        return out;
    }
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

AuthOutcome Authenticator::fromHeaders(const QByteArray& authorization, const QByteArray& kioskToken)
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
        {
            std::lock_guard lock(m_cacheMutex);
            auto it = m_basicCache.find(cacheId);
            if (it != m_basicCache.end() && it.value() > now) {
                if (auto user = m_store.userByName(username);
                    user && !user->disabled && user->lockedUntil <= now) {
                    out.status = AuthOutcome::Status::Ok;
                    out.identity.user = *user;
                    return out;
                }
            }
        }
        out = checkPassword(username, QString::fromUtf8(decoded.mid(colon + 1)));
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
    for (SealedFingerprint& f : m_store.fingerprintCandidates(m_clock.nowSecs())) {
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
    if (user->lockedUntil > m_clock.nowSecs()) {
        setLocked(&out, user->lockedUntil);
        qCInfo(lcAuth).noquote() << "fingerprint sign-in refused for locked account" << user->name;
        return out;
    }
    if (verdict == Verdict::NoMatch) {
        // A finger that matched nobody counts like a wrong PIN; the kiosk may let the person try again.
        m_store.recordAuthFailure(user->id, m_clock.nowSecs(), m_settings.lockoutFailures,
                                  m_settings.lockoutSecs);
        qCInfo(lcAuth).noquote() << "fingerprint did not match for" << user->name;
        user = m_store.userById(userId);
        if (user && user->lockedUntil > m_clock.nowSecs()) {
            setLocked(&out, user->lockedUntil);
            return out;
        }
        if (user)
            out.attemptsLeft = qMax(0, m_settings.lockoutFailures - user->failedAttempts);
        out.status = AuthOutcome::Status::Invalid;
        out.message =
            QStringLiteral("The fingerprint did not match. Try again with the finger you registered.");
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
    if (verdict == Verdict::SensorUnavailable)
        qCWarning(lcAuth).noquote() << "kiosk" << kioskId << "could not check the fingerprint of"
                                    << user->name << "; signed in with the card, PIN or password alone";
    if (user->failedAttempts)
        m_store.clearAuthFailures(user->id);
    out.status = AuthOutcome::Status::Ok;
    out.message.clear();
    out.identity.user = *user;
    out.identity.user.failedAttempts = 0;
    return out;
}
