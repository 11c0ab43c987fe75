#include "Authenticator.h"

#include "CardNumber.h"
#include "Log.h"
#include "PasswordHasher.h"

#include <sodium.h>

namespace {
constexpr qint64 BasicCacheSecs = 300;
}

Authenticator::Authenticator(Store& store, const Clock& clock, Settings settings)
    : m_store(store), m_clock(clock), m_settings(settings)
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
    const QString wrong = pin ? QStringLiteral("The ID or PIN is not correct. Check them and try again.")
                              : QStringLiteral("The user name or password is not correct. Check them and try again.");
    auto user = m_store.userByName(username);
    if (!user) {
        // Same work and the same answer as a wrong password: no user-name probing.
        static const QString dummy = PasswordHasher::hash(QStringLiteral("not-a-user"));
        (void)PasswordHasher::verify(dummy, secret);
        out.status = AuthOutcome::Status::Invalid;
        out.message = wrong;
        return out;
    }
    const qint64 now = m_clock.nowSecs();
    if (user->lockedUntil > now) {
        out.status = AuthOutcome::Status::Locked;
        const qint64 minutes = (user->lockedUntil - now + 59) / 60;
        out.message = QStringLiteral("Too many failed attempts. Try again in %1 minute(s) or ask the print admin.")
                          .arg(minutes);
        qCInfo(lcAuth).noquote() << "sign-in refused for locked account" << username;
        return out;
    }
    const QString& hash = pin ? user->pinHash : user->passwordHash;
    if (!PasswordHasher::verify(hash, secret)) {
        m_store.recordAuthFailure(user->id, now, m_settings.lockoutFailures, m_settings.lockoutSecs);
        qCInfo(lcAuth).noquote() << "failed" << (pin ? "PIN" : "password") << "for" << username;
        out.status = AuthOutcome::Status::Invalid;
        out.message = wrong;
        return out;
    }
    if (user->failedAttempts)
        m_store.clearAuthFailures(user->id);
    out.status = AuthOutcome::Status::Ok;
    out.identity.user = *user;
    return out;
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
        out.message = QStringLiteral("This card is not registered. Sign in with your ID and password once to link it.");
        return out;
    }
    if (user->lockedUntil > m_clock.nowSecs()) {
        out.status = AuthOutcome::Status::Locked;
        out.message = QStringLiteral("This account is locked after too many failed attempts. Ask the print admin.");
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
                if (auto user = m_store.userByName(username); user && user->lockedUntil <= now) {
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
