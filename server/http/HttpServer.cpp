#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include "HttpServer.h"

#include "ByteBudget.h"
#include "ErrnoText.h"
#include "HttpLimits.h"
#include "Log.h"
#include "RequestTarget.h"
#include "TlsStream.h"
#include "Wiped.h"

#include <QDateTime>
#include <QFile>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstring>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unordered_map>
#include <vector>

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr auto Aw = net::use_awaitable;

constexpr std::size_t MaxPushQueued = 256;     // chunks waiting for one push stream
constexpr qsizetype MaxPushBytes = 256 * 1024; // bytes waiting for one push stream
constexpr int MaxRefusing = 256;               // connections being answered 503 at once
constexpr int RefusalLogIntervalSecs = 60;

/// Server-wide state every connection shares: options, caps and their counters.
struct State
{
    HttpServer::Options options;
    HttpHandler handler;
    HttpHeadCheck headCheck;
    ssl::context tls{ssl::context::tls_server};
    std::mutex tlsMutex; // a reload changes tls's certificate while new connections take it
    std::mutex mutex;    // guards the counters below
    std::unordered_map<std::string, int> perAddress;
    int open = 0;
    int refusing = 0;
    std::atomic<int> streams{0};
    /// Bytes prebuffered beyond HttpLimits::PrebufferBytes, over all connections.
    ByteBudget largePrebuffered{HttpLimits::LargePrebufferBudget};
    std::atomic<bool> stopping{false};
    net::thread_pool* workers = nullptr;

    // Refusal log lines: per source address, the first of an interval is written, the rest counted.
    struct Refusals
    {
        qint64 intervalStart = 0;
        int suppressed = 0;
    };
    std::mutex logMutex;
    std::unordered_map<std::string, Refusals> refusals;

    /// Gives back a connection's slot: an admitted one's (total and per address), or a refused one's.
    void release(const std::string& peer, bool admitted)
    {
        std::lock_guard lock(mutex);
        if (admitted) {
            --open;
            auto it = perAddress.find(peer);
            if (it != perAddress.end() && --it->second <= 0)
                perAddress.erase(it);
        } else {
            --refusing;
        }
    }

    void logRefusal(const std::string& peer, const char* why)
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        std::lock_guard lock(logMutex);
        if (refusals.size() > 10000) // bounded: forget everything rather than grow
            refusals.clear();
        auto& r = refusals[peer];
        if (now - r.intervalStart < RefusalLogIntervalSecs) {
            ++r.suppressed;
            return;
        }
        if (r.suppressed > 0)
            qCWarning(lcHttp).noquote() << "connection refused from" << QString::fromStdString(peer)
                                        << r.suppressed << "more time(s) in the last interval";
        qCWarning(lcHttp).noquote() << "connection refused from" << QString::fromStdString(peer) << ":"
                                    << why;
        r = Refusals{now, 0};
    }
};

std::string_view view(const QByteArray& b)
{
    return {b.constData(), static_cast<std::size_t>(b.size())};
}

bool isMalformed(const beast::error_code& ec)
{
    return ec == http::error::header_limit || ec == http::error::bad_target ||
           ec == http::error::bad_method || ec == http::error::bad_version || ec == http::error::bad_field ||
           ec == http::error::bad_value || ec == http::error::bad_content_length ||
           ec == http::error::bad_transfer_encoding || ec == http::error::bad_line_ending ||
           ec == http::error::bad_alloc;
}

