#pragma once
#include <QByteArray>
#include <sys/mman.h>
#include <unistd.h>

/// An anonymous in-memory file (memfd) holding given bytes, positioned at 0; closed on destruction.
/// The spool and outbox readers take file descriptors.
class FuzzFile
{
public:
    explicit FuzzFile(const QByteArray& bytes = QByteArray()) : m_fd(memfd_create("mps-fuzz", MFD_CLOEXEC))
    {
        if (m_fd >= 0 && !bytes.isEmpty()) {
            qsizetype at = 0;
            while (at < bytes.size()) {
                const ssize_t n =
                    ::write(m_fd, bytes.constData() + at, static_cast<size_t>(bytes.size() - at));
                if (n <= 0)
                    break;
                at += n;
            }
        }
        rewind();
    }
    ~FuzzFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FuzzFile(const FuzzFile&) = delete;
    FuzzFile& operator=(const FuzzFile&) = delete;

    int fd() const { return m_fd; }
    void rewind() const
    {
        if (m_fd >= 0)
            ::lseek(m_fd, 0, SEEK_SET);
    }
    /// The whole file's bytes.
    QByteArray contents() const
    {
        QByteArray out;
        char buf[65536];
        off_t at = 0;
        for (;;) {
            const ssize_t n = ::pread(m_fd, buf, sizeof buf, at);
            if (n <= 0)
                break;
            out.append(buf, n);
            at += n;
        }
        return out;
    }

private:
    int m_fd;
};
