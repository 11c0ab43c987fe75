// Fuzzes the encrypted spool file reader (common/SpoolCipher: SpoolReader, its seek index and
// SpoolDevice), which reads every held document back. Two kinds of input, chosen by the first byte:
//  - even: the rest is taken as a spool file as it is (any bytes an attacker with disk access could
//    leave in the spool directory);
//  - odd: a well-formed file is written with SpoolWriter from the rest (plaintext), then damaged as
//    the next bytes say (truncated, a byte changed, bytes appended, the chunk size changed), since the
//    fuzzer cannot forge an authenticated file by itself.
// Oracle: whenever a reader reaches the authenticated end, what it returned is exactly the plaintext
// that was written (damage must never go unnoticed); SpoolDevice gives the same bytes at every offset.
#include "FuzzFile.h"
#include "FuzzSupport.h"
#include "SecretKey.h"
#include "SpoolCipher.h"

#include <cstdlib>
#include <cstring>

namespace {
SecretKey* g_key = nullptr;

struct ReadResult
{
    bool complete = false; ///< reached the authenticated end
    QByteArray data;
};

ReadResult readAll(int fd)
{
    ReadResult r;
    SpoolReader reader;
    if (!reader.open(fd, *g_key))
        return r;
    char buf[777]; // not a divisor of any chunk size the harness writes
    for (;;) {
        const qint64 n = reader.read(buf, sizeof buf);
        if (n < 0)
            return r;
        if (n == 0)
            break;
        r.data.append(buf, n);
        if (r.data.size() > 64 * 1024 * 1024)
            return r;
    }
    r.complete = true;
    return r;
}

/// Builds the seek index and reads through SpoolDevice: all of it, then a few slices.
void readIndexed(const FuzzFile& file, const QByteArray* expected, quint32 seekSeed)
{
    file.rewind();
    SpoolReader reader;
    if (!reader.open(file.fd(), *g_key))
        return;
    std::unique_ptr<SpoolIndex> index = reader.buildIndex();
    if (!index)
        return;
    if (expected && index->plaintextSize != expected->size())
        abort();
    SpoolDevice device(file.fd(), std::move(index));
    if (!device.open(QIODevice::ReadOnly))
        return;
    const QByteArray all = device.readAll();
    if (expected && all != *expected)
        abort();
    const qint64 size = device.size();
    for (int i = 0; i < 3 && size > 0; ++i) {
        const qint64 at = (seekSeed * (i + 7)) % size;
        if (!device.seek(at))
            abort();
        const QByteArray slice = device.read(1 + (seekSeed >> 8) % 300);
        if (slice != all.mid(at, slice.size()))
            abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    if (!initCrypto())
        abort();
    bool ok = false;
    g_key = new SecretKey(SecretKey::fromBytes(QByteArray(SecretKey::Size, '\x5a'), &ok));
    if (!ok)
        abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    if ((data[0] & 1) == 0) {
        const FuzzFile file(FuzzSupport::bytes(data + 1, size - 1));
        (void)readAll(file.fd());
        readIndexed(file, nullptr, size);
        return 0;
    }
    if (size < 6)
        return 0;
    const quint32 chunkSize = data[1] % 64 + 1;
    const int damage = data[2] % 5;
    const quint32 where = static_cast<quint32>(data[3]) | static_cast<quint32>(data[4]) << 8;
    const unsigned char value = data[5];
    const QByteArray plain = FuzzSupport::bytes(data + 6, size - 6);

    FuzzFile written;
    SpoolWriter writer;
    if (!writer.open(written.fd(), *g_key, true, chunkSize) ||
        !writer.write(plain.constData(), plain.size()) || !writer.finish())
        abort();
    QByteArray file = written.contents();
    const QByteArray original = file;
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
    if (file == original && (!r.complete || r.data != plain))
        abort(); // an intact file must read back whole
    if (r.complete && r.data != plain)
        abort(); // damage that reads as a complete, different document
    readIndexed(damaged, r.complete ? &plain : nullptr, where);
    if (file == original) {
        // The index kept while writing gives the same bytes as one rebuilt by reading.
        SpoolDevice device(damaged.fd(), writer.takeIndex());
        if (!device.open(QIODevice::ReadOnly) || device.readAll() != plain)
            abort();
    }
    return 0;
}
