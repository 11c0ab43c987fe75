#pragma once
#include "SecretKey.h"

#include <QIODevice>
#include <QString>
#include <memory>
#include <sodium.h>
#include <vector>

/// The encrypted spool file format, one file per document. Every file starts with a 36-byte header:
///   "MPSJ" | version (1 byte) | 3 reserved bytes | chunk size (u32 LE) | 24 bytes (below)
/// then chunks of ciphertext, each holding up to `chunk size` plaintext bytes (all full but the last).
/// - Version 2 (written since 2026-12-05): the 24 bytes are a random salt. The file key is BLAKE2b
///   keyed with the document key over a context string and the whole header, so any change to the
///   header changes it. Chunk i is sealed with ChaCha20-Poly1305 (RFC 8439, OpenSSL) under that key,
///   nonce = i as 11 bytes big-endian | 1 if it is the last chunk else 0, and carries a 16-byte tag:
///   a chunk cannot move, and a file cut at a chunk boundary does not authenticate as complete.
///   The chunk boundaries follow from the chunk size and the file's length, so any chunk can be read
///   on its own with the file key alone.
/// - Version 1 (read only, files written before): the 24 bytes are a crypto_secretstream_xchacha20poly1305
///   header, and the chunks that stream's messages (17 bytes of overhead each), the last with TAG_FINAL.
namespace SpoolFormat {
constexpr int HeaderSize = 12 + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr quint32 DefaultChunkSize = 64 * 1024;
constexpr unsigned char Version = 2; ///< the version written
/// Bytes a chunk adds to its plaintext, by version.
constexpr int ChunkOverheadV1 = crypto_secretstream_xchacha20poly1305_ABYTES;
constexpr int ChunkOverhead = 16;
} // namespace SpoolFormat

/// Version 1: the cipher state before one chunk; lets a reader jump straight to that chunk.
using SpoolChunkState = crypto_secretstream_xchacha20poly1305_state;

/// What makes an encrypted spool file seekable: its file key (version 2) or the state before each
/// chunk (version 1), and its sizes. Holds key material: kept in memory only, wiped on destruction.
class SpoolIndex
{
public:
    ~SpoolIndex();
    /// Whether the spool file open on `fd` is as long as the file this index was made of (a cheap
    /// check before the index is used on a file it was not built from; the chunks still authenticate).
    bool fits(int fd) const;
    unsigned char version = SpoolFormat::Version;
    unsigned char fileKey[32] = {};      ///< version 2
    std::vector<SpoolChunkState> states; ///< version 1: one per chunk
    qint64 chunks = 0;
    quint32 chunkSize = SpoolFormat::DefaultChunkSize;
    qint64 plaintextSize = 0;
};

class SpoolChunkCipher;

/// Encrypts a document into a spool file as it streams in; memory use is one chunk.
class SpoolWriter
{
public:
    SpoolWriter();
    ~SpoolWriter();

    /// Writes the file header (version 2) to `fd` (which the caller owns). `keepIndex` keeps what a
    /// later SpoolDevice over the same file needs.
    [[nodiscard]] bool open(int fd, const SecretKey& key, bool keepIndex = false,
                            quint32 chunkSize = SpoolFormat::DefaultChunkSize);
    /// Appends plaintext; whole chunks are encrypted and written as they fill.
    [[nodiscard]] bool write(const char* data, qint64 len);
    /// Writes the final chunk. The file is complete only after this returns true.
    [[nodiscard]] bool finish();

    qint64 plaintextSize() const { return m_total; }
    /// Takes the index made while writing (only when opened with keepIndex).
    std::unique_ptr<SpoolIndex> takeIndex();
    QString errorString() const { return m_error; }

private:
    bool pushChunk(const unsigned char* data, size_t len, bool last);

    int m_fd = -1;
    std::unique_ptr<SpoolChunkCipher> m_cipherImpl;
    unsigned char m_fileKey[32] = {};
    qint64 m_chunks = 0;
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    size_t m_fill = 0;
    qint64 m_total = 0;
    bool m_finished = false;
    std::unique_ptr<SpoolIndex> m_index;
    QString m_error;
};

/// Decrypts a spool file front to back; memory use is one chunk.
class SpoolReader
{
public:
    SpoolReader();
    ~SpoolReader();

    /// Reads and checks the header of the spool file open on `fd` (owned by the caller), of either
    /// version; the file must not change while it is read.
    [[nodiscard]] bool open(int fd, const SecretKey& key);
    /// Reads up to `max` plaintext bytes. Returns 0 at the authenticated end of the document,
    /// -1 when the file was tampered with or truncated (errorString() says which).
    qint64 read(char* out, qint64 max);
    /// Reads the whole file to build the seek index for SpoolDevice; returns null on error.
    std::unique_ptr<SpoolIndex> buildIndex();
    QString errorString() const { return m_error; }

private:
    bool pullChunk();
    bool pullChunkV1();
    bool pullChunkV2();

    int m_fd = -1;
    unsigned char m_version = 0;
    crypto_secretstream_xchacha20poly1305_state m_state{}; // version 1
    std::unique_ptr<SpoolChunkCipher> m_cipherImpl;        // version 2
    unsigned char m_fileKey[32] = {};
    qint64 m_chunks = 0;     // version 2: how many the file's length makes
    qint64 m_nextChunk = 0;  // version 2
    qint64 m_lastLength = 0; // version 2: the last chunk's ciphertext length
    quint32 m_chunkSize = 0;
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    size_t m_pos = 0;
    size_t m_len = 0;
    bool m_final = false;
    QString m_error;
};

/// A read-only, seekable QIODevice over an encrypted spool file, for readers that need random
/// access (Poppler). Decrypts one chunk at a time using the index, which it only reads: several
/// devices, one after another or at once, may share one index of the same file.
class SpoolDevice : public QIODevice
{
    Q_OBJECT
public:
    /// `fd` stays owned by the caller and must stay open while the device is used.
    SpoolDevice(int fd, std::shared_ptr<const SpoolIndex> index, QObject* parent = nullptr);
    ~SpoolDevice() override;

    /// Opens the device always unbuffered: QIODevice's own read buffer would keep plaintext in blocks
    /// of 16 KiB that it frees without wiping; this device already reads from its decrypted chunk.
    bool open(OpenMode mode) override;
    bool isSequential() const override { return false; }
    qint64 size() const override;

protected:
    qint64 readData(char* data, qint64 maxlen) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    bool loadChunk(qint64 chunk);

    int m_fd;
    std::shared_ptr<const SpoolIndex> m_index;
    std::unique_ptr<SpoolChunkCipher> m_cipherImpl;
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    qint64 m_cached = -1;
    size_t m_cachedLen = 0;
};
