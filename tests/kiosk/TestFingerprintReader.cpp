// FingerprintReader against libfprint's real virtual sensor (virtual_device_storage, driven over its
// Unix socket): enrolment, verification, identification, no match, retries, errors and cancellation.
#include "FingerprintReader.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

class TestFingerprintReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void enrolVerifyAndIdentify();
    void noMatch();
    void retryKeepsTheActionGoing();
    void deviceErrorIsReported();
    void cancelledActionReportsNothing();
    void newRequestReplacesRunningOne();
    void unreadableTemplateFails();
    void startAndStopRightAway();

private:
    /// Sends one command to the virtual sensor (one command per connection).
    bool send(const QByteArray& command);
    QByteArray enrol(const QString& user, const QByteArray& finger);

    QTemporaryDir m_dir;
    QString m_socket;
    FingerprintReader* m_reader = nullptr;
};

bool TestFingerprintReader::send(const QByteArray& command)
{
    // The sensor's socket exists once the device is open.
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        qstrncpy(addr.sun_path, QFile::encodeName(m_socket).constData(), sizeof addr.sun_path);
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
            bool ok = ::write(fd, command.constData(), static_cast<size_t>(command.size())) == command.size();
            // The sensor takes one connection at a time and drops an unread one when the next
            // arrives: wait until it has read the command and hung up.
            ::shutdown(fd, SHUT_WR);
            pollfd p{fd, POLLIN, 0};
            char c;
            ok = ok && ::poll(&p, 1, 5000) == 1 && ::read(fd, &c, 1) >= 0;
            ::close(fd);
            return ok;
        }
        ::close(fd);
        QTest::qWait(50);
    }
    return false;
}

void TestFingerprintReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_socket = m_dir.filePath(QStringLiteral("fp.sock"));
    qputenv("FP_VIRTUAL_DEVICE_STORAGE", QFile::encodeName(m_socket));
    m_reader = new FingerprintReader(this);
    QSignalSpy available(m_reader, &FingerprintReader::availabilityChanged);
    m_reader->start();
    QVERIFY(available.wait(10000));
    QVERIFY(m_reader->isAvailable());
    QVERIFY(m_reader->canIdentify());
    QCOMPARE(m_reader->enrollStages(), 5);
}

void TestFingerprintReader::cleanupTestCase()
{
    m_reader->stop(); // already stopped by the last test: no effect
    QVERIFY(!m_reader->isAvailable());
}

QByteArray TestFingerprintReader::enrol(const QString& user, const QByteArray& finger)
{
    QSignalSpy progress(m_reader, &FingerprintReader::enrollProgress);
    QSignalSpy enrolled(m_reader, &FingerprintReader::enrolled);
    m_reader->enroll(user);
    for (int i = 0; i < 5; ++i) {
        if (!send("SCAN " + finger))
            return {};
    }
    if (!enrolled.wait(10000))
        return {};
    if (progress.size() != 5 || progress.last().at(0).toInt() != 5 || progress.last().at(1).toInt() != 5)
        return {};
    return enrolled.first().first().toByteArray();
}

