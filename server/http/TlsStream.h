#pragma once
#include <utility> // before Asio: Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <algorithm>
#include <boost/asio/compose.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <memory>
#include <openssl/ssl.h>

/// A server-side TLS stream for Boost.Beast with no buffers of its own: OpenSSL works straight on the
/// socket's file descriptor (a socket BIO of ours, the socket non-blocking, SSL_MODE_RELEASE_BUFFERS), and
/// Asio only tells when the socket is ready again (async_wait). An idle connection holds OpenSSL's SSL object
/// and nothing else, where asio::ssl::stream holds four 17 KiB buffers (docs/benchmarks.md).
///
/// It meets Asio's AsyncReadStream and AsyncWriteStream (what Beast's http::async_read/async_write
/// use), with at most one read and one write pending at a time, as asio::ssl::stream allows. A
/// deadline (expires_after) works as beast::tcp_stream's: when it passes, the pending operations end
/// with beast::error::timeout, and so does the next one started after it passed. A peer that closes
/// without close_notify ends a read with asio::ssl::error::stream_truncated; close_notify with
/// asio::error::eof. Every operation must run on the socket's executor (a strand). Writes never raise
/// SIGPIPE (send with MSG_NOSIGNAL, as Asio does).
class TlsStream
{
public:
    using executor_type = boost::asio::ip::tcp::socket::executor_type;

    /// Takes over `socket` (connected) and makes an SSL object for it from `context` (the certificate
    /// and key are copied from the context now, so a later change of the context does not reach it).
    TlsStream(boost::asio::ip::tcp::socket socket, SSL_CTX* context);
    ~TlsStream();
    TlsStream(const TlsStream&) = delete;
    TlsStream& operator=(const TlsStream&) = delete;

    /// Returns the executor of the socket (all operations run on it).
    executor_type get_executor() noexcept { return m_impl->socket.get_executor(); }
    /// Returns the TCP socket (for options, shutdown and raw readiness waits).
    boost::asio::ip::tcp::socket& socket() noexcept { return m_impl->socket; }
    /// Returns OpenSSL's SSL object.
    SSL* native_handle() noexcept { return m_impl->ssl; }

    /// Sets the deadline of the pending and following operations to `d` from now.
    void expires_after(std::chrono::steady_clock::duration d);
    /// Removes the deadline.
    void expires_never();
    /// Closes the socket (pending operations end with operation_aborted) and removes the deadline.
    void close();

    /// Performs the server side of the TLS handshake. Handler: void(error_code).
    template <class Token> auto async_handshake(Token&& token)
    {
        return boost::asio::async_compose<Token, void(boost::beast::error_code)>(
            Op<false>{m_impl, Kind::Handshake}, token, m_impl->socket);
    }
    /// Sends close_notify and waits for the peer's (the deadline bounds it). Handler: void(error_code).
    template <class Token> auto async_shutdown(Token&& token)
    {
        return boost::asio::async_compose<Token, void(boost::beast::error_code)>(
            Op<false>{m_impl, Kind::Shutdown}, token, m_impl->socket);
    }
    /// Reads decrypted bytes into the first non-empty buffer. Handler: void(error_code, std::size_t).
    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token)
    {
        Op<true> op{m_impl, Kind::Read};
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            const boost::asio::mutable_buffer b(*it);
            if (b.size() > 0) {
                op.data = static_cast<char*>(b.data());
                op.size = b.size();
                break;
            }
        }
        return boost::asio::async_compose<Token, void(boost::beast::error_code, std::size_t)>(
            std::move(op), token, m_impl->socket);
    }
    /// Encrypts and writes some of `buffers` (small leading buffers are joined into one record, up to
    /// 16 KiB, for the length of the operation). Handler: void(error_code, std::size_t).
    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token)
    {
        Op<true> op{m_impl, Kind::Write};
        std::size_t joined = 0;
        for (auto it = boost::asio::buffer_sequence_begin(buffers);
             it != boost::asio::buffer_sequence_end(buffers); ++it) {
            const boost::asio::const_buffer b(*it);
            if (b.size() == 0)
                continue;
            if (joined == 0 && op.size == 0) {
                if (b.size() >= JoinBytes) { // large enough for a record of its own: no copy
                    op.data = const_cast<char*>(static_cast<const char*>(b.data()));
                    op.size = b.size();
                    break;
                }
                op.copy.reset(new char[JoinBytes]);
            }
            const std::size_t n = std::min(b.size(), JoinBytes - joined);
            std::memcpy(op.copy.get() + joined, b.data(), n);
            joined += n;
            if (joined == JoinBytes)
                break;
        }
        if (op.copy) {
            op.data = op.copy.get();
            op.size = joined;
        }
        return boost::asio::async_compose<Token, void(boost::beast::error_code, std::size_t)>(
            std::move(op), token, m_impl->socket);
    }
    /// Reads raw (still encrypted) bytes from the socket, bypassing TLS: for dropping what a client
    /// still sends after close_notify (lingering close). Handler: void(error_code, std::size_t).
    template <class MutableBuffers, class Token>
    auto async_read_raw_some(const MutableBuffers& buffers, Token&& token)
    {
        Op<true> op{m_impl, Kind::RawRead};
        const boost::asio::mutable_buffer b(*boost::asio::buffer_sequence_begin(buffers));
        op.data = static_cast<char*>(b.data());
        op.size = b.size();
        return boost::asio::async_compose<Token, void(boost::beast::error_code, std::size_t)>(
            std::move(op), token, m_impl->socket);
    }

