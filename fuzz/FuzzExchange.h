#pragma once
#include "HttpServer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>

class PushStream;

/// An in-memory HttpExchange (its methods are HttpExchange's virtual ones) for the harnesses: the request is
/// given whole, the body is served in pieces of at most `pieceBytes` (as a socket would), and the response is
/// kept for inspection.
class FuzzExchange final : public HttpExchange
{
public:
    QByteArray m_method = "POST";
    QString m_path = QStringLiteral("/");
    QByteArray m_query;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QString m_peer = QStringLiteral("127.0.0.1");
    bool m_tls = true;
    QByteArray m_body;
    qint64 m_pieceBytes = 4096;

    int m_status = 0;
    QByteArray m_responseBody;
    bool m_closeAfter = false;
    bool m_responded = false;
    bool m_streaming = false;

    QByteArray method() const { return m_method; }
    QString path() const { return m_path; }
    QByteArray query() const { return m_query; }
    QByteArray header(const char* name) const
    {
        for (const auto& [k, v] : m_headers)
            if (qstricmp(k.constData(), name) == 0)
                return v;
        return {};
    }
    QString peerAddress() const { return m_peer; }
    bool isTls() const { return m_tls; }
    bool hasBody() const { return !m_body.isEmpty(); }
    qint64 bodyBytesAtLeast() const { return m_body.size(); }
    qint64 readBody(char* data, qint64 max)
    {
        const qint64 n = std::min({max, m_pieceBytes, static_cast<qint64>(m_body.size()) - m_at});
        if (n <= 0)
            return 0;
        std::memcpy(data, m_body.constData() + m_at, static_cast<size_t>(n));
        m_at += n;
        return n;
    }
    bool respond(int status, const QByteArray&, const QByteArray& body,
                 const std::vector<std::pair<QByteArray, QByteArray>>& = {})
    {
        m_status = status;
        m_responseBody = body;
        m_responded = true;
        return true;
    }
    // Push streams (server-sent events) are not fuzzed here. Both the older (beginStream/writeStream)
    // and the newer (openPushStream) interface are provided, without `override`, so that this file
    // builds against either while server/http/HttpServer.h changes.
    bool beginStream(int status, const QByteArray&)
    {
        m_status = status;
        m_responded = true;
        m_streaming = true;
        return true;
    }
    bool writeStream(const QByteArray&) { return true; }
    std::shared_ptr<PushStream> openPushStream(const QByteArray&, const QByteArray&)
    {
        m_status = 503;
        m_responded = true;
        return nullptr;
    }
    void closeAfterResponse() { m_closeAfter = true; }
    bool responded() const { return m_responded; }

private:
    qint64 m_at = 0;
};
