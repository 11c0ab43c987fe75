// A stand-in for mps-scan-helper that misbehaves as its device name says, for TestSaneScanner's
// checks of what SaneScanner does with a helper that hangs or dies (the real helper cannot be made to
// hang on purpose): "silent" never answers; "crash" aborts on the first command; "stuck-in-cancel:<file>"
// ends its first scan as jammed and then never finishes sane_cancel (it creates <file>), and answers
// normally when <file> exists.
#include "ScanProtocol.h"

#include <QFile>

#include <cstdlib>
#include <unistd.h>

using ScanProtocol::Message;

namespace {
void send(const QByteArray& frame)
{
    if (!ScanProtocol::write(STDOUT_FILENO, frame))
        std::_Exit(3);
}
} // namespace

int main(int argc, char** argv)
{
    if (argc != 2)
        return 2;
    const QString device = QString::fromLocal8Bit(argv[1]);
    QByteArray inbox;
    for (;;) {
        char buffer[4096];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0)
            return 0;
        inbox.append(buffer, n);
        QList<QByteArray> frames;
        if (!ScanProtocol::takeFrames(&inbox, &frames))
            return 4;
        for (const QByteArray& body : frames) {
            QDataStream in(body);
            const Message m = ScanProtocol::readMessage(in);
            if (device == QLatin1String("silent"))
                continue;
            if (device == QLatin1String("crash"))
                std::abort();
            if (device.startsWith(QLatin1String("stuck-in-cancel:")) && m == Message::Scan) {
                QFile marker(device.section(QLatin1Char(':'), 1));
                if (!marker.exists()) {
                    (void)marker.open(QIODevice::WriteOnly);
                    send(ScanProtocol::frame(Message::Finished, [](QDataStream& s) {
                        s << QStringLiteral("jammed") << QList<int>{};
                    }));
                    for (;;)
                        ::pause();
                }
                send(ScanProtocol::frame(Message::Finished,
                                         [](QDataStream& s) { s << QString() << QList<int>{}; }));
                send(ScanProtocol::frame(Message::Ready));
            }
        }
    }
}
