#include "HylaFaxClient.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <chrono>

namespace {
Q_LOGGING_CATEGORY(lcHylaFax, "mps.server.fax", QtInfoMsg)

using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxLine = 64 * 1024; // one reply line; hfaxd's are short
constexpr int kMaxReplyLines = 10000;       // a multi-line reply (JPARM DOCUMENT of a big job)
constexpr qint64 kChunk = 64 * 1024;        // one write of a streamed document
} // namespace

struct HylaFaxClient::Io
{
    boost::asio::io_context context;
    tcp::socket control{context};
    tcp::socket data{context};
    boost::asio::streambuf buffer{kMaxLine};
    boost::asio::ip::address peerAddress;

    /// Runs the pending operation until it calls its handler (`done`) or `deadline` passes. On
    /// timeout both sockets are closed (so the operation ends with operation_aborted) and false
    /// returned: the session is over.
    bool runUntil(const bool& done, Clock::time_point deadline)
    {
        context.restart();
        while (!done && Clock::now() < deadline)
            context.run_one_until(deadline);
        if (done)
            return true;
        boost::system::error_code ignored;
        control.close(ignored);
        data.close(ignored);
        context.restart();
        context.run();
        return false;
    }
};

HylaFaxClient::HylaFaxClient(int timeoutMs) : m_io(std::make_unique<Io>()), m_timeoutMs(qMax(1, timeoutMs)) {}

HylaFaxClient::~HylaFaxClient()
{
    boost::system::error_code ignored;
    m_io->data.close(ignored);
    m_io->control.close(ignored);
}

bool HylaFaxClient::fail(const QString& message, bool transient)
{
    m_error = message;
    m_transient = transient;
    qCDebug(lcHylaFax) << "hfaxd:" << message;
    return false;
}

bool HylaFaxClient::refusedBy(const QString& line, const Reply& reply)
{
    // Never repeat a password, even in an error.
    const QString shown = line.startsWith(QLatin1String("PASS ")) ? QStringLiteral("PASS") : line;
    return fail(QStringLiteral("%1: %2 %3").arg(shown).arg(reply.code).arg(reply.text()),
                reply.code >= 400 && reply.code < 500);
}

bool HylaFaxClient::connectToHost(const QString& host, quint16 port)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_timeoutMs);
    boost::system::error_code ec;
    tcp::resolver resolver(m_io->context);
    tcp::resolver::results_type endpoints;
    bool done = false;
    resolver.async_resolve(host.toStdString(), std::to_string(port),
                           [&](const boost::system::error_code& e, tcp::resolver::results_type results) {
                               ec = e;
                               endpoints = std::move(results);
                               done = true;
                           });
    if (!m_io->runUntil(done, deadline)) {
        resolver.cancel();
        return fail(QStringLiteral("cannot resolve %1: timed out").arg(host), true);
    }
    if (ec)
        return fail(QStringLiteral("cannot resolve %1: %2").arg(host, QString::fromStdString(ec.message())),
                    true);

    done = false;
    boost::asio::async_connect(m_io->control, endpoints,
                               [&](const boost::system::error_code& e, const tcp::endpoint&) {
                                   ec = e;
                                   done = true;
                               });
    if (!m_io->runUntil(done, deadline))
        return fail(QStringLiteral("cannot connect to %1:%2: timed out").arg(host).arg(port), true);
    if (ec)
        return fail(QStringLiteral("cannot connect to %1:%2: %3")
                        .arg(host)
                        .arg(port)
                        .arg(QString::fromStdString(ec.message())),
                    true);
    boost::system::error_code ignored;
    m_connected = true;
    m_io->peerAddress = m_io->control.remote_endpoint(ignored).address();
    m_io->control.set_option(tcp::no_delay(true), ignored);

    Reply greeting;
    if (!readReply(&greeting))
        return false;
    if (greeting.code != 220)
        return fail(QStringLiteral("hfaxd at %1:%2 did not greet: %3 %4")
                        .arg(host)
                        .arg(port)
                        .arg(greeting.code)
                        .arg(greeting.text()),
                    true);
    qCDebug(lcHylaFax) << "connected to" << host << port << greeting.text();
    return true;
}

bool HylaFaxClient::login(const QString& user, const QString& password)
{
    Reply reply;
    if (!command(QStringLiteral("USER ") + user, &reply))
        return false;
    if (reply.code == 230)
        return true;
    if (reply.code != 331)
        return refusedBy(QStringLiteral("USER ") + user, reply);
    if (password.isEmpty())
        return fail(QStringLiteral("hfaxd wants a password for %1 and none is configured").arg(user), false);
    if (!command(QStringLiteral("PASS ") + password, &reply))
        return false;
    if (reply.code != 230)
        return refusedBy(QStringLiteral("PASS"), reply);
    return true;
}

