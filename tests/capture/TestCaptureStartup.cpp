// CaptureService start-up where desktop capture is and is not installed (issue 13 §1): without the
// outbox spool the tray app must stay quiet (no failed(), no warning, nothing created); with it, the
// user's outbox directory is made. No keychain is reached in the not-installed case.
#include "CaptureService.h"
#include "Outbox.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

class TestCaptureStartup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notInstalledIsQuietlyOff()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        // As on a desktop where mps-queue-setup never ran: /var/spool/mps-outbox does not exist.
        const QString spool = tmp.filePath(QStringLiteral("mps-outbox"));
        CaptureService::Options options;
        options.outboxDirectory = spool + QLatin1Char('/') + QString::number(::getuid());
        options.socketPath = tmp.filePath(QStringLiteral("capture.sock"));
        options.keychainService = QStringLiteral("mps-test-capture-startup");
        CaptureService service(nullptr, options);
        QSignalSpy failed(&service, &CaptureService::failed);
        QSignalSpy started(&service, &CaptureService::started);
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        service.start();
        QCoreApplication::processEvents();
        QCOMPARE(failed.count(), 0); // today: "The outbox folder ... cannot be created"
        QCOMPARE(started.count(), 0);
        QVERIFY(!service.isRunning());
        QVERIFY(!QFileInfo::exists(spool)); // the app never makes the root-owned spool itself
        QVERIFY(!QFileInfo::exists(options.socketPath));
    }

    void installedMakesTheUsersOutbox()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString spool = tmp.filePath(QStringLiteral("mps-outbox"));
        QVERIFY(QDir().mkpath(spool)); // what mps-queue-setup install / systemd-tmpfiles make
        CaptureService::Options options;
        options.outboxDirectory = spool + QLatin1Char('/') + QString::number(::getuid());
        options.socketPath = tmp.filePath(QStringLiteral("capture.sock"));
        options.keychainService = QStringLiteral("mps-test-capture-startup");
        // The keychain answer (started or failed) comes later and is not what this test is about.
        CaptureService service(nullptr, options);
        service.start();
        QVERIFY(service.isInstalled());
        struct stat st
        {
        };
        QCOMPARE(::lstat(QFile::encodeName(options.outboxDirectory).constData(), &st), 0);
        QVERIFY(S_ISDIR(st.st_mode));
        QCOMPARE(st.st_uid, ::getuid());
        QCOMPARE(st.st_mode & 07777, 0700u);
    }
};

QTEST_GUILESS_MAIN(TestCaptureStartup)
#include "TestCaptureStartup.moc"
