#pragma once
#include "SaneScanner.h"

#include <QByteArray>
#include <QDataStream>
#include <QList>

#include <functional>

/// The frames between SaneScanner (the kiosk) and mps-scan-helper (libsane): a 32-bit big-endian
/// length, then a QDataStream (Qt 6.4) of one message byte and its fields.
/// Kiosk to helper: Open; Scan + Request; Cancel. Helper to kiosk: Opened + sources; Page + number +
/// ScannedPage; Finished + error code + sources (sent before sane_cancel); Ready (sane_cancel done).
namespace ScanProtocol {
enum class Message : quint8 {
    Open = 'O',
    Scan = 'S',
    Cancel = 'C',
    Opened = 'o',
    Page = 'p',
    Finished = 'f',
    Ready = 'r',
};
/// A frame longer than this is refused (a 600 dpi colour A4 page as JPEG is a few MiB).
constexpr quint32 MaxFrameBytes = 256u * 1024 * 1024;

/// One frame: `message`, then what `fields` writes.
QByteArray frame(Message message, const std::function<void(QDataStream&)>& fields = {});
/// Writes all of `frame` to the file descriptor `fd` (FdIo::writeAll); false when it cannot.
[[nodiscard]] bool write(int fd, const QByteArray& frame);
/// Moves the complete frames at the front of `buffer` to `frames` (their bodies, length removed).
/// Returns false when a frame announces more than MaxFrameBytes.
bool takeFrames(QByteArray* buffer, QList<QByteArray>* frames);
/// Sets `in` (on a frame's body, as takeFrames gave it) to the protocol's version and reads the
/// message byte at its start.
Message readMessage(QDataStream& in);

QList<int> toInts(const QList<SaneScanner::Source>& sources);
QList<SaneScanner::Source> toSources(const QList<int>& ints);
} // namespace ScanProtocol

QDataStream& operator<<(QDataStream& out, const SaneScanner::Request& r);
QDataStream& operator>>(QDataStream& in, SaneScanner::Request& r);
QDataStream& operator<<(QDataStream& out, const ScannedPage& p);
QDataStream& operator>>(QDataStream& in, ScannedPage& p);
