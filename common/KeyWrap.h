#pragma once
#include "SecretKey.h"

#include <QByteArray>

/// Authenticated encryption of small secrets at rest (XChaCha20-Poly1305, random nonce): per-job keys
/// under a key-encryption key, and other bytes (fingerprint templates) under a purpose key.
/// The associated data binds a sealed value to its owner (a job, a user), so values cannot be swapped.
namespace KeyWrap {
/// Returns nonce || ciphertext || tag of `plain` under `key`, authenticated with `associatedData`.
QByteArray seal(const SecretKey& key, const QByteArray& plain, const QByteArray& associatedData);
/// Opens `sealed` into `plain`; returns false (and leaves `plain` empty) when it was tampered with,
/// is truncated, or belongs to other associated data or another key.
[[nodiscard]] bool open(const SecretKey& key, const QByteArray& sealed, const QByteArray& associatedData,
                        QByteArray* plain);

/// Returns nonce || ciphertext of `key` under `kek`, authenticated with `associatedData`.
QByteArray wrap(const SecretKey& kek, const SecretKey& key, const QByteArray& associatedData);
/// Unwraps `wrapped` into `key`; returns false when it was tampered with or belongs to other data.
[[nodiscard]] bool unwrap(const SecretKey& kek, const QByteArray& wrapped, const QByteArray& associatedData,
                          SecretKey* key);
} // namespace KeyWrap