/// One connection (plain TCP or TLS), its current request, and its push stream once it is one.
/// Its coroutine (run) and every operation on the stream run on the connection's strand; handlers on
/// worker threads reach the stream only through sync(), which runs a coroutine there and waits.
template <class Stream>
class Connection final : public HttpExchange,
                         public PushStream,
                         public std::enable_shared_from_this<Connection<Stream>>
{
    static constexpr bool IsTls = std::is_same_v<Stream, TlsStream>;

public:
    template <class... StreamArgs>
    Connection(State& st, std::string peer, bool admitted, StreamArgs&&... args)
        : m_stream(std::forward<StreamArgs>(args)...), m_st(st), m_peer(std::move(peer)),
          m_peerText(QString::fromStdString(m_peer)), m_admitted(admitted), m_signal(m_stream.get_executor())
    {
    }

    ~Connection() override
    {
        releasePrebuffer();
        m_st.release(m_peer, m_admitted);
    }

    static net::awaitable<void> start(std::shared_ptr<Connection> self)
    {
        try {
            co_await self->run();
        } catch (const std::exception& e) {
            qCWarning(lcHttp) << "connection with" << self->m_peerText << "failed:" << e.what();
        }
    }

    // HttpExchange (called from the worker thread running the handler)
    QByteArray method() const override
    {
        const auto m = m_parser->get().method_string();
        return QByteArray(m.data(), static_cast<qsizetype>(m.size()));
    }
    QString path() const override { return m_path; }
    QByteArray query() const override { return m_query; }
    QByteArray header(const char* name) const override
    {
        const auto& h = m_parser->get();
        auto it = h.find(name);
        if (it == h.end())
            return {};
        const auto v = it->value();
        return QByteArray(v.data(), static_cast<qsizetype>(v.size()));
    }
    QString peerAddress() const override { return m_peerText; }
    bool isTls() const override { return IsTls; }
    bool hasBody() const override
    {
        return m_parser->chunked() || (m_parser->content_length() && *m_parser->content_length() > 0);
    }
    qint64 bodyBytesAtLeast() const override
    {
        if (!hasBody())
            return 0;
        if (const auto length = m_parser->content_length())
            return static_cast<qint64>(*length);
        return static_cast<qint64>(m_prebuffered) + (m_parser->is_done() ? 0 : 1);
    }
    qint64 readBody(char* data, qint64 max) override
    {
        if (m_preBlock < m_pre.size()) {
            // What the I/O thread read before the handler ran (prebufferCo) comes first, each block
            // freed as soon as it is read.
            std::size_t copied = 0;
            while (copied < static_cast<std::size_t>(max) && m_preBlock < m_pre.size()) {
                PreBlock& b = m_pre[m_preBlock];
                const std::size_t n = std::min(static_cast<std::size_t>(max) - copied, b.size - m_preOffset);
                std::memcpy(data + copied, b.bytes.get() + m_preOffset, n);
                copied += n;
                m_preOffset += n;
                if (m_preOffset == b.size) {
                    b = PreBlock();
                    ++m_preBlock;
                    m_preOffset = 0;
                }
            }
            if (m_preBlock == m_pre.size())
                releasePrebuffer();
            if (copied > 0)
                return static_cast<qint64>(copied);
        }
        if (m_failed)
            return -1;
        if (m_parser->is_done() || !hasBody())
            return 0;
        return sync(readBodyCo(data, max), qint64(-1));
    }
    bool respond(int status, const QByteArray& contentType, const QByteArray& body,
                 const std::vector<std::pair<QByteArray, QByteArray>>& extraHeaders = {}) override
    {
        auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(status), 11);
        res->set(http::field::server, "MPS");
        if (!contentType.isEmpty())
            res->set(http::field::content_type, view(contentType));
        for (const auto& [k, v] : extraHeaders)
            res->set(view(k), view(v));
        res->set(http::field::cache_control, "no-store");
        res->body().assign(body.constData(), static_cast<std::size_t>(body.size()));
        res->prepare_payload();
        // An unread body larger than we care to drain forces the connection closed after this response.
        if (!m_parser->is_done() && hasBody()) {
            const bool small =
                m_parser->content_length() && *m_parser->content_length() <= quint64(HttpLimits::DrainBytes);
            if (!small || m_failed)
                m_keepAlive = false;
        }
        res->keep_alive(m_keepAlive && m_parser->get().keep_alive());
        m_responded = true;
        return sync(writeCo(std::move(res)), false);
    }
    std::shared_ptr<PushStream> openPushStream(const QByteArray& contentType,
                                               const QByteArray& first) override
    {
        // Push streams have their own budget below the connection cap, so subscribers never starve requests.
        if (++m_st.streams > m_st.options.maxStreams) {
            --m_st.streams;
            m_st.logRefusal(m_peer, "the limit of open event streams is reached");
            closeAfterResponse();
            respond(503, "text/plain", "The server has too many open event streams. Try again later.\n",
                    {{"Retry-After", "30"}});
            return {};
        }
        m_holdsStream = true;
        m_responded = true;
        m_keepAlive = false;
        const QByteArray head = "HTTP/1.1 200 OK\r\nServer: MPS\r\nContent-Type: " + contentType +
                                "\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + first;
        if (!sync(writeRawCo(head), false))
            return {};
        m_streaming = true;
        beast::error_code ec;
        const auto remote = lowest().socket().remote_endpoint(ec);
        m_pushPeer = ec ? m_peerText : m_peerText + QLatin1Char(':') + QString::number(remote.port());
        return this->shared_from_this();
    }
    void closeAfterResponse() override { m_keepAlive = false; }
    bool responded() const override { return m_responded; }

    // PushStream (called from any thread)
    bool push(const QByteArray& data) override
    {
        std::lock_guard lock(m_pushMutex);
        if (m_pushClosed)
            return false;
        if (m_pushQueue.size() >= MaxPushQueued || m_pushBytes + data.size() > MaxPushBytes) {
            m_pushClosed = true; // too slow a consumer: drop it rather than buffer without bound
            m_pushDropped = true;
            wakeLocked();
            return false;
        }
        m_pushQueue.push_back(data);
        m_pushBytes += data.size();
        wakeLocked();
        return true;
    }
    bool isOpen() const override
    {
        std::lock_guard lock(m_pushMutex);
        return !m_pushClosed;
    }
    void close() override
    {
        std::lock_guard lock(m_pushMutex);
        m_pushClosed = true;
        if (m_pushEndReason.isEmpty())
            m_pushEndReason = QStringLiteral("closed by the server");
        wakeLocked();
    }
    void setOnClosed(std::function<void()> onClosed) override
    {
        {
            std::lock_guard lock(m_pushMutex);
            if (!m_pushEnded) {
                m_onClosed = std::move(onClosed);
                return;
            }
        }
        onClosed();
    }

