#pragma once
#include <QByteArray>
#include <QString>
#include <string_view>

/// The request target of an HTTP request split and decoded as handlers see it: a pure function of
/// the bytes, no I/O (unit-tested and fuzzed apart from the server).
class RequestTarget
{
public:
    /// Why a target was refused (Ok when it was accepted).
    enum class Error { Ok, Empty, TooLong, NotOriginForm, NulInPath, BadPercentEncoding };

    /// Splits `target` at the first '?' and percent-decodes the path (UTF-8; invalid sequences are
    /// replaced as QString::fromUtf8 does). Accepts origin-form ("/path?query") and the asterisk form
    /// ("*", OPTIONS); refuses an empty or over-long target, anything else (absolute-form included,
    /// which no client of this server sends), malformed percent escapes in the path and a path that
    /// decodes to a NUL byte.
    [[nodiscard]] static RequestTarget parse(std::string_view target);

    /// Returns true when parse() accepted the target.
    bool isValid() const { return m_error == Error::Ok; }
    /// Returns why parse() refused the target.
    Error error() const { return m_error; }
    /// Returns the HTTP status for a refused target (400 or 414); 0 when valid.
    int status() const;
    /// Returns the decoded path (without query).
    const QString& path() const { return m_path; }
    /// Returns the raw query (after '?', still encoded), empty if none.
    const QByteArray& query() const { return m_query; }

private:
    Error m_error = Error::Empty;
    QString m_path;
    QByteArray m_query;
};
