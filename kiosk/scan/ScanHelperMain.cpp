// mps-scan-helper <device>: libsane in a process of its own for SaneScanner. Commands come as frames on
// stdin (ScanProtocol), answers go as frames to the original stdout; anything else a backend prints to
// stdout goes to stderr with the log. libsane runs on one thread, which owns the SaneDevice; the main
// thread reads stdin, so Cancel reaches a scan under way. When stdin closes the scan is cancelled and
// the helper ends; it also dies with the kiosk (PR_SET_PDEATHSIG).
#include "KioskLog.h"
#include "ProcessPrivacy.h"
#include "SaneDevice.h"
#include "ScanPageEncoder.h"
#include "ScanProtocol.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <unistd.h>

namespace {
using ScanProtocol::Message;

/// Lives on the scanner thread with the device.
class ScannerThreadObject : public QObject
{
public:
    ScannerThreadObject(const QString& name, const std::atomic<bool>* cancel, int protocolFd)
        : m_device(name, cancel), m_fd(protocolFd)
    {
    }

    void open()
    {
        if (!m_device.open()) {
            const QString code = m_device.errorCode();
            reply(ScanProtocol::frame(Message::Finished, [&](QDataStream& s) { s << code << QList<int>{}; }));
            reply(ScanProtocol::frame(Message::Ready));
            return;
        }
        const QList<int> sources = ScanProtocol::toInts(m_device.sources());
        reply(ScanProtocol::frame(Message::Opened, [&](QDataStream& s) { s << sources; }));
    }

    void scan(const SaneScanner::Request& request)
    {
        const bool lineart = request.mode == SaneScanner::Mode::Lineart;
        qint32 number = 0;
        const bool ok = m_device.scan(request, [&](const QImage& image, int dpi) {
            const ScannedPage page = ScanPageEncoder::encode(image, dpi, lineart);
            ++number;
            qCDebug(lcKioskScan) << "page" << number << "encoded," << page.data.size() << "bytes";
            reply(ScanProtocol::frame(Message::Page, [&](QDataStream& s) { s << number << page; }));
        });
        const QString code = ok ? QString() : m_device.errorCode();
        const QList<int> sources = m_device.isOpen() && code != QLatin1String("scanner-unavailable")
                                       ? ScanProtocol::toInts(m_device.sources())
                                       : QList<int>{};
        // The kiosk hears the outcome before sane_cancel, which a backend may never return from.
        reply(ScanProtocol::frame(Message::Finished, [&](QDataStream& s) { s << code << sources; }));
        m_device.endScan();
        reply(ScanProtocol::frame(Message::Ready));
    }

private:
    void reply(const QByteArray& frame) const
    {
        if (!ScanProtocol::write(m_fd, frame))
            ::_exit(3); // the kiosk is gone
    }

    SaneDevice m_device;
    int m_fd;
};
} // namespace

int main(int argc, char** argv)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The scanned pages, and a backend that may crash: no core file.
    const QString privacy = ProcessPrivacy::keepAppMemoryPrivate();
    if (!privacy.isEmpty())
        std::fprintf(stderr, "mps-scan-helper: %s\n", qPrintable(privacy));
    // The protocol keeps the real stdout; a backend's printf goes to stderr instead.
    const int protocolFd = ::dup(STDOUT_FILENO);
    if (protocolFd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
        return 2;
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: mps-scan-helper <SANE device>\n");
        return 2;
    }
    std::atomic<bool> cancel{false};
    QThread thread;
    thread.setObjectName(QStringLiteral("sane"));
    auto* worker = new ScannerThreadObject(QString::fromLocal8Bit(argv[1]), &cancel, protocolFd);
    worker->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    thread.start();

    QByteArray inbox;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    auto quit = [&] {
        input.setEnabled(false);
        cancel = true;
        app.quit();
    };
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[64 * 1024];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            return;
        if (n <= 0) {
            quit();
            return;
        }
        inbox.append(buffer, n);
        QList<QByteArray> frames;
        if (!ScanProtocol::takeFrames(&inbox, &frames)) {
            qCWarning(lcKioskScan) << "scan helper: malformed command frame";
            quit();
            return;
        }
        for (const QByteArray& body : frames) {
            QDataStream in(body);
            switch (ScanProtocol::readMessage(in)) {
            case Message::Open:
                QMetaObject::invokeMethod(worker, [worker] { worker->open(); });
                break;
            case Message::Scan: {
                SaneScanner::Request request;
                in >> request;
                if (in.status() != QDataStream::Ok) {
                    qCWarning(lcKioskScan) << "scan helper: malformed scan request";
                    quit();
                    return;
                }
                cancel = false;
                QMetaObject::invokeMethod(worker, [worker, request] { worker->scan(request); });
                break;
            }
            case Message::Cancel:
                cancel = true;
                break;
            default:
                qCWarning(lcKioskScan) << "scan helper: unknown command";
                quit();
                return;
            }
        }
    });

    const int rc = app.exec();
    thread.quit();
    thread.wait();
    return rc;
}
