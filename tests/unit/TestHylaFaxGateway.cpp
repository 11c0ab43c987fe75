// The HylaFAX+ driver against a real hfaxd + faxq (tests/fixtures/hylafax.py serve: no modem, so
// jobs queue and stay queued), plus a closed port and a server that never answers. The queue is
// checked in HylaFAX's own job files, not through the driver.
#include "HylaFaxGateway.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <atomic>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace {
const QString kPdfA = QStringLiteral("/usr/share/cups/data/default-testpage.pdf");
const QString kPdfB = QStringLiteral("/usr/share/cups/data/form_english.pdf");

/// A document part reading a file in small pieces (the way the dispatcher streams a spool file).
FaxDocumentPart filePart(const QString& path)
{
    auto file = std::make_shared<QFile>(path);
    FaxDocumentPart part;
    part.name = path.section(QLatin1Char('/'), -1);
    part.size = QFileInfo(path).size();
    part.read = [file](char* data, qint64 max) -> qint64 {
        if (!file->isOpen() && !file->open(QIODevice::ReadOnly))
            return -1;
        return file->read(data, qMin<qint64>(max, 7000));
    };
    return part;
}

FaxDocumentPart bytesPart(const QByteArray& bytes)
{
    auto offset = std::make_shared<qint64>(0);
    FaxDocumentPart part;
    part.name = QStringLiteral("bytes.pdf");
    part.size = bytes.size();
    part.read = [bytes, offset](char* data, qint64 max) -> qint64 {
        const qint64 n = qMin<qint64>(max, bytes.size() - *offset);
        memcpy(data, bytes.constData() + *offset, static_cast<size_t>(n));
        *offset += n;
        return n;
    };
    return part;
}

QString uniqueTag()
{
    return QStringLiteral("mps-fax-%1").arg(QRandomGenerator::global()->bounded(100000, 999999));
}

/// A port nothing listens on: bound once, then closed.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

/// A server that accepts one connection, optionally greets like hfaxd, and then says nothing more
/// until stopped (its own thread, plain sockets: the test thread is blocked in the driver).
class SilentServer
{
public:
    explicit SilentServer(bool greet) : m_greet(greet)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
            ::listen(m_listen, 4) == 0 &&
            ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
            m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0)
                return;
            m_accepted = true;
            if (m_greet) {
                const char hello[] = "220 silent server ready.\r\n";
                if (::write(fd, hello, sizeof hello - 1) < 0) {
                    ::close(fd); // the client is gone: nothing to serve
                    return;
                }
            }
            while (!m_stop)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            ::close(fd);
        });
    }
    ~SilentServer()
    {
        m_stop = true;
        ::shutdown(m_listen, SHUT_RDWR);
        ::close(m_listen);
        m_thread.join();
    }
    quint16 port() const { return m_port; }
    bool accepted() const { return m_accepted; }

private:
    bool m_greet;
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_accepted{false};
    std::thread m_thread;
};
} // namespace

class TestHylaFaxGateway : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void reasonCodes_data();
    void reasonCodes();
    void submitQueuesFindsAndCancels();
    void refusedParameterIsNotRetryable();
    void passwordLogin();
    void closedPortIsRetryable();
    void silentServerTimesOut_data();
    void silentServerTimesOut();
    void realCallThroughTheLoop();
    void cancelDuringARealCall();
    void unansweredRealCall();

private:
    HylaFaxGateway::Settings settings() const;
    QHash<QString, QString> jobFile(const QString& queue, const QString& id) const;
    QString jobWithTag(const QString& tag) const;

    QTemporaryDir m_dir;
    QProcess m_fixture;
    QString m_spool;
    quint16 m_port = 0;
};

HylaFaxGateway::Settings TestHylaFaxGateway::settings() const
{
    HylaFaxGateway::Settings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = m_port;
    s.user = QStringLiteral("mps");
    s.timeoutMs = 15000;
    return s;
}