private:
    auto& lowest() { return beast::get_lowest_layer(m_stream); }
    auto ec_(beast::error_code& ec) { return net::redirect_error(Aw, ec); }

    /// Runs `op` on the connection's strand and waits for it; `failed` when the server stops meanwhile.
    template <class T> T sync(net::awaitable<T> op, T failed)
    {
        auto f = net::co_spawn(m_stream.get_executor(), std::move(op), net::use_future);
        while (f.wait_for(std::chrono::milliseconds(250)) != std::future_status::ready)
            if (m_st.stopping)
                return failed;
        try {
            return f.get();
        } catch (const std::exception&) {
            return failed;
        }
    }

    void wakeLocked()
    {
        if (m_wakePosted)
            return;
        m_wakePosted = true;
        net::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            {
                std::lock_guard lock(self->m_pushMutex);
                self->m_wakePosted = false;
            }
            self->m_signal.cancel();
        });
    }

    net::awaitable<bool> writeCo(std::shared_ptr<http::response<http::string_body>> res)
    {
        beast::error_code ec;
        lowest().expires_after(std::chrono::seconds(m_st.options.bodyTimeoutSecs));
        co_await http::async_write(m_stream, *res, ec_(ec));
        lowest().expires_never();
        // A response may carry a document (a fax's PDF, a page's image): wiped before it is freed.
        sodium_memzero(res->body().data(), res->body().size());
        if (ec) {
            qCDebug(lcHttp) << "response to" << m_peerText
                            << "failed:" << QString::fromStdString(ec.message());
            m_failed = true;
        }
        co_return !ec;
    }

    net::awaitable<bool> writeRawCo(QByteArray data)
    {
        beast::error_code ec;
        lowest().expires_after(std::chrono::seconds(m_st.options.bodyTimeoutSecs));
        co_await net::async_write(m_stream, net::buffer(data.constData(), std::size_t(data.size())), ec_(ec));
        lowest().expires_never();
        co_return !ec;
    }

    void releasePrebuffer()
    {
        m_pre.clear();
        m_preSize = 0;
        m_preBlock = 0;
        m_preOffset = 0;
        m_preShare.release();
    }

    /// How long the next body read may wait: the body deadline, but no more than the minimum-rate
    /// rule leaves (HttpLimits::MinBodyBytesPerSec); zero or less when the client is already too slow.
    std::chrono::steady_clock::duration bodyWaitBudget() const
    {
        using namespace std::chrono;
        const auto deadline = seconds(m_st.options.bodyTimeoutSecs);
        const auto allowed = deadline + milliseconds(m_bodyReceived * 1000 / HttpLimits::MinBodyBytesPerSec);
        return std::min<steady_clock::duration>(deadline, allowed - m_bodyWaited);
    }

    /// Before the handler runs: reads the body, up to HttpLimits::PrebufferBytes (or more, see
    /// LargePrebufferBytes), on the I/O thread (no worker waits for a slow client). False when the client is
    /// too slow or the body is bad.
    net::awaitable<bool> prebufferCo()
    {
        // Up to PrebufferBytes for any body; beyond that, up to LargePrebufferBytes while the shared
        // budget lasts (taken 64 KiB at a time as bytes come, so a chunked body of unknown length counts
        // only what it has sent). A body announced as longer than LargePrebufferBytes gets
        // PrebufferBytes only: holding the first megabytes of a long upload saves it few thread switches.
        std::size_t cap = HttpLimits::LargePrebufferBytes;
        if (const auto length = m_parser->content_length())
            cap = *length > HttpLimits::LargePrebufferBytes ? HttpLimits::PrebufferBytes
                                                            : static_cast<std::size_t>(*length);
        // Blocks allocated as bytes come, so that a large announced body costs nothing until it is
        // sent; blocks rather than one growing array, which would copy what it holds at every growth
        // (a quarter of the server's time went to such copies and their page faults at 1 MiB).
        while (m_preSize < cap) {
            if (m_pre.empty() || m_pre.back().size == m_pre.back().room) {
                const std::size_t room = std::min(PreBlockBytes, cap - m_preSize);
                const std::size_t covered =
                    HttpLimits::PrebufferBytes + static_cast<std::size_t>(m_preShare.size());
                if (m_preSize + room > covered &&
                    !m_preShare.grow(static_cast<std::int64_t>(m_preSize + room - covered)))
                    break; // the handler reads the rest from the socket
                // Uninitialised: the bytes are read into at once.
                m_pre.push_back(
                    PreBlock{std::unique_ptr<char[], WipeDelete>(new char[room], WipeDelete{room}), 0, room});
            }
            PreBlock& b = m_pre.back();
            const qint64 n = co_await readBodyCo(b.bytes.get() + b.size, qint64(b.room - b.size));
            if (n < 0)
                co_return false;
            if (n == 0)
                break; // the whole body
            b.size += static_cast<std::size_t>(n);
            m_preSize += static_cast<std::size_t>(n);
        }
        m_prebuffered = m_preSize;
        co_return true;
    }

    net::awaitable<qint64> readBodyCo(char* data, qint64 max)
    {
        beast::error_code ec;
        if (!m_continueSent && beast::iequals(m_parser->get()[http::field::expect], "100-continue")) {
            m_continueSent = true;
            http::response<http::empty_body> cont{http::status::continue_, 11};
            lowest().expires_after(std::chrono::seconds(m_st.options.bodyTimeoutSecs));
            co_await http::async_write(m_stream, cont, ec_(ec));
            lowest().expires_never();
            if (ec) {
                qCDebug(lcHttp) << "100-continue to" << m_peerText
                                << "failed:" << QString::fromStdString(ec.message());
                m_failed = true;
                co_return -1;
            }
        }
        if (m_buffer.capacity() < HttpLimits::BodyReadBuffer)
            m_buffer.reserve(HttpLimits::BodyReadBuffer); // few system calls for a large upload
        // One call hands the handler up to `max` bytes: it goes on reading while more of the body is
        // already in the socket, so a large upload costs a thread switch per `max` bytes, not per read.
        qint64 total = 0;
        while (!m_parser->is_done()) {
            m_parser->get().body().data = data + total;
            m_parser->get().body().size = static_cast<std::size_t>(max - total);
            const auto budget = bodyWaitBudget();
            if (budget <= std::chrono::steady_clock::duration::zero()) {
                m_st.logRefusal(m_peer, "the request body arrives too slowly");
                m_failed = true;
                m_keepAlive = false;
                co_return -1;
            }
            lowest().expires_after(budget);
            const auto waitStart = std::chrono::steady_clock::now();
            co_await http::async_read_some(m_stream, m_buffer, *m_parser, ec_(ec));
            m_bodyWaited += std::chrono::steady_clock::now() - waitStart;
            lowest().expires_never();
            if (ec == http::error::need_buffer)
                ec = {};
            if (ec == beast::error::timeout && budget < std::chrono::seconds(m_st.options.bodyTimeoutSecs))
                m_st.logRefusal(m_peer, "the request body arrives too slowly");
            if (ec) {
                qCDebug(lcHttp) << "body read failed from" << m_peerText << ":"
                                << QString::fromStdString(ec.message());
                m_failed = true;
                m_keepAlive = false;
                co_return -1;
            }
            const auto got = (max - total) - static_cast<qint64>(m_parser->get().body().size);
            m_bodyReceived += static_cast<std::uint64_t>(std::max<qint64>(got, 0));
            total += std::max<qint64>(got, 0);
            if (total > 0 && (total == max || lowest().socket().available(ec) == 0 || ec))
                co_return total;
        }
        co_return total;
    }

    /// A short answer written by the server itself (malformed request, refusal), then the connection closes.
    net::awaitable<void> answer(http::status status, std::string body, bool retryAfter = false)
    {
        http::response<http::string_body> res{status, 11};
        res.set(http::field::server, "MPS");
        res.set(http::field::content_type, "text/plain; charset=utf-8");
        if (status == http::status::upgrade_required)
            res.set(http::field::upgrade, "TLS/1.2, HTTP/1.1");
        if (retryAfter)
            res.set(http::field::retry_after, "10");
        res.body() = std::move(body);
        res.prepare_payload();
        res.keep_alive(false);
        beast::error_code ec;
        lowest().expires_after(std::chrono::seconds(m_st.options.headerTimeoutSecs));
        co_await http::async_write(m_stream, res, ec_(ec));
    }

    /// A HttpHeadCheck's answer; the connection closes after it (the body is not read).
    net::awaitable<void> answerHead(const HttpHeadAnswer& a)
    {
        http::response<http::string_body> res{static_cast<http::status>(a.status), 11};
        res.set(http::field::server, "MPS");
        res.set(http::field::content_type, std::string_view(a.contentType.constData(), a.contentType.size()));
        for (const auto& [name, value] : a.headers)
            res.set(std::string_view(name.constData(), name.size()),
                    std::string_view(value.constData(), value.size()));
        res.body().assign(a.body.constData(), static_cast<std::size_t>(a.body.size()));
        res.prepare_payload();
        res.keep_alive(false);
        m_responded = true;
        beast::error_code ec;
        lowest().expires_after(std::chrono::seconds(m_st.options.headerTimeoutSecs));
        co_await http::async_write(m_stream, res, ec_(ec));
    }

    /// After the handler: drains a small unread body so that the connection can be reused.
    net::awaitable<bool> finishRequest()
    {
        if (!m_keepAlive || m_failed)
            co_return false;
        if (!m_parser->is_done() && hasBody()) {
            std::vector<char> sink(16384);
            qint64 total = 0;
            for (;;) {
                const qint64 n = co_await readBodyCo(sink.data(), qint64(sink.size()));
                if (n <= 0)
                    break;
                total += n;
                if (total > HttpLimits::DrainBytes)
                    co_return false;
            }
            if (!m_parser->is_done())
                co_return false;
        }
        co_return m_parser->get().keep_alive();
    }

    void runHandler()
    {
        try {
            m_st.handler(*this);
        } catch (const std::exception& e) {
            qCWarning(lcHttp) << "handler failed for" << m_path << ":" << e.what();
            if (!m_responded) {
                closeAfterResponse();
                respond(500, "text/plain", "Internal server error.\n");
            }
            m_keepAlive = false;
            return;
        }
        if (!m_responded)
            respond(500, "text/plain", "No response.\n");
    }

    net::awaitable<void> run()
    {
        auto self = this->shared_from_this();
        beast::error_code ec;
        const auto headerTimeout = std::chrono::seconds(m_st.options.headerTimeoutSecs);
        if constexpr (IsTls) {
            // Detection only peeked: the ClientHello is still in the socket for OpenSSL to read.
            lowest().expires_after(headerTimeout);
            co_await m_stream.async_handshake(ec_(ec));
            if (ec) {
                qCDebug(lcHttp) << "TLS handshake with" << m_peerText
                                << "failed:" << QString::fromStdString(ec.message());
                co_return;
            }
        } else if (!m_st.options.allowPlain) {
            co_await answer(http::status::upgrade_required,
                            "This server requires TLS: use https:// or ipps://.\n");
            co_await closeCo();
            co_return;
        }
        for (bool first = true;; first = false) {
            if (!first && m_buffer.size() == 0) {
                // Keep-alive: wait for the next request's first byte with the idle deadline, holding
                // as little memory as we can.
                m_buffer.clear();
                m_buffer.shrink_to_fit();
                lowest().expires_after(std::chrono::seconds(m_st.options.idleTimeoutSecs));
                const std::size_t n = co_await m_stream.async_read_some(m_buffer.prepare(1024), ec_(ec));
                if (ec)
                    break;
                m_buffer.commit(n);
            }
            // The whole head must arrive within the header deadline (from the first byte; from
            // accept for a new connection), however slowly it trickles in.
            if (!first)
                lowest().expires_after(headerTimeout);
            m_parser.emplace();
            m_parser->header_limit(HttpLimits::HeaderBytes);
            m_parser->body_limit(HttpLimits::BodyBytes);
            co_await http::async_read_header(m_stream, m_buffer, *m_parser, ec_(ec));
            lowest().expires_never();
            if (ec) {
                if (ec != http::error::end_of_stream && ec != net::error::eof &&
                    ec != ssl::error::stream_truncated)
                    qCDebug(lcHttp) << "header read from" << m_peerText
                                    << "failed:" << QString::fromStdString(ec.message());
                if (isMalformed(ec))
                    co_await answer(http::status::bad_request, "Malformed HTTP request.\n");
                break;
            }
            m_responded = m_continueSent = m_failed = false;
            m_keepAlive = true;
            m_bodyReceived = 0;
            m_bodyWaited = {};
            m_prebuffered = 0;
            releasePrebuffer();
            const auto target = m_parser->get().target();
            const RequestTarget t = RequestTarget::parse(std::string_view(target.data(), target.size()));
            if (!t.isValid()) {
                co_await answer(static_cast<http::status>(t.status()), "Malformed request target.\n");
                break;
            }
            m_path = t.path();
            m_query = t.query();
            if (!m_admitted) {
                co_await answer(http::status::service_unavailable,
                                "The server has too many open connections (from your address or in total). "
                                "Try again in a few seconds.\n",
                                true);
                break;
            }
            // A request refused from its head alone is answered before its body is read ahead: a client
            // waiting for "100 Continue" (libcups) then handles the answer before sending its document.
            if (hasBody() && m_st.headCheck) {
                if (std::optional<HttpHeadAnswer> a = m_st.headCheck(*this)) {
                    co_await answerHead(*a);
                    break;
                }
            }
            // A body (or its first HttpLimits::PrebufferBytes) is read here, before a worker is taken.
            if (hasBody() && !co_await prebufferCo())
                break;
            // The handler runs on a worker; this coroutine waits without holding a thread.
            m_handlerDone = false;
            m_signal.expires_at(net::steady_timer::time_point::max());
            net::post(*m_st.workers, [self] {
                self->runHandler();
                net::post(self->m_stream.get_executor(), [self] {
                    self->m_handlerDone = true;
                    self->m_signal.cancel();
                });
            });
            while (!m_handlerDone)
                co_await m_signal.async_wait(ec_(ec));
            if (m_streaming) {
                co_await pushLoop();
                break;
            }
            if (!co_await finishRequest())
                break;
        }
        co_await closeCo();
    }

    net::awaitable<void> closeCo()
    {
        beast::error_code ec;
        // Answered without reading all of the body (refused): the client may still be sending it.
        const bool unread =
            m_responded && !m_failed && !m_streaming && m_parser && !m_parser->is_done() && hasBody();
        if constexpr (IsTls) {
            lowest().expires_after(std::chrono::seconds(2));
            co_await m_stream.async_shutdown(ec_(ec));
        }
        if (unread) {
            // Lingering close (HttpLimits::LingerTime): stop sending, drop what still comes, then close,
            // so that the client reads our answer instead of a connection reset.
            lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
            lowest().expires_after(HttpLimits::LingerTime);
            std::vector<char> sink(16384);
            std::size_t dropped = 0;
            while (dropped < HttpLimits::LingerBytes) {
                std::size_t n = 0;
                if constexpr (IsTls) // after close_notify: raw bytes, nothing for OpenSSL any more
                    n = co_await m_stream.async_read_raw_some(net::buffer(sink), ec_(ec));
                else
                    n = co_await lowest().async_read_some(net::buffer(sink), ec_(ec));
                if (ec)
                    break;
                dropped += n;
            }
            lowest().expires_never();
        }
        lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
        lowest().close();
    }

    /// Ends the push stream (pushLoop) once the client goes: the socket has data, FIN or an error.
    /// A wait for readability can complete with nothing to read (Asio's epoll reactor is edge-triggered
    /// and completes every queued wait on an event, which may be an old one already served by a
    /// speculative read), so the socket is peeked before the stream is ended, and watched again if
    /// it turns out empty.
    void watchForClientGoing()
    {
        auto self = this->shared_from_this();
        lowest().socket().async_wait(tcp::socket::wait_read, [self](const beast::error_code& ec) {
            QString why;
            if (ec) {
                why =
                    QStringLiteral("waiting for the client failed: ") + QString::fromStdString(ec.message());
            } else if (!self->lowest().socket().is_open()) {
                why = QStringLiteral("the socket was closed");
            } else {
                char byte;
                const ssize_t r =
                    ::recv(self->lowest().socket().native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
                const int e = errno;
                if (r < 0 && (e == EAGAIN || e == EWOULDBLOCK || e == EINTR)) {
                    std::lock_guard lock(self->m_pushMutex);
                    if (!self->m_pushEnded) {
                        self->watchForClientGoing();
                        return;
                    }
                }
                why = r > 0    ? QStringLiteral("the client sent data")
                      : r == 0 ? QStringLiteral("the client closed the connection")
                               : QStringLiteral("the connection failed: ") + errnoText(e);
            }
            {
                std::lock_guard lock(self->m_pushMutex);
                self->m_pushClosed = true;
                if (self->m_pushEndReason.isEmpty())
                    self->m_pushEndReason = why;
            }
            self->m_signal.cancel();
        });
    }

    /// The connection as a push stream: writes what push() queued, a keep-alive comment when idle,
    /// and ends when the client goes (the socket turns readable: data, FIN or RST), a write stalls
    /// past the body deadline, or close() is called.
    net::awaitable<void> pushLoop()
    {
        auto self = this->shared_from_this();
        m_parser.reset();
        m_buffer.clear();
        m_buffer.shrink_to_fit();
        beast::error_code ec;
        std::uint64_t written = 0; // bytes of events and keep-alives sent, for the log
        watchForClientGoing();
        for (;;) {
            std::deque<QByteArray> batch;
            bool closed;
            {
                std::lock_guard lock(m_pushMutex);
                batch.swap(m_pushQueue);
                m_pushBytes = 0;
                closed = m_pushClosed;
            }
            if (closed)
                break;
            if (batch.empty()) {
                m_signal.expires_after(std::chrono::seconds(m_st.options.keepAliveSecs));
                ec = {};
                co_await m_signal.async_wait(ec_(ec));
                if (ec)
                    continue; // woken: something queued, or closed
                batch.push_back(QByteArrayLiteral(": keep-alive\n\n"));
            }
            QByteArray out;
            for (const auto& b : batch)
                out += b;
            batch.clear();
            lowest().expires_after(std::chrono::seconds(m_st.options.bodyTimeoutSecs));
            co_await net::async_write(m_stream, net::buffer(out.constData(), std::size_t(out.size())),
                                      ec_(ec));
            lowest().expires_never();
            if (ec) {
                std::lock_guard lock(m_pushMutex);
                if (m_pushEndReason.isEmpty())
                    m_pushEndReason =
                        QStringLiteral("writing failed: ") + QString::fromStdString(ec.message());
                break;
            }
            written += std::uint64_t(out.size());
        }
        std::function<void()> onClosed;
        bool dropped;
        QString why;
        {
            std::lock_guard lock(m_pushMutex);
            m_pushClosed = m_pushEnded = true;
            m_pushQueue.clear();
            onClosed = std::move(m_onClosed);
            dropped = m_pushDropped;
            why = m_pushEndReason;
        }
        if (dropped) {
            qCInfo(lcHttp) << "event stream to" << m_peerText << "dropped: the client did not keep up";
        } else {
            qCDebug(lcHttp).noquote()
                << "event stream to" << m_pushPeer << "ended after" << written << "bytes of events:" << why;
        }
        --m_st.streams;
        m_holdsStream = false;
        lowest().socket().cancel(ec);
        if (onClosed)
            onClosed();
    }

    Stream m_stream;
    /// Every byte received passes through it (a request body too): wiped when it is freed or shrunk.
    beast::basic_flat_buffer<WipingAllocator<char>> m_buffer;
    State& m_st;
    std::string m_peer;
    QString m_peerText;
    bool m_admitted;
    net::steady_timer m_signal; // wakes the coroutine: handler done, push queued, stream closed
    std::optional<http::request_parser<http::buffer_body>> m_parser;
    QString m_path;
    QByteArray m_query;
    bool m_handlerDone = false;
    bool m_continueSent = false;
    bool m_failed = false;
    bool m_keepAlive = true;
    bool m_responded = false;
    bool m_streaming = false;
    bool m_holdsStream = false;
    /// Body bytes read before the handler ran (prebufferCo), in blocks of up to PreBlockBytes.
    struct PreBlock
    {
        std::unique_ptr<char[], WipeDelete> bytes; // a body's plaintext: wiped when freed
        std::size_t size = 0;                      // bytes read into it
        std::size_t room = 0; // bytes it can take
    };
    static constexpr std::size_t PreBlockBytes = 64 * 1024;
    std::vector<PreBlock> m_pre;
    std::size_t m_preSize = 0;  // bytes in m_pre
    std::size_t m_preBlock = 0; // the handler's read position: block, and offset in it
    std::size_t m_preOffset = 0;
    std::size_t m_prebuffered = 0;                      // how many bytes prebufferCo read
    ByteBudgetShare m_preShare{m_st.largePrebuffered};  // this body's bytes beyond PrebufferBytes
    std::uint64_t m_bodyReceived = 0;                   // body bytes of this request read so far
    std::chrono::steady_clock::duration m_bodyWaited{}; // time spent waiting for them

    mutable std::mutex m_pushMutex; // guards the push fields below
    std::deque<QByteArray> m_pushQueue;
    qsizetype m_pushBytes = 0;
    bool m_pushClosed = false;
    bool m_pushEnded = false;
    bool m_pushDropped = false;
    QString m_pushEndReason; // why the stream ended, first cause only (logged at debug level)
    QString m_pushPeer;      // address and port, for that log line
    bool m_wakePosted = false;
    std::function<void()> m_onClosed;
};

