#include "DocumentConverter.h"

#include "ErrnoText.h"
#include "Wiped.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

Q_LOGGING_CATEGORY(lcConvert, "mps.server.convert", QtInfoMsg)

namespace {

constexpr rlim_t MiB = 1024 * 1024;
constexpr rlim_t MaxOutputFileBytes = 1024 * MiB; // no file the converter writes may grow past 1 GiB
constexpr qint64 CopyChunk = 64 * 1024;

// Releases a converter slot when the conversion ends, however it ends.
class SlotGuard
{
public:
    explicit SlotGuard(QSemaphore& semaphore) : m_slots(semaphore) {}
    ~SlotGuard() { m_slots.release(); }
    SlotGuard(const SlotGuard&) = delete;
    SlotGuard& operator=(const SlotGuard&) = delete;

private:
    QSemaphore& m_slots;
};

// Wipes the work directory (input copy, profile, output) when the conversion ends.
class WorkDirGuard
{
public:
    explicit WorkDirGuard(QString path) : m_path(std::move(path)) {}
    ~WorkDirGuard()
    {
        if (!m_path.isEmpty() && !QDir(m_path).removeRecursively())
            qCWarning(lcConvert).noquote() << "could not remove the work directory" << m_path;
    }
    WorkDirGuard(const WorkDirGuard&) = delete;
    WorkDirGuard& operator=(const WorkDirGuard&) = delete;

private:
    QString m_path;
};

QString resolveWorkRoot(const QString& configured)
{
    if (!configured.isEmpty())
        return configured;
    // tmpfs: the plaintext copy LibreOffice needs lives in memory only.
    const QFileInfo shm(QStringLiteral("/dev/shm"));
    if (shm.isDir() && shm.isWritable())
        return shm.absoluteFilePath();
    return QDir::tempPath();
}

QString resolveProgram(const QString& configured)
{
    const QString name = configured.isEmpty() ? QStringLiteral("soffice") : configured;
    if (QFileInfo(name).isAbsolute())
        return QFileInfo(name).isExecutable() ? name : QString();
    return QStandardPaths::findExecutable(name);
}

// Work directories are named after the server process that made them: mps-convert-<pid>-XXXXXX.
const QString WorkDirPrefix = QStringLiteral("mps-convert-");
const QString ConverterPidFile = QStringLiteral("converter.pid");

// Removes work directories left by a server that is gone (killed during a conversion), and kills a
// converter still running there: its command line names that directory, so nothing else is hit.
void removeStaleWorkDirs(const QString& root)
{
    const QStringList dirs =
        QDir(root).entryList({WorkDirPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : dirs) {
        const QString owner = name.mid(WorkDirPrefix.size()).section(QLatin1Char('-'), 0, 0);
        bool ok = false;
        const pid_t serverPid = static_cast<pid_t>(owner.toLongLong(&ok));
        if (!ok || serverPid <= 0 || ::kill(serverPid, 0) == 0 || errno != ESRCH)
            continue; // not ours, or its server still runs
        const QString dir = root + QLatin1Char('/') + name;
        if (QFileInfo(dir).ownerId() != ::geteuid())
            continue;
        QFile pidFile(dir + QLatin1Char('/') + ConverterPidFile);
        if (pidFile.open(QIODevice::ReadOnly)) {
            const pid_t converter = static_cast<pid_t>(pidFile.readAll().trimmed().toLongLong());
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(converter));
            if (converter > 0 && cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().contains(QFile::encodeName(dir)))
                ::kill(-converter, SIGKILL);
        }
        if (QDir(dir).removeRecursively())
            qCInfo(lcConvert).noquote() << "removed the work directory" << dir << "of a server that stopped";
    }
}

// Whether a child may enter a new network namespace here (root, and not forbidden by a container).
bool canIsolateNetwork()
{
    if (::geteuid() != 0)
        return false;
    const pid_t pid = ::fork();
    if (pid == 0)
        ::_exit(::unshare(CLONE_NEWNET) == 0 ? 0 : 1);
    if (pid < 0)
        return false;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool copyInput(QIODevice* input, const QString& path, QString* error)
{
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = errnoText();
        return false;
    }
    bool ok = input->seek(0);
    WipedChars buf(CopyChunk); // plaintext: wiped when freed
    while (ok) {
        const qint64 n = input->read(buf.data(), CopyChunk);
        if (n < 0) {
            *error = input->errorString();
            ok = false;
        }
        if (n <= 0)
            break;
        for (qint64 done = 0; ok && done < n;) {
            const ssize_t w = ::write(fd, buf.data() + done, static_cast<size_t>(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                *error = errnoText();
                ok = false;
            } else {
                done += w;
            }
        }
    }
    ::close(fd);
    return ok;
}

// Waits for `pid` until `deadlineMs` (steady clock via `timer`) and returns true with its wait status,
// or false when the deadline passed first.
bool waitWithDeadline(pid_t pid, const QElapsedTimer& timer, qint64 deadlineMs, int* status)
{
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    for (;;) {
        const pid_t r = ::waitpid(pid, status, WNOHANG);
        if (r == pid)
            break;
        if (r < 0 && errno != EINTR) {
            *status = 0;
            break;
        }
        const qint64 left = deadlineMs - timer.elapsed();
        if (left <= 0) {
            if (pidfd >= 0)
                ::close(pidfd);
            return false;
        }
        if (pidfd >= 0) {
            // The pidfd becomes readable when the child exits: no polling interval.
            pollfd p{pidfd, POLLIN, 0};
            ::poll(&p, 1, static_cast<int>(std::min<qint64>(left, 60000)));
        } else {
            // Kernels before 5.3 have no pidfd: look again shortly.
            const timespec pause{0, 20 * 1000 * 1000};
            ::nanosleep(&pause, nullptr);
        }
    }
    if (pidfd >= 0)
        ::close(pidfd);
    return true;
}

QString logTail(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > 400)
        f.seek(f.size() - 400);
    return QString::fromUtf8(f.readAll()).simplified();
}

} // namespace

