// Quota enforcement at release (JobService + AccountingService on a real store): concurrent releases
// against one hard quota, refusals that leave the job held, charging from reported impressions, period
// boundaries on a ManualClock, warnings once, and the report role rules.
#include "AccountingService.h"
#include "EventBus.h"
#include "JobService.h"
#include "ManualClock.h"
#include "Spool.h"
#include "Store.h"
#include "UsageExport.h"
#include "UsageReports.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <barrier>
#include <thread>

class TestQuotaEnforcement : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        Store store;
        Spool spool;
        EventBus events;
        // 2027-01-15 08:00 UTC: the period 2027-01 runs from 2026-12-31T15:00Z (Seoul midnight).
        ManualClock clock{1'800'000'000};
        SecretKey kek = SecretKey::random();
        std::unique_ptr<JobService> jobs;
        std::unique_ptr<AccountingService> accounting;
        UserRecord kim, lee, park, boss, admin;
        DepartmentRecord fin{0, QStringLiteral("FIN"), QStringLiteral("재무과"), 0, {}, {}};
        DepartmentRecord budget{0, QStringLiteral("FIN-B"), QStringLiteral("예산팀"), 0, {}, {}};
        DepartmentRecord it{0, QStringLiteral("IT"), QStringLiteral("정보과"), 0, {}, {}};
        PrinterRecord printer{0, QStringLiteral("3F-East"), QStringLiteral("ipp://x/ipp/print"), {}};

        bool init()
        {
            QString err;
            if (!store.open(dir.filePath(QStringLiteral("mps.db")), SecretKey::random()) ||
                !spool.open(dir.filePath(QStringLiteral("spool")), &err))
                return false;
            jobs = std::make_unique<JobService>(store, spool, kek, events, clock, JobService::Settings{});
            accounting = std::make_unique<AccountingService>(store, events, clock, AccountingSettings{});
            jobs->setAccounting(accounting.get());
            if (!store.departments().add(&fin, {}, &err) ||
                !store.departments().add(&budget, QStringLiteral("FIN"), &err) ||
                !store.departments().add(&it, {}, &err))
                return false;
            auto add = [&](UserRecord* u, const char* name, const QString& dept, const char* role) {
                u->name = QString::fromLatin1(name);
                u->department = dept;
                u->role = QString::fromLatin1(role);
                return store.addUser(u, &err);
            };
            return add(&kim, "kim", QStringLiteral("FIN-B"), "user") &&
                   add(&lee, "lee", QStringLiteral("FIN"), "user") &&
                   add(&park, "park", QStringLiteral("IT"), "user") &&
                   add(&boss, "boss", QStringLiteral("FIN"), "dept-head") &&
                   add(&admin, "root", QStringLiteral("IT"), "admin") && store.addPrinter(&printer, &err) &&
                   store.departments().setHead(fin.id, boss.id, false, &err);
        }
        // A held job of `pages` A4 mono pages: 20 each at the default rates.
        qint64 held(const UserRecord& owner, int pages)
        {
            JobInfo meta;
            meta.name = QStringLiteral("doc.pdf");
            meta.documentFormat = QStringLiteral("application/pdf");
            meta.submitted = clock.now();
            StoredJob j;
            j.info = meta;
            j.info.id = store.createReceivingJob(owner.id, meta);
            j.info.pages = pages;
            j.info.pageSize = QStringLiteral("iso_a4_210x297mm");
            j.info.expires = clock.now().addDays(1);
            j.ownerId = owner.id;
            j.spoolName = QStringLiteral("%1.job").arg(j.info.id);
            j.wrappedKey = QByteArray(72, 'k');
            return store.commitJob(j, {}) ? j.info.id : 0;
        }
        JobActionResult release(const UserRecord& u, qint64 job, QuotaRefusal* refusal = nullptr)
        {
            QString err;
            return jobs->release(u, job, printer.id, {}, &err, refusal);
        }
        QuotaState userState(const UserRecord& u)
        {
            return accounting->quotaState(QStringLiteral("user"), u.id, accounting->currentPeriod());
        }
        QuotaState deptState(const DepartmentRecord& d)
        {
            return accounting->quotaState(QStringLiteral("department"), d.id, accounting->currentPeriod());
        }
        bool quota(const QString& scope, qint64 id, qint64 limit, const char* policy)
        {
            QString err;
            return store.ledger().setQuota(scope, id, limit, QString::fromLatin1(policy), &err);
        }
    };

    static QList<QJsonObject> drain(const std::shared_ptr<EventBus::Subscription>& sub, const QString& type)
    {
        QList<QJsonObject> out;
        QJsonObject e;
        while (sub->wait(&e, std::chrono::milliseconds(0)))
            if (e.value(QLatin1String("type")).toString() == type)
                out.append(e);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(initCrypto()); }

    void concurrentReleasesNeverOverspend()
    {
        Fixture f;
        QVERIFY(f.init());
        // kim: hard 1,000 per period; 24 jobs of 100 each. Exactly ten may go, whatever the interleaving.
        QVERIFY(f.quota(QStringLiteral("user"), f.kim.id, 1000, "hard"));
        QList<qint64> ids;
        for (int i = 0; i < 24; ++i)
            ids.append(f.held(f.kim, 5));
        QCOMPARE(f.accounting->estimate(f.store.job(ids[0])->info, f.printer.id), 100);
        std::atomic<int> ok{0}, refused{0}, other{0};
        std::barrier start(8);
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                for (int i = t; i < ids.size(); i += 8) {
                    const JobActionResult r = f.release(f.kim, ids[i]);
                    (r == JobActionResult::Ok ? ok : r == JobActionResult::QuotaExceeded ? refused : other)++;
                }
            });
        }
        for (auto& th : threads)
            th.join();
        QCOMPARE(other.load(), 0);
        QCOMPARE(ok.load(), 10);
        QCOMPARE(refused.load(), 14);
        QCOMPARE(f.userState(f.kim).spent, 1000);
        int releasing = 0;
        for (qint64 id : ids)
            releasing += f.store.job(id)->info.state == JobState::Releasing;
        QCOMPARE(releasing, 10);
    }

    void concurrentReleasesAgainstADepartment()
    {
        Fixture f;
        QVERIFY(f.init());
        // FIN (hard 1,500) counts kim in FIN-B and lee in FIN: together at most 15 jobs of 100.
        QVERIFY(f.quota(QStringLiteral("department"), f.fin.id, 1500, "hard"));
        QList<QPair<UserRecord, qint64>> work;
        for (int i = 0; i < 12; ++i) {
            work.append({f.kim, f.held(f.kim, 5)});
            work.append({f.lee, f.held(f.lee, 5)});
        }
        std::atomic<int> ok{0};
        std::barrier start(6);
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                for (int i = t; i < work.size(); i += 6)
                    ok += f.release(work[i].first, work[i].second) == JobActionResult::Ok;
            });
        }
        for (auto& th : threads)
            th.join();
        QCOMPARE(ok.load(), 15);
        QCOMPARE(f.deptState(f.fin).spent, 1500);
        QCOMPARE(f.deptState(f.budget).spent + f.userState(f.lee).spent, 1500);
    }

    void refusalLeavesTheJobHeldAndSaysWhy()
    {
        Fixture f;
        QVERIFY(f.init());
        QVERIFY(f.quota(QStringLiteral("user"), f.kim.id, 250, "hard"));
        const qint64 a = f.held(f.kim, 5), b = f.held(f.kim, 10);
        QCOMPARE(f.release(f.kim, a), JobActionResult::Ok);
        QuotaRefusal why;
        QCOMPARE(f.release(f.kim, b, &why), JobActionResult::QuotaExceeded);
        QCOMPARE(why.quota.scope, QStringLiteral("user"));
        QCOMPARE(why.quota.subject, QStringLiteral("kim"));
        QCOMPARE(why.cost, 200);
        QCOMPARE(why.quota.spent, 100);
        QCOMPARE(*why.quota.remaining(), 150);
        QCOMPARE(why.currency, QStringLiteral("KRW"));
        QCOMPARE(why.period, QStringLiteral("2027-01"));
        QVERIFY2(why.message.contains(QStringLiteral("₩200")) && why.message.contains(QStringLiteral("₩150")),
                 qPrintable(why.message));
        const StoredJob held = *f.store.job(b);
        QCOMPARE(held.info.state, JobState::Held);
        QCOMPARE(held.info.stateReasonCode, QStringLiteral("quota-exceeded"));
        QCOMPARE(held.info.stateReasonArgs.value(QLatin1String("cost")).toInteger(), 200);
        // Printing fewer copies... or an allowance lets it go.
        QString err;
        QVERIFY(f.store.ledger().addAllowance(QStringLiteral("user"), f.kim.id, QStringLiteral("2027-01"), 50,
                                              {}, 0, &err));
        QCOMPARE(f.release(f.kim, b), JobActionResult::Ok);
        QCOMPARE(f.userState(f.kim).spent, 300);
        QVERIFY(f.store.job(b)->info.stateReasonCode.isEmpty());
    }

    void chargesWhatThePrinterReported()
    {
        Fixture f;
        QVERIFY(f.init());
        const qint64 reported = f.held(f.kim, 5), counted = f.held(f.kim, 4), aborted = f.held(f.kim, 3);
        for (qint64 id : {reported, counted, aborted})
            QCOMPARE(f.release(f.kim, id), JobActionResult::Ok);
        QCOMPARE(f.userState(f.kim).spent, 240);    // reserved
        f.jobs->releaseFinished(reported, true, 3); // the printer completed 3 impressions
        f.jobs->releaseFinished(counted, true, 0);  // said nothing: pages x copies
        f.jobs->releaseFinished(aborted, false, 0, StateReason::printerEnded(f.printer.name, true, {}));
        const QList<UsageRecord> rows = f.store.usage(0);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].impressions, 3);
        QCOMPARE(rows[0].cost, 60);
        QCOMPARE(rows[0].printerId, f.printer.id);
        QCOMPARE(rows[1].impressions, 4);
        QCOMPARE(rows[1].cost, 80);
        // The aborted job is held again, not charged, and its reservation is gone.
        QCOMPARE(f.store.job(aborted)->info.state, JobState::Held);
        QCOMPARE(f.userState(f.kim).spent, 140);
        // A deleted job is saved: pages, sheets and the cost avoided.
        QCOMPARE(f.jobs->remove(f.kim, aborted), JobActionResult::Ok);
        const UsageRecord saved = f.store.usage(0).last();
        QCOMPARE(saved.kind, QStringLiteral("deleted"));
        QCOMPARE(saved.cost, 0);
        QCOMPARE(saved.savedSheets, 3);
        QCOMPARE(saved.savedCost, 60);
    }

    void periodBoundaries()
    {
        Fixture f;
        QVERIFY(f.init());
        QVERIFY(f.quota(QStringLiteral("user"), f.kim.id, 100, "hard"));
        // One second before 2027-02 begins in Seoul (2027-01-31T15:00:00Z).
        const qint64 febStart = QDateTime(QDate(2027, 1, 31), QTime(15, 0), Qt::UTC).toSecsSinceEpoch();
        f.clock.advance(febStart - 1 - f.clock.nowSecs());
        QCOMPARE(f.accounting->currentPeriod().label, QStringLiteral("2027-01"));
        const qint64 jan = f.held(f.kim, 5), more = f.held(f.kim, 5);
        QCOMPARE(f.release(f.kim, jan), JobActionResult::Ok);
        f.jobs->releaseFinished(jan, true, 5);
        QCOMPARE(f.release(f.kim, more), JobActionResult::QuotaExceeded);
        f.clock.advance(1);
        QCOMPARE(f.accounting->currentPeriod().label, QStringLiteral("2027-02"));
        QCOMPARE(f.userState(f.kim).spent, 0);
        QCOMPARE(f.release(f.kim, more), JobActionResult::Ok);
        // A job in flight counts in the current period only; January keeps what was charged in it.
        const auto janPeriod = f.accounting->period(QStringLiteral("2027-01"));
        QCOMPARE(f.accounting->quotaState(QStringLiteral("user"), f.kim.id, *janPeriod).spent, 100);
        QCOMPARE(f.userState(f.kim).spent, 100);
    }

    void warnsOncePerThreshold()
    {
        Fixture f;
        QVERIFY(f.init());
        QVERIFY(f.quota(QStringLiteral("user"), f.kim.id, 500, "soft"));
        QVERIFY(f.quota(QStringLiteral("department"), f.budget.id, 400, "soft"));
        QString err;
        QVERIFY(f.store.departments().setHead(f.budget.id, f.boss.id, false, &err));
        auto kimEvents = f.events.subscribe(f.kim.id, false);
        auto bossEvents = f.events.subscribe(f.boss.id, false);
        QList<int> kimThresholds;
        for (int i = 0; i < 7; ++i) {
            QCOMPARE(f.release(f.kim, f.held(f.kim, 5)), JobActionResult::Ok); // soft: always released
            for (const QJsonObject& e : drain(kimEvents, QStringLiteral("quota-warning")))
                kimThresholds.append(
                    e.value(QLatin1String("threshold")).toInt() *
                    (e.value(QLatin1String("quota")).toObject().value(QLatin1String("scope")) ==
                             QLatin1String("user")
                         ? 1
                         : -1));
        }
        // Job 4 takes kim from 300 to 400 (80 % of 500) and FIN-B from 300 to 400 (past 320 = 80 % and to
        // 400 = 100 %); job 5 takes kim to 500 (100 %). Nothing after that: each warning comes once.
        // Negative: the department's thresholds.
        QCOMPARE(kimThresholds, (QList<int>{80, -80, -100, 100}));
        const QList<QJsonObject> bossSaw = drain(bossEvents, QStringLiteral("quota-warning"));
        QCOMPARE(bossSaw.size(), 2); // the department's warnings, not kim's own
        QCOMPARE(
            bossSaw[0].value(QLatin1String("quota")).toObject().value(QLatin1String("subject")).toString(),
            QStringLiteral("FIN-B"));
        QCOMPARE(
            bossSaw[1].value(QLatin1String("quota")).toObject().value(QLatin1String("spent")).toInteger(),
            400);
    }

    void savingsCompareTwoPeriods()
    {
        Fixture f;
        QVERIFY(f.init());
        auto print = [&](const UserRecord& u, int pages) {
            const qint64 id = f.held(u, pages);
            QCOMPARE(f.release(u, id), JobActionResult::Ok);
            f.jobs->releaseFinished(id, true, 0);
        };
        // January: kim 10 + 10 pages, lee 20 pages, one job deleted unprinted.
        print(f.kim, 10);
        print(f.kim, 10);
        print(f.lee, 20);
        QCOMPARE(f.jobs->remove(f.lee, f.held(f.lee, 4)), JobActionResult::Ok);
        f.clock.advance(31 * 86400);
        QCOMPARE(f.accounting->currentPeriod().label, QStringLiteral("2027-02"));
        // February: kim 6 and lee 7 pages, two jobs never printed.
        print(f.kim, 6);
        print(f.lee, 7);
        QCOMPARE(f.jobs->remove(f.kim, f.held(f.kim, 1)), JobActionResult::Ok);
        QCOMPARE(f.jobs->remove(f.kim, f.held(f.kim, 1)), JobActionResult::Ok);
        UsageReports reports(f.store, *f.accounting);
        SavingsSide base, later;
        ReportError e;
        QVERIFY(reports.savings(f.admin, QStringLiteral("2027-01"), QStringLiteral("2027-02"), {}, &base,
                                &later, &e));
        QCOMPARE(base.sums.people, 2);
        QCOMPARE(base.pagesPerPerson, 20.0);
        QCOMPARE(later.pagesPerPerson, 6.5);
        QCOMPARE(base.sums.savedJobs, 1);
        QCOMPARE(later.sums.savedJobs, 2);
        const QJsonObject json = UsageExport::savingsJson(base, later, QStringLiteral("KRW"));
        QCOMPARE(
            json.value(QLatin1String("change")).toObject().value(QLatin1String("pagesPerPerson")).toDouble(),
            -0.675);
        QCOMPARE(
            json.value(QLatin1String("change")).toObject().value(QLatin1String("jobsNeverPrinted")).toInt(),
            1);
        // A head compares their own department only.
        QVERIFY(reports.savings(f.boss, QStringLiteral("2027-01"), QStringLiteral("2027-02"),
                                QStringLiteral("FIN-B"), &base, &later, &e));
        QCOMPARE(base.sums.people, 1);
        QCOMPARE(base.pagesPerPerson, 20.0);
        QVERIFY(!reports.savings(f.kim, QStringLiteral("2027-01"), QStringLiteral("2027-02"),
                                 QStringLiteral("FIN"), &base, &later, &e));
        QCOMPARE(e.status, 403);
    }

    void reportRoles()
    {
        Fixture f;
        QVERIFY(f.init());
        for (const UserRecord* u : {&f.kim, &f.lee, &f.park}) {
            const qint64 id = f.held(*u, 2);
            QCOMPARE(f.release(*u, id), JobActionResult::Ok);
            f.jobs->releaseFinished(id, true, 0);
        }
        UsageReports reports(f.store, *f.accounting);
        UsageReport r;
        ReportError e;
        // A user: only themselves, never a department or another user.
        QVERIFY(reports.report(f.kim, QStringLiteral("user"), {}, {}, &r, &e));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows[0].sums.key, QStringLiteral("kim"));
        QVERIFY(!reports.report(f.kim, QStringLiteral("user"), {}, QStringLiteral("FIN"), &r, &e));
        QCOMPARE(e.status, 403);
        QList<UsageRow> trend;
        QVERIFY(!reports.trend(f.kim, 12, {}, QStringLiteral("lee"), &trend, &e));
        QCOMPARE(e.status, 403);
        QVERIFY(!reports.trend(f.kim, 12, {}, QStringLiteral("nobody"), &trend, &e));
        QCOMPARE(e.status, 403); // no existence leak
        QVERIFY(reports.trend(f.kim, 12, {}, {}, &trend, &e));
        QCOMPARE(trend.size(), 12);
        QCOMPARE(trend.last().sums.pages, 2);
        QCOMPARE(trend.last().label, QStringLiteral("2027-01"));
        // A head: FIN and its sub-department FIN-B (every member listed), not IT.
        QVERIFY(reports.report(f.boss, QStringLiteral("user"), {}, QStringLiteral("FIN"), &r, &e));
        QStringList names;
        for (const UsageRow& row : r.rows)
            names << row.sums.key;
        QCOMPARE(names, (QStringList{QStringLiteral("boss"), QStringLiteral("kim"), QStringLiteral("lee")}));
        QCOMPARE(r.totals.sums.pages, 4);
        QVERIFY(reports.report(f.boss, QStringLiteral("department"), {}, QStringLiteral("FIN-B"), &r, &e));
        QCOMPARE(r.rows.size(), 1);
        QVERIFY(!reports.report(f.boss, QStringLiteral("user"), {}, QStringLiteral("IT"), &r, &e));
        QCOMPARE(e.status, 403);
        QVERIFY(reports.trend(f.boss, 12, {}, QStringLiteral("kim"), &trend, &e));
        QVERIFY(!reports.trend(f.boss, 12, {}, QStringLiteral("park"), &trend, &e));
        QCOMPARE(reports.departmentsFor(f.boss).size(), 2);
        QVERIFY(reports.departmentsFor(f.kim).isEmpty());
        // An admin: everything; an unknown department is a 404 for them only.
        QVERIFY(reports.report(f.admin, QStringLiteral("department"), {}, {}, &r, &e));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.totals.sums.pages, 6);
        QCOMPARE(reports.departmentsFor(f.admin).size(), 3);
        QVERIFY(!reports.report(f.admin, QStringLiteral("user"), {}, QStringLiteral("NOPE"), &r, &e));
        QCOMPARE(e.status, 404);
        QVERIFY(!reports.report(f.admin, QStringLiteral("colour"), {}, {}, &r, &e));
        QCOMPARE(e.status, 400);
        QVERIFY(!reports.report(f.admin, QStringLiteral("user"), QStringLiteral("2027-13"), {}, &r, &e));
        QCOMPARE(e.code, QStringLiteral("bad-period"));
    }
};

QTEST_GUILESS_MAIN(TestQuotaEnforcement)
#include "TestQuotaEnforcement.moc"