/// Waits until `socket` has a first byte (or `deadline` passes) and returns it without consuming it,
/// or -1 when the client closed or sent nothing in time. Its own frame (and timer) end with it, so an
/// open connection does not keep them.
net::awaitable<int> peekFirstByte(tcp::socket& socket, net::steady_timer::time_point deadline)
{
    net::steady_timer timer(socket.get_executor(), deadline);
    // Runs on the connection's strand like this coroutine: `armed` tells whether the socket is still ours.
    auto armed = std::make_shared<bool>(true);
    timer.async_wait([armed, &socket](const beast::error_code& e) {
        beast::error_code ignored;
        if (!e && *armed)
            socket.cancel(ignored);
    });
    int result = -1;
    for (;;) {
        beast::error_code ec;
        co_await socket.async_wait(tcp::socket::wait_read, net::redirect_error(Aw, ec));
        if (ec) // the deadline passed, or the server stops
            break;
        unsigned char first = 0;
        const ssize_t r = ::recv(socket.native_handle(), &first, 1, MSG_PEEK | MSG_DONTWAIT);
        if (r == 1) {
            result = first;
            break;
        }
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            continue;
        break; // closed before sending anything, or reset
    }
    *armed = false;
    timer.cancel();
    co_return result;
}

/// A new connection: TLS or plain is decided from its first byte (a TLS handshake record starts
/// with 0x16, no HTTP request does), peeked so that OpenSSL later reads the socket untouched; then
/// it is served. The header deadline runs from here.
net::awaitable<void> detectAndServe(State& st, tcp::socket socket, std::string peer, bool admitted)
{
    beast::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    // Never served: the slot is released here (the Connection destructor does it otherwise).
    const auto releaseSlot = [&st, admitted](const std::string& address) { st.release(address, admitted); };
    const auto deadline =
        net::steady_timer::clock_type::now() + std::chrono::seconds(st.options.headerTimeoutSecs);
    const int first = co_await peekFirstByte(socket, deadline);
    if (first < 0) {
        releaseSlot(peer);
        co_return;
    }
    if (first == 0x16) {
        std::shared_ptr<Connection<TlsStream>> c;
        try {
            std::lock_guard tlsLock(st.tlsMutex); // SSL_new copies the context's certificate and key
            c = std::make_shared<Connection<TlsStream>>(st, peer, admitted, std::move(socket),
                                                        st.tls.native_handle());
        } catch (const std::exception& e) {
            qCWarning(lcHttp) << "cannot start TLS for a connection:" << e.what();
            releaseSlot(peer);
            co_return;
        }
        co_await Connection<TlsStream>::start(std::move(c));
    } else {
        beast::tcp_stream stream(std::move(socket));
        stream.expires_at(deadline); // the first request's head: the deadline from accept goes on
        auto c =
            std::make_shared<Connection<beast::tcp_stream>>(st, std::move(peer), admitted, std::move(stream));
        co_await Connection<beast::tcp_stream>::start(std::move(c));
    }
}

} // namespace

