// The tray client against the real mps-server (TLS, self-signed certificate): sign in through the
// dialog with the certificate shown and pinned, upload a PDF and see it in My jobs with its thumbnail
// and notification, change and delete it, and see the expired-session path. Keychain-free: the token
// stays in memory here (TestTokenStore covers the keychain under gnome-keyring).
#include "ApiClient.h"
#include "CertificatePin.h"
#include "ClientSettings.h"
#include "EventStream.h"
#include "JobListModel.h"
#include "JobUploader.h"
#include "MyJobsWindow.h"
#include "PrinterListModel.h"
#include "Session.h"
#include "SignInDialog.h"
#include "TestData.h"
#include "Translations.h"
#include "TrayController.h"
#include "UsageController.h"

#include <QApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString User = QStringLiteral("kim");
const QString Password = QStringLiteral("Correct-Horse-7");

int freePort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    return s.serverPort();
}
} // namespace

class TestClientIntegration : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    int m_port = 0;
    std::unique_ptr<ClientSettings> m_settings;
    Session* m_session = nullptr;
    JobListModel* m_jobs = nullptr;
    PrinterListModel* m_printers = nullptr;
    JobUploader* m_uploader = nullptr;
    MyJobsWindow* m_window = nullptr;
    TrayController* m_tray = nullptr;

    QString build(const char* tool) const
    {
        return QStringLiteral(MPS_BUILD_DIR "/server/") + QLatin1String(tool);
    }
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }
    QUrl serverUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)); }

    bool admin(const QStringList& args, const QByteArray& input = {})
    {
        QProcess p;
        p.start(build("mps-admin"), QStringList{QStringLiteral("--data"), dataDir()} + args);
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning() << "mps-admin" << args << "failed:" << p.readAllStandardError();
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(Translations::install(qApp, QStringLiteral("en")));
        QVERIFY(m_dir.isValid());
        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), User, QStringLiteral("--department"),
                       QStringLiteral("Finance"), QStringLiteral("--password-stdin")},
                      Password.toUtf8() + '\n'));
        QVERIFY(admin({QStringLiteral("printer"), QStringLiteral("add"), QStringLiteral("3F-East"),
                       QStringLiteral("--uri"), QStringLiteral("ipp://127.0.0.1:9/ipp/print"),
                       QStringLiteral("--location"), QStringLiteral("3rd floor, east wing")}));
        // An admin for the reports a plain user may not see.
        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("boss"),
                       QStringLiteral("--department"), QStringLiteral("Finance"), QStringLiteral("--role"),
                       QStringLiteral("admin"), QStringLiteral("--password-stdin")},
                      Password.toUtf8() + '\n'));
        // A hard quota smaller than any page costs: every release is refused with the numbers.
        QVERIFY(admin({QStringLiteral("quota"), QStringLiteral("set"), QStringLiteral("--user"), User,
                       QStringLiteral("--limit"), QStringLiteral("10"), QStringLiteral("--policy"),
                       QStringLiteral("hard")}));
        m_port = freePort();
        QVERIFY(m_port > 0);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(build("mps-server"), {QStringLiteral("--data"), dataDir(), QStringLiteral("--listen"),
                                             QStringLiteral("127.0.0.1:%1").arg(m_port)});
        QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
        QVERIFY(QTest::qWaitFor(
            [this] {
                QTcpSocket s;
                s.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_port));
                return s.waitForConnected(200) || m_server.state() != QProcess::Running;
            },
            30000));
        QCOMPARE(m_server.state(), QProcess::Running);

        // The app as ClientApplication builds it, without the keychain.
        m_settings = ClientSettings::createTempFileInstance();
        m_session = new Session(m_settings.get(), nullptr);
        m_jobs = new JobListModel(m_session->api());
        m_printers = new PrinterListModel(m_session->api());
        m_uploader = new JobUploader(m_session->api());
        m_window = new MyJobsWindow(m_jobs, m_printers, m_uploader, m_settings.get());
        m_tray = new TrayController(m_session, m_settings.get(), m_jobs, m_printers, m_window);
        m_tray->show();
    }

    void cleanupTestCase()
    {
        delete m_tray;
        delete m_window;
        delete m_uploader;
        delete m_printers;
        delete m_jobs;
        delete m_session;
        m_settings.reset();
        if (m_server.state() == QProcess::Running) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000))
                m_server.kill();
        }
    }

    void signInShowsAndPinsTheCertificate()
    {
        m_session->restore(); // nothing stored: asks to sign in
        QCOMPARE(m_session->state(), Session::State::SignedOut);
        SignInDialog* dialog = m_tray->signInDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->findChild<QLineEdit*>(QStringLiteral("server"))->setText(serverUrl().toString());
        dialog->findChild<QLineEdit*>(QStringLiteral("username"))->setText(User);

        // A wrong password is a sentence, after the certificate was accepted.
        dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(QStringLiteral("wrong"));
        dialog->submit();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), SignInDialog::Step::ConfirmCertificate, 15000);
        const QList<QSslCertificate> certs =
            QSslCertificate::fromPath(dataDir() + QStringLiteral("/tls/server.crt"));
        QCOMPARE(certs.size(), 1);
        QCOMPARE(dialog->shownFingerprint(), CertificatePin::of(certs.first()).toDisplayString());
        dialog->trustCertificate();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->step(), SignInDialog::Step::Editing, 15000);
        QVERIFY2(dialog->errorText().contains(QLatin1String("not correct")), qPrintable(dialog->errorText()));
        QCOMPARE(m_session->state(), Session::State::SignedOut);

        // The right password: the pinned certificate is not asked about again.
        dialog->findChild<QLineEdit*>(QStringLiteral("password"))->setText(Password);
        dialog->submit();
        QCOMPARE(dialog->step(), SignInDialog::Step::SigningIn);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedIn, 15000);
        QTRY_VERIFY(!m_tray->signInDialog());
        QCOMPARE(m_session->username(), User);
        QCOMPARE(m_settings->serverUrl(), serverUrl());
        QCOMPARE(m_settings->username(), User);
        QCOMPARE(m_settings->certificateFingerprint(), CertificatePin::of(certs.first()).toDisplayString());
        QTRY_VERIFY_WITH_TIMEOUT(m_session->events()->isConnected(), 15000);
    }

    void printersComeFromTheServer()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_printers->rowCount(), 1, 15000);
        const QModelIndex p = m_printers->index(0);
        QCOMPARE(p.data(PrinterListModel::NameRole).toString(), QStringLiteral("3F-East"));
        QCOMPARE(p.data(PrinterListModel::LocationRole).toString(), QStringLiteral("3rd floor, east wing"));
        QVERIFY(!p.data(PrinterListModel::StatusTextRole).toString().isEmpty());
    }

    void uploadedPdfAppearsInMyJobs()
    {
        QCOMPARE(m_jobs->rowCount(), 0);
        QSignalSpy done(m_uploader, &JobUploader::finished);
        m_window->uploadFiles({TestData::cupsPdf()});
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QCOMPARE(done.first().at(0).toInt(), 1);
        // The push channel brings it (no polling).
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->rowCount(), 1, 15000);
        const QModelIndex job = m_jobs->index(0);
        QCOMPARE(job.data(JobListModel::NameRole).toString(), QStringLiteral("default-testpage.pdf"));
        QVERIFY(job.data(JobListModel::PagesRole).toInt() >= 1);
        QCOMPARE(job.data(JobListModel::StateRole).toString(), QStringLiteral("held"));
        QCOMPARE(m_jobs->heldCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tray->lastNotification().body.startsWith(QLatin1String("default-testpage.pdf held - ")), 5000);
        // Its first page arrives too.
        (void)job.data(JobListModel::ThumbnailRole);
        QTRY_VERIFY_WITH_TIMEOUT(!m_jobs->index(0).data(JobListModel::ThumbnailRole).value<QImage>().isNull(),
                                 15000);
    }

    // Accounting through the app: the job's estimated cost, the quota in My jobs and in the Usage
    // window's controller, and a release over the hard quota refused in words with the job still held.
    void quotaRefusesTheRelease()
    {
        const QModelIndex job = m_jobs->index(0);
        const qint64 id = job.data(JobListModel::IdRole).toLongLong();
        QVERIFY2(job.data(JobListModel::CostRole).toLongLong() > 10,
                 qPrintable(job.data(JobListModel::CostTextRole).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->quotaText(), QStringLiteral("₩10 of ₩10 left this month"), 15000);

        UsageController usage(m_session->api());
        usage.setUser(m_session->user());
        QVERIFY(!usage.canReportOnDepartments());
        usage.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!usage.isLoading(), 15000);
        QVERIFY2(usage.errorString(UsageController::Part::Quota).isEmpty(),
                 qPrintable(usage.errorString(UsageController::Part::Quota)));
        QVERIFY2(usage.errorString(UsageController::Part::MyTrend).isEmpty(),
                 qPrintable(usage.errorString(UsageController::Part::MyTrend)));
        QCOMPARE(usage.quotas().value(0).scope, QStringLiteral("user"));
        QCOMPARE(usage.quotas().value(0).limit.value_or(0), 10);
        QCOMPARE(usage.quotas().value(0).policy, QuotaPolicy::Hard);
        QVERIFY(!usage.currentPeriod().isEmpty());

        QSignalSpy finished(m_jobs, &JobListModel::actionFinished);
        m_jobs->releaseJobs({id}, QStringLiteral("3F-East"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        const QString error = finished.first().at(2).toStringList().value(0);
        const QString cost = job.data(JobListModel::CostTextRole).toString();
        QCOMPARE(error,
                 QStringLiteral("default-testpage.pdf: This job costs %1, but only ₩10 is left of your "
                                "monthly quota. Print fewer pages or copies, print in black and white "
                                "or on both sides, or ask your department head for an extra allowance.")
                     .arg(cost));
        QCOMPARE(m_jobs->index(0).data(JobListModel::StateRole).toString(), QStringLiteral("held"));
    }

    // The CSV export's bytes as the server sends them (UTF-8 with a BOM) for an admin; a plain user is
    // told they may not.
    void csvReportForAnAdminOnly()
    {
        ApiClient boss;
        boss.setBaseUrl(serverUrl());
        QVERIFY(boss.setPinnedCertificateSha256(
            m_session->api()->pinnedCertificate().toDisplayString().toLatin1()));
        ApiReply* login = boss.login(QStringLiteral("boss"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(login->isFinished(), 15000);
        QVERIFY2(login->ok(), qPrintable(login->errorMessage()));
        delete login;
        ApiReply* csv = boss.usageReportCsv(QStringLiteral("user"));
        QTRY_VERIFY_WITH_TIMEOUT(csv->isFinished(), 15000);
        QVERIFY2(csv->ok(), qPrintable(csv->errorMessage()));
        QCOMPARE(csv->contentType(), QStringLiteral("text/csv"));
        QVERIFY2(csv->data().startsWith("\xEF\xBB\xBF"), csv->data().left(40).constData());
        delete csv;
        ApiReply* departments = boss.departments();
        QTRY_VERIFY_WITH_TIMEOUT(departments->isFinished(), 15000);
        QVERIFY(departments->ok());
        QVERIFY(!departments->json().value(QLatin1String("departments")).toArray().isEmpty());
        delete departments;

        // A plain user asking for a department's members is refused.
        ApiReply* members =
            m_session->api()->usageReport(QStringLiteral("user"), {}, QStringLiteral("Finance"));
        QTRY_VERIFY_WITH_TIMEOUT(members->isFinished(), 15000);
        QCOMPARE(members->httpStatus(), 403);
        QCOMPARE(members->errorCode(), QStringLiteral("forbidden"));
        delete members;
    }

    void changeAndDelete()
    {
        const qint64 id = m_jobs->index(0).data(JobListModel::IdRole).toLongLong();
        QSignalSpy finished(m_jobs, &JobListModel::actionFinished);
        m_jobs->updateJobs({id}, {{QStringLiteral("copies"), 2},
                                  {QStringLiteral("sides"), QStringLiteral("two-sided-long-edge")}});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(m_jobs->index(0).data(JobListModel::CopiesRole).toInt(), 2);
        QCOMPARE(m_jobs->index(0).data(JobListModel::DuplexRole).toBool(), true);

        m_jobs->deleteJobs({id});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 15000);
        QCOMPARE(finished.last().at(1).toInt(), 1);
        QCOMPARE(m_jobs->rowCount(), 0);
        QCOMPARE(m_jobs->heldCount(), 0);
    }

    void anotherCertificateIsRefused()
    {
        ApiClient other;
        other.setBaseUrl(serverUrl());
        QVERIFY(other.setPinnedCertificateSha256(QByteArray(64, 'A')));
        ApiReply* reply = other.login(User, Password);
        QSignalSpy done(reply, &ApiReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 15000);
        QCOMPARE(reply->errorCode(), QStringLiteral("tls-pin-mismatch"));
        QVERIFY(!reply->errorMessage().isEmpty());
        delete reply;
    }

    void endedSessionAsksToSignInAgain()
    {
        // The session ends elsewhere (signed out from another place with the same token).
        ApiClient other;
        other.setBaseUrl(serverUrl());
        QVERIFY(other.setPinnedCertificateSha256(m_settings->certificateFingerprint().toLatin1()));
        other.setToken(m_session->api()->token());
        ApiReply* out = other.logout();
        QSignalSpy outDone(out, &ApiReply::finished);
        QTRY_COMPARE_WITH_TIMEOUT(outDone.count(), 1, 15000);
        QVERIFY2(out->ok(), qPrintable(out->errorMessage()));
        delete out;

        QSignalSpy required(m_session, &Session::signInRequired);
        m_jobs->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Session::State::SignedOut, 15000);
        QCOMPARE(required.count(), 1);
        QVERIFY(!required.first().at(0).toString().isEmpty());
        QVERIFY(m_tray->signInDialog());
        QVERIFY(m_tray->signInDialog()->isVisible());
        QVERIFY(!m_session->events()->isActive());
    }
};

QTEST_MAIN(TestClientIntegration)
#include "TestClientIntegration.moc"
