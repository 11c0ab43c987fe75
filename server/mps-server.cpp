// mps-server: holds print jobs encrypted and releases them to MFPs.
#include "Log.h"
#include "ProcessPrivacy.h"
#include "Server.h"
#include "TlsCertificate.h"

#include <poppler-qt6.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <csignal>
#include <cstdio>
#include <malloc.h>
#include <semaphore.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

namespace {
sem_t g_wake;                            // posted by the handlers: the main loop has news
volatile std::sig_atomic_t g_stop = 0;   // SIGINT, SIGTERM
volatile std::sig_atomic_t g_reload = 0; // SIGHUP
void onStop(int)
{
    g_stop = 1;
    sem_post(&g_wake);
}
void onReload(int)
{
    g_reload = 1;
    sem_post(&g_wake);
}
void handle(int signal, void (*handler)(int))
{
    struct sigaction sa = {};
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    ::sigaction(signal, &sa, nullptr);
}

// Re-reads the command line's configuration (the --config file) and applies it: systemd learns of the
// reload (RELOADING=1 ... READY=1), a file that does not parse changes nothing.
void reload(Server& server)
{
    sd_notify(0, "RELOADING=1\nSTATUS=Reloading the configuration");
    ServerConfig next;
    QString error;
    if (!next.parse(QCoreApplication::arguments(), &error)) {
        std::fprintf(stderr, "mps-server: configuration not reloaded, the running one is kept: %s\n",
                     qPrintable(error));
        sd_notifyf(0, "READY=1\nSTATUS=Serving on port %u; the last reload failed: %s", server.port(),
                   qPrintable(error));
        return;
    }
    const QStringList restart = server.reload(next);
    std::fprintf(stderr, "mps-server: configuration reloaded%s%s\n",
                 restart.isEmpty() ? "" : "; needs a restart to apply: ",
                 qPrintable(restart.join(QLatin1String("; "))));
    sd_notifyf(0, "READY=1\nSTATUS=Serving on port %u (configuration reloaded)", server.port());
}
} // namespace

int main(int argc, char** argv)
{
    // Upload buffers (a body read ahead, a document kept for inspection: up to 4 MiB each) come from
    // malloc's arenas and stay there when freed, up to 8 MiB per arena. With glibc's defaults each
    // one-page job mmap'd or trimmed and faulted in again about 2 MiB, ~20 % of the CPU it took
    // (docs/benchmarks.md, ingest).
    ::mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
    ::mallopt(M_TRIM_THRESHOLD, 8 * 1024 * 1024);
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
    // Keys and documents in this process's memory go into no core file and to no same-user debugger.
    if (config.coreDumps) {
        std::fprintf(stderr, "mps-server: core dumps allowed (core-dumps=true): a crash writes keys and "
                             "documents in memory to disk\n");
    } else if (!ProcessPrivacy::keepMemoryPrivate(&error)) {
        std::fprintf(stderr, "mps-server: %s\n", qPrintable(error));
        return 1;
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
    // Signals only now: before this a SIGHUP or SIGTERM ends the process, as nothing is served yet.
    sem_init(&g_wake, 0, 0);
    handle(SIGINT, onStop);
    handle(SIGTERM, onStop);
    handle(SIGHUP, onReload);
    // Type=notify: systemd counts the service as started once the port is open (no-op without systemd).
    sd_notifyf(0, "READY=1\nSTATUS=Serving on port %u\nMAINPID=%lu", server.port(),
               static_cast<unsigned long>(::getpid()));
    while (!g_stop) {
        while (sem_wait(&g_wake) != 0) {
        }
        if (g_reload && !g_stop) {
            g_reload = 0;
            reload(server);
        }
    }
    sd_notify(0, "STOPPING=1\nSTATUS=Stopping");
    std::fprintf(stderr, "mps-server: stopping\n");
    server.stop();
    // Everything that matters is committed; detached connection threads must not race destructors.
    std::fflush(stderr);
    ::_exit(0);
}
