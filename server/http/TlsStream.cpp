#include "TlsStream.h"

#include <boost/asio/ssl/error.hpp>
#include <cerrno>
#include <openssl/err.h>
#include <stdexcept>
#include <sys/socket.h>

namespace net = boost::asio;
namespace beast = boost::beast;

TlsStream::TlsStream(net::ip::tcp::socket socket, SSL_CTX* context)
    : m_impl(std::make_shared<Impl>(std::move(socket)))
{
    m_impl->ssl = SSL_new(context);
    if (!m_impl->ssl)
        throw std::runtime_error("SSL_new failed");
    beast::error_code ec;
    m_impl->socket.non_blocking(true, ec);
    if (ec || SSL_set_fd(m_impl->ssl, static_cast<int>(m_impl->socket.native_handle())) != 1) {
        SSL_free(m_impl->ssl);
        m_impl->ssl = nullptr;
        throw std::runtime_error("cannot attach TLS to the socket");
    }
    // No record buffers while idle; a write may end after a record; a retried write may come from a
    // moved buffer (the joined copy of a write lives as long as its operation, but be lenient).
    SSL_set_mode(m_impl->ssl, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE |
                                  SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_set_accept_state(m_impl->ssl);
}

TlsStream::~TlsStream()
{
    if (m_impl->ssl)
        SSL_free(m_impl->ssl); // its socket BIO does not close the descriptor: the socket does
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
