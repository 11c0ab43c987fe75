#include "SpoolCipher.h"

#include "ErrnoText.h"
#include "FdIo.h"
#include "Log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using FdIo::preadFull;
using FdIo::readFull;
using FdIo::writeAll;

constexpr unsigned char Magic[4] = {'M', 'P', 'S', 'J'};
constexpr unsigned char VersionSecretstream = 1;
constexpr quint32 MaxChunkSize = 16 * 1024 * 1024;
constexpr std::size_t FileKeyBytes = sizeof(SpoolIndex::fileKey);
constexpr char FileKeyContext[] = "MPS spool file key, version 2";

quint32 chunkSizeOf(const unsigned char* header)
{
    quint32 size = 0;
    for (int i = 0; i < 4; ++i)
        size |= static_cast<quint32>(header[8 + i]) << (8 * i);
    return size;
}

/// Version 2: the file key, BLAKE2b keyed with the document key over the context and the whole header.
void deriveFileKey(const SecretKey& key, const unsigned char* header, unsigned char* out)
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.data(), SecretKey::Size, FileKeyBytes);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(FileKeyContext),
                              sizeof FileKeyContext - 1);
    crypto_generichash_update(&state, header, SpoolFormat::HeaderSize);
    crypto_generichash_final(&state, out, FileKeyBytes);
    sodium_memzero(&state, sizeof state);
}

/// Version 2: how many chunks a file body of `bytes` holds and the last one's length (all others are
/// full); false when no run of whole chunks is that long.
bool chunkLayout(qint64 bytes, quint32 chunkSize, qint64* chunks, qint64* lastLength)
{
    const qint64 full = static_cast<qint64>(chunkSize) + SpoolFormat::ChunkOverhead;
    const qint64 rest = bytes % full;
    if (bytes < SpoolFormat::ChunkOverhead || (rest != 0 && rest < SpoolFormat::ChunkOverhead))
        return false;
    *chunks = bytes / full + (rest != 0 ? 1 : 0);
    *lastLength = rest != 0 ? rest : full;
    return true;
}

} // namespace

/// Version 2's chunk seal: ChaCha20-Poly1305 (RFC 8439) from OpenSSL, whose vector code is three times
/// as fast as libsodium 1.0.18's here (docs/benchmarks.md, 2026-12-05). The nonce is the chunk's
/// number, 11 bytes big-endian, then 1 for the last chunk, 0 for any other.
class SpoolChunkCipher
{
public:
    SpoolChunkCipher() : m_ctx(EVP_CIPHER_CTX_new()) {}
    ~SpoolChunkCipher() { EVP_CIPHER_CTX_free(m_ctx); } // cleanses the key schedule
    SpoolChunkCipher(const SpoolChunkCipher&) = delete;
    SpoolChunkCipher& operator=(const SpoolChunkCipher&) = delete;

    /// Seals `len` bytes into `out` (`len` + 16 bytes: the ciphertext, then the tag).
    bool seal(const unsigned char* key, qint64 chunk, bool last, const unsigned char* in, std::size_t len,
              unsigned char* out)
    {
        unsigned char nonce[12];
        makeNonce(chunk, last, nonce);
        int n = 0;
        int tail = 0;
        return start(true, key, nonce) &&
               (len == 0 || EVP_EncryptUpdate(m_ctx, out, &n, in, static_cast<int>(len)) == 1) &&
               EVP_EncryptFinal_ex(m_ctx, out + n, &tail) == 1 &&
               EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_GET_TAG, SpoolFormat::ChunkOverhead, out + len) == 1;
    }
    /// Opens `clen` bytes (ciphertext and tag) into `out` (`clen` - 16 bytes); false, with `out` wiped,
    /// when they do not authenticate as chunk `chunk` (`last` or not) under `key`.
    bool open(const unsigned char* key, qint64 chunk, bool last, const unsigned char* in, std::size_t clen,
              unsigned char* out)
    {
        if (clen < static_cast<std::size_t>(SpoolFormat::ChunkOverhead))
            return false;
        const std::size_t len = clen - SpoolFormat::ChunkOverhead;
        unsigned char nonce[12];
        makeNonce(chunk, last, nonce);
        int n = 0;
        int tail = 0;
        const bool ok = start(false, key, nonce) &&
                        (len == 0 || EVP_DecryptUpdate(m_ctx, out, &n, in, static_cast<int>(len)) == 1) &&
                        EVP_CIPHER_CTX_ctrl(m_ctx, EVP_CTRL_AEAD_SET_TAG, SpoolFormat::ChunkOverhead,
                                            const_cast<unsigned char*>(in + len)) == 1 &&
                        EVP_DecryptFinal_ex(m_ctx, out + n, &tail) == 1;
        if (!ok && len > 0)
            sodium_memzero(out, len); // never leave unauthenticated plaintext behind
        return ok;
    }

