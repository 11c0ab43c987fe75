#include "SecretKey.h"

#include "ErrnoText.h"
#include "Log.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

bool initCrypto()
{
    return sodium_init() >= 0;
}

SecretKey::SecretKey() = default;

SecretKey::~SecretKey()
{
    sodium_memzero(m_bytes.data(), m_bytes.size());
}

SecretKey::SecretKey(const SecretKey& other) : m_bytes(other.m_bytes) {}

SecretKey& SecretKey::operator=(const SecretKey& other)
{
    m_bytes = other.m_bytes;
    return *this;
}

SecretKey SecretKey::random()
{
    SecretKey k;
    randombytes_buf(k.m_bytes.data(), k.m_bytes.size());
    return k;
}

SecretKey SecretKey::fromBytes(const QByteArray& raw, bool* ok)
{
    SecretKey k;
    const bool good = raw.size() == static_cast<qsizetype>(Size);
    if (good)
        std::memcpy(k.m_bytes.data(), raw.constData(), Size);
    if (ok)
        *ok = good;
    return k;
}

SecretKey SecretKey::derive(quint64 subkeyId, const char context[8]) const
{
    static_assert(crypto_kdf_KEYBYTES == Size && crypto_kdf_CONTEXTBYTES == 8);
    SecretKey sub;
    crypto_kdf_derive_from_key(sub.m_bytes.data(), Size, subkeyId, context, m_bytes.data());
    return sub;
}

QByteArray SecretKey::toHex() const
{
    QByteArray hex(static_cast<qsizetype>(Size * 2 + 1), '\0');
    sodium_bin2hex(hex.data(), static_cast<size_t>(hex.size()), m_bytes.data(), Size);
    hex.chop(1);
    return hex;
}

bool loadOrCreateMasterKey(const QString& path, SecretKey* key, QString* error)
{
    const QByteArray p = QFile::encodeName(path);
    int fd = ::open(p.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        // First start: write a fresh key, visible to the owner only.
        fd = ::open(p.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0) {
            *error = QStringLiteral("cannot create master key %1: %2").arg(path, errnoText());
            return false;
        }
        *key = SecretKey::random();
        const bool written =
            ::write(fd, key->data(), SecretKey::Size) == static_cast<ssize_t>(SecretKey::Size) &&
            ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            ::unlink(p.constData());
            *error = QStringLiteral("cannot write master key %1").arg(path);
            return false;
        }
        qCInfo(lcCrypto) << "created a new master key at" << path;
        return true;
    }
    if (fd < 0) {
        *error = QStringLiteral("cannot open master key %1: %2").arg(path, errnoText());
        return false;
    }
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || (st.st_mode & 077) != 0) {
        ::close(fd);
        *error = QStringLiteral("master key %1 must be readable by its owner only (chmod 600)").arg(path);
        return false;
    }
    const ssize_t n = ::read(fd, key->data(), SecretKey::Size);
    char extra = 0;
    const ssize_t more = ::read(fd, &extra, 1);
    ::close(fd);
    if (n != static_cast<ssize_t>(SecretKey::Size) || more != 0) {
        *error = QStringLiteral("master key %1 is not %2 bytes").arg(path).arg(SecretKey::Size);
        return false;
    }
    return true;
}
