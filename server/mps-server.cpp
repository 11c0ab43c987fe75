// mps-server: holds print jobs encrypted and releases them to MFPs.
#include "Log.h"
#include "Server.h"
#include "TlsCertificate.h"

#include <poppler-qt6.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <csignal>
#include <cstdio>
#include <semaphore.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

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

    // Poppler reports damaged documents through qDebug; keep that in the ingest category, at debug level.
    Poppler::setDebugErrorFunction(
        [](const QString& message, const QVariant&) { qCDebug(lcIngest) << message; }, QVariant());

    ServerConfig config;
    QString error;
    if (!config.parse(QCoreApplication::arguments(), &error)) {
        std::fprintf(stderr, "mps-server: %s\n", qPrintable(error));
        return 2;
    }
    // Every connection and push stream is an open file: take all the kernel allows this process. The
    // HTTP server derives its connection caps from what we got (docs/server.md).
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
        const rlim_t before = files.rlim_cur;
        files.rlim_cur = files.rlim_max;
        if (files.rlim_cur != before && ::setrlimit(RLIMIT_NOFILE, &files) != 0)
            files.rlim_cur = before;
        std::fprintf(stderr, "mps-server: open-file limit %llu (was %llu, hard limit %llu)\n",
                     static_cast<unsigned long long>(files.rlim_cur), static_cast<unsigned long long>(before),
                     static_cast<unsigned long long>(files.rlim_max));
    }
    Server server(config);
    if (!server.start(&error)) {
        std::fprintf(stderr, "mps-server: %s\n", qPrintable(error));
        return 1;
    }
    std::fprintf(stderr, "mps-server: listening on https://%s:%u/ (IPP: ipps://%s:%u/ipp/print)\n",
                 qPrintable(config.listenHost), server.port(), qPrintable(config.publicName), server.port());
    // Published by IT so that users can compare it with what the tray app shows on first sign-in.
    std::fprintf(stderr, "mps-server: TLS certificate SHA-256 fingerprint %s\n",
                 qPrintable(TlsCertificate::fingerprint(config.tlsCert)));
    sem_init(&g_quit, 0, 0);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (sem_wait(&g_quit) != 0) {
    }
    std::fprintf(stderr, "mps-server: stopping\n");
    server.stop();
    // Everything that matters is committed; detached connection threads must not race destructors.
    std::fflush(stderr);
    ::_exit(0);
}
