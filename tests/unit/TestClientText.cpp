// What the tray client says: notifications, printer faults and the job details, in English and Korean
// (the compiled translations), and that both translation files are complete.
#include "JobInfo.h"
#include "JobItemDelegate.h"
#include "JobListModel.h"
#include "NotificationText.h"
#include "PrinterListModel.h"
#include "QuotaText.h"
#include "ServerErrorText.h"
#include "SignInDialog.h"
#include "Translations.h"
#include "TrayIconPainter.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

QJsonObject heldEvent(const QString& name, int pages)
{
    JobInfo j;
    j.id = 12;
    j.owner = QStringLiteral("kim");
    j.name = name;
    j.pages = pages;
    j.printer = QStringLiteral("3F-East");
    j.stateReason = QStringLiteral("3F-East cannot print now (paper jam). The job is still held.");
    j.submitted = QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC);
    j.expires = QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC);
    return {{QStringLiteral("job"), j.toJson()}};
}

QJsonObject failedEvent(const StateReason& reason)
{
    JobInfo j;
    j.id = 12;
    j.owner = QStringLiteral("kim");
    j.name = QStringLiteral("report.pdf");
    j.pages = 12;
    j.printer = QStringLiteral("3F-East");
    j.setReason(reason);
    return {{QStringLiteral("job"), j.toJson()}};
}

void removeTranslators()
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

} // namespace

