#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>

/// Limits the HTTP server applies to every request before any handler runs. The fuzzing harness for
/// "the HTTP request path up to routing" uses the same values with Beast's request_parser.
namespace HttpLimits {
/// Request line plus header fields, in bytes (Beast's request_parser::header_limit).
constexpr std::size_t HeaderBytes = 32 * 1024;
/// The request target (path and query), in bytes; longer targets are answered 414.
constexpr std::size_t TargetBytes = 8 * 1024;
/// Beast's body_limit: handlers enforce their own limits with a useful error, so no limit here.
constexpr std::uint64_t BodyBytes = UINT64_MAX;
/// An unread request body up to this size is read and dropped after the response so that the
/// connection can carry further requests; a larger one closes the connection.
constexpr std::int64_t DrainBytes = 1024 * 1024;
/// Bytes read per body read call from the socket (the connection's buffer is grown to this while a
/// body is read and shrunk again when the connection idles).
constexpr std::size_t BodyReadBuffer = 64 * 1024;
/// Up to this much of a request body is read on the I/O threads before the handler runs, so that a
/// client trickling its body holds no handler worker while it does (all of a body up to this size).
constexpr std::size_t PrebufferBytes = 256 * 1024;
/// A body of known length up to this size is read whole on the I/O threads before the handler runs,
/// while all such bodies together stay within LargePrebufferBudget (beyond PrebufferBytes each): the
/// handler then reads it from memory instead of waiting on the I/O thread for every 64 KiB (a typical
/// one-page print job took ~100 thread switches that way). Past the budget a body is read as before.
constexpr std::size_t LargePrebufferBytes = 4 * 1024 * 1024;
constexpr std::int64_t LargePrebufferBudget = 64 * 1024 * 1024;
/// The slowest a request body may arrive: after a grace of the body deadline, the time spent waiting
/// for body bytes may not exceed that deadline plus one second per this many bytes received.
/// A client below it (a slow-body attack) is disconnected.
constexpr std::uint64_t MinBodyBytesPerSec = 4096;
/// Lingering close: after answering a request whose body it did not read (refused: too large, not
/// allowed), the server stops sending and reads and drops what the client still sends, up to this
/// long and this much, before closing. Closing at once would reset the connection while the client
/// is still sending, and the reset can destroy the answer before the client reads it.
constexpr std::chrono::seconds LingerTime{5};
constexpr std::size_t LingerBytes = 64 * 1024 * 1024;
/// Defaults of the deadlines (ServerConfig can change them).
constexpr std::chrono::seconds DefaultHeaderTimeout{10};
constexpr std::chrono::seconds DefaultBodyReadTimeout{30};
constexpr std::chrono::seconds DefaultIdleTimeout{30};
} // namespace HttpLimits