void TestHylaFaxGateway::initTestCase()
{
    if (::geteuid() != 0)
        QSKIP("faxq and hfaxd need root (shared/peers.md)");
    QVERIFY(m_dir.isValid());
    // faxq and hfaxd run as uucp: the spool's parent must be traversable.
    QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                    QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                                    QFile::ExeOther));
    m_spool = m_dir.filePath(QStringLiteral("spool"));
    m_fixture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_fixture.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(MPS_SOURCE_DIR "/tests/fixtures/hylafax.py"), QStringLiteral("serve"),
                     QStringLiteral("--dir"), m_spool, QStringLiteral("--password"),
                     QStringLiteral("pwuser=s3cret-Pw")});
    QVERIFY2(m_fixture.waitForStarted(), qPrintable(m_fixture.errorString()));
    while (!m_fixture.canReadLine()) {
        QVERIFY2(m_fixture.state() == QProcess::Running, "hylafax.py serve ended before it was ready");
        QVERIFY2(m_fixture.waitForReadyRead(60000), "hylafax.py serve printed nothing");
    }
    const QJsonObject ready = QJsonDocument::fromJson(m_fixture.readLine()).object();
    m_port = static_cast<quint16>(ready.value(QStringLiteral("port")).toInt());
    QVERIFY2(m_port != 0, "no port from hylafax.py serve");
}

void TestHylaFaxGateway::cleanupTestCase()
{
    if (m_fixture.state() != QProcess::NotRunning) {
        m_fixture.terminate(); // SIGTERM: the fixture stops faxq and hfaxd
        if (!m_fixture.waitForFinished(30000))
            m_fixture.kill();
    }
}

QHash<QString, QString> TestHylaFaxGateway::jobFile(const QString& queue, const QString& id) const
{
    QHash<QString, QString> values;
    QFile file(QStringLiteral("%1/%2/q%3").arg(m_spool, queue, id));
    if (!file.open(QIODevice::ReadOnly))
        return values;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = line.left(colon);
        if (key.endsWith(QLatin1String("pdf")))
            values[QStringLiteral("documents")] += line.mid(colon + 1) + QLatin1Char(';');
        else
            values.insert(key, line.mid(colon + 1));
    }
    return values;
}

QString TestHylaFaxGateway::jobWithTag(const QString& tag) const
{
    for (const QString& queue : {QStringLiteral("sendq"), QStringLiteral("doneq")}) {
        QDir dir(QStringLiteral("%1/%2").arg(m_spool, queue));
        for (const QString& name : dir.entryList({QStringLiteral("q*")}, QDir::Files)) {
            const auto values = jobFile(queue, name.mid(1));
            if (values.value(QStringLiteral("jobtag")) == tag)
                return name.mid(1);
        }
    }
    return {};
}

void TestHylaFaxGateway::reasonCodes_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("busy") << 1 << "Busy signal detected"
                          << "busy";
    QTest::newRow("busy, then no more dials") << 333 << "Busy signal detected; too many attempts to dial"
                                              << "busy";
    QTest::newRow("no answer, then no more dials")
        << 333 << "No answer from remote; too many attempts to dial"
        << "no-answer";
    QTest::newRow("no carrier") << 2 << "No carrier detected"
                                << "no-answer";
    QTest::newRow("data modem answered") << 8 << "Data connection established (wanted fax)"
                                         << "not-a-fax";
    QTest::newRow("no fax protocol") << 126 << "No receiver protocol (T.30 T1 timeout)"
                                     << "not-a-fax";
    QTest::newRow("training, then no more tries")
        << 334 << "Failure to train modems; too many attempts to send"
        << "line-error";
    QTest::newRow("PPS") << 147 << "No response to PPS repeated 3 times"
                         << "line-error";
    QTest::newRow("dial string") << 327 << "REJECT: Unable to convert dial string to canonical format"
                                 << "invalid-number";
    QTest::newRow("job control") << 348 << "REJECT: Not allowed"
                                 << "gateway-refused";
    QTest::newRow("kill time") << 325 << "Kill time expired"
                               << "unknown";
}

