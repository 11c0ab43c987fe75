// JobListModel against fixture JSON: roles, order, push events, merging, thumbnails and actions
// (through the real ApiClient and EventStream against a FakeApiServer).
#include "ApiClient.h"
#include "EventStream.h"
#include "FakeApiServer.h"
#include "JobListModel.h"
#include "ManualClock.h"
#include "TestData.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace {

QJsonObject fixture()
{
    return QJsonDocument::fromJson(
               TestData::readFile(QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/client-jobs.json")))
        .object();
}

QJsonObject fixtureJob(qint64 id)
{
    for (const QJsonValue& v : fixture().value(QLatin1String("jobs")).toArray()) {
        if (v.toObject().value(QLatin1String("id")).toInteger() == id)
            return v.toObject();
    }
    return {};
}

QJsonObject jobEvent(const QJsonObject& job)
{
    return {{QStringLiteral("job"), job}};
}

QByteArray png(int w, int h)
{
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(Qt::white);
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    img.save(&buf, "PNG");
    return bytes;
}

QList<qint64> ids(const JobListModel& m)
{
    QList<qint64> out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r).data(JobListModel::IdRole).toLongLong();
    return out;
}

} // namespace

class TestJobListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesFromFixture()
    {
        JobListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m.setJobsFromJson(fixture()));
        // The printed job is history, not "my jobs"; newest first.
        QCOMPARE(ids(m), (QList<qint64>{12, 11, 10}));
        QCOMPARE(m.heldCount(), 2);

        const QModelIndex report = m.index(0);
        QCOMPARE(report.data(Qt::DisplayRole).toString(), QStringLiteral("report.pdf"));
        QCOMPARE(report.data(JobListModel::NameRole).toString(), QStringLiteral("report.pdf"));
        QCOMPARE(report.data(JobListModel::PagesRole).toInt(), 12);
        QCOMPARE(report.data(JobListModel::MonochromeRole).toBool(), true); // no colour in it
        QCOMPARE(report.data(JobListModel::DuplexRole).toBool(), false);
        QCOMPARE(report.data(JobListModel::CopiesRole).toInt(), 1);
        QCOMPARE(report.data(JobListModel::SheetsRole).toInt(), 12);
        QCOMPARE(report.data(JobListModel::StateRole).toString(), QStringLiteral("held"));
        QCOMPARE(report.data(JobListModel::SubmittedRole).toDateTime(),
                 QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC));
        QCOMPARE(report.data(JobListModel::ExpiresRole).toDateTime(),
                 QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC));

        const QModelIndex budget = m.index(1);
        QCOMPARE(budget.data(JobListModel::MonochromeRole).toBool(), false);
        QCOMPARE(budget.data(JobListModel::ColorModeRole).toString(), QStringLiteral("color"));
        QCOMPARE(budget.data(JobListModel::DuplexRole).toBool(), true);
        QCOMPARE(budget.data(JobListModel::SidesRole).toString(), QStringLiteral("two-sided-long-edge"));
        QCOMPARE(budget.data(JobListModel::CopiesRole).toInt(), 2);
        QCOMPARE(budget.data(JobListModel::SheetsRole).toInt(), 4);
        QVERIFY(budget.data(JobListModel::StateReasonRole).toString().contains(QLatin1String("paper jam")));

        const QModelIndex map = m.index(2);
        QCOMPARE(map.data(JobListModel::MonochromeRole).toBool(), true); // colour document, printed mono
        QCOMPARE(map.data(JobListModel::StateRole).toString(), QStringLiteral("releasing"));
        QCOMPARE(map.data(JobListModel::PrinterRole).toString(), QStringLiteral("2F-West"));
        // No ApiClient: no thumbnail, and asking for one does no harm.
        QVERIFY(map.data(JobListModel::ThumbnailRole).value<QImage>().isNull());

        const QHash<int, QByteArray> names = m.roleNames();
        for (const char* n : {"jobId", "name", "pages", "monochrome", "duplex", "copies", "submitted",
                              "expires", "thumbnail", "state"})
            QVERIFY2(names.values().contains(QByteArray(n)), n);
        QVERIFY(!m.setJobsFromJson(QJsonObject{{QStringLiteral("nope"), 1}}));
    }

    void eventsUpdateTheList()
    {
        JobListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setOwner(QStringLiteral("kim"));
        QVERIFY(m.setJobsFromJson(fixture()));
        QSignalSpy held(&m, &JobListModel::heldCountChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);

        // A new job arrives: newest, so first.
        QJsonObject job = fixtureJob(12);
        job[QStringLiteral("id")] = 13;
        job[QStringLiteral("name")] = QStringLiteral("minutes.pdf");
        job[QStringLiteral("submitted")] = QStringLiteral("2026-11-24T07:00:00Z");
        m.applyEvent(QStringLiteral("job-held"), jobEvent(job));
        QCOMPARE(ids(m), (QList<qint64>{13, 12, 11, 10}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m.heldCount(), 3);
        QCOMPARE(held.count(), 1);

        // Options changed elsewhere (the kiosk): the row changes in place.
        QJsonObject report = fixtureJob(12);
        report[QStringLiteral("options")] =
            QJsonObject{{QStringLiteral("copies"), 3},
                        {QStringLiteral("sides"), QStringLiteral("two-sided-long-edge")},
                        {QStringLiteral("colorMode"), QStringLiteral("monochrome")}};
        m.applyEvent(QStringLiteral("job-changed"), jobEvent(report));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.index(1).data(JobListModel::CopiesRole).toInt(), 3);
        QCOMPARE(m.index(1).data(JobListModel::DuplexRole).toBool(), true);

        // Released at the kiosk: still listed, no longer held.
        report[QStringLiteral("state")] = QStringLiteral("releasing");
        report[QStringLiteral("printer")] = QStringLiteral("3F-East");
        m.applyEvent(QStringLiteral("job-releasing"), jobEvent(report));
        QCOMPARE(m.rowCount(), 4);
        QCOMPARE(m.heldCount(), 2);

        // Printed, deleted, expired: gone.
        report[QStringLiteral("state")] = QStringLiteral("printed");
        m.applyEvent(QStringLiteral("job-printed"), jobEvent(report));
        QJsonObject budget = fixtureJob(11);
        budget[QStringLiteral("state")] = QStringLiteral("deleted");
        m.applyEvent(QStringLiteral("job-deleted"), jobEvent(budget));
        job[QStringLiteral("state")] = QStringLiteral("expired");
        m.applyEvent(QStringLiteral("job-expired"), jobEvent(job));
        QCOMPARE(ids(m), (QList<qint64>{10}));
        QCOMPARE(removed.count(), 3);
        QCOMPARE(m.heldCount(), 0);

        // A failed release puts a job back as held, with the reason.
        QJsonObject map = fixtureJob(10);
        map[QStringLiteral("state")] = QStringLiteral("held");
        map[QStringLiteral("stateReason")] =
            QStringLiteral("2F-West cannot print now (out of paper). The job is still held.");
        m.applyEvent(QStringLiteral("job-release-failed"), jobEvent(map));
        QCOMPARE(m.heldCount(), 1);
        QVERIFY(!m.index(0).data(JobListModel::StateReasonRole).toString().isEmpty());

        // Someone else's job (an administrator hears of all) and printer events change nothing.
        QJsonObject other = fixtureJob(12);
        other[QStringLiteral("id")] = 99;
        other[QStringLiteral("owner")] = QStringLiteral("lee");
        m.applyEvent(QStringLiteral("job-held"), jobEvent(other));
        m.applyEvent(QStringLiteral("printer-changed"), {{QStringLiteral("printer"), QJsonObject{}}});
        QCOMPARE(ids(m), (QList<qint64>{10}));

        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QCOMPARE(m.heldCount(), 0);
    }

    void mergeKeepsUnchangedRows()
    {
        JobListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m.setJobsFromJson(fixture()));
        const QPersistentModelIndex budget(m.index(1));
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QJsonArray jobs;
        jobs << fixtureJob(11) << fixtureJob(10);
        QVERIFY(m.setJobsFromJson({{QStringLiteral("jobs"), jobs}}));
        QCOMPARE(ids(m), (QList<qint64>{11, 10}));
        QCOMPARE(reset.count(), 0);
        QVERIFY(budget.isValid()); // a selection on it survives
        QCOMPARE(budget.row(), 0);
    }

    void expiringSoon()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 24), QTime(6, 0), Qt::UTC).toSecsSinceEpoch());
        JobListModel m(nullptr, nullptr, &clock);
        m.setExpiryWarning(3600);
        QVERIFY(m.setJobsFromJson(fixture()));
        QCOMPARE(m.index(0).data(JobListModel::ExpiringSoonRole).toBool(), false);
        clock.advance(23 * 3600 + 1); // 12 expires at 06:00 the next day
        QCOMPARE(m.index(0).data(JobListModel::ExpiringSoonRole).toBool(), true);
        QCOMPARE(m.index(1).data(JobListModel::ExpiringSoonRole).toBool(), true); // 05:30
        clock.advance(-12 * 3600);
        QCOMPARE(m.index(0).data(JobListModel::ExpiringSoonRole).toBool(), false);
        // The server's warning counts whatever the clock says.
        m.applyEvent(QStringLiteral("job-expiring"), jobEvent(fixtureJob(12)));
        QCOMPARE(m.index(0).data(JobListModel::ExpiringSoonRole).toBool(), true);
    }

    void fetchesListAndThumbnails()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.routeJson("GET", QStringLiteral("/api/v1/jobs"), 200, fixture());
        server.route("GET", QStringLiteral("/api/v1/jobs/12/thumbnail"), 200, png(181, 256), "image/png");
        server.route("GET", QStringLiteral("/api/v1/jobs/11/thumbnail"), 200, png(10, 14), "image/png");
        ApiClient api;
        api.setBaseUrl(server.url());
        api.setToken(QStringLiteral("t0ken"));
        JobListModel m(&api);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(&m, &JobListModel::loadingChanged);
        m.refresh();
        QVERIFY(m.isLoading());
        QTRY_VERIFY(!m.isLoading());
        QCOMPARE(loading.count(), 2);
        QVERIFY(m.errorString().isEmpty());
        QCOMPARE(ids(m), (QList<qint64>{12, 11, 10}));
        QCOMPARE(
            server.requests("GET", QStringLiteral("/api/v1/jobs")).value(0).headers.value("authorization"),
            QByteArray("Bearer t0ken"));

        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QVERIFY(m.index(0).data(JobListModel::ThumbnailRole).value<QImage>().isNull()); // asks for it
        QVERIFY(m.index(0).data(Qt::DecorationRole).value<QImage>().isNull());          // only once
        QTRY_VERIFY(!m.index(0).data(JobListModel::ThumbnailRole).value<QImage>().isNull());
        const QImage thumb = m.index(0).data(JobListModel::ThumbnailRole).value<QImage>();
        QCOMPARE(qMax(thumb.width(), thumb.height()), JobListModel::thumbnailSize());
        QCOMPARE(server.requests("GET", QStringLiteral("/api/v1/jobs/12/thumbnail")).size(), 1);
        QVERIFY(!changed.isEmpty());
        // Cached: asking again fetches nothing.
        (void)m.index(0).data(JobListModel::ThumbnailRole);
        QCOMPARE(server.requests("GET", QStringLiteral("/api/v1/jobs/12/thumbnail")).size(), 1);
        // A small one stays as it is; a missing one (404) is not asked for again and again.
        (void)m.index(1).data(JobListModel::ThumbnailRole);
        (void)m.index(2).data(JobListModel::ThumbnailRole);
        QTRY_COMPARE(m.index(1).data(JobListModel::ThumbnailRole).value<QImage>().size(), QSize(10, 14));
        QTRY_COMPARE(server.requests("GET", QStringLiteral("/api/v1/jobs/10/thumbnail")).size(), 1);
        QTest::qWait(50);
        (void)m.index(2).data(JobListModel::ThumbnailRole);
        QTest::qWait(50);
        QCOMPARE(server.requests("GET", QStringLiteral("/api/v1/jobs/10/thumbnail")).size(), 1);
    }

    void fetchErrorIsASentence()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.route("GET", QStringLiteral("/api/v1/jobs"), 500,
                     R"({"error":"internal","message":"The server had a problem. Try again in a minute."})");
        ApiClient api;
        api.setBaseUrl(server.url());
        api.setToken(QStringLiteral("t"));
        JobListModel m(&api);
        m.refresh();
        QTRY_VERIFY(!m.isLoading());
        QCOMPARE(m.errorString(), QStringLiteral("The server had a problem. Try again in a minute."));
        QCOMPARE(m.rowCount(), 0);
    }

    void actions()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.routeJson("GET", QStringLiteral("/api/v1/jobs"), 200, fixture());
        server.routeJson("DELETE", QStringLiteral("/api/v1/jobs/12"), 200, {{QStringLiteral("deleted"), 12}});
        server.route(
            "DELETE", QStringLiteral("/api/v1/jobs/10"), 409,
            R"({"error":"wrong-state","message":"This job is already printing and can no longer be deleted."})");
        QJsonObject budget = fixtureJob(11);
        budget[QStringLiteral("options")] =
            QJsonObject{{QStringLiteral("copies"), 5},
                        {QStringLiteral("sides"), QStringLiteral("one-sided")},
                        {QStringLiteral("colorMode"), QStringLiteral("monochrome")}};
        server.routeJson("PATCH", QStringLiteral("/api/v1/jobs/11"), 200, {{QStringLiteral("job"), budget}});
        QJsonObject releasing = budget;
        releasing[QStringLiteral("state")] = QStringLiteral("releasing");
        releasing[QStringLiteral("printer")] = QStringLiteral("2F-West");
        server.routeJson("POST", QStringLiteral("/api/v1/jobs/11/release"), 202,
                         {{QStringLiteral("job"), releasing}});

        ApiClient api;
        api.setBaseUrl(server.url());
        api.setToken(QStringLiteral("t"));
        JobListModel m(&api);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.refresh();
        QTRY_COMPARE(m.rowCount(), 3);

        QSignalSpy finished(&m, &JobListModel::actionFinished);
        m.deleteJobs({12, 10});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<JobListModel::Action>(), JobListModel::Action::Delete);
        QCOMPARE(finished.at(0).at(1).toInt(), 1);
        const QStringList errors = finished.at(0).at(2).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(QLatin1String("map.jpg")), qPrintable(errors.first()));
        // The code (wrong-state) in the app's own words, not the server's English message.
        QVERIFY2(errors.first().contains(QLatin1String("no longer held")), qPrintable(errors.first()));
        QCOMPARE(ids(m), (QList<qint64>{11, 10}));

        m.updateJobs({11}, {{QStringLiteral("copies"), 5},
                            {QStringLiteral("colorMode"), QStringLiteral("monochrome")}});
        QTRY_COMPARE(finished.count(), 2);
        const auto patches = server.requests("PATCH", QStringLiteral("/api/v1/jobs/11"));
        QCOMPARE(patches.size(), 1);
        QCOMPARE(patches.first().json().value(QLatin1String("copies")).toInt(), 5);
        QCOMPARE(m.index(0).data(JobListModel::CopiesRole).toInt(), 5);
        QCOMPARE(m.index(0).data(JobListModel::DuplexRole).toBool(), false);

        m.releaseJobs({11}, QStringLiteral("2F-West"));
        QTRY_COMPARE(finished.count(), 3);
        QCOMPARE(finished.at(2).at(1).toInt(), 1);
        QCOMPARE(server.requests("POST", QStringLiteral("/api/v1/jobs/11/release"))
                     .value(0)
                     .json()
                     .value(QLatin1String("printer"))
                     .toString(),
                 QStringLiteral("2F-West"));
        QCOMPARE(m.index(0).data(JobListModel::StateRole).toString(), QStringLiteral("releasing"));
        QCOMPARE(m.heldCount(), 0);
    }

    void liveUpdatesThroughThePushChannel()
    {
        FakeApiServer server;
        QVERIFY(server.listen());
        server.routeJson("GET", QStringLiteral("/api/v1/jobs"), 200,
                         QJsonObject{{QStringLiteral("jobs"), QJsonArray()}});
        ApiClient api;
        api.setBaseUrl(server.url());
        api.setToken(QStringLiteral("t"));
        JobListModel m(&api);
        EventStream events(&api);
        // What TrayController wires: events into the model, a refetch on every (re)connection.
        connect(&events, &EventStream::eventReceived, &m, &JobListModel::applyEvent);
        connect(&events, &EventStream::connected, &m, &JobListModel::refresh);
        events.start();
        QTRY_COMPARE(server.eventStreams(), 1);
        QTRY_COMPARE(server.requests("GET", QStringLiteral("/api/v1/jobs")).size(), 1);
        QTRY_VERIFY(!m.isLoading());

        server.pushEvent(QStringLiteral("job-held"), jobEvent(fixtureJob(12)));
        QTRY_COMPARE(m.rowCount(), 1);
        QCOMPARE(m.heldCount(), 1);
        QJsonObject gone = fixtureJob(12);
        gone[QStringLiteral("state")] = QStringLiteral("deleted");
        server.pushEvent(QStringLiteral("job-deleted"), jobEvent(gone));
        QTRY_COMPARE(m.rowCount(), 0);
        events.stop();
    }
};

QTEST_MAIN(TestJobListModel)
#include "TestJobListModel.moc"
