#pragma once
#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

/// One HTTP request/response exchange as handlers see it, independent of TLS and of Boost.Beast.
/// The request body is streamed: handlers pull it with readBody() and never get it whole.
class HttpExchange
{
public:
    virtual ~HttpExchange() = default;
    virtual QByteArray method() const = 0;
    /// The request target's path (without query), percent-decoded.
    virtual QString path() const = 0;
    /// The raw query string (after '?'), empty if none.
    virtual QByteArray query() const = 0;
    /// A request header value, empty when absent.
    virtual QByteArray header(const char* name) const = 0;
    /// Remote address as text (e.g. "127.0.0.1").
    virtual QString peerAddress() const = 0;
    virtual bool isTls() const = 0;
    /// True when a Content-Length or chunked body follows the headers.
    virtual bool hasBody() const = 0;
    /// Reads up to `max` body bytes. Returns 0 at the end of the body, -1 on error (client went away,
    /// body larger than allowed, malformed chunking).
    virtual qint64 readBody(char* data, qint64 max) = 0;
    /// Sends a whole response. `extraHeaders` are name/value pairs.
    virtual bool respond(int status, const QByteArray& contentType, const QByteArray& body,
                         const std::vector<std::pair<QByteArray, QByteArray>>& extraHeaders = {}) = 0;
    /// Starts a response whose body is written with writeStream() until the connection closes (SSE).
    virtual bool beginStream(int status, const QByteArray& contentType) = 0;
    virtual bool writeStream(const QByteArray& data) = 0;
    /// Asks that the connection be closed after this response (e.g. an unread body remains).
    virtual void closeAfterResponse() = 0;
    /// Reads and drops the rest of the request body, up to `limit` bytes; returns true when all of it
    /// was read (the connection can then carry the response and further requests).
    bool discardBody(qint64 limit)
    {
        char sink[64 * 1024];
        for (qint64 total = 0; total <= limit;) {
            const qint64 n = readBody(sink, sizeof sink);
            if (n == 0)
                return true;
            if (n < 0)
                return false;
            total += n;
        }
        return false;
    }
    virtual bool responded() const = 0;
};

using HttpHandler = std::function<void(HttpExchange&)>;

/// HTTPS (and optionally plain HTTP on loopback) server on one port, on Boost.Beast.
/// Each connection runs on its own thread with blocking I/O and socket timeouts; the TLS or plain
/// decision is made per connection from its first bytes.
class HttpServer
{
public:
    struct Options
    {
        QString host;
        quint16 port = 0;
        QString certFile;
        QString keyFile;
        bool allowPlain = false;
        int maxConnections = 256; ///< simultaneous requests (event streams not counted)
        int maxStreams = 20000;   ///< simultaneous event streams
        int idleTimeoutSecs = 60;
    };

    explicit HttpServer(HttpHandler handler);
    ~HttpServer();

    /// Binds and starts accepting. Returns false with `error` set when the port or TLS set-up fails.
    [[nodiscard]] bool start(const Options& options, QString* error);
    /// Stops accepting and waits for the accept thread; open connections end on their own.
    void stop();
    quint16 port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
