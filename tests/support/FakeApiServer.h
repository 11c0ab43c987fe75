#pragma once
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

/// A stand-in for mps-server's REST API in unit tests of the apps: plain HTTP on 127.0.0.1, canned
/// answers per "METHOD /path", every request recorded, and a push channel (/api/v1/events) the test
/// feeds with pushEvent(). Just enough HTTP/1.1 for QNetworkAccessManager (one request per
/// connection); integration tests use the real server.
class FakeApiServer : public QObject
{
    Q_OBJECT
public:
    /// One request as it arrived.
    struct Request
    {
        QByteArray method;
        QString path; ///< without the query
        QString query;
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
        QJsonObject json() const;
    };

    explicit FakeApiServer(QObject* parent = nullptr);
    ~FakeApiServer() override;

    /// Starts listening on a free port; returns false when it cannot.
    [[nodiscard]] bool listen();
    /// Returns http://127.0.0.1:PORT.
    QUrl url() const;

    /// Answers `method` `path` with `status` and `body` (of `contentType`) from now on. `path` may
    /// end in query items ("/api/v1/usage/report?by=user"): such a route answers requests that carry
    /// all of them, before the route of the bare path.
    void route(const QByteArray& method, const QString& path, int status, const QByteArray& body,
               const QByteArray& contentType = "application/json");
    /// As route(), with a JSON object body.
    void routeJson(const QByteArray& method, const QString& path, int status, const QJsonObject& body);

    /// Returns every request so far (the push channel's included).
    QList<Request> requests() const { return m_requests; }
    /// Returns the requests with `method` and `path`.
    QList<Request> requests(const QByteArray& method, const QString& path) const;
    /// Forgets the recorded requests.
    void clearRequests() { m_requests.clear(); }

    /// Returns the number of open push-channel connections.
    int eventStreams() const;
    /// Sends one event to every open push-channel connection.
    void pushEvent(const QString& type, const QJsonObject& data);
    /// Closes every push-channel connection (the server went away).
    void dropEventStreams();

Q_SIGNALS:
    /// A request was answered (or, for the push channel, its stream opened).
    void requestHandled(const QByteArray& method, const QString& path);

private:
    struct Answer
    {
        int status = 404;
        QByteArray contentType;
        QByteArray body;
    };
    void onReadyRead(QTcpSocket* socket);
    Answer answerFor(const Request& req) const;

    QTcpServer* m_server;
    QHash<QString, Answer> m_routes;
    QList<Request> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_streams;
};
