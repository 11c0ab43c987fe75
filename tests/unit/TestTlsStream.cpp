// TlsStream (server/http/TlsStream): the server's own TLS stream on the socket's descriptor, against a
// real OpenSSL client on loopback (a blocking client on a thread of its own): a request and response
// through Beast, bodies of several MiB both ways (partial writes), a deadline that passes, a client
// that closes without close_notify, one that sends close_notify, and one that sends garbage instead of
// a ClientHello.
#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include "TlsCertificate.h"
#include "TlsStream.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <netinet/in.h>
#include <openssl/err.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

constexpr auto Aw = net::use_awaitable;

/// A blocking OpenSSL client connected to 127.0.0.1:`port` (no certificate check: a test peer).
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
        m_ctx = SSL_CTX_new(TLS_client_method());
        m_ssl = SSL_new(m_ctx);
        SSL_set_fd(m_ssl, m_fd);
    }
    ~Client()
    {
        SSL_free(m_ssl);
        SSL_CTX_free(m_ctx);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool handshake() { return m_connected && SSL_connect(m_ssl) == 1; }
    bool writeAll(const QByteArray& data)
    {
        for (qsizetype done = 0; done < data.size();) {
            std::size_t n = 0;
            if (SSL_write_ex(m_ssl, data.constData() + done, std::size_t(data.size() - done), &n) != 1)
                return false;
            done += qsizetype(n);
        }
        return true;
    }
    /// Reads until the server closes (close_notify or EOF).
    QByteArray readToEnd()
    {
        QByteArray out;
        char buf[65536];
        for (;;) {
            std::size_t n = 0;
            if (SSL_read_ex(m_ssl, buf, sizeof buf, &n) != 1)
                break;
            out.append(buf, qsizetype(n));
        }
        ERR_clear_error();
        return out;
    }
    void sendCloseNotify() { SSL_shutdown(m_ssl); }
    /// Closes the TCP connection without close_notify.
    void dropTcp() { ::shutdown(m_fd, SHUT_RDWR); }
    bool rawSend(const QByteArray& data)
    {
        return m_connected &&
               ::send(m_fd, data.constData(), std::size_t(data.size()), MSG_NOSIGNAL) == data.size();
    }
    /// Waits until the server closes the TCP connection (or resets it).
    void waitForClose()
    {
        char buf[4096];
        while (::recv(m_fd, buf, sizeof buf, 0) > 0) {
        }
    }

private:
    int m_fd = -1;
    bool m_connected = false;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
};

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray b(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        b[i] = char(seed + (i * 7 + i / 4093) % 251);
    return b;
}

} // namespace

