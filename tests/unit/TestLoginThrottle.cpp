// LoginThrottle (per source and per (name, source) counting), PasswordCheckPool (bounded Argon2id
// checks) and RefusalLog (bounded, safe log lines): issue 14 §2. Time is passed in, never slept.
#include "Log.h"
#include "LoginThrottle.h"
#include "PasswordCheckPool.h"
#include "RefusalLog.h"

#include <QTest>
#include <thread>

class TestLoginThrottle : public QObject
{
    Q_OBJECT

    static LoginThrottle::Settings settings()
    {
        LoginThrottle::Settings s;
        s.pairFailures = 5;
        s.pairLockSecs = 300;
        s.pairLockMaxSecs = 3600;
        s.sourceBurst = 20;
        s.sourceRefillSecs = 30;
        return s;
    }
    /// admit() then fail(): one wrong guess.
    static LoginThrottle::Verdict guess(LoginThrottle& t, const QString& source, const QString& name,
                                        qint64 now)
    {
        const LoginThrottle::Verdict v = t.admit(source, name, now);
        return v.refused ? v : t.fail(source, name, now);
    }

private slots:
    void fifthFailureLocksThePairOnly()
    {
        LoginThrottle t(settings());
        const qint64 now = 1000;
        for (int left = 4; left >= 1; --left) {
            const auto v = guess(t, QStringLiteral("10.0.0.2"), QStringLiteral("kim"), now);
            QVERIFY(!v.refused);
            QCOMPARE(v.attemptsLeft, left);
        }
        const auto locked = guess(t, QStringLiteral("10.0.0.2"), QStringLiteral("kim"), now);
        QVERIFY(locked.refused);
        QCOMPARE(locked.until, now + 300);
        // Refused there (any case of the name), not checked; kim elsewhere and lee there are not.
        QVERIFY(t.admit(QStringLiteral("10.0.0.2"), QStringLiteral("KIM"), now + 1).refused);
        QVERIFY(!t.admit(QStringLiteral("10.0.0.1"), QStringLiteral("kim"), now + 1).refused);
        QVERIFY(!t.admit(QStringLiteral("10.0.0.2"), QStringLiteral("lee"), now + 1).refused);
        QCOMPARE(t.pairLockedUntil(QStringLiteral("10.0.0.2"), QStringLiteral("kim"), now + 1), now + 300);
    }

    void countRestartsWhenTheLockEndsAndLocksGrow()
    {
        LoginThrottle t(settings());
        qint64 now = 1000;
        for (int i = 0; i < 5; ++i)
            guess(t, QStringLiteral("a"), QStringLiteral("kim"), now);
        now += 300; // the lock has ended
        QCOMPARE(t.pairLockedUntil(QStringLiteral("a"), QStringLiteral("kim"), now), 0);
        // One more guess does not lock again: four are left.
        const auto v = guess(t, QStringLiteral("a"), QStringLiteral("kim"), now);
        QVERIFY(!v.refused);
        QCOMPARE(v.attemptsLeft, 4);
        for (int i = 0; i < 3; ++i)
            guess(t, QStringLiteral("a"), QStringLiteral("kim"), now);
        // The second lock lasts twice as long.
        const auto second = guess(t, QStringLiteral("a"), QStringLiteral("kim"), now);
        QVERIFY(second.refused);
        QCOMPARE(second.until, now + 600);
    }

    void concurrentFailuresDoNotStackLocks()
    {
        LoginThrottle t(settings());
        for (int i = 0; i < 10; ++i)
            QVERIFY(!t.admit(QStringLiteral("e"), QStringLiteral("kim"), 100).refused);
        LoginThrottle::Verdict v;
        for (int i = 0; i < 10; ++i)
            v = t.fail(QStringLiteral("e"), QStringLiteral("kim"), 100);
        // Ten checks admitted at once all failed: one lock of the first length, not five doublings.
        QVERIFY(v.refused);
        QCOMPARE(v.until, 100 + 300);
    }

    void successClearsThePair()
    {
        LoginThrottle t(settings());
        for (int i = 0; i < 4; ++i)
            guess(t, QStringLiteral("a"), QStringLiteral("kim"), 1000);
        QVERIFY(!t.admit(QStringLiteral("a"), QStringLiteral("kim"), 1000).refused);
        t.succeed(QStringLiteral("a"), QStringLiteral("kim"), 1000);
        QCOMPARE(guess(t, QStringLiteral("a"), QStringLiteral("kim"), 1000).attemptsLeft, 4);
    }

