#include "HttpServer.h"

#include "HttpLimits.h"
#include "Log.h"
#include "RequestTarget.h"

#include <QFile>
#include <QUrl>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <sys/socket.h>
#include <sys/time.h>

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr std::size_t HeaderLimit = 32 * 1024;
constexpr qint64 DrainLimit = 1024 * 1024; // unread bodies up to this are drained to keep the connection

// Open event streams, counted apart from ordinary requests.
struct StreamSlots
{
    std::atomic<int> open{0};
    int max = 20000;
};

template <class Stream> class BeastExchange final : public HttpExchange
{
public:
    BeastExchange(Stream& stream, beast::flat_buffer& buffer, http::request_parser<http::buffer_body>& parser,
                  QString peer, bool tls, StreamSlots& streams)
        : m_stream(stream), m_buffer(buffer), m_parser(parser), m_peer(std::move(peer)), m_tls(tls),
          m_streams(streams)
    {
        const auto target = m_parser.get().target();
        const RequestTarget t = RequestTarget::parse(std::string_view(target.data(), target.size()));
        m_path = t.path();
        m_query = t.query();
    }

    QByteArray method() const override
    {
        const auto m = m_parser.get().method_string();
        return QByteArray(m.data(), static_cast<qsizetype>(m.size()));
    }
    QString path() const override { return m_path; }
    QByteArray query() const override { return m_query; }
    QByteArray header(const char* name) const override
    {
        const auto& h = m_parser.get();
        auto it = h.find(name);
        if (it == h.end())
            return {};
        const auto v = it->value();
        return QByteArray(v.data(), static_cast<qsizetype>(v.size()));
    }
    QString peerAddress() const override { return m_peer; }
    bool isTls() const override { return m_tls; }
    bool hasBody() const override
    {
        return m_parser.chunked() || (m_parser.content_length() && *m_parser.content_length() > 0);
    }

    qint64 readBody(char* data, qint64 max) override
    {
        if (m_failed)
            return -1;
        if (m_parser.is_done() || !hasBody())
            return 0;
        if (!m_continueSent && beast::iequals(m_parser.get()[http::field::expect], "100-continue")) {
            m_continueSent = true;
            http::response<http::empty_body> cont{http::status::continue_, 11};
            beast::error_code ec;
            http::write(m_stream, cont, ec);
            if (ec) {
                qCDebug(lcHttp) << "100-continue to" << m_peer
                                << "failed:" << QString::fromStdString(ec.message());
                m_failed = true;
                return -1;
            }
        }
        while (!m_parser.is_done()) {
            m_parser.get().body().data = data;
            m_parser.get().body().size = static_cast<std::size_t>(max);
            beast::error_code ec;
            http::read(m_stream, m_buffer, m_parser, ec);
            if (ec == http::error::need_buffer)
                ec = {};
            if (ec) {
                qCDebug(lcHttp) << "body read failed from" << m_peer << ":"
                                << QString::fromStdString(ec.message());
                m_failed = true;
                m_keepAlive = false;
                return -1;
            }
            const auto got = max - static_cast<qint64>(m_parser.get().body().size);
            if (got > 0)
                return got;
        }
        return 0;
    }

    bool respond(int status, const QByteArray& contentType, const QByteArray& body,
                 const std::vector<std::pair<QByteArray, QByteArray>>& extraHeaders = {}) override
    {
        http::response<http::string_body> res{static_cast<http::status>(status), 11};
        res.set(http::field::server, "MPS");
        if (!contentType.isEmpty())
            res.set(http::field::content_type, std::string_view(contentType.constData(), contentType.size()));
        for (const auto& [k, v] : extraHeaders)
            res.set(std::string_view(k.constData(), k.size()), std::string_view(v.constData(), v.size()));
        res.set(http::field::cache_control, "no-store");
        res.body().assign(body.constData(), static_cast<std::size_t>(body.size()));
        res.prepare_payload();
        // An unread body larger than we care to drain forces the connection closed after this response.
        if (!m_parser.is_done() && hasBody()) {
            const bool small = m_parser.content_length() && *m_parser.content_length() <= DrainLimit;
            if (!small || m_failed)
                m_keepAlive = false;
        }
        res.keep_alive(m_keepAlive && m_parser.get().keep_alive());
        beast::error_code ec;
        http::write(m_stream, res, ec);
        m_responded = true;
        return !ec;
    }

    ~BeastExchange() override
    {
        if (m_holdsStream)
            --m_streams.open;
    }

    bool beginStream(int status, const QByteArray& contentType) override
    {
        // Long-lived streams have their own budget, so idle subscribers never starve requests.
        if (++m_streams.open > m_streams.max) {
            --m_streams.open;
            closeAfterResponse();
            respond(503, "text/plain", "Too many open event streams. Try again later.\n");
            return false;
        }
        m_holdsStream = true;
        http::response<http::empty_body> res{static_cast<http::status>(status), 11};
        res.set(http::field::server, "MPS");
        res.set(http::field::content_type, std::string_view(contentType.constData(), contentType.size()));
        res.set(http::field::cache_control, "no-store");
        res.keep_alive(false);
        http::response_serializer<http::empty_body> sr{res};
        beast::error_code ec;
        http::write_header(m_stream, sr, ec);
        m_responded = true;
        m_keepAlive = false;
        return !ec;
    }

    bool writeStream(const QByteArray& data) override
    {
        beast::error_code ec;
        net::write(m_stream, net::buffer(data.constData(), static_cast<std::size_t>(data.size())), ec);
        return !ec;
    }

    void closeAfterResponse() override { m_keepAlive = false; }
    bool responded() const override { return m_responded; }

    /// After the handler: drains a small unread body so that the connection can be reused.
    bool finishRequest()
    {
        if (!m_keepAlive || m_failed)
            return false;
        if (!m_parser.is_done() && hasBody()) {
            char sink[16384];
            qint64 total = 0;
            for (;;) {
                const qint64 n = readBody(sink, sizeof sink);
                if (n <= 0)
                    break;
                total += n;
                if (total > DrainLimit)
                    return false;
            }
            if (!m_parser.is_done())
                return false;
        }
        return m_parser.get().keep_alive();
    }

private:
    Stream& m_stream;
    beast::flat_buffer& m_buffer;
    http::request_parser<http::buffer_body>& m_parser;
    QString m_peer;
    QString m_path;
    QByteArray m_query;
    bool m_tls;
    StreamSlots& m_streams;
    bool m_holdsStream = false;
    bool m_continueSent = false;
    bool m_failed = false;
    bool m_keepAlive = true;
    bool m_responded = false;
};

