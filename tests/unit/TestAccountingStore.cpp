// The accounting tables: schema 4 migration from a schema-3 database, departments, rate versions,
// quota sums with reservations, the ledger import, report sums in SQL, the running totals.
#include "DepartmentStore.h"
#include "LedgerStore.h"
#include "Store.h"
#include "UsageImport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

class TestAccountingStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SecretKey m_key;

    static UserRecord user(const QString& name, const QString& department)
    {
        UserRecord u;
        u.name = name;
        u.department = department;
        return u;
    }

    static qint64 heldJob(Store& s, qint64 owner, int pages, int copies = 1)
    {
        JobInfo meta;
        meta.name = QStringLiteral("doc.pdf");
        meta.documentFormat = QStringLiteral("application/pdf");
        meta.submitted = QDateTime::fromSecsSinceEpoch(1000, Qt::UTC);
        StoredJob j;
        j.info = meta;
        j.info.id = s.createReceivingJob(owner, meta);
        j.info.pages = pages;
        j.info.options.copies = copies;
        j.info.expires = QDateTime::fromSecsSinceEpoch(1'900'000'000, Qt::UTC);
        j.ownerId = owner;
        j.spoolName = QStringLiteral("%1.job").arg(j.info.id);
        j.wrappedKey = QByteArray(72, 'k');
        return s.commitJob(j, {}) ? j.info.id : 0;
    }

    static UsageRecord printedRow(qint64 userId, qint64 printerId, qint64 cost, qint64 at, int pages = 1)
    {
        UsageRecord u;
        u.userId = userId;
        u.printerId = printerId;
        u.kind = QStringLiteral("printed");
        u.pages = pages;
        u.sheets = pages;
        u.impressions = pages;
        u.cost = cost;
        u.at = at;
        return u;
    }

    QString writeFile(const QString& name, const QByteArray& text)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return f.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(initCrypto());
        m_key = SecretKey::random();
    }

    void migratesFromSchema3()
    {
        const QString path = m_dir.filePath(QStringLiteral("schema3.db"));
        {
            // The tables as schema 3 left them: free-text departments, bare usage rows.
            Database db;
            QVERIFY(db.open(path, m_key));
            QVERIFY(db.exec(R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
INSERT INTO meta(key, value) VALUES('schema', '3');
CREATE TABLE users(
  id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, department TEXT NOT NULL, role TEXT NOT NULL,
  email TEXT, card TEXT UNIQUE, password_hash TEXT, pin_hash TEXT,
  failed INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0, fingerprint BLOB);
CREATE TABLE printers(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, uri TEXT NOT NULL, location TEXT);
CREATE TABLE jobs(
  id INTEGER PRIMARY KEY AUTOINCREMENT, owner_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT, format TEXT, size INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0,
  color INTEGER NOT NULL DEFAULT 0, page_size TEXT, copies INTEGER NOT NULL DEFAULT 1,
  sides TEXT NOT NULL DEFAULT 'one-sided', color_mode TEXT NOT NULL DEFAULT 'auto',
  state TEXT NOT NULL, state_reason TEXT, printer_id INTEGER NOT NULL DEFAULT 0,
  spool_name TEXT, wrapped_key BLOB, submitted INTEGER NOT NULL, expires INTEGER NOT NULL DEFAULT 0,
  warned INTEGER NOT NULL DEFAULT 0, remote_job_uri TEXT, impressions INTEGER NOT NULL DEFAULT 0, capture_id TEXT,
  state_reason_code TEXT, state_reason_args TEXT);
CREATE TABLE usage(
  id INTEGER PRIMARY KEY, job_id INTEGER, user_id INTEGER, department TEXT, printer TEXT, kind TEXT NOT NULL,
  pages INTEGER, sheets INTEGER, impressions INTEGER, color INTEGER, duplex INTEGER, at INTEGER NOT NULL);
INSERT INTO users(id, name, department, role) VALUES(1, 'kim', 'Finance', 'user'), (2, 'lee', 'Finance', 'user'),
  (3, 'park', 'IT', 'user');
INSERT INTO printers(id, name, uri) VALUES(1, '3F-East', 'ipp://x/ipp/print');
INSERT INTO usage(job_id, user_id, department, printer, kind, pages, sheets, impressions, color, duplex, at)
  VALUES(10, 1, 'Finance', '3F-East', 'printed', 6, 3, 6, 1, 1, 5000),
        (11, 3, 'IT', '', 'deleted', 2, 2, 0, 0, 0, 5100);
)SQL"));
        }
        Store s;
        QVERIFY2(s.open(path, m_key), qPrintable(s.errorString()));
        // Free text became departments; users point at them and read back the code.
        const QList<DepartmentRecord> depts = s.departments().all();
        QCOMPARE(depts.size(), 2);
        QCOMPARE(depts[0].code, QStringLiteral("Finance"));
        QCOMPARE(depts[0].name, QStringLiteral("Finance"));
        QCOMPARE(depts[1].code, QStringLiteral("IT"));
        const auto kim = s.userByName(QStringLiteral("kim"));
        QCOMPARE(kim->departmentId, depts[0].id);
        QCOMPARE(kim->department, QStringLiteral("Finance"));
        QCOMPARE(s.userByName(QStringLiteral("park"))->departmentId, depts[1].id);
        // Old ledger rows stay readable and are linked to the ids; they were never priced.
        const QList<UsageRecord> rows = s.usage(0);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].printerId, 1);
        QCOMPARE(rows[0].pages, 6);
        QCOMPARE(rows[0].colorImpressions, 6);
        QCOMPARE(rows[0].cost, 0);
        QCOMPARE(rows[0].source, QStringLiteral("mps"));
        QCOMPARE(rows[1].printerId, 0);
        UsageFilter f;
        f.begin = 0;
        f.end = 10000;
        f.restrictDepartments = true;
        f.departmentIds = {depts[0].id};
        const UsageSums finance = s.ledger().usageTotals(f);
        QCOMPARE(finance.jobs, 1);
        QCOMPARE(finance.pages, 6);
        QCOMPARE(finance.colorImpressions, 6);
        QCOMPARE(finance.duplexImpressions, 6);
        f.departmentIds = {depts[1].id};
        QCOMPARE(s.ledger().usageTotals(f).savedJobs, 1);
        QCOMPARE(s.ledger().setting(QStringLiteral("schema")), QStringLiteral("9")); // through 4, users (5), fax (6), devices (7), alerts (8) to scans (9)
    }

    void reopenIsIdempotent()
    {
        const QString path = m_dir.filePath(QStringLiteral("twice.db"));
        {
            Store s;
            QVERIFY(s.open(path, m_key));
            UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("Finance"));
            QString err;
            QVERIFY(s.addUser(&kim, &err));
        }
        Store s;
        QVERIFY(s.open(path, m_key));
        QCOMPARE(s.departments().all().size(), 1);
        QCOMPARE(s.ledger().setting(QStringLiteral("schema")), QStringLiteral("9"));
    }

    void departmentsAndMatching()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("depts.db")), m_key));
        QString err;
        DepartmentRecord fin{0, QStringLiteral("FIN"), QStringLiteral("재무과"), 0, {}, {}};
        QVERIFY(s.departments().add(&fin, QString(), &err));
        DepartmentRecord budget{0, QStringLiteral("FIN-B"), QStringLiteral("예산팀"), 0, {}, {}};
        QVERIFY(s.departments().add(&budget, QStringLiteral("FIN"), &err));
        DepartmentRecord orphan{0, QStringLiteral("X"), QStringLiteral("x"), 0, {}, {}};
        QVERIFY(!s.departments().add(&orphan, QStringLiteral("NOPE"), &err));
        QVERIFY(err.contains(QLatin1String("NOPE")));
        QVERIFY(!s.departments().add(&fin, QString(), &err)); // code taken

        // A user's department is matched by code, then by name, else created.
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("FIN-B"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("재무과"));
        UserRecord park = user(QStringLiteral("park"), QStringLiteral("Civil Affairs"));
        QVERIFY(s.addUser(&kim, &err) && s.addUser(&lee, &err) && s.addUser(&park, &err));
        QCOMPARE(kim.departmentId, budget.id);
        QCOMPARE(lee.departmentId, fin.id);
        QCOMPARE(s.userByName(QStringLiteral("lee"))->department, QStringLiteral("FIN"));
        QCOMPARE(s.departments().byCode(QStringLiteral("Civil Affairs"))->id, park.departmentId);

        QCOMPARE(s.departments().subtree(fin.id), (QList<qint64>{fin.id, budget.id}));
        QCOMPARE(s.departments().chain(budget.id), (QList<qint64>{budget.id, fin.id}));
        QVERIFY(s.departments().setHead(fin.id, lee.id, false, &err));
        QCOMPARE(s.departments().byCode(QStringLiteral("FIN"))->heads, QStringList{QStringLiteral("lee")});
        QCOMPARE(s.departments().headedBy(lee.id), QList<qint64>{fin.id});
        QVERIFY(s.departments().setHead(fin.id, lee.id, true, &err));
        QVERIFY(s.departments().headedBy(lee.id).isEmpty());
    }

    void rateVersions()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("rates.db")), m_key));
        QString err;
        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), {}};
        QVERIFY(s.addPrinter(&p, &err));
        QVERIFY(!s.ledger().ratesAt(p.id, 100));
        const QJsonObject d1{{QStringLiteral("v"), 1}}, d2{{QStringLiteral("v"), 2}},
            p1{{QStringLiteral("v"), 3}};
        QVERIFY(s.ledger().addRateTable(0, 1000, d1, 0, &err));
        QVERIFY(s.ledger().addRateTable(0, 2000, d2, 0, &err));
        QVERIFY(s.ledger().addRateTable(p.id, 3000, p1, 0, &err));
        QCOMPARE(*s.ledger().ratesAt(p.id, 500), d1);  // before every table: the earliest
        QCOMPARE(*s.ledger().ratesAt(p.id, 1500), d1); // the default in force
        QCOMPARE(*s.ledger().ratesAt(p.id, 2999), d2);
        QCOMPARE(*s.ledger().ratesAt(p.id, 3000), p1); // the printer's own from its start
        QCOMPARE(*s.ledger().ratesAt(0, 5000), d2);
        QCOMPARE(s.ledger().rateTables().size(), 3);
    }

    void quotaSumsCountChargesAndReservations()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("quota.db")), m_key));
        QString err;
        DepartmentRecord fin{0, QStringLiteral("FIN"), QStringLiteral("재무과"), 0, {}, {}};
        DepartmentRecord budget{0, QStringLiteral("FIN-B"), QStringLiteral("예산팀"), 0, {}, {}};
        QVERIFY(s.departments().add(&fin, {}, &err) &&
                s.departments().add(&budget, QStringLiteral("FIN"), &err));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("FIN-B"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("FIN"));
        UserRecord park = user(QStringLiteral("park"), QStringLiteral("IT"));
        QVERIFY(s.addUser(&kim, &err) && s.addUser(&lee, &err) && s.addUser(&park, &err));
        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), {}};
        QVERIFY(s.addPrinter(&p, &err));
        QVERIFY(s.ledger().setQuota(QStringLiteral("user"), kim.id, 1000, QStringLiteral("hard"), &err));
        QVERIFY(
            s.ledger().setQuota(QStringLiteral("department"), fin.id, 5000, QStringLiteral("soft"), &err));
        QVERIFY(s.ledger().addAllowance(QStringLiteral("user"), kim.id, QStringLiteral("2027-01"), 300, {}, 0,
                                        &err));

        // Charged rows: two in the period, one before it, one of another department.
        const LedgerPeriod jan{QStringLiteral("2027-01"), 10'000, 20'000};
        for (const UsageRecord& r :
             {printedRow(kim.id, p.id, 200, 10'000), printedRow(lee.id, p.id, 700, 19'999),
              printedRow(kim.id, p.id, 999, 9'999), printedRow(park.id, p.id, 50, 15'000)}) {
            const qint64 job = heldJob(s, r.userId, 1);
            UsageRecord row = r;
            row.jobId = job;
            QVERIFY(s.finishJob(job, JobState::Printed, {}, row));
        }
        // A job being released reserves its cost until it ends.
        const qint64 flying = heldJob(s, kim.id, 4);
        QCOMPARE(s.ledger().reserveRelease(flying, kim.id, p.id, PrintOptions{}, 80, jan,
                                           [](const QList<SubjectSpend>&) { return true; }),
                 LedgerStore::Reserve::Reserved);
        const QList<SubjectSpend> states = s.ledger().subjectsFor(kim.id, jan);
        QCOMPARE(states.size(), 3); // kim, FIN-B, FIN
        QCOMPARE(states[0].subject, QStringLiteral("kim"));
        QCOMPARE(states[0].spent, 280);
        QCOMPARE(*states[0].limit, 1000);
        QCOMPARE(states[0].allowance, 300);
        QCOMPARE(states[0].policy, QStringLiteral("hard"));
        QCOMPARE(states[1].subject, QStringLiteral("FIN-B"));
        QVERIFY(!states[1].limit);
        QCOMPARE(states[1].spent, 280);
        QCOMPARE(states[2].subject, QStringLiteral("FIN"));
        QCOMPARE(states[2].spent, 980); // members of FIN and of FIN-B
        QCOMPARE(*states[2].limit, 5000);

        // A refused decision changes nothing; a second reservation of the same job is a wrong state.
        const qint64 other = heldJob(s, kim.id, 1);
        QCOMPARE(s.ledger().reserveRelease(other, kim.id, p.id, PrintOptions{}, 10, jan,
                                           [](const QList<SubjectSpend>&) { return false; }),
                 LedgerStore::Reserve::Refused);
        QCOMPARE(s.job(other)->info.state, JobState::Held);
        QCOMPARE(s.ledger().reserveRelease(flying, kim.id, p.id, PrintOptions{}, 10, jan,
                                           [](const QList<SubjectSpend>&) { return true; }),
                 LedgerStore::Reserve::WrongState);
        // Back to held releases the reservation.
        QVERIFY(s.transition(flying, JobState::Releasing, JobState::Held, {}, p.id));
        QCOMPARE(s.ledger().spendOf(QStringLiteral("user"), kim.id, jan).spent, 200);
        // Warnings are remembered once per subject, period and threshold.
        QVERIFY(s.ledger().markWarning(QStringLiteral("user"), kim.id, jan.label, 80, 1));
        QVERIFY(!s.ledger().markWarning(QStringLiteral("user"), kim.id, jan.label, 80, 2));
        QVERIFY(s.ledger().markWarning(QStringLiteral("user"), kim.id, jan.label, 100, 2));
        QVERIFY(s.ledger().markWarning(QStringLiteral("user"), kim.id, QStringLiteral("2027-02"), 80, 3));
    }

    void importAllOrNothing()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("import.db")), m_key));
        QString err;
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("FIN"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("IT"));
        QVERIFY(s.addUser(&kim, &err) && s.addUser(&lee, &err));
        PrinterRecord p{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), {}};
        QVERIFY(s.addPrinter(&p, &err));
        QVERIFY(s.departments().setPrinterDepartment(p.id, s.departments().byCode(QStringLiteral("IT"))->id));
        QJsonObject cheap;
        for (const QString& k : {QStringLiteral("a4-mono-simplex"), QStringLiteral("a4-mono-duplex"),
                                 QStringLiteral("a4-color-simplex"), QStringLiteral("a4-color-duplex"),
                                 QStringLiteral("a3-mono-simplex"), QStringLiteral("a3-mono-duplex"),
                                 QStringLiteral("a3-color-simplex"), QStringLiteral("a3-color-duplex"),
                                 QStringLiteral("other-mono-simplex"), QStringLiteral("other-mono-duplex"),
                                 QStringLiteral("other-color-simplex"), QStringLiteral("other-color-duplex")})
            cheap.insert(k, 10);
        // From 2026-10-01 (UTC) the default table is 10 per impression everywhere; before it the
        // earliest table applies too.
        QVERIFY(s.ledger().addRateTable(0, 1'790'812'800, cheap, 0, &err));

        const QString bad = writeFile(QStringLiteral("bad.csv"),
                                      "at,user,printer,kind,pages,copies,duplex,color,size\n"
                                      "2026-11-02T09:00:00+09:00,kim,3F-East,printed,3,2,0,0,a4\n"
                                      "2026-11-02T09:00:00+09:00,nobody,3F-East,printed,3,1,0,0,a4\n");
        const qint64 none = UsageImport::run(s, bad, &err);
        QCOMPARE(none, -1);
        QVERIFY2(err.contains(QLatin1String("line 3")) && err.contains(QLatin1String("nobody")),
                 qPrintable(err));
        QCOMPARE(s.usage(0).size(), 0); // nothing of line 2 either

        const QString good = writeFile(QStringLiteral("good.csv"),
                                       "\xEF\xBB\xBF"
                                       "at,user,printer,kind,pages,copies,duplex,color,size\r\n"
                                       "2026-11-02T09:00:00+09:00,kim,3F-East,printed,3,2,0,0,a4\r\n"
                                       "2026-11-03T01:00:00Z,lee,3F-East,printed,5,1,1,1,a3\r\n"
                                       "\r\n"
                                       "2026-11-04T10:00:00.5+09:00,kim,,expired,4,1,0,0,a4\r\n");
        QCOMPARE(UsageImport::run(s, good, &err), 3);
        const QList<UsageRecord> rows = s.usage(0);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].at, QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        QCOMPARE(rows[0].pages, 6);
        QCOMPARE(rows[0].cost, 60);
        QCOMPARE(rows[0].source, QStringLiteral("import"));
        QCOMPARE(rows[1].colorImpressions, 5);
        QCOMPARE(rows[1].sheets, 3);
        QCOMPARE(rows[1].cost, 50);
        QCOMPARE(rows[2].kind, QStringLiteral("expired"));
        QCOMPARE(rows[2].cost, 0);
        QCOMPARE(rows[2].savedCost, 40);
        QCOMPARE(rows[2].savedSheets, 4);

        // Cross-department: kim (FIN) printed 6 pages on IT's printer; lee (IT) printed on her own.
        UsageFilter f;
        f.begin = 0;
        f.end = 2'000'000'000;
        const QList<UsageSums> byUser = s.ledger().usageBy(LedgerStore::GroupBy::User, f);
        QCOMPARE(byUser.size(), 2);
        QCOMPARE(byUser[0].key, QStringLiteral("kim"));
        QCOMPARE(byUser[0].crossDepartmentPages, 6);
        QCOMPARE(byUser[0].savedJobs, 1);
        QCOMPARE(byUser[1].crossDepartmentPages, 0);
        const QList<UsageSums> byPrinter = s.ledger().usageBy(LedgerStore::GroupBy::Printer, f);
        QCOMPARE(byPrinter.size(), 2); // the expired row has no printer
        const UsageSums totals = s.ledger().usageTotals(f);
        QCOMPARE(totals.people, 2);
        QCOMPARE(totals.cost, 110);
        QCOMPARE(totals.pages, 11);
    }

    void bulkImportRebuildsTheIndexes()
    {
        Store s;
        QVERIFY(s.open(m_dir.filePath(QStringLiteral("bulk.db")), m_key));
        QString err;
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("FIN"));
        QVERIFY(s.addUser(&kim, &err));
        auto rows = [&](int n, bool failLast) {
            return [&, n, failLast, i = 0](UsageRecord* r) mutable {
                if (i == n)
                    return 0;
                if (failLast && i == n - 1)
                    return -1;
                *r = printedRow(kim.id, 0, 10, 1000 + i++, 2);
                return 1;
            };
        };
        UsageFilter dept;
        dept.end = 100'000;
        dept.restrictDepartments = true;
        dept.departmentIds = {kim.departmentId};
        UsageFilter all;
        all.end = 100'000;
        UsageFilter mine;
        mine.end = 100'000;
        mine.userId = kim.id;
        QCOMPARE(s.ledger().importRows(rows(5, false), true, &err), 5);
        // A failed bulk import rolls back, indexes included: every report query still has its index.
        QCOMPARE(s.ledger().importRows(rows(3, true), true, &err), -1);
        for (const UsageFilter& f : {dept, all, mine}) {
            const UsageSums t = s.ledger().usageTotals(f);
            QCOMPARE(t.jobs, 5);
            QCOMPARE(t.pages, 10);
            QCOMPARE(t.cost, 50);
        }
        QCOMPARE(s.ledger().usageBy(LedgerStore::GroupBy::Department, dept).size(), 1);
    }

    void parsesTimes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("secs"); // -1: refused
        QTest::newRow("zulu") << QByteArray("2026-09-14T01:32:00Z") << qint64(1'789'349'520);
        QTest::newRow("seoul") << QByteArray("2026-09-14T10:32:00+09:00") << qint64(1'789'349'520);
        QTest::newRow("fraction") << QByteArray("2026-09-14T10:32:00.250+09:00") << qint64(1'789'349'520);
        QTest::newRow("negative offset") << QByteArray("2026-09-13T21:32:00-04:00") << qint64(1'789'349'520);
        QTest::newRow("leap day") << QByteArray("2028-02-29T00:00:00Z") << qint64(1'835'395'200);
        QTest::newRow("no zone") << QByteArray("2026-09-14T10:32:00") << qint64(-1);
        QTest::newRow("bad day") << QByteArray("2026-02-30T10:32:00Z") << qint64(-1);
        QTest::newRow("bad offset") << QByteArray("2026-09-14T10:32:00+9:00") << qint64(-1);
        QTest::newRow("date only") << QByteArray("2026-09-14") << qint64(-1);
    }

    void parsesTimes()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, secs);
        qint64 out = 0;
        const bool ok = UsageImport::parseTime(text, &out);
        QCOMPARE(ok, secs >= 0);
        if (ok)
            QCOMPARE(out, secs);
    }

    // The running totals (usage_day_totals) against the ledger they summarise: after printed, deleted,
    // expired and other-kind rows, a small and a bulk import, a failed bulk import, concurrent rows,
    // an edited and a removed ledger row, and a rebuild at start-up. Two checks each time: the table
    // equals a fresh grouping of the ledger, and every report and quota read through the totals gives
    // the numbers of the same read over the ledger rows alone.
    void runningTotalsAgreeWithTheLedger()
    {
        const QString path = m_dir.filePath(QStringLiteral("totals.db"));
        auto s = std::make_unique<Store>();
        QVERIFY(s->open(path, m_key));
        Database raw; // a second connection, to read and edit the tables behind the store's back
        QVERIFY(raw.open(path, m_key));
        QString err;
        DepartmentRecord fin{0, QStringLiteral("FIN"), QStringLiteral("재무과"), 0, {}, {}};
        DepartmentRecord budget{0, QStringLiteral("FIN-B"), QStringLiteral("예산팀"), 0, {}, {}};
        DepartmentRecord it{0, QStringLiteral("IT"), QStringLiteral("정보과"), 0, {}, {}};
        QVERIFY(s->departments().add(&fin, {}, &err) &&
                s->departments().add(&budget, QStringLiteral("FIN"), &err) &&
                s->departments().add(&it, {}, &err));
        UserRecord kim = user(QStringLiteral("kim"), QStringLiteral("FIN-B"));
        UserRecord lee = user(QStringLiteral("lee"), QStringLiteral("FIN"));
        UserRecord park = user(QStringLiteral("park"), QStringLiteral("IT"));
        UserRecord solo = user(QStringLiteral("solo"), QString()); // no department
        QVERIFY(s->addUser(&kim, &err) && s->addUser(&lee, &err) && s->addUser(&park, &err) &&
                s->addUser(&solo, &err));
        PrinterRecord itPrinter{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), {}};
        PrinterRecord lobby{0, QStringLiteral("Lobby"), QStringLiteral("ipp://y/ipp/print"), {}};
        QVERIFY(s->addPrinter(&itPrinter, &err) && s->addPrinter(&lobby, &err));
        QVERIFY(s->departments().setPrinterDepartment(itPrinter.id, it.id));

        // 2027-01-15 08:00 UTC; rows within three days either side, some on a UTC midnight.
        constexpr qint64 base = 1'800'000'000;
        const qint64 midnight = base - base % 86400;
        const qint64 times[] = {
            midnight - 2 * 86400 - 1, midnight - 86400,           midnight - 1, midnight, midnight + 1, base,
            midnight + 86400 - 1,     midnight + 2 * 86400 + 3600};
        auto row = [&](const UserRecord& u, qint64 printer, const char* kind, int i, int pages) {
            UsageRecord r = printedRow(u.id, printer, 10 * pages + i, times[i % 8], pages);
            r.kind = QString::fromLatin1(kind);
            r.duplex = i % 2 == 0;
            r.colorImpressions = i % 3 == 0 ? pages : 0;
            if (r.kind != QLatin1String("printed")) {
                r.cost = 0;
                r.savedSheets = pages;
                r.savedCost = 7 * pages;
            } else {
                r.savedSheets = i % 2;
                r.savedCost = 3 * (i % 2);
            }
            return r;
        };
        auto finish = [&](Store& store, UsageRecord r) {
            r.jobId = heldJob(store, r.userId, r.pages);
            return r.jobId && store.finishJob(r.jobId, JobState::Printed, {}, r);
        };

        // The ledger's own grouping, written out here independently of AccountingSchema.
        auto tableMismatches = [&]() -> qint64 {
            const char* expected =
                "SELECT COALESCE(user_department_id, 0) AS d, at - ((at % 86400) + 86400) % 86400 AS day, "
                "kind, "
                "COUNT(*), TOTAL(pages), TOTAL(sheets), TOTAL(impressions), TOTAL(color_impressions), "
                "TOTAL(CASE WHEN duplex = 1 THEN impressions ELSE 0 END), TOTAL(cost), TOTAL(saved_sheets), "
                "TOTAL(saved_cost), TOTAL(CASE WHEN kind = 'printed' AND printer_department_id IS NOT NULL "
                "AND "
                "printer_department_id IS NOT user_department_id THEN pages ELSE 0 END), TOTAL(CASE WHEN "
                "kind = "
                "'printed' AND printer_department_id IS NOT NULL AND printer_department_id IS NOT "
                "user_department_id THEN cost ELSE 0 END) FROM usage GROUP BY 1, 2, 3";
            const char* have = "SELECT user_department_id, day, kind, n, 1.0 * pages, 1.0 * sheets, 1.0 * "
                               "impressions, 1.0 * color_impressions, 1.0 * duplex_impressions, 1.0 * cost, "
                               "1.0 * saved_sheets, 1.0 * saved_cost, 1.0 * cross_pages, 1.0 * cross_cost "
                               "FROM usage_day_totals";
            Statement q(raw.handle(),
                        (QByteArray("SELECT (SELECT COUNT(*) FROM (") + have + " EXCEPT " + expected +
                         ")) + (SELECT COUNT(*) FROM (" + expected + " EXCEPT " + have + "))")
                            .constData());
            return q.next() ? q.integer(0) : -1;
        };
        auto same = [](const UsageSums& a, const UsageSums& b) {
            return a.jobs == b.jobs && a.pages == b.pages && a.sheets == b.sheets &&
                   a.impressions == b.impressions && a.colorImpressions == b.colorImpressions &&
                   a.duplexImpressions == b.duplexImpressions && a.cost == b.cost &&
                   a.savedJobs == b.savedJobs && a.savedPages == b.savedPages &&
                   a.savedSheets == b.savedSheets && a.savedCost == b.savedCost &&
                   a.crossDepartmentPages == b.crossDepartmentPages &&
                   a.crossDepartmentCost == b.crossDepartmentCost;
        };
        auto check = [&](Store& store, const char* after) {
            QCOMPARE_GT(store.usage(0).size(), 0);
            const qint64 bad = tableMismatches();
            QVERIFY2(bad == 0, qPrintable(QStringLiteral("after %1: %2 totals rows differ from the ledger")
                                              .arg(QLatin1String(after))
                                              .arg(bad)));
            // Ranges: everything, a Seoul-midnight "month" with partial days at both ends, less than a
            // day, exactly whole UTC days.
            const QList<QPair<qint64, qint64>> ranges = {
                {0, 2'000'000'000},
                {midnight - 2 * 86400 - 9 * 3600, midnight + 86400 + 15 * 3600},
                {midnight - 3600, midnight + 7200},
                {midnight - 86400, midnight + 86400}};
            for (const auto& [begin, end] : ranges) {
                UsageFilter all;
                all.begin = begin;
                all.end = end;
                UsageFilter finTree = all;
                finTree.restrictDepartments = true;
                finTree.departmentIds = {fin.id, budget.id};
                UsageFilter itOnly = finTree;
                itOnly.departmentIds = {it.id};
                for (const UsageFilter& f : {all, finTree, itOnly}) {
                    const UsageSums fromTotals = store.ledger().usageTotals(f, false);
                    const UsageSums fromLedger = store.ledger().usageTotals(f, true);
                    QVERIFY2(same(fromTotals, fromLedger),
                             qPrintable(
                                 QStringLiteral("after %1, [%2, %3): totals %4 pages %5 cost, ledger %6 / %7")
                                     .arg(QLatin1String(after))
                                     .arg(begin)
                                     .arg(end)
                                     .arg(fromTotals.pages)
                                     .arg(fromTotals.cost)
                                     .arg(fromLedger.pages)
                                     .arg(fromLedger.cost)));
                    // By department: each row against the ledger's rows of that department.
                    for (const UsageSums& d : store.ledger().usageBy(LedgerStore::GroupBy::Department, f)) {
                        UsageFilter one = f;
                        one.restrictDepartments = true;
                        one.departmentIds = {d.subjectId};
                        if (d.subjectId == 0)
                            continue; // users without a department: checked through the totals above
                        QVERIFY2(
                            same(d, store.ledger().usageTotals(one, true)),
                            qPrintable(
                                QStringLiteral("after %1: department %2").arg(QLatin1String(after), d.key)));
                    }
                }
                // A department's quota spend: the ledger's charged rows of its members and sub-departments.
                const LedgerPeriod period{QStringLiteral("p"), begin, end, false};
                Statement c(raw.handle(),
                            "SELECT TOTAL(cost) FROM usage WHERE kind = 'printed' AND at >= ? AND "
                            "at < ? AND user_department_id IN (?, ?)");
                c.bind(1, begin).bind(2, end).bind(3, fin.id).bind(4, budget.id);
                QVERIFY(c.next());
                QCOMPARE(store.ledger().spendOf(QStringLiteral("department"), fin.id, period).spent,
                         c.integer(0));
            }
        };

        // Printed, deleted, expired and another kind (a fax's own kind counts where the ledger counts it).
        int i = 0;
        for (const UserRecord& u : {kim, lee, park, solo}) {
            QVERIFY(finish(*s, row(u, itPrinter.id, "printed", i++, 3)));
            QVERIFY(finish(*s, row(u, lobby.id, "printed", i++, 2)));
            QVERIFY(finish(*s, row(u, 0, "deleted", i++, 4)));
            QVERIFY(finish(*s, row(u, 0, "expired", i++, 1)));
        }
        QVERIFY(finish(*s, row(kim, 0, "fax-sent", i++, 5)));
        check(*s, "printed, deleted, expired and fax-sent rows");
        if (QTest::currentTestFailed())
            return;

        // A small import (row by row) and a bulk one (summed at the end); a failed bulk import changes
        // nothing.
        const QString csv = writeFile(QStringLiteral("totals.csv"),
                                      "at,user,printer,kind,pages,copies,duplex,color,size\n"
                                      "2027-01-15T08:59:59+09:00,kim,3F-East,printed,3,2,1,1,a3\n"
                                      "2027-01-14T23:00:00Z,park,Lobby,printed,1,1,0,0,a4\n"
                                      "2027-01-16T00:00:00Z,solo,,deleted,2,1,0,0,a4\n");
        QCOMPARE(UsageImport::run(*s, csv, &err), 3);
        check(*s, "a small import");
        auto bulk = [&](int n, bool failLast) {
            return [&, n, failLast, k = 0](UsageRecord* r) mutable {
                if (k == n)
                    return 0;
                if (failLast && k == n - 1)
                    return -1;
                const UserRecord& u = k % 4 == 0 ? kim : k % 4 == 1 ? lee : k % 4 == 2 ? park : solo;
                *r = row(u, k % 3 == 0 ? itPrinter.id : lobby.id, k % 5 == 0 ? "expired" : "printed", k,
                         1 + k % 4);
                r->source = QStringLiteral("import");
                ++k;
                return 1;
            };
        };
        QCOMPARE(s->ledger().importRows(bulk(40, false), true, &err), 40);
        check(*s, "a bulk import");
        QCOMPARE(s->ledger().importRows(bulk(10, true), true, &err), -1);
        check(*s, "a failed bulk import");
        if (QTest::currentTestFailed())
            return;

        // Eight threads finishing jobs at once, as releases end.
        {
            QList<UsageRecord> rows;
            for (int k = 0; k < 8 * 25; ++k) {
                UsageRecord r =
                    row(k % 2 ? kim : park, k % 3 ? itPrinter.id : lobby.id, "printed", k, 1 + k % 3);
                r.jobId = heldJob(*s, r.userId, r.pages);
                QVERIFY(r.jobId);
                rows.append(r);
            }
            std::atomic<int> failed{0};
            std::vector<std::thread> threads;
            const QList<UsageRecord>& shared = rows; // read only: no detaching from eight threads
            for (int t = 0; t < 8; ++t)
                threads.emplace_back([&, t] {
                    for (qsizetype k = t; k < shared.size(); k += 8)
                        if (!s->finishJob(shared[k].jobId, JobState::Printed, {}, shared[k]))
                            ++failed;
                });
            for (std::thread& t : threads)
                t.join();
            QCOMPARE(failed.load(), 0);
        }
        check(*s, "concurrent rows");

        // A ledger row changed or removed behind the store's back moves out of (and into) its totals.
        QVERIFY(raw.exec("UPDATE usage SET cost = cost + 1000, at = at + 86400, kind = 'printed' WHERE id = "
                         "(SELECT MIN(id) FROM usage WHERE kind = 'deleted');"));
        QVERIFY(raw.exec("DELETE FROM usage WHERE id = (SELECT MAX(id) FROM usage WHERE kind = 'printed');"));
        check(*s, "an edited and a removed ledger row");

        // The check can fail: a totals row off by one is seen.
        QVERIFY(
            raw.exec("UPDATE usage_day_totals SET cost = cost + 1 WHERE (user_department_id, day, kind) IN "
                     "(SELECT user_department_id, day, kind FROM usage_day_totals LIMIT 1);"));
        QCOMPARE(tableMismatches(), 2);
        // Start-up rebuilds totals of another definition or without their table from the ledger.
        QVERIFY(raw.exec("DELETE FROM meta WHERE key = 'usage_totals';"));
        s = std::make_unique<Store>();
        QVERIFY(s->open(path, m_key));
        check(*s, "a rebuild at start-up");
        QVERIFY(raw.exec("DROP TABLE usage_day_totals;"));
        s = std::make_unique<Store>();
        QVERIFY(s->open(path, m_key));
        check(*s, "a start-up without the table");
        // After the rebuild the triggers keep it again.
        QVERIFY(finish(*s, row(lee, itPrinter.id, "printed", 3, 6)));
        check(*s, "a row after the rebuild");
    }
};

QTEST_GUILESS_MAIN(TestAccountingStore)
#include "TestAccountingStore.moc"
