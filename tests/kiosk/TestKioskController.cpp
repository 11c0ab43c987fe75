// KioskController against the real mps-server of this build: card, unknown card + linking, PIN and
// lockout, the job list with thumbnails, delete with confirmation, inactivity sign-out, the fault of
// an unreachable printer with its working neighbours. (Release to a real printer and the PC/SC card
// path are in tests/integration/test_kiosk.py.)
#include "ApiClient.h"
#include "ApiReply.h"
#include "JobModel.h"
#include "JobsController.h"
#include "KioskController.h"
#include "KioskTranslations.h"
#include "NaturalTime.h"
#include "PrinterModel.h"
#include "PrinterStatusController.h"
#include "ServerProcess.h"
#include "SignInController.h"
#include "TestData.h"
#include "ThumbnailCache.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
constexpr int WaitMs = 15000;
const QString Card = QStringLiteral("04A1B2C3");
const QString ChoiCard = QStringLiteral("04C0FFEE");

bool finished(ApiReply* reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(WaitMs);
}
} // namespace

class TestKioskController : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_deviceToken;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<KioskController> m_kiosk;
    ThumbnailCache* m_thumbs = nullptr;
    KioskTranslations m_translations;

    void addUser(const QString& name, const QByteArray& password, const QByteArray& pin,
                 const QString& card = {})
    {
        QStringList args{
            QStringLiteral("user"),         QStringLiteral("add"), name,
            QStringLiteral("--department"), QStringLiteral("D"),   QStringLiteral("--password-stdin"),
            QStringLiteral("--pin-stdin")};
        if (!card.isEmpty())
            args << QStringLiteral("--card") << card;
        QString out;
        QCOMPARE(m_server->admin(args, password + '\n' + pin + '\n', &out), 0);
    }

    qint64 upload(const QString& user, const QString& password, const QString& name)
    {
        ApiClient c;
        c.setBaseUrl(m_server->baseUrl());
        if (!c.setPinnedCertificateSha256(m_server->certificateSha256Hex()))
            return -1;
        ApiReply* login = c.login(user, password);
        if (!finished(login) || !login->ok())
            return -1;
        ApiReply* up = c.uploadJob(TestData::cupsPdf(), name);
        if (!finished(up) || !up->ok())
            return -1;
        return up->json().value(QLatin1String("job")).toObject().value(QLatin1String("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_translations.setLanguage(QStringLiteral("en"))); // the sentences people read
        m_server = std::make_unique<ServerProcess>(QStringLiteral(MPS_BUILD_DIR));
        addUser(QStringLiteral("kim"), "kim-password-1", "482913", Card);
        addUser(QStringLiteral("lee"), "lee-password-1", "135790");
        addUser(QStringLiteral("park"), "park-password-1", "246802");
        addUser(QStringLiteral("choi"), "choi-password-1", "975310", ChoiCard);
        QString out;
        // Nothing listens on port 9: the kiosk's printer is offline. Port 9 on another printer too;
        // the neighbours' state comes from the server's monitor.
        QCOMPARE(m_server->admin({"printer", "add", "3F-East", "--uri", "ipp://127.0.0.1:9/ipp/print",
                                  "--location", "3F East wing"},
                                 {}, &out),
                 0);
        QCOMPARE(m_server->admin({"kiosk", "add", "kiosk-3F", "--printer", "3F-East"}, {}, &out), 0);
        m_deviceToken = out.section(QStringLiteral("): "), 1).trimmed();
        QVERIFY2(!m_deviceToken.isEmpty(), qPrintable(out));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void init()
    {
        m_client = std::make_unique<ApiClient>();
        m_client->setBaseUrl(m_server->baseUrl());
        m_client->setDeviceToken(m_deviceToken);
        QVERIFY(m_client->setPinnedCertificateSha256(m_server->certificateSha256Hex()));
        m_kiosk = std::make_unique<KioskController>(m_client.get());
        m_thumbs = new ThumbnailCache;
        m_kiosk->jobsController()->setThumbnailCache(m_thumbs);
        m_kiosk->setIdleTimeoutSecs(30);
        m_kiosk->start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->printerStatus()->printerName().isEmpty(), WaitMs);
    }

    void cleanup()
    {
        m_kiosk.reset();
        m_client.reset();
        delete m_thumbs;
        m_thumbs = nullptr;
    }

    void idleShowsThePrinter()
    {
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        QCOMPARE(m_kiosk->printerStatus()->printerName(), QStringLiteral("3F-East"));
        QCOMPARE(m_kiosk->printerStatus()->printerLocation(), QStringLiteral("3F East wing"));
        QVERIFY(!m_kiosk->printerStatus()->printerStateText().isEmpty());
    }

    void cardShowsJobsWithThumbnails()
    {
        const qint64 id =
            upload(QStringLiteral("kim"), QStringLiteral("kim-password-1"), QStringLiteral("report.pdf"));
        QVERIFY(id > 0);
        m_kiosk->signInController()->cardPresented(Card);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::JobsScreen, WaitMs);
        QCOMPARE(m_kiosk->userName(), QStringLiteral("kim"));
        JobModel* jobs = m_kiosk->jobsController()->jobs();
        QTRY_VERIFY_WITH_TIMEOUT(jobs->rowCount() >= 1 && !jobs->loading(), WaitMs);
        QCOMPARE(jobs->job(id).name, QStringLiteral("report.pdf"));
        QTRY_VERIFY_WITH_TIMEOUT(m_thumbs->contains(id), WaitMs);
        const int row = jobs->rowOf(id);
        QVERIFY(row >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(!jobs->data(jobs->index(row), JobModel::ThumbnailRole).toString().isEmpty(),
                                 WaitMs);
        QVERIFY(!m_thumbs->requestImage(QString::number(id), nullptr, {}).isNull());

        // Delete needs a confirmation; then the job is gone on the server too.
        jobs->setSelected(row, true);
        m_kiosk->jobsController()->requestDelete();
        QVERIFY(m_kiosk->jobsController()->confirmingDelete());
        m_kiosk->jobsController()->cancelDelete();
        QCOMPARE(jobs->rowCount(), 1);
        m_kiosk->jobsController()->requestDelete();
        m_kiosk->jobsController()->confirmDelete();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 0, WaitMs);

        m_kiosk->signOut();
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        QCOMPARE(m_kiosk->userName(), QString());
        QCOMPARE(jobs->rowCount(), 0);
        QVERIFY(!m_thumbs->contains(id)); // nothing of the user stays on the kiosk
    }

    void printerFaultListsNoAlternativeWhenNoneWorks()
    {
        // 3F-East (port 9) is unreachable: once the server has checked it, the kiosk says so.
        m_kiosk->signInController()->cardPresented(Card);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::JobsScreen, WaitMs);
        for (int i = 0; i < 40 && m_kiosk->printerStatus()->printerCanPrint(); ++i) {
            m_kiosk->printerStatus()->refreshPrinter();
            QTest::qWait(500);
        }
        QVERIFY2(!m_kiosk->printerStatus()->printerCanPrint(),
                 "the unreachable printer must be reported as a fault");
        QVERIFY(!m_kiosk->printerStatus()->printerFaultText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->printerStatus()->alternatives()->loading(), WaitMs);
        QCOMPARE(m_kiosk->printerStatus()->alternatives()->rowCount(), 0);
        // Printing is refused on the kiosk with a sentence that says what to do.
        const qint64 id =
            upload(QStringLiteral("kim"), QStringLiteral("kim-password-1"), QStringLiteral("held.pdf"));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->jobsController()->jobs()->heldCount() >= 1, WaitMs);
        m_kiosk->jobsController()->printAll();
        QCOMPARE(m_kiosk->lastErrorCode(), QStringLiteral("printer-fault"));
        QCOMPARE(m_kiosk->jobsController()->jobs()->job(id).state, JobState::Held);
        m_kiosk->signOut();
    }

    void unknownCardIsLinkedWithPassword()
    {
        const QString card = QStringLiteral("0A0B0C0D");
        m_kiosk->signInController()->cardPresented(card);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::LinkCardScreen, WaitMs);
        QCOMPARE(m_kiosk->lastErrorCode(), QStringLiteral("unknown-card"));
        QVERIFY(!m_kiosk->message().isEmpty());
        m_kiosk->signInController()->linkCard(QStringLiteral("lee"), QStringLiteral("wrong-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->busy() && !m_kiosk->lastErrorCode().isEmpty(), WaitMs);
        QCOMPARE(m_kiosk->screen(), KioskController::LinkCardScreen);
        m_kiosk->signInController()->linkCard(QStringLiteral("lee"), QStringLiteral("lee-password-1"));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::JobsScreen, WaitMs);
        QCOMPARE(m_kiosk->userName(), QStringLiteral("lee"));
        m_kiosk->signOut();
        // From now on the card alone signs lee in.
        m_kiosk->signInController()->cardPresented(card);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::JobsScreen, WaitMs);
        QCOMPARE(m_kiosk->userName(), QStringLiteral("lee"));
        m_kiosk->signOut();
    }

    void wrongPinThenLocked()
    {
        m_kiosk->signInController()->showPinEntry();
        QCOMPARE(m_kiosk->screen(), KioskController::PinScreen);
        m_kiosk->signInController()->signInWithPin(QStringLiteral("park"), QStringLiteral("000000"));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->lastErrorCode(), QStringLiteral("invalid-credentials"), WaitMs);
        QCOMPARE(m_kiosk->screen(), KioskController::PinScreen);
        // The server counts: four more wrong PINs and the account is locked.
        QVERIFY2(m_kiosk->message().contains(QStringLiteral("try 4 more times")),
                 qPrintable(m_kiosk->message()));
        QString code;
        QString lastWrong;
        for (int i = 0; i < 6 && code != QLatin1String("locked"); ++i) {
            lastWrong = m_kiosk->message();
            m_kiosk->signInController()->signInWithPin(QStringLiteral("park"), QStringLiteral("000000"));
            QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->busy(), WaitMs);
            code = m_kiosk->lastErrorCode();
        }
        QCOMPARE(code, QStringLiteral("locked"));
        QVERIFY2(lastWrong.contains(QStringLiteral("try 1 more time ")), qPrintable(lastWrong));
        // Locked until when (five minutes from now, in local time), and what to do.
        const QString until = NaturalTime::timeOfDay(QDateTime::currentDateTime().addSecs(300).time());
        const QString later = NaturalTime::timeOfDay(QDateTime::currentDateTime().addSecs(360).time());
        QVERIFY2(m_kiosk->message().contains(QStringLiteral("locked")), qPrintable(m_kiosk->message()));
        QVERIFY2(m_kiosk->message().contains(until) || m_kiosk->message().contains(later),
                 qPrintable(m_kiosk->message() + " / " + until));
        QVERIFY(m_kiosk->message().contains(QStringLiteral("print admin")));
        // Locked means locked, also with the right PIN.
        m_kiosk->signInController()->signInWithPin(QStringLiteral("park"), QStringLiteral("246802"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->busy(), WaitMs);
        QCOMPARE(m_kiosk->lastErrorCode(), QStringLiteral("locked"));
        QCOMPARE(m_kiosk->screen(), KioskController::PinScreen);
        QVERIFY(m_kiosk->message().contains(until) || m_kiosk->message().contains(later));
    }

    // Issue 13: a card whose account is locked said nothing at all.
    void lockedCardSaysUntilWhen()
    {
        for (int i = 0; i < 5; ++i) {
            m_kiosk->signInController()->signInWithPin(QStringLiteral("choi"), QStringLiteral("000000"));
            QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->busy(), WaitMs);
        }
        QCOMPARE(m_kiosk->lastErrorCode(), QStringLiteral("locked"));
        m_kiosk->cancel();
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        QVERIFY(m_kiosk->message().isEmpty());
        m_kiosk->signInController()->cardPresented(ChoiCard);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->lastErrorCode(), QStringLiteral("locked"), WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->busy(), WaitMs);
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        const QString until = NaturalTime::timeOfDay(QDateTime::currentDateTime().addSecs(300).time());
        const QString earlier = NaturalTime::timeOfDay(QDateTime::currentDateTime().addSecs(240).time());
        QVERIFY2(m_kiosk->message().contains(until) || m_kiosk->message().contains(earlier),
                 qPrintable(m_kiosk->message()));
        QVERIFY(m_kiosk->message().contains(QStringLiteral("print admin")));
        QVERIFY(m_kiosk->messageIsError());
    }

    // A name no account has is answered like a real one: attempts left, then locked.
    void unknownNameCountsLikeARealOne()
    {
        m_kiosk->signInController()->signInWithPin(QStringLiteral("nobody-here"), QStringLiteral("000000"));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->lastErrorCode(), QStringLiteral("invalid-credentials"), WaitMs);
        QVERIFY2(m_kiosk->message().contains(QStringLiteral("try 4 more times")),
                 qPrintable(m_kiosk->message()));
    }

    void inactivitySignsOutWithCountdown()
    {
        m_kiosk->setIdleTimeoutSecs(3);
        m_kiosk->signInController()->signInWithPin(QStringLiteral("kim"), QStringLiteral("482913"));
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->screen(), KioskController::JobsScreen, WaitMs);
        QCOMPARE(m_kiosk->secondsLeft(), 3);
        QSignalSpy ticks(m_kiosk.get(), &KioskController::secondsLeftChanged);
        QTRY_COMPARE_WITH_TIMEOUT(m_kiosk->secondsLeft(), 2, 3000);
        m_kiosk->userActivity(); // a touch restarts the countdown
        QCOMPARE(m_kiosk->secondsLeft(), 3);
        QSignalSpy out(m_kiosk.get(), &KioskController::signedOut);
        QVERIFY(out.wait(6000));
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        QVERIFY(!m_kiosk->message().isEmpty());
        QVERIFY(m_client->token().isEmpty());
    }

    // No capabilities from the server (its printer was never reached): the kiosk offers what it always
    // did, and the server still checks each release.
    void withoutCapabilitiesEverythingIsOffered()
    {
        QVERIFY(m_kiosk->printerStatus()->canDuplex());
        QVERIFY(m_kiosk->printerStatus()->canChooseColour());
        QCOMPARE(m_kiosk->printerStatus()->copiesMax(), PrinterStatusController::MaxCopies);
        m_kiosk->jobsController()->setDuplex(true);
        m_kiosk->jobsController()->setMono(true);
        m_kiosk->jobsController()->setCopies(1000);
        QVERIFY(m_kiosk->jobsController()->duplex());
        QVERIFY(m_kiosk->jobsController()->mono());
        QCOMPARE(m_kiosk->jobsController()->copies(), PrinterStatusController::MaxCopies);
    }

    // State shown must be state known: with the print server stopped, the idle screen does not keep
    // the printer's last state ("Ready"/"Offline") but says the server cannot be reached, keeps
    // trying, and shows the printer again once the server is back. Last: it stops the server.
    void stoppedServerIsShownAndRetried()
    {
        QVERIFY(m_kiosk->printerStatus()->serverReachable());
        const QString known = m_kiosk->printerStatus()->printerStateText();
        QVERIFY(!known.contains(QStringLiteral("server")));
        m_server->stop();
        QSignalSpy changed(m_kiosk->printerStatus(), &PrinterStatusController::printerChanged);
        m_kiosk->printerStatus()->refreshPrinter();
        QTRY_VERIFY_WITH_TIMEOUT(!m_kiosk->printerStatus()->serverReachable(), WaitMs);
        QCOMPARE(m_kiosk->screen(), KioskController::IdleScreen);
        QCOMPARE(m_kiosk->printerStatus()->printerStateText(),
                 QStringLiteral("Print server unreachable, retrying"));
        QVERIFY(m_kiosk->messageIsError());
        QCOMPARE(m_kiosk->lastErrorCode(), QStringLiteral("unreachable"));
        // No poll: the kiosk's stream keeps trying; the restarted server cannot replay what the old one
        // sent and asks for a refetch, and that brings the printer's state again.
        const int fetches = m_kiosk->printerStatus()->fetchCount();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(m_kiosk->printerStatus()->serverReachable(), WaitMs);
        QVERIFY(m_kiosk->printerStatus()->fetchCount() > fetches);
        QCOMPARE(m_kiosk->printerStatus()->printerStateText(), known);
        QVERIFY(!m_kiosk->messageIsError());
    }
};

QTEST_GUILESS_MAIN(TestKioskController)
#include "TestKioskController.moc"