template <class Stream>
void serveRequests(Stream& stream, beast::flat_buffer& buffer, const HttpHandler& handler,
                   const QString& peer, bool tls, StreamSlots& streams)
{
    for (;;) {
        http::request_parser<http::buffer_body> parser;
        parser.header_limit(HeaderLimit);
        parser.body_limit(std::numeric_limits<std::uint64_t>::max()); // handlers enforce their own limits
                                                                      // with a useful error
        beast::error_code ec;
        http::read_header(stream, buffer, parser, ec);
        if (ec) {
            if (ec != http::error::end_of_stream && ec != net::error::eof &&
                ec != net::ssl::error::stream_truncated)
                qCDebug(lcHttp) << "header read from" << peer
                                << "failed:" << QString::fromStdString(ec.message());
            if (ec == http::error::header_limit || ec == http::error::bad_target ||
                ec == http::error::bad_method || ec == http::error::bad_version ||
                ec == http::error::bad_field) {
                http::response<http::string_body> res{http::status::bad_request, 11};
                res.body() = "Malformed HTTP request.\n";
                res.prepare_payload();
                res.keep_alive(false);
                http::write(stream, res, ec);
            }
            return;
        }
        BeastExchange<Stream> ex(stream, buffer, parser, peer, tls, streams);
        try {
            handler(ex);
        } catch (const std::exception& e) {
            qCWarning(lcHttp) << "handler failed for" << ex.path() << ":" << e.what();
            if (!ex.responded()) {
                ex.closeAfterResponse();
                ex.respond(500, "text/plain", "Internal server error.\n");
            }
            return;
        }
        if (!ex.responded())
            ex.respond(500, "text/plain", "No response.\n");
        if (!ex.finishRequest())
            return;
    }
}

} // namespace

struct HttpServer::Impl
{
    HttpHandler handler;
    Options options;
    net::io_context io{1};
    std::unique_ptr<tcp::acceptor> acceptor;
    ssl::context tls{ssl::context::tls_server};
    std::thread acceptThread;
    std::atomic<bool> running{false};
    std::atomic<int> connections{0};
    StreamSlots streams;

    void acceptLoop();
    void serve(tcp::socket socket);
};

