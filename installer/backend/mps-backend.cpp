// mps: the CUPS backend of the "MPS Secure Print" and "MPS Fax" queues.
//
// cupsd runs it as root (the file is mode 0700) for each job with
//   mps JOB-ID USER TITLE COPIES OPTIONS [FILE]
// and the document (PDF from pdftopdf) in FILE or on stdin. It seals the document into the outbox
// of the local user who printed it, /var/spool/mps-outbox/<uid>/<capture id>.mpsout, with that
// user's outbox public key (OutboxCipher), so that only the user's tray app can read it, and rings
// the tray app's doorbell. The tray app uploads it to the MPS server with the user's session.
//
// Which queue: the device URI (DEVICE_URI, set by cupsd). mps:/ (or mps:/print) is "MPS Secure
// Print": the capture becomes a held print job. mps:/fax is "MPS Fax": the capture is marked
// "kind":"fax" in its metadata and becomes a fax draft, for which the tray app opens its fax dialog.
//
// Identity: USER is the name cupsd authenticated (the queue's mps-secure-print policy requires
// authentication; over the local socket that is the peer's uid). Jobs cupsd did not authenticate
// (AUTH_USERNAME missing or different, AUTH_UID not the user's uid) are cancelled, so a queue set up
// without the policy cannot be used to print as someone else.
//
// Root is used only to open (or create) the user's outbox directory in the root-owned spool; the
// backend then drops to the user's uid and gid for everything else, so whatever the user placed in
// that directory can only affect the user.
//
// Exit codes (cups/backend.h): OK once the capture is on disk; HOLD when the user has never run the
// tray app (no public key yet: release the job after signing in); RETRY when the outbox cannot be
// written (disk full); CANCEL for jobs that cannot be attributed to a local user.
//
// Test-only overrides, set by cupsd's SetEnv (cups-files.conf), never by a user: MPS_OUTBOX_BASE
// (default /var/spool/mps-outbox) and MPS_RUNTIME_BASE (default /run/user).

#include "OutboxCipher.h"
#include "ProcessPrivacyCore.h"

#include <cups/backend.h>
#include <cups/cups.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <string>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

volatile std::sig_atomic_t g_cancelled = 0;

void onTerm(int)
{
    g_cancelled = 1;
}

// Messages to cupsd: "ERROR:"/"INFO:"/"DEBUG:" lines on stderr end up in the job's state message
// and the error log.
void say(const char* level, const std::string& text)
{
    std::fprintf(stderr, "%s: %s\n", level, text.c_str());
    std::fflush(stderr);
}

std::string errnoText()
{
    return std::strerror(errno);
}

const char* envOr(const char* name, const char* fallback)
{
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

// JSON string escaping for the metadata; invalid UTF-8 and control characters become U+FFFD / space.
std::string jsonString(const std::string& in)
{
    std::string out = "\"";
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7f) {
            out += ' ';
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            // Copy one well-formed UTF-8 sequence, or replace the byte.
            int len = (c >= 0xc2 && c <= 0xdf)   ? 2
                      : (c >= 0xe0 && c <= 0xef) ? 3
                      : (c >= 0xf0 && c <= 0xf4) ? 4
                                                 : 0;
            bool ok = len > 0 && i + static_cast<std::size_t>(len) <= n;
            for (int k = 1; ok && k < len; ++k)
                ok = (p[i + static_cast<std::size_t>(k)] & 0xc0) == 0x80;
            if (ok) {
                out.append(in, i, static_cast<std::size_t>(len));
                i += static_cast<std::size_t>(len);
            } else {
                out += "\xef\xbf\xbd";
                ++i;
            }
        }
    }
    out += '"';
    return out;
}

// Shortens a UTF-8 string to at most `max` bytes without splitting a character.
std::string truncateUtf8(std::string s, std::size_t max)
{
    if (s.size() <= max)
        return s;
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xc0) == 0x80)
        --cut;
    s.resize(cut);
    return s;
}

