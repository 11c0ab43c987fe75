#pragma once
#include <cstddef>
#include <sys/types.h>

/// Whole-buffer reads and writes on file descriptors, retrying short transfers and EINTR.
/// Plain C++ (no Qt): shared by the spool and outbox ciphers, the tray app and the CUPS backend.
namespace FdIo {
/// Writes all `len` bytes; returns false on an error (errno set).
[[nodiscard]] bool writeAll(int fd, const void* data, std::size_t len);
/// Reads exactly `len` bytes unless the file ends first; returns the count read, or -1 on an error.
ssize_t readFull(int fd, void* data, std::size_t len);
/// As readFull, at `offset`, without moving the file position.
ssize_t preadFull(int fd, void* data, std::size_t len, off_t offset);
/// The bytes between the file position and the end of a regular file, or -1 when `fd` is not a
/// regular file (a pipe, a socket) or cannot be asked.
off_t bytesLeft(int fd);
} // namespace FdIo