void TestFingerprintReader::enrolVerifyAndIdentify()
{
    const QByteArray kim = enrol(QStringLiteral("kim"), "kim-right-index");
    QVERIFY(!kim.isEmpty());
    QVERIFY(kim.size() < 1024); // a template, not an image
    const QByteArray lee = enrol(QStringLiteral("lee"), "lee-thumb");
    QVERIFY(!lee.isEmpty());
    QVERIFY(kim != lee);

    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    m_reader->verify(kim);
    QVERIFY(send("SCAN kim-right-index"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().first().toBool(), true);

    QSignalSpy identified(m_reader, &FingerprintReader::identified);
    m_reader->identify({{QStringLiteral("kim"), kim}, {QStringLiteral("lee"), lee}});
    QVERIFY(send("SCAN lee-thumb"));
    QVERIFY(identified.wait(10000));
    QCOMPARE(identified.first().first().toString(), QStringLiteral("lee"));
}

void TestFingerprintReader::noMatch()
{
    const QByteArray park = enrol(QStringLiteral("park"), "park-index");
    QVERIFY(!park.isEmpty());
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    m_reader->verify(park);
    QVERIFY(send("SCAN someone-else"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().first().toBool(), false);

    // Identification among candidates that do not include the finger: no user.
    QSignalSpy identified(m_reader, &FingerprintReader::identified);
    m_reader->identify({{QStringLiteral("park"), park}});
    QVERIFY(send("SCAN kim-right-index"));
    QVERIFY(identified.wait(10000));
    QCOMPARE(identified.first().first().toString(), QString());
}

void TestFingerprintReader::retryKeepsTheActionGoing()
{
    const QByteArray choi = enrol(QStringLiteral("choi"), "choi-index");
    QVERIFY(!choi.isEmpty());
    QSignalSpy retry(m_reader, &FingerprintReader::scanRetry);
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    m_reader->verify(choi);
    QVERIFY(send("RETRY 1")); // FP_DEVICE_RETRY_TOO_SHORT
    QVERIFY(retry.wait(10000));
    QVERIFY(retry.first().first().toString().contains(QLatin1String("too short")));
    QVERIFY(send("SCAN choi-index"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().first().toBool(), true);
}

void TestFingerprintReader::deviceErrorIsReported()
{
    const QByteArray jung = enrol(QStringLiteral("jung"), "jung-index");
    QVERIFY(!jung.isEmpty());
    QSignalSpy failed(m_reader, &FingerprintReader::failed);
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    m_reader->verify(jung);
    QVERIFY(send("ERROR 0")); // FP_DEVICE_ERROR_GENERAL
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(verified.size(), 0);
    // The sensor is still usable afterwards.
    m_reader->verify(jung);
    QVERIFY(send("SCAN jung-index"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().first().toBool(), true);
}

void TestFingerprintReader::cancelledActionReportsNothing()
{
    const QByteArray han = enrol(QStringLiteral("han"), "han-index");
    QVERIFY(!han.isEmpty());
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    QSignalSpy failed(m_reader, &FingerprintReader::failed);
    m_reader->verify(han);
    QTRY_COMPARE(m_reader->activeAction(), FingerprintReader::Action::Verify);
    m_reader->cancel();
    QCOMPARE(m_reader->activeAction(), FingerprintReader::Action::None);
    QTest::qWait(500);
    QCOMPARE(verified.size(), 0);
    QCOMPARE(failed.size(), 0);
    // A new action after the cancellation works and sees only its own finger.
    m_reader->verify(han);
    QVERIFY(send("SCAN han-index"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.size(), 1);
    QCOMPARE(verified.first().first().toBool(), true);
}

void TestFingerprintReader::newRequestReplacesRunningOne()
{
    const QByteArray yoon = enrol(QStringLiteral("yoon"), "yoon-index");
    QVERIFY(!yoon.isEmpty());
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    QSignalSpy identified(m_reader, &FingerprintReader::identified);
    using A = FingerprintReader::Action;
    m_reader->identify({{QStringLiteral("yoon"), yoon}});
    QTRY_COMPARE(m_reader->activeAction(), A::Identify);
    m_reader->verify(yoon); // cancels the identification, then verifies
    // A finger arriving while the switch happens may go to either action: wait for the verify.
    QTRY_COMPARE(m_reader->activeAction(), A::Verify);
    QVERIFY(send("SCAN yoon-index"));
    QVERIFY(verified.wait(10000));
    QCOMPARE(verified.first().first().toBool(), true);
    QCOMPARE(identified.size(), 0);
    QTRY_COMPARE(m_reader->activeAction(), A::None); // done: nothing listens any more
}

void TestFingerprintReader::unreadableTemplateFails()
{
    QSignalSpy failed(m_reader, &FingerprintReader::failed);
    QSignalSpy verified(m_reader, &FingerprintReader::verified);
    m_reader->verify(QByteArray("not a serialized print"));
    QVERIFY(failed.wait(10000));
    // libfprint aborts the process on data shorter than its magic: refused before it gets there.
    m_reader->verify(QByteArray("FP"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(verified.size(), 0);
}

void TestFingerprintReader::startAndStopRightAway()
{
    // One reader per process (GLib's default context is one): a second one stays off.
    {
        FingerprintReader second;
        QSignalSpy available(&second, &FingerprintReader::availabilityChanged);
        second.start();
        QTest::qWait(300);
        QCOMPARE(available.size(), 0);
        QVERIFY(!second.isAvailable());
    }
    QVERIFY(m_reader->isAvailable());
    // Stopping reports the sensor gone.
    QSignalSpy gone(m_reader, &FingerprintReader::availabilityChanged);
    m_reader->stop();
    QVERIFY(!m_reader->isAvailable());
    QCOMPARE(gone.size(), 1);

    // Stopping while the sensor is still being found or opened ends cleanly (no crash, no hang),
    // and a reader stopped after opening reports it is gone. Each uses a sensor of its own.
    qputenv("FP_VIRTUAL_DEVICE_STORAGE", QFile::encodeName(m_dir.filePath(QStringLiteral("quick.sock"))));
    for (int delayMs : {0, 1, 5, 20, 200, 0, 1, 5}) {
        FingerprintReader reader;
        QSignalSpy available(&reader, &FingerprintReader::availabilityChanged);
        reader.start();
        QTest::qWait(delayMs);
        reader.verify(QByteArray(64, 'x'));
        reader.stop();
        QVERIFY(!reader.isAvailable());
        QCoreApplication::processEvents();
        QVERIFY(!reader.isAvailable());
        QVERIFY(available.size() <= 2);
    }
}

int main(int argc, char* argv[])
{
    qputenv("QT_NO_GLIB", "1"); // as the kiosk: libfprint's thread owns GLib's default context
    QCoreApplication app(argc, argv);
    TestFingerprintReader test;
    return QTest::qExec(&test, argc, argv);
}

#include "TestFingerprintReader.moc"
