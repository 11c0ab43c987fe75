// The tray app's capture pieces that need no server: the outbox directory (Outbox), the decrypting
// upload device (OutboxDevice), the capture marker in job names (CaptureJobName) and the doorbell
// socket (CaptureServer). Uploads against a real server: tests/integration/test_capture.py.
#include "CaptureJobName.h"
#include "CaptureServer.h"
#include "Outbox.h"
#include "OutboxDevice.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <future>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

class TestCaptureOutbox : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    static QByteArray pattern(qint64 n)
    {
        QByteArray b(n, '\0');
        for (qint64 i = 0; i < n; ++i)
            b[i] = static_cast<char>((i * 7 + i / 13) & 0xff);
        return b;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_tmp.isValid());
    }

    void prepareMakesAPrivateDirectory()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("prep"));
        Outbox outbox(dir);
        QVERIFY2(outbox.prepare(), qPrintable(outbox.errorString()));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(dir).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        // A directory opened to others is closed again.
        QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0777), 0);
        QVERIFY(outbox.prepare());
        QCOMPARE(::stat(QFile::encodeName(dir).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        // A symlink is not an outbox.
        const QString link = m_tmp.filePath(QStringLiteral("link"));
        QVERIFY(QFile::link(dir, link));
        Outbox viaLink(link);
        QVERIFY(!viaLink.prepare());
        QVERIFY(!viaLink.errorString().isEmpty());
    }

    void publishPublicKeyOnlyWhenChanged()
    {
        Outbox outbox(m_tmp.filePath(QStringLiteral("pub")));
        QVERIFY(outbox.prepare());
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        QVERIFY(outbox.publishPublicKey(keys.publicKey()));
        const QString path = outbox.directory() + QStringLiteral("/outbox.pub");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto back = OutboxFormat::decodePublicKey(f.readAll().toStdString());
        QVERIFY(back && *back == keys.publicKey());
        QCOMPARE(QFile::permissions(path),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        const QDateTime before = QFileInfo(path).lastModified();
        QTest::qWait(20);
        QVERIFY(outbox.publishPublicKey(keys.publicKey()));
        QCOMPARE(QFileInfo(path).lastModified(), before);
        const OutboxKeyPair other = OutboxKeyPair::generate();
        QVERIFY(outbox.publishPublicKey(other.publicKey()));
        QFile g(path);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll().toStdString(), OutboxFormat::encodePublicKey(other.publicKey()));
    }

    void captureLifecycle()
    {
        Outbox outbox(m_tmp.filePath(QStringLiteral("life")));
        QVERIFY(outbox.prepare());
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        const QByteArray doc = pattern(300000);
        QBuffer buffer;
        buffer.setData(doc);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const QString id =
            outbox.add(&buffer, {{QStringLiteral("title"), QStringLiteral("report.pdf")}}, keys.publicKey());
        QVERIFY2(Outbox::isValidId(id), qPrintable(outbox.errorString()));
        QCOMPARE(outbox.ids(Outbox::State::Waiting), QStringList{id});
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(outbox.path(id, Outbox::State::Waiting)).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);

        QVERIFY(outbox.move(id, Outbox::State::Waiting, Outbox::State::Uploading));
        QVERIFY(outbox.ids(Outbox::State::Waiting).isEmpty());
        QCOMPARE(outbox.ids(Outbox::State::Uploading), QStringList{id});
        QVERIFY(!outbox.move(id, Outbox::State::Waiting, Outbox::State::Uploading));

        // The upload device gives back the document, announcing its size up front.
        OutboxDevice device;
        QVERIFY2(device.openFile(outbox.path(id, Outbox::State::Uploading), keys),
                 qPrintable(device.errorString()));
        QCOMPARE(device.size(), doc.size());
        QCOMPARE(device.bytesAvailable(), doc.size());
        QVERIFY(!device.atEnd());
        QCOMPARE(device.metadata().value(QLatin1String("title")).toString(), QStringLiteral("report.pdf"));
        QCOMPARE(device.metadata().value(QLatin1String("captureId")).toString(), id);
        QByteArray back;
        while (!device.atEnd()) {
            const QByteArray piece = device.read(12345);
            QVERIFY(!piece.isEmpty());
            back += piece;
        }
        QCOMPARE(back, doc);
        device.close();

        // Another key cannot open it.
        OutboxDevice stranger;
        QVERIFY(!stranger.openFile(outbox.path(id, Outbox::State::Uploading), OutboxKeyPair::generate()));

        QVERIFY(outbox.remove(id, Outbox::State::Uploading));
        QVERIFY(outbox.ids(Outbox::State::Uploading).isEmpty());
        QVERIFY(!outbox.remove(id, Outbox::State::Uploading));
    }

    void damagedFileFailsTheUpload()
    {
        Outbox outbox(m_tmp.filePath(QStringLiteral("damaged")));
        QVERIFY(outbox.prepare());
        const OutboxKeyPair keys = OutboxKeyPair::generate();
        QBuffer buffer;
        buffer.setData(pattern(200000));
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const QString id = outbox.add(&buffer, {}, keys.publicKey());
        QFile f(outbox.path(id, Outbox::State::Waiting));
        QVERIFY(f.open(QIODevice::ReadWrite));
        // One byte changed (flipped: writing a fixed character left the file as it was when the random
        // ciphertext already held it there, 1 run in 256).
        QVERIFY(f.seek(f.size() - 70000));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(f.size() - 70000));
        QVERIFY(f.putChar(static_cast<char>(c ^ 0x01)));
        f.close();
        OutboxDevice device;
        QVERIFY(device.openFile(f.fileName(), keys));
        QByteArray all;
        qint64 n = 0;
        char buf[8192];
        while ((n = device.read(buf, sizeof buf)) > 0)
            all.append(buf, n);
        QCOMPARE(n, qint64(-1));
        QVERIFY(all.size() < 200000);
    }

    void staleTemporariesAreRemoved()
    {
        Outbox outbox(m_tmp.filePath(QStringLiteral("stale")));
        QVERIFY(outbox.prepare());
        const QString fresh = outbox.directory() + QStringLiteral("/.tmp-fresh");
        const QString old = outbox.directory() + QStringLiteral("/.tmp-old");
        QFile(fresh).open(QIODevice::WriteOnly);
        QFile(old).open(QIODevice::WriteOnly);
        const utimbuf twoDaysAgo{time(nullptr) - 2 * 86400, time(nullptr) - 2 * 86400};
        QCOMPARE(::utime(QFile::encodeName(old).constData(), &twoDaysAgo), 0);
        QCOMPARE(outbox.removeStaleTemporaries(86400), 1);
        QVERIFY(QFile::exists(fresh));
        QVERIFY(!QFile::exists(old));
    }

    void idsAreChecked()
    {
        QVERIFY(Outbox::isValidId(Outbox::newId()));
        QVERIFY(Outbox::newId() != Outbox::newId());
        QVERIFY(!Outbox::isValidId(QStringLiteral("../../etc/passwd")));
        QVERIFY(!Outbox::isValidId(QStringLiteral("0123456789ABCDEF0123456789abcdef")));
        QVERIFY(!Outbox::isValidId(QStringLiteral("0123456789abcdef")));
        Outbox outbox(m_tmp.path());
        QVERIFY(outbox.path(QStringLiteral("../x"), Outbox::State::Waiting).isEmpty());
    }

    void jobNames_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("report.pdf") << QStringLiteral("report.pdf");
        QTest::newRow("korean") << QStringLiteral("보고서.pdf") << QStringLiteral("보고서.pdf");
        QTest::newRow("control characters") << QStringLiteral("a\nb\tc\u200bd") << QStringLiteral("a b c d");
        QTest::newRow("empty") << QString() << QStringLiteral("Untitled");
        QTest::newRow("long") << QString(300, QLatin1Char('x'))
                              << QString(CaptureJobName::MaxTitleLength, QLatin1Char('x'));
        QTest::newRow("looks like a marker")
            << QStringLiteral("x [mps-capture:0123]") << QStringLiteral("x [mps-capture:0123]");
    }
    void jobNames()
    {
        QFETCH(QString, title);
        QFETCH(QString, shown);
        const QString id = Outbox::newId();
        const QString name = CaptureJobName::forUpload(title, id);
        QVERIFY(name.size() <= 255);
        QCOMPARE(CaptureJobName::captureIdIn(name), id);
        QCOMPARE(CaptureJobName::displayName(name), shown);
        QCOMPARE(CaptureJobName::captureIdIn(shown), QString());
        QCOMPARE(CaptureJobName::displayName(shown), shown);
    }

    void doorbell()
    {
        const QString path = m_tmp.filePath(QStringLiteral("run/mps/capture.sock"));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("run"))));
        CaptureServer server;
        QVERIFY2(server.listen(path), qPrintable(server.errorString()));
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(m_tmp.filePath(QStringLiteral("run/mps"))).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QSignalSpy captured(&server, &CaptureServer::captured);

        // The backend's side, in a thread of its own so that this thread's event loop serves the server.
        auto ring = [&](const QByteArray& line) {
            auto answer = std::async(std::launch::async, [path, line] {
                const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                const timeval timeout{5, 0};
                ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
                sockaddr_un addr{};
                addr.sun_family = AF_UNIX;
                qstrncpy(addr.sun_path, QFile::encodeName(path).constData(), sizeof addr.sun_path);
                QByteArray reply;
                if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::write(fd, line.constData(), static_cast<size_t>(line.size())) == line.size()) {
                    char buf[64];
                    ssize_t n = 0;
                    while (!reply.endsWith('\n') && (n = ::read(fd, buf, sizeof buf)) > 0)
                        reply.append(buf, n);
                }
                ::close(fd);
                return reply;
            });
            for (int i = 0; i < 500 && answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
                 ++i)
                QTest::qWait(10);
            return answer.get();
        };
        const QString id = Outbox::newId();
        QCOMPARE(ring("captured " + id.toLatin1() + "\n"), QByteArray("ok\n"));
        QTRY_COMPARE(captured.size(), 1);
        QCOMPARE(captured.first().first().toString(), id);
        QCOMPARE(ring("captured ../../etc/passwd\n"), QByteArray("error\n"));
        QCOMPARE(ring("hello\n"), QByteArray("error\n"));
        QCOMPARE(captured.size(), 1);

        // Another user is refused even when the directory lets them reach the socket (as root only:
        // the ringing side switches to "nobody").
        if (::getuid() == 0) {
            for (const char* d : {"", "run", "run/mps"})
                QCOMPARE(::chmod(QFile::encodeName(m_tmp.filePath(QString::fromLatin1(d))).constData(), 0755),
                         0);
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0777), 0);
            auto answer = std::async(std::launch::async, [path, id] {
                const pid_t child = ::fork();
                if (child == 0) {
                    if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                        ::_exit(3);
                    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                    const timeval timeout{5, 0};
                    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
                    sockaddr_un addr{};
                    addr.sun_family = AF_UNIX;
                    qstrncpy(addr.sun_path, QFile::encodeName(path).constData(), sizeof addr.sun_path);
                    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
                        ::_exit(4);
                    const QByteArray line = "captured " + id.toLatin1() + "\n";
                    char buf[16];
                    const bool sent =
                        ::write(fd, line.constData(), static_cast<size_t>(line.size())) == line.size();
                    // Refused: the server closes without "ok".
                    ::_exit(sent && ::read(fd, buf, sizeof buf) > 0 ? 5 : 0);
                }
                int status = -1;
                ::waitpid(child, &status, 0);
                return status;
            });
            for (int i = 0; i < 500 && answer.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
                 ++i)
                QTest::qWait(10);
            const int status = answer.get();
            QVERIFY(WIFEXITED(status));
            QCOMPARE(WEXITSTATUS(status), 0);
            QCOMPARE(captured.size(), 1);
            QCOMPARE(::chmod(QFile::encodeName(m_tmp.filePath(QStringLiteral("run/mps"))).constData(), 0700),
                     0);
        }

        // One receiver per socket: a second instance does not take over a live one.
        CaptureServer second;
        QVERIFY(!second.listen(path));
        QVERIFY(!second.errorString().isEmpty());
        server.close();
        // A socket directory others can enter is not used.
        const QByteArray socketDir = QFile::encodeName(m_tmp.filePath(QStringLiteral("run/mps")));
        QCOMPARE(::chmod(socketDir.constData(), 0755), 0);
        CaptureServer open;
        QVERIFY(!open.listen(path));
        QCOMPARE(::chmod(socketDir.constData(), 0700), 0);
        // A stale socket left by a crash (bound, nobody listening) is replaced.
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        qstrncpy(addr.sun_path, QFile::encodeName(path).constData(), sizeof addr.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
        ::close(fd);
        QVERIFY(QFile::exists(path));
        CaptureServer third;
        QVERIFY2(third.listen(path), qPrintable(third.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestCaptureOutbox)
#include "TestCaptureOutbox.moc"
