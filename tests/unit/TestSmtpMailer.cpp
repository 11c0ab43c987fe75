// SmtpMailer against a real aiosmtpd (tests/fixtures/mail.py serve): STARTTLS verified against the
// fixture's self-signed certificate, AUTH, a streamed attachment that arrives intact without memory
// growing with its size, and how failures are classified (server down, bad CA, 4xx, 5xx).
#include "SmtpMailer.h"
#include "TestData.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

/// A deterministic byte pattern of `size` bytes, produced on demand (never whole in memory), with
/// the SHA-256 of what it delivered.
struct PatternSource
{
    qint64 size = 0;
    qint64 offset = 0;
    QCryptographicHash hash{QCryptographicHash::Sha256};

    qint64 read(char* buf, qint64 max)
    {
        const qint64 n = qMin(max, size - offset);
        for (qint64 i = 0; i < n; ++i)
            buf[i] = static_cast<char>(((offset + i) * 131 + ((offset + i) >> 12)) & 0xff);
        hash.addData(QByteArrayView(buf, n));
        offset += n;
        return n;
    }
};

} // namespace

class TestSmtpMailer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void deliversAStreamedAttachmentOverStartTls();
    void serverDownIsRetryableAndLaterDelivered();
    void unknownCertificateIsRefused();
    void temporaryAndPermanentAnswers();
    void wrongPasswordIsPermanent();
    void startTlsRequiredRefusesAPlainServer();
    void refusedBeforeConnecting();

private:
    [[nodiscard]] bool startFixture(QProcess* process, const QStringList& args, QJsonObject* ready);
    static void stopFixture(QProcess* process);
    MailConfig config() const;
    QJsonArray messages() const;

    QTemporaryDir m_dir;
    QProcess m_relay;
    QJsonObject m_ready;
    quint16 m_port = 0;
};

bool TestSmtpMailer::startFixture(QProcess* process, const QStringList& args, QJsonObject* ready)
{
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral("/usr/bin/python3"),
                   QStringList{QStringLiteral(MPS_SOURCE_DIR "/tests/fixtures/mail.py"),
                               QStringLiteral("serve"), QStringLiteral("--watch-stdin")} +
                       args);
    if (!process->waitForStarted())
        return false;
    while (!process->canReadLine()) {
        if (process->state() != QProcess::Running || !process->waitForReadyRead(60000))
            return false;
    }
    *ready = QJsonDocument::fromJson(process->readLine()).object();
    return ready->value(QStringLiteral("port")).toInt() != 0;
}

void TestSmtpMailer::stopFixture(QProcess* process)
{
    if (process->state() == QProcess::NotRunning)
        return;
    process->terminate();
    if (!process->waitForFinished(30000))
        process->kill();
    process->waitForFinished(5000);
}

MailConfig TestSmtpMailer::config() const
{
    MailConfig c;
    c.url = QStringLiteral("smtp://localhost:%1").arg(m_port);
    c.user = QStringLiteral("mps");
    c.passwordFile = m_ready.value(QStringLiteral("passwordFile")).toString();
    c.caFile = m_ready.value(QStringLiteral("ca")).toString();
    c.from = QStringLiteral("MPS 프린터 <mps@example.test>");
    c.timeoutSeconds = 15;
    c.maxMessageMb = 64;
    return c;
}

QJsonArray TestSmtpMailer::messages() const
{
    QProcess dump;
    dump.start(QStringLiteral("/usr/bin/python3"),
               {QStringLiteral(MPS_SOURCE_DIR "/tests/fixtures/mail.py"), QStringLiteral("dump"),
                m_ready.value(QStringLiteral("maildir")).toString()});
    if (!dump.waitForFinished(120000))
        return {};
    return QJsonDocument::fromJson(dump.readAllStandardOutput()).array();
}

void TestSmtpMailer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(startFixture(&m_relay,
                          {QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("relay")),
                           QStringLiteral("--user"), QStringLiteral("mps"), QStringLiteral("--password"),
                           QStringLiteral("s3cret pw")},
                          &m_ready),
             "mail.py serve did not start");
    m_port = static_cast<quint16>(m_ready.value(QStringLiteral("port")).toInt());
}

void TestSmtpMailer::cleanupTestCase()
{
    stopFixture(&m_relay);
}

