// JobModel, PrinterModel and KioskText on fixture data (no server).
#include "JobModel.h"
#include "KioskText.h"
#include "PrinterModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

namespace {
JobInfo job(qint64 id, JobState state, const QString& reason = {})
{
    JobInfo j;
    j.id = id;
    j.owner = QStringLiteral("kim");
    j.name = QStringLiteral("doc%1.pdf").arg(id);
    j.pages = static_cast<int>(id);
    j.state = state;
    j.stateReason = reason;
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