DocumentConverter::Settings DocumentConverter::Settings::fromIni(QSettings& ini, Settings defaults)
{
    Settings s = std::move(defaults);
    ini.beginGroup(QStringLiteral("convert"));
    s.command = ini.value(QStringLiteral("command"), s.command).toString();
    s.workRoot = ini.value(QStringLiteral("work-dir"), s.workRoot).toString();
    auto positive = [&](const char* key, qint64 current) {
        const qint64 v = ini.value(QLatin1String(key), current).toLongLong();
        return v > 0 ? v : current;
    };
    s.timeoutSecs = static_cast<int>(positive("timeout-seconds", s.timeoutSecs));
    s.memoryMb = static_cast<int>(positive("memory-mb", s.memoryMb));
    s.maxParallel = static_cast<int>(positive("parallel", s.maxParallel));
    s.maxDocumentBytes = positive("max-document-mb", s.maxDocumentBytes / (1024 * 1024)) * 1024 * 1024;
    ini.endGroup();
    return s;
}

DocumentConverter::DocumentConverter(Settings settings)
    : m_settings(std::move(settings)), m_workRoot(resolveWorkRoot(m_settings.workRoot)),
      m_program(resolveProgram(m_settings.command)), m_isolateNetwork(canIsolateNetwork()),
      m_slots(std::max(1, m_settings.maxParallel))
{
    removeStaleWorkDirs(m_workRoot);
    if (m_program.isEmpty())
        qCWarning(lcConvert).noquote()
            << "converter" << (m_settings.command.isEmpty() ? QStringLiteral("soffice") : m_settings.command)
            << "not found: office documents and text will be refused";
    else
        qCInfo(lcConvert).noquote() << "converter" << m_program << "work directories in" << m_workRoot
                                    << (m_isolateNetwork
                                            ? "without network (own network namespace)"
                                            : "with network (no namespace: not root or not permitted)");
}

