// The Usage window and the quota parts of My jobs, against fixtures served by a FakeApiServer: what a
// user and a department head see, the quota bar's percentage and what is left, the member table's
// sorting, the CSV export saving the server's bytes, a release refused over a quota explained in
// words, and the quota-warning notification.
#include "ApiClient.h"
#include "ClientSettings.h"
#include "FakeApiServer.h"
#include "JobItemDelegate.h"
#include "JobListModel.h"
#include "JobUploader.h"
#include "MemberUsageModel.h"
#include "MyJobsWindow.h"
#include "NotificationText.h"
#include "PrinterListModel.h"
#include "QuotaGauge.h"
#include "Session.h"
#include "TestData.h"
#include "Translations.h"
#include "TrayController.h"
#include "UsageChartView.h"
#include "UsageController.h"
#include "UsageWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUrlQuery>

namespace {

const QString DataDir = QStringLiteral(MPS_SOURCE_DIR "/tests/unit/data/");

QByteArray fixtureBytes(const char* name)
{
    return TestData::readFile(DataDir + QString::fromLatin1(name));
}

QJsonObject fixture(const char* name)
{
    return QJsonDocument::fromJson(fixtureBytes(name)).object();
}

QJsonObject user(const char* role)
{
    return {{QStringLiteral("name"), QStringLiteral("kim")},
            {QStringLiteral("role"), QString::fromLatin1(role)},
            {QStringLiteral("department"), QStringLiteral("FIN")}};
}

void useLanguage(const QString& language)
{
    for (QTranslator* t : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QVERIFY(Translations::install(qApp, language));
}

QJsonObject refusal(const QString& scope)
{
    QJsonObject quota{{QStringLiteral("scope"), scope},
                      {QStringLiteral("subject"),
                       scope == QLatin1String("user") ? QStringLiteral("kim") : QStringLiteral("FIN")},
                      {QStringLiteral("limit"), 50000},
                      {QStringLiteral("spent"), 49000},
                      {QStringLiteral("remaining"), 1000},
                      {QStringLiteral("cost"), 2400},
                      {QStringLiteral("currency"), QStringLiteral("KRW")},
                      {QStringLiteral("period"), QStringLiteral("2026-11")}};
    if (scope == QLatin1String("department"))
        quota.insert(QStringLiteral("subjectName"), QStringLiteral("재무과"));
    return {{QStringLiteral("error"), QStringLiteral("quota-exceeded")},
            {QStringLiteral("message"), QStringLiteral("This job costs ₩2,400 but only ₩1,000 is left.")},
            {QStringLiteral("quota"), quota}};
}

} // namespace

class TestUsageWindow : public QObject
{
    Q_OBJECT

    FakeApiServer* m_server = nullptr;
    ApiClient* m_api = nullptr;
    UsageController* m_controller = nullptr;
    UsageWindow* m_window = nullptr;

    void open(const char* role)
    {
        m_controller->setUser(user(role));
        m_window->showAndRaise();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QTRY_VERIFY(!m_controller->isLoading());
    }

    QStringList column(int column) const
    {
        QStringList out;
        QAbstractItemModel* m = m_window->membersView()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            out << m->index(row, column).data().toString();
        return out;
    }

private Q_SLOTS:
    void initTestCase() { useLanguage(QStringLiteral("en")); }

