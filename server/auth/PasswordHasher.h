#pragma once
#include <QString>

/// Argon2id password and PIN hashing (libsodium crypto_pwhash_str).
namespace PasswordHasher {
/// Returns an encoded Argon2id hash of `secret` (salt and parameters included), empty on failure.
QString hash(const QString& secret);
/// Returns true when `secret` matches `encoded`. Constant-time in the secret.
bool verify(const QString& encoded, const QString& secret);
} // namespace PasswordHasher
