#include "PasswordHasher.h"

#include <sodium.h>

namespace PasswordHasher {

// OWASP's Argon2id minimum (19 MiB, t=2): a kiosk PIN check stays well under 100 ms on the server.
constexpr unsigned long long OpsLimit = 2;
constexpr size_t MemLimit = 19 * 1024 * 1024;

QString hash(const QString& secret)
{
    QByteArray s = secret.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const int rc =
        crypto_pwhash_str(out, s.constData(), static_cast<unsigned long long>(s.size()), OpsLimit, MemLimit);
    sodium_memzero(s.data(), static_cast<size_t>(s.size()));
    return rc == 0 ? QString::fromLatin1(out) : QString();
}

bool verify(const QString& encoded, const QString& secret)
{
    if (encoded.isEmpty())
        return false;
    const QByteArray e = encoded.toLatin1();
    QByteArray s = secret.toUtf8();
    const bool ok = crypto_pwhash_str_verify(e.constData(), s.constData(),
                                             static_cast<unsigned long long>(s.size())) == 0;
    sodium_memzero(s.data(), static_cast<size_t>(s.size()));
    return ok;
}

} // namespace PasswordHasher
