// ApiClient and EventStream against the real mps-server of this build (TLS with its self-signed
// certificate, a private data directory, a free loopback port).
#include "ApiClient.h"
#include "ApiReply.h"
#include "CertificatePin.h"
#include "EventStream.h"
#include "JobInfo.h"
#include "ServerProcess.h"
#include "TestData.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <memory>
#include <optional>

namespace {
constexpr int WaitMs = 10000;
const QString User = QStringLiteral("kim");
const QByteArray Password = "kim-password-1";
const QByteArray Pin = "482913";
const QString Card = QStringLiteral("04A1B2C3");

/// Waits for `reply` to finish; false on timeout.
bool finished(ApiReply* reply)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &ApiReply::finished);
    return spy.wait(WaitMs);
}

/// Waits until `spy` (on EventStream::eventReceived) has recorded an event of `type` for job `id`.
bool waitForJobEvent(QSignalSpy& spy, const QString& type, qint64 id)
{
    QDeadlineTimer deadline(WaitMs);
    qsizetype seen = 0;
    for (;;) {
        for (; seen < spy.size(); ++seen) {
            const QList<QVariant>& args = spy.at(seen);
            const QJsonObject data = args.at(1).toJsonObject();
            if (args.at(0).toString() == type &&
                data.value(QLatin1String("job")).toObject().value(QLatin1String("id")).toInteger() == id)
                return true;
        }
        if (deadline.hasExpired() || !spy.wait(static_cast<int>(qMax<qint64>(1, deadline.remainingTime()))))
            return false;
    }
}

/// A TCP relay on loopback in front of the server: the test can cut every connection through it (a
/// dropped network) while the server itself keeps running.
class Relay : public QObject
{
public:
    explicit Relay(quint16 target) : m_target(target)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* in = m_listener.nextPendingConnection()) {
                auto* out = new QTcpSocket(this);
                in->setParent(this);
                m_pairs.append(qMakePair(in, out));
                auto pipe = [](QTcpSocket* from, QTcpSocket* to) {
                    connect(from, &QTcpSocket::readyRead, to, [from, to] { to->write(from->readAll()); });
                    connect(from, &QTcpSocket::disconnected, to, [to] { to->disconnectFromHost(); });
                };
                pipe(in, out);
                pipe(out, in);
                // What the client sent before the server side was up goes out once it is.
                connect(out, &QTcpSocket::connected, in, [in, out] { out->write(in->readAll()); });
                out->connectToHost(QHostAddress::LocalHost, m_target);
            }
        });
    }
    quint16 port() const { return m_listener.serverPort(); }
    /// Resets every connection through the relay (both sides).
    void cutAll()
    {
        for (const auto& [in, out] : std::as_const(m_pairs)) {
            in->abort();
            out->abort();
        }
        m_pairs.clear();
    }

private:
    QTcpServer m_listener;
    quint16 m_target;
    QList<QPair<QTcpSocket*, QTcpSocket*>> m_pairs;
};

QList<JobInfo> jobsOf(ApiReply* reply)
{
    QList<JobInfo> out;
    for (const QJsonValue& v : reply->json().value(QLatin1String("jobs")).toArray())
        out << JobInfo::fromJson(v.toObject());
    return out;
}