private:
    static void makeNonce(qint64 chunk, bool last, unsigned char* nonce)
    {
        std::memset(nonce, 0, 12);
        for (int i = 0; i < 8; ++i)
            nonce[10 - i] = static_cast<unsigned char>((static_cast<quint64>(chunk) >> (8 * i)) & 0xff);
        nonce[11] = last ? 1 : 0;
    }
    bool start(bool encrypt, const unsigned char* key, const unsigned char* nonce)
    {
        // The algorithm is fetched once per process and set once per context; after that each chunk
        // only sets the key and nonce.
        static EVP_CIPHER* const algorithm = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
        if (!m_ctx || !algorithm)
            return false;
        const EVP_CIPHER* const set = m_started == (encrypt ? 1 : 2) ? nullptr : algorithm;
        m_started = encrypt ? 1 : 2;
        return (encrypt ? EVP_EncryptInit_ex2(m_ctx, set, key, nonce, nullptr)
                        : EVP_DecryptInit_ex2(m_ctx, set, key, nonce, nullptr)) == 1;
    }
    EVP_CIPHER_CTX* m_ctx;
    int m_started = 0; // 1: set up to encrypt, 2: to decrypt
};

SpoolIndex::~SpoolIndex()
{
    if (!states.empty())
        sodium_memzero(states.data(), states.size() * sizeof(SpoolChunkState));
    sodium_memzero(fileKey, sizeof fileKey);
}

bool SpoolIndex::fits(int fd) const
{
    const int overhead =
        version == VersionSecretstream ? SpoolFormat::ChunkOverheadV1 : SpoolFormat::ChunkOverhead;
    struct stat st = {};
    return ::fstat(fd, &st) == 0 && st.st_size == SpoolFormat::HeaderSize + plaintextSize + chunks * overhead;
}

// ---------------------------------------------------------------------------------------------

SpoolWriter::SpoolWriter() = default;