bool HylaFaxClient::readReply(Reply* reply)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_timeoutMs);
    reply->code = 0;
    reply->lines.clear();
    int code = 0;
    bool multiLine = false;
    while (true) {
        boost::system::error_code ec;
        std::size_t length = 0;
        bool done = false;
        boost::asio::async_read_until(m_io->control, m_io->buffer, '\n',
                                      [&](const boost::system::error_code& e, std::size_t n) {
                                          ec = e;
                                          length = n;
                                          done = true;
                                      });
        if (!m_io->runUntil(done, deadline))
            return fail(QStringLiteral("hfaxd did not answer within %1 ms").arg(m_timeoutMs), true);
        if (ec)
            return fail(
                QStringLiteral("connection to hfaxd lost: %1").arg(QString::fromStdString(ec.message())),
                true);
        std::string raw(length, '\0');
        m_io->buffer.sgetn(raw.data(), static_cast<std::streamsize>(length));
        while (!raw.empty() && (raw.back() == '\n' || raw.back() == '\r'))
            raw.pop_back();
        const QString line = QString::fromUtf8(raw.data(), static_cast<qsizetype>(raw.size()));

        const bool hasCode = line.size() >= 3 && line[0].isDigit() && line[1].isDigit() &&
                             line[2].isDigit() &&
                             (line.size() == 3 || line[3] == QLatin1Char(' ') || line[3] == QLatin1Char('-'));
        if (code == 0) {
            if (!hasCode)
                return fail(QStringLiteral("not an hfaxd reply: %1").arg(line.left(80)), true);
            code = line.left(3).toInt();
            multiLine = line.size() > 3 && line[3] == QLatin1Char('-');
            reply->lines << line.mid(4);
            if (!multiLine)
                break;
            continue;
        }
        // Inside a multi-line reply: it ends with "<code> text".
        if (hasCode && line.left(3).toInt() == code && (line.size() == 3 || line[3] == QLatin1Char(' '))) {
            reply->lines << line.mid(4);
            break;
        }
        reply->lines << (hasCode ? line.mid(4) : line);
        if (reply->lines.size() > kMaxReplyLines)
            return fail(QStringLiteral("hfaxd's reply is too long"), true);
    }
    reply->code = code;
    m_lastCode = code;
    return true;
}

bool HylaFaxClient::writeAll(bool control, const char* data, std::size_t size)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(m_timeoutMs);
    boost::system::error_code ec;
    bool done = false;
    boost::asio::async_write(control ? m_io->control : m_io->data, boost::asio::buffer(data, size),
                             [&](const boost::system::error_code& e, std::size_t) {
                                 ec = e;
                                 done = true;
                             });
    if (!m_io->runUntil(done, deadline))
        return fail(QStringLiteral("hfaxd took no data for %1 ms").arg(m_timeoutMs), true);
    if (ec)
        return fail(QStringLiteral("connection to hfaxd lost: %1").arg(QString::fromStdString(ec.message())),
                    true);
    return true;
}

bool HylaFaxClient::command(const QString& line, Reply* reply)
{
    if (!m_connected || !m_io->control.is_open())
        return fail(QStringLiteral("not connected to hfaxd"), true);
    if (line.startsWith(QLatin1String("PASS ")))
        qCDebug(lcHylaFax) << "-> PASS (not shown)";
    else
        qCDebug(lcHylaFax) << "->" << line;
    const QByteArray bytes = line.toUtf8() + "\r\n";
    if (!writeAll(true, bytes.constData(), static_cast<std::size_t>(bytes.size())))
        return false;
    if (!readReply(reply))
        return false;
    qCDebug(lcHylaFax) << "<-" << reply->code << reply->text();
    return true;
}

bool HylaFaxClient::expect(const QString& line, int expectedFrom, int expectedTo, Reply* reply)
{
    Reply local;
    Reply* r = reply ? reply : &local;
    if (!command(line, r))
        return false;
    if (r->code < expectedFrom || r->code > expectedTo)
        return refusedBy(line, *r);
    return true;
}

bool HylaFaxClient::openPassive()
{
    Reply reply;
    if (!expect(QStringLiteral("PASV"), 227, 227, &reply))
        return false;
    static const QRegularExpression re(QStringLiteral("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)"));
    const auto m = re.match(reply.text());
    if (!m.hasMatch())
        return fail(QStringLiteral("cannot read hfaxd's PASV answer: %1").arg(reply.text()), true);
    const int port = m.captured(5).toInt() * 256 + m.captured(6).toInt();
    if (port <= 0 || port > 65535)
        return fail(QStringLiteral("hfaxd's PASV answer has no port: %1").arg(reply.text()), true);
    // Connect to the address the control connection reached (hfaxd behind NAT may name another).
    const tcp::endpoint endpoint(m_io->peerAddress, static_cast<unsigned short>(port));
    boost::system::error_code ec;
    m_io->data.close(ec);
    bool done = false;
    m_io->data.async_connect(endpoint, [&](const boost::system::error_code& e) {
        ec = e;
        done = true;
    });
    if (!m_io->runUntil(done, Clock::now() + std::chrono::milliseconds(m_timeoutMs)))
        return fail(QStringLiteral("hfaxd's data connection timed out"), true);
    if (ec)
        return fail(QStringLiteral("cannot open hfaxd's data connection: %1")
                        .arg(QString::fromStdString(ec.message())),
                    true);
    return true;
}

