#pragma once
#include <QByteArray>
#include <functional>

/// A response body that the server writes asynchronously for as long as the client stays (server-sent
/// events). Obtained from HttpExchange::openPushStream(); writers such as the EventBus push bytes from
/// any thread and never block: the connection holds a small bounded queue, sends a keep-alive comment
/// when idle and ends the stream when the client goes, a write stalls or the queue overflows.
class PushStream
{
public:
    virtual ~PushStream() = default;
    /// Queues `data` for writing. Returns false when the stream has ended, or when this push would
    /// overflow the queue (a consumer too slow to keep up: the stream is then ended).
    virtual bool push(const QByteArray& data) = 0;
    /// Returns true until the stream has ended.
    virtual bool isOpen() const = 0;
    /// Ends the stream (the connection closes once queued bytes are written or dropped).
    virtual void close() = 0;
    /// Sets what runs once when the stream has ended, on an I/O thread (at once if it already has).
    virtual void setOnClosed(std::function<void()> onClosed) = 0;
};