SpoolWriter::~SpoolWriter()
{
    sodium_memzero(m_fileKey, sizeof m_fileKey);
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

bool SpoolWriter::open(int fd, const SecretKey& key, bool keepIndex, quint32 chunkSize)
{
    if (chunkSize == 0 || chunkSize > MaxChunkSize) {
        m_error = QStringLiteral("invalid chunk size");
        return false;
    }
    m_fd = fd;
    m_cipherImpl = std::make_unique<SpoolChunkCipher>();
    m_plain.assign(chunkSize, 0);
    m_cipher.assign(chunkSize + SpoolFormat::ChunkOverhead, 0);
    unsigned char header[SpoolFormat::HeaderSize] = {};
    std::memcpy(header, Magic, 4);
    header[4] = SpoolFormat::Version;
    for (int i = 0; i < 4; ++i)
        header[8 + i] = static_cast<unsigned char>((chunkSize >> (8 * i)) & 0xff);
    randombytes_buf(header + 12, SpoolFormat::HeaderSize - 12);
    deriveFileKey(key, header, m_fileKey);
    if (keepIndex) {
        m_index = std::make_unique<SpoolIndex>();
        m_index->version = SpoolFormat::Version;
        m_index->chunkSize = chunkSize;
        std::memcpy(m_index->fileKey, m_fileKey, sizeof m_fileKey);
    }
    if (!writeAll(m_fd, header, sizeof header)) {
        m_error = QStringLiteral("cannot write spool file: %1").arg(errnoText());
        return false;
    }
    return true;
}

bool SpoolWriter::pushChunk(const unsigned char* data, size_t len, bool last)
{
    if (!m_cipherImpl->seal(m_fileKey, m_chunks, last, data, len, m_cipher.data())) {
        m_error = QStringLiteral("cannot encrypt the spool file");
        return false;
    }
    ++m_chunks;
    if (!writeAll(m_fd, m_cipher.data(), len + SpoolFormat::ChunkOverhead)) {
        m_error = QStringLiteral("cannot write spool file: %1").arg(errnoText());
        return false;
    }
    return true;
}

bool SpoolWriter::write(const char* data, qint64 len)
{
    if (m_finished || m_fd < 0) {
        m_error = QStringLiteral("spool writer is not open");
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    auto remaining = static_cast<size_t>(len);
    m_total += len;
    while (remaining > 0) {
        // Whole chunks with more data after them are encrypted straight from the caller's buffer: a
        // long upload is copied once less.
        if (m_fill == 0 && remaining > m_plain.size()) {
            if (!pushChunk(p, m_plain.size(), false))
                return false;
            p += m_plain.size();
            remaining -= m_plain.size();
            continue;
        }
        const size_t take = std::min(remaining, m_plain.size() - m_fill);
        std::memcpy(m_plain.data() + m_fill, p, take);
        m_fill += take;
        p += take;
        remaining -= take;
        // A full chunk is written only once more data arrives, so the final chunk is never empty
        // unless the whole document is.
        if (m_fill == m_plain.size() && remaining > 0) {
            if (!pushChunk(m_plain.data(), m_fill, false))
                return false;
            m_fill = 0;
        }
    }
    return true;
}

bool SpoolWriter::finish()
{
    if (m_finished || m_fd < 0) {
        m_error = QStringLiteral("spool writer is not open");
        return false;
    }
    m_finished = true;
    if (!pushChunk(m_plain.data(), m_fill, true))
        return false;
    if (m_index) {
        m_index->plaintextSize = m_total;
        m_index->chunks = m_chunks;
    }
    return true;
}

std::unique_ptr<SpoolIndex> SpoolWriter::takeIndex()
{
    return std::move(m_index);
}

// ---------------------------------------------------------------------------------------------

SpoolReader::SpoolReader() = default;

SpoolReader::~SpoolReader()
{
    sodium_memzero(&m_state, sizeof m_state);
    sodium_memzero(m_fileKey, sizeof m_fileKey);
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

bool SpoolReader::open(int fd, const SecretKey& key)
{
    m_fd = fd;
    unsigned char header[SpoolFormat::HeaderSize];
    if (readFull(fd, header, sizeof header) != static_cast<ssize_t>(sizeof header) ||
        std::memcmp(header, Magic, 4) != 0 ||
        (header[4] != VersionSecretstream && header[4] != SpoolFormat::Version)) {
        m_error = QStringLiteral("not an MPS spool file");
        return false;
    }
    m_version = header[4];
    m_chunkSize = chunkSizeOf(header);
    if (m_chunkSize == 0 || m_chunkSize > MaxChunkSize) {
        m_error = QStringLiteral("spool file has an invalid chunk size");
        return false;
    }
    const off_t left = FdIo::bytesLeft(fd);
    if (m_version == VersionSecretstream) {
        if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state, header + 12, key.data()) != 0) {
            m_error = QStringLiteral("spool file header is invalid");
            return false;
        }
        // A chunk cannot be longer than the rest of the file: a short file whose header names a 16 MiB
        // chunk (damaged or forged) costs its own size here, not 32 MiB.
        std::size_t cipherSize = m_chunkSize + SpoolFormat::ChunkOverheadV1;
        if (left >= 0)
            cipherSize = std::min(cipherSize, std::max<std::size_t>(static_cast<std::size_t>(left),
                                                                    SpoolFormat::ChunkOverheadV1 + 1));
        m_cipher.assign(cipherSize, 0);
        m_plain.assign(cipherSize - SpoolFormat::ChunkOverheadV1, 0);
        return true;
    }
    // Version 2: the chunks follow from the file's length, so the file must be a regular one.
    if (left < 0) {
        m_error = QStringLiteral("cannot read spool file: not a regular file");
        return false;
    }
    if (!chunkLayout(left, m_chunkSize, &m_chunks, &m_lastLength)) {
        m_error = QStringLiteral("spool file is truncated");
        return false;
    }
    deriveFileKey(key, header, m_fileKey);
    m_cipherImpl = std::make_unique<SpoolChunkCipher>();
    // The longest chunk: a short file whose header names a 16 MiB chunk costs its own size here.
    const qint64 longest =
        m_chunks > 1 ? static_cast<qint64>(m_chunkSize) + SpoolFormat::ChunkOverhead : m_lastLength;
    m_cipher.assign(static_cast<std::size_t>(longest), 0);
    m_plain.assign(static_cast<std::size_t>(longest - SpoolFormat::ChunkOverhead), 0);
    return true;
}

bool SpoolReader::pullChunk()
{
    return m_version == VersionSecretstream ? pullChunkV1() : pullChunkV2();
}

bool SpoolReader::pullChunkV2()
{
    const bool last = m_nextChunk == m_chunks - 1;
    const qint64 full = static_cast<qint64>(m_chunkSize) + SpoolFormat::ChunkOverhead;
    const auto clen = static_cast<std::size_t>(last ? m_lastLength : full);
    const ssize_t n = readFull(m_fd, m_cipher.data(), clen);
    if (n < 0) {
        m_error = QStringLiteral("cannot read spool file: %1").arg(errnoText());
        return false;
    }
    if (static_cast<std::size_t>(n) != clen) {
        m_error = QStringLiteral("spool file is truncated");
        return false;
    }
    if (!m_cipherImpl->open(m_fileKey, m_nextChunk, last, m_cipher.data(), clen, m_plain.data())) {
        // A full chunk where the file ends, that opens as one with more after it: the file was cut.
        if (last && static_cast<qint64>(clen) == full &&
            m_cipherImpl->open(m_fileKey, m_nextChunk, false, m_cipher.data(), clen, m_plain.data())) {
            sodium_memzero(m_plain.data(), clen - SpoolFormat::ChunkOverhead);
            m_error = QStringLiteral("spool file is truncated");
            return false;
        }
        m_error = QStringLiteral("spool file failed authentication (tampered or wrong key)");
        return false;
    }
    m_pos = 0;
    m_len = clen - SpoolFormat::ChunkOverhead;
    ++m_nextChunk;
    m_final = last;
    return true;
}

bool SpoolReader::pullChunkV1()
{
    const ssize_t n = readFull(m_fd, m_cipher.data(), m_cipher.size());
    if (n < 0) {
        m_error = QStringLiteral("cannot read spool file: %1").arg(errnoText());
        return false;
    }
    if (n < SpoolFormat::ChunkOverheadV1) {
        m_error = QStringLiteral("spool file is truncated");
        return false;
    }
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state, m_plain.data(), &mlen, &tag, m_cipher.data(),
                                                   static_cast<unsigned long long>(n), nullptr, 0) != 0) {
        m_error = QStringLiteral("spool file failed authentication (tampered or wrong key)");
        return false;
    }
    m_pos = 0;
    m_len = static_cast<size_t>(mlen);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        unsigned char extra;
        if (readFull(m_fd, &extra, 1) != 0) {
            m_error = QStringLiteral("spool file has data after its end");
            return false;
        }
        m_final = true;
    } else if (static_cast<size_t>(n) != m_chunkSize + SpoolFormat::ChunkOverheadV1) {
        m_error = QStringLiteral("spool file is truncated");
        return false;
    }
    return true;
}

