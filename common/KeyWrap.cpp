#include "KeyWrap.h"

#include <sodium.h>

namespace KeyWrap {

namespace {
constexpr qsizetype NonceLen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype TagLen = crypto_aead_xchacha20poly1305_ietf_ABYTES;

QByteArray sealBytes(const SecretKey& key, const unsigned char* plain, qsizetype plainLen,
                     const QByteArray& associatedData)
{
    QByteArray out(NonceLen + plainLen + TagLen, '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, NonceLen);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + NonceLen, &clen, plain, static_cast<unsigned long long>(plainLen),
        reinterpret_cast<const unsigned char*>(associatedData.constData()),
        static_cast<unsigned long long>(associatedData.size()), nullptr, nonce, key.data());
    return out;
}

// Decrypts into `plain`, which has room for exactly sealed.size() - NonceLen - TagLen bytes.
bool openBytes(const SecretKey& key, const QByteArray& sealed, const QByteArray& associatedData,
               unsigned char* plain)
{
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    unsigned long long mlen = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               plain, &mlen, nullptr, nonce + NonceLen,
               static_cast<unsigned long long>(sealed.size() - NonceLen),
               reinterpret_cast<const unsigned char*>(associatedData.constData()),
               static_cast<unsigned long long>(associatedData.size()), nonce, key.data()) == 0;
}
} // namespace

QByteArray seal(const SecretKey& key, const QByteArray& plain, const QByteArray& associatedData)
{
    return sealBytes(key, reinterpret_cast<const unsigned char*>(plain.constData()), plain.size(),
                     associatedData);
}

bool open(const SecretKey& key, const QByteArray& sealed, const QByteArray& associatedData, QByteArray* plain)
{
    plain->clear();
    if (sealed.size() < NonceLen + TagLen)
        return false;
    QByteArray out(sealed.size() - NonceLen - TagLen, '\0');
    if (!openBytes(key, sealed, associatedData, reinterpret_cast<unsigned char*>(out.data()))) {
        sodium_memzero(out.data(), static_cast<size_t>(out.size()));
        return false;
    }
    *plain = out;
    return true;
}

QByteArray wrap(const SecretKey& kek, const SecretKey& key, const QByteArray& associatedData)
{
    return sealBytes(kek, key.data(), static_cast<qsizetype>(SecretKey::Size), associatedData);
}

bool unwrap(const SecretKey& kek, const QByteArray& wrapped, const QByteArray& associatedData, SecretKey* key)
{
    if (wrapped.size() != NonceLen + static_cast<qsizetype>(SecretKey::Size) + TagLen)
        return false;
    return openBytes(kek, wrapped, associatedData, key->data());
}

} // namespace KeyWrap