std::string newCaptureId()
{
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    char hex[33];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    return hex;
}

std::string sidesFrom(int numOptions, cups_option_t* options)
{
    if (const char* sides = cupsGetOption("sides", numOptions, options)) {
        const std::string s = sides;
        if (s == "one-sided" || s == "two-sided-long-edge" || s == "two-sided-short-edge")
            return s;
    }
    if (const char* duplex = cupsGetOption("Duplex", numOptions, options)) {
        const std::string d = duplex;
        if (d == "DuplexNoTumble")
            return "two-sided-long-edge";
        if (d == "DuplexTumble")
            return "two-sided-short-edge";
    }
    return "one-sided";
}

std::string colorModeFrom(int numOptions, cups_option_t* options)
{
    const char* mode = cupsGetOption("print-color-mode", numOptions, options);
    const char* model = cupsGetOption("ColorModel", numOptions, options);
    if ((mode && std::strcmp(mode, "monochrome") == 0) || (model && std::strcmp(model, "Gray") == 0))
        return "monochrome";
    // A colour document prints in colour on a colour MFP: the server's "auto".
    return "auto";
}

std::string documentFormat()
{
    const char* type = envOr("FINAL_CONTENT_TYPE", envOr("CONTENT_TYPE", ""));
    const std::string t = type;
    if (t == "application/pdf" || t == "application/vnd.cups-pdf")
        return "application/pdf";
    if (t == "image/jpeg" || t == "image/pwg-raster" || t == "image/urf")
        return t;
    return "application/octet-stream";
}

// What the queue's device URI asks for: "print" (mps:/, mps:/print, and a bare "mps" from old set-ups),
// "fax" (mps:/fax), or empty for a URI this backend does not know.
std::string captureKind(const char* deviceUri)
{
    std::string uri = deviceUri ? deviceUri : "";
    if (uri.rfind("mps:", 0) != 0)
        return uri.empty() || uri == "mps" ? "print" : "";
    std::string path = uri.substr(4);
    if (const auto cut = path.find_first_of("?#"); cut != std::string::npos)
        path.resize(cut);
    while (!path.empty() && path.front() == '/')
        path.erase(path.begin());
    while (!path.empty() && path.back() == '/')
        path.pop_back();
    if (path.empty() || path == "print")
        return "print";
    if (path == "fax")
        return "fax";
    return "";
}