class TestClientText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { removeTranslators(); }

    void languageChoice()
    {
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::Korean, QLocale::SouthKorea)),
                 QStringLiteral("ko"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
                 QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QString(), QLocale(QLocale::German)), QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QStringLiteral("en"), QLocale(QLocale::Korean)), QStringLiteral("en"));
        QCOMPARE(Translations::resolve(QStringLiteral("ko"), QLocale(QLocale::English)),
                 QStringLiteral("ko"));
    }

    void englishNotifications()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        auto held = NotificationText::forEvent(QStringLiteral("job-held"),
                                               heldEvent(QStringLiteral("report.pdf"), 12));
        QVERIFY(held);
        QCOMPARE(held->body, QStringLiteral("report.pdf held - 12 pages"));
        held =
            NotificationText::forEvent(QStringLiteral("job-held"), heldEvent(QStringLiteral("memo.pdf"), 1));
        QCOMPARE(held->body, QStringLiteral("memo.pdf held - 1 page"));

        QCOMPARE(NotificationText::printed(1, QStringLiteral("3F-East"), QStringLiteral("report.pdf")).body,
                 QStringLiteral("report.pdf printed at 3F-East"));
        QCOMPARE(NotificationText::printed(2, QStringLiteral("3F-East"), QStringLiteral("report.pdf")).body,
                 QStringLiteral("2 jobs printed at 3F-East"));

        auto failed = NotificationText::forEvent(
            QStringLiteral("job-release-failed"), heldEvent(QStringLiteral("report.pdf"), 12),
            PrinterListModel::describeFaults({QStringLiteral("media-jam")}));
        QVERIFY(failed);
        QCOMPARE(failed->severity, NotificationText::Severity::Warning);
        QVERIFY2(failed->body.contains(QLatin1String("3F-East (paper jam)")), qPrintable(failed->body));
        QVERIFY(failed->body.contains(QLatin1String("still held")));
        // Without a known fault the server's reason is quoted.
        failed = NotificationText::forEvent(QStringLiteral("job-release-failed"),
                                            heldEvent(QStringLiteral("a.pdf"), 1));
        QVERIFY(failed->body.contains(QLatin1String("cannot print now (paper jam)")));

        auto expiring = NotificationText::forEvent(QStringLiteral("job-expiring"),
                                                   heldEvent(QStringLiteral("report.pdf"), 12), {},
                                                   QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(expiring);
        QVERIFY(expiring->body.startsWith(QLatin1String("report.pdf will be deleted at ")));

        // Print admins hear about the server's storage.
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        auto low =
            NotificationText::forEvent(QStringLiteral("server-alert"),
                                       QJsonObject{{QStringLiteral("type"), QStringLiteral("server-alert")},
                                                   {QStringLiteral("condition"), QStringLiteral("spool-low")},
                                                   {QStringLiteral("freeMb"), 1900},
                                                   {QStringLiteral("reserveMb"), 512}},
                                       {}, english);
        QVERIFY(low);
        QCOMPARE(low->title, QStringLiteral("Print server storage low"));
        QVERIFY2(low->body.contains(QLatin1String("1,900 MB of storage left (512 MB kept in reserve)")),
                 qPrintable(low->body));
        QCOMPARE(low->severity, NotificationText::Severity::Warning);
        auto full = NotificationText::serverAlert(
            QJsonObject{{QStringLiteral("condition"), QStringLiteral("spool-full")},
                        {QStringLiteral("freeMb"), 400},
                        {QStringLiteral("reserveMb"), 512}},
            english);
        QVERIFY(full && full->body.contains(QLatin1String("refusing new print jobs")));
        auto room = NotificationText::serverAlert(
            QJsonObject{{QStringLiteral("condition"), QStringLiteral("spool-ok")},
                        {QStringLiteral("freeMb"), 4000},
                        {QStringLiteral("reserveMb"), 512}},
            english);
        QVERIFY(room && room->severity == NotificationText::Severity::Information);
        QVERIFY(!NotificationText::serverAlert(
            QJsonObject{{QStringLiteral("condition"), QStringLiteral("cpu-hot")}}));

        QVERIFY(!NotificationText::forEvent(QStringLiteral("job-changed"),
                                            heldEvent(QStringLiteral("a.pdf"), 1)));
        QVERIFY(!NotificationText::forEvent(QStringLiteral("job-deleted"),
                                            heldEvent(QStringLiteral("a.pdf"), 1)));
    }

    void koreanNotifications()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        auto held = NotificationText::forEvent(QStringLiteral("job-held"),
                                               heldEvent(QStringLiteral("report.pdf"), 12));
        QVERIFY(held);
        QCOMPARE(held->body, QStringLiteral("report.pdf 출력 대기 - 12쪽"));
        QCOMPARE(NotificationText::printed(2, QStringLiteral("3F-East"), QString()).body,
                 QStringLiteral("3F-East에서 2건을 인쇄했습니다"));
        auto full = NotificationText::serverAlert(
            QJsonObject{{QStringLiteral("condition"), QStringLiteral("spool-full")},
                        {QStringLiteral("freeMb"), 400},
                        {QStringLiteral("reserveMb"), 512}},
            QLocale(QLocale::Korean, QLocale::SouthKorea));
        QVERIFY(full);
        QCOMPARE(full->title, QStringLiteral("인쇄 서버 저장 공간 가득 참"));
        QVERIFY2(full->body.contains(QStringLiteral("512MB")), qPrintable(full->body));
        QCOMPARE(
            PrinterListModel::describeFaults({QStringLiteral("media-jam"), QStringLiteral("toner-empty")}),
            QStringLiteral("용지 걸림, 토너 없음"));
        // Dates in Korean order.
        auto expiring =
            NotificationText::forEvent(QStringLiteral("job-expiring"), heldEvent(QStringLiteral("a.pdf"), 1),
                                       {}, QLocale(QLocale::Korean, QLocale::SouthKorea));
        const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
        const QString when = korean.toString(
            QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC).toLocalTime(), QLocale::ShortFormat);
        QVERIFY2(expiring->body.contains(when) &&
                     (when.contains(QStringLiteral("오전")) || when.contains(QStringLiteral("오후"))),
                 qPrintable(expiring->body));
        QLocale::setDefault(QLocale::c());
    }

    // Reasons are built with the server's own factories, so a renamed code or argument fails here.
    void stateReasons_data()
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
            QStringLiteral(
                "3F-East has a paper jam. Your job is still held: print it at another printer, or try "
                "again once the jam is cleared."));
        row("en tray missing and jam", en,
            StateReason::printerFault(p, {QStringLiteral("input-tray-missing"), QStringLiteral("media-jam")}),
            QStringLiteral(
                "3F-East cannot print now (a paper tray is missing, paper jam). Your job is still held: "
                "print it at another printer, or try again once the problem is fixed."));
        row("en door", en, StateReason::printerFault(p, {QStringLiteral("door-open")}),
            QStringLiteral(
                "A door or cover of 3F-East is open. Your job is still held: print it at another printer, "
                "or try again once it is closed."));
        row("en format", en, StateReason::formatUnsupported(p, QStringLiteral("image/urf")),
            QStringLiteral(
                "3F-East cannot print URF documents. Your job is still held: print it at another printer."));
        row("en busy", en, StateReason::printerBusy(p),
            QStringLiteral(
                "3F-East stayed busy for too long. Your job is still held: try again in a moment, or "
                "print it at another printer."));
        row("en canceled", en,
            StateReason::printerEnded(p, false, {QStringLiteral("job-canceled-at-device")}),
            QStringLiteral(
                "Your job was canceled at 3F-East. It is held again and was not charged: print it again "
                "whenever you need it."));
        row("en deleted", en, StateReason::deleted(QStringLiteral("admin")),
            QStringLiteral("Deleted by admin."));
        row("ko jam", ko, StateReason::printerFault(p, {QStringLiteral("media-jam")}),
            QStringLiteral("3F-East 프린터에 용지가 걸렸습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 "
                           "인쇄하거나, 걸린 용지를 제거한 뒤 다시 시도하세요."));
        row("ko toner", ko, StateReason::printerFault(p, {QStringLiteral("toner-empty")}),
            QStringLiteral("3F-East 프린터에 토너가 없습니다. 작업은 계속 출력 대기 중이니 다른 프린터에서 "
                           "인쇄하거나, 토너를 교체한 뒤 다시 시도하세요."));
        row("ko two faults", ko,
            StateReason::printerFault(p, {QStringLiteral("media-jam"), QStringLiteral("toner-empty")}),
            QStringLiteral(
                "3F-East 프린터는 지금 인쇄할 수 없습니다(용지 걸림, 토너 없음). 작업은 계속 출력 대기 "
                "중이니 다른 프린터에서 인쇄하거나, 문제가 해결된 뒤 다시 시도하세요."));
        row("ko error", ko,
            StateReason::printerError(p, QStringLiteral("The printer refused the job: Bad request")),
            QStringLiteral(
                "3F-East 프린터에서 문제가 발생했습니다(The printer refused the job: Bad request). 작업은 "
                "계속 출력 대기 중이니 다시 시도하거나 다른 프린터에서 인쇄하세요."));
        row("ko lost", ko, StateReason::lostContact(p),
            QStringLiteral(
                "인쇄 중에 3F-East 프린터와의 연결이 끊어져 이미 인쇄되었을 수도 있습니다. 다시 인쇄하기 "
                "전에 프린터를 확인하세요."));
        row("ko aborted", ko, StateReason::printerEnded(p, true, {QStringLiteral("aborted-by-system")}),
            QStringLiteral("3F-East 프린터가 작업을 끝내지 못하고 중단했습니다. 작업은 다시 출력 대기 상태가 "
                           "되었으며 과금되지 "
                           "않았습니다. 프린터를 확인한 뒤 다시 인쇄하세요."));
        row("ko expired", ko, StateReason::expired(),
            QStringLiteral(
                "보관 기간 안에 인쇄되지 않아 삭제되었습니다. 아직 필요하면 문서를 다시 인쇄하세요."));
        // Held over a quota: the refusal's numbers, in words (the server stores them as the arguments).
        const QJsonObject refusal{{QStringLiteral("scope"), QStringLiteral("department")},
                                  {QStringLiteral("subject"), QStringLiteral("FIN")},
                                  {QStringLiteral("subjectName"), QStringLiteral("재무과")},
                                  {QStringLiteral("limit"), 70000},
                                  {QStringLiteral("spent"), 70000},
                                  {QStringLiteral("remaining"), 0},
                                  {QStringLiteral("cost"), 1200},
                                  {QStringLiteral("currency"), QStringLiteral("KRW")},
                                  {QStringLiteral("period"), QStringLiteral("2026-11")}};
        row("en quota", en, StateReason{QStringLiteral("quota-exceeded"), refusal, {}},
            QStringLiteral(
                "This job costs ₩1,200, but the monthly quota of 재무과 is used up. The job is still "
                "held: ask your department head or the print admin for an extra allowance for 재무과, "
                "or print it next month."));
        row("ko quota", ko, StateReason{QStringLiteral("quota-exceeded"), refusal, {}},
            QStringLiteral(
                "이 작업은 ₩1,200이지만 재무과의 이번 달 할당량을 모두 사용했습니다. 작업은 계속 "
                "출력 대기 중이니, 부서장이나 관리자에게 재무과의 추가 할당을 요청하거나 다음 달에 "
                "인쇄하세요."));
        // Codes this app does not know, and jobs from before codes: the server's English.
        row("ko unknown code", ko, StateReason{QStringLiteral("toner-stolen"), {}, {}},
            QStringLiteral("English from the server."));
        row("ko no code", ko, StateReason(), QStringLiteral("English from the server."));
    }
    void stateReasons()
    {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QJsonObject, args);
        QFETCH(QString, text);
        QVERIFY(Translations::install(qApp, language));
        JobInfo j;
        j.id = 1;
        j.name = QStringLiteral("report.pdf");
        j.setReason({code, args, QStringLiteral("English from the server.")});
        QCOMPARE(NotificationText::stateReason(j), text);
        // The job list says the same, as the row's tooltip too.
        JobListModel m;
        m.setJobs({j});
        QCOMPARE(m.index(0).data(JobListModel::StateReasonRole).toString(), text);
        QCOMPARE(m.index(0).data(Qt::ToolTipRole).toString(), text);
        QLocale::setDefault(QLocale::c());
    }

    void releaseFailedNotifications()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        const StateReason jam =
            StateReason::printerFault(QStringLiteral("3F-East"), {QStringLiteral("media-jam")});
        // The reason the server gave wins over what the printer says now.
        auto failed =
            NotificationText::forEvent(QStringLiteral("job-release-failed"), failedEvent(jam),
                                       PrinterListModel::describeFaults({QStringLiteral("toner-empty")}));
        QVERIFY(failed);
        QCOMPARE(failed->severity, NotificationText::Severity::Warning);
        QCOMPARE(failed->title, QStringLiteral("Not printed"));
        QCOMPARE(failed->body,
                 QStringLiteral("report.pdf: 3F-East has a paper jam. Your job is still held: print it "
                                "at another printer, or try again once the jam is cleared."));
        // It may have printed after all: the title does not say it did not.
        failed = NotificationText::forEvent(QStringLiteral("job-release-failed"),
                                            failedEvent(StateReason::lostContact(QStringLiteral("3F-East"))));
        QCOMPARE(failed->title, QStringLiteral("Check the printer"));
        QVERIFY2(failed->body.startsWith(QLatin1String("report.pdf: The connection to 3F-East was lost")),
                 qPrintable(failed->body));

        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        failed = NotificationText::forEvent(QStringLiteral("job-release-failed"), failedEvent(jam));
        QCOMPARE(failed->title, QStringLiteral("인쇄되지 않음"));
        QCOMPARE(failed->body,
                 QStringLiteral("report.pdf: 3F-East 프린터에 용지가 걸렸습니다. 작업은 계속 출력 대기 "
                                "중이니 다른 프린터에서 인쇄하거나, 걸린 용지를 제거한 뒤 다시 시도하세요."));
        failed = NotificationText::forEvent(
            QStringLiteral("job-release-failed"),
            failedEvent(StateReason::printerEnded(QStringLiteral("3F-East"), true, {})));
        QVERIFY2(failed->body.contains(QStringLiteral("과금되지 않았습니다")), qPrintable(failed->body));
        // A code this app does not know: the old wording with the server's English.
        failed = NotificationText::forEvent(
            QStringLiteral("job-release-failed"),
            failedEvent({QStringLiteral("toner-stolen"), {}, QStringLiteral("Someone took the toner.")}));
        QVERIFY2(failed->body.endsWith(QLatin1String("\nSomeone took the toner.")), qPrintable(failed->body));
        QLocale::setDefault(QLocale::c());
    }

    // A release refused over a quota ("quota-exceeded"), and quota states, in words and in both languages.
    void quotaTexts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QJsonObject>("quota");
        QTest::addColumn<QString>("text");
        const QJsonObject user{{QStringLiteral("scope"), QStringLiteral("user")},
                               {QStringLiteral("subject"), QStringLiteral("kim")},
                               {QStringLiteral("limit"), 50000},
                               {QStringLiteral("spent"), 49000},
                               {QStringLiteral("remaining"), 1000},
                               {QStringLiteral("cost"), 2400},
                               {QStringLiteral("currency"), QStringLiteral("KRW")},
                               {QStringLiteral("period"), QStringLiteral("2026-11")}};
        QJsonObject usedUp = user;
        usedUp[QStringLiteral("spent")] = 50000;
        usedUp[QStringLiteral("remaining")] = 0;
        QJsonObject dept = user;
        dept[QStringLiteral("scope")] = QStringLiteral("department");
        dept[QStringLiteral("subject")] = QStringLiteral("FIN");
        dept[QStringLiteral("subjectName")] = QStringLiteral("재무과");
        QJsonObject deptNoName = dept;
        deptNoName.remove(QStringLiteral("subjectName"));
        QTest::newRow("en user")
            << "en" << user
            << "This job costs ₩2,400, but only ₩1,000 is left of your monthly quota. Print "
               "fewer pages or copies, print in black and white or on both sides, or ask "
               "your department head for an extra allowance.";
        QTest::newRow("en used up")
            << "en" << usedUp
            << "This job costs ₩2,400, but your monthly quota is used up. The job is still "
               "held: ask your department head for an extra allowance, or print it next "
               "month.";
        QTest::newRow("en department code")
            << "en" << deptNoName
            << "This job costs ₩2,400, but only ₩1,000 is left of the monthly "
               "quota of FIN. Print fewer pages or copies, print in black and white "
               "or on both sides, or ask your department head or the print admin "
               "for an extra allowance for FIN.";
        QTest::newRow("ko user")
            << "ko" << user
            << "이 작업은 ₩2,400이지만 이번 달 할당량이 ₩1,000 남았습니다. 매수를 줄이거나 "
               "흑백·양면으로 인쇄하거나, 부서장에게 추가 할당을 요청하세요.";
        QTest::newRow("ko used up")
            << "ko" << usedUp
            << "이 작업은 ₩2,400이지만 이번 달 할당량을 모두 사용했습니다. 작업은 계속 "
               "출력 대기 중이니, 부서장에게 추가 할당을 요청하거나 다음 달에 인쇄하세요.";
        QTest::newRow("ko department")
            << "ko" << dept
            << "이 작업은 ₩2,400이지만 재무과의 이번 달 할당량이 ₩1,000 남았습니다. "
               "매수를 줄이거나 흑백·양면으로 인쇄하거나, 부서장이나 관리자에게 "
               "재무과의 추가 할당을 요청하세요.";
        // Without the quota object the server's own message is shown instead.
        QTest::newRow("no quota object") << "ko" << QJsonObject() << "";
    }
    void quotaTexts()
    {
        QFETCH(QString, language);
        QFETCH(QJsonObject, quota);
        QFETCH(QString, text);
        QVERIFY(Translations::install(qApp, language));
        QCOMPARE(QuotaText::refusal(quota), text);
        QLocale::setDefault(QLocale::c());
    }

    void quotaStates()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        QuotaState q;
        q.scope = QStringLiteral("user");
        q.subject = QStringLiteral("kim");
        q.limit = 50000;
        q.spent = 40000;
        q.policy = QuotaPolicy::Hard;
        QCOMPARE(QuotaText::usedLine(q, QStringLiteral("KRW")),
                 QStringLiteral("₩50,000 중 ₩40,000 사용(80%) · ₩10,000 남음"));
        QCOMPARE(QuotaText::remainingShort(q, QStringLiteral("KRW")),
                 QStringLiteral("이번 달 할당량 ₩50,000 중 ₩10,000 남음"));
        QCOMPARE(QuotaText::periodName(QStringLiteral("2026-11")), QStringLiteral("2026년 11월"));
        // A soft quota overspent says by how much.
        q.policy = QuotaPolicy::Soft;
        q.spent = 52000;
        QVERIFY2(QuotaText::usedLine(q, QStringLiteral("KRW")).endsWith(QStringLiteral("₩2,000 초과")),
                 qPrintable(QuotaText::usedLine(q, QStringLiteral("KRW"))));
        removeTranslators();
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        QCOMPARE(QuotaText::periodName(QStringLiteral("2026-11")), QStringLiteral("November 2026"));
        q.scope = QStringLiteral("department");
        q.subjectName = QStringLiteral("재무과");
        const QJsonObject event{{QStringLiteral("quota"), q.toJson()},
                                {QStringLiteral("threshold"), 100},
                                {QStringLiteral("currency"), QStringLiteral("KRW")}};
        const auto message = NotificationText::forEvent(QStringLiteral("quota-warning"), event);
        QVERIFY(message);
        QCOMPARE(message->body, QStringLiteral("The monthly quota of 재무과 is used up (₩52,000 of ₩50,000). "
                                               "Jobs still print; the department head is told."));
        QLocale::setDefault(QLocale::c());
    }

    void jobDetails()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        JobListModel m;
        JobInfo j;
        j.id = 1;
        j.name = QStringLiteral("budget.pdf");
        j.pages = 3;
        j.color = true;
        j.options.copies = 2;
        j.options.sides = QStringLiteral("two-sided-long-edge");
        j.submitted = QDateTime(QDate(2026, 11, 20), QTime(6, 0), Qt::UTC);
        j.expires = QDateTime(QDate(2026, 11, 21), QTime(6, 0), Qt::UTC);
        m.setJobs({j});
        const QStringList lines = JobItemDelegate::detailLines(m.index(0));
        QCOMPARE(lines.value(0),
                 QStringLiteral("3 pages  \u00b7  Colour  \u00b7  Two-sided  \u00b7  2 copies"));
        QVERIFY(lines.value(1).startsWith(QLatin1String("Submitted ")));
        QVERIFY(JobItemDelegate::statusLine(m.index(0)).isEmpty());
        j.state = JobState::Releasing;
        j.printer = QStringLiteral("3F-East");
        m.applyEvent(QStringLiteral("job-releasing"), {{QStringLiteral("job"), j.toJson()}});
        QCOMPARE(JobItemDelegate::statusLine(m.index(0)), QStringLiteral("Sending to 3F-East..."));
    }

    void serverAddress_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("url");
        QTest::newRow("bare host") << "print.example.org"
                                   << "https://print.example.org:8631";
        QTest::newRow("host and port") << "print.example.org:9000"
                                       << "https://print.example.org:9000";
        QTest::newRow("https") << "https://print.example.org"
                               << "https://print.example.org";
        QTest::newRow("trailing slash") << "https://print.example.org:8631/"
                                        << "https://print.example.org:8631";
        QTest::newRow("loopback http") << "http://127.0.0.1:8080"
                                       << "http://127.0.0.1:8080";
        QTest::newRow("spaces around") << "  print.example.org  "
                                       << "https://print.example.org:8631";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("space inside") << "print example"
                                      << "";
        QTest::newRow("ftp") << "ftp://print.example.org"
                             << "";
    }
    void serverAddress()
    {
        QFETCH(QString, typed);
        QFETCH(QString, url);
        QCOMPARE(SignInDialog::parseServerUrl(typed).toString(), url);
    }

    void trayIconShowsTheCount()
    {
        const QImage none = TrayIconPainter::pixmap(0, TrayIconPainter::Status::SignedIn, 32).toImage();
        const QImage three = TrayIconPainter::pixmap(3, TrayIconPainter::Status::SignedIn, 32).toImage();
        const QImage many = TrayIconPainter::pixmap(120, TrayIconPainter::Status::SignedIn, 32).toImage();
        QCOMPARE(none.size(), QSize(32, 32));
        QVERIFY(none != three);
        QVERIFY(three != many);
        // The badge is red, top right.
        const QColor badge = three.pixelColor(31 - 4, 9);
        QVERIFY2(badge.red() > 150 && badge.green() < 100, qPrintable(badge.name()));
        QCOMPARE(none.pixelColor(31 - 4, 9).alpha(), 0);
        QVERIFY(!TrayIconPainter::icon(2, TrayIconPainter::Status::Offline).isNull());
    }

    // Issue 13 §2: every code the server sends, documented in docs/api.md (the stateReasonCode table,
    // error answers such as "`409 wrong-state`" and "error": "...") or agreed for issue 13 and not yet
    // documented there, has a sentence in English and in Korean. A newly documented code without a
    // sentence fails here.
    void everyServerCodeIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }
    void everyServerCodeIsTranslated()
    {
        QFETCH(QString, language);
        QFile f(QStringLiteral(MPS_SOURCE_DIR "/docs/api.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString api = QString::fromUtf8(f.readAll());
        QStringList codes;
        bool inReasonTable = false;
        static const QRegularExpression rowCodes(QStringLiteral("`([a-z][a-z0-9-]+)`"));
        for (const QString& line : api.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("| `stateReasonCode`"))) {
                inReasonTable = true;
                continue;
            }
            if (inReasonTable && !line.startsWith(QLatin1Char('|'))) {
                inReasonTable = false;
            }
            if (inReasonTable && !line.startsWith(QLatin1String("|---"))) {
                // The first cell may name several codes: `printer-aborted`, `printer-canceled`.
                const QString first = line.section(QLatin1Char('|'), 1, 1);
                auto it = rowCodes.globalMatch(first);
                while (it.hasNext())
                    codes << it.next().captured(1);
            }
        }
        const int reasonCodes = static_cast<int>(codes.size());
        QVERIFY2(reasonCodes >= 10, "the stateReasonCode table of docs/api.md was not found");
        static const QRegularExpression errorAnswer(QStringLiteral("`[1-5][0-9][0-9] ([a-z][a-z0-9-]+)"));
        static const QRegularExpression errorField(QStringLiteral("\"error\": ?\"([a-z][a-z0-9-]+)\""));
        for (const QRegularExpression* re : {&errorAnswer, &errorField}) {
            auto it = re->globalMatch(api);
            while (it.hasNext())
                codes << it.next().captured(1);
        }
        QVERIFY2(codes.size() > reasonCodes + 15, "the error codes of docs/api.md were not found");
        // Agreed for issue 13 (the server side may document them later).
        codes << QStringLiteral("option-unsupported") << QStringLiteral("unsupported-format")
              << QStringLiteral("hwp-unsupported") << QStringLiteral("encrypted-document")
              << QStringLiteral("bad-document") << QStringLiteral("conversion-failed")
              << QStringLiteral("converter-busy") << QStringLiteral("too-large")
              << QStringLiteral("quota-exceeded") << QStringLiteral("consent-required");
        codes.removeDuplicates();

        QVERIFY(Translations::install(qApp, language));
        static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
        QStringList missing;
        for (const QString& code : std::as_const(codes)) {
            const QJsonObject args{{QStringLiteral("printer"), QStringLiteral("3F-East")},
                                   {QStringLiteral("faults"), QJsonArray{QStringLiteral("media-jam")}},
                                   {QStringLiteral("option"), QStringLiteral("sides")},
                                   {QStringLiteral("value"), QStringLiteral("two-sided-long-edge")}};
            const QString text = ServerErrorText::sentence(code, args);
            // As a job's reason too (option-unsupported may be one).
            JobInfo job;
            job.stateReason = QStringLiteral("English from the server");
            job.stateReasonCode = code;
            job.stateReasonArgs = args;
            const QString reason = NotificationText::stateReason(job);
            if (text.isEmpty() || reason == job.stateReason ||
                (language == QLatin1String("ko") && !text.contains(hangul)))
                missing << code;
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(
                QStringLiteral("no %1 sentence for: %2").arg(language, missing.join(QLatin1String(", ")))));
    }

    // Issue 13 §4: Korean particles are not written as "을(를)" after a placeholder; the sentences are
    // phrased so that none is needed (or the particle is chosen in code).
    void noDoubleParticlesInKorean()
    {
        QFile f(QStringLiteral(MPS_SOURCE_DIR "/translations/mps_ko.ts"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString ts = QString::fromUtf8(f.readAll());
        static const QRegularExpression doubled(QStringLiteral(
            "<translation>[^<]*(을\\(를\\)|를\\(을\\)|이\\(가\\)|가\\(이\\)|은\\(는\\)|는\\(은\\)|"
            "와\\(과\\)|과\\(와\\)|\\(으\\)로|\\(이\\)[가-힣])[^<]*</translation>"));
        const QRegularExpressionMatch m = doubled.match(ts);
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured(0)));
        QVERIFY2(!ts.contains(QLatin1String("보류됨")), "held is 출력 대기, not 보류됨");
        QVERIFY2(!ts.contains(QLatin1String("SHA-256 지문")),
                 "the certificate has a check code, not a fingerprint");
    }

    // Issue 13 §4: the certificate's check code in groups of 4 hex digits, two lines.
    void certificateCheckCode()
    {
        QStringList pairs;
        for (int i = 0; i < 32; ++i)
            pairs << QStringLiteral("%1").arg(i * 7 % 256, 2, 16, QLatin1Char('0')).toUpper();
        const QString code = SignInDialog::checkCode(pairs.join(QLatin1Char(':')));
        const QStringList lines = code.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        for (const QString& line : lines) {
            const QStringList groups = line.split(QLatin1Char(' '));
            QCOMPARE(groups.size(), 8);
            for (const QString& g : groups)
                QCOMPARE(g.size(), 4);
        }
        QCOMPARE(lines.first().left(9), QStringLiteral("0007 0E15"));
        QCOMPARE(SignInDialog::checkCode(QStringLiteral("not one")), QStringLiteral("not one"));
    }

    void translationsComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("ko") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_ko.ts");
        QTest::newRow("en") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_en.ts");
        // The kiosk's catalogues are held to the same rule.
        QTest::newRow("kiosk ko") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_kiosk_ko.ts");
        QTest::newRow("kiosk en") << QStringLiteral(MPS_SOURCE_DIR "/translations/mps_kiosk_en.ts");
    }
    void translationsComplete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        struct Message
        {
            QString source;
            QStringList translations;
            bool unfinished = false;
        };
        QList<Message> messages;
        QXmlStreamReader xml(&f);
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("message")) {
                messages.append(Message());
            } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
                messages.last().source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
                const QStringView type = xml.attributes().value(QLatin1String("type"));
                messages.last().unfinished = !type.isEmpty();
                // Either plain text or <numerusform> children.
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                        messages.last().translations << xml.readElementText();
                    else if (xml.isCharacters())
                        text += xml.text();
                }
                if (messages.last().translations.isEmpty())
                    messages.last().translations << text;
            }
        }
        QVERIFY2(!xml.hasError(),
                 qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
        QVERIFY(messages.size() > 100);
        static const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        for (const Message& m : std::as_const(messages)) {
            QVERIFY2(!m.unfinished, qPrintable(QStringLiteral("unfinished: ") + m.source));
            for (qsizetype i = 0; i < m.translations.size(); ++i) {
                const QString& t = m.translations.at(i);
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(QStringLiteral("empty: ") + m.source));
                // Every placeholder of the source survives translation; a singular form ("the selected
                // job") may leave out the number itself.
                auto it = placeholder.globalMatch(m.source);
                while (it.hasNext()) {
                    const QString p = it.next().captured();
                    if (p == QLatin1String("%n") && i == 0 && m.translations.size() > 1)
                        continue;
                    QVERIFY2(t.contains(p), qPrintable(QStringLiteral("%1 lost in: %2").arg(p, t)));
                }
            }
        }
    }
};

QTEST_MAIN(TestClientText)
#include "TestClientText.moc"
