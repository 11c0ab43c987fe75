#pragma once
#include "SecretKey.h"

#include <QByteArray>

/// Wrapping of per-job keys with a key-encryption key (XChaCha20-Poly1305, random nonce).
/// The associated data binds a wrapped key to one job, so keys cannot be swapped between jobs.
namespace KeyWrap {
/// Returns nonce || ciphertext of `key` under `kek`, authenticated with `associatedData`.
QByteArray wrap(const SecretKey& kek, const SecretKey& key, const QByteArray& associatedData);
/// Unwraps `wrapped` into `key`; returns false when it was tampered with or belongs to other data.
[[nodiscard]] bool unwrap(const SecretKey& kek, const QByteArray& wrapped, const QByteArray& associatedData,
                          SecretKey* key);
} // namespace KeyWrap
