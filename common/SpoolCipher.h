#pragma once
#include "SecretKey.h"

#include <QIODevice>
#include <QString>
#include <memory>
#include <sodium.h>
#include <vector>

/// The encrypted spool file format, one file per document:
///   "MPSJ" | version (1 byte) | 3 reserved bytes | chunk size (u32 LE) | secretstream header (24 bytes)
///   then chunks of crypto_secretstream_xchacha20poly1305 ciphertext, each holding up to `chunk size`
///   plaintext bytes; the last chunk carries TAG_FINAL, so truncation and reordering are detected.
namespace SpoolFormat {
constexpr int HeaderSize = 12 + crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr quint32 DefaultChunkSize = 64 * 1024;
constexpr int ChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
} // namespace SpoolFormat

/// The cipher state before one chunk; lets a reader jump straight to that chunk.
using SpoolChunkState = crypto_secretstream_xchacha20poly1305_state;

/// Index of chunk states that makes an encrypted spool file seekable. Holds key material: kept in
/// memory only, wiped on destruction. Its size grows with chunks (52 bytes per 64 KiB), not bytes.
class SpoolIndex
{
public:
    ~SpoolIndex();
    /// Whether the spool file open on `fd` is as long as the file this index was made of (a cheap
    /// check before the index is used on a file it was not built from; the chunks still authenticate).
    bool fits(int fd) const;
    std::vector<SpoolChunkState> states;
    quint32 chunkSize = SpoolFormat::DefaultChunkSize;
    qint64 plaintextSize = 0;
};

/// Encrypts a document into a spool file as it streams in; memory use is one chunk.
class SpoolWriter
{
public:
    SpoolWriter();
    ~SpoolWriter();

    /// Writes the file header to `fd` (which the caller owns). `keepIndex` records chunk states
    /// for a later SpoolDevice over the same file.
    [[nodiscard]] bool open(int fd, const SecretKey& key, bool keepIndex = false,
                            quint32 chunkSize = SpoolFormat::DefaultChunkSize);
    /// Appends plaintext; whole chunks are encrypted and written as they fill.
    [[nodiscard]] bool write(const char* data, qint64 len);
    /// Writes the final chunk. The file is complete only after this returns true.
    [[nodiscard]] bool finish();

    qint64 plaintextSize() const { return m_total; }
    /// Takes the chunk-state index recorded while writing (only when opened with keepIndex).
    std::unique_ptr<SpoolIndex> takeIndex();
    QString errorString() const { return m_error; }

private:
    bool pushChunk(const unsigned char* data, size_t len, unsigned char tag);

    int m_fd = -1;
    crypto_secretstream_xchacha20poly1305_state m_state{};
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

    /// Reads and checks the header of the spool file open on `fd` (owned by the caller).
    [[nodiscard]] bool open(int fd, const SecretKey& key);
    /// Reads up to `max` plaintext bytes. Returns 0 at the authenticated end of the document,
    /// -1 when the file was tampered with or truncated (errorString() says which).
    qint64 read(char* out, qint64 max);
    /// Reads the whole file to build the seek index for SpoolDevice; returns null on error.
    std::unique_ptr<SpoolIndex> buildIndex();
    QString errorString() const { return m_error; }

private:
    bool pullChunk();

    int m_fd = -1;
    crypto_secretstream_xchacha20poly1305_state m_state{};
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

    bool isSequential() const override { return false; }
    qint64 size() const override;

protected:
    qint64 readData(char* data, qint64 maxlen) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    bool loadChunk(qint64 chunk);

    int m_fd;
    std::shared_ptr<const SpoolIndex> m_index;
    std::vector<unsigned char> m_plain;
    std::vector<unsigned char> m_cipher;
    qint64 m_cached = -1;
    size_t m_cachedLen = 0;
};
