// Authenticator's throttled sign-in (issue 14 §2) with an injected clock: locks per (name, source),
// unknown names answered like real ones, the account-wide ceiling in the database (told only with the
// right password, not at a place the account used, ending by itself and counting again from zero).
#include "Authenticator.h"
#include "ManualClock.h"
#include "PasswordHasher.h"
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

class TestAuthenticator : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        Store store;
        ManualClock clock;
        std::unique_ptr<Authenticator> auth;

        bool init(int accountFailures = 50)
        {
            if (!store.open(dir.filePath(QStringLiteral("mps.db")), SecretKey::random()))
                return false;
            Authenticator::Settings s;
            s.accountFailures = accountFailures;
            auth = std::make_unique<Authenticator>(store, clock, s, SecretKey::random());
            QString err;
            for (const char* name : {"kim", "lee"}) {
                UserRecord u;
                u.name = QString::fromLatin1(name);
                u.department = QStringLiteral("IT");
                u.passwordHash = PasswordHasher::hash(u.name + QStringLiteral("-password"));
                if (!store.addUser(&u, &err))
                    return false;
            }
            return true;
        }
        AuthOutcome password(const QString& user, const QString& pw, const QString& source)
        {
            return auth->checkPassword(user, pw, source);
        }
    };

private slots:
    void lockIsPerNameAndSource()
    {
        Fixture f;
        QVERIFY(f.init());
        for (int left = 4; left >= 1; --left)
            QCOMPARE(f.password(QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("10.0.0.2"))
                         .attemptsLeft,
                     left);
        const AuthOutcome locked =
            f.password(QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("10.0.0.2"));
        QCOMPARE(locked.status, AuthOutcome::Status::Locked);
        QVERIFY(locked.lockedHere);
        QCOMPARE(locked.lockedUntil, f.clock.nowSecs() + 300);
        QCOMPARE(f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("10.0.0.2"))
                     .status,
                 AuthOutcome::Status::Locked);
        QVERIFY(f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("10.0.0.1"))
                    .ok());
        // Nothing reached the database: the account is not locked.
        QCOMPARE(f.store.userByName(QStringLiteral("kim"))->lockedUntil, 0);
        // The lock ends by itself.
        f.clock.advance(300);
        QVERIFY(f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("10.0.0.2"))
                    .ok());
    }

    void unknownNamesAnswerLikeRealOnes()
    {
        Fixture f;
        QVERIFY(f.init());
        for (int i = 0; i < 6; ++i) {
            const AuthOutcome real =
                f.password(QStringLiteral("lee"), QStringLiteral("x"), QStringLiteral("a"));
            const AuthOutcome fake =
                f.password(QStringLiteral("nobody"), QStringLiteral("x"), QStringLiteral("b"));
            QCOMPARE(real.status, fake.status);
            QCOMPARE(real.message, fake.message);
            QCOMPARE(real.attemptsLeft, fake.attemptsLeft);
            QCOMPARE(real.lockedUntil, fake.lockedUntil);
        }
    }

    void accountCeilingLocksInTheDatabaseAndRestarts()
    {
        Fixture f;
        QVERIFY(f.init(8));
        QVERIFY(
            f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("desk")).ok());
        // Eight failures from eight places: no place reaches its own lock, the account does.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(
                f.password(QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("p%1").arg(i)).status,
                AuthOutcome::Status::Invalid);
        const qint64 until = f.store.userByName(QStringLiteral("kim"))->lockedUntil;
        QCOMPARE(until, f.clock.nowSecs() + 300);
        // Told only to the right password, and not at the desk kim used.
        QCOMPARE(f.password(QStringLiteral("kim"), QStringLiteral("y"), QStringLiteral("new")).status,
                 AuthOutcome::Status::Invalid);
        const AuthOutcome right =
            f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("new2"));
        QCOMPARE(right.status, AuthOutcome::Status::Locked);
        QVERIFY(!right.lockedHere);
        QVERIFY(
            f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("desk")).ok());
        // After the lock, one more failure does not lock again: the count started from zero.
        f.clock.advance(301);
        QCOMPARE(f.password(QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("p9")).status,
                 AuthOutcome::Status::Invalid);
        QVERIFY(f.store.userByName(QStringLiteral("kim"))->lockedUntil <= f.clock.nowSecs());
        QVERIFY(
            f.password(QStringLiteral("kim"), QStringLiteral("kim-password"), QStringLiteral("new3")).ok());
    }

    void poolCountsEveryCheck()
    {
        Fixture f;
        QVERIFY(f.init());
        (void)f.password(QStringLiteral("kim"), QStringLiteral("x"), QStringLiteral("a"));
        (void)f.password(QStringLiteral("ghost"), QStringLiteral("x"), QStringLiteral("a"));
        const PasswordCheckPool::Stats s = f.auth->passwordCheckStats();
        QCOMPARE(s.checks, quint64(2));
        QCOMPARE(s.inUse, 0);
        QVERIFY(s.peak >= 1 && s.peak <= s.capacity);
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "TestAuthenticator.moc"