qint64 SpoolReader::read(char* out, qint64 max)
{
    while (m_pos == m_len) {
        if (m_final)
            return 0;
        if (!pullChunk())
            return -1;
    }
    const size_t take = std::min(static_cast<size_t>(max), m_len - m_pos);
    std::memcpy(out, m_plain.data() + m_pos, take);
    m_pos += take;
    return static_cast<qint64>(take);
}

std::unique_ptr<SpoolIndex> SpoolReader::buildIndex()
{
    auto index = std::make_unique<SpoolIndex>();
    index->version = m_version;
    index->chunkSize = m_chunkSize;
    std::memcpy(index->fileKey, m_fileKey, sizeof m_fileKey);
    while (!m_final) {
        if (m_version == VersionSecretstream)
            index->states.push_back(m_state);
        if (!pullChunk())
            return nullptr;
        index->plaintextSize += static_cast<qint64>(m_len);
        ++index->chunks;
    }
    m_pos = m_len;
    return index;
}

// ---------------------------------------------------------------------------------------------

SpoolDevice::SpoolDevice(int fd, std::shared_ptr<const SpoolIndex> index, QObject* parent)
    : QIODevice(parent), m_fd(fd), m_index(std::move(index))
{
    const bool v1 = m_index->version == VersionSecretstream;
    m_plain.assign(m_index->chunkSize, 0);
    m_cipher.assign(m_index->chunkSize + (v1 ? SpoolFormat::ChunkOverheadV1 : SpoolFormat::ChunkOverhead), 0);
    if (!v1)
        m_cipherImpl = std::make_unique<SpoolChunkCipher>();
}