struct HttpServer::Impl
{
    State st; // first: connections destroyed with the io_context still use it
    net::io_context io;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::vector<std::thread> ioThreads;
    std::unique_ptr<net::thread_pool> workers;
    std::atomic<bool> running{false};

    net::awaitable<void> acceptLoop();
};

HttpServer::HttpServer(HttpHandler handler, HttpHeadCheck headCheck) : d(std::make_unique<Impl>())
{
    d->st.handler = std::move(handler);
    d->st.headCheck = std::move(headCheck);
}

HttpServer::~HttpServer()
{
    stop();
}

int HttpServer::openFileLimit()
{
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return 1024;
    return rl.rlim_cur > 1 << 30 ? 1 << 30 : int(rl.rlim_cur);
}

bool HttpServer::start(const Options& options, QString* error)
{
    Options o = options;
    // Connections, streams and files share the open-file limit: keep a reserve for the store, the
    // spool, converters and connections being refused.
    const int files = openFileLimit();
    const int fromLimit = std::max(16, files - std::max(64, files / 8) - MaxRefusing);
    o.maxConnections = o.maxConnections > 0 ? std::min(o.maxConnections, fromLimit) : fromLimit;
    if (o.maxStreams <= 0)
        o.maxStreams = std::max(1, o.maxConnections * 3 / 4);
    o.maxStreams = std::min(o.maxStreams, o.maxConnections);
    o.ioThreads = std::max(1, o.ioThreads);
    o.workers = std::max(1, o.workers);
    d->st.options = o;
    auto& tls = d->st.tls;
    try {
        tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                        ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        // No TLS 1.3 session tickets: libcups (GnuTLS) clients take a ticket arriving after the
        // handshake for a response and drop the connection. Sessions are short-lived anyway.
        SSL_CTX_set_num_tickets(tls.native_handle(), 0);
        SSL_CTX_set_options(tls.native_handle(), SSL_OP_NO_TICKET);
        SSL_CTX_set_mode(tls.native_handle(), SSL_MODE_RELEASE_BUFFERS);
        // OpenSSL decrypts records in place: without this a request body's plaintext stays in its
        // freed record buffers.
        SSL_CTX_set_options(tls.native_handle(), SSL_OP_CLEANSE_PLAINTEXT);
        tls.use_certificate_chain_file(QFile::encodeName(o.certFile).toStdString());
        tls.use_private_key_file(QFile::encodeName(o.keyFile).toStdString(), ssl::context::pem);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load the TLS certificate or key: %1")
                     .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    try {
        const auto address = net::ip::make_address(
            o.host == QLatin1String("localhost") ? std::string("127.0.0.1") : o.host.toStdString());
        tcp::endpoint ep(address, o.port);
        d->acceptor = std::make_unique<tcp::acceptor>(d->io);
        d->acceptor->open(ep.protocol());
        d->acceptor->set_option(net::socket_base::reuse_address(true));
        d->acceptor->bind(ep);
        d->acceptor->listen(net::socket_base::max_listen_connections);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(o.host)
                     .arg(o.port)
                     .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    qCInfo(lcHttp) << "connection caps:" << o.maxConnections << "in total," << o.maxPerAddress
                   << "per address," << o.maxStreams << "event streams (open-file limit" << files << ");"
                   << o.ioThreads << "I/O threads," << o.workers << "workers";
    d->workers = std::make_unique<net::thread_pool>(std::size_t(o.workers));
    d->st.workers = d->workers.get();
    d->running = true;
    net::co_spawn(d->io, d->acceptLoop(), net::detached);
    for (int i = 0; i < o.ioThreads; ++i)
        d->ioThreads.emplace_back([this] { d->io.run(); });
    return true;
}

void HttpServer::stop()
{
    if (!d->running.exchange(false))
        return;
    d->io.stop();
    for (auto& t : d->ioThreads)
        t.join();
    d->ioThreads.clear();
    // Only now: no operation can still be writing into a waiting handler's buffer.
    d->st.stopping = true;
    // Handlers waiting on the (stopped) connections give up within a quarter second (sync()).
    d->workers->join();
    beast::error_code ec;
    d->acceptor->close(ec);
}

quint16 HttpServer::port() const
{
    beast::error_code ec;
    return d->acceptor ? d->acceptor->local_endpoint(ec).port() : 0;
}

const HttpServer::Options& HttpServer::options() const
{
    return d->st.options;
}

net::awaitable<void> HttpServer::Impl::acceptLoop()
{
    for (;;) {
        beast::error_code ec;
        tcp::socket socket(
            co_await acceptor->async_accept(net::make_strand(io), net::redirect_error(Aw, ec)));
        if (ec) {
            if (!running || ec == net::error::operation_aborted)
                co_return;
            qCWarning(lcHttp) << "accept failed:" << QString::fromStdString(ec.message());
            net::steady_timer pause(io, std::chrono::milliseconds(50)); // e.g. out of file descriptors
            co_await pause.async_wait(net::redirect_error(Aw, ec));
            continue;
        }
        const auto remote = socket.remote_endpoint(ec);
        std::string peer = ec ? std::string() : remote.address().to_string();
        bool admitted = false;
        const char* why = nullptr;
        {
            std::lock_guard lock(st.mutex);
            int& mine = st.perAddress[peer];
            if (st.open >= st.options.maxConnections)
                why = "the server's connection limit is reached";
            else if (mine >= st.options.maxPerAddress)
                why = "the limit of connections from one address is reached";
            if (!why) {
                admitted = true;
                ++mine;
                ++st.open;
            } else {
                if (mine == 0)
                    st.perAddress.erase(peer);
                if (st.refusing >= MaxRefusing)
                    why = nullptr; // too many being answered already: just close this one
                else
                    ++st.refusing;
            }
        }
        if (!admitted) {
            st.logRefusal(peer, why ? why : "too many connections are being refused at once");
            if (!why) {
                socket.close(ec);
                continue;
            }
        }
        // Over a cap the connection is still read (with the header deadline) and answered 503, so
        // that the client learns why; it never reaches a handler.
        net::co_spawn(socket.get_executor(), detectAndServe(st, std::move(socket), std::move(peer), admitted),
                      net::detached);
    }
}

bool HttpServer::reloadTls(const QString& certFile, const QString& keyFile, QString* error)
{
    const std::string cert = QFile::encodeName(certFile).toStdString();
    const std::string key = QFile::encodeName(keyFile).toStdString();
    // Tried on a context of its own first: a pair that does not load leaves the served one as it was.
    try {
        ssl::context trial{ssl::context::tls_server};
        trial.use_certificate_chain_file(cert);
        trial.use_private_key_file(key, ssl::context::pem);
        if (SSL_CTX_check_private_key(trial.native_handle()) != 1)
            throw std::runtime_error("the key does not belong to the certificate");
        std::lock_guard lock(d->st.tlsMutex);
        d->st.tls.use_certificate_chain_file(cert);
        d->st.tls.use_private_key_file(key, ssl::context::pem);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load the TLS certificate or key: %1")
                     .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    return true;
}
