#include "FdIo.h"

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace FdIo {

bool writeAll(int fd, const void* data, std::size_t len)
{
    const auto* p = static_cast<const unsigned char*>(data);
    while (len > 0) {
        const ssize_t n = ::write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= static_cast<std::size_t>(n);
    }
    return true;
}

namespace {
// One loop for read and pread: `offset` < 0 means the current position.
ssize_t readLoop(int fd, void* data, std::size_t len, off_t offset)
{
    auto* p = static_cast<unsigned char*>(data);
    std::size_t got = 0;
    while (got < len) {
        const ssize_t n = offset < 0 ? ::read(fd, p + got, len - got)
                                     : ::pread(fd, p + got, len - got, offset + static_cast<off_t>(got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0)
            break;
        got += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(got);
}
} // namespace

ssize_t readFull(int fd, void* data, std::size_t len)
{
    return readLoop(fd, data, len, -1);
}

ssize_t preadFull(int fd, void* data, std::size_t len, off_t offset)
{
    return readLoop(fd, data, len, offset);
}

off_t bytesLeft(int fd)
{
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    const off_t here = ::lseek(fd, 0, SEEK_CUR);
    if (here < 0)
        return -1;
    return st.st_size > here ? st.st_size - here : 0;
}

} // namespace FdIo