private:
    static constexpr std::size_t JoinBytes = 16384;

    /// A BIO on descriptor `fd` like OpenSSL's socket BIO that writes with MSG_NOSIGNAL (null on failure).
    static BIO* socketBio(int fd);

    struct Impl
    {
        Impl(boost::asio::ip::tcp::socket s) : socket(std::move(s)), timer(socket.get_executor()) {}
        boost::asio::ip::tcp::socket socket;
        boost::asio::steady_timer timer;
        SSL* ssl = nullptr;
        bool timedOut = false; // the deadline passed; cleared by expires_after/expires_never
        unsigned generation = 0;
    };

    enum class Kind { Handshake, Read, Write, Shutdown, RawRead };
    enum class Step { Done, WantRead, WantWrite };

    /// One attempt of `kind` on the SSL object (or the socket): done (with `ec`, `n`) or the
    /// direction to wait for.
    static Step attempt(Impl& impl, Kind kind, char* data, std::size_t size, std::size_t& n,
                        boost::beast::error_code& ec);

    /// The composed operation: attempt, wait for readiness, attempt again, until done. `Sized`: the
    /// handler takes the byte count too.
    template <bool Sized> struct Op
    {
        Op(std::shared_ptr<Impl> i, Kind k) : impl(std::move(i)), kind(k) {}

        std::shared_ptr<Impl> impl;
        Kind kind;
        char* data = nullptr;
        std::size_t size = 0;
        std::unique_ptr<char[]> copy; // joined small buffers of a write
        bool started = false;
        bool posted = false; // completed during initiation: completion posted, result below
        boost::beast::error_code result;
        std::size_t transferred = 0;

        template <class Self> void operator()(Self& self, boost::beast::error_code ec = {}, std::size_t = 0)
        {
            Impl& s = *impl;
            if (posted) {
                complete(self, result, transferred);
                return;
            }
            const bool first = !started;
            started = true;
            if (!first && ec) { // a wait ended early: deadline, close or cancellation
                finish(self, first, s.timedOut ? boost::beast::error::timeout : ec, 0);
                return;
            }
            if (s.timedOut) {
                finish(self, first, boost::beast::error::timeout, 0);
                return;
            }
            if (!s.socket.is_open()) {
                finish(self, first, boost::asio::error::bad_descriptor, 0);
                return;
            }
            if ((kind == Kind::Read || kind == Kind::Write || kind == Kind::RawRead) && size == 0) {
                finish(self, first, {}, 0);
                return;
            }
            std::size_t n = 0;
            switch (attempt(s, kind, data, size, n, ec)) {
            case Step::Done:
                finish(self, first, ec, n);
                return;
            case Step::WantRead:
                s.socket.async_wait(boost::asio::ip::tcp::socket::wait_read, std::move(self));
                return;
            case Step::WantWrite:
                s.socket.async_wait(boost::asio::ip::tcp::socket::wait_write, std::move(self));
                return;
            }
        }

        template <class Self> void finish(Self& self, bool first, boost::beast::error_code ec, std::size_t n)
        {
            if (!first) {
                complete(self, ec, n);
                return;
            }
            // Never complete inside the initiating call: post, and complete when it runs.
            posted = true;
            result = ec;
            transferred = n;
            auto ex = impl->socket.get_executor();
            boost::asio::post(ex, std::move(self));
        }

        template <class Self> static void complete(Self& self, boost::beast::error_code ec, std::size_t n)
        {
            if constexpr (Sized)
                self.complete(ec, n);
            else
                self.complete(ec);
        }
    };

    std::shared_ptr<Impl> m_impl;
};