    void sourceBudgetIsNameBlindAndRefills()
    {
        LoginThrottle t(settings());
        const qint64 now = 5000;
        LoginThrottle::Verdict v;
        for (int i = 0; i < 20; ++i)
            v = guess(t, QStringLiteral("b"), QStringLiteral("name%1").arg(i), now);
        // The twentieth failure empties the budget and says so (until the next refill).
        QVERIFY(v.refused);
        QVERIFY(v.sourceLimited);
        QCOMPARE(v.until, now + 30);
        const auto real = t.admit(QStringLiteral("b"), QStringLiteral("kim"), now);
        const auto fake = t.admit(QStringLiteral("b"), QStringLiteral("nobody"), now);
        QVERIFY(real.refused && fake.refused);
        QCOMPARE(real.until, fake.until);
        QVERIFY(!t.admit(QStringLiteral("c"), QStringLiteral("kim"), now).refused);
        // One attempt more every 30 s.
        QVERIFY(!t.admit(QStringLiteral("b"), QStringLiteral("kim"), now + 30).refused);
        QVERIFY(t.admit(QStringLiteral("b"), QStringLiteral("lee"), now + 30).refused);
    }

    void concurrentAttemptsAreChargedBeforeTheCheck()
    {
        LoginThrottle t(settings());
        int admitted = 0;
        for (int i = 0; i < 64; ++i)
            admitted += t.admit(QStringLiteral("d"), QStringLiteral("kim%1").arg(i), 100).refused ? 0 : 1;
        QCOMPARE(admitted, 20);
    }

    void tablesAreBounded()
    {
        LoginThrottle::Settings s = settings();
        s.maxSources = 100;
        s.maxPairs = 200;
        LoginThrottle t(s);
        for (int i = 0; i < 5000; ++i)
            guess(t, QStringLiteral("10.1.%1.%2").arg(i / 250).arg(i % 250), QStringLiteral("u%1").arg(i),
                  100);
        QCOMPARE(t.sourceCount(), std::size_t(100));
        QCOMPARE(t.pairCount(), std::size_t(200));
    }

    void sourcesOfAddresses()
    {
        QCOMPARE(LoginThrottle::sourceForAddress(QStringLiteral("127.0.0.2")), QStringLiteral("127.0.0.2"));
        QCOMPARE(LoginThrottle::sourceForAddress(QStringLiteral("::ffff:10.1.2.3")),
                 QStringLiteral("10.1.2.3"));
        // A whole IPv6 /64 is one source.
        QCOMPARE(LoginThrottle::sourceForAddress(QStringLiteral("2001:db8:1:2:aaaa::1")),
                 LoginThrottle::sourceForAddress(QStringLiteral("2001:db8:1:2:bbbb::9")));
        QVERIFY(LoginThrottle::sourceForAddress(QStringLiteral("2001:db8:1:2::1")) !=
                LoginThrottle::sourceForAddress(QStringLiteral("2001:db8:1:3::1")));
        QVERIFY(LoginThrottle::sourceForKiosk(1) != LoginThrottle::sourceForKiosk(2));
    }

    void poolNeverRunsMoreThanItsCapacity()
    {
        PasswordCheckPool pool(2, std::chrono::milliseconds(0));
        {
            auto a = pool.tryAcquire();
            auto b = pool.tryAcquire();
            QVERIFY(a && b);
            auto c = pool.tryAcquire();
            QVERIFY(!c);
            QCOMPARE(pool.stats().inUse, 2);
        }
        const auto s = pool.stats();
        QCOMPARE(s.inUse, 0);
        QCOMPARE(s.peak, 2);
        QCOMPARE(s.checks, quint64(2));
        QCOMPARE(s.refused, quint64(1));
    }

    void poolWaitsForAFreedSlot()
    {
        PasswordCheckPool pool(1, std::chrono::milliseconds(60000));
        auto held = std::make_unique<PasswordCheckPool::Slot>(pool.tryAcquire());
        QVERIFY(*held);
        std::thread releaser([&] { held.reset(); });
        auto next = pool.tryAcquire(); // returns once the other thread gives the slot back
        releaser.join();
        QVERIFY(next);
        QCOMPARE(pool.stats().peak, 1);
    }

    void refusalLogIsShortAndSafe()
    {
        QCOMPARE(RefusalLog::printable(QStringLiteral("kim\n2026 fake line")),
                 QStringLiteral("kim?2026 fake line"));
        QCOMPARE(RefusalLog::printable(QString(100, QLatin1Char('x'))).size(), 67);
        RefusalLog log(lcAuth(), RefusalLog::signInWording(), 60);
        for (int i = 0; i < 1000; ++i)
            log.refused(QStringLiteral("10.0.0.9"), QStringLiteral("unknown name"),
                        QStringLiteral("over REST"), 100 + i / 100, QStringLiteral("n%1").arg(i));
        QCOMPARE(log.linesWritten(), quint64(1));
        log.flush(200);
        QCOMPARE(log.linesWritten(), quint64(2));
    }