void TestHylaFaxGateway::reasonCodes()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(QString, reason);
    QCOMPARE(HylaFaxGateway::reasonCodeFor(code, text), reason);
}

void TestHylaFaxGateway::submitQueuesFindsAndCancels()
{
    HylaFaxGateway gateway(settings());
    QCOMPARE(gateway.name(), QStringLiteral("hylafax"));
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = QStringLiteral("90212345678#77");
    fax.senderName = QStringLiteral("김민수 \"Kim\"");
    fax.parts = {filePart(kPdfA), filePart(kPdfB)};
    fax.maxDials = 2;
    fax.maxTries = 4;

    QString jobId;
    QString error;
    bool retryable = true;
    QVERIFY2(gateway.submit(fax, &jobId, &error, &retryable), qPrintable(error));
    QVERIFY(!jobId.isEmpty());

    // The job as HylaFAX itself wrote it.
    auto job = jobFile(QStringLiteral("sendq"), jobId);
    QCOMPARE(job.value(QStringLiteral("jobtag")), fax.tag);
    QCOMPARE(job.value(QStringLiteral("number")), QStringLiteral("90212345678"));
    QCOMPARE(job.value(QStringLiteral("subaddr")), QStringLiteral("77"));
    QCOMPARE(job.value(QStringLiteral("maxdials")), QStringLiteral("2"));
    QCOMPARE(job.value(QStringLiteral("maxtries")), QStringLiteral("4"));
    QCOMPARE(job.value(QStringLiteral("sender")), QStringLiteral("김민수 \"Kim\""));
    QCOMPARE(job.value(QStringLiteral("documents")).count(QLatin1Char(';')), 2);
    // Each part arrived whole, in order.
    const QStringList docs =
        job.value(QStringLiteral("documents")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QFile first(m_spool + QLatin1Char('/') + docs.at(0).section(QLatin1Char(':'), -1));
    QFile second(m_spool + QLatin1Char('/') + docs.at(1).section(QLatin1Char(':'), -1));
    QFile a(kPdfA), b(kPdfB);
    QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QVERIFY(first.readAll() == a.readAll());
    QVERIFY(second.readAll() == b.readAll());

    FaxGatewayStatus status;
    QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
    QCOMPARE(status.state, FaxGatewayStatus::State::Queued); // no modem: it waits for one
    QCOMPARE(status.pagesSent, 0);
    QVERIFY(status.pagesTotal >= 0);
    QCOMPARE(status.attempts, 0);
    QVERIFY(status.reasonCode.isEmpty());

    QString found;
    QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
    QCOMPARE(found, jobId);
    QVERIFY2(gateway.findByTag(QStringLiteral("mps-fax-0"), &found, &error), qPrintable(error));
    QVERIFY(found.isEmpty());

    // Handing the same fax over again (an answer lost, a crash) gives the same job, not a second one.
    QString again;
    fax.parts = {filePart(kPdfA), filePart(kPdfB)};
    QVERIFY2(gateway.submit(fax, &again, &error, &retryable), qPrintable(error));
    QCOMPARE(again, jobId);

    QVERIFY2(gateway.cancel(jobId, &error), qPrintable(error));
    QVERIFY(jobWithTag(fax.tag).isEmpty());
    QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
    QVERIFY(found.isEmpty());
    QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
    QVERIFY(status.state != FaxGatewayStatus::State::Queued);
    // Cancelling what is gone is not an error.
    QVERIFY2(gateway.cancel(jobId, &error), qPrintable(error));
}

void TestHylaFaxGateway::refusedParameterIsNotRetryable()
{
    HylaFaxGateway gateway(settings());
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = QStringLiteral("#77"); // a sub-address without a number: hfaxd refuses the job
    fax.parts = {bytesPart(QByteArray("%PDF-1.4\n% not much of a document\n"))};
    QString jobId;
    QString error;
    bool retryable = true;
    bool nothingQueued = false;
    QVERIFY(!gateway.submit(fax, &jobId, &error, &retryable, &nothingQueued));
    QVERIFY(!retryable);
    QVERIFY(nothingQueued); // JSUBM answered: refused, so nothing waits at the gateway
    QVERIFY2(error.contains(QLatin1String("DIALSTRING")), qPrintable(error));
    QVERIFY(jobId.isEmpty());
    QVERIFY(jobWithTag(fax.tag).isEmpty()); // the half-made job is not left behind
    QString found;
    QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
    QVERIFY(found.isEmpty());
}

void TestHylaFaxGateway::passwordLogin()
{
    auto s = settings();
    s.user = QStringLiteral("pwuser");
    s.password = QStringLiteral("s3cret-Pw");
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = QStringLiteral("0212345678");
    fax.parts = {filePart(kPdfA)};
    QString jobId;
    QString error;
    bool retryable = false;
    {
        HylaFaxGateway gateway(s);
        QVERIFY2(gateway.submit(fax, &jobId, &error, &retryable), qPrintable(error));
        QCOMPARE(jobFile(QStringLiteral("sendq"), jobId).value(QStringLiteral("owner")),
                 QStringLiteral("pwuser"));
        QString found;
        QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
        QCOMPARE(found, jobId);
        QVERIFY2(gateway.cancel(jobId, &error), qPrintable(error));
    }
    // A wrong password is a refusal (not worth retrying), and is never repeated in the error.
    s.password = QStringLiteral("wrong-Pw");
    HylaFaxGateway wrong(s);
    fax.tag = uniqueTag();
    fax.parts = {filePart(kPdfA)};
    retryable = true;
    QVERIFY(!wrong.submit(fax, &jobId, &error, &retryable));
    QVERIFY(!retryable);
    QVERIFY2(error.contains(QLatin1String("PASS")) && !error.contains(QLatin1String("wrong-Pw")),
             qPrintable(error));
    // None configured while hfaxd asks for one.
    s.password.clear();
    HylaFaxGateway none(s);
    fax.parts = {filePart(kPdfA)};
    retryable = true;
    QVERIFY(!none.submit(fax, &jobId, &error, &retryable));
    QVERIFY(!retryable);
    QVERIFY2(error.contains(QLatin1String("password")), qPrintable(error));
    QVERIFY(jobWithTag(fax.tag).isEmpty());
}

void TestHylaFaxGateway::closedPortIsRetryable()
{
    auto s = settings();
    s.port = closedPort();
    QVERIFY(s.port != 0);
    HylaFaxGateway gateway(s);
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = QStringLiteral("0212345678");
    fax.parts = {filePart(kPdfA)};
    QString jobId;
    QString error;
    bool retryable = false;
    bool nothingQueued = false;
    QVERIFY(!gateway.submit(fax, &jobId, &error, &retryable, &nothingQueued));
    QVERIFY(retryable);
    QVERIFY(nothingQueued); // never connected: the sender may cancel it here
    QVERIFY(!error.isEmpty());
    FaxGatewayStatus status;
    QVERIFY(!gateway.status(QStringLiteral("1"), &status, &error));
    QString found;
    QVERIFY(!gateway.findByTag(fax.tag, &found, &error));
    QVERIFY(!gateway.cancel(QStringLiteral("1"), &error));
}

void TestHylaFaxGateway::silentServerTimesOut_data()
{
    QTest::addColumn<bool>("greet");
    QTest::newRow("never greets") << false;
    QTest::newRow("greets, then silent") << true;
}

void TestHylaFaxGateway::silentServerTimesOut()
{
    QFETCH(bool, greet);
    SilentServer server(greet);
    QVERIFY(server.port() != 0);
    auto s = settings();
    s.port = server.port();
    s.timeoutMs = 700;
    HylaFaxGateway gateway(s);
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = QStringLiteral("0212345678");
    fax.parts = {filePart(kPdfA)};
    QString jobId;
    QString error;
    bool retryable = false;
    bool nothingQueued = false;
    QVERIFY(!gateway.submit(fax, &jobId, &error, &retryable, &nothingQueued));
    QVERIFY(retryable);
    QVERIFY(nothingQueued); // silent before any job was made
    QVERIFY2(error.contains(QLatin1String("700 ms")), qPrintable(error));
    QVERIFY(server.accepted());
    FaxGatewayStatus status;
    QVERIFY(!gateway.status(QStringLiteral("1"), &status, &error));
}

// A real T.30 call through `hylafax.py loop` started by hand (no automated full calls here; the
// end-to-end tests make those): MPS_FAX_LOOP_PORT=<gatewayPort> MPS_FAX_LOOP_NUMBER=<remoteNumber>.
void TestHylaFaxGateway::realCallThroughTheLoop()
{
    const int port = qEnvironmentVariableIntValue("MPS_FAX_LOOP_PORT");
    const QString number = qEnvironmentVariable("MPS_FAX_LOOP_NUMBER");
    if (port == 0 || number.isEmpty())
        QSKIP("set MPS_FAX_LOOP_PORT and MPS_FAX_LOOP_NUMBER to the gateway of a running hylafax.py loop");
    auto s = settings();
    s.port = static_cast<quint16>(port);
    HylaFaxGateway gateway(s);
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = number + QStringLiteral("#42");
    fax.senderName = QStringLiteral("Loop test");
    fax.parts = {filePart(kPdfA), filePart(kPdfB)};
    QString jobId;
    QString error;
    bool retryable = false;
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(gateway.submit(fax, &jobId, &error, &retryable), qPrintable(error));
    const qint64 submitMs = clock.elapsed();

    FaxGatewayStatus status;
    QStringList seen;
    static const char* names[] = {"Queued", "Dialling", "Sending", "Sent", "Failed", "Cancelled", "Unknown"};
    qint64 pollMs = 0;
    int polls = 0;
    while (true) {
        QElapsedTimer one;
        one.start();
        QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
        pollMs = qMax(pollMs, one.elapsed());
        ++polls;
        const QString line = QStringLiteral("%1 %2/%3 %4")
                                 .arg(QLatin1String(names[static_cast<int>(status.state)]))
                                 .arg(status.pagesSent)
                                 .arg(status.pagesTotal)
                                 .arg(status.remoteId);
        if (seen.isEmpty() || seen.last().section(QLatin1Char('@'), 0, 0) != line)
            seen << QStringLiteral("%1@%2s").arg(line).arg(clock.elapsed() / 1000.0, 0, 'f', 1);
        if (status.state == FaxGatewayStatus::State::Sent ||
            status.state == FaxGatewayStatus::State::Failed || clock.elapsed() > 300000)
            break;
        QTest::qWait(1000);
    }
    qInfo(
        "submit %lld ms, slowest status poll %lld ms over %d polls; states: %s; duration %d s, attempts %d, "
        "reason '%s' (%s)",
        submitMs, pollMs, polls, qPrintable(seen.join(QStringLiteral(" -> "))), status.durationSecs,
        status.attempts, qPrintable(status.reasonCode), qPrintable(status.reasonText));
    QCOMPARE(status.state, FaxGatewayStatus::State::Sent);
    QVERIFY(status.pagesTotal >= 2);
    QCOMPARE(status.pagesSent, status.pagesTotal);
    QVERIFY(!status.remoteId.isEmpty());
    QVERIFY(status.durationSecs > 0);
    QCOMPARE(status.attempts, 1);
    QString found;
    QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
    QCOMPARE(found, jobId); // still found once done (doneq)
}

// Cancelling a fax while its call is under way (same switch as above): the call is dropped and the
// job leaves HylaFAX's queues.
void TestHylaFaxGateway::cancelDuringARealCall()
{
    const int port = qEnvironmentVariableIntValue("MPS_FAX_LOOP_PORT");
    const QString number = qEnvironmentVariable("MPS_FAX_LOOP_NUMBER");
    if (port == 0 || number.isEmpty())
        QSKIP("set MPS_FAX_LOOP_PORT and MPS_FAX_LOOP_NUMBER to the gateway of a running hylafax.py loop");
    auto s = settings();
    s.port = static_cast<quint16>(port);
    HylaFaxGateway gateway(s);
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = number;
    fax.parts = {filePart(kPdfA), filePart(kPdfB)};
    QString jobId;
    QString error;
    bool retryable = false;
    QVERIFY2(gateway.submit(fax, &jobId, &error, &retryable), qPrintable(error));
    FaxGatewayStatus status;
    QElapsedTimer clock;
    clock.start();
    do {
        QTest::qWait(500);
        QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
    } while (status.state != FaxGatewayStatus::State::Sending && clock.elapsed() < 120000);
    QCOMPARE(status.state, FaxGatewayStatus::State::Sending);
    clock.restart();
    QVERIFY2(gateway.cancel(jobId, &error), qPrintable(error));
    QString found;
    QVERIFY2(gateway.findByTag(fax.tag, &found, &error), qPrintable(error));
    qInfo("cancel took %lld ms; job %s afterwards", clock.elapsed(),
          found.isEmpty() ? "gone" : "still listed");
    QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
    QVERIFY(status.state == FaxGatewayStatus::State::Cancelled ||
            status.state == FaxGatewayStatus::State::Failed);
    qInfo("status after cancel: reason '%s' (%s)", qPrintable(status.reasonCode),
          qPrintable(status.reasonText));
}

// A call nobody answers (the loop's remote faxgetty stopped by hand; MPS_FAX_LOOP_UNANSWERED=1
// besides the two variables above): one dial allowed, so the job fails at once with no-answer.
void TestHylaFaxGateway::unansweredRealCall()
{
    const int port = qEnvironmentVariableIntValue("MPS_FAX_LOOP_PORT");
    const QString number = qEnvironmentVariable("MPS_FAX_LOOP_NUMBER");
    if (port == 0 || number.isEmpty() || qEnvironmentVariableIntValue("MPS_FAX_LOOP_UNANSWERED") != 1)
        QSKIP("set MPS_FAX_LOOP_PORT, MPS_FAX_LOOP_NUMBER and MPS_FAX_LOOP_UNANSWERED=1 (remote faxgetty "
              "stopped)");
    auto s = settings();
    s.port = static_cast<quint16>(port);
    HylaFaxGateway gateway(s);
    FaxSubmission fax;
    fax.tag = uniqueTag();
    fax.dialString = number;
    fax.parts = {filePart(kPdfA)};
    fax.maxDials = 1;
    QString jobId;
    QString error;
    bool retryable = false;
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(gateway.submit(fax, &jobId, &error, &retryable), qPrintable(error));
    FaxGatewayStatus status;
    do {
        QTest::qWait(1000);
        QVERIFY2(gateway.status(jobId, &status, &error), qPrintable(error));
    } while (status.state != FaxGatewayStatus::State::Failed &&
             status.state != FaxGatewayStatus::State::Sent && clock.elapsed() < 400000);
    qInfo("ended after %lld s: reason '%s' (%s), attempts %d", clock.elapsed() / 1000,
          qPrintable(status.reasonCode), qPrintable(status.reasonText), status.attempts);
    QCOMPARE(status.state, FaxGatewayStatus::State::Failed);
    QCOMPARE(status.reasonCode, QStringLiteral("no-answer"));
    QCOMPARE(status.attempts, 1);
}

QTEST_GUILESS_MAIN(TestHylaFaxGateway)
#include "TestHylaFaxGateway.moc"
