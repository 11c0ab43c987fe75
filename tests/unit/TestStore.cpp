// The SQLCipher store: users, jobs, state changes, ledger, encryption at rest.
#include "Store.h"

#include <QTemporaryDir>
#include <QTest>

class TestStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SecretKey m_key;

    StoredJob heldJob(Store& s, qint64 owner, const QString& name)
    {
        JobInfo meta;
        meta.name = name;
        meta.documentFormat = QStringLiteral("application/pdf");
        meta.submitted = QDateTime::fromSecsSinceEpoch(1000, Qt::UTC);
        const qint64 id = s.createReceivingJob(owner, meta);
        StoredJob j;
        j.info = meta;
        j.info.id = id;
        j.info.pages = 3;
        j.info.size = 1234;
        j.info.expires = QDateTime::fromSecsSinceEpoch(5000, Qt::UTC);
        j.ownerId = owner;
        j.spoolName = QStringLiteral("%1").arg(id, 32, 10, QLatin1Char('0')) + QStringLiteral(".job");
        j.wrappedKey = QByteArray(72, 'k');
        return j;
    }

    static UserRecord user(const QString& name, const QString& department)
    {
        UserRecord u;
        u.name = name;
        u.department = department;
        return u;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initCrypto());
        m_key = SecretKey::random();
    }

    void usersAndCards()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("users.db")), m_key));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
        kim.card = QStringLiteral("04A1B2C3");
        QString err;
        QVERIFY(s.addUser(&kim, &err));
        QVERIFY(kim.id > 0);
        UserRecord dup = user(QStringLiteral("kim"), QStringLiteral("IT"));
        QVERIFY(!s.addUser(&dup, &err));
        QVERIFY(err.contains(QLatin1String("already exists")));
        UserRecord park = user(QStringLiteral("park"), QStringLiteral("IT"));
        QVERIFY(s.addUser(&park, &err));
        QCOMPARE(s.userByCard(QStringLiteral("04A1B2C3"))->name, QStringLiteral("kim"));
        QVERIFY(!s.userByCard(QStringLiteral("FFFF")));
        QVERIFY(!s.setUserCard(park.id, QStringLiteral("04A1B2C3"), &err)); // one card, one person
        QVERIFY(s.setUserCard(park.id, QStringLiteral("DEADBEEF"), &err));
        QCOMPARE(s.userByCard(QStringLiteral("DEADBEEF"))->name, QStringLiteral("park"));
        s.recordAuthFailure(park.id, 100, 2, 60);
        QCOMPARE(s.userById(park.id)->lockedUntil, qint64(0));
        s.recordAuthFailure(park.id, 100, 2, 60);
        QCOMPARE(s.userById(park.id)->lockedUntil, qint64(160));
        s.clearAuthFailures(park.id);
        QCOMPARE(s.userById(park.id)->failedAttempts, 0);
    }

    void wrongKeyRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("key.db"));
        {
            Store s;
            QVERIFY(s.open(path, m_key));
        }
        Store other;
        QVERIFY(!other.open(path, SecretKey::random()));
        QVERIFY(other.errorString().contains(QLatin1String("master key")));
        // Nothing readable in the file: no SQLite header, no user names.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().startsWith("SQLite format 3"));
    }

    void jobLifecycle()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("jobs.db")), m_key));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("Finance"));
        QString err;
        QVERIFY(s.addUser(&kim, &err) && s.addUser(&lee, &err));

        StoredJob j = heldJob(s, kim.id, QStringLiteral("report.pdf"));
        // Receiving jobs are invisible.
        QCOMPARE(s.jobsForOwner(kim.id, true).size(), 0);
        QVERIFY(s.commitJob(j, QByteArray("png")));
        QVERIFY(!s.commitJob(j, QByteArray())); // only once
        QCOMPARE(s.jobsForOwner(kim.id, true).size(), 1);
        QCOMPARE(s.jobsForOwner(lee.id, true).size(), 0);
        QCOMPARE(s.thumbnail(j.info.id), QByteArray("png"));
        QCOMPARE(s.liveSpoolNames(), QList<QString>{j.spoolName});

        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), QStringLiteral("3F")};
        QVERIFY(s.addPrinter(&p, &err));
        QVERIFY(s.transition(j.info.id, JobState::Held, JobState::Releasing, QString(), p.id));
        QVERIFY(!s.transition(j.info.id, JobState::Held, JobState::Releasing, QString(), p.id)); // compare-and-set
        QVERIFY(!s.updateOptions(j.info.id, PrintOptions{})); // not while releasing
        QCOMPARE(s.job(j.info.id)->info.printer, QStringLiteral("3F-East"));

        UsageRecord u;
        u.jobId = j.info.id;
        u.userId = kim.id;
        u.kind = QStringLiteral("printed");
        u.pages = 3;
        u.at = 2000;
        QVERIFY(s.finishJob(j.info.id, JobState::Printed, QString(), u));
        QVERIFY(!s.finishJob(j.info.id, JobState::Deleted, QString(), u)); // terminal stays terminal
        const auto done = s.job(j.info.id);
        QCOMPARE(done->info.state, JobState::Printed);
        QVERIFY(done->wrappedKey.isEmpty()); // the key is gone
        QVERIFY(s.thumbnail(j.info.id).isEmpty());
        QCOMPARE(s.usage(0).size(), 1);
        QCOMPARE(s.usage(0).first().pages, 3);
        QCOMPARE(s.jobsForOwner(kim.id, true).size(), 0);
        QCOMPARE(s.jobsForOwner(kim.id, false).size(), 1);
    }

    void fingerprints()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("fp.db")), m_key));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("Finance"));
        UserRecord park = user(QStringLiteral("park"), QStringLiteral("IT"));
        UserRecord choi = user(QStringLiteral("choi"), QStringLiteral("IT"));
        QString err;
        QVERIFY(s.addUser(&kim, &err) && s.addUser(&lee, &err) && s.addUser(&park, &err) &&
                s.addUser(&choi, &err));
        QVERIFY(!s.userById(kim.id)->hasFingerprint);
        QVERIFY(s.userFingerprint(kim.id).isEmpty());

        QVERIFY(s.setUserFingerprint(kim.id, QByteArray("sealed-kim-1")));
        QVERIFY(s.setUserFingerprint(kim.id, QByteArray("sealed-kim-2"))); // replaces
        QVERIFY(s.setUserFingerprint(lee.id, QByteArray("sealed-lee")));
        QVERIFY(s.setUserFingerprint(choi.id, QByteArray("sealed-choi")));
        QVERIFY(!s.setUserFingerprint(9999, QByteArray("nobody")));
        QVERIFY(!s.setUserFingerprint(park.id, QByteArray()));
        QCOMPARE(s.userFingerprint(kim.id), QByteArray("sealed-kim-2"));
        QCOMPARE(s.userFingerprint(lee.id), QByteArray("sealed-lee"));
        QVERIFY(s.userByName(QStringLiteral("kim"))->hasFingerprint);
        QVERIFY(!s.userByName(QStringLiteral("park"))->hasFingerprint);

        // Candidates: enrolled users with a held job. Nobody holds a job yet.
        QVERIFY(s.fingerprintCandidates(100).isEmpty());
        QVERIFY(s.commitJob(heldJob(s, kim.id, QStringLiteral("a.pdf")), {}));
        QVERIFY(s.commitJob(heldJob(s, kim.id, QStringLiteral("b.pdf")), {}));  // two jobs, one candidate
        QVERIFY(s.commitJob(heldJob(s, park.id, QStringLiteral("c.pdf")), {})); // held but not enrolled
        // lee's only job is releasing, choi's only job is still arriving: neither is held.
        const StoredJob leeJob = heldJob(s, lee.id, QStringLiteral("d.pdf"));
        QVERIFY(s.commitJob(leeJob, {}));
        QVERIFY(s.transition(leeJob.info.id, JobState::Held, JobState::Releasing, QString(), 1));
        JobInfo arriving;
        arriving.submitted = QDateTime::fromSecsSinceEpoch(1000, Qt::UTC);
        QVERIFY(s.createReceivingJob(choi.id, arriving) > 0);
        QList<SealedFingerprint> c = s.fingerprintCandidates(100);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c[0].userId, kim.id);
        QCOMPARE(c[0].userName, QStringLiteral("kim"));
        QCOMPARE(c[0].sealed, QByteArray("sealed-kim-2"));

        // A locked account is not offered until the lock ends.
        s.recordAuthFailure(kim.id, 100, 1, 60);
        QVERIFY(s.fingerprintCandidates(100).isEmpty());
        QCOMPARE(s.fingerprintCandidates(160).size(), 1);
        s.clearAuthFailures(kim.id);

        QVERIFY(s.commitJob(heldJob(s, lee.id, QStringLiteral("e.pdf")), {}));
        c = s.fingerprintCandidates(100);
        QCOMPARE(c.size(), 2);
        QCOMPARE(c[1].userName, QStringLiteral("lee"));
        QCOMPARE(c[1].sealed, QByteArray("sealed-lee"));

        QVERIFY(s.clearUserFingerprint(kim.id));
        QVERIFY(s.clearUserFingerprint(kim.id)); // nothing to clear is fine
        QVERIFY(s.userFingerprint(kim.id).isEmpty());
        QVERIFY(!s.userById(kim.id)->hasFingerprint);
        c = s.fingerprintCandidates(100);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c[0].userName, QStringLiteral("lee"));
    }

    void expiryAndReconcile()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("exp.db")), m_key));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
        QString err;
        QVERIFY(s.addUser(&kim, &err));
        StoredJob j = heldJob(s, kim.id, QStringLiteral("a.pdf"));
        QVERIFY(s.commitJob(j, {}));
        JobInfo pending;
        pending.submitted = QDateTime::fromSecsSinceEpoch(1000, Qt::UTC);
        s.createReceivingJob(kim.id, pending);
        QCOMPARE(s.jobsExpiringBefore(4999, false).size(), 0);
        QCOMPARE(s.jobsExpiringBefore(5000, false).size(), 1);
        QCOMPARE(s.jobsExpiringBefore(5000, true).size(), 1);
        s.markWarned(j.info.id);
        QCOMPARE(s.jobsExpiringBefore(5000, true).size(), 0);
        QCOMPARE(s.discardAllReceiving(), 1);
        QCOMPARE(s.jobCount(), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
