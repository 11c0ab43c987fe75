#pragma once
#include "PushStream.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
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
    /// How long the body is known to be at least: its Content-Length, or for a chunked body what was
    /// read ahead, plus one while more follows. A handler that keeps small bodies in memory uses it to
    /// skip that for long ones from the start.
    virtual qint64 bodyBytesAtLeast() const = 0;
    /// Sends a whole response. `extraHeaders` are name/value pairs.
    virtual bool respond(int status, const QByteArray& contentType, const QByteArray& body,
                         const std::vector<std::pair<QByteArray, QByteArray>>& extraHeaders = {}) = 0;
    /// Answers 200 with `contentType` and `first` as the start of a body that goes on until the
    /// connection closes (server-sent events), and hands the connection to the returned PushStream:
    /// once the handler returns, no thread is held for it. Returns null (after answering 503, or when
    /// the client is gone) when the server's limit of open streams is reached.
    virtual std::shared_ptr<PushStream> openPushStream(const QByteArray& contentType,
                                                       const QByteArray& first) = 0;
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

/// An answer given from a request's head alone, before any of its body is read.
struct HttpHeadAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
};
/// Looks at a request's head (method, path, headers, peer; not its body) on the I/O thread, before the
/// body is read ahead, and returns an answer when the request is to be refused at once. A client that
/// waits for "100 Continue" then gets that answer instead and never sends its body; the connection
/// closes after it. Must be quick and must not block.
using HttpHeadCheck = std::function<std::optional<HttpHeadAnswer>(const HttpExchange&)>;

/// HTTPS (and optionally plain HTTP on loopback) server on one port, on asynchronous Boost.Asio/Beast.
/// A few I/O threads carry every connection (TLS or plain decided per connection from its first
/// bytes); waiting for request headers, idle keep-alive and push streams cost no thread. Handlers run
/// on a bounded worker pool with the synchronous HttpExchange interface: their readBody()/respond()
/// issue asynchronous operations on the connection and wait for them, each with a deadline.
/// Connections are capped per source address and in total; over a cap the client gets a quick 503.
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
        int ioThreads = 2;      ///< threads running the asynchronous I/O
        int workers = 64;       ///< threads running handlers (requests beyond wait in a queue)
        int maxConnections = 0; ///< open connections in total (streams included); 0: from the open-file limit
        int maxPerAddress = 32; ///< open connections from one source address
        int maxStreams = 0;     ///< open push streams; 0: three quarters of maxConnections
        int headerTimeoutSecs = 10; ///< the whole request head (and TLS handshake) must arrive within this
        int bodyTimeoutSecs = 30;   ///< each body read and each response write
        int idleTimeoutSecs = 30;   ///< a keep-alive connection with no new request is closed after this
        int keepAliveSecs = 15;     ///< a push stream with nothing to send gets a comment line this often
    };

    /// Returns the number of open files this process may have (the soft RLIMIT_NOFILE).
    static int openFileLimit();

    /// `handler` runs on a worker for each request; `headCheck` (optional) first, on the I/O thread,
    /// for each request with a body.
    explicit HttpServer(HttpHandler handler, HttpHeadCheck headCheck = {});
    ~HttpServer();

    /// Binds and starts accepting. Returns false with `error` set when the port or TLS set-up fails.
    [[nodiscard]] bool start(const Options& options, QString* error);
    /// Stops accepting and waits for the accept thread; open connections end on their own.
    void stop();
    quint16 port() const;
    /// Reads the certificate chain and key again (a configuration reload): new connections get them,
    /// open ones keep theirs. Returns false with `error`, keeping the old pair, when the files do not
    /// load or do not match.
    [[nodiscard]] bool reloadTls(const QString& certFile, const QString& keyFile, QString* error);
    /// Returns the caps in force after start() (derived ones resolved).
    const Options& options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
