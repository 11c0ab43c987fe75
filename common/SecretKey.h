#pragma once
#include <QByteArray>
#include <QString>
#include <array>
#include <cstddef>

/// A 256-bit symmetric key that wipes itself when destroyed.
class SecretKey
{
public:
    static constexpr std::size_t Size = 32;

    SecretKey();
    ~SecretKey();
    SecretKey(const SecretKey& other);
    SecretKey& operator=(const SecretKey& other);

    /// Returns a key filled from the system CSPRNG.
    static SecretKey random();
    /// Returns a key from exactly Size raw bytes; `ok` is false for any other length.
    static SecretKey fromBytes(const QByteArray& raw, bool* ok);

    /// Derives an independent subkey for one purpose (libsodium crypto_kdf, 8-char context).
    [[nodiscard]] SecretKey derive(quint64 subkeyId, const char context[8]) const;

    unsigned char* data() { return m_bytes.data(); }
    const unsigned char* data() const { return m_bytes.data(); }
    /// Returns the key as lowercase hex (for SQLCipher's raw-key pragma). Wipe the result after use.
    QByteArray toHex() const;

private:
    std::array<unsigned char, Size> m_bytes{};
};

/// Loads the master key from `path`, creating it (mode 0600, O_EXCL) when absent.
/// Returns false and sets `error` when the file exists with the wrong size or permissions.
[[nodiscard]] bool loadOrCreateMasterKey(const QString& path, SecretKey* key, QString* error);

/// Initialises libsodium once; returns false when the library cannot be used.
[[nodiscard]] bool initCrypto();
