// The SQLCipher store: users, jobs, state changes, ledger, encryption at rest.
#include "Database.h"
#include "Store.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <cstring>
#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

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

    // Statements are prepared once per connection and reused (Database.cpp's StatementCache): a reused
    // one starts with no bindings and no rows pending, two alive at once with the same SQL do not share
    // one, and the SQL's text (not only its address) picks the statement.
    void statementCache()
    {
        Database db;
        QVERIFY(db.open(m_dir.filePath(QStringLiteral("cache.db")), m_key));
        QVERIFY(db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT);"));
        static const char* insert = "INSERT INTO t (k, v) VALUES (?, ?)";
        for (int i = 1; i <= 3; ++i) {
            Statement st(db.handle(), insert);
            QVERIFY(st.isValid());
            QVERIFY(st.bind(1, i).bind(2, QStringLiteral("v%1").arg(i)).exec());
        }
        {
            Statement st(db.handle(), insert); // reused: the last run's bindings are gone
            QVERIFY(st.bind(1, 4).exec());
        }
        static const char* select = "SELECT v FROM t WHERE k = ?";
        {
            Statement st(db.handle(), select);
            QVERIFY(st.bind(1, 4).next());
            QVERIFY(st.isNull(0));
        }
        {
            // Left with rows unread, then taken again: it starts from the top with the new binding.
            Statement a(db.handle(), "SELECT k FROM t ORDER BY k");
            QVERIFY(a.next());
            QCOMPARE(a.integer(0), 1);
        }
        {
            Statement a(db.handle(), "SELECT k FROM t ORDER BY k");
            QVERIFY(a.next());
            QCOMPARE(a.integer(0), 1);
            Statement b(db.handle(), "SELECT k FROM t ORDER BY k"); // same SQL while a is alive
            QVERIFY(b.next() && b.next());
            QCOMPARE(b.integer(0), 2);
            QVERIFY(a.next());
            QCOMPARE(a.integer(0), 2);
        }
        // The same address with other text (a buffer reused for other SQL) is not mistaken for the first.
        char sql[64];
        std::strcpy(sql, "SELECT v FROM t WHERE k = 1");
        {
            Statement st(db.handle(), sql);
            QVERIFY(st.next());
            QCOMPARE(st.text(0), QStringLiteral("v1"));
        }
        std::strcpy(sql, "SELECT v FROM t WHERE k = 2");
        {
            Statement st(db.handle(), sql);
            QVERIFY(st.next());
            QCOMPARE(st.text(0), QStringLiteral("v2"));
        }
        // A query built at run time (a temporary that is gone before its Statement ends, as Store's
        // sql() helper makes them) is cached under its text: the same text from another buffer takes
        // the prepared statement back instead of preparing one more.
        auto preparedCount = [&db] {
            int n = 0;
            for (sqlite3_stmt* st = sqlite3_next_stmt(db.handle(), nullptr); st;
                 st = sqlite3_next_stmt(db.handle(), st))
                ++n;
            return n;
        };
        const QByteArray built = QByteArray("SELECT v FROM t WHERE k = ") + "? AND v IS NOT NULL";
        {
            Statement st(db.handle(), QByteArray(built).constData());
            QVERIFY(st.bind(1, 3).next());
            QCOMPARE(st.text(0), QStringLiteral("v3"));
        }
        const int prepared = preparedCount();
        for (int i = 0; i < 20; ++i) {
            const QByteArray copy(built.constData(), built.size()); // the same text at another address
            Statement st(db.handle(), copy.constData());
            QVERIFY(st.bind(1, 1 + i % 3).next());
            QCOMPARE(st.text(0), QStringLiteral("v%1").arg(1 + i % 3));
        }
        QCOMPARE(preparedCount(), prepared);
        // A schema change after a statement was cached: it is prepared again by SQLite, not stale.
        {
            Statement st(db.handle(), "SELECT * FROM t WHERE k = 1");
            QVERIFY(st.next());
            QCOMPARE(st.text(1), QStringLiteral("v1"));
        }
        QVERIFY(db.exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x';"));
        {
            Statement st(db.handle(), "SELECT * FROM t WHERE k = 1");
            QVERIFY(st.next());
            QCOMPARE(st.text(2), QStringLiteral("x"));
        }
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

        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"),
                        QStringLiteral("3F")};
        QVERIFY(s.addPrinter(&p, &err));
        QVERIFY(s.transition(j.info.id, JobState::Held, JobState::Releasing, StateReason(), p.id));
        QVERIFY(!s.transition(j.info.id, JobState::Held, JobState::Releasing, StateReason(),
                              p.id));                         // compare-and-set
        QVERIFY(!s.updateOptions(j.info.id, PrintOptions{})); // not while releasing
        QCOMPARE(s.job(j.info.id)->info.printer, QStringLiteral("3F-East"));

        UsageRecord u;
        u.jobId = j.info.id;
        u.userId = kim.id;
        u.kind = QStringLiteral("printed");
        u.pages = 3;
        u.at = 2000;
        QVERIFY(s.finishJob(j.info.id, JobState::Printed, StateReason(), u));
        QVERIFY(!s.finishJob(j.info.id, JobState::Deleted, StateReason(), u)); // terminal stays terminal
        const auto done = s.job(j.info.id);
        QCOMPARE(done->info.state, JobState::Printed);
        QVERIFY(done->wrappedKey.isEmpty()); // the key is gone
        QVERIFY(s.thumbnail(j.info.id).isEmpty());
        QCOMPARE(s.usage(0).size(), 1);
        QCOMPARE(s.usage(0).first().pages, 3);
        QCOMPARE(s.jobsForOwner(kim.id, true).size(), 0);
        QCOMPARE(s.jobsForOwner(kim.id, false).size(), 1);
    }

    void reasonsPersist()
    {
        const QString path = m_dir.filePath(QStringLiteral("reasons.db"));
        qint64 held = 0, deleted = 0;
        const StateReason jam =
            StateReason::printerFault(QStringLiteral("3F-East"), {QStringLiteral("media-jam")});
        {
            Store s;
            QVERIFY(s.open(path, m_key));
            UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
            QString err;
            QVERIFY(s.addUser(&kim, &err));
            PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"),
                            QStringLiteral("3F")};
            QVERIFY(s.addPrinter(&p, &err));
            const StoredJob a = heldJob(s, kim.id, QStringLiteral("a.pdf"));
            const StoredJob b = heldJob(s, kim.id, QStringLiteral("b.pdf"));
            QVERIFY(s.commitJob(a, {}) && s.commitJob(b, {}));
            held = a.info.id;
            deleted = b.info.id;
            QVERIFY(s.transition(held, JobState::Held, JobState::Releasing, StateReason(), p.id));
            QVERIFY(s.transition(held, JobState::Releasing, JobState::Held, jam, p.id));
            QVERIFY(s.finishJob(deleted, JobState::Deleted, StateReason::deleted(QStringLiteral("kim")),
                                UsageRecord()));
            QCOMPARE(s.job(held)->info.stateReasonCode, QStringLiteral("printer-fault"));
        }
        // What a reopened store reads back is what was stored, code, arguments and English alike.
        Store s;
        QVERIFY(s.open(path, m_key));
        const JobInfo j = s.job(held)->info;
        QCOMPARE(j.stateReasonCode, QStringLiteral("printer-fault"));
        QCOMPARE(j.stateReasonArgs.value(QLatin1String("printer")).toString(), QStringLiteral("3F-East"));
        QCOMPARE(j.stateReasonArgs.value(QLatin1String("faults")).toArray(),
                 QJsonArray{QStringLiteral("media-jam")});
        QCOMPARE(j.stateReason,
                 QStringLiteral("3F-East cannot print now (paper jam). The job is still held."));
        const JobInfo d = s.job(deleted)->info;
        QCOMPARE(d.stateReasonCode, QStringLiteral("deleted"));
        QCOMPARE(d.stateReasonArgs, (QJsonObject{{QStringLiteral("by"), QStringLiteral("kim")}}));
        QCOMPARE(d.stateReason, QStringLiteral("Deleted by kim"));
        // The listing carries them too; a new release clears the reason.
        const QList<JobInfo> listed = s.jobsForOwner(s.userByName(QStringLiteral("kim"))->id, false);
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.last().stateReasonCode, QStringLiteral("printer-fault"));
        QVERIFY(s.transition(held, JobState::Held, JobState::Releasing, StateReason(), 1));
        const JobInfo cleared = s.job(held)->info;
        QVERIFY(cleared.stateReason.isEmpty());
        QVERIFY(cleared.stateReasonCode.isEmpty());
        QVERIFY(cleared.stateReasonArgs.isEmpty());
    }

    void migratesFromSchema2()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema2.db"));
        {
            // The jobs table as schema 2 left it, with one job that failed to print back then.
            Database db;
            QVERIFY(db.open(path, m_key));
            QVERIFY(db.exec(R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
INSERT INTO meta(key, value) VALUES('schema', '2');
CREATE TABLE users(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, department TEXT NOT NULL, role TEXT NOT NULL,
  email TEXT, card TEXT UNIQUE, password_hash TEXT, pin_hash TEXT,
  failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0, fingerprint BLOB);
CREATE TABLE jobs(
  id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT, format TEXT, size INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
  color INTEGER NOT NULL DEFAULT 0, page_size TEXT, copies INTEGER NOT NULL DEFAULT 1,
  sides TEXT NOT NULL DEFAULT 'one-sided', color_mode TEXT NOT NULL DEFAULT 'auto',
  state TEXT NOT NULL, state_reason TEXT, printer_id INTEGER NOT NULL DEFAULT 0,
  spool_name TEXT, wrapped_key BLOB, submitted INTEGER NOT NULL, expires INTEGER NOT NULL DEFAULT 0,
  warned INTEGER NOT NULL DEFAULT 0, remote_job_uri TEXT, impressions INTEGER NOT NULL DEFAULT 0, capture_id TEXT);
INSERT INTO users(id, name, department, role) VALUES(1, 'kim', 'Finance', 'user');
INSERT INTO jobs(id, owner_id, name, state, state_reason, submitted, expires)
  VALUES(7, 1, 'old.pdf', 'held', '3F-East cannot print now (paper jam). The job is still held.', 1000, 5000);
)SQL"));
        }
        {
            Store s;
            QVERIFY2(s.open(path, m_key), qPrintable(s.errorString()));
            // The old row keeps its English and has no code: the apps show the English.
            const JobInfo old = s.job(7)->info;
            QCOMPARE(old.stateReason,
                     QStringLiteral("3F-East cannot print now (paper jam). The job is still held."));
            QVERIFY(old.stateReasonCode.isEmpty());
            QVERIFY(old.stateReasonArgs.isEmpty());
            QVERIFY(!old.toJson().contains(QLatin1String("stateReasonCode")));
            // New reasons are stored in the new columns.
            QVERIFY(s.transition(7, JobState::Held, JobState::Releasing, StateReason(), 0));
            QVERIFY(s.transition(7, JobState::Releasing, JobState::Held,
                                 StateReason::printerBusy(QStringLiteral("3F-East")), 0));
            QCOMPARE(s.job(7)->info.stateReasonCode, QStringLiteral("printer-busy"));
        }
        Database db;
        QVERIFY(db.open(path, m_key));
        Statement schema(db.handle(), "SELECT value FROM meta WHERE key = 'schema'");
        QVERIFY(schema.next());
        // through 3, accounting (4), users (5), fax (6), devices (7), alerts (8) to scan to e-mail (9)
        QCOMPARE(schema.text(0), QStringLiteral("9"));
        Statement row(db.handle(), "SELECT state_reason_code, state_reason_args FROM jobs WHERE id = 7");
        QVERIFY(row.next());
        QCOMPARE(row.text(0), QStringLiteral("printer-busy"));
        QCOMPARE(row.text(1), QStringLiteral(R"({"printer":"3F-East"})"));
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

        QVERIFY(s.setUserFingerprint(kim.id, QByteArray("sealed-kim-1"), 1700000000));
        QVERIFY(s.setUserFingerprint(kim.id, QByteArray("sealed-kim-2"), 1700000000)); // replaces
        QVERIFY(s.setUserFingerprint(lee.id, QByteArray("sealed-lee"), 1700000000));
        QVERIFY(s.setUserFingerprint(choi.id, QByteArray("sealed-choi"), 1700000000));
        QVERIFY(!s.setUserFingerprint(9999, QByteArray("nobody"), 1700000000));
        QVERIFY(!s.setUserFingerprint(park.id, QByteArray(), 1700000000));
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
        QVERIFY(s.transition(leeJob.info.id, JobState::Held, JobState::Releasing, StateReason(), 1));
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
