// Fuzzes the desktop outbox file reader (common/OutboxCipher: OutboxReader, plaintextSizeForFileSize,
// decodePublicKey), which the tray app runs on files any local process could have written into the
// user's outbox. The first byte chooses:
//  - 0 mod 3: the rest is an outbox file as it is;
//  - 1 mod 3: a well-formed file is sealed with OutboxWriter (metadata and document from the rest,
//    split at the first NUL) and damaged as the next bytes say (truncated, a byte changed, bytes
//    appended, the chunk size changed);
//  - 2 mod 3: the rest is the text of an outbox.pub file.
// Oracles: when the reader reaches the authenticated end, metadata and document are exactly what
// was written; an intact file's size gives its document size; a decoded key encodes back.
#include "FuzzFile.h"
#include "FuzzSupport.h"
#include "OutboxCipher.h"

#include <cstdlib>
#include <optional>
#include <string>

namespace {
std::optional<OutboxKeyPair> g_keys;

struct ReadResult
{
    bool opened = false;
    bool complete = false;
    std::string metadata;
    std::string data;
    std::uint32_t chunkSize = 0;
};

ReadResult readAll(int fd)
{
    ReadResult r;
    OutboxReader reader;
    if (!reader.open(fd, *g_keys))
        return r;
    r.opened = true;
    r.metadata = reader.metadata();
    r.chunkSize = reader.chunkSize();
    char buf[1000];
    for (;;) {
        const std::int64_t n = reader.read(buf, sizeof buf);
        if (n < 0)
            return r;
        if (n == 0)
            break;
        r.data.append(buf, static_cast<std::size_t>(n));
        if (r.data.size() > 64U * 1024 * 1024)
            return r;
    }
    r.complete = true;
    return r;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    if (sodium_init() < 0)
        abort();
    const unsigned char seed[32] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
                                    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
    g_keys = OutboxKeyPair::fromSeed(seed, sizeof seed);
    if (!g_keys)
        abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = FuzzSupport::bytes(data + 1, size - 1);
    switch (data[0] % 3) {
    case 0: {
        const FuzzFile file(rest);
        const ReadResult r = readAll(file.fd());
        if (r.complete) // an authentic file: its size must agree with what it held
            if (OutboxFormat::plaintextSizeForFileSize(rest.size(), r.chunkSize) !=
                static_cast<std::int64_t>(r.data.size()))
                abort();
        return 0;
    }
    case 2: {
        const std::string text(rest.constData(), static_cast<std::size_t>(rest.size()));
        const auto key = OutboxFormat::decodePublicKey(text);
        if (key) {
            const std::string again = OutboxFormat::encodePublicKey(*key);
            if (OutboxFormat::decodePublicKey(again) != key)
                abort();
        }
        for (std::uint32_t chunk : {1U, 17U, 65536U, 0U, OutboxFormat::MaxChunkSize + 1})
            (void)OutboxFormat::plaintextSizeForFileSize(static_cast<std::int64_t>(size) * 977 - 4096, chunk);
        return 0;
    }
    default:
        break;
    }
    if (rest.size() < 5)
        return 0;
    const std::uint32_t chunkSize = static_cast<unsigned char>(rest[0]) % 64 + 1;
    const int damage = static_cast<unsigned char>(rest[1]) % 5;
    const std::uint32_t where = static_cast<unsigned char>(rest[2]) | static_cast<unsigned char>(rest[3])
                                                                          << 8;
    const auto value = static_cast<unsigned char>(rest[4]);
    QByteArray meta, doc;
    FuzzSupport::split(rest.mid(5), QByteArray(1, '\0'), &meta, &doc);
    const std::string metadata(meta.constData(), static_cast<std::size_t>(meta.size()));
    const std::string plain(doc.constData(), static_cast<std::size_t>(doc.size()));

    FuzzFile written;
    OutboxWriter writer;
    if (!writer.open(written.fd(), g_keys->publicKey(), metadata, chunkSize))
        return 0; // metadata too large: refused, as documented
    if (!writer.write(plain.data(), plain.size()) || !writer.finish())
        abort();
    QByteArray file = written.contents();
    const QByteArray original = file;
    if (OutboxFormat::plaintextSizeForFileSize(file.size(), chunkSize) !=
        static_cast<std::int64_t>(plain.size()))
        abort();
    switch (damage) {
    case 0:
        break;
    case 1:
        file.truncate(where % file.size());
        break;
    case 2:
        file[where % file.size()] = static_cast<char>(file[where % file.size()] ^ (value | 1));
        break;
    case 3:
        file.append(QByteArray(value % 64 + 1, static_cast<char>(value)));
        break;
    case 4:
        file[8] = static_cast<char>(value);
        file[9] = static_cast<char>(where);
        file[10] = static_cast<char>(where >> 8);
        file[11] = 0;
        break;
    }
    const FuzzFile damaged(file);
    const ReadResult r = readAll(damaged.fd());
    if (file == original && (!r.complete || r.data != plain || r.metadata != metadata))
        abort();
    if (r.complete && (r.data != plain || r.metadata != metadata))
        abort();
    if (r.opened && r.metadata != metadata)
        abort(); // the metadata is authenticated on open
    return 0;
}