bool HylaFaxClient::storeTemporary(const QString& form, qint64 size, const FaxByteSource& source,
                                   QString* serverPath)
{
    if (!expect(QStringLiteral("TYPE I"), 200, 299) || !expect(QStringLiteral("MODE S"), 200, 299) ||
        !expect(QStringLiteral("FORM ") + form, 200, 299) || !openPassive())
        return false;
    Reply start;
    if (!command(QStringLiteral("STOT"), &start))
        return false;
    if (start.code < 100 || start.code > 199) {
        boost::system::error_code ignored;
        m_io->data.close(ignored);
        return refusedBy(QStringLiteral("STOT"), start);
    }
    static const QRegularExpression fileRe(QStringLiteral("FILE: ([^ ()]+)"));
    QString path = fileRe.match(start.text()).captured(1);

    // Stream the document: one buffer at a time, each write bounded by the timeout.
    QByteArray chunk(static_cast<qsizetype>(kChunk), Qt::Uninitialized);
    qint64 total = 0;
    while (true) {
        const qint64 n = source ? source(chunk.data(), kChunk) : -1;
        if (n < 0) {
            boost::system::error_code ignored;
            m_io->data.close(ignored);
            return fail(QStringLiteral("cannot read the document to fax"), false);
        }
        if (n == 0)
            break;
        total += n;
        if (total > size) {
            boost::system::error_code ignored;
            m_io->data.close(ignored);
            return fail(QStringLiteral("the document is longer than announced (%1 bytes)").arg(size), false);
        }
        if (!writeAll(false, chunk.constData(), static_cast<std::size_t>(n)))
            return false;
    }
    boost::system::error_code ignored;
    m_io->data.shutdown(tcp::socket::shutdown_send, ignored);
    m_io->data.close(ignored);
    if (total != size)
        return fail(QStringLiteral("the document ended after %1 of %2 bytes").arg(total).arg(size), false);
    Reply end;
    if (!readReply(&end))
        return false;
    if (end.code != 226)
        return refusedBy(QStringLiteral("STOT"), end);
    if (path.isEmpty())
        path = fileRe.match(end.text()).captured(1);
    if (path.isEmpty())
        return fail(QStringLiteral("hfaxd did not name the stored file: %1").arg(end.text()), true);
    qCDebug(lcHylaFax) << "stored" << total << "bytes as" << path;
    *serverPath = path;
    return true;
}

bool HylaFaxClient::retrieve(const QString& line, QByteArray* data, qint64 maxBytes)
{
    data->clear();
    if (!expect(QStringLiteral("TYPE I"), 200, 299) || !openPassive())
        return false;
    Reply start;
    if (!command(line, &start))
        return false;
    if (start.code < 100 || start.code > 199) {
        boost::system::error_code ignored;
        m_io->data.close(ignored);
        return refusedBy(line, start);
    }
    char buffer[16 * 1024];
    while (true) {
        boost::system::error_code ec;
        std::size_t n = 0;
        bool done = false;
        m_io->data.async_read_some(boost::asio::buffer(buffer),
                                   [&](const boost::system::error_code& e, std::size_t got) {
                                       ec = e;
                                       n = got;
                                       done = true;
                                   });
        if (!m_io->runUntil(done, Clock::now() + std::chrono::milliseconds(m_timeoutMs)))
            return fail(QStringLiteral("hfaxd sent no data for %1 ms").arg(m_timeoutMs), true);
        data->append(buffer, static_cast<qsizetype>(n));
        if (data->size() > maxBytes) {
            m_io->data.close(ec);
            return fail(QStringLiteral("%1: more than %2 bytes").arg(line).arg(maxBytes), false);
        }
        if (ec == boost::asio::error::eof)
            break;
        if (ec)
            return fail(
                QStringLiteral("hfaxd's data connection broke: %1").arg(QString::fromStdString(ec.message())),
                true);
    }
    boost::system::error_code ignored;
    m_io->data.close(ignored);
    Reply end;
    if (!readReply(&end))
        return false;
    if (end.code != 226)
        return refusedBy(line, end);
    return true;
}

void HylaFaxClient::quit()
{
    if (m_connected && m_io->control.is_open()) {
        const int saved = m_timeoutMs;
        m_timeoutMs = qMin(saved, 2000);
        const QString error = m_error;
        const bool transient = m_transient;
        Reply ignoredReply;
        (void)command(QStringLiteral("QUIT"), &ignoredReply);
        m_error = error;
        m_transient = transient;
        m_timeoutMs = saved;
    }
    boost::system::error_code ignored;
    m_io->data.close(ignored);
    m_io->control.close(ignored);
    m_connected = false;
}

QString HylaFaxClient::quoted(const QString& value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            continue;
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    out += QLatin1Char('"');
    return out;
}
