#include "OutboxCipher.h"

#include "FdIo.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace {

using FdIo::readFull;
using FdIo::writeAll;

constexpr unsigned char Magic[4] = {'M', 'P', 'S', 'O'};
constexpr std::string_view PublicKeyTag = "mps-outbox-x25519 ";
using FileKey = std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>;

std::string systemError(const char* what)
{
    return std::string(what) + ": " + std::strerror(errno);
}

} // namespace

// ---------------------------------------------------------------------------------------------

namespace OutboxFormat {

std::optional<std::int64_t> plaintextSizeForFileSize(std::int64_t fileSize, std::uint32_t chunkSize)
{
    if (chunkSize == 0 || chunkSize > MaxChunkSize)
        return std::nullopt;
    const std::int64_t body =
        fileSize - static_cast<std::int64_t>(HeaderSize + MetadataBlockSize + ChunkOverhead);
    if (body < static_cast<std::int64_t>(ChunkOverhead))
        return std::nullopt;
    // Every chunk but the last is full; the last holds 0..chunkSize bytes.
    const std::int64_t full = static_cast<std::int64_t>(chunkSize) + static_cast<std::int64_t>(ChunkOverhead);
    const std::int64_t chunks = (body - static_cast<std::int64_t>(ChunkOverhead)) / full + 1;
    const std::int64_t plain = body - chunks * static_cast<std::int64_t>(ChunkOverhead);
    // A file whose last chunk would be empty after full ones cannot come from OutboxWriter, except the
    // empty document.
    if (chunks > 1 && plain == (chunks - 1) * static_cast<std::int64_t>(chunkSize))
        return std::nullopt;
    return plain;
}

std::string encodePublicKey(const std::array<unsigned char, PublicKeySize>& key)
{
    char hex[PublicKeySize * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
    return std::string(PublicKeyTag) + hex + "\n";
}

std::optional<std::array<unsigned char, PublicKeySize>> decodePublicKey(std::string_view text)
{
    if (text.size() != PublicKeyTag.size() + PublicKeySize * 2 + 1 ||
        text.substr(0, PublicKeyTag.size()) != PublicKeyTag || text.back() != '\n')
        return std::nullopt;
    const std::string_view hex = text.substr(PublicKeyTag.size(), PublicKeySize * 2);
    std::array<unsigned char, PublicKeySize> key{};
    std::size_t len = 0;
    const char* end = nullptr;
    if (sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0 ||
        len != PublicKeySize || end != hex.data() + hex.size())
        return std::nullopt;
    return key;
}

} // namespace OutboxFormat

// ---------------------------------------------------------------------------------------------

OutboxKeyPair::~OutboxKeyPair()
{
    sodium_memzero(m_secret.data(), m_secret.size());
}

OutboxKeyPair OutboxKeyPair::generate()
{
    OutboxKeyPair k;
    crypto_box_keypair(k.m_public.data(), k.m_secret.data());
    return k;
}

std::optional<OutboxKeyPair> OutboxKeyPair::fromSecretKey(const unsigned char* secret, std::size_t len)
{
    if (len != OutboxFormat::SecretKeySize)
        return std::nullopt;
    OutboxKeyPair k;
    std::memcpy(k.m_secret.data(), secret, len);
    if (crypto_scalarmult_base(k.m_public.data(), k.m_secret.data()) != 0)
        return std::nullopt;
    return k;
}

std::optional<OutboxKeyPair> OutboxKeyPair::fromSeed(const unsigned char* seed, std::size_t len)
{
    if (len != crypto_box_SEEDBYTES)
        return std::nullopt;
    OutboxKeyPair k;
    crypto_box_seed_keypair(k.m_public.data(), k.m_secret.data(), seed);
    return k;
}

// ---------------------------------------------------------------------------------------------

OutboxWriter::OutboxWriter() = default;

OutboxWriter::~OutboxWriter()
{
    sodium_memzero(&m_state, sizeof m_state);
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

bool OutboxWriter::push(const unsigned char* data, std::size_t len, const unsigned char* ad,
                        std::size_t adLen, unsigned char tag)
{
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(&m_state, m_cipher.data(), &clen, data, len, ad, adLen, tag);
    if (!writeAll(m_fd, m_cipher.data(), static_cast<std::size_t>(clen))) {
        m_error = systemError("cannot write the outbox file");
        return false;
    }
    return true;
}

bool OutboxWriter::open(int fd, const std::array<unsigned char, OutboxFormat::PublicKeySize>& publicKey,
                        std::string_view metadata, std::uint32_t chunkSize)
{
    if (m_fd >= 0) {
        m_error = "the outbox writer is already open";
        return false;
    }
    if (chunkSize == 0 || chunkSize > OutboxFormat::MaxChunkSize) {
        m_error = "invalid chunk size";
        return false;
    }
    if (metadata.size() > OutboxFormat::MaxMetadataSize) {
        m_error = "the job metadata is too large";
        return false;
    }
    m_fd = fd;
    m_plain.assign(std::max<std::size_t>(chunkSize, OutboxFormat::MetadataBlockSize), 0);
    m_cipher.assign(m_plain.size() + OutboxFormat::ChunkOverhead, 0);

    unsigned char header[OutboxFormat::HeaderSize] = {};
    std::memcpy(header, Magic, 4);
    header[4] = OutboxFormat::Version;
    for (int i = 0; i < 4; ++i)
        header[8 + i] = static_cast<unsigned char>((chunkSize >> (8 * i)) & 0xff);
    FileKey fileKey;
    crypto_secretstream_xchacha20poly1305_keygen(fileKey.data());
    const bool sealed = crypto_box_seal(header + 12, fileKey.data(), fileKey.size(), publicKey.data()) == 0;
    crypto_secretstream_xchacha20poly1305_init_push(&m_state, header + 12 + OutboxFormat::SealedKeySize,
                                                    fileKey.data());
    sodium_memzero(fileKey.data(), fileKey.size());
    if (!sealed) {
        m_error = "the outbox public key is invalid";
        return false;
    }
    if (!writeAll(m_fd, header, sizeof header)) {
        m_error = systemError("cannot write the outbox file");
        return false;
    }

    // The metadata block has a fixed size so that its length tells nothing and the document size
    // follows from the file size.
    const auto len = static_cast<std::uint32_t>(metadata.size());
    std::memset(m_plain.data(), 0, OutboxFormat::MetadataBlockSize);
    for (int i = 0; i < 4; ++i)
        m_plain[static_cast<std::size_t>(i)] = static_cast<unsigned char>((len >> (8 * i)) & 0xff);
    std::memcpy(m_plain.data() + 4, metadata.data(), metadata.size());
    const bool ok = push(m_plain.data(), OutboxFormat::MetadataBlockSize, header, sizeof header,
                         crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    sodium_memzero(m_plain.data(), OutboxFormat::MetadataBlockSize);
    m_plain.resize(chunkSize);
    return ok;
}

bool OutboxWriter::write(const char* data, std::size_t len)
{
    if (m_finished || m_fd < 0) {
        m_error = "the outbox writer is not open";
        return false;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(data);
    m_total += static_cast<std::int64_t>(len);
    while (len > 0) {
        const std::size_t take = std::min(len, m_plain.size() - m_fill);
        std::memcpy(m_plain.data() + m_fill, p, take);
        m_fill += take;
        p += take;
        len -= take;
        // A full chunk goes out only once more data arrives, so only the empty document ends with an
        // empty final chunk (plaintextSizeForFileSize relies on that).
        if (m_fill == m_plain.size() && len > 0) {
            if (!push(m_plain.data(), m_fill, nullptr, 0, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE))
                return false;
            m_fill = 0;
        }
    }
    return true;
}

bool OutboxWriter::finish()
{
    if (m_finished || m_fd < 0) {
        m_error = "the outbox writer is not open";
        return false;
    }
    m_finished = true;
    const bool ok = push(m_plain.data(), m_fill, nullptr, 0, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
    sodium_memzero(m_plain.data(), m_plain.size());
    return ok;
}

// ---------------------------------------------------------------------------------------------

OutboxReader::OutboxReader() = default;

OutboxReader::~OutboxReader()
{
    sodium_memzero(&m_state, sizeof m_state);
    if (!m_plain.empty())
        sodium_memzero(m_plain.data(), m_plain.size());
}

bool OutboxReader::open(int fd, const OutboxKeyPair& keys)
{
    m_fd = fd;
    unsigned char header[OutboxFormat::HeaderSize];
    const ssize_t n = readFull(fd, header, sizeof header);
    if (n < 0) {
        m_error = systemError("cannot read the outbox file");
        return false;
    }
    if (n != static_cast<ssize_t>(sizeof header) || std::memcmp(header, Magic, 4) != 0 ||
        header[4] != OutboxFormat::Version) {
        m_error = "not an MPS outbox file";
        return false;
    }
    m_chunkSize = 0;
    for (int i = 0; i < 4; ++i)
        m_chunkSize |= static_cast<std::uint32_t>(header[8 + i]) << (8 * i);
    if (m_chunkSize == 0 || m_chunkSize > OutboxFormat::MaxChunkSize) {
        m_error = "the outbox file has an invalid chunk size";
        return false;
    }
    FileKey fileKey;
    if (crypto_box_seal_open(fileKey.data(), header + 12, OutboxFormat::SealedKeySize,
                             keys.publicKey().data(), keys.secretKey().data()) != 0) {
        m_error = "the outbox file was sealed to another key or its header was changed";
        return false;
    }
    const int init = crypto_secretstream_xchacha20poly1305_init_pull(
        &m_state, header + 12 + OutboxFormat::SealedKeySize, fileKey.data());
    sodium_memzero(fileKey.data(), fileKey.size());
    if (init != 0) {
        m_error = "the outbox file header is invalid";
        return false;
    }

    // The metadata block authenticates the whole header as additional data.
    const std::size_t metaCipherLen = OutboxFormat::MetadataBlockSize + OutboxFormat::ChunkOverhead;
    // A chunk cannot be longer than the rest of the file: a short file whose header names a 16 MiB
    // chunk (damaged) costs its own size here, not 32 MiB.
    std::size_t chunkCipherSize = m_chunkSize + OutboxFormat::ChunkOverhead;
    if (const off_t left = FdIo::bytesLeft(fd); left >= 0) {
        const auto rest = static_cast<std::size_t>(left);
        chunkCipherSize =
            std::min(chunkCipherSize, std::max<std::size_t>(rest > metaCipherLen ? rest - metaCipherLen : 0,
                                                            OutboxFormat::ChunkOverhead + 1));
    }
    const std::size_t chunkPlainSize = chunkCipherSize - OutboxFormat::ChunkOverhead;
    m_plain.assign(std::max<std::size_t>(chunkPlainSize, OutboxFormat::MetadataBlockSize), 0);
    m_cipher.assign(m_plain.size() + OutboxFormat::ChunkOverhead, 0);
    const ssize_t got = readFull(fd, m_cipher.data(), metaCipherLen);
    if (got != static_cast<ssize_t>(metaCipherLen)) {
        m_error = got < 0 ? systemError("cannot read the outbox file")
                          : std::string("the outbox file is truncated");
        return false;
    }
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state, m_plain.data(), &mlen, &tag, m_cipher.data(),
                                                   metaCipherLen, header, sizeof header) != 0 ||
        mlen != OutboxFormat::MetadataBlockSize || tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        m_error = "the outbox file failed authentication (tampered with)";
        return false;
    }
    std::uint32_t metaLen = 0;
    for (int i = 0; i < 4; ++i)
        metaLen |= static_cast<std::uint32_t>(m_plain[static_cast<std::size_t>(i)]) << (8 * i);
    if (metaLen > OutboxFormat::MaxMetadataSize) {
        m_error = "the outbox file has invalid metadata";
        return false;
    }
    m_metadata.assign(reinterpret_cast<const char*>(m_plain.data()) + 4, metaLen);
    sodium_memzero(m_plain.data(), m_plain.size());
    m_plain.resize(chunkPlainSize);
    m_cipher.resize(chunkCipherSize);
    m_pos = m_len = 0;
    m_final = false;
    m_failed = false;
    return true;
}

bool OutboxReader::pullChunk()
{
    const ssize_t n = readFull(m_fd, m_cipher.data(), m_cipher.size());
    if (n < 0) {
        m_error = systemError("cannot read the outbox file");
        return false;
    }
    if (n < static_cast<ssize_t>(OutboxFormat::ChunkOverhead)) {
        m_error = "the outbox file is truncated";
        return false;
    }
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&m_state, m_plain.data(), &mlen, &tag, m_cipher.data(),
                                                   static_cast<unsigned long long>(n), nullptr, 0) != 0) {
        m_error = "the outbox file failed authentication (tampered with or truncated)";
        return false;
    }
    m_pos = 0;
    m_len = static_cast<std::size_t>(mlen);
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
        unsigned char extra;
        if (readFull(m_fd, &extra, 1) != 0) {
            m_error = "the outbox file has data after its end";
            return false;
        }
        m_final = true;
    } else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE ||
               static_cast<std::size_t>(n) != m_chunkSize + OutboxFormat::ChunkOverhead) {
        m_error = "the outbox file is truncated";
        return false;
    }
    return true;
}

std::int64_t OutboxReader::read(char* out, std::size_t max)
{
    if (m_fd < 0 || m_failed) {
        if (m_error.empty())
            m_error = "the outbox reader is not open";
        return -1;
    }
    while (m_pos == m_len) {
        if (m_final)
            return 0;
        if (!pullChunk()) {
            m_failed = true;
            sodium_memzero(m_plain.data(), m_plain.size());
            return -1;
        }
    }
    const std::size_t take = std::min(max, m_len - m_pos);
    std::memcpy(out, m_plain.data() + m_pos, take);
    m_pos += take;
    return static_cast<std::int64_t>(take);
}
