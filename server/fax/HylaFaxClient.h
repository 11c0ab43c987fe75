#pragma once
#include "FaxGateway.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <memory>

/// One session with hfaxd, HylaFAX's FTP-like client protocol (RFC 959 replies, PASV data
/// connections), over Boost.Asio. Every step (connect, one reply, one write, one read) is bounded by
/// the timeout given at construction: nothing blocks longer, whatever the server does. Blocking; one
/// thread at a time. PASS is never logged.
///
/// Failures are of two kinds, told apart by failureIsTransient(): the gateway could not be reached,
/// closed the connection, timed out or answered 4xx (transient, worth retrying later), or it
/// answered 5xx (it refused).
class HylaFaxClient
{
public:
    /// A complete reply: its code and every line's text without the "nnn-"/"nnn " prefix.
    struct Reply
    {
        int code = 0;
        QStringList lines;
        /// The last line's text (the one carrying the code).
        QString text() const { return lines.isEmpty() ? QString() : lines.last(); }
    };

    /// A client whose every step gives up after `timeoutMs`.
    explicit HylaFaxClient(int timeoutMs);
    ~HylaFaxClient();
    HylaFaxClient(const HylaFaxClient&) = delete;
    HylaFaxClient& operator=(const HylaFaxClient&) = delete;

    /// Connects and reads the greeting (220). False with errorString() otherwise.
    [[nodiscard]] bool connectToHost(const QString& host, quint16 port);
    /// USER, then PASS when hfaxd asks for one (331). False when hfaxd refuses the login.
    [[nodiscard]] bool login(const QString& user, const QString& password);
    /// Sends one command line and reads its complete reply. False only when no reply came
    /// (connection lost, timeout); the reply may well be a refusal: look at its code.
    [[nodiscard]] bool command(const QString& line, Reply* reply);
    /// command() that also requires a reply code in [expectedFrom, expectedTo]; otherwise false with
    /// errorString() naming the command and quoting hfaxd's answer.
    [[nodiscard]] bool expect(const QString& line, int expectedFrom, int expectedTo, Reply* reply = nullptr);
    /// Uploads `size` bytes from `source` as a temporary document of format `form` ("PDF") with
    /// TYPE I, MODE S, PASV and STOT, streaming (never more than one buffer in memory). Returns
    /// hfaxd's name of the file (e.g. "/tmp/doc23.pdf") in `serverPath`. The file lives as long as
    /// this session.
    [[nodiscard]] bool storeTemporary(const QString& form, qint64 size, const FaxByteSource& source,
                                      QString* serverPath);
    /// Runs a data-transfer command (e.g. "LIST sendq", "RETR log/c00000012") over PASV and returns
    /// what came on the data connection, at most `maxBytes` (more is an error).
    [[nodiscard]] bool retrieve(const QString& line, QByteArray* data, qint64 maxBytes);
    /// Sends QUIT (best effort, short) and closes the connection.
    void quit();

    /// What went wrong last, in English for logs (hfaxd's own words included).
    QString errorString() const { return m_error; }
    /// True when the last failure was transient: no connection, lost connection, timeout, or a 4xx
    /// reply. False when hfaxd refused (5xx) or the document could not be read.
    bool failureIsTransient() const { return m_transient; }
    /// The code of the last reply read (0 before any).
    int lastReplyCode() const { return m_lastCode; }

    /// `value` as one quoted hfaxd string argument: quotes and backslashes escaped, control
    /// characters (CR, LF, ...) dropped.
    static QString quoted(const QString& value);

private:
    struct Io;
    bool readReply(Reply* reply);
    bool writeAll(bool control, const char* data, std::size_t size);
    bool openPassive();
    bool fail(const QString& message, bool transient);
    bool refusedBy(const QString& line, const Reply& reply);

    std::unique_ptr<Io> m_io;
    int m_timeoutMs;
    QString m_error;
    bool m_transient = false;
    int m_lastCode = 0;
    bool m_connected = false;
};