DocumentConverter::Result DocumentConverter::convert(QIODevice* input, qint64 size,
                                                     const DocumentFormat& format, const PdfSink& sink)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    const QString saveAsPdf = tr("Open it in the program that made it, save it as PDF and print the PDF.");
    auto finish = [&](Result::Status status, const QString& error) {
        result.status = status;
        result.error = error;
        result.elapsedMs = timer.elapsed();
        return result;
    };

    if (!DocumentFormat::isConvertible(format.kind))
        return finish(Result::Status::Unreadable, DocumentFormat::refusal(format.kind));
    if (size > m_settings.maxDocumentBytes)
        return finish(Result::Status::TooLarge,
                      tr("Documents that the server converts to PDF may be at most %1 MB. %2")
                          .arg(m_settings.maxDocumentBytes / (1024 * 1024))
                          .arg(saveAsPdf));
    if (m_program.isEmpty())
        return finish(Result::Status::ServerError,
                      tr("This server cannot convert documents to PDF. %1").arg(saveAsPdf));

    // Wait for a turn, but not for ever: a queue of slow documents must not hold an upload open.
    if (!m_slots.tryAcquire(1, m_settings.timeoutSecs * 1000))
        return finish(Result::Status::Busy,
                      tr("The server is busy converting other documents. Try again in a "
                         "minute, or save the document as PDF and print the PDF."));
    SlotGuard slot(m_slots);

    QByteArray tmpl = QFile::encodeName(m_workRoot + QLatin1Char('/') + WorkDirPrefix +
                                        QString::number(::getpid()) + QStringLiteral("-XXXXXX"));
    if (!::mkdtemp(tmpl.data())) { // mkdtemp makes it 0700
        qCWarning(lcConvert).noquote()
            << "cannot create a work directory in" << m_workRoot << ":" << errnoText();
        return finish(Result::Status::ServerError,
                      tr("The server could not convert the document. Try again later."));
    }
    const QString work = QFile::decodeName(tmpl);
    WorkDirGuard wipe(work);
    QDir dir(work);
    if (!dir.mkdir(QStringLiteral("in")) || !dir.mkdir(QStringLiteral("out")) ||
        !dir.mkdir(QStringLiteral("tmp")))
        return finish(Result::Status::ServerError,
                      tr("The server could not convert the document. Try again later."));

    QString copyError;
    if (!copyInput(input, work + QStringLiteral("/in/document.") + format.extension, &copyError)) {
        qCWarning(lcConvert).noquote() << "cannot copy the document for conversion:" << copyError;
        return finish(Result::Status::ServerError,
                      tr("The server could not convert the document. Try again later."));
    }

    QString pdfPath;
    const Result::Status status = run(work, format, &pdfPath);
    switch (status) {
    case Result::Status::Ok:
        break;
    case Result::Status::TimedOut:
        return finish(status, tr("Converting the document took longer than the %1 seconds allowed. %2")
                                  .arg(m_settings.timeoutSecs)
                                  .arg(saveAsPdf));
    case Result::Status::Crashed:
        return finish(status, tr("The converter stopped while reading this document. %1").arg(saveAsPdf));
    case Result::Status::Unreadable:
        return finish(
            status,
            tr("The document could not be converted: it may be damaged or protected by a password. %1")
                .arg(saveAsPdf));
    default:
        return finish(status, tr("The server could not convert the document. Try again later."));
    }

    QFile pdf(pdfPath);
    // Unbuffered: QIODevice's read buffer would keep the document's plaintext and free it unwiped.
    if (!pdf.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return finish(Result::Status::ServerError,
                      tr("The server could not convert the document. Try again later."));
    result.pdfBytes = pdf.size();
    QString sinkError;
    if (!sink(&pdf, &sinkError))
        return finish(Result::Status::ServerError, sinkError);
    qCInfo(lcConvert).noquote() << format.mimeType << "converted to PDF in" << timer.elapsed() << "ms,"
                                << size << "->" << result.pdfBytes << "bytes";
    return finish(Result::Status::Ok, QString());
}