void TestSmtpMailer::deliversAStreamedAttachmentOverStartTls()
{
    const SmtpMailer mailer(config());
    // A first small message loads TLS and everything else a send needs, so the peak below is the
    // large attachment's own cost.
    MailMessage warmUp;
    warmUp.to = {QStringLiteral("warmup@example.test")};
    warmUp.subject = QStringLiteral("warm-up");
    warmUp.text = QStringLiteral("warm-up");
    const SmtpMailer::Result first = mailer.send(warmUp);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.smtpCode, 250);
    const qint64 peakBefore = TestData::procSelfNumber("status", "VmHWM");
    QVERIFY(peakBefore > 0);

    PatternSource source;
    source.size = 24 * 1024 * 1024 + 123;
    MailMessage message;
    message.to = {QStringLiteral("kim@example.test"), QStringLiteral("park@example.test")};
    message.subject =
        QStringLiteral("스캔: 계약서 2026-12 (서명본) / Scan: contract 2026-12 (signed) — a long subject "
                       "line that has to be folded over several encoded words");
    message.text = QStringLiteral("첨부한 PDF를 확인해 주세요.\nPlease find the PDF attached.\n");
    MailAttachment attachment;
    attachment.fileName = QStringLiteral("contract.pdf");
    attachment.mimeType = "application/pdf";
    attachment.size = source.size;
    attachment.read = [&source](char* buf, qint64 max) { return source.read(buf, max); };
    message.attachments = {attachment};
    const SmtpMailer::Result result = mailer.send(message);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.smtpCode, 250);
    QCOMPARE(source.offset, source.size);
    const qint64 growthKiB = TestData::procSelfNumber("status", "VmHWM") - peakBefore;
    // The attachment is 24 MiB (32 MiB as base64): holding it would raise the peak by that much.
    QVERIFY2(growthKiB < 4 * 1024, qPrintable(QStringLiteral("peak memory grew by %1 KiB").arg(growthKiB)));

    const QJsonArray all = messages();
    QJsonObject mail;
    for (const QJsonValue& m : all) {
        if (m.toObject().value(QStringLiteral("to")).toArray().contains(QStringLiteral("kim@example.test")))
            mail = m.toObject();
    }
    QVERIFY2(!mail.isEmpty(), "the message did not arrive");
    QCOMPARE(mail.value(QStringLiteral("subject")).toString(), message.subject);
    QCOMPARE(
        mail.value(QStringLiteral("text")).toString().replace(QStringLiteral("\r\n"), QStringLiteral("\n")),
        message.text);
    QCOMPARE(mail.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(mail.value(QStringLiteral("authUser")).toString(), QStringLiteral("mps"));
    QCOMPARE(mail.value(QStringLiteral("from")).toString(), QStringLiteral("mps@example.test"));
    QCOMPARE(mail.value(QStringLiteral("rcptTo")).toArray(),
             QJsonArray({QStringLiteral("kim@example.test"), QStringLiteral("park@example.test")}));
    QVERIFY2(mail.value(QStringLiteral("sender")).toString().contains(QStringLiteral("MPS 프린터")),
             qPrintable(mail.value(QStringLiteral("sender")).toString()));
    const QJsonArray attachments = mail.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    const QJsonObject got = attachments.first().toObject();
    QCOMPARE(got.value(QStringLiteral("fileName")).toString(), QStringLiteral("contract.pdf"));
    QCOMPARE(got.value(QStringLiteral("mimeType")).toString(), QStringLiteral("application/pdf"));
    QCOMPARE(got.value(QStringLiteral("size")).toInteger(), source.size);
    QCOMPARE(got.value(QStringLiteral("sha256")).toString().toLatin1(), source.hash.result().toHex());
}

void TestSmtpMailer::serverDownIsRetryableAndLaterDelivered()
{
    const SmtpMailer mailer(config());
    MailMessage message;
    message.to = {QStringLiteral("down@example.test")};
    message.subject = QStringLiteral("while down");
    message.text = QStringLiteral("x");
    stopFixture(&m_relay);
    const SmtpMailer::Result down = mailer.send(message);
    QVERIFY(!down.ok);
    QVERIFY2(down.retryable, qPrintable(down.error));
    QCOMPARE(down.smtpCode, 0);
    QVERIFY(!down.error.isEmpty());

    QJsonObject again;
    QVERIFY2(startFixture(&m_relay,
                          {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--dir"),
                           m_dir.filePath(QStringLiteral("relay")), QStringLiteral("--user"),
                           QStringLiteral("mps"), QStringLiteral("--password"), QStringLiteral("s3cret pw")},
                          &again),
             "mail.py serve did not start again");
    const SmtpMailer::Result up = mailer.send(message);
    QVERIFY2(up.ok, qPrintable(up.error));
}