    void init()
    {
        m_server = new FakeApiServer;
        QVERIFY(m_server->listen());
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/quota"), 200, fixture("usage-quota.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/trend"), 200, fixture("usage-trend.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/report?by=user"), 200,
                            fixture("usage-report-user.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/report?by=department"), 200,
                            fixture("usage-report-department.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/report?by=printer"), 200,
                            fixture("usage-report-printer.json"));
        m_server->route("GET", QStringLiteral("/api/v1/usage/report?by=user&format=csv"), 200,
                        fixtureBytes("usage-report.csv"), "text/csv; charset=utf-8");
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/savings"), 200,
                            fixture("usage-savings.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/departments"), 200, fixture("departments.json"));
        m_api = new ApiClient;
        m_api->setBaseUrl(m_server->url());
        m_api->setToken(QStringLiteral("t"));
        m_controller = new UsageController(m_api);
        m_window = new UsageWindow(m_controller);
        m_window->resize(1366, 768);
    }

    void cleanup()
    {
        delete m_window;
        delete m_controller;
        delete m_api;
        delete m_server;
    }

    void userSeesOnlyTheirOwnUsage()
    {
        open("user");
        QCOMPARE(m_window->tabs()->count(), 1);
        QVERIFY(!m_window->departmentPicker()->isVisible());
        // Nothing about departments was even asked for.
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api/v1/departments")).size(), 0);
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api/v1/usage/report")).size(), 0);
        // My trend was asked for me (no department, no user).
        const auto trend = m_server->requests("GET", QStringLiteral("/api/v1/usage/trend"));
        QCOMPARE(trend.size(), 1);
        QCOMPARE(QUrlQuery(trend.first().query).queryItemValue(QStringLiteral("months")),
                 QStringLiteral("12"));
        QVERIFY(!QUrlQuery(trend.first().query).hasQueryItem(QStringLiteral("department")));
        auto* chart = m_window->findChild<UsageChartView*>(QStringLiteral("myTrendChart"));
        QVERIFY(chart && chart->isChartShown());
    }

    void quotaBarShowsUseAndWhatIsLeft()
    {
        open("user");
        const QList<QuotaGauge*> gauges = m_window->myGauges();
        QCOMPARE(gauges.size(), 2); // mine, then my department's
        QCOMPARE(gauges.at(0)->barValue(), 80);
        QCOMPARE(gauges.at(0)->usedText(), QStringLiteral("₩40,000 of ₩50,000 used (80 %) - ₩10,000 left"));
        QVERIFY2(gauges.at(0)->policyText().startsWith(QLatin1String("Hard limit")),
                 qPrintable(gauges.at(0)->policyText()));
        QCOMPARE(gauges.at(1)->barValue(), 61);
        QCOMPARE(gauges.at(1)->usedText(),
                 QStringLiteral("₩612,400 of ₩1,000,000 used (61 %) - ₩387,600 left"));
    }

    void departmentHeadSeesThePicker()
    {
        open("dept-head");
        QCOMPARE(m_window->tabs()->count(), 2);
        m_window->tabs()->setCurrentIndex(1);
        QComboBox* picker = m_window->departmentPicker();
        QTRY_VERIFY(picker->isVisible());
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->currentData().toString(), QStringLiteral("FIN"));
        QCOMPARE(m_window->periodPicker()->currentData().toString(), QStringLiteral("2026-11"));
        QCOMPARE(m_window->periodPicker()->count(), 12);
        QTRY_COMPARE(m_window->membersView()->model()->rowCount(), 6);
        QCOMPARE(m_window->departmentGauge()->barValue(), 61);
        // The reports were asked for that department and month.
        const auto reports = m_server->requests("GET", QStringLiteral("/api/v1/usage/report"));
        QVERIFY(reports.size() >= 3);
        for (const auto& r : reports) {
            QCOMPARE(QUrlQuery(r.query).queryItemValue(QStringLiteral("department")), QStringLiteral("FIN"));
            QCOMPARE(QUrlQuery(r.query).queryItemValue(QStringLiteral("period")), QStringLiteral("2026-11"));
        }

        // Another month: asked again for it.
        m_server->clearRequests();
        m_window->periodPicker()->setCurrentIndex(
            m_window->periodPicker()->findData(QStringLiteral("2026-09")));
        QTRY_VERIFY(!m_server->requests("GET", QStringLiteral("/api/v1/usage/report")).isEmpty());
        QTRY_VERIFY(!m_controller->isLoading());
        QCOMPARE(QUrlQuery(m_server->requests("GET", QStringLiteral("/api/v1/usage/report")).first().query)
                     .queryItemValue(QStringLiteral("period")),
                 QStringLiteral("2026-09"));
        const auto savings = m_server->requests("GET", QStringLiteral("/api/v1/usage/savings"));
        QCOMPARE(savings.size(), 1);
        QCOMPARE(QUrlQuery(savings.first().query).queryItemValue(QStringLiteral("baseline")),
                 QStringLiteral("2025-10"));
    }

    void memberTableSorts()
    {
        open("dept-head");
        QTableView* view = m_window->membersView();
        QTRY_COMPARE(view->model()->rowCount(), 6);
        // Biggest spender first by default.
        QCOMPARE(column(MemberUsageModel::NameColumn).first(), QStringLiteral("이하은 (lee)"));
        view->sortByColumn(MemberUsageModel::PagesColumn, Qt::AscendingOrder);
        QCOMPARE(column(MemberUsageModel::PagesColumn),
                 (QStringList{"120", "410", "950", "1,820", "2,240", "3,100"}));
        // Quota use sorts by number, members without a quota last when descending.
        view->sortByColumn(MemberUsageModel::QuotaColumn, Qt::DescendingOrder);
        QCOMPARE(column(MemberUsageModel::QuotaColumn),
                 (QStringList{"122 %", "95 %", "80 %", "42 %", "4 %", "no quota"}));
    }

    void forbiddenDepartmentIsExplained()
    {
        m_server->route("GET", QStringLiteral("/api/v1/usage/report?by=user"), 403,
                        R"({"error":"forbidden","message":"Forbidden."})");
        open("dept-head");
        m_window->tabs()->setCurrentIndex(1);
        auto* error = m_window->findChild<QLabel*>(QStringLiteral("departmentError"));
        QVERIFY(error);
        QTRY_VERIFY(error->isVisibleTo(m_window));
        QVERIFY2(error->text().contains(QLatin1String("Department heads see their own departments")),
                 qPrintable(error->text()));
    }

    void serverWithoutUsageIsExplained()
    {
        m_server->route("GET", QStringLiteral("/api/v1/usage/quota"), 404,
                        R"({"error":"not-found","message":"There is no such thing."})");
        open("user");
        auto* error = m_window->findChild<QLabel*>(QStringLiteral("myError"));
        QVERIFY(error && error->isVisible());
        QVERIFY2(error->text().startsWith(QLatin1String("This print server does not report usage yet.")),
                 qPrintable(error->text()));
        QVERIFY(m_window->myGauges().isEmpty());
        // Not told that there is no quota: nobody knows.
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("myNoQuota"))->isVisible());
    }

    void csvExportWritesTheServedBytes()
    {
        open("dept-head");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("finance.csv"));
        m_window->exportCsv();
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QFileDialog*>(QStringLiteral("exportDialog"))));
        QVERIFY(dialog->selectedFiles().value(0).endsWith(QLatin1String("usage-FIN-2026-11.csv")));
        QSignalSpy done(m_controller, &UsageController::exportFinished);
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept() is protected
        QTRY_COMPARE(done.size(), 1);
        QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(TestData::readFile(path), fixtureBytes("usage-report.csv"));
        QCOMPARE(m_window->statusText(), QStringLiteral("Saved finance.csv."));
        const auto asked = m_server->requests("GET", QStringLiteral("/api/v1/usage/report"));
        bool csv = false;
        for (const auto& r : asked) {
            const QUrlQuery q(r.query);
            if (q.queryItemValue(QStringLiteral("format")) != QLatin1String("csv"))
                continue;
            csv = true;
            QCOMPARE(q.queryItemValue(QStringLiteral("by")), QStringLiteral("user"));
            QCOMPARE(q.queryItemValue(QStringLiteral("department")), QStringLiteral("FIN"));
            QCOMPARE(q.queryItemValue(QStringLiteral("period")), QStringLiteral("2026-11"));
        }
        QVERIFY(csv);

        // A folder that cannot be written is said so, and nothing is claimed saved.
        done.clear();
        m_window->exportCsvTo(dir.filePath(QStringLiteral("missing/finance.csv")));
        QTRY_COMPARE(done.size(), 1);
        QVERIFY(!done.first().at(0).toBool());
        QVERIFY2(m_window->statusText().contains(QLatin1String("Choose another folder")),
                 qPrintable(m_window->statusText()));
    }

    void emptyTrendSaysWhatToDo()
    {
        QJsonObject empty = fixture("usage-trend.json");
        QJsonArray periods;
        for (const QJsonValue& v : empty.value(QLatin1String("periods")).toArray())
            periods.append(
                QJsonObject{{QStringLiteral("label"), v.toObject().value(QLatin1String("label"))}});
        empty[QStringLiteral("periods")] = periods;
        m_server->routeJson("GET", QStringLiteral("/api/v1/usage/trend"), 200, empty);
        open("user");
        auto* chart = m_window->findChild<UsageChartView*>(QStringLiteral("myTrendChart"));
        QVERIFY(!chart->isChartShown());
        auto* message = chart->findChild<QLabel*>(QStringLiteral("chartMessage"));
        QVERIFY2(message->text().contains(QLatin1String("MPS Secure Print")), qPrintable(message->text()));
    }

    // My jobs: each job's estimated cost, what is left of my quota, and a release refused over it.
    void myJobsShowCostAndRefusal_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("en user")
            << "en"
            << "user"
            << "report.pdf: This job costs ₩2,400, but only ₩1,000 is left of your monthly "
               "quota. Print fewer pages or copies, print in black and white or on both "
               "sides, or ask your department head for an extra allowance.";
        QTest::newRow("ko user") << "ko"
                                 << "user"
                                 << "report.pdf: 이 작업은 ₩2,400이지만 이번 달 할당량이 ₩1,000 남았습니다. "
                                    "매수를 줄이거나 흑백·양면으로 인쇄하거나, 부서장에게 추가 할당을 "
                                    "요청하세요.";
        QTest::newRow("ko department")
            << "ko"
            << "department"
            << "report.pdf: 이 작업은 ₩2,400이지만 재무과의 이번 달 할당량이 ₩1,000 남았습니다. 매수를 "
               "줄이거나 흑백·양면으로 인쇄하거나, 부서장이나 관리자에게 재무과의 추가 할당을 요청하세요.";
    }
    void myJobsShowCostAndRefusal()
    {
        QFETCH(QString, language);
        QFETCH(QString, scope);
        QFETCH(QString, sentence);
        useLanguage(language);
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs"), 200, fixture("client-jobs.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/printers"), 200, fixture("client-printers.json"));
        m_server->routeJson("POST", QStringLiteral("/api/v1/jobs/12/release"), 403, refusal(scope));
        JobListModel jobs(m_api);
        PrinterListModel printers(m_api);
        auto settings = ClientSettings::createTempFileInstance();
        MyJobsWindow window(&jobs, &printers, nullptr, settings.get());
        window.show();
        jobs.refresh();
        QTRY_COMPARE(jobs.rowCount(), 3);
        QCOMPARE(jobs.index(0).data(JobListModel::CostTextRole).toString(), QStringLiteral("₩240"));
        QVERIFY2(JobItemDelegate::detailLines(jobs.index(0)).first().contains(QStringLiteral("₩240")),
                 qPrintable(JobItemDelegate::detailLines(jobs.index(0)).first()));
        // A job the server priced at nothing shows no cost.
        QCOMPARE(jobs.index(2).data(JobListModel::CostRole).toLongLong(), -1);
        QTRY_VERIFY(!window.quotaText().isEmpty());
        if (language == QLatin1String("en"))
            QCOMPARE(window.quotaText(), QStringLiteral("₩10,000 of ₩50,000 left this month"));

        QSignalSpy finished(&jobs, &JobListModel::actionFinished);
        jobs.releaseJobs({12}, QStringLiteral("3F-East"));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        QCOMPARE(finished.first().at(2).toStringList(), QStringList{sentence});
        // Still held, and what is left was asked for again.
        QCOMPARE(jobs.jobAt(0).state, JobState::Held);
        QTRY_VERIFY(m_server->requests("GET", QStringLiteral("/api/v1/usage/quota")).size() >= 2);
        useLanguage(QStringLiteral("en"));
    }

    // The tray: "Usage" in the menu opens the window for the signed-in person's role, and a quota-warning
    // from the push channel becomes a notification and refreshes what My jobs says is left.
    void trayOpensUsageAndWarns()
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs"), 200, fixture("client-jobs.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/printers"), 200, fixture("client-printers.json"));
        auto settings = ClientSettings::createTempFileInstance();
        Session session(settings.get(), nullptr);
        session.api()->setBaseUrl(m_server->url());
        session.api()->setToken(QStringLiteral("t"));
        JobListModel jobs(session.api());
        PrinterListModel printers(session.api());
        MyJobsWindow window(&jobs, &printers, nullptr, settings.get());
        TrayController tray(&session, settings.get(), &jobs, &printers, &window);
        session.adopt(user("dept-head"));
        QTRY_COMPARE(m_server->eventStreams(), 1);
        QTRY_VERIFY(!window.quotaText().isEmpty());

        QAction* usage = tray.menu()->findChild<QAction*>(QStringLiteral("usage"));
        QVERIFY(usage);
        QCOMPARE(usage->text(), QStringLiteral("Usage"));
        usage->trigger();
        QVERIFY(tray.usageWindow());
        QTRY_VERIFY(tray.usageWindow()->isVisible());
        QCOMPARE(tray.usageWindow()->tabs()->count(), 2);

        const qsizetype asked = m_server->requests("GET", QStringLiteral("/api/v1/usage/quota")).size();
        QJsonObject quota =
            fixture("usage-quota.json").value(QLatin1String("quotas")).toArray().at(0).toObject();
        m_server->pushEvent(QStringLiteral("quota-warning"),
                            {{QStringLiteral("type"), QStringLiteral("quota-warning")},
                             {QStringLiteral("threshold"), 80},
                             {QStringLiteral("period"), QStringLiteral("2026-11")},
                             {QStringLiteral("currency"), QStringLiteral("KRW")},
                             {QStringLiteral("quota"), quota}});
        QTRY_COMPARE(tray.lastNotification().body,
                     QStringLiteral("80 % of your monthly quota used (₩40,000 of ₩50,000)"));
        QCOMPARE(tray.lastNotification().severity, NotificationText::Severity::Warning);
        // My jobs and the open Usage window both ask again what is left.
        QTRY_VERIFY(m_server->requests("GET", QStringLiteral("/api/v1/usage/quota")).size() >= asked + 2);
        // Clicking the warning opens Usage, not My jobs.
        tray.usageWindow()->hide();
        Q_EMIT tray.trayIcon()->messageClicked();
        QTRY_VERIFY(tray.usageWindow()->isVisible());
        QVERIFY(!window.isVisible());
        session.signOut();
        QTRY_VERIFY(!tray.usageWindow()->isVisible());
    }

    // Issue 13 §2: when the push channel drops, the printers are no longer shown as ready (state
    // shown is state known); §4: the tray menu follows a language change at once.
    void trayKnowsWhatItDoesNotKnow()
    {
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs"), 200, fixture("client-jobs.json"));
        m_server->routeJson("GET", QStringLiteral("/api/v1/printers"), 200, fixture("client-printers.json"));
        auto settings = ClientSettings::createTempFileInstance();
        Session session(settings.get(), nullptr);
        session.api()->setBaseUrl(m_server->url());
        session.api()->setToken(QStringLiteral("t"));
        JobListModel jobs(session.api());
        PrinterListModel printers(session.api());
        MyJobsWindow window(&jobs, &printers, nullptr, settings.get());
        TrayController tray(&session, settings.get(), &jobs, &printers, &window);
        session.adopt(user("dept-head"));
        QTRY_COMPARE(m_server->eventStreams(), 1);
        QTRY_COMPARE(printers.rowCount(), 3);
        QTRY_COMPARE(printers.index(1).data(PrinterListModel::StatusTextRole).toString(),
                     QStringLiteral("Ready"));
        QVERIFY(printers.index(1).data(PrinterListModel::CanPrintRole).toBool());

        m_server->dropEventStreams();
        QTRY_VERIFY(!printers.isServerReachable());
        QVERIFY(!printers.index(1).data(PrinterListModel::CanPrintRole).toBool());
        QVERIFY(printers.index(1)
                    .data(PrinterListModel::StatusTextRole)
                    .toString()
                    .contains(QLatin1String("the print server cannot be reached")));
        // The channel comes back: the tray fetches the printers again and they are known again.
        QTRY_VERIFY(printers.isServerReachable());
        QTRY_VERIFY(printers.index(1).data(PrinterListModel::CanPrintRole).toBool());

        QAction* usage = tray.menu()->findChild<QAction*>(QStringLiteral("usage"));
        QVERIFY(usage);
        QCOMPARE(usage->text(), QStringLiteral("Usage"));
        usage->trigger();
        QTRY_VERIFY(tray.usageWindow() && tray.usageWindow()->isVisible());
        QVERIFY(Translations::install(qApp, QStringLiteral("ko")));
        QTRY_COMPARE(usage->text(), QStringLiteral("사용량"));
        // The open Usage window comes back in Korean.
        QTRY_VERIFY(tray.usageWindow() && tray.usageWindow()->isVisible() &&
                    tray.usageWindow()->windowTitle().startsWith(QStringLiteral("사용량")));
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        QTRY_COMPARE(usage->text(), QStringLiteral("Usage"));
        session.signOut();
    }

    // Not a check: with MPS_USAGE_GRAB_DIR set, saves the window over the fixtures in both languages and
    // both tabs at 1366x768 and 1920x1080, to look at without a server (scripts/client-screenshots.sh
    // takes the real ones).
    void grabForALook()
    {
        const QString dir = qEnvironmentVariable("MPS_USAGE_GRAB_DIR");
        if (dir.isEmpty())
            QSKIP("set MPS_USAGE_GRAB_DIR to save pictures of the window");
        for (const QString& language : {QStringLiteral("ko"), QStringLiteral("en")}) {
            useLanguage(language);
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                cleanup();
                init();
                m_window->resize(size);
                open("dept-head");
                for (int tab = 0; tab < 2; ++tab) {
                    m_window->tabs()->setCurrentIndex(tab);
                    QTest::qWait(200);
                    QVERIFY(m_window->grab().save(
                        QStringLiteral("%1/usage-%2-%3-%4x%5.png")
                            .arg(dir, language, tab == 0 ? QStringLiteral("mine") : QStringLiteral("dept"))
                            .arg(size.width())
                            .arg(size.height())));
                }
            }
        }
        useLanguage(QStringLiteral("en"));
    }

    // A job that arrives by push (without a price) is priced by asking for it.
    void pushedJobIsPriced()
    {
        QJsonObject job = fixture("client-jobs.json").value(QLatin1String("jobs")).toArray().at(0).toObject();
        job[QStringLiteral("id")] = 13;
        job.remove(QStringLiteral("cost"));
        QJsonObject priced = job;
        priced[QStringLiteral("cost")] = 300;
        m_server->routeJson("GET", QStringLiteral("/api/v1/jobs/13"), 200, {{QStringLiteral("job"), priced}});
        JobListModel jobs(m_api);
        jobs.applyEvent(QStringLiteral("job-held"), {{QStringLiteral("job"), job}});
        QCOMPARE(jobs.rowCount(), 1);
        QCOMPARE(jobs.index(0).data(JobListModel::CostRole).toLongLong(), -1);
        QTRY_COMPARE(jobs.index(0).data(JobListModel::CostTextRole).toString(), QStringLiteral("₩300"));
        QCOMPARE(m_server->requests("GET", QStringLiteral("/api/v1/jobs/13")).size(), 1);
    }

    void quotaWarningNotification_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("body");
        QTest::newRow("en 80") << "en" << 80 << "Monthly quota almost used"
                               << "80 % of your monthly quota used (₩40,000 of ₩50,000)";
        QTest::newRow("ko 80") << "ko" << 80 << "이번 달 할당량 거의 소진"
                               << "이번 달 할당량의 80%를 사용했습니다(₩50,000 중 ₩40,000).";
        QTest::newRow("en 100") << "en" << 100 << "Monthly quota used up"
                                << "Your monthly quota is used up (₩40,000 of ₩50,000). Further jobs stay "
                                   "held; ask your department head for an extra allowance.";
    }
    void quotaWarningNotification()
    {
        QFETCH(QString, language);
        QFETCH(int, threshold);
        QFETCH(QString, title);
        QFETCH(QString, body);
        useLanguage(language);
        const QJsonObject quota =
            fixture("usage-quota.json").value(QLatin1String("quotas")).toArray().at(0).toObject();
        const QJsonObject event{{QStringLiteral("quota"), quota},
                                {QStringLiteral("threshold"), threshold},
                                {QStringLiteral("currency"), QStringLiteral("KRW")}};
        const auto message = NotificationText::forEvent(QStringLiteral("quota-warning"), event);
        QVERIFY(message);
        QCOMPARE(message->severity, NotificationText::Severity::Warning);
        QCOMPARE(message->title, title);
        QCOMPARE(message->body, body);
        useLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestUsageWindow)
#include "TestUsageWindow.moc"