SpoolDevice::~SpoolDevice()
{
    sodium_memzero(m_plain.data(), m_plain.size());
}

bool SpoolDevice::open(OpenMode mode)
{
    return QIODevice::open(mode | QIODevice::Unbuffered);
}

qint64 SpoolDevice::size() const
{
    return m_index->plaintextSize;
}

bool SpoolDevice::loadChunk(qint64 chunk)
{
    if (chunk == m_cached)
        return true;
    if (chunk < 0 || chunk >= m_index->chunks)
        return false;
    const off_t offset =
        SpoolFormat::HeaderSize + static_cast<off_t>(chunk) * static_cast<off_t>(m_cipher.size());
    const ssize_t n = preadFull(m_fd, m_cipher.data(), m_cipher.size(), offset);
    if (m_index->version == VersionSecretstream) {
        if (n < SpoolFormat::ChunkOverheadV1) {
            setErrorString(QStringLiteral("spool file is truncated"));
            return false;
        }
        SpoolChunkState state = m_index->states[static_cast<size_t>(chunk)];
        unsigned long long mlen = 0;
        unsigned char tag = 0;
        const int rc =
            crypto_secretstream_xchacha20poly1305_pull(&state, m_plain.data(), &mlen, &tag, m_cipher.data(),
                                                       static_cast<unsigned long long>(n), nullptr, 0);
        sodium_memzero(&state, sizeof state);
        if (rc != 0) {
            setErrorString(QStringLiteral("spool file failed authentication"));
            return false;
        }
        m_cached = chunk;
        m_cachedLen = static_cast<size_t>(mlen);
        return true;
    }
    const bool last = chunk == m_index->chunks - 1;
    const qint64 plain = last ? m_index->plaintextSize - chunk * static_cast<qint64>(m_index->chunkSize)
                              : static_cast<qint64>(m_index->chunkSize);
    const auto clen = static_cast<std::size_t>(plain + SpoolFormat::ChunkOverhead);
    if (plain < 0 || n < 0 || static_cast<std::size_t>(n) < clen) {
        setErrorString(QStringLiteral("spool file is truncated"));
        return false;
    }
    if (!m_cipherImpl->open(m_index->fileKey, chunk, last, m_cipher.data(), clen, m_plain.data())) {
        setErrorString(QStringLiteral("spool file failed authentication"));
        return false;
    }
    m_cached = chunk;
    m_cachedLen = static_cast<size_t>(plain);
    return true;
}

qint64 SpoolDevice::readData(char* data, qint64 maxlen)
{
    qint64 done = 0;
    qint64 at = pos();
    while (done < maxlen && at < size()) {
        const qint64 chunk = at / m_index->chunkSize;
        if (!loadChunk(chunk))
            return done > 0 ? done : -1;
        const auto inChunk = static_cast<size_t>(at % m_index->chunkSize);
        if (inChunk >= m_cachedLen)
            break;
        const size_t take = std::min(static_cast<size_t>(maxlen - done), m_cachedLen - inChunk);
        std::memcpy(data + done, m_plain.data() + inChunk, take);
        done += static_cast<qint64>(take);
        at += static_cast<qint64>(take);
    }
    return done;
}