// Opens the user's outbox directory as root, creating it (0700, owned by the user) when missing.
// Refuses anything that is not a directory owned by the user and closed to others.
int openOutboxDirectory(const char* base, uid_t uid, gid_t gid, std::string* error)
{
    const int baseFd = ::open(base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st
    {
    };
    if (baseFd < 0 || ::fstat(baseFd, &st) != 0) {
        *error = std::string("cannot open the outbox spool ") + base + ": " + errnoText();
        if (baseFd >= 0)
            ::close(baseFd);
        return -1;
    }
    // Users may create their own directories in the spool (mode 1733), so it must be root's and sticky
    // if anyone else can write to it.
    if (st.st_uid != 0 || ((st.st_mode & 022) != 0 && (st.st_mode & S_ISVTX) == 0)) {
        *error = std::string("the outbox spool ") + base + " must belong to root (mode 1733 or 0711)";
        ::close(baseFd);
        return -1;
    }
    const std::string name = std::to_string(uid);
    int fd = ::openat(baseFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        if (::mkdirat(baseFd, name.c_str(), 0700) != 0 && errno != EEXIST) {
            *error = std::string("cannot create the outbox ") + base + "/" + name + ": " + errnoText();
            ::close(baseFd);
            return -1;
        }
        fd = ::openat(baseFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        // Only a directory this process just made (still root's) is handed over to the user.
        if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_uid == 0 &&
            (::fchown(fd, uid, gid) != 0 || ::fchmod(fd, 0700) != 0)) {
            *error =
                std::string("cannot hand the outbox ") + base + "/" + name + " to its user: " + errnoText();
            ::close(fd);
            ::close(baseFd);
            return -1;
        }
    }
    ::close(baseFd);
    if (fd < 0) {
        *error = std::string("the outbox ") + base + "/" + name + " is not a directory: " + errnoText();
        return -1;
    }
    if (::fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != uid || (st.st_mode & 022) != 0) {
        *error = std::string("the outbox ") + base + "/" + name + " does not belong to user " + name +
                 " or others can write to it; remove it";
        ::close(fd);
        return -1;
    }
    return fd;
}

bool dropPrivileges(uid_t uid, gid_t gid, std::string* error)
{
    if (::setgroups(1, &gid) != 0 || ::setresgid(gid, gid, gid) != 0 || ::setresuid(uid, uid, uid) != 0) {
        *error = "cannot switch to the user: " + errnoText();
        return false;
    }
    if (uid != 0 && ::setuid(0) == 0) {
        *error = "could switch back to root after dropping privileges";
        return false;
    }
    ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    return true;
}

// Reads the user's outbox.pub (as the user). Returns false when there is none (tray app never ran).
bool readPublicKey(int dirFd, uid_t uid, std::array<unsigned char, OutboxFormat::PublicKeySize>* key,
                   std::string* error)
{
    const int fd = ::openat(dirFd, "outbox.pub", O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = errno == ENOENT ? "no outbox key yet" : "cannot read outbox.pub: " + errnoText();
        return false;
    }
    struct stat st
    {
    };
    char buf[256];
    ssize_t n = -1;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == uid && st.st_size < 256)
        n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    const auto decoded =
        n > 0 ? OutboxFormat::decodePublicKey(std::string_view(buf, static_cast<std::size_t>(n)))
              : std::nullopt;
    if (!decoded) {
        *error = "outbox.pub is not a valid outbox key";
        return false;
    }
    *key = *decoded;
    return true;
}

enum class StoreResult { Ok, Failed, Cancelled };

// Seals the document from `in` into <dir>/<id>.mpsout: temporary file, fsync, rename, fsync dir.
StoreResult storeCapture(int dirFd, int in, const std::string& id, const std::string& metadata,
                         const std::array<unsigned char, OutboxFormat::PublicKeySize>& key,
                         std::int64_t* size, std::string* error)
{
    const std::string tmp = ".tmp-" + id;
    const std::string final = id + ".mpsout";
    const int fd = ::openat(dirFd, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = "cannot create a file in the outbox: " + errnoText();
        return StoreResult::Failed;
    }
    auto fail = [&](StoreResult r, const std::string& why) {
        ::close(fd);
        ::unlinkat(dirFd, tmp.c_str(), 0);
        *error = why;
        return r;
    };
    OutboxWriter writer;
    if (!writer.open(fd, key, metadata))
        return fail(StoreResult::Failed, writer.errorString());
    std::vector<char> buffer(OutboxFormat::DefaultChunkSize);
    for (;;) {
        if (g_cancelled)
            return fail(StoreResult::Cancelled, "the job was cancelled");
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(StoreResult::Failed, "cannot read the document: " + errnoText());
        if (n == 0)
            break;
        if (!writer.write(buffer.data(), static_cast<std::size_t>(n)))
            return fail(StoreResult::Failed, writer.errorString());
    }
    if (!writer.finish())
        return fail(StoreResult::Failed, writer.errorString());
    if (::fsync(fd) != 0)
        return fail(StoreResult::Failed, "cannot write the outbox file to disk: " + errnoText());
    if (::close(fd) != 0) {
        ::unlinkat(dirFd, tmp.c_str(), 0);
        *error = "cannot write the outbox file: " + errnoText();
        return StoreResult::Failed;
    }
    if (::renameat(dirFd, tmp.c_str(), dirFd, final.c_str()) != 0) {
        ::unlinkat(dirFd, tmp.c_str(), 0);
        *error = "cannot finish the outbox file: " + errnoText();
        return StoreResult::Failed;
    }
    if (::fsync(dirFd) != 0) {
        *error = "cannot write the outbox directory to disk: " + errnoText();
        return StoreResult::Failed;
    }
    *size = writer.plaintextSize();
    return StoreResult::Ok;
}

