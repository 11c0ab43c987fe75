// Fuzzes the HTTP request path up to routing, as server/http/HttpServer runs it on every connection
// before any handler: Boost.Beast's request_parser with the server's limits (HttpLimits: header size,
// body limit) reads request heads and bodies from the bytes as they arrive, several requests one after
// the other on one connection (keep-alive), and server/http/RequestTarget splits and decodes each
// target. The first input byte sets how many bytes "arrive" at a time and how large the handler's
// body reads are; the rest is what the client sent.
// Oracles: a target RequestTarget accepts has a path with no NUL and, but for "*", starting with '/';
// its query is exactly the bytes after the first '?'; a refusal maps to 400 or 414; the parser never
// reads past what arrived, and a body read never returns more than asked.
#include "FuzzSupport.h"
#include "HttpLimits.h"
#include "RequestTarget.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace http = boost::beast::http;
namespace net = boost::asio;

namespace {

/// Bytes arriving `piece` at a time, as a socket delivers them into the connection's buffer.
struct Connection
{
    std::string_view input;
    std::size_t piece;
    std::size_t at = 0;
    boost::beast::flat_buffer buffer;

    /// Moves the next piece into the buffer; false when the client has sent everything.
    bool arrive()
    {
        if (at >= input.size())
            return false;
        const std::size_t n = std::min(piece, input.size() - at);
        auto dst = buffer.prepare(n);
        std::memcpy(dst.data(), input.data() + at, n);
        buffer.commit(n);
        at += n;
        return true;
    }
};

void checkTarget(std::string_view target)
{
    const RequestTarget t = RequestTarget::parse(target);
    if (!t.isValid()) {
        if (t.status() != 400 && t.status() != 414)
            abort();
        return;
    }
    if (t.status() != 0 || t.path().contains(QChar(0)))
        abort();
    if (t.path() != QLatin1String("*") && !t.path().startsWith(QLatin1Char('/')))
        abort();
    const auto q = target.find('?');
    const std::string_view query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
    if (t.query() != QByteArray(query.data(), static_cast<qsizetype>(query.size())))
        abort();
}

/// Reads one request from the connection as the server does. Returns false when the connection ends.
bool serveOne(Connection& c, std::size_t bodyRead)
{
    http::request_parser<http::buffer_body> parser;
    parser.header_limit(HttpLimits::HeaderBytes);
    parser.body_limit(HttpLimits::BodyBytes);
    boost::beast::error_code ec;
    // The head.
    while (!parser.is_header_done()) {
        if (c.buffer.size() == 0 && !c.arrive())
            return false;
        const std::size_t used = parser.put(c.buffer.data(), ec);
        if (used > c.buffer.size())
            abort();
        c.buffer.consume(used);
        if (ec == http::error::need_more) {
            if (!c.arrive()) {
                parser.put_eof(ec);
                return false;
            }
            continue;
        }
        if (ec)
            return false; // the server answers 400 and closes
    }
    const auto& req = parser.get();
    const auto target = req.target();
    checkTarget(std::string_view(target.data(), target.size()));
    // What the handlers look at.
    (void)req.method_string();
    (void)req[http::field::content_type];
    (void)req[http::field::expect];
    (void)req[http::field::authorization];
    (void)req.keep_alive();
    const bool hasBody = parser.chunked() || (parser.content_length() && *parser.content_length() > 0);
    // The body, read as a handler would, bodyRead bytes at a time.
    std::vector<char> sink(bodyRead);
    std::uint64_t total = 0;
    while (hasBody && !parser.is_done()) {
        parser.get().body().data = sink.data();
        parser.get().body().size = sink.size();
        if (c.buffer.size() == 0 && !c.arrive())
            return false;
        const std::size_t used = parser.put(c.buffer.data(), ec);
        if (used > c.buffer.size())
            abort();
        c.buffer.consume(used);
        const std::size_t got = sink.size() - parser.get().body().size;
        if (got > sink.size())
            abort();
        total += got;
        if (ec == http::error::need_buffer || (!ec && got > 0))
            continue;
        if (ec == http::error::need_more) {
            if (!c.arrive())
                return false;
            continue;
        }
        if (ec)
            return false;
    }
    if (parser.content_length() && !parser.chunked() && total != *parser.content_length())
        abort(); // a complete Content-Length body is exactly that long
    return parser.get().keep_alive();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    FuzzSupport::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    static const std::size_t pieces[] = {1, 3, 17, 512, 4096, 65536, 7, 100};
    static const std::size_t reads[] = {1, 5, 512, 8192};
    Connection c{std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), pieces[data[0] & 7], 0, {}};
    const std::size_t bodyRead = reads[(data[0] >> 3) & 3];
    for (int i = 0; i < 16; ++i)
        if (!serveOne(c, bodyRead))
            break;
    // The target decoder on its own, on the whole input (targets the parser would refuse included).
    checkTarget(c.input);
    return 0;
}