    // One class serves both uses; each keeps its own lines (admins and tests grep them).
    void refusalLogWordings()
    {
        RefusalLog signIn(lcAuth(), RefusalLog::signInWording(), 60);
        QTest::ignoreMessage(QtInfoMsg, "sign-in refused from 10.0.0.9 over REST as \"kim\" : unknown name");
        QVERIFY(signIn.refused(QStringLiteral("10.0.0.9"), QStringLiteral("unknown name"),
                               QStringLiteral("over REST as \"kim\""), 100, QStringLiteral("kim")));
        QVERIFY(!signIn.refused(QStringLiteral("10.0.0.9"), QStringLiteral("wrong password"),
                                QStringLiteral("over IPP as \"lee\""), 110, QStringLiteral("lee\n")));
        QTest::ignoreMessage(QtInfoMsg, "sign-in refused from 10.0.0.9 1 more time(s) since the last line "
                                        "( 1 wrong password ), as \"lee?\"");
        signIn.flush(200);
        QCOMPARE(signIn.linesWritten(), quint64(2));

        RefusalLog input(lcIpp(), RefusalLog::inputWording(), 60);
        QTest::ignoreMessage(QtInfoMsg, "refused malformed IPP request from 10.0.0.7 : content-length 5");
        QVERIFY(input.refused(QStringLiteral("10.0.0.7"), QStringLiteral("malformed IPP request"),
                              QStringLiteral("content-length 5"), 100));
        for (int i = 0; i < 2; ++i)
            QVERIFY(!input.refused(QStringLiteral("10.0.0.7"), QStringLiteral("malformed IPP request"),
                                   QStringLiteral("content-length 6"), 101 + i));
        // The next refusal after the interval sums up the last one before its own full line.
        QTest::ignoreMessage(
            QtInfoMsg,
            "refused 2 more request(s) from 10.0.0.7 since the last line: 2 malformed IPP request");
        QTest::ignoreMessage(QtInfoMsg, "refused malformed IPP request from 10.0.0.7 : content-length 7");
        QVERIFY(input.refused(QStringLiteral("10.0.0.7"), QStringLiteral("malformed IPP request"),
                              QStringLiteral("content-length 7"), 170));
        QCOMPARE(input.linesWritten(), quint64(3));
    }

    // A signed-in person's refused uploads: each of the first ten a minute in full (a person who
    // tries a few times sees each in the log), the rest of a script's loop summed up by reason. What a
    // client sent (a job name with "%1" in it) is written as it is, never read for markers.
    void refusalLogOfUploads()
    {
        RefusalLog uploads(lcIngest(), RefusalLog::uploadWording(), 60);
        for (int i = 0; i < 10; ++i) {
            const QString line =
                QStringLiteral("job %1 for kim refused: %2 jobs waiting, \"%1%3\"").arg(i + 1);
            QTest::ignoreMessage(QtInfoMsg, qPrintable(line));
            QVERIFY(uploads.refused(QStringLiteral("kim"), QStringLiteral("hold-limit"), line, 100 + i));
        }
        for (int i = 0; i < 40; ++i)
            QVERIFY(
                !uploads.refused(QStringLiteral("kim"),
                                 i % 4 ? QStringLiteral("hold-limit") : QStringLiteral("unsupported-format"),
                                 QStringLiteral("job %1 for kim refused").arg(20 + i), 110 + i / 10));
        // Another person's refusals are told in full as before.
        QTest::ignoreMessage(QtInfoMsg, "Create-Job for lee refused: 3 jobs waiting");
        QVERIFY(uploads.refused(QStringLiteral("lee"), QStringLiteral("hold-limit"),
                                QStringLiteral("Create-Job for lee refused: 3 jobs waiting"), 120));
        QCOMPARE(uploads.linesWritten(), quint64(11));
        QTest::ignoreMessage(QtInfoMsg,
                             QRegularExpression(QStringLiteral(
                                 "^uploads of kim refused 40 more time\\(s\\) since the last line \\( "
                                 "(30 hold-limit, 10 unsupported-format|10 unsupported-format, 30 "
                                 "hold-limit) \\)$")));
        uploads.flush(161);
        QCOMPARE(uploads.linesWritten(), quint64(12));
        // A new minute: ten in full again.
        QTest::ignoreMessage(QtInfoMsg, "job 99 for kim refused: later");
        QVERIFY(uploads.refused(QStringLiteral("kim"), QStringLiteral("hold-limit"),
                                QStringLiteral("job 99 for kim refused: later"), 170));
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "TestLoginThrottle.moc"
