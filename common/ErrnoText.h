#pragma once
#include <QString>
#include <cerrno>
#include <cstring>

/// The system's sentence for an errno value ("No space left on device"), for errors a person reads.
/// Pass errno itself right after the failing call: anything called in between may change it. Uses
/// strerror_r, so concurrent callers do not share a buffer.
inline QString errnoText(int e = errno)
{
    char buffer[256];
    return QString::fromLocal8Bit(strerror_r(e, buffer, sizeof buffer));
}
