#pragma once
#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

/// The desktop outbox file format: one file per captured print job, sealed to the user's outbox
/// public key so that the CUPS backend (which has only the public key) can write it and only the
/// tray app (which holds the private key in the keychain) can read it.
///
///   header (116 bytes):
///     "MPSO" | version (1 byte) | 3 reserved zero bytes | chunk size (u32 LE)
///     | crypto_box_seal(file key) (80 bytes) | crypto_secretstream_xchacha20poly1305 header (24)
///   then secretstream messages under the file key:
///     1. the metadata block: u32 LE length | UTF-8 JSON | zero padding to MetadataBlockSize,
///        authenticated together with the whole header (additional data), tag MESSAGE;
///     2. the document in chunks of exactly `chunk size` plaintext bytes, the last one (possibly
///        shorter, possibly empty) with TAG_FINAL, so truncation, reordering and appended data are
///        detected.
///
/// The file key is random per file and wiped after use. The plaintext size follows from the file
/// size alone (plaintextSizeForFileSize), so an upload can announce its length before decrypting.
///
/// Plain C++ and libsodium, no Qt: the root-run CUPS backend compiles this file on its own.
namespace OutboxFormat {
constexpr unsigned char Version = 1;
constexpr std::size_t PublicKeySize = crypto_box_PUBLICKEYBYTES;
constexpr std::size_t SecretKeySize = crypto_box_SECRETKEYBYTES;
constexpr std::size_t SealedKeySize = crypto_box_SEALBYTES + crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr std::size_t HeaderSize = 12 + SealedKeySize + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t ChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr std::size_t MetadataBlockSize = 4096;
constexpr std::size_t MaxMetadataSize = MetadataBlockSize - 4;
constexpr std::uint32_t DefaultChunkSize = 64 * 1024;
constexpr std::uint32_t MaxChunkSize = 16 * 1024 * 1024;

/// Returns the document size of a well-formed outbox file of `fileSize` bytes written with
/// `chunkSize`, or nothing when no well-formed file has that size.
std::optional<std::int64_t> plaintextSizeForFileSize(std::int64_t fileSize, std::uint32_t chunkSize);

/// Returns the public key as the one-line text of an outbox.pub file: "mps-outbox-x25519 <hex>\n".
std::string encodePublicKey(const std::array<unsigned char, PublicKeySize>& key);
/// Parses the text of an outbox.pub file; returns nothing unless it is exactly one well-formed key.
std::optional<std::array<unsigned char, PublicKeySize>> decodePublicKey(std::string_view text);
} // namespace OutboxFormat

/// An X25519 key pair for the outbox; the secret half wipes itself when destroyed.
class OutboxKeyPair
{
public:
    OutboxKeyPair() = default;
    ~OutboxKeyPair();
    OutboxKeyPair(const OutboxKeyPair& other) = default;
    OutboxKeyPair& operator=(const OutboxKeyPair& other) = default;

    /// Returns a new key pair from the system CSPRNG.
    static OutboxKeyPair generate();
    /// Returns the key pair whose secret key is `secret` (SecretKeySize bytes); nothing for any
    /// other length.
    static std::optional<OutboxKeyPair> fromSecretKey(const unsigned char* secret, std::size_t len);
    /// Returns the key pair derived from a 32-byte seed (for known-answer tests only).
    static std::optional<OutboxKeyPair> fromSeed(const unsigned char* seed, std::size_t len);

    const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey() const { return m_public; }
    const std::array<unsigned char, OutboxFormat::SecretKeySize>& secretKey() const { return m_secret; }

private:
    std::array<unsigned char, OutboxFormat::PublicKeySize> m_public{};
    std::array<unsigned char, OutboxFormat::SecretKeySize> m_secret{};
};

/// Seals a document into an outbox file as it streams in; memory use is one chunk.
class OutboxWriter
{
public:
    OutboxWriter();
    ~OutboxWriter();
    OutboxWriter(const OutboxWriter&) = delete;
    OutboxWriter& operator=(const OutboxWriter&) = delete;

    /// Writes the header and the sealed metadata block to `fd` (owned by the caller). `metadata` is
    /// the job's JSON, at most MaxMetadataSize bytes. Returns false with errorString() set on failure.
    [[nodiscard]] bool open(int fd, const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey,
                            std::string_view metadata,
                            std::uint32_t chunkSize = OutboxFormat::DefaultChunkSize);
    /// Appends document bytes; whole chunks are encrypted and written as they fill.
    [[nodiscard]] bool write(const char* data, std::size_t len);
    /// Writes the final chunk. The file is complete only after this returns true (the caller still
    /// has to fsync and rename it into place).
    [[nodiscard]] bool finish();

    /// Returns the number of document bytes written so far.
    std::int64_t plaintextSize() const { return m_total; }
    /// Returns why the last call failed.
    const std::string& errorString() const { return m_error; }

private:
    bool push(const unsigned char* data, std::size_t len, const unsigned char* ad, std::size_t adLen,
              unsigned char tag);

    int m_fd = -1;
    crypto_secretstream_xchacha20poly1305_state m_state{};
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    std::size_t m_fill = 0;
    std::int64_t m_total = 0;
    bool m_finished = false;
    std::string m_error;
};

/// Opens an outbox file and decrypts it front to back; memory use is one chunk.
class OutboxReader
{
public:
    OutboxReader();
    ~OutboxReader();
    OutboxReader(const OutboxReader&) = delete;
    OutboxReader& operator=(const OutboxReader&) = delete;

    /// Reads and authenticates the header and metadata of the outbox file open on `fd` (owned by the
    /// caller, positioned at the start). Returns false with errorString() set when the file is not an
    /// outbox file, was sealed to another key, or was tampered with.
    [[nodiscard]] bool open(int fd, const OutboxKeyPair& keys);
    /// Returns the job's metadata JSON (valid after open()).
    const std::string& metadata() const { return m_metadata; }
    /// Returns the chunk size the file was written with (valid after open()).
    std::uint32_t chunkSize() const { return m_chunkSize; }
    /// Reads up to `max` document bytes. Returns 0 at the authenticated end of the document and -1
    /// when the file was tampered with or truncated (errorString() says which).
    std::int64_t read(char* out, std::size_t max);
    /// Returns why the last call failed.
    const std::string& errorString() const { return m_error; }

private:
    bool pullChunk();

    int m_fd = -1;
    crypto_secretstream_xchacha20poly1305_state m_state{};
    std::uint32_t m_chunkSize = 0;
    std::string m_metadata;
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    std::size_t m_pos = 0;
    std::size_t m_len = 0;
    bool m_final = false;
    bool m_failed = false;
    std::string m_error;
};