class TestTlsStream : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SSL_CTX* m_ctx = nullptr;

    /// Accepts one connection on loopback, runs `server` on it (a coroutine given the stream) and
    /// `client` (given the port) on a thread, and waits for both.
    void run(std::function<net::awaitable<void>(TlsStream&)> server, std::function<void(quint16)> client)
    {
        net::io_context io;
        tcp::acceptor acceptor(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
        const quint16 port = acceptor.local_endpoint().port();
        std::thread peer([&] { client(port); });
        auto done = net::co_spawn(
            io,
            [&]() -> net::awaitable<void> {
                tcp::socket s = co_await acceptor.async_accept(net::make_strand(io), Aw);
                TlsStream stream(std::move(s), m_ctx);
                co_await server(stream);
            },
            net::use_future);
        io.run();
        peer.join();
        done.get(); // rethrows what the server side threw
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QString error;
        QVERIFY2(TlsCertificate::ensureSelfSigned(cert, key, {QStringLiteral("localhost")}, &error),
                 qPrintable(error));
        m_ctx = SSL_CTX_new(TLS_server_method());
        QVERIFY(SSL_CTX_use_certificate_chain_file(m_ctx, QFile::encodeName(cert).constData()) == 1);
        QVERIFY(SSL_CTX_use_PrivateKey_file(m_ctx, QFile::encodeName(key).constData(), SSL_FILETYPE_PEM) ==
                1);
        SSL_CTX_set_num_tickets(m_ctx, 0);
    }
    void cleanupTestCase() { SSL_CTX_free(m_ctx); }

    void requestAndResponseThroughBeast()
    {
        std::string target, body;
        beast::error_code handshakeEc, readEc, writeEc, shutdownEc;
        QByteArray reply;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                s.expires_after(std::chrono::seconds(30));
                co_await s.async_handshake(net::redirect_error(Aw, handshakeEc));
                beast::flat_buffer buffer;
                http::request<http::string_body> req;
                co_await http::async_read(s, buffer, req, net::redirect_error(Aw, readEc));
                target = std::string(req.target());
                body = req.body();
                http::response<http::string_body> res{http::status::ok, 11};
                res.body() = "hello " + body;
                res.keep_alive(false);
                res.prepare_payload();
                co_await http::async_write(s, res, net::redirect_error(Aw, writeEc));
                co_await s.async_shutdown(net::redirect_error(Aw, shutdownEc));
                s.expires_never();
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.writeAll("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nworld");
                reply = c.readToEnd();
                c.sendCloseNotify();
            });
        QVERIFY2(!handshakeEc, handshakeEc.message().c_str());
        QVERIFY2(!readEc, readEc.message().c_str());
        QVERIFY2(!writeEc, writeEc.message().c_str());
        QCOMPARE(target, std::string("/echo"));
        QCOMPARE(body, std::string("world"));
        QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData());
        QVERIFY2(reply.endsWith("\r\n\r\nhello world"), reply.constData());
        // The client answered our close_notify with its own (or closed): either ends the shutdown.
        QVERIFY2(!shutdownEc || shutdownEc == net::error::eof ||
                     shutdownEc == net::ssl::error::stream_truncated,
                 shutdownEc.message().c_str());
    }

    void largeBodiesBothWays()
    {
        const QByteArray upload = pattern(9 * 1024 * 1024 + 17, 'a');
        const QByteArray download = pattern(7 * 1024 * 1024 + 3, 'k');
        QByteArray received, reply;
        beast::error_code readEc, writeEc;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                beast::error_code ec;
                co_await s.async_handshake(net::redirect_error(Aw, ec));
                if (ec)
                    co_return;
                beast::flat_buffer buffer;
                http::request_parser<http::string_body> parser;
                parser.body_limit(64 * 1024 * 1024);
                co_await http::async_read(s, buffer, parser, net::redirect_error(Aw, readEc));
                received = QByteArray::fromStdString(parser.get().body());
                http::response<http::string_body> res{http::status::ok, 11};
                res.body().assign(download.constData(), std::size_t(download.size()));
                res.keep_alive(false);
                res.prepare_payload();
                co_await http::async_write(s, res, net::redirect_error(Aw, writeEc));
                s.expires_after(std::chrono::seconds(5));
                co_await s.async_shutdown(net::redirect_error(Aw, ec));
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.writeAll("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                           QByteArray::number(upload.size()) + "\r\n\r\n");
                c.writeAll(upload);
                reply = c.readToEnd();
            });
        QVERIFY2(!readEc, readEc.message().c_str());
        QVERIFY2(!writeEc, writeEc.message().c_str());
        QCOMPARE(received.size(), upload.size());
        QCOMPARE(QCryptographicHash::hash(received, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(upload, QCryptographicHash::Sha256));
        const qsizetype head = reply.indexOf("\r\n\r\n");
        QVERIFY(head > 0);
        const QByteArray body = reply.mid(head + 4);
        QCOMPARE(body.size(), download.size());
        QCOMPARE(QCryptographicHash::hash(body, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(download, QCryptographicHash::Sha256));
    }

    void deadlinePasses()
    {
        beast::error_code handshakeEc, readEc, nextEc;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                s.expires_after(std::chrono::seconds(30));
                co_await s.async_handshake(net::redirect_error(Aw, handshakeEc));
                s.expires_after(std::chrono::milliseconds(100));
                char buf[64];
                co_await s.async_read_some(net::buffer(buf), net::redirect_error(Aw, readEc));
                // The deadline stays passed for the next operation too, until a new one is set.
                co_await s.async_read_some(net::buffer(buf), net::redirect_error(Aw, nextEc));
                s.close();
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.waitForClose(); // sends nothing; the server gives up and closes
            });
        QVERIFY2(!handshakeEc, handshakeEc.message().c_str());
        QCOMPARE(readEc, beast::error_code(beast::error::timeout));
        QCOMPARE(nextEc, beast::error_code(beast::error::timeout));
    }

    void handshakeDeadline()
    {
        beast::error_code handshakeEc;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                s.expires_after(std::chrono::milliseconds(100));
                co_await s.async_handshake(net::redirect_error(Aw, handshakeEc));
                s.close();
            },
            [&](quint16 port) {
                Client c(port);
                c.rawSend(QByteArray("\x16\x03\x01", 3)); // the start of a record, then nothing
                c.waitForClose();
            });
        QCOMPARE(handshakeEc, beast::error_code(beast::error::timeout));
    }

    void peerClosesWithoutCloseNotify()
    {
        beast::error_code readEc;
        QByteArray got;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                beast::error_code ec;
                co_await s.async_handshake(net::redirect_error(Aw, ec));
                if (ec)
                    co_return;
                char buf[64];
                for (;;) {
                    const std::size_t n =
                        co_await s.async_read_some(net::buffer(buf), net::redirect_error(Aw, readEc));
                    if (readEc)
                        break;
                    got.append(buf, qsizetype(n));
                }
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.writeAll("partial");
                c.dropTcp();
            });
        QCOMPARE(got, QByteArray("partial"));
        QCOMPARE(readEc, beast::error_code(net::ssl::error::stream_truncated));
    }

    void peerSendsCloseNotify()
    {
        beast::error_code readEc;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                beast::error_code ec;
                co_await s.async_handshake(net::redirect_error(Aw, ec));
                if (ec)
                    co_return;
                char buf[64];
                co_await s.async_read_some(net::buffer(buf), net::redirect_error(Aw, readEc));
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.sendCloseNotify();
                c.waitForClose();
            });
        QCOMPARE(readEc, beast::error_code(net::error::eof));
    }

    void peerGoneDuringLargeWrite()
    {
        // OpenSSL writes with write(2): without SIGPIPE ignored (TlsStream does it) this process dies.
        beast::error_code writeEc;
        const QByteArray big = pattern(48 * 1024 * 1024, 'z'); // more than the socket buffers hold
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                beast::error_code ec;
                co_await s.async_handshake(net::redirect_error(Aw, ec));
                if (ec)
                    co_return;
                s.expires_after(std::chrono::seconds(30));
                co_await net::async_write(s, net::buffer(big.constData(), std::size_t(big.size())),
                                          net::redirect_error(Aw, writeEc));
                s.close();
            },
            [&](quint16 port) {
                Client c(port);
                if (!c.handshake())
                    return;
                c.dropTcp(); // gone with the server's data unread: the server's writes fail
            });
        QVERIFY(writeEc);
        QVERIFY2(writeEc != beast::error_code(beast::error::timeout), writeEc.message().c_str());
    }

    void garbageInsteadOfClientHello()
    {
        beast::error_code handshakeEc;
        run(
            [&](TlsStream& s) -> net::awaitable<void> {
                s.expires_after(std::chrono::seconds(30));
                co_await s.async_handshake(net::redirect_error(Aw, handshakeEc));
                s.close();
            },
            [&](quint16 port) {
                Client c(port);
                QByteArray junk("\x16\x03\x01\x00\x20", 5);
                junk += QByteArray(32, 'G'); // a handshake record whose content is no ClientHello
                c.rawSend(junk);
                c.waitForClose();
            });
        QVERIFY(handshakeEc);
        QVERIFY2(handshakeEc != beast::error_code(beast::error::timeout),
                 "refused at once, not at the deadline");
        QCOMPARE(handshakeEc.category(), net::error::get_ssl_category());
    }
};

QTEST_GUILESS_MAIN(TestTlsStream)
#include "TestTlsStream.moc"