// Tells the user's tray app about the new capture. Best effort: the app also watches the outbox.
bool ringDoorbell(const char* runtimeBase, uid_t uid, const std::string& id)
{
    const std::string path = std::string(runtimeBase) + "/" + std::to_string(uid) + "/mps/capture.sock";
    sockaddr_un addr{};
    if (path.size() >= sizeof addr.sun_path)
        return false;
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    timeval tv{2, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    bool ok = false;
    ucred cred{};
    socklen_t len = sizeof cred;
    // Only the user's own process may hear about the user's captures.
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.uid == uid) {
        const std::string line = "captured " + id + "\n";
        char reply[8] = {};
        ok = ::send(fd, line.data(), line.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(line.size()) &&
             ::recv(fd, reply, sizeof reply - 1, 0) >= 3 && std::strncmp(reply, "ok\n", 3) == 0;
    }
    ::close(fd);
    return ok;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc == 1) {
        // Device discovery (lpinfo -v): mps:/ for "MPS Secure Print", mps:/fax for "MPS Fax".
        std::puts("direct mps \"Unknown\" \"MPS Secure Print\"");
        std::puts("direct mps:/fax \"Unknown\" \"MPS Fax\"");
        return CUPS_BACKEND_OK;
    }
    if (argc < 6 || argc > 7) {
        std::fprintf(stderr, "Usage: %s job-id user title copies options [file]\n", argv[0]);
        return CUPS_BACKEND_FAILED;
    }
    std::signal(SIGPIPE, SIG_IGN);
    struct sigaction term
    {
    };
    term.sa_handler = onTerm;
    ::sigaction(SIGTERM, &term, nullptr);

    if (::geteuid() != 0) {
        say("ERROR",
            "The mps backend must run as root: install it as /usr/lib/cups/backend/mps with mode 0700.");
        return CUPS_BACKEND_STOP;
    }
    // The document passes through this process in plaintext before it is sealed: a crash writes no
    // core file (common/ProcessPrivacy.h; this backend has no Qt).
    if (const ProcessPrivacy::Outcome privacy = ProcessPrivacy::turnCoreDumpsOff();
        privacy.failed != ProcessPrivacy::Step::None)
        say("WARNING", std::string("Core dumps could not be turned off: ") + std::strerror(privacy.error));
    if (sodium_init() < 0) {
        say("ERROR", "libsodium cannot be initialised.");
        return CUPS_BACKEND_STOP;
    }

    const char* deviceUri = std::getenv("DEVICE_URI");
    const std::string kind = captureKind(deviceUri);
    if (kind.empty()) {
        say("ERROR", std::string("The device URI ") + deviceUri +
                         " is not one of the mps backend's (mps:/ for MPS Secure Print, mps:/fax for MPS "
                         "Fax). Set the queue up again with mps-queue-setup install.");
        return CUPS_BACKEND_STOP;
    }
    const bool fax = kind == "fax";
    const std::string queueName = fax ? "MPS Fax" : "MPS Secure Print";

    const std::string jobId = argv[1];
    const std::string user = argv[2];
    const char* authUser = std::getenv("AUTH_USERNAME");
    if (!authUser || user != authUser) {
        say("ERROR", queueName +
                         " accepts only jobs whose sender CUPS has authenticated; this job's owner \"" +
                         user + "\" was not. Set the queue's policy with mps-queue-setup install.");
        return CUPS_BACKEND_CANCEL;
    }
    errno = 0;
    const passwd* pw = ::getpwnam(user.c_str());
    if (!pw) {
        say("ERROR", "\"" + user + "\" is not a local user, so the job cannot be sent for anyone.");
        return CUPS_BACKEND_CANCEL;
    }
    const uid_t uid = pw->pw_uid;
    const gid_t gid = pw->pw_gid;
    if (const char* authUid = std::getenv("AUTH_UID");
        authUid && *authUid && std::to_string(uid) != authUid) {
        say("ERROR", "The job's owner \"" + user + "\" is not the user who sent it (uid " + authUid + ").");
        return CUPS_BACKEND_CANCEL;
    }

    // The spool file is readable only by root and lp: open it before giving up root.
    int in = 0;
    if (argc == 7) {
        in = ::open(argv[6], O_RDONLY | O_CLOEXEC);
        if (in < 0) {
            say("ERROR", std::string("Cannot open the print file: ") + errnoText());
            return CUPS_BACKEND_FAILED;
        }
    }

    std::string error;
    const char* outboxBase = envOr("MPS_OUTBOX_BASE", "/var/spool/mps-outbox");
    const int dirFd = openOutboxDirectory(outboxBase, uid, gid, &error);
    if (dirFd < 0) {
        say("ERROR", "MPS outbox: " + error);
        return CUPS_BACKEND_HOLD;
    }
    if (!dropPrivileges(uid, gid, &error)) {
        say("ERROR", "MPS outbox: " + error);
        return CUPS_BACKEND_FAILED;
    }

    std::array<unsigned char, OutboxFormat::PublicKeySize> key{};
    if (!readPublicKey(dirFd, uid, &key, &error)) {
        say("ERROR", queueName + " is not set up for " + user + " yet (" + error +
                         "): start the MPS app and sign in, then release this job.");
        return CUPS_BACKEND_HOLD;
    }

    int numOptions = 0;
    cups_option_t* options = nullptr;
    numOptions = cupsParseOptions(argv[5], numOptions, &options);
    const int copies = std::max(1, std::min(999, std::atoi(argv[4])));
    const std::string id = newCaptureId();
    const std::string metadata =
        std::string("{\"v\":1") + ",\"captureId\":" + jsonString(id) +
        ",\"title\":" + jsonString(truncateUtf8(argv[3], 1024)) + ",\"user\":" + jsonString(user) +
        ",\"uid\":" + std::to_string(uid) + ",\"copies\":" + std::to_string(copies) +
        ",\"sides\":" + jsonString(sidesFrom(numOptions, options)) +
        ",\"colorMode\":" + jsonString(colorModeFrom(numOptions, options)) +
        ",\"format\":" + jsonString(documentFormat()) + ",\"queue\":" + jsonString(envOr("PRINTER", "")) +
        ",\"cupsJobId\":" + std::to_string(std::atoll(jobId.c_str())) +
        ",\"captured\":" + std::to_string(static_cast<long long>(std::time(nullptr))) +
        ",\"kind\":" + jsonString(kind) + "}";
    cupsFreeOptions(numOptions, options);

    std::int64_t size = 0;
    const StoreResult stored = storeCapture(dirFd, in, id, metadata, key, &size, &error);
    ::close(dirFd);
    if (stored == StoreResult::Cancelled) {
        say("INFO", "Job cancelled; nothing was kept.");
        return CUPS_BACKEND_FAILED;
    }
    if (stored != StoreResult::Ok) {
        say("ERROR", "MPS outbox: " + error + "; the job will be tried again.");
        return CUPS_BACKEND_RETRY;
    }
    say("DEBUG", "MPS " + kind + " capture " + id + " stored for uid " + std::to_string(uid) + " (" +
                     std::to_string(size) + " bytes)");
    const bool rang = ringDoorbell(envOr("MPS_RUNTIME_BASE", "/run/user"), uid, id);
    if (fax)
        say("INFO", rang ? "Sent to your MPS app; its fax dialog opens to choose the recipients."
                         : "Kept for your MPS app; its fax dialog opens when the app runs.");
    else
        say("INFO", rang ? "Sent to your MPS app; it will be held for you on the print server."
                         : "Kept for your MPS app; it will be held for you on the print server when the "
                           "app runs.");
    return CUPS_BACKEND_OK;
}