void TestSmtpMailer::unknownCertificateIsRefused()
{
    // A certificate of its own, that did not sign the relay's.
    const QString otherCa = m_dir.filePath(QStringLiteral("other.crt"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("other.key")), QStringLiteral("-out"), otherCa,
                   QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost")});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    const int before = messages().size();
    MailConfig c = config();
    c.caFile = otherCa;
    MailMessage message;
    message.to = {QStringLiteral("kim@example.test")};
    message.subject = QStringLiteral("must not arrive");
    message.text = QStringLiteral("x");
    const SmtpMailer::Result result = SmtpMailer(c).send(message);
    QVERIFY(!result.ok);
    QVERIFY2(!result.retryable, qPrintable(result.error));
    QVERIFY(!result.error.isEmpty());
    QCOMPARE(messages().size(), before);
}

void TestSmtpMailer::temporaryAndPermanentAnswers()
{
    const SmtpMailer mailer(config());
    MailMessage message;
    message.subject = QStringLiteral("answers");
    message.text = QStringLiteral("x");
    message.to = {QStringLiteral("tempfail@example.test")};
    const SmtpMailer::Result temporary = mailer.send(message);
    QVERIFY(!temporary.ok);
    QCOMPARE(temporary.smtpCode, 451);
    QVERIFY2(temporary.retryable, qPrintable(temporary.error));
    message.to = {QStringLiteral("reject@example.test")};
    const SmtpMailer::Result permanent = mailer.send(message);
    QVERIFY(!permanent.ok);
    QCOMPARE(permanent.smtpCode, 550);
    QVERIFY2(!permanent.retryable, qPrintable(permanent.error));
}

void TestSmtpMailer::wrongPasswordIsPermanent()
{
    const QString wrong = m_dir.filePath(QStringLiteral("wrong-password"));
    QFile file(wrong);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not the password\n");
    file.close();
    MailConfig c = config();
    c.passwordFile = wrong;
    MailMessage message;
    message.to = {QStringLiteral("kim@example.test")};
    message.subject = QStringLiteral("wrong password");
    message.text = QStringLiteral("x");
    const SmtpMailer::Result result = SmtpMailer(c).send(message);
    QVERIFY(!result.ok);
    QVERIFY2(!result.retryable, qPrintable(result.error));
    QVERIFY2(result.error.contains(QStringLiteral("denied"), Qt::CaseInsensitive), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QStringLiteral("not the password")), qPrintable(result.error));
}

void TestSmtpMailer::startTlsRequiredRefusesAPlainServer()
{
    QProcess plain;
    QJsonObject ready;
    QVERIFY2(startFixture(&plain,
                          {QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("plain")),
                           QStringLiteral("--no-starttls")},
                          &ready),
             "mail.py serve --no-starttls did not start");
    MailConfig c = config();
    c.url = ready.value(QStringLiteral("url")).toString();
    c.user.clear();
    MailMessage message;
    message.to = {QStringLiteral("kim@example.test")};
    message.subject = QStringLiteral("in the clear?");
    message.text = QStringLiteral("x");
    const SmtpMailer::Result refused = SmtpMailer(c).send(message);
    QVERIFY(!refused.ok);
    QVERIFY2(!refused.retryable, qPrintable(refused.error));
    // The same relay with starttls = off (allowed on loopback) takes it.
    c.starttls = QStringLiteral("off");
    const SmtpMailer::Result plainOk = SmtpMailer(c).send(message);
    QVERIFY2(plainOk.ok, qPrintable(plainOk.error));
    stopFixture(&plain);
}

void TestSmtpMailer::refusedBeforeConnecting()
{
    MailMessage message;
    message.to = {QStringLiteral("kim@example.test")};
    message.subject = QStringLiteral("x");
    message.text = QStringLiteral("x");
    MailConfig c = config();
    c.url = QStringLiteral("smtp://mail.example.test:25");
    c.starttls = QStringLiteral("off");
    const SmtpMailer::Result offRemote = SmtpMailer(c).send(message);
    QVERIFY(!offRemote.ok);
    QVERIFY(!offRemote.retryable);
    QVERIFY2(offRemote.error.contains(QStringLiteral("loopback")), qPrintable(offRemote.error));

    c = config();
    c.maxMessageMb = 1;
    MailAttachment big;
    big.fileName = QStringLiteral("big.bin");
    big.size = 2 * 1024 * 1024;
    bool read = false;
    big.read = [&read](char*, qint64) -> qint64 {
        read = true;
        return -1;
    };
    message.attachments = {big};
    const SmtpMailer::Result tooLarge = SmtpMailer(c).send(message);
    QVERIFY(!tooLarge.ok);
    QVERIFY(!tooLarge.retryable);
    QVERIFY(!read);
    QVERIFY2(tooLarge.error.contains(QStringLiteral("max-message-mb")), qPrintable(tooLarge.error));
}

QTEST_GUILESS_MAIN(TestSmtpMailer)
#include "TestSmtpMailer.moc"
