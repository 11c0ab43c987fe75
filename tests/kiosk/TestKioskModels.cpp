// JobModel, PrinterModel and KioskText on fixture data (no server), in English and Korean.
#include "HangulComposer.h"
#include "JobModel.h"
#include "KioskText.h"
#include "KioskTranslations.h"
#include "NaturalTime.h"
#include "PrinterModel.h"

#include <ctime>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {
JobInfo job(qint64 id, JobState state, const QString& reason = {}, const StateReason& coded = {})
{
    JobInfo j;
    j.id = id;
    j.owner = QStringLiteral("kim");
    j.name = QStringLiteral("doc%1.pdf").arg(id);
    j.pages = static_cast<int>(id);
    j.state = state;
    j.stateReason = reason;
    j.stateReasonCode = coded.code;
    j.stateReasonArgs = coded.args;
    j.submitted = QDateTime::currentDateTimeUtc();
    return j;
}

QJsonObject printer(qint64 id, const QString& name, const QString& location, bool canPrint,
                    const QStringList& faults = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("location"), location},
            {QStringLiteral("reachable"), true},
            {QStringLiteral("state"), QStringLiteral("idle")},
            {QStringLiteral("canPrint"), canPrint},
            {QStringLiteral("faults"), QJsonArray::fromStringList(faults)}};
}

// A clock stopped at one moment, for times said relative to now.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    QDateTime now() const override { return m_at; }

private:
    QDateTime m_at;
};

// Seoul local time, the zone the tests set.
QDateTime seoul(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone("Asia/Seoul")).toUTC();
}

QJsonObject quota(const QString& scope, const QString& subject, const QString& subjectName, qint64 limit,
                  qint64 spent, qint64 cost = 0)
{
    return {{QStringLiteral("scope"), scope},
            {QStringLiteral("subject"), subject},
            {QStringLiteral("subjectName"), subjectName},
            {QStringLiteral("limit"), limit},
            {QStringLiteral("spent"), spent},
            {QStringLiteral("remaining"), limit - spent},
            {QStringLiteral("cost"), cost},
            {QStringLiteral("currency"), QStringLiteral("KRW")},
            {QStringLiteral("period"), QStringLiteral("2026-12")}};
}
} // namespace

class TestKioskModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Times are said in the office's zone; the tests fix it so "today" does not depend on the host.
        qputenv("TZ", "Asia/Seoul");
        tzset();
    }

    // "26. 12. 3. 오전 12:16" was how the job list read; people say "오늘 오후 3:05".
    void naturalTime_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QString>("text");
        const QString en = QStringLiteral("en"), ko = QStringLiteral("ko");
        QTest::newRow("en today") << en << seoul(2026, 12, 3, 15, 5) << QStringLiteral("Today 3:05 PM");
        QTest::newRow("en just after midnight")
            << en << seoul(2026, 12, 3, 0, 16) << QStringLiteral("Today 12:16 AM");
        QTest::newRow("en yesterday")
            << en << seoul(2026, 12, 2, 9, 10) << QStringLiteral("Yesterday 9:10 AM");
        QTest::newRow("en yesterday late")
            << en << seoul(2026, 12, 2, 23, 59) << QStringLiteral("Yesterday 11:59 PM");
        QTest::newRow("en tomorrow") << en << seoul(2026, 12, 4, 0, 3) << QStringLiteral("Tomorrow 12:03 AM");
        QTest::newRow("en this year")
            << en << seoul(2026, 11, 28, 15, 5) << QStringLiteral("Nov 28, 3:05 PM");
        QTest::newRow("en last year")
            << en << seoul(2025, 12, 3, 15, 5) << QStringLiteral("Dec 3, 2025, 3:05 PM");
        QTest::newRow("ko today") << ko << seoul(2026, 12, 3, 15, 5) << QStringLiteral("오늘 오후 3:05");
        QTest::newRow("ko just after midnight")
            << ko << seoul(2026, 12, 3, 0, 16) << QStringLiteral("오늘 오전 12:16");
        QTest::newRow("ko yesterday") << ko << seoul(2026, 12, 2, 9, 10) << QStringLiteral("어제 오전 9:10");
        QTest::newRow("ko tomorrow") << ko << seoul(2026, 12, 4, 8, 0) << QStringLiteral("내일 오전 8:00");
        QTest::newRow("ko this year")
            << ko << seoul(2026, 1, 3, 15, 5) << QStringLiteral("1월 3일 오후 3:05");
        QTest::newRow("ko last year")
            << ko << seoul(2025, 12, 3, 15, 5) << QStringLiteral("2025년 12월 3일 오후 3:05");
    }
    void naturalTime()
    {
        QFETCH(QString, language);
        QFETCH(QDateTime, when);
        QFETCH(QString, text);
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        const QDateTime now = seoul(2026, 12, 3, 16, 30);
        QCOMPARE(NaturalTime::format(when, now), text);
        // The job list says it the same way, from the model's clock.
        FixedClock clock(now);
        JobModel m;
        m.setClock(&clock);
        JobInfo j = job(1, JobState::Held);
        j.submitted = when;
        m.setJobs({j});
        QCOMPARE(m.data(m.index(0), JobModel::SubmittedRole).toString(), text);
        QVERIFY2(m.data(m.index(0), JobModel::DetailsRole).toString().endsWith(text),
                 qPrintable(m.data(m.index(0), JobModel::DetailsRole).toString()));
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    // docs/accounting.md: jobs carry "cost" and "currency" at the kiosk's printer.
    void jobCost_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("details");
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringLiteral("4 pages · Colour · Today 3:05 PM · ₩2,400 here");
        QTest::newRow("ko") << QStringLiteral("ko")
                            << QStringLiteral("4쪽 · 컬러 · 오늘 오후 3:05 · 이곳에서 ₩2,400");
    }
    void jobCost()
    {
        QFETCH(QString, language);
        QFETCH(QString, details);
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        FixedClock clock(seoul(2026, 12, 3, 16, 30));
        JobModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setClock(&clock);
        JobInfo priced = job(4, JobState::Held);
        priced.color = true;
        priced.submitted = seoul(2026, 12, 3, 15, 5);
        QJsonObject json = priced.toJson();
        json.insert(QStringLiteral("cost"), 2400);
        json.insert(QStringLiteral("currency"), QStringLiteral("KRW"));
        QJsonObject unpriced = job(5, JobState::Held).toJson(); // a server from before prices
        m.setJobsJson({json, unpriced});
        QCOMPARE(m.data(m.index(0), JobModel::CostRole).toString(), QStringLiteral("₩2,400"));
        QCOMPARE(m.data(m.index(0), JobModel::DetailsRole).toString(), details);
        QCOMPARE(m.data(m.index(1), JobModel::CostRole).toString(), QString());
        QVERIFY(!m.data(m.index(1), JobModel::DetailsRole).toString().contains(QStringLiteral("₩")));
        // An event without a price keeps the one the list had; one with a new price replaces it.
        priced.state = JobState::Releasing;
        m.applyJob(priced.toJson());
        QCOMPARE(m.data(m.index(0), JobModel::CostRole).toString(), QStringLiteral("₩2,400"));
        json.insert(QStringLiteral("cost"), 1200);
        m.applyJob(json);
        QCOMPARE(m.data(m.index(0), JobModel::CostRole).toString(), QStringLiteral("₩1,200"));
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    // Issue 13 §3: the price follows the options chosen at the kiosk where the server's estimate
    // allows an exact answer (copies scale it); double-sided or black and white other than the job's
    // own change the price per impression, which only the server knows: no price rather than a wrong one.
    void priceFollowsOptions()
    {
        JobModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        JobInfo colour = job(4, JobState::Held);
        colour.color = true;
        colour.options.copies = 2;
        JobInfo plain = job(5, JobState::Held); // no colour pages: black and white costs the same
        auto priced = [](const JobInfo& j, qint64 cost) {
            QJsonObject o = j.toJson();
            o.insert(QStringLiteral("cost"), cost);
            o.insert(QStringLiteral("currency"), QStringLiteral("KRW"));
            return o;
        };
        m.setJobsJson({priced(colour, 2400), priced(plain, 500)});
        auto cost = [&m](int row) { return m.data(m.index(row), JobModel::CostRole).toString(); };
        QCOMPARE(cost(0), QStringLiteral("₩2,400")); // the server's price, with the job's own options
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setReleaseOptions(1, false, false);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(cost(0), QStringLiteral("₩1,200")); // one copy instead of two
        QCOMPARE(cost(1), QStringLiteral("₩500"));
        m.setReleaseOptions(3, false, false);
        QCOMPARE(cost(0), QStringLiteral("₩3,600"));
        QCOMPARE(cost(1), QStringLiteral("₩1,500"));
        QVERIFY(m.data(m.index(1), JobModel::DetailsRole).toString().contains(QStringLiteral("₩1,500")));
        m.setReleaseOptions(3, false, true); // black and white: unknown for the colour job only
        QCOMPARE(cost(0), QString());
        QVERIFY(!m.data(m.index(0), JobModel::DetailsRole).toString().contains(QStringLiteral("₩")));
        QCOMPARE(cost(1), QStringLiteral("₩1,500"));
        m.setReleaseOptions(1, true, false); // double-sided: other rates, not known here
        QCOMPARE(cost(0), QString());
        QCOMPARE(cost(1), QString());
        // A price that does not divide by the job's copies is not guessed.
        m.setJobsJson({priced(colour, 2401)});
        m.setReleaseOptions(1, false, false);
        QCOMPARE(cost(0), QString());
        m.setReleaseOptions(2, false, false);
        QCOMPARE(cost(0), QStringLiteral("₩2,401"));
    }

    // A release refused over a hard quota: what it costs, what is left, what to do; amounts in the
    // kiosk's locale.
    void quotaSentences_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QJsonObject>("quota");
        QTest::addColumn<QString>("text");
        const QString en = QStringLiteral("en"), ko = QStringLiteral("ko");
        const QString user = QStringLiteral("user"), dept = QStringLiteral("department");
        QTest::newRow("en user") << en
                                 << quota(user, QStringLiteral("kim"), QStringLiteral("Kim"), 50000, 49000,
                                          2400)
                                 << QStringLiteral("This job costs ₩2,400, but only ₩1,000 is left of your "
                                                   "print quota this month. It stays held: "
                                                   "print fewer copies, in black and white or double-sided, "
                                                   "or ask the print admin for an allowance.");
        QTest::newRow("en user used up")
            << en << quota(user, QStringLiteral("kim"), QStringLiteral("Kim"), 50000, 50000, 400)
            << QStringLiteral(
                   "Your print quota for this month is used up, so this job (₩400) was not printed. It stays "
                   "held: ask the print admin for an allowance.");
        QTest::newRow("en department")
            << en << quota(dept, QStringLiteral("FIN"), QStringLiteral("Finance"), 300000, 299000, 2400)
            << QStringLiteral(
                   "This job costs ₩2,400, but only ₩1,000 is left of the Finance print quota this month. It "
                   "stays held: print fewer copies, in black and white or double-sided, or ask your "
                   "department head for an allowance.");
        QTest::newRow("ko user")
            << ko << quota(user, QStringLiteral("kim"), QStringLiteral("김"), 50000, 49000, 2400)
            << QStringLiteral(
                   "이 작업은 ₩2,400인데 이번 달 개인 출력 한도가 ₩1,000 남았습니다. 작업은 출력 대기 상태로 "
                   "남습니다. "
                   "매수를 줄이거나 흑백·양면으로 출력하거나, 인쇄 관리자에게 추가 한도를 요청하세요.");
        QTest::newRow("ko department used up")
            << ko << quota(dept, QStringLiteral("FIN"), QStringLiteral("재무과"), 300000, 310000, 2400)
            << QStringLiteral(
                   "이번 달 재무과 출력 한도를 모두 사용해서 이 작업(₩2,400)은 출력되지 않았습니다. 작업은 "
                   "출력 대기 상태로 남습니다. 부서장이나 인쇄 관리자에게 추가 한도를 요청하세요.");
    }
    void quotaSentences()
    {
        QFETCH(QString, language);
        QFETCH(QJsonObject, quota);
        QFETCH(QString, text);
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        const QJsonObject body{{QStringLiteral("error"), QStringLiteral("quota-exceeded")},
                               {QStringLiteral("message"), QStringLiteral("English from the server.")},
                               {QStringLiteral("quota"), quota}};
        QCOMPARE(KioskText::forError(QStringLiteral("quota-exceeded"),
                                     QStringLiteral("English from the server."), body,
                                     QDateTime::currentDateTime()),
                 text);
        // A job held with that reason says it in a few words on its row (the message has the sentence).
        JobModel m;
        m.setJobs({job(1, JobState::Held, QStringLiteral("English from the server."),
                       StateReason{QStringLiteral("quota-exceeded"), quota,
                                   QStringLiteral("English from the server.")})});
        QCOMPARE(m.data(m.index(0), JobModel::StateTextRole).toString(),
                 KioskText::quotaExceededShort(quota));
        QVERIFY(m.data(m.index(0), JobModel::FailedRole).toBool());
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    void quotaExceededShort()
    {
        KioskTranslations translations;
        const QJsonObject q = quota(QStringLiteral("user"), QStringLiteral("kim"), {}, 50000, 49000, 2400);
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
        QCOMPARE(KioskText::quotaExceededShort(q),
                 QStringLiteral("Not printed, over the quota: it costs ₩2,400, ₩1,000 is left this month."));
        QVERIFY(translations.setLanguage(QStringLiteral("ko")));
        QCOMPARE(KioskText::quotaExceededShort(q),
                 QStringLiteral("한도 초과로 출력되지 않음: ₩2,400 필요, 이번 달 잔액 ₩1,000"));
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    void quotaLeft()
    {
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
        const QString krw = QStringLiteral("KRW");
        QCOMPARE(KioskText::quotaLeft({}, krw), QString());
        QJsonObject noLimit = quota(QStringLiteral("user"), QStringLiteral("kim"), {}, 0, 1200);
        noLimit.remove(QStringLiteral("limit"));
        noLimit.remove(QStringLiteral("remaining"));
        QCOMPARE(KioskText::quotaLeft({noLimit}, krw), QString());
        // The tightest quota is the one that stops a release.
        const QJsonArray both{quota(QStringLiteral("user"), QStringLiteral("kim"), {}, 50000, 10000),
                              quota(QStringLiteral("department"), QStringLiteral("FIN"),
                                    QStringLiteral("Finance"), 300000, 295000)};
        QCOMPARE(KioskText::quotaLeft(both, krw),
                 QStringLiteral("Left of the Finance print quota this month: ₩5,000"));
        QCOMPARE(KioskText::quotaLeft({noLimit, both.at(0)}, krw),
                 QStringLiteral("Left of your print quota this month: ₩40,000"));
        QCOMPARE(KioskText::quotaLeft(
                     {quota(QStringLiteral("user"), QStringLiteral("kim"), {}, 50000, 50400)}, krw),
                 QStringLiteral("You are ₩400 over your print quota this month"));
        QVERIFY(translations.setLanguage(QStringLiteral("ko")));
        QCOMPARE(KioskText::quotaLeft(both, krw), QStringLiteral("이번 달 Finance 출력 한도 잔액: ₩5,000"));
        QCOMPARE(KioskText::quotaLeft({both.at(0)}, krw), QStringLiteral("이번 달 출력 한도 잔액: ₩40,000"));
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    // The server's details of a refused sign-in: attempts left, and until when an account is locked.
    void signInRefusals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("text");
        const QString en = QStringLiteral("en"), ko = QStringLiteral("ko");
        const QString wrong = QStringLiteral("invalid-credentials"), locked = QStringLiteral("locked");
        const QJsonObject three{{QStringLiteral("attemptsLeft"), 3}};
        const QJsonObject one{{QStringLiteral("attemptsLeft"), 1}};
        const QJsonObject today{
            {QStringLiteral("lockedUntil"), QStringLiteral("2026-12-03T07:35:00Z")}}; // 16:35 in Seoul
        const QJsonObject tomorrow{
            {QStringLiteral("lockedUntil"), QStringLiteral("2026-12-03T15:02:00Z")}}; // 00:02 on the 4th
        QTest::newRow("en three left")
            << en << wrong << three
            << QStringLiteral(
                   "The ID or PIN is not correct. You can try 3 more times before sign-in is locked.");
        QTest::newRow("en one left")
            << en << wrong << one
            << QStringLiteral(
                   "The ID or PIN is not correct. You can try 1 more time before sign-in is locked.");
        QTest::newRow("en no count") << en << wrong << QJsonObject()
                                     << QStringLiteral(
                                            "The ID or PIN is not correct. Check them and try again.");
        QTest::newRow("en locked today")
            << en << locked << today
            << QStringLiteral(
                   "This account is locked after too many wrong PINs or passwords, until 4:35 PM. Try "
                   "again after that, or ask the print admin to unlock it.");
        QTest::newRow("en locked past midnight")
            << en << locked << tomorrow
            << QStringLiteral("This account is locked after too many wrong PINs or passwords, until Tomorrow "
                              "12:02 AM. Try again after that, or ask the print admin to unlock it.");
        QTest::newRow("ko three left")
            << ko << wrong << three
            << QStringLiteral("ID 또는 PIN이 올바르지 않습니다. 3번 더 틀리면 로그인이 잠깁니다.");
        QTest::newRow("ko locked today")
            << ko << locked << today
            << QStringLiteral(
                   "잘못된 PIN이나 비밀번호를 여러 번 입력해서 이 계정은 오후 4:35까지 잠겨 있습니다. "
                   "그 뒤에 다시 시도하거나 인쇄 관리자에게 잠금 해제를 요청하세요.");
    }
    void signInRefusals()
    {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QJsonObject, body);
        QFETCH(QString, text);
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        QCOMPARE(KioskText::forError(code, QStringLiteral("English from the server."), body,
                                     seoul(2026, 12, 3, 16, 30)),
                 text);
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    // The keyboard's Korean layout: jamo keys join into syllables as Korean is written.
    void hangulComposition_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QString>("text");
        auto keys = [](const QString& s) { return s.split(QString(), Qt::SkipEmptyParts); };
        QTest::newRow("kim") << keys(QStringLiteral("ㄱㅣㅁ")) << QStringLiteral("김");
        QTest::newRow("hangul") << keys(QStringLiteral("ㅎㅏㄴㄱㅡㄹ")) << QStringLiteral("한글");
        QTest::newRow("final moves on") << keys(QStringLiteral("ㄱㅏㄴㅏ")) << QStringLiteral("가나");
        QTest::newRow("compound vowel") << keys(QStringLiteral("ㄱㅗㅏ")) << QStringLiteral("과");
        QTest::newRow("cluster") << keys(QStringLiteral("ㄷㅏㄹㄱ")) << QStringLiteral("닭");
        QTest::newRow("cluster splits") << keys(QStringLiteral("ㄷㅏㄹㄱㅣ")) << QStringLiteral("달기");
        QTest::newRow("double consonant") << keys(QStringLiteral("ㅆㅏㄹ")) << QStringLiteral("쌀");
        QTest::newRow("no cluster") << keys(QStringLiteral("ㄱㅏㄴㄱ")) << QStringLiteral("간ㄱ");
        QTest::newRow("lone vowels") << keys(QStringLiteral("ㅗㅏ")) << QStringLiteral("ㅘ");
        QTest::newRow("after latin") << QStringList{QStringLiteral("a"), QStringLiteral("ㄱ"),
                                                    QStringLiteral("ㅏ")}
                                     << QStringLiteral("a가");
        QTest::newRow("latin after") << QStringList{QStringLiteral("ㄱ"), QStringLiteral("ㅏ"),
                                                    QStringLiteral("1")}
                                     << QStringLiteral("가1");
    }
    void hangulComposition()
    {
        QFETCH(QStringList, keys);
        QFETCH(QString, text);
        QString typed;
        for (const QString& k : keys)
            typed = HangulComposer::type(typed, k);
        QCOMPARE(typed, text);
    }

    void jobModelRolesAndSelection()
    {
        JobModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setJobs({job(1, JobState::Held), job(2, JobState::Printing), job(3, JobState::Held)});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.heldCount(), 2);
        const QHash<int, QByteArray> roles = m.roleNames();
        for (const char* r : {"jobId", "name", "pages", "thumbnail", "selected", "jobState", "stateText",
                              "selectable", "details"})
            QVERIFY2(roles.values().contains(r), r);
        QCOMPARE(m.data(m.index(1), JobModel::SelectableRole).toBool(), false);

        QSignalSpy sel(&m, &JobModel::selectionChanged);
        m.setSelected(1, true); // printing: cannot be selected
        QCOMPARE(m.selectedCount(), 0);
        m.selectAll(true);
        QCOMPARE(m.selectedIds(), (QList<qint64>{1, 3}));
        QVERIFY(sel.size() >= 2);

        // Progress from the server: the job leaves the selection and says what happens.
        JobInfo printing = job(1, JobState::Releasing);
        m.applyJob(printing.toJson());
        QCOMPARE(m.selectedIds(), (QList<qint64>{3}));
        QCOMPARE(m.data(m.index(0), JobModel::StateRole).toString(), QStringLiteral("releasing"));
        QVERIFY(!m.data(m.index(0), JobModel::StateTextRole).toString().isEmpty());

        // A failed release is held again with the reason shown.
        m.applyJob(job(1, JobState::Held, QStringLiteral("3F-East cannot print now (paper jam).")).toJson());
        QVERIFY(m.data(m.index(0), JobModel::FailedRole).toBool());
        QVERIFY(m.data(m.index(0), JobModel::StateTextRole).toString().contains(QStringLiteral("paper jam")));

        m.removeJob(3);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.selectedCount(), 0);
        m.applyJob(job(7, JobState::Held).toJson()); // a new job arrives on top
        QCOMPARE(m.data(m.index(0), JobModel::JobIdRole).toLongLong(), 7);
        m.applyJob(job(7, JobState::Deleted).toJson());
        QCOMPARE(m.rowCount(), 2);
        m.clear();
        QCOMPARE(m.rowCount(), 0);
    }

    void refreshKeepsSelection()
    {
        JobModel m;
        m.setJobs({job(1, JobState::Held), job(2, JobState::Held)});
        m.setSelected(1, true);
        m.setJobs({job(5, JobState::Held), job(1, JobState::Held), job(2, JobState::Held)});
        QCOMPARE(m.selectedIds(), (QList<qint64>{2}));
    }

    void alternativesNearestFirst()
    {
        PrinterModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setPrinters({printer(1, QStringLiteral("3F-East"), QStringLiteral("3F East wing"), false,
                               {QStringLiteral("media-jam")}),
                       printer(2, QStringLiteral("B1-Copy"), QStringLiteral("B1 print room"), true),
                       printer(3, QStringLiteral("3F-West"), QStringLiteral("3F West wing"), true),
                       printer(4, QStringLiteral("2F-Hall"), QStringLiteral("2F hall"), false,
                               {QStringLiteral("toner-empty")}),
                       printer(5, QStringLiteral("4F-North"), QStringLiteral("4F north"), true)},
                      1, QStringLiteral("3F East wing"));
        QCOMPARE(m.names(), (QStringList{QStringLiteral("3F-West"), QStringLiteral("4F-North"),
                                         QStringLiteral("B1-Copy")}));
        QCOMPARE(m.data(m.index(0), PrinterModel::LocationRole).toString(), QStringLiteral("3F West wing"));
    }

    // Reasons are built with the server's own factories, so a renamed code or argument fails here.
    void jobReasons_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("text");
        const QString p = QStringLiteral("3F-East");
        auto row = [](const char* name, const QString& language, const StateReason& r, const QString& text) {
            QTest::newRow(name) << language << r.code << r.args << text;
        };
        const QString en = QStringLiteral("en"), ko = QStringLiteral("ko");
        row("en jam", en, StateReason::printerFault(p, {QStringLiteral("media-jam")}),
            QStringLiteral("3F-East has a paper jam. Your job is still held: print it at another printer, or "
                           "try again once the jam is cleared."));
        row("en two faults", en,
            StateReason::printerFault(p, {QStringLiteral("media-jam"), QStringLiteral("toner-empty")}),
            QStringLiteral("3F-East cannot print now (paper jam, out of toner). Your job is still held: "
                           "print it at another printer, or try again once the problem is fixed."));
        row("en unreachable", en,
            StateReason::printerFault(p, {QStringLiteral("offline")},
                                      QStringLiteral("The printer at mfp cannot be reached.")),
            QStringLiteral("3F-East cannot be reached. Your job is still held: print it at another printer, "
                           "or try again later."));
        row("en format", en, StateReason::formatUnsupported(p, QStringLiteral("application/pdf")),
            QStringLiteral(
                "3F-East cannot print PDF documents. Your job is still held: print it at another printer."));
        row("en error", en,
            StateReason::printerError(p, QStringLiteral("The printer refused the job: Bad request")),
            QStringLiteral("3F-East reported a problem (The printer refused the job: Bad request). Your job "
                           "is still held: try again, or print it at another printer."));
        row("en aborted", en, StateReason::printerEnded(p, true, {QStringLiteral("aborted-by-system")}),
            QStringLiteral("3F-East stopped your job before it was finished. It is held again and was not "
                           "charged: check the printer, then print it again."));
        row("en canceled", en,
            StateReason::printerEnded(p, false, {QStringLiteral("job-canceled-at-device")}),
            QStringLiteral("Your job was canceled at 3F-East. It is held again and was not charged: print it "
                           "again whenever you need it."));
        row("en lost", en, StateReason::lostContact(p),
            QStringLiteral("The connection to 3F-East was lost while your job was printing, so it may have "
                           "printed. Check the printer before you print it again."));
        row("en interrupted", en, StateReason::releaseInterrupted(QString()),
            QStringLiteral("The print server stopped while your job was being sent to the printer, so it may "
                           "have printed. Check the printer before you print it again."));
        row("ko jam", ko, StateReason::printerFault(p, {QStringLiteral("media-jam")}),
            QStringLiteral("3F-East 프린터에 용지가 걸렸습니다. 문서는 그대로 보관되니 다른 프린터에서 "
                           "출력하거나, 걸린 용지를 제거한 뒤 다시 출력하세요."));
        row("ko empty tray", ko, StateReason::printerFault(p, {QStringLiteral("media-empty")}),
            QStringLiteral("3F-East 프린터에 용지가 없습니다. 문서는 그대로 보관되니 다른 프린터에서 "
                           "출력하거나, 용지를 넣은 뒤 다시 출력하세요."));
        row("ko two faults", ko,
            StateReason::printerFault(p, {QStringLiteral("media-jam"), QStringLiteral("toner-empty")}),
            QStringLiteral("3F-East 프린터는 지금 출력할 수 없습니다(용지 걸림, 토너 없음). 문서는 그대로 "
                           "보관되니 다른 프린터에서 출력하거나, 문제가 해결된 뒤 다시 출력하세요."));
        row("ko busy", ko, StateReason::printerBusy(p),
            QStringLiteral("3F-East 프린터가 너무 오랫동안 다른 작업을 처리하고 있었습니다. 문서는 그대로 "
                           "보관되니 잠시 후 다시 시도하거나 다른 프린터에서 출력하세요."));
        row("ko aborted", ko, StateReason::printerEnded(p, true, {QStringLiteral("aborted-by-system")}),
            QStringLiteral("3F-East 프린터가 출력을 끝내지 못하고 중단했습니다. 문서는 다시 보관되며 "
                           "과금되지 않았습니다. 프린터를 확인한 뒤 다시 출력하세요."));
        row("ko interrupted", ko, StateReason::releaseInterrupted(p),
            QStringLiteral("3F-East 프린터로 문서를 보내는 중에 출력 서버가 중지되어 이미 출력되었을 수도 "
                           "있습니다. 다시 출력하기 전에 프린터를 확인하세요."));
        row("ko unreadable", ko, StateReason::documentUnreadable(),
            QStringLiteral("출력 서버에서 이 문서를 읽을 수 없습니다. 컴퓨터에서 문서를 다시 보내거나 인쇄 "
                           "관리자에게 알려 주세요."));
        row("ko deleted", ko, StateReason::deleted(QStringLiteral("admin")),
            QStringLiteral("admin 님이 삭제했습니다."));
        row("ko expired", ko, StateReason::expired(),
            QStringLiteral(
                "보관 기간 안에 출력되지 않아 삭제되었습니다. 아직 필요하면 컴퓨터에서 다시 보내세요."));
        // Codes this kiosk does not know, and jobs from before codes: the server's English.
        row("ko unknown code", ko, StateReason{QStringLiteral("toner-stolen"), {}, {}},
            QStringLiteral("English from the server."));
        row("ko no code", ko, StateReason(), QStringLiteral("English from the server."));
    }
    void jobReasons()
    {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QJsonObject, args);
        QFETCH(QString, text);
        KioskTranslations translations;
        QVERIFY(translations.setLanguage(language));
        const QString english = QStringLiteral("English from the server.");
        QCOMPARE(KioskText::stateReason(code, args, english), text);
        // The job list shows it for a job that is held again; ours stand alone, the English is
        // introduced as a failure.
        JobModel m;
        m.setJobs({job(1, JobState::Held, english, StateReason{code, args, english})});
        QVERIFY(m.data(m.index(0), JobModel::FailedRole).toBool());
        const QString shown = m.data(m.index(0), JobModel::StateTextRole).toString();
        if (text == english)
            QCOMPARE(shown, KioskText::jobState(QStringLiteral("held"), english));
        else
            QCOMPARE(shown, text);
        QVERIFY(translations.setLanguage(QStringLiteral("en")));
    }

    void faultWords()
    {
        QCOMPARE(
            KioskText::faults(printer(1, QStringLiteral("p"), {}, false,
                                      {QStringLiteral("media-jam"), QStringLiteral("toner-empty-report")})),
            QStringLiteral("paper jam, out of toner"));
        QVERIFY(KioskText::printerState(
                    printer(1, QStringLiteral("p"), {}, false, {QStringLiteral("media-empty")}))
                    .contains(QStringLiteral("out of paper")));
        QCOMPARE(KioskText::printerState(printer(1, QStringLiteral("p"), {}, true)), QStringLiteral("Ready"));
        QVERIFY(KioskText::forError(QStringLiteral("locked"), {}).contains(QStringLiteral("locked")));
        QCOMPARE(KioskText::forError(QStringLiteral("something-new"), QStringLiteral("Server says so.")),
                 QStringLiteral("Server says so."));
    }
};

QTEST_GUILESS_MAIN(TestKioskModels)
#include "TestKioskModels.moc"
