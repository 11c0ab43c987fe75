#include "KeyWrap.h"

#include <sodium.h>

namespace KeyWrap {

QByteArray wrap(const SecretKey& kek, const SecretKey& key, const QByteArray& associatedData)
{
    constexpr qsizetype nonceLen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray out(nonceLen + static_cast<qsizetype>(SecretKey::Size) + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                   '\0');
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, nonceLen);
    unsigned long long clen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceLen, &clen, key.data(), SecretKey::Size,
                                               reinterpret_cast<const unsigned char*>(associatedData.constData()),
                                               static_cast<unsigned long long>(associatedData.size()), nullptr,
                                               nonce, kek.data());
    return out;
}

bool unwrap(const SecretKey& kek, const QByteArray& wrapped, const QByteArray& associatedData, SecretKey* key)
{
    constexpr qsizetype nonceLen = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (wrapped.size() != nonceLen + static_cast<qsizetype>(SecretKey::Size) + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return false;
    const auto* nonce = reinterpret_cast<const unsigned char*>(wrapped.constData());
    unsigned long long mlen = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               key->data(), &mlen, nullptr, nonce + nonceLen,
               static_cast<unsigned long long>(wrapped.size() - nonceLen),
               reinterpret_cast<const unsigned char*>(associatedData.constData()),
               static_cast<unsigned long long>(associatedData.size()), nonce, kek.data())
        == 0
        && mlen == SecretKey::Size;
}

} // namespace KeyWrap
