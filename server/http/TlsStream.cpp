#include "TlsStream.h"

#include <boost/asio/ssl/error.hpp>
#include <cerrno>
#include <cstdint>
#include <openssl/err.h>
#include <stdexcept>
#include <sys/socket.h>

namespace net = boost::asio;
namespace beast = boost::beast;

namespace {

/// OpenSSL's socket BIO, except that it writes with send(MSG_NOSIGNAL): OpenSSL's own writes with
/// write(2), and a client gone mid-write would raise SIGPIPE. No buffer: the descriptor is all it holds.
int bioWrite(BIO* b, const char* data, std::size_t size, std::size_t* written)
{
    BIO_clear_retry_flags(b);
    const int fd = static_cast<int>(reinterpret_cast<std::intptr_t>(BIO_get_data(b)));
    const ssize_t r = ::send(fd, data, size, MSG_NOSIGNAL);
    if (r >= 0) {
        *written = static_cast<std::size_t>(r);
        return 1;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        BIO_set_retry_write(b);
    return 0;
}

int bioRead(BIO* b, char* data, std::size_t size, std::size_t* readBytes)
{
    BIO_clear_retry_flags(b);
    const int fd = static_cast<int>(reinterpret_cast<std::intptr_t>(BIO_get_data(b)));
    const ssize_t r = ::recv(fd, data, size, 0);
    if (r > 0) {
        *readBytes = static_cast<std::size_t>(r);
        return 1;
    }
    if (r == 0)
        BIO_set_flags(b, BIO_FLAGS_IN_EOF); // OpenSSL asks BIO_eof() to tell a truncation
    else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
        BIO_set_retry_read(b);
    return 0;
}

long bioCtrl(BIO* b, int cmd, long, void*)
{
    switch (cmd) {
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        return BIO_test_flags(b, BIO_FLAGS_IN_EOF) != 0 ? 1 : 0;
    default:
        return 0;
    }
}

} // namespace

BIO* TlsStream::socketBio(int fd)
{
    static BIO_METHOD* const method = [] {
        BIO_METHOD* m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "mps socket");
        if (m) {
            BIO_meth_set_write_ex(m, bioWrite);
            BIO_meth_set_read_ex(m, bioRead);
            BIO_meth_set_ctrl(m, bioCtrl);
            BIO_meth_set_create(m, [](BIO* b) {
                BIO_set_init(b, 1);
                return 1;
            });
        }
        return m;
    }();
    if (!method)
        return nullptr;
    BIO* bio = BIO_new(method);
    if (bio)
        BIO_set_data(bio, reinterpret_cast<void*>(static_cast<std::intptr_t>(fd)));
    return bio;
}

TlsStream::TlsStream(net::ip::tcp::socket socket, SSL_CTX* context)
    : m_impl(std::make_shared<Impl>(std::move(socket)))
{
    m_impl->ssl = SSL_new(context);
    if (!m_impl->ssl)
        throw std::runtime_error("SSL_new failed");
    beast::error_code ec;
    m_impl->socket.non_blocking(true, ec);
    BIO* bio = ec ? nullptr : socketBio(m_impl->socket.native_handle());
    if (!bio) {
        SSL_free(m_impl->ssl);
        m_impl->ssl = nullptr;
        throw std::runtime_error("cannot attach TLS to the socket");
    }
    SSL_set_bio(m_impl->ssl, bio, bio); // one reference, for reading and writing
    // No record buffers while idle; a write may end after a record; a retried write may come from a
    // moved buffer (the joined copy of a write lives as long as its operation, but be lenient).
    SSL_set_mode(m_impl->ssl, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
                                  SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_set_accept_state(m_impl->ssl);
}

TlsStream::~TlsStream()
{
    if (m_impl->ssl)
        SSL_free(m_impl->ssl); // frees the BIO, which does not close the descriptor: the socket does
    m_impl->ssl = nullptr;
}

void TlsStream::expires_after(std::chrono::steady_clock::duration d)
{
    Impl& s = *m_impl;
    s.timedOut = false;
    const unsigned generation = ++s.generation;
    s.timer.expires_after(d);
    s.timer.async_wait([weak = std::weak_ptr<Impl>(m_impl), generation](const beast::error_code& ec) {
        if (ec)
            return;
        const auto impl = weak.lock();
        if (!impl || impl->generation != generation)
            return; // a newer deadline replaced this one
        impl->timedOut = true;
        beast::error_code ignored;
        impl->socket.cancel(ignored);
    });
}

void TlsStream::expires_never()
{
    ++m_impl->generation;
    m_impl->timedOut = false;
    m_impl->timer.cancel();
}

void TlsStream::close()
{
    expires_never();
    beast::error_code ec;
    m_impl->socket.close(ec);
}

namespace {

/// The error of a failed SSL call; a peer gone without close_notify is stream_truncated.
beast::error_code sslError(SSL* ssl, int ret)
{
    const int err = SSL_get_error(ssl, ret);
    const unsigned long code = ERR_peek_last_error();
    beast::error_code ec;
    if (err == SSL_ERROR_ZERO_RETURN) {
        ec = net::error::eof;
    } else if (err == SSL_ERROR_SYSCALL) {
        // errno 0: the peer closed the connection without close_notify (OpenSSL before 3.0)
        ec = errno == 0 ? beast::error_code(net::ssl::error::stream_truncated)
                        : beast::error_code(errno, net::error::get_system_category());
    } else if (err == SSL_ERROR_SSL && ERR_GET_REASON(code) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
        ec = net::ssl::error::stream_truncated;
    } else if (code != 0) {
        ec = beast::error_code(static_cast<int>(code), net::error::get_ssl_category());
    } else {
        ec = net::error::fault;
    }
    ERR_clear_error(); // the queue is per thread: leave nothing for the next connection
    return ec;
}

} // namespace

TlsStream::Step TlsStream::attempt(Impl& impl, Kind kind, char* data, std::size_t size, std::size_t& n,
                                   beast::error_code& ec)
{
    ec = {};
    n = 0;
    if (kind == Kind::RawRead) {
        const ssize_t r = ::recv(impl.socket.native_handle(), data, size, MSG_DONTWAIT);
        if (r > 0) {
            n = static_cast<std::size_t>(r);
        } else if (r == 0) {
            ec = net::error::eof;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
            return Step::WantRead;
        } else {
            ec = beast::error_code(errno, net::error::get_system_category());
        }
        return Step::Done;
    }
    SSL* ssl = impl.ssl;
    ERR_clear_error();
    errno = 0;
    int ret = 0;
    switch (kind) {
    case Kind::Handshake:
        ret = SSL_do_handshake(ssl);
        break;
    case Kind::Read:
        ret = SSL_read_ex(ssl, data, size, &n);
        break;
    case Kind::Write:
        ret = SSL_write_ex(ssl, data, size, &n);
        break;
    case Kind::Shutdown:
        ret = SSL_shutdown(ssl);
        if (ret == 0) // close_notify sent: now wait for the peer's
            ret = SSL_shutdown(ssl);
        break;
    case Kind::RawRead:
        break;
    }
    if (ret == 1)
        return Step::Done;
    const int err = SSL_get_error(ssl, ret);
    if (err == SSL_ERROR_WANT_READ)
        return Step::WantRead;
    if (err == SSL_ERROR_WANT_WRITE)
        return Step::WantWrite;
    n = 0;
    ec = sslError(ssl, ret);
    return Step::Done;
}