std::optional<JobInfo> findJob(const QList<JobInfo>& jobs, qint64 id)
{
    for (const JobInfo& j : jobs)
        if (j.id == id)
            return j;
    return std::nullopt;
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerProcess> m_server;
    QString m_deviceToken;

    std::unique_ptr<ApiClient> newClient(bool pinned = true)
    {
        auto client = std::make_unique<ApiClient>();
        client->setBaseUrl(m_server->baseUrl());
        if (pinned && !client->setPinnedCertificateSha256(m_server->certificateSha256Hex()))
            qFatal("the server's certificate fingerprint is not a pin");
        return client;
    }

    /// Signs `client` in as kim; false (with a QTest message) on failure.
    bool signIn(ApiClient& client)
    {
        std::unique_ptr<ApiReply> r(client.login(User, QString::fromLatin1(Password)));
        if (!finished(r.get()) || !r->ok()) {
            qWarning() << "sign-in failed:" << r->errorCode() << r->errorMessage();
            return false;
        }
        return true;
    }

    /// Uploads the CUPS test page; returns the job id or 0.
    qint64 uploadTestPage(ApiClient& client, const QString& name = QStringLiteral("report.pdf"))
    {
        std::unique_ptr<ApiReply> r(client.uploadJob(TestData::cupsPdf(), name));
        if (!finished(r.get()) || !r->ok()) {
            qWarning() << "upload failed:" << r->errorCode() << r->errorMessage();
            return 0;
        }
        return r->json().value(QLatin1String("job")).toObject().value(QLatin1String("id")).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(TestData::cupsPdf()),
                 "needs /usr/share/cups/data/default-testpage.pdf (cups-filters)");
        m_server = std::make_unique<ServerProcess>(QStringLiteral(MPS_BUILD_DIR));
        QString out;
        QCOMPARE(m_server->admin({"user", "add", User, "--department", "D", "--card", Card,
                                  "--password-stdin", "--pin-stdin"},
                                 Password + '\n' + Pin + '\n', &out),
                 0);
        QCOMPARE(m_server->admin({"printer", "add", "3F-East", "--uri", "ipp://127.0.0.1:9/ipp/print",
                                  "--location", "3rd floor"},
                                 {}, &out),
                 0);
        QCOMPARE(m_server->admin({"kiosk", "add", "kiosk-3F", "--printer", "3F-East"}, {}, &out), 0);
        m_deviceToken = out.section(QStringLiteral("): "), 1).trimmed();
        QVERIFY2(!m_deviceToken.isEmpty(), qPrintable(out));
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void certificatePin_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("null");
        const QByteArray hex(64, 'a');
        QTest::newRow("hex") << hex << true << false;
        QTest::newRow("upper colon hex") << QByteArray::fromHex(hex).toHex(':').toUpper() << true << false;
        QTest::newRow("spaced") << QByteArray::fromHex(hex).toHex(' ') << true << false;
        QTest::newRow("empty clears") << QByteArray() << true << true;
        QTest::newRow("too short") << QByteArray(62, 'a') << false << true;
        QTest::newRow("not hex") << QByteArray(63, 'a') + 'g' << false << true;
    }
    void certificatePin()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(bool, null);
        bool parsed = false;
        const CertificatePin pin = CertificatePin::fromText(text, &parsed);
        QCOMPARE(parsed, ok);
        QCOMPARE(pin.isNull(), null);
        if (!null)
            QCOMPARE(pin.digest().size(), 32);
    }

    void withoutPinTheSelfSignedCertificateFails()
    {
        auto client = newClient(false);
        std::unique_ptr<ApiReply> r(client->login(User, QString::fromLatin1(Password)));
        QVERIFY(finished(r.get()));
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 0);
        QCOMPARE(r->errorCode(), QStringLiteral("tls-untrusted"));
        QVERIFY2(r->errorMessage().contains(QStringLiteral("not trusted")), qPrintable(r->errorMessage()));
        QVERIFY(client->token().isEmpty());
    }

    void wrongPinFails()
    {
        auto client = newClient(false);
        QVERIFY(client->setPinnedCertificateSha256(QByteArray(64, '0')));
        std::unique_ptr<ApiReply> r(client->login(User, QString::fromLatin1(Password)));
        QVERIFY(finished(r.get()));
        QVERIFY(!r->ok());
        QCOMPARE(r->errorCode(), QStringLiteral("tls-pin-mismatch"));
        QVERIFY(!r->errorMessage().isEmpty());
        QVERIFY(!client->setPinnedCertificateSha256("not a fingerprint"));
    }

    void probeReportsTheFingerprint()
    {
        auto client = newClient(false);
        QSignalSpy probed(client.get(), &ApiClient::certificateProbed);
        QSignalSpy failed(client.get(), &ApiClient::certificateProbeFailed);
        client->probeCertificate(m_server->baseUrl());
        QVERIFY(probed.wait(WaitMs));
        QCOMPARE(failed.size(), 0);
        const QString fingerprint = probed.at(0).at(0).toString();
        QCOMPARE(fingerprint, CertificatePin::fromText(m_server->certificateSha256Hex()).toDisplayString());
        QVERIFY(probed.at(0).at(1).toString().contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(probed.at(0).at(2).toBool(), false);
        // What the probe shows is what the user then trusts.
        QVERIFY(client->setPinnedCertificateSha256(fingerprint.toLatin1()));
        QVERIFY(signIn(*client));
    }

    void loginWithTheRightPin()
    {
        auto client = newClient();
        QSignalSpy tokenChanged(client.get(), &ApiClient::tokenChanged);
        std::unique_ptr<ApiReply> r(client->login(User, QString::fromLatin1(Password)));
        QVERIFY(finished(r.get()));
        QVERIFY2(r->ok(), qPrintable(r->errorMessage()));
        QCOMPARE(r->httpStatus(), 200);
        QVERIFY(r->errorCode().isEmpty());
        const QJsonObject user = r->json().value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("name")).toString(), User);
        QCOMPARE(user.value(QLatin1String("department")).toString(), QStringLiteral("D"));
        QCOMPARE(client->token(), r->json().value(QLatin1String("token")).toString());
        QVERIFY(!client->token().isEmpty());
        QCOMPARE(tokenChanged.size(), 1);

        std::unique_ptr<ApiReply> me(client->me());
        QVERIFY(finished(me.get()));
        QVERIFY2(me->ok(), qPrintable(me->errorMessage()));
        QCOMPARE(me->json().value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString(),
                 User);
    }

    void changingThePinAppliesToOpenConnections()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        // The first call left a kept-alive connection that was accepted under the right pin.
        QVERIFY(client->setPinnedCertificateSha256(QByteArray(64, '1')));
        std::unique_ptr<ApiReply> r(client->jobs());
        QVERIFY(finished(r.get()));
        QCOMPARE(r->errorCode(), QStringLiteral("tls-pin-mismatch"));
    }

    void wrongPassword()
    {
        auto client = newClient();
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);
        std::unique_ptr<ApiReply> r(client->login(User, QStringLiteral("not-the-password")));
        QVERIFY(finished(r.get()));
        QVERIFY(!r->ok());
        QCOMPARE(r->httpStatus(), 401);
        QCOMPARE(r->errorCode(), QStringLiteral("invalid-credentials"));
        QVERIFY(!r->errorMessage().isEmpty());
        QVERIFY(client->token().isEmpty());
        QCOMPARE(expired.size(), 0); // a failed sign-in is not an ended session
    }

    void unreachableServer()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        QUrl url = m_server->baseUrl();
        url.setPort(probe.serverPort());
        probe.close();
        auto client = newClient();
        client->setBaseUrl(url);
        std::unique_ptr<ApiReply> r(client->login(User, QString::fromLatin1(Password)));
        QVERIFY(finished(r.get()));
        QCOMPARE(r->httpStatus(), 0);
        QCOMPARE(r->errorCode(), QStringLiteral("unreachable"));
        QCOMPARE(r->errorMessage(),
                 QStringLiteral("The server cannot be reached. Check the network connection."));
    }

    void jobLifecycleWithEvents()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        EventStream stream(client.get());
        QSignalSpy connected(&stream, &EventStream::connected);
        QSignalSpy events(&stream, &EventStream::eventReceived);
        stream.start();
        QVERIFY(connected.wait(WaitMs));
        QVERIFY(stream.isConnected());

        // Upload a real PDF, streamed from the file, with progress.
        const QString path = TestData::cupsPdf();
        const qint64 size = QFileInfo(path).size();
        std::unique_ptr<ApiReply> up(
            client->uploadJob(path, QStringLiteral("report.pdf"), QStringLiteral("application/pdf")));
        QSignalSpy progress(up.get(), &ApiReply::uploadProgress);
        QVERIFY(finished(up.get()));
        QVERIFY2(up->ok(), qPrintable(up->errorCode() + QLatin1Char(' ') + up->errorMessage()));
        QCOMPARE(up->httpStatus(), 201);
        QVERIFY(progress.size() > 0);
        QCOMPARE(progress.last().at(0).toLongLong(), size);
        QCOMPARE(progress.last().at(1).toLongLong(), size);
        const JobInfo uploaded = JobInfo::fromJson(up->json().value(QLatin1String("job")).toObject());
        QVERIFY(uploaded.id > 0);
        QCOMPARE(uploaded.size, size);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-held"), uploaded.id));

        std::unique_ptr<ApiReply> list(client->jobs());
        QVERIFY(finished(list.get()));
        QVERIFY2(list->ok(), qPrintable(list->errorMessage()));
        auto job = findJob(jobsOf(list.get()), uploaded.id);
        QVERIFY(job);
        QCOMPARE(job->pages, 1);
        QCOMPARE(job->name, QStringLiteral("report.pdf"));
        QCOMPARE(job->state, JobState::Held);
        QCOMPARE(job->owner, User);

        // The thumbnail is rendered after the upload was answered (202 until then): job-changed says it is there.
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-changed"), uploaded.id));
        std::unique_ptr<ApiReply> thumb(client->thumbnail(uploaded.id));
        QVERIFY(finished(thumb.get()));
        QVERIFY2(thumb->ok(), qPrintable(thumb->errorMessage()));
        QCOMPARE(thumb->contentType(), QStringLiteral("image/png"));
        QVERIFY(thumb->data().startsWith("\x89PNG\r\n\x1a\n"));

        std::unique_ptr<ApiReply> patch(client->updateJob(uploaded.id, {{QStringLiteral("copies"), 2}}));
        QVERIFY(finished(patch.get()));
        QVERIFY2(patch->ok(), qPrintable(patch->errorMessage()));
        QCOMPARE(JobInfo::fromJson(patch->json().value(QLatin1String("job")).toObject()).options.copies, 2);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-changed"), uploaded.id));
        std::unique_ptr<ApiReply> one(client->job(uploaded.id));
        QVERIFY(finished(one.get()));
        QCOMPARE(JobInfo::fromJson(one->json().value(QLatin1String("job")).toObject()).options.copies, 2);

        std::unique_ptr<ApiReply> badPatch(client->updateJob(uploaded.id, {{QStringLiteral("copies"), 0}}));
        QVERIFY(finished(badPatch.get()));
        QCOMPARE(badPatch->httpStatus(), 400);
        QCOMPARE(badPatch->errorCode(), QStringLiteral("bad-options"));
        QVERIFY(!badPatch->errorMessage().isEmpty());

        std::unique_ptr<ApiReply> release(client->releaseJob(uploaded.id, QStringLiteral("no-such-printer")));
        QVERIFY(finished(release.get()));
        QVERIFY(!release->ok());
        QCOMPARE(release->httpStatus(), 404);
        QCOMPARE(release->errorCode(), QStringLiteral("unknown-printer"));
        QVERIFY(!release->errorMessage().isEmpty());

        std::unique_ptr<ApiReply> del(client->deleteJob(uploaded.id));
        QVERIFY(finished(del.get()));
        QVERIFY2(del->ok(), qPrintable(del->errorMessage()));
        QCOMPARE(del->json().value(QLatin1String("deleted")).toInteger(), uploaded.id);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-deleted"), uploaded.id));

        std::unique_ptr<ApiReply> after(client->jobs());
        QVERIFY(finished(after.get()));
        QVERIFY(!findJob(jobsOf(after.get()), uploaded.id));
        std::unique_ptr<ApiReply> history(client->jobs(true));
        QVERIFY(finished(history.get()));
        auto gone = findJob(jobsOf(history.get()), uploaded.id);
        QVERIFY(gone);
        QCOMPARE(gone->state, JobState::Deleted);

        QSignalSpy disconnected(&stream, &EventStream::disconnected);
        stream.stop();
        QCOMPARE(disconnected.size(), 1);
        QVERIFY(!stream.isConnected());
    }

    void uploadFromDeviceKeepsTheName()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        QFile file(TestData::cupsPdf());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString name = QStringLiteral("Q3 report & budget+50% #1 = 보고서.pdf");
        std::unique_ptr<ApiReply> r(client->uploadJob(&file, name, QStringLiteral("application/pdf")));
        QVERIFY(finished(r.get()));
        QVERIFY2(r->ok(), qPrintable(r->errorMessage()));
        const JobInfo job = JobInfo::fromJson(r->json().value(QLatin1String("job")).toObject());
        QCOMPARE(job.name, name);
        std::unique_ptr<ApiReply> del(client->deleteJob(job.id));
        QVERIFY(finished(del.get()));
        QVERIFY(del->ok());
    }

    void refusedUploads()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        // Refused before anything is sent.
        std::unique_ptr<ApiReply> type(
            client->uploadJob(TestData::cupsPdf(), QStringLiteral("x"), QStringLiteral("text/plain")));
        QVERIFY(!type->isFinished()); // finishes asynchronously, like every call
        QVERIFY(finished(type.get()));
        QCOMPARE(type->errorCode(), QStringLiteral("unsupported-format"));
        std::unique_ptr<ApiReply> missing(client->uploadJob(QStringLiteral("/nonexistent/file.pdf")));
        QVERIFY(finished(missing.get()));
        QCOMPARE(missing->errorCode(), QStringLiteral("cannot-read"));
        // Refused by the server, with its sentence.
        QBuffer junk;
        junk.setData(QByteArray("this is not a PDF at all\n").repeated(20));
        QVERIFY(junk.open(QIODevice::ReadOnly));
        std::unique_ptr<ApiReply> bad(
            client->uploadJob(&junk, QStringLiteral("junk.pdf"), QStringLiteral("application/pdf")));
        QVERIFY(finished(bad.get()));
        QCOMPARE(bad->httpStatus(), 422);
        QCOMPARE(bad->errorCode(), QStringLiteral("bad-document"));
        QVERIFY(!bad->errorMessage().isEmpty());
    }

    void printersAndKiosk()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        std::unique_ptr<ApiReply> printers(client->printers());
        QVERIFY(finished(printers.get()));
        QVERIFY2(printers->ok(), qPrintable(printers->errorMessage()));
        const QJsonArray list = printers->json().value(QLatin1String("printers")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("3F-East"));

        auto kiosk = newClient();
        QSignalSpy expired(kiosk.get(), &ApiClient::sessionExpired);
        kiosk->setDeviceToken(QStringLiteral("not-a-device-token"));
        std::unique_ptr<ApiReply> unknownKiosk(kiosk->kioskInfo());
        QVERIFY(finished(unknownKiosk.get()));
        QCOMPARE(unknownKiosk->httpStatus(), 401);
        QCOMPARE(unknownKiosk->errorCode(), QStringLiteral("unknown-kiosk"));

        kiosk->setDeviceToken(m_deviceToken);
        std::unique_ptr<ApiReply> info(kiosk->kioskInfo());
        QVERIFY(finished(info.get()));
        QVERIFY2(info->ok(), qPrintable(info->errorMessage()));
        QCOMPARE(info->json().value(QLatin1String("kiosk")).toString(), QStringLiteral("kiosk-3F"));

        std::unique_ptr<ApiReply> unknownCard(kiosk->kioskSessionWithCard(QStringLiteral("DEADBEEF")));
        QVERIFY(finished(unknownCard.get()));
        QCOMPARE(unknownCard->httpStatus(), 404);
        QCOMPARE(unknownCard->errorCode(), QStringLiteral("unknown-card"));
        QVERIFY(!unknownCard->errorMessage().isEmpty());

        std::unique_ptr<ApiReply> wrongPin(kiosk->kioskSessionWithPin(User, QStringLiteral("000000")));
        QVERIFY(finished(wrongPin.get()));
        QCOMPARE(wrongPin->errorCode(), QStringLiteral("invalid-credentials"));

        std::unique_ptr<ApiReply> pin(kiosk->kioskSessionWithPin(User, QString::fromLatin1(Pin)));
        QVERIFY(finished(pin.get()));
        QVERIFY2(pin->ok(), qPrintable(pin->errorMessage()));

        // The same card as a PC/SC reader and a keyboard wedge would type it.
        std::unique_ptr<ApiReply> card(kiosk->kioskSessionWithCard(QStringLiteral("04:a1:b2:c3")));
        QVERIFY(finished(card.get()));
        QVERIFY2(card->ok(), qPrintable(card->errorMessage()));
        QCOMPARE(card->json().value(QLatin1String("user")).toObject().value(QLatin1String("name")).toString(),
                 User);
        QCOMPARE(
            card->json().value(QLatin1String("printer")).toObject().value(QLatin1String("name")).toString(),
            QStringLiteral("3F-East"));
        QCOMPARE(kiosk->token(), card->json().value(QLatin1String("token")).toString());
        std::unique_ptr<ApiReply> jobs(kiosk->jobs());
        QVERIFY(finished(jobs.get()));
        QVERIFY2(jobs->ok(), qPrintable(jobs->errorMessage()));
        QCOMPARE(expired.size(), 0);
    }

    void sessionExpiresAfterLogout()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        const QString oldToken = client->token();
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);
        std::unique_ptr<ApiReply> out(client->logout());
        QVERIFY(client->token().isEmpty()); // at once, not when the server answers
        QVERIFY(finished(out.get()));
        QVERIFY2(out->ok(), qPrintable(out->errorMessage()));
        QCOMPARE(expired.size(), 0);

        // The ended token is refused: the session has expired, once.
        client->setToken(oldToken);
        std::unique_ptr<ApiReply> a(client->jobs());
        std::unique_ptr<ApiReply> b(client->printers());
        QVERIFY(finished(a.get()));
        QVERIFY(finished(b.get()));
        QCOMPARE(a->httpStatus(), 401);
        QCOMPARE(a->errorCode(), QStringLiteral("invalid-session"));
        QVERIFY(!a->errorMessage().isEmpty());
        QCOMPARE(expired.size(), 1);
        QVERIFY(client->token().isEmpty());

        // A 401 for a token that was replaced meanwhile does not end the new session.
        client->setToken(QStringLiteral("made-up-token"));
        std::unique_ptr<ApiReply> stale(client->me());
        client->setToken(QStringLiteral("another-token"));
        QVERIFY(finished(stale.get()));
        QCOMPARE(stale->httpStatus(), 401);
        QCOMPARE(expired.size(), 1);
        QCOMPARE(client->token(), QStringLiteral("another-token"));
    }

    void eventStreamStopsOnARefusedSession()
    {
        auto client = newClient();
        client->setToken(QStringLiteral("made-up-token"));
        QSignalSpy expired(client.get(), &ApiClient::sessionExpired);
        EventStream stream(client.get());
        QSignalSpy errors(&stream, &EventStream::errorOccurred);
        QSignalSpy connected(&stream, &EventStream::connected);
        stream.start();
        QVERIFY(errors.wait(WaitMs));
        QCOMPARE(expired.size(), 1);
        QCOMPARE(connected.size(), 0);
        QVERIFY(!stream.isActive());
        QVERIFY(!stream.errorString().isEmpty());
    }

    void eventStreamReplaysOnReconnectAndRefetchesOnlyWhenTold()
    {
        // kim's stream goes through a relay that the test cuts; her uploads go straight to the server.
        Relay relay(static_cast<quint16>(m_server->baseUrl().port()));
        QVERIFY(relay.port() != 0);
        auto direct = newClient();
        QVERIFY(signIn(*direct));
        auto relayed = newClient();
        QUrl url = m_server->baseUrl();
        url.setPort(relay.port());
        relayed->setBaseUrl(url);
        relayed->setToken(direct->token());
        EventStream stream(relayed.get());
        QSignalSpy connected(&stream, &EventStream::connected);
        QSignalSpy disconnected(&stream, &EventStream::disconnected);
        QSignalSpy refetch(&stream, &EventStream::refetchNeeded);
        QSignalSpy events(&stream, &EventStream::eventReceived);
        stream.start();
        QVERIFY(connected.wait(WaitMs));
        QCOMPARE(refetch.size(), 1); // the first connection: the app fetches everything
        const qint64 before = uploadTestPage(*direct, QStringLiteral("before-drop.pdf"));
        QVERIFY(before > 0);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-held"), before));
        QVERIFY(!stream.lastEventId().isEmpty());

        // The network drops; a job is held meanwhile. The reconnection (Last-Event-ID) replays it and
        // asks for no refetch.
        relay.cutAll();
        QVERIFY(disconnected.wait(WaitMs));
        const qint64 during = uploadTestPage(*direct, QStringLiteral("during-drop.pdf"));
        QVERIFY(during > 0);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, WaitMs);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-held"), during));
        QCOMPARE(refetch.size(), 1);

        // The server restarts and forgets its history: the next reconnection gets `refetch`.
        m_server->stop();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(refetch.size() == 2, 3 * WaitMs);
        QVERIFY(connected.size() >= 3);
    }

    void eventStreamReconnectsWithBackoff()
    {
        auto client = newClient();
        QVERIFY(signIn(*client));
        EventStream stream(client.get());
        QSignalSpy connected(&stream, &EventStream::connected);
        QSignalSpy disconnected(&stream, &EventStream::disconnected);
        QSignalSpy errors(&stream, &EventStream::errorOccurred);
        stream.start();
        QVERIFY(connected.wait(WaitMs));

        m_server->stop();
        QVERIFY(disconnected.wait(WaitMs));
        QCOMPARE(stream.retryDelayMs(), EventStream::InitialRetryMs);
        // The first retry (after 1 s) finds nobody listening; the next waits twice as long.
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, WaitMs);
        QCOMPARE(stream.retryDelayMs(), 2 * EventStream::InitialRetryMs);
        QVERIFY(stream.isActive());

        // The server comes back on the same port with the same data: the stream reconnects and the
        // session (stored by the server) still works.
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, WaitMs); // may already happen while start() waits
        QSignalSpy events(&stream, &EventStream::eventReceived);
        const qint64 id = uploadTestPage(*client);
        QVERIFY(id > 0);
        QVERIFY(waitForJobEvent(events, QStringLiteral("job-held"), id));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
