#include "RequestTarget.h"

#include "HexDigit.h"
#include "HttpLimits.h"

RequestTarget RequestTarget::parse(std::string_view target)
{
    RequestTarget t;
    if (target.empty())
        return t;
    if (target.size() > HttpLimits::TargetBytes) {
        t.m_error = Error::TooLong;
        return t;
    }
    if (target == "*") {
        t.m_error = Error::Ok;
        t.m_path = QStringLiteral("*");
        return t;
    }
    if (target.front() != '/') {
        t.m_error = Error::NotOriginForm;
        return t;
    }
    const auto q = target.find('?');
    const std::string_view rawPath = target.substr(0, q);
    if (q != std::string_view::npos)
        t.m_query = QByteArray(target.data() + q + 1, static_cast<qsizetype>(target.size() - q - 1));
    QByteArray decoded;
    decoded.reserve(static_cast<qsizetype>(rawPath.size()));
    for (std::size_t i = 0; i < rawPath.size(); ++i) {
        const char c = rawPath[i];
        if (c == '\0') { // a raw NUL is refused as an encoded one is (found by fuzz_http_request)
            t.m_error = Error::NulInPath;
            return t;
        }
        if (c != '%') {
            decoded.append(c);
            continue;
        }
        if (i + 2 >= rawPath.size()) {
            t.m_error = Error::BadPercentEncoding;
            return t;
        }
        const int hi = hexValue(rawPath[i + 1]);
        const int lo = hexValue(rawPath[i + 2]);
        if (hi < 0 || lo < 0) {
            t.m_error = Error::BadPercentEncoding;
            return t;
        }
        const char b = static_cast<char>(hi * 16 + lo);
        if (b == '\0') {
            t.m_error = Error::NulInPath;
            return t;
        }
        decoded.append(b);
        i += 2;
    }
    t.m_path = QString::fromUtf8(decoded);
    t.m_error = Error::Ok;
    return t;
}

int RequestTarget::status() const
{
    switch (m_error) {
    case Error::Ok:
        return 0;
    case Error::TooLong:
        return 414;
    default:
        return 400;
    }
}
