// Outbox file format (common/OutboxCipher): a known-answer file, round trips, tamper, truncation,
// reordering and wrong-key detection, and the public key file encoding.
#include "OutboxCipher.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr std::uint32_t SmallChunk = 64;
const QByteArray KnownMetadata =
    R"({"v":1,"captureId":"000102030405060708090a0b0c0d0e0f","title":"Known answer"})";
const QByteArray KnownDocument =
    "%PDF-1.4\nMPS outbox known-answer document, 3 chunks of 64 bytes and a bit.\n"
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n%%EOF\n";

OutboxKeyPair seededKeys(unsigned char first)
{
    unsigned char seed[crypto_box_SEEDBYTES];
    for (size_t i = 0; i < sizeof seed; ++i)
        seed[i] = static_cast<unsigned char>(first + i);
    return *OutboxKeyPair::fromSeed(seed, sizeof seed);
}

QByteArray pattern(qint64 n)
{
    QByteArray b(n, '\0');
    for (qint64 i = 0; i < n; ++i)
        b[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
    return b;
}

QString knownAnswerPath()
{
    return QStringLiteral(MPS_SOURCE_DIR "/tests/capture/outbox-known-answer.mpsout");
}

} // namespace

class TestOutboxCipher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;

    // Seals `plain` with `meta` into a new file, written in pieces of `piece` bytes; returns the path.
    QString seal(const QByteArray& plain, const QByteArray& meta, const OutboxKeyPair& keys,
                 std::uint32_t chunk, qint64 piece = 1000)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.mpsout").arg(++m_files));
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        OutboxWriter w;
        bool ok =
            fd >= 0 && w.open(fd, keys.publicKey(), std::string_view(meta.constData(), meta.size()), chunk);
        for (qint64 at = 0; ok && at < plain.size(); at += piece)
            ok = w.write(plain.constData() + at, static_cast<size_t>(std::min(piece, plain.size() - at)));
        ok = ok && w.finish();
        if (fd >= 0)
            ::close(fd);
        return ok ? path : QString();
    }

    // Opens and reads the whole file; false (with `error`) when anything fails.
    static bool unseal(const QString& path, const OutboxKeyPair& keys, QByteArray* meta, QByteArray* out,
                       QString* error)
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        OutboxReader r;
        bool ok = fd >= 0 && r.open(fd, keys);
        if (ok)
            *meta = QByteArray::fromStdString(r.metadata());
        char buf[777];
        while (ok) {
            const std::int64_t n = r.read(buf, sizeof buf);
            if (n < 0)
                ok = false;
            if (n <= 0)
                break;
            out->append(buf, static_cast<qsizetype>(n));
        }
        *error = QString::fromStdString(r.errorString());
        if (fd >= 0)
            ::close(fd);
        return ok;
    }

    static void rewrite(const QString& path, const QByteArray& bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(f.write(bytes), bytes.size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_dir.isValid());
    }

    // A file sealed once (tests/capture/outbox-known-answer.mpsout) still opens: the format is stable.
    void knownAnswer()
    {
        const OutboxKeyPair keys = seededKeys(0);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(keys.publicKey().data()), 32).toHex(),
                 QByteArray("4701d08488451f545a409fb58ae3e58581ca40ac3f7f114698cd71deac73ca01"));
        QByteArray meta, out;
        QString error;
        QVERIFY2(unseal(knownAnswerPath(), keys, &meta, &out, &error), qPrintable(error));
        QCOMPARE(meta, KnownMetadata);
        QCOMPARE(out, KnownDocument);
        const auto size =
            OutboxFormat::plaintextSizeForFileSize(QFileInfo(knownAnswerPath()).size(), SmallChunk);
        QVERIFY(size.has_value());
        QCOMPARE(*size, KnownDocument.size());
    }

    void roundTrip_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<quint32>("chunk");
        QTest::addColumn<qint64>("piece");
        QTest::newRow("empty") << qint64(0) << SmallChunk << qint64(10);
        QTest::newRow("one byte") << qint64(1) << SmallChunk << qint64(10);
        QTest::newRow("chunk - 1") << qint64(63) << SmallChunk << qint64(10);
        QTest::newRow("one chunk") << qint64(64) << SmallChunk << qint64(64);
        QTest::newRow("chunk + 1") << qint64(65) << SmallChunk << qint64(7);
        QTest::newRow("three chunks") << qint64(192) << SmallChunk << qint64(1000);
        QTest::newRow("three chunks + 5") << qint64(197) << SmallChunk << qint64(3);
        QTest::newRow("default chunk, 1 MiB + 3")
            << qint64(1024 * 1024 + 3) << OutboxFormat::DefaultChunkSize << qint64(100000);
    }
    void roundTrip()
    {
        QFETCH(qint64, size);
        QFETCH(quint32, chunk);
        QFETCH(qint64, piece);
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        const QByteArray plain = pattern(size);
        const QString path = seal(plain, KnownMetadata, keys, chunk, piece);
        QVERIFY(!path.isEmpty());
        const auto predicted = OutboxFormat::plaintextSizeForFileSize(QFileInfo(path).size(), chunk);
        QVERIFY(predicted.has_value());
        QCOMPARE(*predicted, size);
        QByteArray meta, out;
        QString error;
        QVERIFY2(unseal(path, keys, &meta, &out, &error), qPrintable(error));
        QCOMPARE(meta, KnownMetadata);
        QCOMPARE(out, plain);
        // Nothing of the document is visible in the file.
        if (size >= 16)
            QVERIFY(!readAll(path).contains(plain.left(16)));
    }

    void wrongKeyIsRefused()
    {
        const QString path = seal(pattern(300), KnownMetadata, seededKeys(0), SmallChunk);
        QByteArray meta, out;
        QString error;
        QVERIFY(!unseal(path, seededKeys(1), &meta, &out, &error));
        QVERIFY(error.contains(QLatin1String("another key")));
        QVERIFY(out.isEmpty());
    }

    void tamperingIsDetected_data()
    {
        QTest::addColumn<qint64>("offset");
        const qint64 header = OutboxFormat::HeaderSize;
        const qint64 body = header + qint64(OutboxFormat::MetadataBlockSize + OutboxFormat::ChunkOverhead);
        QTest::newRow("magic") << qint64(0);
        QTest::newRow("version") << qint64(4);
        QTest::newRow("reserved") << qint64(6);
        QTest::newRow("chunk size") << qint64(8);
        QTest::newRow("sealed key, ephemeral public key") << qint64(13);
        QTest::newRow("sealed key, ciphertext") << qint64(12 + 60);
        QTest::newRow("stream header") << header - 3;
        QTest::newRow("metadata") << header + 100;
        QTest::newRow("metadata tag") << body - 1;
        QTest::newRow("first chunk") << body + 5;
        QTest::newRow("second chunk") << body + qint64(SmallChunk + OutboxFormat::ChunkOverhead) + 20;
        QTest::newRow("last byte") << qint64(-1);
    }
    void tamperingIsDetected()
    {
        QFETCH(qint64, offset);
        const OutboxKeyPair keys = seededKeys(0);
        const QString path = seal(pattern(200), KnownMetadata, keys, SmallChunk);
        QByteArray bytes = readAll(path);
        const qint64 at = offset < 0 ? bytes.size() + offset : offset;
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
        rewrite(path, bytes);
        QByteArray meta, out;
        QString error;
        QVERIFY(!unseal(path, keys, &meta, &out, &error));
        QVERIFY(!error.isEmpty());
    }

    void truncationIsDetected_data()
    {
        QTest::addColumn<qint64>("keep");
        const qint64 body =
            qint64(OutboxFormat::HeaderSize + OutboxFormat::MetadataBlockSize + OutboxFormat::ChunkOverhead);
        const qint64 full = SmallChunk + OutboxFormat::ChunkOverhead;
        QTest::newRow("nothing") << qint64(0);
        QTest::newRow("half the header") << qint64(50);
        QTest::newRow("header only") << qint64(OutboxFormat::HeaderSize);
        QTest::newRow("inside metadata") << qint64(OutboxFormat::HeaderSize + 1000);
        QTest::newRow("metadata only") << body;
        QTest::newRow("inside first chunk") << body + 10;
        QTest::newRow("after first chunk") << body + full;
        QTest::newRow("after two chunks") << body + 2 * full;
        QTest::newRow("one byte short") << qint64(-1);
    }
    void truncationIsDetected()
    {
        QFETCH(qint64, keep);
        const OutboxKeyPair keys = seededKeys(0);
        const QString path = seal(pattern(200), KnownMetadata, keys, SmallChunk);
        const QByteArray bytes = readAll(path);
        rewrite(path, bytes.left(keep < 0 ? bytes.size() + keep : keep));
        QByteArray meta, out;
        QString error;
        QVERIFY(!unseal(path, keys, &meta, &out, &error));
        QVERIFY(!error.isEmpty());
    }

    void appendedDataIsDetected_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("short last chunk + 1 byte") << qint64(200) << QByteArray("x");
        QTest::newRow("full last chunk + 1 byte") << qint64(192) << QByteArray("x");
        QTest::newRow("full last chunk + a chunk") << qint64(192) << pattern(SmallChunk + 17);
    }
    void appendedDataIsDetected()
    {
        QFETCH(qint64, size);
        QFETCH(QByteArray, extra);
        const OutboxKeyPair keys = seededKeys(0);
        const QString path = seal(pattern(size), KnownMetadata, keys, SmallChunk);
        rewrite(path, readAll(path) + extra);
        QByteArray meta, out;
        QString error;
        QVERIFY(!unseal(path, keys, &meta, &out, &error));
        QVERIFY(!error.isEmpty());
    }

    void reorderedChunksAreDetected()
    {
        const OutboxKeyPair keys = seededKeys(0);
        const QString path = seal(pattern(200), KnownMetadata, keys, SmallChunk);
        QByteArray bytes = readAll(path);
        const qsizetype body =
            OutboxFormat::HeaderSize + OutboxFormat::MetadataBlockSize + OutboxFormat::ChunkOverhead;
        const qsizetype full = SmallChunk + OutboxFormat::ChunkOverhead;
        const QByteArray first = bytes.mid(body, full);
        const QByteArray second = bytes.mid(body + full, full);
        bytes.replace(body, full, second);
        bytes.replace(body + full, full, first);
        rewrite(path, bytes);
        QByteArray meta, out;
        QString error;
        QVERIFY(!unseal(path, keys, &meta, &out, &error));
    }

    void oversizedMetadataIsRefused()
    {
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        const int fd = ::open(QFile::encodeName(m_dir.filePath(QStringLiteral("big"))).constData(),
                              O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(fd >= 0);
        OutboxWriter w;
        const std::string meta(OutboxFormat::MaxMetadataSize + 1, 'x');
        QVERIFY(!w.open(fd, keys.publicKey(), meta));
        ::close(fd);
    }

    void impossibleSizes()
    {
        QVERIFY(!OutboxFormat::plaintextSizeForFileSize(0, SmallChunk));
        QVERIFY(!OutboxFormat::plaintextSizeForFileSize(
            OutboxFormat::HeaderSize + OutboxFormat::MetadataBlockSize, SmallChunk));
        const qint64 body =
            qint64(OutboxFormat::HeaderSize + OutboxFormat::MetadataBlockSize + OutboxFormat::ChunkOverhead);
        // An empty final chunk after full ones never comes from OutboxWriter.
        QVERIFY(!OutboxFormat::plaintextSizeForFileSize(body + (SmallChunk + 17) + 17, SmallChunk));
        QCOMPARE(*OutboxFormat::plaintextSizeForFileSize(body + 17, SmallChunk), 0);
        QVERIFY(!OutboxFormat::plaintextSizeForFileSize(body + 17, 0));
    }

    void publicKeyText()
    {
        const OutboxKeyPair keys = seededKeys(0);
        const std::string text = OutboxFormat::encodePublicKey(keys.publicKey());
        QCOMPARE(QByteArray::fromStdString(text),
                 QByteArray(
                     "mps-outbox-x25519 4701d08488451f545a409fb58ae3e58581ca40ac3f7f114698cd71deac73ca01\n"));
        const auto back = OutboxFormat::decodePublicKey(text);
        QVERIFY(back.has_value());
        QVERIFY(*back == keys.publicKey());
        QVERIFY(!OutboxFormat::decodePublicKey(text.substr(0, text.size() - 1)));
        QVERIFY(!OutboxFormat::decodePublicKey("mps-outbox-x25519 zz" + text.substr(20)));
        QVERIFY(!OutboxFormat::decodePublicKey("something-else " + text.substr(18)));
        QVERIFY(!OutboxFormat::decodePublicKey(text + "\n"));
    }

    void secretKeyRestoresThePair()
    {
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        const auto again = OutboxKeyPair::fromSecretKey(keys.secretKey().data(), keys.secretKey().size());
        QVERIFY(again.has_value());
        QVERIFY(again->publicKey() == keys.publicKey());
        QVERIFY(!OutboxKeyPair::fromSecretKey(keys.secretKey().data(), 31));
    }

public:
    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestOutboxCipher)
#include "TestOutboxCipher.moc"