DocumentConverter::Result::Status DocumentConverter::run(const QString& work, const DocumentFormat& format,
                                                         QString* pdfPath)
{
    // Everything the child needs is built before fork(): after it, only async-signal-safe calls.
    std::vector<std::string> args = {
        QFile::encodeName(m_program).toStdString(),
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        "--nodefault",
        "--nolockcheck",
        "-env:UserInstallation=" +
            QUrl::fromLocalFile(work + QStringLiteral("/profile")).toString(QUrl::FullyEncoded).toStdString(),
    };
    if (format.kind == DocumentFormat::Kind::Text)
        // Korean text in a CJK font; LibreOffice's font fallback covers other scripts.
        args.push_back("--infilter=Text (encoded):" + format.textCharset.toStdString() +
                       ",LF,Noto Sans Mono CJK KR,ko-KR");
    args.insert(args.end(),
                {"--convert-to", "pdf", "--outdir",
                 QFile::encodeName(work + QStringLiteral("/out")).toStdString(),
                 QFile::encodeName(work + QStringLiteral("/in/document.") + format.extension).toStdString()});
    const std::vector<std::string> env = {
        "PATH=/usr/local/bin:/usr/bin:/bin",
        "HOME=" + QFile::encodeName(work).toStdString(),
        "TMPDIR=" + QFile::encodeName(work + QStringLiteral("/tmp")).toStdString(),
        "LANG=C.UTF-8",
        "SAL_USE_VCLPLUGIN=svp",
    };
    std::vector<char*> argv, envp;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto& e : env)
        envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);

    const QString logPath = work + QStringLiteral("/converter.log");
    const int logFd =
        ::open(QFile::encodeName(logPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    const int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const std::string workDir = QFile::encodeName(work).toStdString();
    const bool isolateNetwork = m_isolateNetwork;
    const rlim_t memory = static_cast<rlim_t>(std::max(64, m_settings.memoryMb)) * MiB;
    const rlim_t cpu = static_cast<rlim_t>(std::max(1, m_settings.timeoutSecs));

    const pid_t serverPid = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // Child: its own process group (killed as one), limits, no network, no inherited descriptors.
        ::setsid();
        // If the server dies, the converter goes with it (its own children are killed by the next
        // server's start-up clean-up, see removeStaleWorkDirs).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != serverPid)
            ::_exit(125);
        // The server's blocked signals would otherwise carry over into the converter.
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        const rlimit as{memory, memory};
        const rlimit cpuLimit{cpu, cpu + 5};
        const rlimit noCore{0, 0};
        const rlimit fsize{MaxOutputFileBytes, MaxOutputFileBytes};
        ::setrlimit(RLIMIT_AS, &as);
        ::setrlimit(RLIMIT_CPU, &cpuLimit);
        ::setrlimit(RLIMIT_CORE, &noCore); // a crash must not write the document into a core file
        ::setrlimit(RLIMIT_FSIZE, &fsize);
        if (isolateNetwork)
            ::unshare(CLONE_NEWNET);
        if (nullFd >= 0)
            ::dup2(nullFd, 0);
        if (logFd >= 0) {
            ::dup2(logFd, 1);
            ::dup2(logFd, 2);
        }
        ::close_range(3, ~0U, 0);
        if (::chdir(workDir.c_str()) != 0)
            ::_exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    if (logFd >= 0)
        ::close(logFd);
    if (nullFd >= 0)
        ::close(nullFd);
    if (pid < 0) {
        qCWarning(lcConvert) << "cannot start the converter:" << errnoText();
        return Result::Status::ServerError;
    }
    QFile pidFile(work + QLatin1Char('/') + ConverterPidFile);
    if (pidFile.open(QIODevice::WriteOnly))
        pidFile.write(QByteArray::number(pid));
    pidFile.close();

    QElapsedTimer timer;
    timer.start();
    int status = 0;
    const bool exited = waitWithDeadline(pid, timer, qint64{m_settings.timeoutSecs} * 1000, &status);
    // Whatever happened, nothing the converter started may outlive it.
    ::kill(-pid, SIGKILL);
    if (!exited) {
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        qCInfo(lcConvert).noquote() << format.mimeType << "conversion killed after" << m_settings.timeoutSecs
                                    << "s";
        return Result::Status::TimedOut;
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        qCInfo(lcConvert).noquote() << format.mimeType << "converter ended by signal" << sig << ":"
                                    << logTail(logPath);
        return sig == SIGXCPU || sig == SIGKILL ? Result::Status::TimedOut : Result::Status::Crashed;
    }
    const QFileInfo out(work + QStringLiteral("/out/document.pdf"));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !out.isFile() || out.size() == 0) {
        qCInfo(lcConvert).noquote() << format.mimeType << "converter exit status"
                                    << (WIFEXITED(status) ? WEXITSTATUS(status) : -1)
                                    << ", no PDF:" << logTail(logPath);
        // LibreOffice reports a crash of its worker as an exit status of the launcher.
        return WIFEXITED(status) && WEXITSTATUS(status) >= 128 ? Result::Status::Crashed
                                                               : Result::Status::Unreadable;
    }
    *pdfPath = out.absoluteFilePath();
    return Result::Status::Ok;
}
