// JobModel, PrinterModel and KioskText on fixture data (no server), in English and Korean.
#include "JobModel.h"
#include "KioskText.h"
#include "KioskTranslations.h"
#include "PrinterModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

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

QJsonObject printer(qint64 id, const QString& name, const QString& location, bool canPrint, const QStringList& faults = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("location"), location},
            {QStringLiteral("reachable"), true},
            {QStringLiteral("state"), QStringLiteral("idle")},
            {QStringLiteral("canPrint"), canPrint},
            {QStringLiteral("faults"), QJsonArray::fromStringList(faults)}};
}
} // namespace

class TestKioskModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobModelRolesAndSelection()
    {
        JobModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setJobs({job(1, JobState::Held), job(2, JobState::Printing), job(3, JobState::Held)});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(m.heldCount(), 2);
        const QHash<int, QByteArray> roles = m.roleNames();
        for (const char* r : {"jobId", "name", "pages", "thumbnail", "selected", "jobState", "stateText", "selectable", "details"})
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
        m.setPrinters({printer(1, QStringLiteral("3F-East"), QStringLiteral("3F East wing"), false, {QStringLiteral("media-jam")}),
                       printer(2, QStringLiteral("B1-Copy"), QStringLiteral("B1 print room"), true),
                       printer(3, QStringLiteral("3F-West"), QStringLiteral("3F West wing"), true),
                       printer(4, QStringLiteral("2F-Hall"), QStringLiteral("2F hall"), false, {QStringLiteral("toner-empty")}),
                       printer(5, QStringLiteral("4F-North"), QStringLiteral("4F north"), true)},
                      1, QStringLiteral("3F East wing"));
        QCOMPARE(m.names(), (QStringList{QStringLiteral("3F-West"), QStringLiteral("4F-North"), QStringLiteral("B1-Copy")}));
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
            QStringLiteral("출력 서버에서 이 문서를 읽을 수 없습니다. 컴퓨터에서 문서를 다시 보내거나 프린터 "
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
        QCOMPARE(KioskText::faults(printer(1, QStringLiteral("p"), {}, false, {QStringLiteral("media-jam"), QStringLiteral("toner-empty-report")})),
                 QStringLiteral("paper jam, out of toner"));
        QVERIFY(KioskText::printerState(printer(1, QStringLiteral("p"), {}, false, {QStringLiteral("media-empty")}))
                    .contains(QStringLiteral("out of paper")));
        QCOMPARE(KioskText::printerState(printer(1, QStringLiteral("p"), {}, true)), QStringLiteral("Ready"));
        QVERIFY(KioskText::forError(QStringLiteral("locked"), {}).contains(QStringLiteral("locked")));
        QCOMPARE(KioskText::forError(QStringLiteral("something-new"), QStringLiteral("Server says so.")), QStringLiteral("Server says so."));
    }
};

QTEST_GUILESS_MAIN(TestKioskModels)
#include "TestKioskModels.moc"
