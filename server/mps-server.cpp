// mps-server: holds print jobs encrypted and releases them to MFPs.
#include "Server.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <csignal>
#include <cstdio>
#include <semaphore.h>
#include <sys/stat.h>

namespace {
sem_t g_quit;
void onSignal(int)
{
    sem_post(&g_quit);
}
} // namespace

int main(int argc, char** argv)
{
    // Poppler renders thumbnails through QtGui; no display is needed or used.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mps-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MPS_VERSION));
    ::umask(077);
    std::signal(SIGPIPE, SIG_IGN);

    ServerConfig config;
    QString error;
    if (!config.parse(QCoreApplication::arguments(), &error)) {
        std::fprintf(stderr, "mps-server: %s\n", qPrintable(error));
        return 2;
    }
    Server server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "mps-server: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "mps-server: listening on https://%s:%u/ (IPP: ipps://%s:%u/ipp/print)\n",
                 qPrintable(config.listenHost), server.port(), qPrintable(config.publicName), server.port());
    sem_init(&g_quit, 0, 0);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (sem_wait(&g_quit) != 0) {
    }
    std::fprintf(stderr, "mps-server: stopping\n");
    server.stop();
    return 0;
}
