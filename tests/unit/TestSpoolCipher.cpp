// Spool encryption: round trips, tamper and truncation detection, seekable reads, and files of the
// previous format version (tests/unit/data/spool) still read.
#include "SpoolCipher.h"

#include <QTemporaryFile>
#include <QTest>
#include <fcntl.h>
#include <functional>
#include <sodium.h>
#include <unistd.h>

class TestSpoolCipher : public QObject
{
    Q_OBJECT

private:
    static QByteArray pattern(qint64 n)
    {
        QByteArray b(n, '\0');
        for (qint64 i = 0; i < n; ++i)
            b[i] = static_cast<char>((i * 131 + i / 7) & 0xff);
        return b;
    }
    // Encrypts `plain` into a temp file in pieces of `piece` bytes; returns the path.
    static QString encrypt(const QByteArray& plain, const SecretKey& key, quint32 chunk, qint64 piece,
                           std::unique_ptr<SpoolIndex>* index = nullptr)
    {
        QTemporaryFile f;
        f.setAutoRemove(false);
        if (!f.open())
            return {};
        SpoolWriter w;
        if (!w.open(f.handle(), key, index != nullptr, chunk))
            return {};
        for (qint64 at = 0; at < plain.size(); at += piece)
            if (!w.write(plain.constData() + at, std::min(piece, plain.size() - at)))
                return {};
        if (!w.finish())
            return {};
        if (index)
            *index = w.takeIndex();
        f.flush();
        return f.fileName();
    }
    static bool decrypt(const QString& path, const SecretKey& key, QByteArray* out, QString* error)
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        SpoolReader r;
        bool ok = r.open(fd, key);
        char buf[1000];
        while (ok) {
            const qint64 n = r.read(buf, sizeof buf);
            if (n < 0)
                ok = false;
            if (n <= 0)
                break;
            out->append(buf, n);
        }
        *error = r.errorString();
        ::close(fd);
        return ok;
    }

    /// Changes the bytes of the file at `path` in place, as `change` says (same length).
    static bool rewrite(const QString& path, const std::function<void(QByteArray&)>& change)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadWrite))
            return false;
        QByteArray all = f.readAll();
        change(all);
        return f.seek(0) && f.write(all) == all.size();
    }
    /// Why the file at `path` does not read to its authenticated end (empty when it does); `back` gets
    /// what the reader gave before it stopped.
    static QString readError(const QString& path, const SecretKey& key, QByteArray* back = nullptr)
    {
        QByteArray bytes;
        QString err;
        const bool ok = decrypt(path, key, &bytes, &err);
        if (back)
            *back = bytes;
        return ok ? QString() : err;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void roundTrip_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<quint32>("chunk");
        QTest::addColumn<qint64>("piece");
        QTest::newRow("empty") << qint64(0) << quint32(64) << qint64(7);
        QTest::newRow("one byte") << qint64(1) << quint32(64) << qint64(1);
        QTest::newRow("exact chunk") << qint64(64) << quint32(64) << qint64(64);
        QTest::newRow("two chunks exact") << qint64(128) << quint32(64) << qint64(10);
        QTest::newRow("uneven") << qint64(1000) << quint32(64) << qint64(33);
        // Pieces longer than a chunk: whole chunks are encrypted from the caller's buffer.
        QTest::newRow("pieces of several chunks, uneven") << qint64(1000) << quint32(64) << qint64(200);
        QTest::newRow("pieces of two chunks exact") << qint64(640) << quint32(64) << qint64(128);
        QTest::newRow("one piece") << qint64(1000) << quint32(64) << qint64(1000);
        QTest::newRow("default chunk, 1 MiB")
            << qint64(1 << 20) << SpoolFormat::DefaultChunkSize << qint64(65536);
    }
    void roundTrip()
    {
        QFETCH(qint64, size);
        QFETCH(quint32, chunk);
        QFETCH(qint64, piece);
        const SecretKey key = SecretKey::random();
        const QByteArray plain = pattern(size);
        const QString path = encrypt(plain, key, chunk, piece);
        QVERIFY(!path.isEmpty());
        QByteArray back;
        QString err;
        QVERIFY2(decrypt(path, key, &back, &err), qPrintable(err));
        QCOMPARE(back, plain);
        // The file holds no plaintext run of the document.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        if (size >= 64)
            QVERIFY(!f.readAll().contains(plain.mid(0, 32)));
        QFile::remove(path);
    }

    void wrongKeyFails()
    {
        const QString path = encrypt(pattern(500), SecretKey::random(), 64, 100);
        QVERIFY(!readError(path, SecretKey::random()).isEmpty());
        QFile::remove(path);
    }

    void tamperDetected_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("header: the salt") << 20;
        QTest::newRow("header: a reserved byte") << 6;
        QTest::newRow("first chunk") << SpoolFormat::HeaderSize + 3;
        QTest::newRow("last chunk") << -5;
    }
    void tamperDetected()
    {
        QFETCH(int, offset);
        const SecretKey key = SecretKey::random();
        const QString path = encrypt(pattern(300), key, 64, 64);
        QVERIFY(rewrite(path, [offset](QByteArray& all) {
            const int at = offset < 0 ? all.size() + offset : offset;
            all[at] = static_cast<char>(all[at] ^ 0x01);
        }));
        QVERIFY(!readError(path, key).isEmpty());
        QFile::remove(path);
    }

    void truncationDetected_data()
    {
        // pattern(300) in chunks of 64: 4 full chunks, then the last with 44 bytes.
        constexpr int tag = SpoolFormat::ChunkOverhead;
        QTest::addColumn<int>("cut");
        QTest::addColumn<QString>("error");
        // Cut at a chunk boundary, the file still ends in a whole chunk, which is not marked the last.
        QTest::newRow("whole last chunk") << (tag + 44) << "truncated";
        QTest::newRow("at chunk boundary") << (tag + 44 + 64 + tag) << "truncated";
        QTest::newRow("one byte") << 1 << "authentication";
        QTest::newRow("into the tag of a whole chunk") << (tag + 44 + 3) << "authentication";
        QTest::newRow("all chunks") << (tag + 44 + 4 * (64 + tag)) << "truncated";
    }
    void truncationDetected()
    {
        QFETCH(int, cut);
        QFETCH(QString, error);
        const SecretKey key = SecretKey::random();
        const QString path = encrypt(pattern(300), key, 64, 64);
        QFile f(path);
        QVERIFY(f.resize(f.size() - cut));
        const QString err = readError(path, key);
        QVERIFY2(err.contains(error), qPrintable(err));
        QFile::remove(path);
    }

    void reorderedChunksDetected()
    {
        // Two whole chunks swapped: each still carries a valid tag, but for another place in the file.
        const SecretKey key = SecretKey::random();
        const QString path = encrypt(pattern(300), key, 64, 64);
        QVERIFY(rewrite(path, [](QByteArray& all) {
            const int whole = 64 + SpoolFormat::ChunkOverhead;
            const QByteArray first = all.mid(SpoolFormat::HeaderSize, whole);
            const QByteArray second = all.mid(SpoolFormat::HeaderSize + whole, whole);
            all.replace(SpoolFormat::HeaderSize, whole, second);
            all.replace(SpoolFormat::HeaderSize + whole, whole, first);
        }));
        QByteArray back;
        const QString err = readError(path, key, &back);
        QVERIFY2(err.contains(QLatin1String("authentication")), qPrintable(err));
        QVERIFY(back.isEmpty());
        QFile::remove(path);
    }

    void writesTheCurrentVersion()
    {
        const QString path = encrypt(pattern(100), SecretKey::random(), 64, 100);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray header = f.read(SpoolFormat::HeaderSize);
        QCOMPARE(header.left(4), QByteArray("MPSJ"));
        QCOMPARE(int(header.at(4)), int(SpoolFormat::Version));
        // 100 bytes in chunks of 64: two chunks, each with its tag.
        QCOMPARE(f.size(), qint64(SpoolFormat::HeaderSize + 100 + 2 * SpoolFormat::ChunkOverhead));
        f.close();
        QFile::remove(path);
    }

    void versionByteIsBound()
    {
        // A current file relabelled as version 1 (or a version 1 file as the current one) is not read.
        const SecretKey key = SecretKey::random();
        const QString path = encrypt(pattern(300), key, 64, 50);
        QVERIFY(rewrite(path, [](QByteArray& all) { all[4] = 1; }));
        QByteArray back;
        QVERIFY(!readError(path, key, &back).isEmpty());
        QVERIFY(back.isEmpty());
        QFile::remove(path);
    }

    void previousVersionStillReads_data()
    {
        // Written by SpoolWriter at 7c6e9a0, the last to write version 1, under the key of 32 bytes
        // 0x42 (tests/unit/data/spool/README.md).
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("size");
        QTest::newRow("300 bytes, chunks of 64") << "spool-v1-300b-chunk64.job" << qint64(300);
        QTest::newRow("10000 bytes, chunks of 256") << "spool-v1-10000b-chunk256.job" << qint64(10000);
        QTest::newRow("empty") << "spool-v1-empty.job" << qint64(0);
    }
    void previousVersionStillReads()
    {
        QFETCH(QString, file);
        QFETCH(qint64, size);
        bool ok = false;
        const SecretKey key = SecretKey::fromBytes(QByteArray(SecretKey::Size, '\x42'), &ok);
        QVERIFY(ok);
        const QString path = QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/spool/") + file;
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(int(original.read(5).at(4)), 1);
        QByteArray back;
        QString err;
        QVERIFY2(decrypt(path, key, &back, &err), qPrintable(err));
        QCOMPARE(back, pattern(size));
        // Through its seek index too, at offsets inside and across chunks.
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        SpoolReader r;
        QVERIFY(r.open(fd, key));
        auto index = r.buildIndex();
        QVERIFY(index);
        QVERIFY(index->fits(fd));
        SpoolDevice dev(fd, std::move(index));
        QVERIFY(dev.open(QIODevice::ReadOnly));
        QCOMPARE(dev.size(), size);
        for (qint64 at : {size - 10, qint64(0), qint64(63), qint64(64), size / 2}) {
            if (at < 0 || at >= size)
                continue;
            QVERIFY(dev.seek(at));
            QCOMPARE(dev.read(300), pattern(size).mid(at, 300));
        }
        ::close(fd);
        // A byte changed in its last chunk is still caught.
        if (size > 0) {
            QTemporaryFile copy;
            QVERIFY(copy.open());
            QFile::remove(copy.fileName());
            QVERIFY(QFile::copy(path, copy.fileName()));
            QVERIFY(rewrite(copy.fileName(), [](QByteArray& all) {
                all[all.size() - 3] = static_cast<char>(all[all.size() - 3] ^ 0x10);
            }));
            const QString damaged = readError(copy.fileName(), key);
            QVERIFY2(damaged.contains(QLatin1String("authentication")), qPrintable(damaged));
        }
    }

    void seekableDevice()
    {
        const SecretKey key = SecretKey::random();
        const QByteArray plain = pattern(10000);
        std::unique_ptr<SpoolIndex> index;
        const QString path = encrypt(plain, key, 256, 999, &index);
        QVERIFY(index);
        QCOMPARE(index->plaintextSize, qint64(10000));
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
        // The writer's index fits its file, and no file of another length.
        QVERIFY(index->fits(fd));
        {
            QTemporaryFile other;
            QVERIFY(other.open());
            QFile mine(path);
            QVERIFY(mine.open(QIODevice::ReadOnly));
            const QByteArray bytes = mine.readAll();
            QVERIFY(other.write(bytes.left(bytes.size() - 1)) == bytes.size() - 1 && other.flush());
            QVERIFY(!index->fits(other.handle()));
            QVERIFY(other.write("xx") == 2 && other.flush());
            QVERIFY(!index->fits(other.handle()));
        }
        SpoolDevice dev(fd, std::move(index));
        QVERIFY(dev.open(QIODevice::ReadOnly));
        QCOMPARE(dev.size(), qint64(10000));
        for (qint64 at : {qint64(9990), qint64(0), qint64(255), qint64(256), qint64(5000), qint64(1)}) {
            QVERIFY(dev.seek(at));
            const QByteArray got = dev.read(300);
            QCOMPARE(got, plain.mid(at, 300));
        }
        // An index rebuilt by a sequential pass gives the same bytes.
        ::lseek(fd, 0, SEEK_SET);
        SpoolReader r;
        QVERIFY(r.open(fd, key));
        auto rebuilt = r.buildIndex();
        QVERIFY(rebuilt);
        SpoolDevice dev2(fd, std::move(rebuilt));
        QVERIFY(dev2.open(QIODevice::ReadOnly));
        QCOMPARE(dev2.readAll(), plain);
        ::close(fd);
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(TestSpoolCipher)
#include "TestSpoolCipher.moc"
