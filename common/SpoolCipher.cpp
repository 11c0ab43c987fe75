#include "SpoolCipher.h"

#include "FdIo.h"
#include "Log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using FdIo::preadFull;
using FdIo::readFull;
using FdIo::writeAll;

constexpr unsigned char Magic[4] = {'M', 'P', 'S', 'J'};
constexpr unsigned char Version = 1;
constexpr quint32 MaxChunkSize = 16 * 1024 * 1024;

} // namespace

SpoolIndex::~SpoolIndex()
{
    if (!states.empty())
        sodium_memzero(states.data(), states.size() * sizeof(SpoolChunkState));
}

bool SpoolIndex::fits(int fd) const
{
    struct stat st = {};
    return ::fstat(fd, &st) == 0 &&
           st.st_size == SpoolFormat::HeaderSize + plaintextSize +
                             static_cast<qint64>(states.size()) * SpoolFormat::ChunkOverhead;
}

// ---------------------------------------------------------------------------------------------

SpoolWriter::SpoolWriter() = default;

SpoolWriter::~SpoolWriter()
{
    sodium_memzero(&m_state, sizeof m_state);
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
    m_plain.assign(chunkSize, 0);
    m_cipher.assign(chunkSize + SpoolFormat::ChunkOverhead, 0);
    unsigned char header[SpoolFormat::HeaderSize] = {};
    std::memcpy(header, Magic, 4);
    header[4] = Version;
    for (int i = 0; i < 4; ++i)
        header[8 + i] = static_cast<unsigned char>((chunkSize >> (8 * i)) & 0xff);
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, header + 12, key.data());
    if (keepIndex) {
        m_index = std::make_unique<SpoolIndex>();
        m_index->chunkSize = chunkSize;
    }
    if (!writeAll(m_fd, header, sizeof header)) {
        m_error = QStringLiteral("cannot write spool file: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    return true;
}

bool SpoolWriter::pushChunk(const unsigned char* data, size_t len, unsigned char tag)
{
    if (m_index)
        m_index->states.push_back(m_state);
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&m_state, m_cipher.data(), &clen, data, len, nullptr, 0, tag);
    if (!writeAll(m_fd, m_cipher.data(), static_cast<size_t>(clen))) {
        m_error = QStringLiteral("cannot write spool file: %1").arg(QString::fromLocal8Bit(strerror(errno)));
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
            if (!pushChunk(p, m_plain.size(), 0))
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
            if (!pushChunk(m_plain.data(), m_fill, 0))
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
    if (!pushChunk(m_plain.data(), m_fill, crypto_secretstream_xchacha20poly1305_TAG_FINAL))
        return false;
    if (m_index)
        m_index->plaintextSize = m_total;
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
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

bool SpoolReader::open(int fd, const SecretKey& key)
{
    m_fd = fd;
    unsigned char header[SpoolFormat::HeaderSize];
    if (readFull(fd, header, sizeof header) != static_cast<ssize_t>(sizeof header) ||
        std::memcmp(header, Magic, 4) != 0 || header[4] != Version) {
        m_error = QStringLiteral("not an MPS spool file");
        return false;
    }
    m_chunkSize = 0;
    for (int i = 0; i < 4; ++i)
        m_chunkSize |= static_cast<quint32>(header[8 + i]) << (8 * i);
    if (m_chunkSize == 0 || m_chunkSize > MaxChunkSize) {
        m_error = QStringLiteral("spool file has an invalid chunk size");
        return false;
    }
    if (crypto_secretstream_xchacha20poly1305_init_pull(&m_state, header + 12, key.data()) != 0) {
        m_error = QStringLiteral("spool file header is invalid");
        return false;
    }
    // A chunk cannot be longer than the rest of the file: a short file whose header names a 16 MiB
    // chunk (damaged or forged) costs its own size here, not 32 MiB.
    std::size_t cipherSize = m_chunkSize + SpoolFormat::ChunkOverhead;
    if (const off_t left = FdIo::bytesLeft(fd); left >= 0)
        cipherSize = std::min(cipherSize, std::max<std::size_t>(static_cast<std::size_t>(left),
                                                                SpoolFormat::ChunkOverhead + 1));
    m_cipher.assign(cipherSize, 0);
    m_plain.assign(cipherSize - SpoolFormat::ChunkOverhead, 0);
    return true;
}

bool SpoolReader::pullChunk()
{
    const ssize_t n = readFull(m_fd, m_cipher.data(), m_cipher.size());
    if (n < 0) {
        m_error = QStringLiteral("cannot read spool file: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (n < SpoolFormat::ChunkOverhead) {
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
    } else if (static_cast<size_t>(n) != m_chunkSize + SpoolFormat::ChunkOverhead) {
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
    index->chunkSize = m_chunkSize;
    while (!m_final) {
        index->states.push_back(m_state);
        if (!pullChunk())
            return nullptr;
        index->plaintextSize += static_cast<qint64>(m_len);
    }
    m_pos = m_len;
    return index;
}

// ---------------------------------------------------------------------------------------------

SpoolDevice::SpoolDevice(int fd, std::shared_ptr<const SpoolIndex> index, QObject* parent)
    : QIODevice(parent), m_fd(fd), m_index(std::move(index))
{
    m_plain.assign(m_index->chunkSize, 0);
    m_cipher.assign(m_index->chunkSize + SpoolFormat::ChunkOverhead, 0);
}

SpoolDevice::~SpoolDevice()
{
    sodium_memzero(m_plain.data(), m_plain.size());
}

qint64 SpoolDevice::size() const
{
    return m_index->plaintextSize;
}

bool SpoolDevice::loadChunk(qint64 chunk)
{
    if (chunk == m_cached)
        return true;
    if (chunk < 0 || static_cast<size_t>(chunk) >= m_index->states.size())
        return false;
    const off_t offset =
        SpoolFormat::HeaderSize +
        static_cast<off_t>(chunk) * static_cast<off_t>(m_index->chunkSize + SpoolFormat::ChunkOverhead);
    const ssize_t n = preadFull(m_fd, m_cipher.data(), m_cipher.size(), offset);
    if (n < SpoolFormat::ChunkOverhead) {
        setErrorString(QStringLiteral("spool file is truncated"));
        return false;
    }
    SpoolChunkState state = m_index->states[static_cast<size_t>(chunk)];
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    const int rc = crypto_secretstream_xchacha20poly1305_pull(
        &state, m_plain.data(), &mlen, &tag, m_cipher.data(), static_cast<unsigned long long>(n), nullptr, 0);
    sodium_memzero(&state, sizeof state);
    if (rc != 0) {
        setErrorString(QStringLiteral("spool file failed authentication"));
        return false;
    }
    m_cached = chunk;
    m_cachedLen = static_cast<size_t>(mlen);
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