HttpServer::HttpServer(HttpHandler handler) : d(std::make_unique<Impl>())
{
    d->handler = std::move(handler);
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(const Options& options, QString* error)
{
    d->options = options;
    d->streams.max = options.maxStreams;
    try {
        d->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                           ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                           ssl::context::single_dh_use);
        // No TLS 1.3 session tickets: libcups (GnuTLS) clients take a ticket arriving after the
        // handshake for a response and drop the connection. Sessions are short-lived anyway.
        SSL_CTX_set_num_tickets(d->tls.native_handle(), 0);
        SSL_CTX_set_options(d->tls.native_handle(), SSL_OP_NO_TICKET);
        d->tls.use_certificate_chain_file(QFile::encodeName(options.certFile).toStdString());
        d->tls.use_private_key_file(QFile::encodeName(options.keyFile).toStdString(), ssl::context::pem);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot load the TLS certificate or key: %1")
                     .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    try {
        const auto address =
            net::ip::make_address(options.host == QLatin1String("localhost") ? std::string("127.0.0.1")
                                                                             : options.host.toStdString());
        tcp::endpoint ep(address, options.port);
        d->acceptor = std::make_unique<tcp::acceptor>(d->io);
        d->acceptor->open(ep.protocol());
        d->acceptor->set_option(net::socket_base::reuse_address(true));
        d->acceptor->bind(ep);
        d->acceptor->listen(net::socket_base::max_listen_connections);
    } catch (const std::exception& e) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(options.host)
                     .arg(options.port)
                     .arg(QString::fromLocal8Bit(e.what()));
        return false;
    }
    d->running = true;
    d->acceptThread = std::thread([this] { d->acceptLoop(); });
    return true;
}

void HttpServer::stop()
{
    if (!d->running.exchange(false))
        return;
    beast::error_code ec;
    // shutdown() wakes the blocking accept() in the accept thread.
    ::shutdown(d->acceptor->native_handle(), SHUT_RDWR);
    if (d->acceptThread.joinable())
        d->acceptThread.join();
    d->acceptor->close(ec);
}

quint16 HttpServer::port() const
{
    beast::error_code ec;
    return d->acceptor ? d->acceptor->local_endpoint(ec).port() : 0;
}

void HttpServer::Impl::acceptLoop()
{
    while (running) {
        beast::error_code ec;
        tcp::socket socket(io);
        acceptor->accept(socket, ec);
        if (ec) {
            if (!running)
                return;
            qCWarning(lcHttp) << "accept failed:" << QString::fromStdString(ec.message());
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            continue;
        }
        if (connections.load() - streams.open.load() >= options.maxConnections) {
            // Over the limit: refuse quickly rather than queue without bound.
            socket.close(ec);
            qCWarning(lcHttp) << "connection refused: limit of" << options.maxConnections << "reached";
            continue;
        }
        ++connections;
        std::thread([this, s = std::move(socket)]() mutable {
            serve(std::move(s));
            --connections;
        }).detach();
    }
}

void HttpServer::Impl::serve(tcp::socket socket)
{
    beast::error_code ec;
    const auto remote = socket.remote_endpoint(ec);
    const QString peer = ec ? QString() : QString::fromStdString(remote.address().to_string());
    // Blocking reads and writes give up after the idle timeout, so a silent client cannot hold a thread.
    timeval tv{options.idleTimeoutSecs, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    socket.set_option(tcp::no_delay(true), ec);

    // Beast sizes each read by the buffer's spare capacity (512 bytes by default): give it 64 KiB so a
    // large upload takes few system calls.
    beast::flat_buffer buffer;
    buffer.reserve(64 * 1024);
    const bool isTls = beast::detect_ssl(socket, buffer, ec);
    if (ec)
        return;
    if (isTls) {
        ssl::stream<tcp::socket&> stream(socket, tls);
        // The bytes detect_ssl read are the start of the ClientHello: hand them all to the handshake.
        stream.handshake(ssl::stream_base::server, buffer.data(), ec);
        if (ec) {
            qCDebug(lcHttp) << "TLS handshake with" << peer
                            << "failed:" << QString::fromStdString(ec.message());
            return;
        }
        buffer.consume(buffer.size());
        serveRequests(stream, buffer, handler, peer, true, streams);
        stream.shutdown(ec);
    } else {
        if (!options.allowPlain) {
            http::response<http::string_body> res{http::status::upgrade_required, 11};
            res.set(http::field::upgrade, "TLS/1.2, HTTP/1.1");
            res.body() = "This server requires TLS: use https:// or ipps://.\n";
            res.prepare_payload();
            res.keep_alive(false);
            http::write(socket, res, ec);
        } else {
            serveRequests(socket, buffer, handler, peer, false, streams);
        }
    }
    socket.shutdown(tcp::socket::shutdown_both, ec);
}
